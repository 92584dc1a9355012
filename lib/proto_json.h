// Protobuf JSON for values stored as JSON text (rules, eligibility): proto field names, every
// field kept, unknown fields refused.
#ifndef CIM_LIB_PROTO_JSON_H_
#define CIM_LIB_PROTO_JSON_H_

#include <google/protobuf/message.h>

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace cim {

// The JSON form of `message`.
std::string ToStoredJson(const google::protobuf::Message& message);
// Parses JSON made by ToStoredJson into `message`. INTERNAL if it does not parse (stored data
// is ours, so a bad value is a bug or corruption, not a client mistake).
absl::Status FromStoredJson(absl::string_view json, google::protobuf::Message* message);

}  // namespace cim

#endif  // CIM_LIB_PROTO_JSON_H_
