// The fund store against MariaDB: a request is stored SUBMITTED with its first event and read
// back exactly (NOT_FOUND for an unknown id); lists filter by status, program and partner,
// newest first and paged; Decide locks the request, hands the decision the partner's fund as
// it stands under the enrollment lock (credits, debits, what APPROVED and CLAIMED requests
// reserve) and applies the decision with its event, proof and postings in one transaction, or,
// on any error (the decision's own, a foreign or used attachment, a partner no longer
// enrolled), writes nothing; balances are exact per program and fund, one partner's only.
#include "server/fund/mysql_fund_repository.h"

#include <optional>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/server/fund/fund_store_fixture.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::IsOk;
using ::cim::testing::StatusIs;
using cim::v1::FundRequestStatus;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Property;
using ::testing::SizeIs;

class MysqlFundRepositoryTest : public FundStoreTest {
 protected:
  // A decision to `to` (with `amount` approved, when set) that records the position it saw.
  FundDecideFn To(FundRequestStatus to, const char* amount = nullptr,
                  std::optional<FundPosition>* seen = nullptr) {
    return [=](const cim::v1::FundRequest&, const cim::v1::Program&,
               FundContext& context) -> absl::StatusOr<FundDecision> {
      absl::StatusOr<FundPosition> position = context.LockFund();
      if (!position.ok()) return position.status();
      if (seen != nullptr) *seen = *position;
      FundDecision decision{.to = to, .comment = "decided"};
      if (amount != nullptr) decision.approved_amount = *Decimal::Parse(amount);
      return decision;
    };
  }

  static std::vector<int64_t> Ids(const std::vector<cim::v1::FundRequest>& requests) {
    std::vector<int64_t> out;
    for (const cim::v1::FundRequest& r : requests) out.push_back(r.id());
    return out;
  }
};

TEST_F(MysqlFundRepositoryTest, CreatesASubmittedRequestWithItsFirstEvent) {
  absl::StatusOr<cim::v1::FundRequest> created =
      funds_.Create(NewRequest(kAlpha, "1500.5"), kAnn, T0());
  ASSERT_THAT(created, IsOk());
  EXPECT_GT(created->id(), 0);
  EXPECT_EQ(created->status(), cim::v1::FUND_REQUEST_STATUS_SUBMITTED);
  EXPECT_EQ(created->program_id(), program_.id());
  EXPECT_EQ(created->partner_id(), kAlpha);
  EXPECT_EQ(created->fund(), cim::v1::LEDGER_ACCOUNT_MDF_FUND);
  EXPECT_EQ(created->activity(), "Storage roadshow");
  EXPECT_EQ(created->description(), "Three days, two cities");
  EXPECT_EQ(created->currency_code(), "EUR");
  EXPECT_EQ(created->planned_cost(), "1500.50");
  EXPECT_EQ(created->approved_amount(), "");
  EXPECT_EQ(created->start_date(), "2026-04-01");
  EXPECT_EQ(created->end_date(), "2026-04-03");
  EXPECT_EQ(created->requested_by_user_id(), kAnn);
  EXPECT_EQ(created->create_time().seconds(), kT0Seconds);
  EXPECT_EQ(created->etag(), "1");
  ASSERT_THAT(created->timeline(), SizeIs(1));
  EXPECT_EQ(created->timeline(0).from_status(), cim::v1::FUND_REQUEST_STATUS_UNSPECIFIED);
  EXPECT_EQ(created->timeline(0).to_status(), cim::v1::FUND_REQUEST_STATUS_SUBMITTED);
  EXPECT_EQ(created->timeline(0).actor_name(), "Ann");
  EXPECT_THAT(created->entries(), IsEmpty());

  absl::StatusOr<cim::v1::FundRequest> read = funds_.Get(created->id());
  ASSERT_THAT(read, IsOk());
  EXPECT_EQ(read->SerializeAsString(), created->SerializeAsString());
  EXPECT_THAT(funds_.Get(99999),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("fund request 99999")));
  // A request only reserves once approved.
  EXPECT_EQ(Fund(kAlpha).reserved(), "0.00");
}

