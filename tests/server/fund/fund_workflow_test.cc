// FundWorkflow over the real fund, program, claim and partner stores with an injected clock:
// the request lifecycle (every status × action); partners request for their own partner (a
// service account for a named one, vendor staff never) with each bad field named; approval
// reserves the planned or a smaller amount and never more than the fund has available, also
// when approvals race; reimbursement against the partner's own unused proof pays the least of
// the actual cost, the approved amount and the fund's balance, so a fund never goes below zero;
// partners see, list and cancel only their own requests and funds (others' answer NOT_FOUND).
#include "server/fund/fund_workflow.h"

#include <atomic>
#include <map>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/clock.h"
#include "server/claim/mysql_claim_repository.h"
#include "server/identity/mysql_partner_repository.h"
#include "tests/server/fund/fund_store_fixture.h"
#include "tests/testing/phrase_matchers.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::InEnglish;

using ::cim::testing::IsOk;
using ::cim::testing::IsOkAndHolds;
using ::cim::testing::StatusIs;
using cim::v1::FundRequestStatus;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Property;
using ::testing::SizeIs;

class FundWorkflowTest : public FundStoreTest {
 protected:
  absl::StatusOr<cim::v1::FundRequest> Create(int64_t caller, cim::v1::FundRequest request) {
    return workflow_.Create(Caller(caller), request);
  }

  // Ann's request for `planned` from Alpha's `fund`.
  int64_t Request(const std::string& planned,
                  cim::v1::LedgerAccount fund = cim::v1::LEDGER_ACCOUNT_MDF_FUND) {
    cim::v1::FundRequest request = NewRequest(0, planned, fund);
    absl::StatusOr<cim::v1::FundRequest> created = Create(kAnn, request);
    EXPECT_THAT(created, IsOk());
    return created.ok() ? created->id() : 0;
  }

  absl::StatusOr<cim::v1::FundRequest> Decide(int64_t caller, FundAction action, int64_t id,
                                              const std::string& amount = "",
                                              const std::string& comment = "",
                                              const std::string& etag = "") {
    cim::v1::DecideFundRequestRequest request;
    request.set_fund_request_id(id);
    request.set_amount(amount);
    request.set_comment(comment);
    request.set_etag(etag);
    return workflow_.Decide(Caller(caller), request, action);
  }

  absl::StatusOr<cim::v1::FundRequest> Claim(int64_t caller, int64_t id, const std::string& actual,
                                             std::vector<int64_t> proof) {
    cim::v1::SubmitReimbursementRequest request;
    request.set_fund_request_id(id);
    request.set_actual_cost(actual);
    request.set_notes("Photos of both days");
    for (int64_t a : proof) request.add_attachment_ids(a);
    return workflow_.SubmitReimbursement(Caller(caller), request);
  }

  // Ann's request approved (by Vera) at its planned cost.
  int64_t Approved(const std::string& planned,
                   cim::v1::LedgerAccount fund = cim::v1::LEDGER_ACCOUNT_MDF_FUND) {
    const int64_t id = Request(planned, fund);
    EXPECT_THAT(Decide(kVera, FundAction::kApprove, id), IsOk());
    return id;
  }

  FakeClock clock_{T0() + absl::Hours(1)};
  MysqlClaimRepository claims_{database_.db()};
  MysqlPartnerRepository partners_{database_.db()};
  FundWorkflow workflow_{funds_, programs_, claims_, partners_, clock_};
};

