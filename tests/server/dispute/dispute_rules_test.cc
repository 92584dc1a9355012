// The dispute rules held to: each subject kind needs exactly its own fields; only an OPEN
// dispute moves, and each action to its state; an adjustment is rounded once, half away from
// zero, to the currency's minor units or whole points, explains itself in its basis and goes to
// the partner and the user who opened it; the age clock stops at resolution.
#include "server/dispute/dispute_rules.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/proto_time.h"
#include "tests/testing/phrase_matchers.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::InEnglish;

using ::cim::testing::IsOk;
using ::cim::testing::StatusIs;
using ::cim::testing::ViolatedFields;
using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using namespace cim::v1;  // NOLINT: the API's names read best unqualified here

DisputeSubject Subject(DisputeSubjectKind kind, int64_t claim, int64_t entry, int64_t statement,
                       int64_t program, const std::string& expected) {
  DisputeSubject s;
  s.set_kind(kind);
  s.set_claim_id(claim);
  s.set_entry_id(entry);
  s.set_statement_id(statement);
  s.set_program_id(program);
  s.set_expected(expected);
  return s;
}

TEST(ValidateSubjectTest, EachKindNeedsItsOwnFields) {
  struct Case {
    const char* name;
    DisputeSubject subject;
    std::vector<std::string> violations;
  };
  const Case cases[] = {
      {"claim", Subject(DISPUTE_SUBJECT_KIND_CLAIM, 12, 0, 0, 0, ""), {}},
      {"claim without id",
       Subject(DISPUTE_SUBJECT_KIND_CLAIM, 0, 0, 0, 0, ""),
       {"subject.claim_id"}},
      {"claim naming an entry",
       Subject(DISPUTE_SUBJECT_KIND_CLAIM, 12, 34, 0, 0, ""),
       {"subject.entry_id"}},
      {"reward", Subject(DISPUTE_SUBJECT_KIND_REWARD, 0, 34, 0, 0, ""), {}},
      {"reward without entry",
       Subject(DISPUTE_SUBJECT_KIND_REWARD, 0, 0, 0, 0, ""),
       {"subject.entry_id"}},
      {"reward with expectation",
       Subject(DISPUTE_SUBJECT_KIND_REWARD, 0, 34, 0, 0, "more"),
       {"subject.expected"}},
      {"missing reward", Subject(DISPUTE_SUBJECT_KIND_MISSING_REWARD, 0, 0, 0, 3, "a bonus"), {}},
      {"missing reward without program or text",
       Subject(DISPUTE_SUBJECT_KIND_MISSING_REWARD, 0, 0, 0, 0, "  "),
       {"subject.program_id", "subject.expected"}},
      {"missing reward, text too long",
       Subject(DISPUTE_SUBJECT_KIND_MISSING_REWARD, 0, 0, 0, 3, std::string(501, 'x')),
       {"subject.expected"}},
      {"statement line", Subject(DISPUTE_SUBJECT_KIND_STATEMENT_LINE, 0, 34, 5, 0, ""), {}},
      {"statement line without entry",
       Subject(DISPUTE_SUBJECT_KIND_STATEMENT_LINE, 0, 0, 5, 0, ""),
       {"subject.entry_id"}},
      {"no kind", Subject(DISPUTE_SUBJECT_KIND_UNSPECIFIED, 12, 0, 0, 0, ""), {"subject.kind"}},
  };
  for (const Case& c : cases) {
    FieldErrors errors;
    ValidateSubject(c.subject, "subject", errors);
    EXPECT_THAT(ViolatedFields(errors.ToStatus()), ElementsAreArray(c.violations)) << c.name;
  }
}

TEST(NextDisputeStateTest, OnlyAnOpenDisputeMoves) {
  struct Case {
    DisputeState from;
    DisputeAction action;
    DisputeState to;  // UNSPECIFIED: FAILED_PRECONDITION
  };
  const Case cases[] = {
      {DISPUTE_STATE_OPEN, DisputeAction::kPostMessage, DISPUTE_STATE_OPEN},
      {DISPUTE_STATE_OPEN, DisputeAction::kAdjust, DISPUTE_STATE_ADJUSTED},
      {DISPUTE_STATE_OPEN, DisputeAction::kRefuse, DISPUTE_STATE_REFUSED},
      {DISPUTE_STATE_OPEN, DisputeAction::kWithdraw, DISPUTE_STATE_WITHDRAWN},
      {DISPUTE_STATE_ADJUSTED, DisputeAction::kAdjust, DISPUTE_STATE_UNSPECIFIED},
      {DISPUTE_STATE_ADJUSTED, DisputeAction::kPostMessage, DISPUTE_STATE_UNSPECIFIED},
      {DISPUTE_STATE_REFUSED, DisputeAction::kAdjust, DISPUTE_STATE_UNSPECIFIED},
      {DISPUTE_STATE_WITHDRAWN, DisputeAction::kRefuse, DISPUTE_STATE_UNSPECIFIED},
  };
  for (const Case& c : cases) {
    absl::StatusOr<DisputeState> to = NextDisputeState(c.from, c.action);
    if (c.to == DISPUTE_STATE_UNSPECIFIED) {
      EXPECT_THAT(
          to, StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr(DisputeStateName(c.from))))
          << DisputeStateName(c.from);
    } else {
      ASSERT_THAT(to, IsOk());
      EXPECT_EQ(*to, c.to) << DisputeStateName(c.from);
    }
  }
}