TEST_F(MysqlFundRepositoryTest, ListsFilterNewestFirstAndPage) {
  const int64_t a1 = Stored(kAlpha, "100").id();
  const int64_t b1 = Stored(kBravo, "200").id();
  const int64_t a2 = Stored(kAlpha, "300", cim::v1::LEDGER_ACCOUNT_COOP_FUND).id();
  ASSERT_THAT(funds_.Decide(a2, kVera, T0(), To(cim::v1::FUND_REQUEST_STATUS_REJECTED)), IsOk());
  const cim::v1::Program other = CreateProgram(kFundProgram);
  Enroll(other.id(), kAlpha);
  cim::v1::FundRequest elsewhere = NewRequest(kAlpha, "400");
  elsewhere.set_program_id(other.id());
  absl::StatusOr<cim::v1::FundRequest> a3 = funds_.Create(elsewhere, kAnn, T0());
  ASSERT_THAT(a3, IsOk());

  const struct {
    const char* name;
    FundRequestFilter filter;
    int64_t before_id;
    int limit;
    std::vector<int64_t> ids;
  } kCases[] = {
      {"all", {}, 0, 10, {a3->id(), a2, b1, a1}},
      {"partner", {.partner_id = kAlpha}, 0, 10, {a3->id(), a2, a1}},
      {"status", {.status = cim::v1::FUND_REQUEST_STATUS_REJECTED}, 0, 10, {a2}},
      {"program", {.program_id = program_.id()}, 0, 10, {a2, b1, a1}},
      {"partner and program", {.program_id = other.id(), .partner_id = kBravo}, 0, 10, {}},
      {"page", {}, 0, 2, {a3->id(), a2}},
      {"next page", {}, a2, 2, {b1, a1}},
  };
  for (const auto& c : kCases) {
    absl::StatusOr<std::vector<cim::v1::FundRequest>> list =
        funds_.List(c.filter, c.before_id, c.limit);
    ASSERT_THAT(list, IsOk()) << c.name;
    EXPECT_THAT(Ids(*list), ::testing::ElementsAreArray(c.ids)) << c.name;
  }
  // Lists leave out the timeline and entries.
  absl::StatusOr<std::vector<cim::v1::FundRequest>> list = funds_.List({}, 0, 10);
  ASSERT_THAT(list, IsOk());
  EXPECT_THAT(list->at(1).timeline(), IsEmpty());
  EXPECT_EQ(list->at(1).status(), cim::v1::FUND_REQUEST_STATUS_REJECTED);
  EXPECT_EQ(list->at(1).etag(), "2");
}