TEST_F(FundWorkflowTest, NextStatusFollowsTheLifecycle) {
  using A = FundAction;
  using S = FundRequestStatus;
  const std::map<std::pair<S, A>, S> kAllowed = {
      {{cim::v1::FUND_REQUEST_STATUS_SUBMITTED, A::kApprove},
       cim::v1::FUND_REQUEST_STATUS_APPROVED},
      {{cim::v1::FUND_REQUEST_STATUS_SUBMITTED, A::kReject}, cim::v1::FUND_REQUEST_STATUS_REJECTED},
      {{cim::v1::FUND_REQUEST_STATUS_SUBMITTED, A::kCancel},
       cim::v1::FUND_REQUEST_STATUS_CANCELLED},
      {{cim::v1::FUND_REQUEST_STATUS_APPROVED, A::kCancel}, cim::v1::FUND_REQUEST_STATUS_CANCELLED},
      {{cim::v1::FUND_REQUEST_STATUS_APPROVED, A::kSubmitReimbursement},
       cim::v1::FUND_REQUEST_STATUS_CLAIMED},
      {{cim::v1::FUND_REQUEST_STATUS_CLAIMED, A::kApproveReimbursement},
       cim::v1::FUND_REQUEST_STATUS_REIMBURSED},
      {{cim::v1::FUND_REQUEST_STATUS_CLAIMED, A::kRejectReimbursement},
       cim::v1::FUND_REQUEST_STATUS_APPROVED},
  };
  for (int from = cim::v1::FUND_REQUEST_STATUS_SUBMITTED;
       from <= cim::v1::FUND_REQUEST_STATUS_CANCELLED; ++from) {
    for (A action : {A::kApprove, A::kReject, A::kCancel, A::kSubmitReimbursement,
                     A::kApproveReimbursement, A::kRejectReimbursement}) {
      const auto it = kAllowed.find({static_cast<S>(from), action});
      const absl::StatusOr<S> to = NextFundStatus(static_cast<S>(from), action);
      if (it != kAllowed.end()) {
        EXPECT_THAT(to, IsOkAndHolds(it->second)) << from << " " << static_cast<int>(action);
      } else {
        EXPECT_THAT(to, StatusIs(absl::StatusCode::kFailedPrecondition))
            << from << " " << static_cast<int>(action);
      }
    }
  }
  EXPECT_THAT(NextFundStatus(cim::v1::FUND_REQUEST_STATUS_REJECTED, A::kApprove),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "a REJECTED fund request cannot become APPROVED"));
}

TEST_F(FundWorkflowTest, PartnersRequestForThemselvesAndEveryBadFieldIsNamed) {
  cim::v1::FundRequest request = NewRequest(0, "1500");
  request.set_activity("  Storage roadshow  ");
  absl::StatusOr<cim::v1::FundRequest> created = Create(kAnn, request);
  ASSERT_THAT(created, IsOk());
  EXPECT_EQ(created->partner_id(), kAlpha);
  EXPECT_EQ(created->activity(), "Storage roadshow");
  EXPECT_EQ(created->status(), cim::v1::FUND_REQUEST_STATUS_SUBMITTED);
  EXPECT_EQ(created->planned_cost(), "1500.00");
  EXPECT_EQ(created->requested_by_user_id(), kAnn);
  EXPECT_EQ(created->create_time().seconds(), kT0Seconds + 3600);
  // A service account names the partner it acts for.
  absl::StatusOr<cim::v1::FundRequest> erp = Create(kErp, NewRequest(kBravo, "100"));
  ASSERT_THAT(erp, IsOk());
  EXPECT_EQ(erp->partner_id(), kBravo);
  EXPECT_EQ(erp->requested_by_user_id(), kErp);

  EXPECT_THAT(Create(kAnn, NewRequest(kBravo, "100")),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(Create(kVera, NewRequest(kAlpha, "100")),
              StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("made by partners")));
  EXPECT_THAT(Create(kErp, NewRequest(0, "100")),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("request.partner_id")));

  const auto with = [&](auto change) {
    cim::v1::FundRequest r = NewRequest(0, "100");
    change(r);
    return Create(kAnn, r);
  };
  const struct {
    const char* field;
    std::function<void(cim::v1::FundRequest&)> change;
  } kBad[] = {
      {"request.program_id", [](auto& r) { r.set_program_id(0); }},
      {"request.program_id: unknown program 999", [](auto& r) { r.set_program_id(999); }},
      {"request.fund", [](auto& r) { r.set_fund(cim::v1::LEDGER_ACCOUNT_PAYABLE); }},
      {"request.activity", [](auto& r) { r.set_activity("   "); }},
      {"request.planned_cost", [](auto& r) { r.set_planned_cost("12.345"); }},  // EUR: cents
      {"request.planned_cost", [](auto& r) { r.set_planned_cost("-5"); }},
      {"request.start_date", [](auto& r) { r.set_start_date("2026-02-30"); }},
      {"request.end_date: must not be before start_date",
       [](auto& r) { r.set_end_date("2026-03-31"); }},
  };
  for (const auto& c : kBad) {
    EXPECT_THAT(with(c.change), StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(c.field)))
        << c.field;
  }

  // The partner must be in the program, and the program must have the fund.
  const cim::v1::Program mdf_only = CreateProgram(
      R"pb(name: "MDF only"
           currency_code: "EUR"
           budget: "1000"
           start_date: "2026-01-01"
           end_date: "2026-12-31"
           rules {
             id: "mdf"
             name: "MDF"
             mdf_allocation { amount_per_partner: "100" }
           })pb");
  EXPECT_THAT(with([&](auto& r) { r.set_program_id(mdf_only.id()); }),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("not enrolled")));
  Enroll(mdf_only.id(), kAlpha);
  EXPECT_THAT(with([&](auto& r) {
                r.set_program_id(mdf_only.id());
                r.set_fund(cim::v1::LEDGER_ACCOUNT_COOP_FUND);
              }),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("has no co-op fund")));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM fund_requests"), 2);
}

