// StatusIs matchers for absl::Status / absl::StatusOr and grpc::Status.
#ifndef CIM_TESTS_TESTING_STATUS_MATCHERS_H_
#define CIM_TESTS_TESTING_STATUS_MATCHERS_H_

#include <grpcpp/support/status.h>

#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "lib/messages.h"
#include "lib/status_util.h"

namespace cim::testing {

inline const absl::Status& GetStatus(const absl::Status& s) { return s; }
template <typename T>
const absl::Status& GetStatus(const absl::StatusOr<T>& s) {
  return s.status();
}
inline absl::Status GetStatus(const grpc::Status& s) {
  return absl::Status(static_cast<absl::StatusCode>(s.error_code()), s.error_message());
}

MATCHER_P2(StatusIs, code, message_matcher,
           std::string("has code ") +
               absl::StatusCodeToString(static_cast<absl::StatusCode>(code))) {
  const absl::Status status = GetStatus(arg);
  *result_listener << "status is " << status;
  // Matched as English readers get it: phrases (lib/phrase.h) rendered, field violations too.
  return static_cast<int>(status.code()) == static_cast<int>(code) &&
         ::testing::ExplainMatchResult(message_matcher, Wording::English().Message(status),
                                       result_listener);
}

// StatusIs(code): any message.
inline auto StatusIs(absl::StatusCode code) { return StatusIs(code, ::testing::_); }
inline auto StatusIs(grpc::StatusCode code) {
  return StatusIs(static_cast<absl::StatusCode>(code), ::testing::_);
}

MATCHER(IsOk, "is OK") {
  const absl::Status status = GetStatus(arg);
  *result_listener << "status is " << status;
  return status.ok();
}

// An OK absl::StatusOr whose value matches `value_matcher`.
MATCHER_P(IsOkAndHolds, value_matcher, "is OK and holds a matching value") {
  if (!arg.ok()) {
    *result_listener << "status is " << arg.status();
    return false;
  }
  return ::testing::ExplainMatchResult(value_matcher, *arg, result_listener);
}

// Field names of the google.rpc.BadRequest in a gRPC status's details.
inline std::vector<std::string> ViolatedFields(const grpc::Status& status) {
  google::rpc::Status details;
  std::vector<std::string> fields;
  if (!details.ParseFromString(status.error_details())) return fields;
  for (const auto& any : details.details()) {
    google::rpc::BadRequest bad;
    if (any.UnpackTo(&bad)) {
      for (const auto& v : bad.field_violations()) fields.push_back(v.field());
    }
  }
  return fields;
}

// Field names of the google.rpc.BadRequest an absl::Status carries (cim::FieldErrors), in order.
inline std::vector<std::string> ViolatedFields(const absl::Status& status) {
  std::vector<std::string> fields;
  const auto payload = status.GetPayload(kBadRequestTypeUrl);
  google::rpc::BadRequest bad;
  if (!payload.has_value() || !bad.ParseFromString(std::string(*payload))) return fields;
  for (const auto& v : bad.field_violations()) fields.push_back(v.field());
  return fields;
}

}  // namespace cim::testing

#define CIM_ASSERT_OK_AND_ASSIGN(lhs, expr)                   \
  auto CIM_STATUS_CONCAT_(_assert_or_, __LINE__) = (expr);    \
  ASSERT_TRUE(CIM_STATUS_CONCAT_(_assert_or_, __LINE__).ok()) \
      << CIM_STATUS_CONCAT_(_assert_or_, __LINE__).status();  \
  lhs = std::move(CIM_STATUS_CONCAT_(_assert_or_, __LINE__)).value()

#endif  // CIM_TESTS_TESTING_STATUS_MATCHERS_H_
