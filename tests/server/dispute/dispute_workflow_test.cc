// DisputeWorkflow on the real stores and an injected clock: partner users open disputes only
// about what they may read (a rep: their own entries; another partner's subject answers
// NOT_FOUND as if it did not exist; a missing reward only in a program they are in); admins see
// their partner's disputes, reps their own, vendor staff all as a queue oldest first with its
// age; vendor staff reply and resolve (an adjustment rounded and drawn from the budget, or a
// refusal), once; partners withdraw while open; bad input is INVALID_ARGUMENT per field.
#include "server/dispute/dispute_workflow.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/clock.h"
#include "tests/server/dispute/dispute_store_fixture.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::IsOk;
using ::cim::testing::StatusIs;
using ::cim::testing::ViolatedFields;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::SizeIs;
using namespace cim::v1;  // NOLINT: the API's message names read best unqualified here

class DisputeWorkflowTest : public DisputeStoreTest {
 protected:
  absl::StatusOr<Dispute> Open(int64_t user, const DisputeSubject& subject,
                               const std::string& key = "key-00001") {
    OpenDisputeRequest request;
    request.set_idempotency_key(key);
    *request.mutable_subject() = subject;
    request.set_message("  The rate looks wrong  ");
    return workflow_.Open(Caller(user), request);
  }

  absl::StatusOr<Dispute> Adjust(int64_t user, int64_t id, const std::string& amount,
                                 LedgerAccount account = LEDGER_ACCOUNT_PAYABLE) {
    ResolveDisputeRequest request;
    request.set_dispute_id(id);
    request.mutable_adjustment()->set_account(account);
    request.mutable_adjustment()->set_amount(amount);
    request.mutable_adjustment()->set_explanation("tier 2 rate");
    return workflow_.Resolve(Caller(user), request);
  }

  absl::StatusOr<Dispute> Refuse(int64_t user, int64_t id, const std::string& reason) {
    ResolveDisputeRequest request;
    request.set_dispute_id(id);
    request.mutable_refusal()->set_reason(reason);
    return workflow_.Resolve(Caller(user), request);
  }

  absl::StatusOr<Dispute> Post(int64_t user, int64_t id, const std::string& body) {
    PostDisputeMessageRequest request;
    request.set_dispute_id(id);
    request.set_body(body);
    return workflow_.PostMessage(Caller(user), request);
  }

  std::vector<int64_t> Listed(int64_t user, ListDisputesRequest request = {}) {
    absl::StatusOr<ListDisputesResponse> response = workflow_.List(Caller(user), request);
    EXPECT_THAT(response, IsOk());
    std::vector<int64_t> ids;
    for (const Dispute& d : response->disputes()) ids.push_back(d.id());
    return ids;
  }

  FakeClock clock_{T0()};
  DisputeWorkflow workflow_{disputes_, programs_, clock_};
};