TEST_F(FundWorkflowTest, ApprovalReservesNoMoreThanTheFundHasAvailable) {
  const int64_t first = Request("1500");
  EXPECT_THAT(Decide(kFay, FundAction::kApprove, first),
              StatusIs(absl::StatusCode::kPermissionDenied));  // finance does not review
  EXPECT_THAT(Decide(kAnn, FundAction::kApprove, first),
              StatusIs(absl::StatusCode::kPermissionDenied));
  absl::StatusOr<cim::v1::FundRequest> approved = Decide(kVera, FundAction::kApprove, first);
  ASSERT_THAT(approved, IsOk());
  EXPECT_EQ(approved->status(), cim::v1::FUND_REQUEST_STATUS_APPROVED);
  EXPECT_EQ(approved->approved_amount(), "1500.00");
  EXPECT_EQ(approved->timeline(1).time().seconds(), kT0Seconds + 3600);
  EXPECT_EQ(Fund(kAlpha).available(), "500.00");
  EXPECT_THAT(Decide(kPam, FundAction::kApprove, first),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("a APPROVED fund request cannot become APPROVED")));

  const int64_t second = Request("600");
  EXPECT_THAT(Decide(kPam, FundAction::kApprove, second),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("the MDF fund has €500 available; it cannot reserve €600")));
  EXPECT_THAT(Decide(kPam, FundAction::kApprove, second, "600.01"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("amount")));  // > planned
  EXPECT_THAT(Decide(kPam, FundAction::kApprove, second, "499.999"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("amount")));
  EXPECT_THAT(
      Decide(kPam, FundAction::kReject, second, "100", "too much"),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("only for ApproveFundRequest")));
  EXPECT_THAT(Decide(kPam, FundAction::kApprove, second, "500", "", "7"),
              StatusIs(absl::StatusCode::kAborted));  // stale etag
  absl::StatusOr<cim::v1::FundRequest> smaller =
      Decide(kPam, FundAction::kApprove, second, "500", "", "1");
  ASSERT_THAT(smaller, IsOk());
  EXPECT_EQ(smaller->approved_amount(), "500.00");
  const cim::v1::FundBalance mdf = Fund(kAlpha);
  EXPECT_EQ(mdf.reserved(), "2000.00");
  EXPECT_EQ(mdf.available(), "0.00");

  // Rejections need a reason; a rejected request reserves nothing.
  const int64_t coop = Request("50", cim::v1::LEDGER_ACCOUNT_COOP_FUND);
  EXPECT_THAT(Decide(kVera, FundAction::kReject, coop),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("comment")));
  EXPECT_THAT(
      Decide(kVera, FundAction::kReject, coop, "", "not a marketing activity"),
      IsOkAndHolds(Property(&cim::v1::FundRequest::status, cim::v1::FUND_REQUEST_STATUS_REJECTED)));
  EXPECT_EQ(Fund(kAlpha, cim::v1::LEDGER_ACCOUNT_COOP_FUND).available(), "200.00");
}

