// Proof file types accepted on claims, recognised from the bytes (never from the file name).
#ifndef CIM_SERVER_CLAIM_ATTACHMENT_TYPE_H_
#define CIM_SERVER_CLAIM_ATTACHMENT_TYPE_H_

#include <cstddef>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace cim {

inline constexpr size_t kMaxAttachmentBytes = 10 << 20;  // 10 MiB

// "application/pdf", "image/png" or "image/jpeg" if `bytes` start like one; nullopt otherwise.
std::optional<std::string> SniffContentType(absl::string_view bytes);

}  // namespace cim

#endif  // CIM_SERVER_CLAIM_ATTACHMENT_TYPE_H_
