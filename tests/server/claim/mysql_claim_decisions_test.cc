// A DecisionRun (DecideAll) against MariaDB: each job locks, decides and writes as if one after
// the other in one transaction. An approval posts its ledger entries once, with its event,
// outbox event, period totals and budget draw; deciding the claim again is FAILED_PRECONDITION
// and posts nothing; a rejection posts nothing and draws nothing; a draw the budget cannot
// cover is FAILED_PRECONDITION and that job writes nothing, in one batch and under concurrent
// runs alike (the budget is never overspent); later jobs see the totals, approved sales and
// status earlier jobs left, and each job its partner's tier; an unknown claim is NOT_FOUND; a
// resubmission replaces the claim's content and flags new conflicts (and a bad attachment fails the
// run, changing nothing); each job's change is audited as its own caller's.
#include "server/claim/mysql_claim_decisions.h"

#include <google/protobuf/util/message_differencer.h>

#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cim/v1/recognition.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/proto_time.h"
#include "tests/server/claim/claim_store_fixture.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::IsOk;
using ::cim::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

class MysqlClaimDecisionsTest : public ClaimStoreTest {
 protected:
  using Results = std::vector<absl::StatusOr<Claim>>;

  // Runs the jobs as the claim store does: one DecisionRun in one transaction.
  absl::StatusOr<Results> Decide(const std::vector<DecideJob>& jobs) {
    return database_.db().Transact([&](soci::session& s) { return DecideAll(s, cache_, jobs); });
  }

  std::string BudgetDrawn(int64_t program_id) {
    absl::StatusOr<cim::v1::Program> p = programs_.Get(program_id);
    return p.ok() ? p->budget_drawn() : p.status().ToString();
  }

  // The rebate rule's first-quarter volume of `partner` as stored.
  std::string Volume(int64_t partner, int64_t program_id = 0) {
    absl::StatusOr<absl::flat_hash_map<std::string, RuleTotals>> totals =
        claims_.PeriodTotals(program_id == 0 ? program_.id() : program_id, partner, kQ1);
    if (!totals.ok()) return totals.status().ToString();
    auto it = totals->find("rebate");
    return it == totals->end() ? "none" : it->second.volume.ToString(2);
  }

  long long Entries(int64_t claim) {
    return Count(absl::StrCat("SELECT COUNT(*) FROM ledger_entries WHERE claim_id = ", claim));
  }

  ProgramCache cache_;
};

TEST_F(MysqlClaimDecisionsTest, ApprovalPostsItsEntriesOnceWithEventTotalsBudgetAndOutbox) {
  const int64_t claim = Insert(SaleClaim(kAlpha, kRob, "INV-1", "6000.00"));
  CIM_ASSERT_OK_AND_ASSIGN(Results results, Decide({Job(claim, Approval("120.00", "600"))}));
  ASSERT_THAT(results, SizeIs(1));
  ASSERT_THAT(results[0], IsOk());
  const Claim& approved = *results[0];
  EXPECT_EQ(approved.status(), cim::v1::CLAIM_STATUS_APPROVED);
  EXPECT_EQ(approved.reviewer_user_id(), kVera);
  EXPECT_EQ(approved.etag(), "2");
  EXPECT_EQ(FromTimestamp(approved.update_time()), T0() + absl::Hours(1));
  ASSERT_THAT(approved.rewards(), SizeIs(2));
  EXPECT_EQ(approved.rewards(0).amount(), "120.00");
  EXPECT_EQ(approved.rewards(0).account(), cim::v1::LEDGER_ACCOUNT_PAYABLE);
  EXPECT_EQ(approved.rewards(1).amount(), "600");
  EXPECT_EQ(approved.rewards(1).unit(), "points");
  ASSERT_THAT(approved.timeline(), SizeIs(2));
  EXPECT_EQ(approved.timeline(1).from_status(), cim::v1::CLAIM_STATUS_SUBMITTED);
  EXPECT_EQ(approved.timeline(1).to_status(), cim::v1::CLAIM_STATUS_APPROVED);
  EXPECT_EQ(approved.timeline(1).actor_name(), "Vera");
  EXPECT_EQ(approved.timeline(1).comment(), "approved");
  // What the run returns is what is stored.
  CIM_ASSERT_OK_AND_ASSIGN(const Claim stored, claims_.Get(claim));
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(stored, approved))
      << stored.DebugString() << "\n"
      << approved.DebugString();

  EXPECT_EQ(Entries(claim), 2);
  EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM outbox_events WHERE claim_id = ", claim,
                               " AND kind = ", cim::v1::RECOGNITION_EVENT_KIND_CLAIM_APPROVED,
                               " AND partner_id = 1 AND user_id = 4 AND amount = 6000",
                               " AND currency_code = 'EUR' AND points = 600")),
            1);
  EXPECT_EQ(Volume(kAlpha), "6000.00");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM reward_period_totals WHERE rule_id = 'rebate'"
                  " AND rebate_posted = 120"),
            1);
  EXPECT_EQ(BudgetDrawn(program_.id()), "120.00");

  // Approving it again is refused and posts, draws and counts nothing more.
  CIM_ASSERT_OK_AND_ASSIGN(results, Decide({Job(claim, Approval("120.00", "600"))}));
  EXPECT_THAT(results[0], StatusIs(absl::StatusCode::kFailedPrecondition,
                                   "a APPROVED claim cannot become APPROVED"));
  EXPECT_EQ(Entries(claim), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events"), 1);
  EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM claim_events WHERE claim_id = ", claim)), 2);
  EXPECT_EQ(Volume(kAlpha), "6000.00");
  EXPECT_EQ(BudgetDrawn(program_.id()), "120.00");
}

