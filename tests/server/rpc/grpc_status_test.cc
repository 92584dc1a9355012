#include "server/rpc/grpc_status.h"

#include <grpcpp/support/status.h>

#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "gtest/gtest.h"
#include "lib/status_util.h"

namespace cim {
namespace {

TEST(FieldErrorsTest, EmptyIsOk) { EXPECT_TRUE(FieldErrors().ToStatus().ok()); }

TEST(FieldErrorsTest, CarriesBadRequestToGrpcDetails) {
  FieldErrors errors;
  errors.Add("partner.name", "required");
  errors.Add("partner.tier", "1 to 32 of a-z");
  const absl::Status status = errors.ToStatus();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(),
            "invalid request: partner.name: required; partner.tier: 1 to 32 of a-z");

  const grpc::Status grpc_status = ToGrpcStatus(status);
  EXPECT_EQ(grpc_status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  google::rpc::Status details;
  ASSERT_TRUE(details.ParseFromString(grpc_status.error_details()));
  ASSERT_EQ(details.details_size(), 1);
  google::rpc::BadRequest bad_request;
  ASSERT_TRUE(details.details(0).UnpackTo(&bad_request));
  ASSERT_EQ(bad_request.field_violations_size(), 2);
  EXPECT_EQ(bad_request.field_violations(0).field(), "partner.name");
  EXPECT_EQ(bad_request.field_violations(1).description(), "1 to 32 of a-z");
}

TEST(ToGrpcStatusTest, MapsCodeAndMessage) {
  struct Case {
    absl::Status in;
    grpc::StatusCode want;
  } cases[] = {
      {absl::OkStatus(), grpc::StatusCode::OK},
      {absl::NotFoundError("x"), grpc::StatusCode::NOT_FOUND},
      {absl::PermissionDeniedError("x"), grpc::StatusCode::PERMISSION_DENIED},
      {absl::UnauthenticatedError("x"), grpc::StatusCode::UNAUTHENTICATED},
      {absl::AlreadyExistsError("x"), grpc::StatusCode::ALREADY_EXISTS},
      {absl::ResourceExhaustedError("x"), grpc::StatusCode::RESOURCE_EXHAUSTED},
      {absl::UnavailableError("x"), grpc::StatusCode::UNAVAILABLE},
  };
  for (const Case& c : cases) {
    const grpc::Status out = ToGrpcStatus(c.in);
    EXPECT_EQ(out.error_code(), c.want);
    EXPECT_EQ(out.error_message(), std::string(c.in.message()));
    EXPECT_TRUE(out.error_details().empty());
  }
}

}  // namespace
}  // namespace cim
