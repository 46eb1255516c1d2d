#include "core/upload/signature.hpp"

#include "core/upload/seal.hpp"

#include "core/upload/target.hpp"
#include "core/text/staff_text.hpp"

#include <sodium.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace indgang::upload {

namespace {

constexpr std::string_view kKeyMagic = "indgang-signing-key/1\n";
// Signatures are made over this context and the archive, so a signature can never be taken
// for one over some other message signed with the same key.
constexpr std::string_view kContext = "indgang-bundle-signature/1";

std::string message_of(std::string_view archive) {
    std::string m(kContext);
    m += '\0';
    m += archive;
    return m;
}

SigningKey read_key_file(const std::string& path) {
    require_private_file(path, text::st_fill("signing key", {}));
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    const std::string text = s.str();
    if (text.rfind(kKeyMagic, 0) != 0)
        throw ConfigError(text::st_fill("signing key {path} is not an Indgang signing key", {{"path", path}}));
    SigningKey k;
    k.secret = key_from_base64(std::string_view(text).substr(kKeyMagic.size()), crypto_sign_SECRETKEYBYTES, "signing key");
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    crypto_sign_ed25519_sk_to_pk(pk, reinterpret_cast<const unsigned char*>(k.secret.data()));
    k.public_key_base64 = key_to_base64(pk, sizeof pk);
    return k;
}

}  // namespace

SigningKey load_or_create_signing_key(const std::string& path, bool* created) {
    sodium_ready();
    if (created) *created = false;
    if (std::filesystem::exists(path)) return read_key_file(path);
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_keypair(pk, sk);
    std::string text(kKeyMagic);
    text += key_to_base64(sk, sizeof sk) + "\n";
    sodium_memzero(sk, sizeof sk);
    // Written complete under a temporary name, then linked into place: two runs starting at once
    // never read a half-written key, and the loser of the race uses the winner's key.
    const std::string temp = path + ".tmp" + std::to_string(::getpid());
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) throw ConfigError(text::st_fill("cannot create the signing key {path}: {why}", {{"path", path}, {"why", std::strerror(errno)}}));
    const bool wrote = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
    ::close(fd);
    sodium_memzero(text.data(), text.size());
    const bool linked = wrote && ::link(temp.c_str(), path.c_str()) == 0;
    ::unlink(temp.c_str());
    if (!wrote) throw ConfigError(text::st_fill("cannot write the signing key {path} (disk full?)", {{"path", path}}));
    if (linked && created) *created = true;
    return read_key_file(path);
}

bool is_signed(std::string_view bytes) { return bytes.substr(0, kSignedMagic.size()) == kSignedMagic; }

std::string sign_bundle(std::string_view archive, const SigningKey& key) {
    sodium_ready();
    const std::string m = message_of(archive);
    unsigned char sig[crypto_sign_BYTES];
    crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(m.data()), m.size(),
                         reinterpret_cast<const unsigned char*>(key.secret.data()));
    std::string out(kSignedMagic);
    out += "signer: " + key.public_key_base64 + "\n";
    out += "signature: " + key_to_base64(sig, sizeof sig) + "\n\n";
    out += archive;
    return out;
}

OpenedSignature open_signed(std::string_view bytes, const std::vector<std::string>& trusted) {
    sodium_ready();
    if (!is_signed(bytes)) throw SealError("not a signed Indgang bundle");
    auto line = [&](size_t& pos, std::string_view name) {
        const auto end = bytes.find('\n', pos);
        if (end == std::string_view::npos || bytes.substr(pos, name.size()) != name)
            throw SealError("the bundle's signature header is damaged");
        std::string_view v = bytes.substr(pos + name.size(), end - pos - name.size());
        pos = end + 1;
        return std::string(v);
    };
    size_t pos = kSignedMagic.size();
    OpenedSignature out;
    out.signer_base64 = line(pos, "signer: ");
    const std::string sig = key_from_base64(line(pos, "signature: "), crypto_sign_BYTES, "signature");
    if (bytes.substr(pos, 1) != "\n") throw SealError("the bundle's signature header is damaged");
    out.archive = std::string(bytes.substr(pos + 1));
    const std::string pk = key_from_base64(out.signer_base64, crypto_sign_PUBLICKEYBYTES, "signer");
    const std::string m = message_of(out.archive);
    if (crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(sig.data()),
                                    reinterpret_cast<const unsigned char*>(m.data()), m.size(),
                                    reinterpret_cast<const unsigned char*>(pk.data())) != 0)
        throw SealError("the signature does not verify: the bundle was altered after it was signed");
    const bool known = std::any_of(trusted.begin(), trusted.end(), [&](const std::string& t) {
        try {
            return key_from_base64(t, crypto_sign_PUBLICKEYBYTES, "trusted key") == pk;
        } catch (const SealError&) {
            return false;
        }
    });
    if (!known)
        throw SealError("the bundle is signed by " + out.signer_base64 +
                        ", which is not one of the centre keys given with --signer");
    return out;
}

}  // namespace indgang::upload