TEST_F(MysqlClaimDecisionsTest, AClaimDecidedTwiceInOneRunIsRefusedTheSecondTime) {
  const int64_t claim = Insert(SaleClaim(kAlpha, kRob, "INV-1"));
  CIM_ASSERT_OK_AND_ASSIGN(Results results, Decide({Job(claim, Approval("20.00")),
                                                    Job(claim, Step(ClaimAction::kReject, "no")),
                                                    Job(999999, Approval("1.00"))}));
  ASSERT_THAT(results, SizeIs(3));
  ASSERT_THAT(results[0], IsOk());
  EXPECT_EQ(results[0]->status(), cim::v1::CLAIM_STATUS_APPROVED);
  EXPECT_THAT(results[1], StatusIs(absl::StatusCode::kFailedPrecondition,
                                   "a APPROVED claim cannot become REJECTED"));
  EXPECT_THAT(results[2], StatusIs(absl::StatusCode::kNotFound, "claim 999999 not found"));
  CIM_ASSERT_OK_AND_ASSIGN(const Claim stored, claims_.Get(claim));
  EXPECT_EQ(stored.status(), cim::v1::CLAIM_STATUS_APPROVED);
  EXPECT_EQ(stored.etag(), "2");
  EXPECT_THAT(stored.timeline(), SizeIs(2));
  EXPECT_EQ(Entries(claim), 1);
  EXPECT_EQ(BudgetDrawn(program_.id()), "20.00");
}

