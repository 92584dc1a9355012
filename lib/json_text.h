// JSON string literals written by hand (audit snapshots, access log lines, path parameters
// handed to the protobuf JSON parser): one escaping rule for all of them.
#ifndef CIM_LIB_JSON_TEXT_H_
#define CIM_LIB_JSON_TEXT_H_

#include <string>

#include "absl/strings/string_view.h"

namespace cim {

// Appends `text` to *out as a JSON string literal: quotes and backslashes escaped, \n \r \t as
// such, other control characters as \u00XX. Other bytes are copied (UTF-8 stays UTF-8); with
// `ascii_only`, bytes from 0x7f up become \u00XX too, so a line stays valid JSON whatever bytes
// a client sent.
void AppendJsonString(std::string* out, absl::string_view text, bool ascii_only = false);

// `text` as a JSON string literal (see AppendJsonString).
std::string JsonString(absl::string_view text, bool ascii_only = false);

}  // namespace cim

#endif  // CIM_LIB_JSON_TEXT_H_
