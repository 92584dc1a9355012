// The audit trail's hash chain: an intact trail verifies; editing any field, deleting,
// inserting or reordering records, or cutting the end is detected at the right record.
#include "server/audit/audit_chain.h"

#include <functional>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/phrase_matchers.h"

namespace cim {
namespace {

using ::cim::testing::InEnglish;
using ::testing::HasSubstr;

// A trail of `n` records chained from the genesis hash.
std::vector<AuditRecord> Trail(int n) {
  std::vector<AuditRecord> out;
  std::string prev = kAuditGenesis;
  for (int i = 1; i <= n; ++i) {
    AuditRecord r{.id = i * 2,  // ids may have gaps (rolled-back inserts)
                  .at = absl::FromUnixSeconds(1'800'000'000 + i),
                  .actor_user_id = 7,
                  .role = 3,
                  .partner_id = 0,
                  .rpc = "/cim.v1.ClaimService/ApproveClaim",
                  .entity_type = "claim",
                  .entity_id = absl::StrCat(100 + i),
                  .before_json = R"({"status":"CLAIM_STATUS_IN_REVIEW"})",
                  .after_json = R"({"status":"CLAIM_STATUS_APPROVED"})",
                  .request_id = absl::StrCat("req-", i),
                  .client_address = "10.0.0.5",
                  .prev_hash = prev};
    r.hash = AuditHash(r, prev);
    prev = r.hash;
    out.push_back(r);
  }
  return out;
}

TEST(AuditChainTest, IntactTrailVerifies) {
  const std::vector<AuditRecord> trail = Trail(5);
  EXPECT_EQ(trail[0].hash.size(), 64);
  EXPECT_NE(trail[0].hash, trail[1].hash);
  EXPECT_FALSE(VerifyAuditChain(trail, kAuditGenesis, trail.back().hash).has_value());
  EXPECT_FALSE(VerifyAuditChain({}, kAuditGenesis, std::nullopt).has_value());
  // A part of the trail verifies from the hash of the record before it.
  const std::vector<AuditRecord> tail(trail.begin() + 2, trail.end());
  EXPECT_FALSE(VerifyAuditChain(tail, trail[1].hash, trail.back().hash).has_value());
}

TEST(AuditChainTest, EveryFieldIsCovered) {
  const std::vector<std::function<void(AuditRecord&)>> edits = {
      [](AuditRecord& r) { r.at += absl::Microseconds(1); },
      [](AuditRecord& r) { r.actor_user_id = 8; },
      [](AuditRecord& r) { r.role = 4; },
      [](AuditRecord& r) { r.partner_id = 1; },
      [](AuditRecord& r) { r.rpc = "/cim.v1.ClaimService/RejectClaim"; },
      [](AuditRecord& r) { r.entity_type = "program"; },
      [](AuditRecord& r) { r.entity_id = "999"; },
      [](AuditRecord& r) { r.before_json = "{}"; },
      [](AuditRecord& r) { r.after_json = R"({"status":"CLAIM_STATUS_REJECTED"})"; },
      [](AuditRecord& r) { r.request_id = "req-x"; },
      [](AuditRecord& r) { r.client_address = "10.0.0.6"; },
      // Moving bytes between fields changes the hash too.
      [](AuditRecord& r) {
        r.entity_type += r.entity_id;
        r.entity_id.clear();
      },
  };
  for (size_t i = 0; i < edits.size(); ++i) {
    std::vector<AuditRecord> trail = Trail(4);
    edits[i](trail[2]);
    const std::optional<AuditBreak> broken =
        VerifyAuditChain(trail, kAuditGenesis, trail.back().hash);
    ASSERT_TRUE(broken.has_value()) << "edit " << i;
    EXPECT_EQ(broken->record_id, trail[2].id) << "edit " << i;
    EXPECT_EQ(InEnglish(broken->reason),
              absl::StrCat("record ", trail[2].id, " was changed after it was written"))
        << "edit " << i;
  }
}

TEST(AuditChainTest, DeletionsInsertionsAndReorderingBreakTheChain) {
  std::vector<AuditRecord> trail = Trail(5);
  const std::string head = trail.back().hash;

  std::vector<AuditRecord> deleted = trail;
  deleted.erase(deleted.begin() + 2);
  std::optional<AuditBreak> b = VerifyAuditChain(deleted, kAuditGenesis, head);
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(b->record_id, trail[3].id);
  EXPECT_THAT(InEnglish(b->reason), HasSubstr("a record was deleted, inserted or reordered"));

  // A forged record rehashed in place still breaks the next record's link.
  std::vector<AuditRecord> forged = trail;
  forged[1].after_json = "{}";
  forged[1].hash = AuditHash(forged[1], forged[1].prev_hash);
  b = VerifyAuditChain(forged, kAuditGenesis, head);
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(b->record_id, trail[2].id);

  std::vector<AuditRecord> swapped = trail;
  std::swap(swapped[1], swapped[2]);
  b = VerifyAuditChain(swapped, kAuditGenesis, head);
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(b->record_id, swapped[1].id);  // the first record out of place

  // Cutting the newest records leaves an intact chain that no longer reaches the head.
  std::vector<AuditRecord> cut(trail.begin(), trail.end() - 2);
  b = VerifyAuditChain(cut, kAuditGenesis, head);
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(b->record_id, 0);
  EXPECT_FALSE(VerifyAuditChain(cut, kAuditGenesis, std::nullopt).has_value());
}

}  // namespace
}  // namespace cim