TEST_F(MysqlClaimDecisionsTest, ARejectionPostsNothingAndDrawsNothing) {
  const int64_t claim = Insert(SaleClaim(kAlpha, kRob, "INV-1", "6000.00"));
  DecideJob reject = Job(claim, Step(ClaimAction::kReject, "duplicate of the distributor's"));
  reject.totals = nullptr;
  CIM_ASSERT_OK_AND_ASSIGN(Results results, Decide({reject}));
  ASSERT_THAT(results[0], IsOk());
  EXPECT_EQ(results[0]->status(), cim::v1::CLAIM_STATUS_REJECTED);
  EXPECT_EQ(results[0]->reviewer_user_id(), kVera);
  EXPECT_THAT(results[0]->rewards(), IsEmpty());
  ASSERT_THAT(results[0]->timeline(), SizeIs(2));
  EXPECT_EQ(results[0]->timeline(1).comment(), "duplicate of the distributor's");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ledger_entries"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM reward_period_totals"), 0);
  EXPECT_EQ(BudgetDrawn(program_.id()), "0.00");
  // Final: it cannot be approved afterwards.
  CIM_ASSERT_OK_AND_ASSIGN(results, Decide({Job(claim, Approval("120.00"))}));
  EXPECT_THAT(results[0], StatusIs(absl::StatusCode::kFailedPrecondition,
                                   "a REJECTED claim cannot become APPROVED"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ledger_entries"), 0);
}

TEST_F(MysqlClaimDecisionsTest, ADrawTheBudgetCannotCoverWritesNothingForThatJob) {
  const cim::v1::Program small = ActiveProgram(kRebateProgram, "1000");
  Enroll(kAlpha, small.id());
  const auto claim_in = [&](const std::string& invoice) {
    NewClaim c = SaleClaim(kAlpha, kRob, invoice);
    c.claim.set_program_id(small.id());
    return Insert(c);
  };
  const int64_t first = claim_in("B-1"), second = claim_in("B-2"), third = claim_in("B-3");
  CIM_ASSERT_OK_AND_ASSIGN(Results results,
                           Decide({Job(first, Approval("600.00")), Job(second, Approval("600.00")),
                                   Job(third, Approval("400.00"))}));
  ASSERT_THAT(results, SizeIs(3));
  EXPECT_THAT(results[0], IsOk());
  EXPECT_THAT(results[1],
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "the program budget cannot cover this: it needs €600 and €400 remain"));
  EXPECT_THAT(results[2], IsOk());  // exactly what was left
  EXPECT_EQ(BudgetDrawn(small.id()), "1000.00");
  CIM_ASSERT_OK_AND_ASSIGN(const Claim untouched, claims_.Get(second));
  EXPECT_EQ(untouched.status(), cim::v1::CLAIM_STATUS_SUBMITTED);
  EXPECT_EQ(untouched.etag(), "1");
  EXPECT_THAT(untouched.timeline(), SizeIs(1));
  EXPECT_EQ(Entries(second), 0);
  EXPECT_EQ(Volume(kAlpha, small.id()), "2000.00");  // the first and third claims only
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events"), 2);
}

TEST_F(MysqlClaimDecisionsTest, ConcurrentRunsNeverOverspendTheBudget) {
  const cim::v1::Program small = ActiveProgram(kRebateProgram, "1000");
  Enroll(kAlpha, small.id());
  Enroll(kBravo, small.id());
  constexpr int kClaims = 8;
  std::vector<int64_t> ids;
  for (int i = 0; i < kClaims; ++i) {
    // Both partners: their draws start on different budget slices.
    NewClaim c = i % 2 == 0 ? SaleClaim(kAlpha, kRob, absl::StrCat("C-", i))
                            : SaleClaim(kBravo, kBea, absl::StrCat("C-", i));
    c.claim.set_program_id(small.id());
    ids.push_back(Insert(c));
  }
  std::vector<absl::Status> outcomes(kClaims);
  std::vector<std::thread> threads;
  for (int i = 0; i < kClaims; ++i) {
    threads.emplace_back([&, i] {
      ProgramCache cache;  // each run as if on another server
      absl::StatusOr<Results> run = database_.db().Transact(
          [&](soci::session& s) { return DecideAll(s, cache, {Job(ids[i], Approval("300.00"))}); });
      outcomes[i] = run.ok() ? (*run)[0].status() : run.status();
    });
  }
  for (std::thread& t : threads) t.join();
  int approved = 0;
  for (const absl::Status& s : outcomes) {
    if (s.ok()) {
      ++approved;
    } else {
      EXPECT_THAT(s, StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("budget")));
    }
  }
  EXPECT_EQ(approved, 3);
  EXPECT_EQ(BudgetDrawn(small.id()), "900.00");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ledger_entries"), 3);
  EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM claims WHERE status = ",
                               cim::v1::CLAIM_STATUS_APPROVED)),
            3);
}

