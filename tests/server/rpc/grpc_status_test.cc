#include "server/rpc/grpc_status.h"

#include <grpcpp/support/status.h>

#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "gtest/gtest.h"
#include "lib/phrase.h"
#include "lib/status_util.h"

namespace cim {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

TEST(FieldErrorsTest, EmptyIsOk) { EXPECT_TRUE(FieldErrors().ToStatus().ok()); }

TEST(FieldErrorsTest, CarriesBadRequestToGrpcDetails) {
  FieldErrors errors;
  errors.Add("partner.name", "required");
  errors.Add("partner.tier", "1 to 32 of a-z");
  const absl::Status status = errors.ToStatus();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Wording::English().Message(status),
            "invalid request: partner.name: required; partner.tier: 1 to 32 of a-z");

  const grpc::Status grpc_status = ToGrpcStatus(status);
  EXPECT_EQ(grpc_status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  google::rpc::Status details;
  ASSERT_TRUE(details.ParseFromString(grpc_status.error_details()));
  ASSERT_EQ(details.details_size(), 2);
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
    if (c.in.ok()) {
      EXPECT_TRUE(out.error_details().empty());
      continue;
    }
    google::rpc::Status details;
    ASSERT_TRUE(details.ParseFromString(out.error_details()));
    google::rpc::LocalizedMessage text;
    ASSERT_EQ(details.details_size(), 1);
    ASSERT_TRUE(details.details(0).UnpackTo(&text));
    EXPECT_EQ(text.locale(), "en-GB");
    EXPECT_EQ(text.message(), "x");
  }
}

// What a status says in `language`: the LocalizedMessage, and each BadRequest description.
struct Localized {
  std::string message;
  std::string english;
  std::vector<std::pair<std::string, std::string>> violations;
  std::string locale;
};

Localized In(absl::string_view language, const absl::Status& status) {
  const grpc::Status out = ToGrpcStatus(status, Wording(MessageCatalogs::Compiled(), language));
  Localized got{.english = out.error_message()};
  google::rpc::Status details;
  EXPECT_TRUE(details.ParseFromString(out.error_details()));
  for (const google::protobuf::Any& any : details.details()) {
    google::rpc::LocalizedMessage text;
    google::rpc::BadRequest bad_request;
    if (any.UnpackTo(&text)) {
      got.message = text.message();
      got.locale = text.locale();
    } else if (any.UnpackTo(&bad_request)) {
      for (const auto& v : bad_request.field_violations()) {
        got.violations.emplace_back(v.field(), v.description());
      }
    }
  }
  return got;
}

TEST(ToGrpcStatusTest, SaysItInTheReadersLanguageAndKeepsTheFieldPaths) {
  FieldErrors errors;
  errors.Add("claim.lines[0].sku", "required");
  errors.Add("claim.invoice_number", "a word no catalog has");
  const Localized dutch = In("nl", errors.ToStatus());
  EXPECT_EQ(dutch.locale, "nl-NL");
  EXPECT_EQ(dutch.message,
            "ongeldige aanvraag: claim.lines[0].sku: verplicht; claim.invoice_number: a word no "
            "catalog has");
  EXPECT_EQ(dutch.english,
            "invalid request: claim.lines[0].sku: required; claim.invoice_number: a word no "
            "catalog has");
  EXPECT_THAT(dutch.violations, ElementsAre(Pair("claim.lines[0].sku", "verplicht"),
                                            Pair("claim.invoice_number", "a word no catalog has")));

  const absl::Status short_of_points = absl::FailedPreconditionError(Phrase("error.points_short")
                                                                         .Count("total", 1500)
                                                                         .Count("balance", 1)
                                                                         .Count("short", 1499)
                                                                         .str());
  EXPECT_EQ(In("nl", short_of_points).message,
            "de bestelling kost 1.500 punten; je saldo is 1 punt (nog 1.499 punten nodig)");
  EXPECT_EQ(In("nl", short_of_points).english,
            "the order needs 1,500 points; your balance is 1 point (1,499 points more needed)");
  EXPECT_EQ(In("en", absl::PermissionDeniedError("not allowed")).message, "not allowed");
  EXPECT_EQ(In("nl", absl::PermissionDeniedError("not allowed")).message, "niet toegestaan");
}

}  // namespace
}  // namespace cim