TEST_F(FundWorkflowTest, ReimbursementPaysTheLeastOfCostApprovalAndBalance) {
  // Actual cost above the approval: the approved 1,500 is paid, out of MDF into payable.
  const int64_t roadshow = Approved("1500");
  absl::StatusOr<cim::v1::FundRequest> claimed = Claim(kRob, roadshow, "1800", {Upload(kAlpha)});
  ASSERT_THAT(claimed, IsOk());
  EXPECT_EQ(claimed->status(), cim::v1::FUND_REQUEST_STATUS_CLAIMED);
  EXPECT_EQ(claimed->actual_cost(), "1800.00");
  EXPECT_THAT(claimed->proof(), SizeIs(1));
  absl::StatusOr<cim::v1::FundRequest> paid =
      Decide(kVera, FundAction::kApproveReimbursement, roadshow);
  ASSERT_THAT(paid, IsOk());
  EXPECT_EQ(paid->status(), cim::v1::FUND_REQUEST_STATUS_REIMBURSED);
  EXPECT_EQ(paid->reimbursed_amount(), "1500.00");
  ASSERT_THAT(paid->entries(), SizeIs(2));
  const LedgerEntry& out = paid->entries(0);
  EXPECT_EQ(out.account(), cim::v1::LEDGER_ACCOUNT_MDF_FUND);
  EXPECT_EQ(out.kind(), cim::v1::LEDGER_ENTRY_KIND_REIMBURSEMENT);
  EXPECT_EQ(out.amount(), "-1500.00");
  EXPECT_EQ(out.fund_request_id(), roadshow);
  EXPECT_EQ(out.user_id(), kAnn);
  EXPECT_EQ(InEnglish(out.basis()),
            "MDF reimbursement for \"Storage roadshow\": €1,500 (actual cost €1,800,"
            " pre-approved €1,500)");
  EXPECT_EQ(paid->entries(1).account(), cim::v1::LEDGER_ACCOUNT_PAYABLE);
  EXPECT_EQ(paid->entries(1).amount(), "1500.00");
  cim::v1::FundBalance mdf = Fund(kAlpha);
  EXPECT_EQ(mdf.debited(), "-1500.00");
  EXPECT_EQ(mdf.reserved(), "0.00");
  EXPECT_EQ(mdf.available(), "500.00");

  // Actual cost below the approval: the actual cost, to the cent.
  const int64_t ads = Approved("200", cim::v1::LEDGER_ACCOUNT_COOP_FUND);
  ASSERT_THAT(Claim(kAnn, ads, "150.4", {Upload(kAlpha)}), IsOk());
  EXPECT_THAT(Decide(kPam, FundAction::kApproveReimbursement, ads),
              IsOkAndHolds(Property(&cim::v1::FundRequest::reimbursed_amount, "150.40")));
  EXPECT_EQ(Fund(kAlpha, cim::v1::LEDGER_ACCOUNT_COOP_FUND).available(), "49.60");

  // A fund corrected below what is reserved pays no more than its balance, then nothing.
  const int64_t booth = Approved("400");
  const int64_t flyers = Approved("100");
  Append({Posting(kAlpha, cim::v1::LEDGER_ACCOUNT_MDF_FUND, cim::v1::LEDGER_ENTRY_KIND_REVERSAL,
                  "EUR", "-300", program_.id())});  // balance 200, 500 reserved
  ASSERT_THAT(Claim(kAnn, booth, "400", {Upload(kAlpha)}), IsOk());
  ASSERT_THAT(Claim(kAnn, flyers, "100", {Upload(kAlpha)}), IsOk());
  EXPECT_THAT(Decide(kVera, FundAction::kApproveReimbursement, booth),
              IsOkAndHolds(Property(&cim::v1::FundRequest::reimbursed_amount, "200.00")));
  EXPECT_THAT(Decide(kVera, FundAction::kApproveReimbursement, flyers),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("nothing left")));
  mdf = Fund(kAlpha);
  EXPECT_EQ(mdf.credited(), "2000.00");
  EXPECT_EQ(mdf.debited(), "-2000.00");  // −1,500 −300 −200: the balance is exactly zero
  // The reviewer sends the claim back instead (with a reason): approved again.
  EXPECT_THAT(Decide(kVera, FundAction::kRejectReimbursement, flyers),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("comment")));
  EXPECT_THAT(
      Decide(kVera, FundAction::kRejectReimbursement, flyers, "", "fund is empty"),
      IsOkAndHolds(Property(&cim::v1::FundRequest::status, cim::v1::FUND_REQUEST_STATUS_APPROVED)));
}

TEST_F(FundWorkflowTest, RacingApprovalsNeverReserveMoreThanTheFund) {
  // Six requests of 500 against Alpha's 2,000: four fit, whatever the order.
  std::vector<int64_t> ids;
  for (int i = 0; i < 6; ++i) ids.push_back(Request("500"));
  std::atomic<int> approved{0}, refused{0};
  std::vector<std::thread> reviewers;
  for (int64_t id : ids) {
    reviewers.emplace_back([&, id] {
      const absl::StatusOr<cim::v1::FundRequest> r =
          Decide(id % 2 == 0 ? kVera : kPam, FundAction::kApprove, id);
      if (r.ok()) {
        ++approved;
      } else if (absl::IsFailedPrecondition(r.status())) {
        ++refused;
      } else {
        ADD_FAILURE() << r.status();
      }
    });
  }
  for (std::thread& t : reviewers) t.join();
  EXPECT_EQ(approved.load(), 4);
  EXPECT_EQ(refused.load(), 2);
  const cim::v1::FundBalance mdf = Fund(kAlpha);
  EXPECT_EQ(mdf.reserved(), "2000.00");
  EXPECT_EQ(mdf.available(), "0.00");
}