TEST_F(MysqlClaimDecisionsTest, LaterJobsSeeTheTotalsAndSalesEarlierJobsLeft) {
  const int64_t earlier = Insert(SaleClaim(kAlpha, kRob, "E-1"));
  ASSERT_THAT(Decide({Job(earlier, Approval("20.00"))}), IsOk());
  const int64_t a = Insert(SaleClaim(kAlpha, kRob, "E-2", "6000.00"));
  const int64_t b = Insert(SaleClaim(kAlpha, kRob, "E-3", "5000.00"));
  const int64_t c = Insert(SaleClaim(kBravo, kBea, "E-4", "700.00"));
  std::vector<std::string> seen;
  // Notes the rebate volume, the approved first-quarter sales and the partner's tier the job
  // sees, then approves.
  const auto observing = [&](const DecideFn& approve) -> DecideFn {
    return [&, approve](const Claim& claim, const cim::v1::Program& program,
                        DecisionContext& context) -> absl::StatusOr<ClaimDecision> {
      CIM_ASSIGN_OR_RETURN(auto totals, context.LockTotals({"rebate"}, kQ1));
      CIM_ASSIGN_OR_RETURN(const Decimal sales,
                           context.ApprovedSales(claim.program_id(),
                                                 {kQ1, absl::CivilDay(2026, 3, 31)}, {"ST-100"}));
      CIM_ASSIGN_OR_RETURN(const std::string tier, context.PartnerTier());
      seen.push_back(absl::StrCat(claim.invoice_number(), " ", totals["rebate"].volume.ToString(2),
                                  " ", sales.ToString(2), " ", tier));
      return approve(claim, program, context);
    };
  };
  CIM_ASSERT_OK_AND_ASSIGN(Results results, Decide({Job(a, observing(Approval("120.00"))),
                                                    Job(b, observing(Approval("150.00"))),
                                                    Job(c, observing(Approval("14.00")))}));
  for (const auto& r : results) EXPECT_THAT(r, IsOk());
  EXPECT_THAT(seen, ElementsAre("E-2 1000.00 1000.00 gold", "E-3 7000.00 7000.00 gold",
                                "E-4 0.00 0.00 silver"));
  EXPECT_EQ(Volume(kAlpha), "12000.00");
  EXPECT_EQ(Volume(kBravo), "700.00");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM reward_period_totals WHERE partner_id = 1"
                  " AND rebate_posted = 290"),
            1);
}

