// SHA-256 of bundle bytes, as lowercase hex: the digest that names a bundle's content.
#pragma once

#include <string>
#include <string_view>

namespace indgang::exporting {

std::string sha256_hex(std::string_view bytes);   // libsodium crypto_hash_sha256

}  // namespace indgang::exporting