TEST_F(MysqlFundRepositoryTest, DecideAppliesEachStepWithItsEventProofAndPostings) {
  const int64_t id = Stored(kAlpha, "1500").id();
  // Approve 1,200.50: the decision sees Alpha's MDF fund as credited so far.
  std::optional<FundPosition> seen;
  absl::StatusOr<cim::v1::FundRequest> approved = funds_.Decide(
      id, kVera, T0() + absl::Hours(1), To(cim::v1::FUND_REQUEST_STATUS_APPROVED, "1200.5", &seen));
  ASSERT_THAT(approved, IsOk());
  ASSERT_TRUE(seen.has_value());
  EXPECT_EQ(seen->credited.ToString(2), "2000.00");
  EXPECT_EQ(seen->debited.ToString(2), "0.00");
  EXPECT_EQ(seen->reserved.ToString(2), "0.00");
  EXPECT_EQ(approved->status(), cim::v1::FUND_REQUEST_STATUS_APPROVED);
  EXPECT_EQ(approved->approved_amount(), "1200.50");
  EXPECT_EQ(approved->etag(), "2");
  EXPECT_EQ(approved->update_time().seconds(), kT0Seconds + 3600);
  ASSERT_THAT(approved->timeline(), SizeIs(2));
  EXPECT_EQ(approved->timeline(1).from_status(), cim::v1::FUND_REQUEST_STATUS_SUBMITTED);
  EXPECT_EQ(approved->timeline(1).to_status(), cim::v1::FUND_REQUEST_STATUS_APPROVED);
  EXPECT_EQ(approved->timeline(1).actor_name(), "Vera");
  EXPECT_EQ(approved->timeline(1).comment(), "decided");
  const cim::v1::FundBalance reserved = Fund(kAlpha);
  EXPECT_EQ(reserved.reserved(), "1200.50");
  EXPECT_EQ(reserved.available(), "799.50");

  // The partner claims with proof: the attachment joins the request; notes are replaced.
  const int64_t photo = Upload(kAlpha);
  absl::StatusOr<cim::v1::FundRequest> claimed =
      funds_.Decide(id, kAnn, T0() + absl::Hours(2),
                    [&](const cim::v1::FundRequest& request, const cim::v1::Program& program,
                        FundContext&) -> absl::StatusOr<FundDecision> {
                      EXPECT_EQ(request.approved_amount(), "1200.50");
                      EXPECT_EQ(program.id(), program_.id());
                      return FundDecision{.to = cim::v1::FUND_REQUEST_STATUS_CLAIMED,
                                          .actual_cost = *Decimal::Parse("1000"),
                                          .proof_notes = "Photos of both days",
                                          .proof = {photo}};
                    });
  ASSERT_THAT(claimed, IsOk());
  EXPECT_EQ(claimed->actual_cost(), "1000.00");
  EXPECT_EQ(claimed->approved_amount(), "1200.50");  // kept when the decision leaves it unset
  EXPECT_EQ(claimed->proof_notes(), "Photos of both days");
  ASSERT_THAT(claimed->proof(), SizeIs(1));
  EXPECT_EQ(claimed->proof(0).id(), photo);
  EXPECT_EQ(Fund(kAlpha).reserved(), "1200.50");  // CLAIMED still reserves

  // Reimbursed: 1,000 out of the MDF fund into payable, in the same transaction.
  LedgerPosting out =
      Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_MDF_FUND, cim::v1::LEDGER_ENTRY_KIND_REIMBURSEMENT,
              "EUR", "-1000", program_.id());
  out.fund_request_id = id;
  LedgerPosting in = out;
  in.account = cim::v1::LEDGER_ACCOUNT_PAYABLE;
  in.amount = Decimal::FromInt(1000);
  absl::StatusOr<cim::v1::FundRequest> reimbursed =
      funds_.Decide(id, kVera, T0() + absl::Hours(3),
                    [&](const cim::v1::FundRequest&, const cim::v1::Program&,
                        FundContext& context) -> absl::StatusOr<FundDecision> {
                      absl::StatusOr<FundPosition> position = context.LockFund();
                      EXPECT_THAT(position, IsOk());
                      if (position.ok()) EXPECT_EQ(position->reserved.ToString(2), "1200.50");
                      return FundDecision{.to = cim::v1::FUND_REQUEST_STATUS_REIMBURSED,
                                          .reimbursed_amount = *Decimal::Parse("1000"),
                                          .postings = {out, in}};
                    });
  ASSERT_THAT(reimbursed, IsOk());
  EXPECT_EQ(reimbursed->reimbursed_amount(), "1000.00");
  EXPECT_EQ(reimbursed->proof_notes(), "Photos of both days");  // unset notes are kept
  EXPECT_THAT(reimbursed->entries(), ElementsAre(Property(&LedgerEntry::amount, "-1000.00"),
                                                 Property(&LedgerEntry::amount, "1000.00")));
  EXPECT_THAT(reimbursed->timeline(), SizeIs(4));
  const cim::v1::FundBalance after = Fund(kAlpha);
  EXPECT_EQ(after.credited(), "2000.00");
  EXPECT_EQ(after.debited(), "-1000.00");
  EXPECT_EQ(after.reserved(), "0.00");  // REIMBURSED reserves nothing
  EXPECT_EQ(after.available(), "1000.00");
  // Each decision took the enrollment's fund guard.
  EXPECT_EQ(Count(absl::StrCat("SELECT fund_guard FROM enrollments WHERE partner_id = ", kAlpha,
                               " AND program_id = ", program_.id())),
            2);
}

