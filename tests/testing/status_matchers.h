// StatusIs matchers for absl::Status / absl::StatusOr and grpc::Status.
#ifndef CIM_TESTS_TESTING_STATUS_MATCHERS_H_
#define CIM_TESTS_TESTING_STATUS_MATCHERS_H_

#include <grpcpp/support/status.h>

#include <ostream>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "gmock/gmock.h"
#include "server/common/status_util.h"

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
           std::string("has code ") + absl::StatusCodeToString(code)) {
  const absl::Status status = GetStatus(arg);
  *result_listener << "status is " << status;
  return status.code() == code &&
         ::testing::ExplainMatchResult(message_matcher, std::string(status.message()),
                                       result_listener);
}

// StatusIs(code): any message.
inline auto StatusIs(absl::StatusCode code) { return StatusIs(code, ::testing::_); }

MATCHER(IsOk, "is OK") {
  const absl::Status status = GetStatus(arg);
  *result_listener << "status is " << status;
  return status.ok();
}

}  // namespace cim::testing

#define CIM_ASSERT_OK_AND_ASSIGN(lhs, expr)                   \
  auto CIM_STATUS_CONCAT_(_assert_or_, __LINE__) = (expr);    \
  ASSERT_TRUE(CIM_STATUS_CONCAT_(_assert_or_, __LINE__).ok()) \
      << CIM_STATUS_CONCAT_(_assert_or_, __LINE__).status();  \
  lhs = std::move(CIM_STATUS_CONCAT_(_assert_or_, __LINE__)).value()

#endif  // CIM_TESTS_TESTING_STATUS_MATCHERS_H_
