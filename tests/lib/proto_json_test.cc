// Stored JSON: proto field names, a round trip that keeps every value, and INTERNAL (not a
// client error) for stored text that does not parse or names a field the message lacks.
#include "lib/proto_json.h"

#include "cim/v1/program.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::testing::HasSubstr;

TEST(ProtoJsonTest, RoundTripWithProtoFieldNames) {
  cim::v1::Eligibility eligibility;
  eligibility.add_partner_types(cim::v1::PARTNER_TYPE_DISTRIBUTOR);
  eligibility.add_regions("EMEA-NL");
  eligibility.add_partner_ids(9007199254740993);  // above 2^53: kept exactly
  eligibility.add_required_certifications("storage-expert");
  const std::string json = ToStoredJson(eligibility);
  EXPECT_THAT(json, HasSubstr("\"required_certifications\""));
  EXPECT_THAT(json, HasSubstr("\"PARTNER_TYPE_DISTRIBUTOR\""));
  cim::v1::Eligibility back;
  ASSERT_TRUE(FromStoredJson(json, &back).ok());
  EXPECT_EQ(back.SerializeAsString(), eligibility.SerializeAsString());
}

TEST(ProtoJsonTest, BadStoredTextIsInternal) {
  cim::v1::Eligibility out;
  EXPECT_THAT(FromStoredJson("{\"regions\": [", &out),
              StatusIs(absl::StatusCode::kInternal, HasSubstr("cim.v1.Eligibility")));
  EXPECT_THAT(FromStoredJson("{\"unknown_field\": 1}", &out),
              StatusIs(absl::StatusCode::kInternal));
  EXPECT_THAT(FromStoredJson("{\"partner_ids\": [\"x\"]}", &out),
              StatusIs(absl::StatusCode::kInternal));
}

}  // namespace
}  // namespace cim