TEST_F(MysqlFundRepositoryTest, DecideWritesNothingWhenAnythingFails) {
  const int64_t id = Stored(kAlpha, "500").id();
  auto unchanged = [&] {
    absl::StatusOr<cim::v1::FundRequest> read = funds_.Get(id);
    ASSERT_THAT(read, IsOk());
    EXPECT_EQ(read->status(), cim::v1::FUND_REQUEST_STATUS_SUBMITTED);
    EXPECT_EQ(read->etag(), "1");
    EXPECT_THAT(read->timeline(), SizeIs(1));
    EXPECT_THAT(read->proof(), IsEmpty());
  };

  // The decision's own error comes back as it is.
  EXPECT_THAT(funds_.Decide(id, kVera, T0(),
                            [](const cim::v1::FundRequest&, const cim::v1::Program&,
                               FundContext& context) -> absl::StatusOr<FundDecision> {
                              EXPECT_THAT(context.LockFund(), IsOk());
                              return absl::FailedPreconditionError("the MDF fund is short");
                            }),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("MDF fund is short")));
  unchanged();
  EXPECT_EQ(Count("SELECT fund_guard FROM enrollments WHERE partner_id = 1"), 0);

  // Proof must be an unused upload of the request's partner.
  const int64_t bravos = Upload(kBravo);
  const auto claim_with = [](int64_t attachment) {
    return [attachment](const cim::v1::FundRequest&, const cim::v1::Program&,
                        FundContext&) -> absl::StatusOr<FundDecision> {
      return FundDecision{.to = cim::v1::FUND_REQUEST_STATUS_CLAIMED,
                          .actual_cost = Decimal::FromInt(400),
                          .proof = {attachment}};
    };
  };
  EXPECT_THAT(funds_.Decide(id, kAnn, T0(), claim_with(bravos)),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("not an unused upload of this partner")));
  unchanged();
  const int64_t used = Upload(kAlpha);
  Exec(absl::StrCat("UPDATE attachments SET fund_request_id = ", Stored(kAlpha, "10").id(),
                    " WHERE id = ", used));
  EXPECT_THAT(funds_.Decide(id, kAnn, T0(), claim_with(used)),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  unchanged();

  // A partner no longer enrolled has no fund to decide on.
  Exec(absl::StrCat("DELETE FROM enrollments WHERE partner_id = ", kAlpha));
  EXPECT_THAT(funds_.Decide(id, kVera, T0(), To(cim::v1::FUND_REQUEST_STATUS_APPROVED, "500")),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("no longer enrolled")));
  unchanged();

  bool called = false;
  EXPECT_THAT(funds_.Decide(99999, kVera, T0(),
                            [&](const cim::v1::FundRequest&, const cim::v1::Program&,
                                FundContext&) -> absl::StatusOr<FundDecision> {
                              called = true;
                              return FundDecision{};
                            }),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_FALSE(called);
}

TEST_F(MysqlFundRepositoryTest, LockFundSumsOnlyThisPartnersFundInThisProgram) {
  // Alpha's MDF: credited 2,000, a correction of −150, an APPROVED 300 and a CLAIMED 200
  // reserved; a REJECTED request, Alpha's co-op fund, Bravo's MDF and another program's MDF do
  // not count.
  Append({Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_MDF_FUND, cim::v1::LEDGER_ENTRY_KIND_REVERSAL,
                  "EUR", "-150", program_.id())});
  const int64_t approved = Stored(kAlpha, "300").id();
  const int64_t claimed = Stored(kAlpha, "200").id();
  const int64_t rejected = Stored(kAlpha, "999").id();
  Stored(kBravo, "700");
  ASSERT_THAT(
      funds_.Decide(approved, kVera, T0(), To(cim::v1::FUND_REQUEST_STATUS_APPROVED, "300")),
      IsOk());
  ASSERT_THAT(funds_.Decide(claimed, kVera, T0(), To(cim::v1::FUND_REQUEST_STATUS_APPROVED, "200")),
              IsOk());
  ASSERT_THAT(funds_.Decide(claimed, kAnn, T0(), To(cim::v1::FUND_REQUEST_STATUS_CLAIMED)), IsOk());
  ASSERT_THAT(funds_.Decide(rejected, kVera, T0(), To(cim::v1::FUND_REQUEST_STATUS_REJECTED)),
              IsOk());
  const cim::v1::Program other = CreateProgram(kFundProgram);
  Enroll(other.id(), kAlpha);
  Append({Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_MDF_FUND,
                  cim::v1::LEDGER_ENTRY_KIND_MDF_ALLOCATION, "EUR", "5000", other.id())});

  std::optional<FundPosition> seen;
  const int64_t next = Stored(kAlpha, "50").id();
  ASSERT_THAT(
      funds_.Decide(next, kVera, T0(), To(cim::v1::FUND_REQUEST_STATUS_APPROVED, "50", &seen)),
      IsOk());
  ASSERT_TRUE(seen.has_value());
  EXPECT_EQ(seen->credited.ToString(2), "2000.00");
  EXPECT_EQ(seen->debited.ToString(2), "-150.00");
  EXPECT_EQ(seen->reserved.ToString(2), "500.00");
  EXPECT_EQ(seen->Available().ToString(2), "1350.00");

  // A fund with nothing in it is all zeros.
  const cim::v1::Program empty = CreateProgram(kFundProgram);
  Enroll(empty.id(), kBravo);
  cim::v1::FundRequest request = NewRequest(kBravo, "10");
  request.set_program_id(empty.id());
  absl::StatusOr<cim::v1::FundRequest> nothing = funds_.Create(request, kBea, T0());
  ASSERT_THAT(nothing, IsOk());
  ASSERT_THAT(funds_.Decide(nothing->id(), kVera, T0(),
                            To(cim::v1::FUND_REQUEST_STATUS_REJECTED, nullptr, &seen)),
              IsOk());
  EXPECT_TRUE(seen->credited.is_zero());
  EXPECT_TRUE(seen->debited.is_zero());
  EXPECT_TRUE(seen->reserved.is_zero());
}

