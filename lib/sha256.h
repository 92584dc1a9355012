// SHA-256 (libsodium) as lowercase hex: migration checksums, token and key hashes.
#ifndef CIM_LIB_SHA256_H_
#define CIM_LIB_SHA256_H_

#include <string>

#include "absl/strings/string_view.h"

namespace cim {

// Returns the 64-character lowercase hex SHA-256 of `data`.
std::string Sha256Hex(absl::string_view data);

}  // namespace cim

#endif  // CIM_LIB_SHA256_H_
