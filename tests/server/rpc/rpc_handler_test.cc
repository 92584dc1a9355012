// What RpcHandler checks in every request before any logic runs: timestamps and durations in
// protobuf's range, update masks naming only the paths their `(cim.v1.paths)` option lists; and
// how it renders the phrases of a response for its reader.
#include "server/rpc/rpc_handler.h"

#include "cim/v1/audit_service.pb.h"
#include "cim/v1/ledger_service.pb.h"
#include "cim/v1/partner_service.pb.h"
#include "cim/v1/performance_service.pb.h"
#include "cim/v1/program_service.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/phrase.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(CheckRequestFieldsTest, TimestampsWithinProtobufsRange) {
  struct Case {
    const char* name;
    int64_t seconds;
    int32_t nanos;
    bool ok;
  } cases[] = {
      {"epoch", 0, 0, true},
      {"first second of year 1", -62135596800, 0, true},
      {"last nanosecond of 9999", 253402300799, 999999999, true},
      {"before year 1", -62135596801, 0, false},
      {"after 9999", 253402300800, 0, false},
      {"negative nanos", 10, -1, false},
      {"nanos of a whole second", 10, 1000000000, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    cim::v1::ListAuditRecordsRequest request;
    request.mutable_to_time()->set_seconds(c.seconds);
    request.mutable_to_time()->set_nanos(c.nanos);
    if (c.ok) {
      EXPECT_TRUE(CheckRequestFields(request).ok());
    } else {
      EXPECT_THAT(CheckRequestFields(request),
                  StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("to_time: a time")));
    }
  }
}

TEST(CheckRequestFieldsTest, UpdateMasksNameOnlyThePathsTheCallTakes) {
  cim::v1::UpdatePartnerRequest partner;
  partner.mutable_update_mask()->add_paths("name");
  partner.mutable_update_mask()->add_paths("tier");
  EXPECT_TRUE(CheckRequestFields(partner).ok());
  partner.mutable_update_mask()->add_paths("create_time");
  EXPECT_THAT(CheckRequestFields(partner),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("update_mask: 'create_time' cannot be updated by this call (it "
                                 "takes: name, type, tier, region, parent_partner_id, status)")));

  // A simulation takes fewer paths than UpdateProgram: never the name.
  cim::v1::SimulateProgramRequest simulation;
  simulation.mutable_update_mask()->add_paths("rules");
  EXPECT_TRUE(CheckRequestFields(simulation).ok());
  simulation.mutable_update_mask()->add_paths("name");
  EXPECT_THAT(CheckRequestFields(simulation),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("'name' cannot be updated")));
}

TEST(CheckRequestFieldsTest, NamesEveryViolationWithItsPath) {
  cim::v1::ListAuditRecordsRequest request;
  request.mutable_from_time()->set_seconds(-99999999999);
  request.mutable_to_time()->set_nanos(-5);
  const absl::Status status = CheckRequestFields(request);
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("from_time")));
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("to_time")));
}

TEST(RenderPhrasesTest, RendersEveryPhraseAtAnyDepthAndLeavesOtherTextAlone) {
  const std::string phrase = Phrase("ledger.points").Count("points", 1250);
  cim::v1::ListLedgerEntriesResponse response;
  cim::v1::LedgerEntry* earned = response.add_entries();
  earned->set_basis(phrase);
  earned->set_unit("points");
  response.add_entries()->set_basis("Great work on the Amstel deal");
  response.set_next_page_token(phrase);
  RenderPhrases(Wording(MessageCatalogs::Compiled(), "nl"), response);
  EXPECT_EQ(response.entries(0).basis(), "1.250 punten");
  EXPECT_EQ(response.entries(0).unit(), "points");
  EXPECT_EQ(response.entries(1).basis(), "Great work on the Amstel deal");
  EXPECT_EQ(response.next_page_token(), "1.250 punten");

  cim::v1::CheckEligibilityResponse reasons;
  reasons.add_reasons(phrase);
  reasons.add_reasons("as it is");
  RenderPhrases(Wording::English(), reasons);
  EXPECT_THAT(reasons.reasons(), ElementsAre("1,250 points", "as it is"));
}

}  // namespace
}  // namespace cim