TEST_F(FundWorkflowTest, PartnersSeeListAndCancelOnlyTheirOwn) {
  const int64_t alphas = Request("100");
  absl::StatusOr<cim::v1::FundRequest> bravos = Create(kBea, NewRequest(0, "200"));
  ASSERT_THAT(bravos, IsOk());

  EXPECT_THAT(workflow_.Get(Caller(kRob), alphas),
              IsOkAndHolds(Property(&cim::v1::FundRequest::id, alphas)));
  EXPECT_THAT(workflow_.Get(Caller(kVera), bravos->id()),
              IsOkAndHolds(Property(&cim::v1::FundRequest::partner_id, kBravo)));
  EXPECT_THAT(workflow_.Get(Caller(kAnn), bravos->id()),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("not found")));
  EXPECT_THAT(workflow_.Get(Caller(kAnn), 0),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("fund_request_id")));

  const auto list = [&](int64_t caller, int64_t partner_id) {
    cim::v1::ListFundRequestsRequest request;
    request.set_partner_id(partner_id);
    return workflow_.List(Caller(caller), request);
  };
  const auto partners = [](const cim::v1::ListFundRequestsResponse& r) {
    std::vector<int64_t> out;
    for (const cim::v1::FundRequest& f : r.requests()) out.push_back(f.partner_id());
    return out;
  };
  absl::StatusOr<cim::v1::ListFundRequestsResponse> mine = list(kAnn, 0);
  ASSERT_THAT(mine, IsOk());
  EXPECT_THAT(partners(*mine), ElementsAre(kAlpha));
  absl::StatusOr<cim::v1::ListFundRequestsResponse> all = list(kVera, 0);
  ASSERT_THAT(all, IsOk());
  EXPECT_THAT(partners(*all), ElementsAre(kBravo, kAlpha));
  EXPECT_THAT(list(kAnn, kBravo), StatusIs(absl::StatusCode::kNotFound));

  cim::v1::ListFundsRequest funds;
  absl::StatusOr<cim::v1::ListFundsResponse> own = workflow_.ListFunds(Caller(kRob), funds);
  ASSERT_THAT(own, IsOk());
  ASSERT_THAT(own->funds(), SizeIs(2));
  EXPECT_EQ(own->funds(0).available(), "200.00");   // co-op
  EXPECT_EQ(own->funds(1).available(), "2000.00");  // MDF
  EXPECT_THAT(workflow_.ListFunds(Caller(kVera), funds),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("partner_id")));
  funds.set_partner_id(kBravo);
  absl::StatusOr<cim::v1::ListFundsResponse> bravo = workflow_.ListFunds(Caller(kVera), funds);
  ASSERT_THAT(bravo, IsOk());
  EXPECT_THAT(bravo->funds(), ElementsAre(Property(&cim::v1::FundBalance::available, "1000.00")));
  EXPECT_THAT(workflow_.ListFunds(Caller(kAnn), funds), StatusIs(absl::StatusCode::kNotFound));

  // Cancelling is the partner's: another partner gets NOT_FOUND, vendor staff are refused.
  EXPECT_THAT(Decide(kBea, FundAction::kCancel, alphas), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(Decide(kVera, FundAction::kCancel, alphas),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(Decide(kRob, FundAction::kCancel, alphas),
              IsOkAndHolds(
                  Property(&cim::v1::FundRequest::status, cim::v1::FUND_REQUEST_STATUS_CANCELLED)));
}

TEST_F(FundWorkflowTest, ReimbursementNeedsThePartnersOwnUnusedProof) {
  const int64_t id = Approved("300");
  const int64_t bravos = Upload(kBravo);
  EXPECT_THAT(Claim(kAnn, id, "300", {bravos}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("attachment_ids[0]")));
  EXPECT_THAT(Claim(kAnn, id, "300", {}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("attachment_ids")));
  EXPECT_THAT(Claim(kAnn, id, "300", {99999}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("unknown or used")));
  EXPECT_THAT(Claim(kAnn, id, "3,00", {Upload(kAlpha)}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("actual_cost")));
  EXPECT_THAT(Claim(kBea, id, "300", {bravos}), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(Claim(kVera, id, "300", {Upload(kAlpha)}),
              StatusIs(absl::StatusCode::kPermissionDenied));
  const int64_t submitted = Request("100");
  EXPECT_THAT(Claim(kAnn, submitted, "100", {Upload(kAlpha)}),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("a SUBMITTED fund request cannot become CLAIMED")));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM attachments WHERE fund_request_id IS NOT NULL"), 0);

  const int64_t photo = Upload(kAlpha);
  ASSERT_THAT(Claim(kAnn, id, "300", {photo}), IsOk());
  // An attachment proves one request only.
  const int64_t other = Approved("100");
  EXPECT_THAT(Claim(kAnn, other, "100", {photo}),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("not an unused upload")));
}

}  // namespace
}  // namespace cim
