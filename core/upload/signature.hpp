// Signing a bundle with the centre's Ed25519 key (libsodium crypto_sign), so the municipality
// can check which centre sent it: a sealed box proves nothing about its sender. The signature
// is made once, over the archive, inside the seal.
#pragma once

#include "core/upload/seal.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace indgang::upload {

// A signed bundle starts with this line, then "signer: …", "signature: …", an empty line and
// the archive bytes.
inline constexpr std::string_view kSignedMagic = "indgang-signed/1\n";

struct SigningKey {
    std::string public_key_base64;            // what the municipality is told
    std::string secret;                       // crypto_sign_SECRETKEYBYTES raw bytes
};

// Reads the owner-only key file, or makes it (owner-only from the first byte) when it does not
// exist yet; `created` says which. Throws ConfigError for a file others can read.
SigningKey load_or_create_signing_key(const std::string& path, bool* created = nullptr);

std::string sign_bundle(std::string_view archive, const SigningKey& key);
bool is_signed(std::string_view bytes);

struct OpenedSignature {
    std::string signer_base64;                // the key that signed it (verified)
    std::string archive;
};
// Verifies the signature; throws SealError when it does not verify, or when the signer is not
// one of `trusted` (public keys, base64). An empty `trusted` list refuses every signer.
OpenedSignature open_signed(std::string_view bytes, const std::vector<std::string>& trusted);

}  // namespace indgang::upload