class AdjustmentPostingTest : public ::testing::Test {
 protected:
  AdjustmentPostingTest() {
    dispute_.set_id(12);
    dispute_.set_partner_id(4);
    dispute_.set_opened_by_user_id(9);
    dispute_.mutable_subject()->set_kind(DISPUTE_SUBJECT_KIND_CLAIM);
    dispute_.mutable_subject()->set_claim_id(77);
    program_.set_id(3);
  }

  absl::StatusOr<LedgerPosting> Post(const char* currency, LedgerAccount account,
                                     const char* amount, const char* explanation = "tier 2") {
    program_.set_currency_code(currency);
    DisputeAdjustment in;
    in.set_account(account);
    in.set_amount(amount);
    in.set_explanation(explanation);
    return AdjustmentPosting(dispute_, in, program_, /*actor=*/2, absl::FromUnixSeconds(1000));
  }

  Dispute dispute_;
  Program program_;
};

TEST_F(AdjustmentPostingTest, RoundsOnceHalfAwayFromZeroToTheUnit) {
  struct Case {
    const char* currency;
    LedgerAccount account;
    const char* amount;
    const char* posted;
  };
  const Case cases[] = {
      {"EUR", LEDGER_ACCOUNT_PAYABLE, "125", "125.00"},
      {"EUR", LEDGER_ACCOUNT_PAYABLE, "10.005", "10.01"},
      {"EUR", LEDGER_ACCOUNT_PAYABLE, "10.0049", "10.00"},
      {"JPY", LEDGER_ACCOUNT_PAYABLE, "1500.5", "1501"},
      {"KWD", LEDGER_ACCOUNT_PAYABLE, "3.0005", "3.001"},
      {"EUR", LEDGER_ACCOUNT_POINTS, "49.5", "50"},
      {"EUR", LEDGER_ACCOUNT_POINTS, "49.49", "49"},
  };
  for (const Case& c : cases) {
    absl::StatusOr<LedgerPosting> p = Post(c.currency, c.account, c.amount);
    ASSERT_THAT(p, IsOk()) << c.amount;
    EXPECT_EQ(p->amount.ToString(), c.posted) << c.currency << " " << c.amount;
  }
}

TEST_F(AdjustmentPostingTest, MoneyAndPointsGoToThePartnerAndTheOpener) {
  absl::StatusOr<LedgerPosting> money = Post("EUR", LEDGER_ACCOUNT_PAYABLE, "125", " tier 2 ");
  ASSERT_THAT(money, IsOk());
  EXPECT_EQ(money->partner_id, 4);
  EXPECT_EQ(money->user_id, 9);
  EXPECT_EQ(money->program_id, 3);
  EXPECT_EQ(money->claim_id, 77);
  EXPECT_EQ(money->dispute_id, 12);
  EXPECT_EQ(money->kind, LEDGER_ENTRY_KIND_ADJUSTMENT);
  EXPECT_EQ(money->unit, "EUR");
  EXPECT_EQ(InEnglish(money->basis), "Adjustment for dispute #12: tier 2");
  EXPECT_EQ(money->created_by, 2);

  absl::StatusOr<LedgerPosting> points = Post("EUR", LEDGER_ACCOUNT_POINTS, "300");
  ASSERT_THAT(points, IsOk());
  EXPECT_EQ(points->user_id, 9);
  EXPECT_EQ(points->unit, "points");
  EXPECT_EQ(points->account, LEDGER_ACCOUNT_POINTS);
}

TEST_F(AdjustmentPostingTest, RefusesBadInputWithFieldViolations) {
  EXPECT_THAT(ViolatedFields(Post("EUR", LEDGER_ACCOUNT_COOP_FUND, "10").status()),
              ElementsAre("adjustment.account"));
  EXPECT_THAT(ViolatedFields(Post("EUR", LEDGER_ACCOUNT_PAYABLE, "-5").status()),
              ElementsAre("adjustment.amount"));
  EXPECT_THAT(ViolatedFields(Post("EUR", LEDGER_ACCOUNT_PAYABLE, "1e3").status()),
              ElementsAre("adjustment.amount"));
  EXPECT_THAT(Post("EUR", LEDGER_ACCOUNT_PAYABLE, "0.004"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("rounds to zero")));
  EXPECT_THAT(ViolatedFields(Post("EUR", LEDGER_ACCOUNT_PAYABLE, "5", "").status()),
              ElementsAre("adjustment.explanation"));
}

TEST(AgeSecondsTest, RunsWhileOpenAndStopsAtResolution) {
  Dispute d;
  SetTimestamp(absl::FromUnixSeconds(1000), d.mutable_open_time());
  EXPECT_EQ(AgeSeconds(d, absl::FromUnixSeconds(4600)), 3600);
  EXPECT_EQ(AgeSeconds(d, absl::FromUnixSeconds(900)), 0);
  SetTimestamp(absl::FromUnixSeconds(1060), d.mutable_resolve_time());
  EXPECT_EQ(AgeSeconds(d, absl::FromUnixSeconds(99999)), 60);
}

}  // namespace
}  // namespace cim