TEST_F(MysqlFundRepositoryTest, BalancesAreExactPerProgramAndFundForOnePartner) {
  const int64_t id = Stored(kAlpha, "1234.56").id();
  ASSERT_THAT(funds_.Decide(id, kVera, T0(), To(cim::v1::FUND_REQUEST_STATUS_APPROVED, "1234.56")),
              IsOk());
  const cim::v1::Program yen = CreateProgram(
      R"pb(name: "Yen funds"
           currency_code: "JPY"
           budget: "10000000"
           start_date: "2026-01-01"
           end_date: "2026-12-31"
           rules {
             id: "mdf"
             name: "MDF"
             mdf_allocation { amount_per_partner: "50000" }
           })pb");
  Append({Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_MDF_FUND,
                  cim::v1::LEDGER_ENTRY_KIND_MDF_ALLOCATION, "JPY", "50000", yen.id())});

  absl::StatusOr<std::vector<cim::v1::FundBalance>> all = funds_.Balances(kAlpha, 0);
  ASSERT_THAT(all, IsOk());
  ASSERT_THAT(*all, SizeIs(3));  // program order, then co-op before MDF
  const cim::v1::FundBalance& coop = (*all)[0];
  EXPECT_EQ(coop.program_id(), program_.id());
  EXPECT_EQ(coop.program_name(), "Marketing funds 2026");
  EXPECT_EQ(coop.fund(), cim::v1::LEDGER_ACCOUNT_COOP_FUND);
  EXPECT_EQ(coop.available(), "200.00");
  const cim::v1::FundBalance& mdf = (*all)[1];
  EXPECT_EQ(mdf.fund(), cim::v1::LEDGER_ACCOUNT_MDF_FUND);
  EXPECT_EQ(mdf.currency_code(), "EUR");
  EXPECT_EQ(mdf.credited(), "2000.00");
  EXPECT_EQ(mdf.debited(), "0.00");
  EXPECT_EQ(mdf.reserved(), "1234.56");
  EXPECT_EQ(mdf.available(), "765.44");
  const cim::v1::FundBalance& jpy = (*all)[2];
  EXPECT_EQ(jpy.program_id(), yen.id());
  EXPECT_EQ(jpy.currency_code(), "JPY");
  EXPECT_EQ(jpy.credited(), "50000");
  EXPECT_EQ(jpy.available(), "50000");

  absl::StatusOr<std::vector<cim::v1::FundBalance>> one = funds_.Balances(kAlpha, yen.id());
  ASSERT_THAT(one, IsOk());
  EXPECT_THAT(*one, ElementsAre(Property(&cim::v1::FundBalance::program_id, yen.id())));
  // Bravo's fund is Bravo's alone: Alpha's reservation is not in it.
  const cim::v1::FundBalance bravo = Fund(kBravo);
  EXPECT_EQ(bravo.credited(), "1000.00");
  EXPECT_EQ(bravo.reserved(), "0.00");
  EXPECT_EQ(bravo.available(), "1000.00");
  absl::StatusOr<std::vector<cim::v1::FundBalance>> none = funds_.Balances(kBravo, yen.id());
  ASSERT_THAT(none, IsOk());
  EXPECT_THAT(*none, IsEmpty());
}

}  // namespace
}  // namespace cim