TEST_F(DisputeWorkflowTest, PartnersDisputeOnlyWhatTheyMayRead) {
  absl::StatusOr<Dispute> rob = Open(kRob, RewardSubject(rob_entry_));
  ASSERT_THAT(rob, IsOk());
  EXPECT_EQ(rob->thread(0).body(), "The rate looks wrong");
  EXPECT_EQ(rob->program_id(), program_.id());
  // A rep reads only their own entries; another partner's entry does not exist for them.
  EXPECT_THAT(Open(kRob, RewardSubject(ann_entry_), "key-00002"),
              StatusIs(absl::StatusCode::kNotFound,
                       absl::StrCat("ledger entry ", ann_entry_, " not found")));
  EXPECT_THAT(Open(kBea, RewardSubject(rob_entry_), "key-00003"),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(Open(kAnn, RewardSubject(rob_entry_), "key-00004"), IsOk());
  DisputeSubject claim;
  claim.set_kind(DISPUTE_SUBJECT_KIND_CLAIM);
  claim.set_claim_id(claim_id_);
  EXPECT_THAT(Open(kRob, claim, "key-00005"), IsOk());
  EXPECT_THAT(Open(kBea, claim, "key-00006"), StatusIs(absl::StatusCode::kNotFound));
  DisputeSubject missing;
  missing.set_kind(DISPUTE_SUBJECT_KIND_MISSING_REWARD);
  missing.set_program_id(other_program_.id());  // Alpha is not in it
  missing.set_expected("A bonus");
  EXPECT_THAT(Open(kAnn, missing, "key-00007"), StatusIs(absl::StatusCode::kNotFound));
  missing.set_program_id(program_.id());
  absl::StatusOr<Dispute> expected = Open(kAnn, missing, "key-00008");
  ASSERT_THAT(expected, IsOk());
  EXPECT_EQ(expected->subject().expected(), "A bonus");
  EXPECT_EQ(expected->program_id(), program_.id());
  // Vendor staff do not open disputes.
  EXPECT_THAT(Open(kVera, RewardSubject(rob_entry_), "key-00009"),
              StatusIs(absl::StatusCode::kPermissionDenied));
}

TEST_F(DisputeWorkflowTest, ARetryAnswersItsDisputeAndAKeyReusedForAnotherIsRefused) {
  absl::StatusOr<Dispute> first = Open(kRob, RewardSubject(rob_entry_), "retry-key-1");
  ASSERT_THAT(first, IsOk());
  absl::StatusOr<Dispute> again = Open(kRob, RewardSubject(rob_entry_), "retry-key-1");
  ASSERT_THAT(again, IsOk());
  EXPECT_EQ(again->id(), first->id());
  DisputeSubject claim;
  claim.set_kind(DISPUTE_SUBJECT_KIND_CLAIM);
  claim.set_claim_id(claim_id_);
  EXPECT_THAT(
      Open(kRob, claim, "retry-key-1"),
      StatusIs(absl::StatusCode::kAlreadyExists, HasSubstr("was used for a different dispute")));
  EXPECT_THAT(Listed(kRob), SizeIs(1));
}

TEST_F(DisputeWorkflowTest, BadRequestsNameEveryField) {
  OpenDisputeRequest request;
  request.set_idempotency_key("short");
  request.mutable_subject()->set_kind(DISPUTE_SUBJECT_KIND_REWARD);
  for (int i = 0; i < 11; ++i) request.add_attachment_ids(i + 1);
  EXPECT_THAT(ViolatedFields(workflow_.Open(Caller(kRob), request).status()),
              ElementsAre("idempotency_key", "subject.entry_id", "message", "attachment_ids"));
  const int64_t id = Open(kRob, RewardSubject(rob_entry_))->id();
  ResolveDisputeRequest resolve;
  resolve.set_dispute_id(id);
  EXPECT_THAT(ViolatedFields(workflow_.Resolve(Caller(kVera), resolve).status()),
              ElementsAre("outcome"));
  EXPECT_THAT(ViolatedFields(Adjust(kVera, id, "abc").status()), ElementsAre("adjustment.amount"));
  EXPECT_THAT(ViolatedFields(Refuse(kVera, id, "").status()), ElementsAre("refusal.reason"));
}

TEST_F(DisputeWorkflowTest, AdminsSeeTheirPartnersRepsTheirOwnVendorsTheQueue) {
  const int64_t rob = Open(kRob, RewardSubject(rob_entry_))->id();
  clock_.Advance(absl::Hours(1));
  const int64_t ann = Open(kAnn, RewardSubject(ann_entry_), "key-00002")->id();
  clock_.Advance(absl::Hours(1));
  const int64_t bea = Open(kBea, RewardSubject(bravo_entry_), "key-00003")->id();
  clock_.Advance(absl::Hours(2));
  EXPECT_THAT(Listed(kAnn), ElementsAre(ann, rob));
  EXPECT_THAT(Listed(kRob), ElementsAre(rob));
  EXPECT_THAT(Listed(kBea), ElementsAre(bea));
  EXPECT_THAT(Listed(kVera), ElementsAre(rob, ann, bea));
  ListDisputesRequest alpha;
  alpha.set_partner_id(kAlpha);
  EXPECT_THAT(Listed(kFay, alpha), ElementsAre(rob, ann));
  EXPECT_THAT(workflow_.List(Caller(kBea), alpha), StatusIs(absl::StatusCode::kNotFound));

  absl::StatusOr<Dispute> got = workflow_.Get(Caller(kAnn), rob);
  ASSERT_THAT(got, IsOk());
  EXPECT_EQ(got->age_seconds(), 4 * 3600);
  EXPECT_THAT(workflow_.Get(Caller(kRob), ann),
              StatusIs(absl::StatusCode::kNotFound, absl::StrCat("dispute ", ann, " not found")));
  EXPECT_THAT(workflow_.Get(Caller(kBea), rob), StatusIs(absl::StatusCode::kNotFound));

  ListDisputesRequest page;
  page.set_page_size(2);
  absl::StatusOr<ListDisputesResponse> first = workflow_.List(Caller(kVera), page);
  ASSERT_THAT(first, IsOk());
  ASSERT_THAT(first->disputes(), SizeIs(2));
  EXPECT_EQ(first->disputes(1).age_seconds(), 3 * 3600);
  page.set_page_token(first->next_page_token());
  EXPECT_THAT(Listed(kVera, page), ElementsAre(bea));
}

TEST_F(DisputeWorkflowTest, VendorStaffReplyAndResolveOnce) {
  const int64_t id = Open(kRob, RewardSubject(rob_entry_))->id();
  clock_.Advance(absl::Hours(3));
  absl::StatusOr<Dispute> replied = Post(kVera, id, "Looking into it");
  ASSERT_THAT(replied, IsOk());
  EXPECT_EQ(replied->first_reply_time().seconds(), absl::ToUnixSeconds(T0() + absl::Hours(3)));
  EXPECT_THAT(Post(kErp, id, "hello"), StatusIs(absl::StatusCode::kPermissionDenied));
  PostDisputeMessageRequest with_proof;
  with_proof.set_dispute_id(id);
  with_proof.set_body("see file");
  with_proof.add_attachment_ids(Upload(kAlpha));
  EXPECT_THAT(ViolatedFields(workflow_.PostMessage(Caller(kVera), with_proof).status()),
              ElementsAre("attachment_ids"));
  EXPECT_THAT(workflow_.PostMessage(Caller(kRob), with_proof), IsOk());

  EXPECT_THAT(Adjust(kRob, id, "10"), StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(Adjust(kVera, id, "1000.01"),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("budget")));
  clock_.Advance(absl::Hours(1));
  absl::StatusOr<Dispute> adjusted = Adjust(kFay, id, "12.345");
  ASSERT_THAT(adjusted, IsOk());
  EXPECT_EQ(adjusted->state(), DISPUTE_STATE_ADJUSTED);
  EXPECT_EQ(adjusted->adjustment().amount(), "12.35");
  EXPECT_EQ(adjusted->adjustment().user_id(), kRob);
  EXPECT_EQ(adjusted->resolved_by_user_id(), kFay);
  EXPECT_EQ(adjusted->age_seconds(), 4 * 3600);
  EXPECT_EQ(ReadProgram(program_.id()).budget_drawn(), "12.35");

  EXPECT_THAT(Adjust(kVera, id, "5"), StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(Refuse(kVera, id, "no"), StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(Post(kRob, id, "thanks"), StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(Adjust(kVera, id + 50, "5"), StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(DisputeWorkflowTest, PointsGoToTheOpenerWithoutTouchingTheBudget) {
  const int64_t id = Open(kRob, RewardSubject(rob_entry_))->id();
  absl::StatusOr<Dispute> adjusted = Adjust(kPam, id, "49.5", LEDGER_ACCOUNT_POINTS);
  ASSERT_THAT(adjusted, IsOk());
  EXPECT_EQ(adjusted->adjustment().amount(), "50");
  EXPECT_EQ(adjusted->adjustment().unit(), "points");
  EXPECT_EQ(adjusted->adjustment().user_id(), kRob);
  EXPECT_EQ(ReadProgram(program_.id()).budget_drawn(), "0.00");
}

TEST_F(DisputeWorkflowTest, PartnersWithdrawWhileOpenAndStaleEtagsAbort) {
  const int64_t id = Open(kRob, RewardSubject(rob_entry_))->id();
  ResolveDisputeRequest stale;
  stale.set_dispute_id(id);
  stale.mutable_refusal()->set_reason("no");
  stale.set_etag("999");
  EXPECT_THAT(workflow_.Resolve(Caller(kVera), stale), StatusIs(absl::StatusCode::kAborted));
  WithdrawDisputeRequest withdraw;
  withdraw.set_dispute_id(id);
  withdraw.set_reason("found it");
  EXPECT_THAT(workflow_.Withdraw(Caller(kBea), withdraw), StatusIs(absl::StatusCode::kNotFound));
  absl::StatusOr<Dispute> withdrawn = workflow_.Withdraw(Caller(kRob), withdraw);
  ASSERT_THAT(withdrawn, IsOk());
  EXPECT_EQ(withdrawn->state(), DISPUTE_STATE_WITHDRAWN);
  EXPECT_EQ(withdrawn->resolution(), "found it");
  EXPECT_THAT(Refuse(kVera, id, "no"), StatusIs(absl::StatusCode::kFailedPrecondition));
}

}  // namespace
}  // namespace cim
