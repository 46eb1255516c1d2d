// Sealing a bundle for the municipality: libsodium crypto_box_seal to its public key, so only
// the holder of the private key can read it, even if the file drop is compromised.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace indgang::upload {

class SealError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Sealed files start with this line, so open-bundle can tell them from a plain bundle.
inline constexpr std::string_view kSealedMagic = "indgang-sealed/1\n";

struct KeyPair {
    std::string public_key_base64;            // goes into the kiosk's upload config
    std::string secret_key_base64;            // stays with the municipality
};

KeyPair generate_keypair();
std::string seal(std::string_view plain, const std::string& public_key_base64);
bool is_sealed(std::string_view bytes);
// Throws SealError when the key is wrong or the file was altered.
std::string open_sealed(std::string_view sealed, const std::string& secret_key_base64);

// Keys as text, shared by sealing and signing. sodium_ready() initialises libsodium (throws
// SealError if it cannot); key_from_base64 returns the raw bytes and throws SealError naming
// `what` unless the text decodes to exactly `expected` bytes.
void sodium_ready();
std::string key_to_base64(const unsigned char* bytes, size_t len);
std::string key_from_base64(std::string_view text, size_t expected, const char* what);

}  // namespace indgang::upload
