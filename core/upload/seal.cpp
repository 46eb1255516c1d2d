#include "core/upload/seal.hpp"

#include <sodium.h>

namespace indgang::upload {

void sodium_ready() {
    if (sodium_init() < 0) throw SealError("libsodium failed to initialise");
}

std::string key_to_base64(const unsigned char* bytes, size_t len) {
    std::string out(sodium_base64_encoded_len(len, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), bytes, len, sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.size() - 1);               // drop the terminating NUL
    return out;
}

std::string key_from_base64(std::string_view text, size_t expected, const char* what) {
    std::string out(expected, '\0');
    size_t len = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(),
                          " \t\r\n", &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0 ||
        len != expected)
        throw SealError(std::string(what) + " is not a base64 key of " + std::to_string(expected) + " bytes");
    return out;
}

namespace {
const unsigned char* bytes(const std::string& s) { return reinterpret_cast<const unsigned char*>(s.data()); }
}  // namespace

KeyPair generate_keypair() {
    sodium_ready();
    unsigned char pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
    crypto_box_keypair(pk, sk);
    KeyPair kp{key_to_base64(pk, sizeof pk), key_to_base64(sk, sizeof sk)};
    sodium_memzero(sk, sizeof sk);
    return kp;
}

bool is_sealed(std::string_view bytes) { return bytes.substr(0, kSealedMagic.size()) == kSealedMagic; }

std::string seal(std::string_view plain, const std::string& public_key_base64) {
    sodium_ready();
    const auto pk = key_from_base64(public_key_base64, crypto_box_PUBLICKEYBYTES, "municipality_public_key");
    std::string out(kSealedMagic);
    out.resize(kSealedMagic.size() + plain.size() + crypto_box_SEALBYTES);
    auto* dest = reinterpret_cast<unsigned char*>(out.data() + kSealedMagic.size());
    if (crypto_box_seal(dest, reinterpret_cast<const unsigned char*>(plain.data()), plain.size(), bytes(pk)) != 0)
        throw SealError("sealing the bundle failed");
    return out;
}

std::string open_sealed(std::string_view sealed, const std::string& secret_key_base64) {
    sodium_ready();
    if (!is_sealed(sealed)) throw SealError("not a sealed Indgang bundle");
    const std::string_view box = sealed.substr(kSealedMagic.size());
    if (box.size() < crypto_box_SEALBYTES) throw SealError("sealed bundle is truncated");
    auto sk = key_from_base64(secret_key_base64, crypto_box_SECRETKEYBYTES, "secret key");
    unsigned char pk[crypto_box_PUBLICKEYBYTES];
    crypto_scalarmult_base(pk, bytes(sk));    // the public half follows from the secret one
    std::string plain(box.size() - crypto_box_SEALBYTES, '\0');
    const int rc = crypto_box_seal_open(reinterpret_cast<unsigned char*>(plain.data()),
                                        reinterpret_cast<const unsigned char*>(box.data()), box.size(), pk,
                                        bytes(sk));
    sodium_memzero(sk.data(), sk.size());
    if (rc != 0)
        throw SealError("cannot open the sealed bundle: wrong key, or the file was damaged or altered");
    return plain;
}

}  // namespace indgang::upload