TEST_F(MysqlClaimDecisionsTest, AResubmissionReplacesTheContentAndItsConflicts) {
  const int64_t claim = Insert(SaleClaim(kAlpha, kRob, "INV-1"));
  const int64_t bravo = Insert(SaleClaim(kBravo, kBea, "INV-2"));
  ASSERT_THAT(Decide({Job(claim, Step(ClaimAction::kRequestInfo, "which invoice?"))}), IsOk());
  Exec(
      "INSERT INTO attachments (id, partner_id, uploaded_by, filename, content_type, size_bytes,"
      " sha256, created_at) VALUES (1, 1, 4, 'a.pdf', 'application/pdf', 1, '', NOW()),"
      " (2, 2, 5, 'b.pdf', 'application/pdf', 1, '', NOW())");
  const auto resubmit = [&](int64_t attachment, const char* invoice = "INV-2") {
    NewClaim replacement = SaleClaim(kAlpha, kRob, invoice, "700.00", 2, "ST-200");
    replacement.claim.set_notes("the right invoice");
    if (attachment != 0) replacement.claim.add_attachment_ids(attachment);
    return [replacement](const Claim& locked, const cim::v1::Program&,
                         DecisionContext&) -> absl::StatusOr<ClaimDecision> {
      CIM_ASSIGN_OR_RETURN(const ClaimStatus to,
                           NextStatus(locked.status(), ClaimAction::kResubmit));
      return ClaimDecision{.to = to, .comment = "fixed", .replacement = replacement};
    };
  };
  // Bravo's attachment: the run fails as a whole and changes nothing.
  EXPECT_THAT(Decide({Job(claim, resubmit(2), kRob)}),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("attachment 2")));
  CIM_ASSERT_OK_AND_ASSIGN(Claim stored, claims_.Get(claim));
  EXPECT_EQ(stored.status(), cim::v1::CLAIM_STATUS_NEEDS_INFO);
  EXPECT_EQ(stored.invoice_number(), "INV-1");
  EXPECT_EQ(stored.total_amount(), "1000.00");

  CIM_ASSERT_OK_AND_ASSIGN(Results results, Decide({Job(claim, resubmit(1), kRob)}));
  ASSERT_THAT(results[0], IsOk());
  const Claim& r = *results[0];
  EXPECT_EQ(r.status(), cim::v1::CLAIM_STATUS_SUBMITTED);
  EXPECT_EQ(r.etag(), "3");
  EXPECT_EQ(r.invoice_number(), "INV-2");
  EXPECT_EQ(r.notes(), "the right invoice");
  EXPECT_EQ(r.total_amount(), "1400.00");
  ASSERT_THAT(r.lines(), SizeIs(1));
  EXPECT_EQ(r.lines(0).sku(), "ST-200");
  EXPECT_EQ(r.lines(0).quantity(), 2);
  EXPECT_EQ(r.lines(0).amount(), "1400.00");
  EXPECT_THAT(r.attachment_ids(), ElementsAre(1));
  ASSERT_THAT(r.flags(), SizeIs(2));
  EXPECT_EQ(r.flags(0).flag(), cim::v1::CLAIM_FLAG_RESUBMITTED);
  EXPECT_EQ(r.flags(1).flag(), cim::v1::CLAIM_FLAG_CHANNEL_CONFLICT);
  EXPECT_THAT(r.flags(1).related_claim_ids(), ElementsAre(bravo));
  EXPECT_EQ(r.reviewer_user_id(), kVera);  // a resubmission does not take the review over
  ASSERT_THAT(r.timeline(), SizeIs(3));
  EXPECT_EQ(r.timeline(2).actor_name(), "Rob");
  EXPECT_EQ(r.timeline(2).comment(), "fixed");
  CIM_ASSERT_OK_AND_ASSIGN(stored, claims_.Get(claim));
  EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(stored, r))
      << stored.DebugString() << "\n"
      << r.DebugString();
  EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM claims WHERE id = ", claim,
                               " AND invoice_key = 'INV2' AND resubmitted = 1")),
            1);
  EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM claim_lines WHERE claim_id = ", claim)), 1);
  CIM_ASSERT_OK_AND_ASSIGN(Claim other, claims_.Get(bravo));
  ASSERT_THAT(other.flags(), SizeIs(1));
  EXPECT_THAT(other.flags(0).related_claim_ids(), ElementsAre(claim));

  // Corrected again, to an invoice nobody else claimed: the conflict leaves both claims, and
  // the proof given earlier stays.
  ASSERT_THAT(Decide({Job(claim, Step(ClaimAction::kRequestInfo, "still not it"))}), IsOk());
  CIM_ASSERT_OK_AND_ASSIGN(results, Decide({Job(claim, resubmit(0, "INV-3"), kRob)}));
  ASSERT_THAT(results[0], IsOk());
  EXPECT_EQ(results[0]->invoice_number(), "INV-3");
  ASSERT_THAT(results[0]->flags(), SizeIs(1));
  EXPECT_EQ(results[0]->flags(0).flag(), cim::v1::CLAIM_FLAG_RESUBMITTED);
  EXPECT_THAT(results[0]->attachment_ids(), ElementsAre(1));
  CIM_ASSERT_OK_AND_ASSIGN(other, claims_.Get(bravo));
  EXPECT_THAT(other.flags(), IsEmpty());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM claim_conflicts"), 0);
}

TEST_F(MysqlClaimDecisionsTest, EachJobIsAuditedAsItsOwnCallersChange) {
  const int64_t first = Insert(SaleClaim(kAlpha, kRob, "INV-1"));
  const int64_t second = Insert(SaleClaim(kBravo, kBea, "INV-2"));
  DecideJob by_vera = Job(first, Step(ClaimAction::kStartReview, ""));
  by_vera.audit = AuditActor{.user_id = kVera, .rpc = "StartClaimReview"};
  DecideJob by_paul = Job(second, Step(ClaimAction::kStartReview, ""), kPaul);
  by_paul.audit = AuditActor{.user_id = kPaul, .rpc = "StartClaimReview"};
  CIM_ASSERT_OK_AND_ASSIGN(Results results, Decide({by_vera, by_paul}));
  EXPECT_THAT(results[0], IsOk());
  EXPECT_THAT(results[1], IsOk());
  // Every claim's "before" is read ahead in one query, then each change is told.
  EXPECT_THAT(told_, ElementsAre(absl::StrCat("soon claims/", first, ",", second),
                                 absl::StrCat("changing claims/", first),
                                 absl::StrCat("changing claims/", second)));
  for (const auto& [claim, actor] : {std::pair{first, kVera}, std::pair{second, kPaul}}) {
    EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'claims'"
                                 " AND entity_id = '",
                                 claim, "' AND actor_user_id = ", actor,
                                 " AND rpc = 'StartClaimReview'")),
              1)
        << claim;
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log"), 2);
}

}  // namespace
}  // namespace cim
