// Field errors: OK when none were added; otherwise INVALID_ARGUMENT listing every violation in
// order, with a google.rpc.BadRequest payload a client can read field by field. And the
// RETURN_IF_ERROR / ASSIGN_OR_RETURN macros return the first failure.
#include "lib/status_util.h"

#include <string>

#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;

TEST(FieldErrorsTest, NoViolationIsOk) {
  FieldErrors errors;
  EXPECT_TRUE(errors.empty());
  EXPECT_TRUE(errors.ToStatus().ok());
}

TEST(FieldErrorsTest, ViolationsBecomeInvalidArgumentWithABadRequestPayload) {
  FieldErrors errors;
  errors.Add("claim.invoice_number", "is required");
  errors.Add("claim.lines[0].quantity", "must be greater than zero");
  const absl::Status status = errors.ToStatus();
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kInvalidArgument,
                               "invalid request: claim.invoice_number: is required; "
                               "claim.lines[0].quantity: must be greater than zero"));
  const auto payload = status.GetPayload(kBadRequestTypeUrl);
  ASSERT_TRUE(payload.has_value());
  google::rpc::BadRequest bad_request;
  ASSERT_TRUE(bad_request.ParseFromString(std::string(*payload)));
  ASSERT_EQ(bad_request.field_violations_size(), 2);
  EXPECT_EQ(bad_request.field_violations(0).field(), "claim.invoice_number");
  EXPECT_EQ(bad_request.field_violations(0).description(), "is required");
  EXPECT_EQ(bad_request.field_violations(1).field(), "claim.lines[0].quantity");
}

absl::StatusOr<int> Half(int n) {
  if (n % 2 != 0) return absl::InvalidArgumentError("odd");
  return n / 2;
}

absl::StatusOr<int> Quarter(int n) {
  CIM_ASSIGN_OR_RETURN(const int half, Half(n));
  CIM_ASSIGN_OR_RETURN(int quarter, Half(half));
  return quarter;
}

absl::Status BothEven(int a, int b) {
  CIM_RETURN_IF_ERROR(Half(a).status());
  CIM_RETURN_IF_ERROR(Half(b).status());
  return absl::OkStatus();
}

TEST(RequireIdTest, AnIdAboveZeroIsRequired) {
  EXPECT_TRUE(RequireId(7, "order_id").ok());
  EXPECT_THAT(RequireId(0, "order_id"),
              StatusIs(absl::StatusCode::kInvalidArgument, "invalid request: order_id: required"));
  EXPECT_THAT(RequireId(-3, "item.id"),
              StatusIs(absl::StatusCode::kInvalidArgument, "invalid request: item.id: required"));
}

TEST(StatusMacrosTest, ReturnTheFirstFailure) {
  EXPECT_EQ(*Quarter(12), 3);
  EXPECT_THAT(Quarter(6).status(), StatusIs(absl::StatusCode::kInvalidArgument, "odd"));
  EXPECT_TRUE(BothEven(2, 4).ok());
  EXPECT_THAT(BothEven(2, 3), StatusIs(absl::StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace cim
