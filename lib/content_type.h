// File types CIM accepts in uploads (claim and fund proof, catalog pictures), recognised from
// the bytes, never from the file name.
#ifndef CIM_LIB_CONTENT_TYPE_H_
#define CIM_LIB_CONTENT_TYPE_H_

#include <cstddef>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace cim {

inline constexpr size_t kMaxAttachmentBytes = 10 << 20;  // 10 MiB

// "application/pdf", "image/png" or "image/jpeg" if `bytes` start like one; nullopt otherwise.
std::optional<std::string> SniffContentType(absl::string_view bytes);

}  // namespace cim

#endif  // CIM_LIB_CONTENT_TYPE_H_
