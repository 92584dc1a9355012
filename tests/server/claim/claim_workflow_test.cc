// ClaimWorkflow on the real MariaDB stores with an injected clock: a submission is stored for
// the caller's partner (or the service account's named one) with amounts from its lines, bad
// ones are INVALID_ARGUMENT with a violation per field (and store nothing), closed programs and
// unenrolled partners FAILED_PRECONDITION, vendor users PERMISSION_DENIED; an idempotency key
// returns the claim it created, also after the program closed, and a different body with it is
// ALREADY_EXISTS; reviewers may not decide on their own or their partner's claims; the review
// state machine (submitted, in review, needs info, resubmitted, approved or rejected) refuses
// every other step with FAILED_PRECONDITION and a stale etag with ABORTED; approval posts the
// engine's rewards exactly and is refused when the budget cannot cover them; a growth rule
// measures against last year's program when it names one; another partner's
// claims, attachments and lists answer NOT_FOUND and conflict flags do not name the other
// partner; uploads are sniffed and bounded; Watch sends each partner only its own events.
#include "server/claim/claim_workflow.h"

#include <google/protobuf/util/message_differencer.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "gtest/gtest.h"
#include "lib/proto_time.h"
#include "lib/sha256.h"
#include "tests/server/claim/claim_store_fixture.h"
#include "tests/testing/phrase_matchers.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::ReadsInEnglish;

using ::cim::testing::InEnglish;

using ::cim::testing::IsOk;
using ::cim::testing::StatusIs;
using ::google::protobuf::util::MessageDifferencer;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;

// The fields of the google.rpc.BadRequest an INVALID_ARGUMENT status carries.
template <typename T>
std::vector<std::string> Fields(const T& result) {
  const absl::Status status = ::cim::testing::GetStatus(result);
  std::vector<std::string> fields;
  const auto payload = status.GetPayload(kBadRequestTypeUrl);
  google::rpc::BadRequest bad;
  if (!payload || !bad.ParseFromString(std::string(*payload))) return fields;
  for (const auto& v : bad.field_violations()) fields.push_back(v.field());
  return fields;
}

// "KIND rule amount unit" per reward.
std::vector<std::string> Rewards(const Claim& claim) {
  std::vector<std::string> out;
  for (const cim::v1::LedgerEntry& e : claim.rewards()) {
    out.push_back(absl::StrCat(cim::v1::LedgerEntryKind_Name(e.kind()), " ", e.rule_id(), " ",
                               e.amount(), " ", e.unit()));
  }
  return out;
}

class ClaimWorkflowTest : public ClaimWorkflowTestBase {
 protected:
  static cim::v1::AttachmentMetadata Pdf() {
    cim::v1::AttachmentMetadata metadata;
    metadata.set_filename("proof.pdf");
    return metadata;
  }
};

TEST_F(ClaimWorkflowTest, SubmitStoresTheClaimForTheCallersPartnerWithLineAmounts) {
  cim::v1::SubmitClaimRequest request = SaleRequest(" INV-1001 ", "199.99", 3);
  request.set_idempotency_key("idem-key-INV-1001");
  request.mutable_claim()->set_customer_name("  Acme B.V. ");
  request.mutable_claim()->set_notes("Q1 deal");
  CIM_ASSERT_OK_AND_ASSIGN(const Claim claim, workflow_.Submit(rob_, request));
  EXPECT_GT(claim.id(), 0);
  EXPECT_EQ(claim.partner_id(), kAlpha);
  EXPECT_EQ(claim.submitted_by_user_id(), kRob);
  EXPECT_EQ(claim.status(), cim::v1::CLAIM_STATUS_SUBMITTED);
  EXPECT_EQ(claim.invoice_number(), "INV-1001");
  EXPECT_EQ(claim.customer_name(), "Acme B.V.");
  EXPECT_EQ(claim.total_amount(), "599.97");
  ASSERT_THAT(claim.lines(), SizeIs(1));
  EXPECT_EQ(claim.lines(0).unit_price(), "199.99");
  EXPECT_EQ(claim.lines(0).amount(), "599.97");
  EXPECT_EQ(FromTimestamp(claim.create_time()), T0());
  ASSERT_THAT(claim.timeline(), SizeIs(1));
  EXPECT_EQ(claim.timeline(0).actor_name(), "Rob");
  CIM_ASSERT_OK_AND_ASSIGN(const Claim stored, workflow_.Get(ann_, claim.id()));
  EXPECT_TRUE(MessageDifferencer::Equals(stored, claim)) << stored.DebugString();

  // A service account submits for the partner it names.
  cim::v1::SubmitClaimRequest erp = SaleRequest("ERP-1");
  erp.mutable_claim()->set_partner_id(kBravo);
  CIM_ASSERT_OK_AND_ASSIGN(const Claim for_bravo, workflow_.Submit(erp_, erp));
  EXPECT_EQ(for_bravo.partner_id(), kBravo);
  EXPECT_EQ(for_bravo.submitted_by_user_id(), kSam);
  erp.mutable_claim()->set_partner_id(0);
  EXPECT_THAT(Fields(workflow_.Submit(erp_, erp)), ElementsAre("claim.partner_id"));
  erp.mutable_claim()->set_partner_id(99);
  EXPECT_THAT(workflow_.Submit(erp_, erp),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("unknown partner 99")));
  // Partner users act only for their own partner; vendor users do not submit.
  EXPECT_THAT(workflow_.Submit(rob_, erp), StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(workflow_.Submit(vera_, SaleRequest("V-1")),
              StatusIs(absl::StatusCode::kPermissionDenied,
                       "claims are submitted by partners or service accounts"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM claims"), 2);
}

TEST_F(ClaimWorkflowTest, BadSubmissionsAreRefusedWithAViolationPerFieldAndStoreNothing) {
  cim::v1::SubmitClaimRequest request = SaleRequest("INV-2001");
  Claim* c = request.mutable_claim();
  c->set_invoice_date("2026-03-03");  // tomorrow
  c->set_customer_country("XX");
  c->set_currency_code("USD");
  c->mutable_lines(0)->set_quantity(0);
  cim::v1::ClaimLine* other = c->add_lines();
  other->set_sku("XX-9");  // in the catalog, not in the program
  other->set_quantity(1);
  other->set_unit_price("20000");  // 20× list price
  cim::v1::ClaimLine* unknown = c->add_lines();
  unknown->set_sku("NOPE");
  unknown->set_quantity(1);
  unknown->set_unit_price("-5");
  absl::StatusOr<Claim> refused = workflow_.Submit(rob_, request);
  EXPECT_THAT(refused, StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(Fields(refused), ElementsAre("claim.invoice_date", "claim.customer_country",
                                           "claim.currency_code", "claim.lines[0].quantity",
                                           "claim.lines[1].sku", "claim.lines[1].unit_price",
                                           "claim.lines[2].sku", "claim.lines[2].unit_price"));
  request = SaleRequest("INV-2002");
  request.set_idempotency_key("short");
  request.mutable_claim()->set_program_id(0);
  EXPECT_THAT(Fields(workflow_.Submit(rob_, request)),
              ElementsAre("idempotency_key", "claim.program_id"));
  request = SaleRequest("INV-2003");
  request.mutable_claim()->set_program_id(999);
  EXPECT_THAT(workflow_.Submit(rob_, request),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("unknown program 999")));
  // Another partner's upload is unknown to this one.
  CIM_ASSERT_OK_AND_ASSIGN(const cim::v1::Attachment theirs,
                           workflow_.Upload(bea_, Pdf(), std::string("%PDF-1.7 x")));
  request = SaleRequest("INV-2004");
  request.mutable_claim()->add_attachment_ids(theirs.id());
  EXPECT_THAT(Fields(workflow_.Submit(rob_, request)), ElementsAre("claim.attachment_ids[0]"));

  // Partners must be enrolled in an active program.
  const cim::v1::Program fresh = ActiveProgram(kRebateProgram);
  request = SaleRequest("INV-2005");
  request.mutable_claim()->set_program_id(fresh.id());
  EXPECT_THAT(workflow_.Submit(rob_, request),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("not enrolled")));
  CIM_ASSERT_OK_AND_ASSIGN(cim::v1::Program paused, programs_.Get(program_.id()));
  paused.set_status(cim::v1::PROGRAM_STATUS_PAUSED);
  ASSERT_THAT(programs_.Update(paused, kPaul, T0()), IsOk());
  EXPECT_THAT(workflow_.Submit(rob_, SaleRequest("INV-2006")),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("not active")));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM claims"), 0);
}

TEST_F(ClaimWorkflowTest, NewTermsStopNewClaimsUntilAPartnerAdminAcceptsThem) {
  const cim::v1::SubmitClaimRequest first = SaleRequest("INV-7001");
  const Claim before = MustSubmit(rob_, first);
  CIM_ASSERT_OK_AND_ASSIGN(cim::v1::Program program, programs_.Get(program_.id()));
  program.set_terms("Terms v2: claims submitted before you accept them do not count.");
  program.set_terms_version(2);
  ASSERT_THAT(programs_.Update(program, kPaul, T0()), IsOk());

  EXPECT_THAT(workflow_.Submit(rob_, SaleRequest("INV-7002")),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("has new terms (version 2): until a partner admin accepts them")));
  // A retry of a claim stored before is still answered with it.
  CIM_ASSERT_OK_AND_ASSIGN(const Claim again, workflow_.Submit(rob_, first));
  EXPECT_EQ(again.id(), before.id());
  // Accepted by Alpha: Alpha's claims count again; Bravo's still do not.
  ASSERT_THAT(programs_.AcceptTerms(program_.id(), kAlpha, 2, kAnn, T0()), IsOk());
  MustSubmit(rob_, SaleRequest("INV-7002"));
  EXPECT_THAT(workflow_.Submit(bea_, SaleRequest("INV-7003")),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("new terms")));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM claims"), 2);
}

TEST_F(ClaimWorkflowTest, AnIdempotencyKeyReturnsTheClaimItCreated) {
  const cim::v1::SubmitClaimRequest request = SaleRequest("INV-3001");
  const Claim first = MustSubmit(rob_, request);
  CIM_ASSERT_OK_AND_ASSIGN(const Claim again, workflow_.Submit(rob_, request));
  EXPECT_EQ(again.id(), first.id());
  EXPECT_TRUE(MessageDifferencer::Equals(again, first));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM claims"), 1);

  cim::v1::SubmitClaimRequest changed = request;
  changed.mutable_claim()->mutable_lines(0)->set_quantity(2);
  EXPECT_THAT(workflow_.Submit(rob_, changed),
              StatusIs(absl::StatusCode::kAlreadyExists,
                       HasSubstr("idem-key-INV-3001 was used for a different claim")));
  // The same invoice under a new key is a duplicate, not a replay.
  EXPECT_THAT(workflow_.Submit(ann_, SaleRequest("inv/3001")),
              StatusIs(absl::StatusCode::kAlreadyExists,
                       HasSubstr("invoice inv/3001 was already claimed by this partner")));
  // A retry after the program was paused still returns the claim.
  CIM_ASSERT_OK_AND_ASSIGN(cim::v1::Program paused, programs_.Get(program_.id()));
  paused.set_status(cim::v1::PROGRAM_STATUS_PAUSED);
  ASSERT_THAT(programs_.Update(paused, kPaul, T0()), IsOk());
  CIM_ASSERT_OK_AND_ASSIGN(const Claim retried, workflow_.Submit(rob_, request));
  EXPECT_EQ(retried.id(), first.id());
  EXPECT_THAT(workflow_.Submit(rob_, SaleRequest("INV-3002")),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("not active")));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM claims"), 1);
}

TEST_F(ClaimWorkflowTest, ReviewersMayNotDecideOnTheirOwnOrTheirPartnersClaims) {
  const Claim claim = MustSubmit(rob_, SaleRequest("INV-5001"));
  EXPECT_THAT(Review(ann_, ClaimAction::kApprove, claim.id()),
              StatusIs(absl::StatusCode::kPermissionDenied));
  // Rob, since moved to the vendor, reviews nothing he submitted.
  const Principal rob_at_vendor = Caller(kRob, "Rob", cim::v1::ROLE_CHANNEL_MANAGER, 0);
  EXPECT_THAT(Review(rob_at_vendor, ClaimAction::kApprove, claim.id()),
              StatusIs(absl::StatusCode::kPermissionDenied,
                       "segregation of duties: you submitted this claim"));
  const Principal alphas_manager = Caller(kVera, "Vera", cim::v1::ROLE_CHANNEL_MANAGER, kAlpha);
  EXPECT_THAT(Review(alphas_manager, ClaimAction::kStartReview, claim.id()),
              StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("own partner's claims")));
  // Bad requests and stale reads.
  EXPECT_THAT(Fields(Review(vera_, ClaimAction::kReject, claim.id())), ElementsAre("comment"));
  EXPECT_THAT(Fields(Review(vera_, ClaimAction::kRequestInfo, 0, "why?")), ElementsAre("claim_id"));
  EXPECT_THAT(Review(vera_, ClaimAction::kStartReview, claim.id(), "", "7"),
              StatusIs(absl::StatusCode::kAborted, HasSubstr("changed since you read it")));
  EXPECT_THAT(Review(vera_, ClaimAction::kApprove, 999999), StatusIs(absl::StatusCode::kNotFound));
  CIM_ASSERT_OK_AND_ASSIGN(const Claim unchanged, workflow_.Get(vera_, claim.id()));
  EXPECT_EQ(unchanged.etag(), "1");
  EXPECT_EQ(unchanged.status(), cim::v1::CLAIM_STATUS_SUBMITTED);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ledger_entries"), 0);
  // With the etag read, the program admin may.
  CIM_ASSERT_OK_AND_ASSIGN(const Claim started,
                           Review(paul_, ClaimAction::kStartReview, claim.id(), "", "1"));
  EXPECT_EQ(started.reviewer_user_id(), kPaul);
}

TEST_F(ClaimWorkflowTest, AClaimMovesThroughReviewAndResubmissionToAFinalDecision) {
  const Claim claim = MustSubmit(rob_, SaleRequest("INV-6001"));
  clock_.Advance(absl::Hours(1));
  CIM_ASSERT_OK_AND_ASSIGN(Claim c, Review(vera_, ClaimAction::kStartReview, claim.id()));
  EXPECT_EQ(c.status(), cim::v1::CLAIM_STATUS_IN_REVIEW);
  EXPECT_EQ(c.reviewer_user_id(), kVera);
  EXPECT_EQ(FromTimestamp(c.update_time()), T0() + absl::Hours(1));
  CIM_ASSERT_OK_AND_ASSIGN(
      c, Review(vera_, ClaimAction::kRequestInfo, claim.id(), "Attach the invoice PDF"));
  EXPECT_EQ(c.status(), cim::v1::CLAIM_STATUS_NEEDS_INFO);
  EXPECT_THAT(
      Review(vera_, ClaimAction::kApprove, claim.id()),
      StatusIs(absl::StatusCode::kFailedPrecondition, "a NEEDS_INFO claim cannot become APPROVED"));

  cim::v1::ResubmitClaimRequest resubmit;
  *resubmit.mutable_claim() = SaleRequest("INV-6001", "1100").claim();
  resubmit.mutable_claim()->set_id(claim.id());
  resubmit.set_comment("Corrected the price");
  // Only the partner's own users resubmit, and only with valid content.
  EXPECT_THAT(workflow_.Resubmit(vera_, resubmit), StatusIs(absl::StatusCode::kPermissionDenied));
  cim::v1::ResubmitClaimRequest bad = resubmit;
  bad.mutable_claim()->mutable_lines(0)->set_quantity(0);
  EXPECT_THAT(Fields(workflow_.Resubmit(rob_, bad)), ElementsAre("claim.lines[0].quantity"));
  CIM_ASSERT_OK_AND_ASSIGN(c, workflow_.Resubmit(rob_, resubmit));
  EXPECT_EQ(c.status(), cim::v1::CLAIM_STATUS_SUBMITTED);
  EXPECT_EQ(c.total_amount(), "1100.00");
  ASSERT_THAT(c.flags(), SizeIs(1));
  EXPECT_EQ(c.flags(0).flag(), cim::v1::CLAIM_FLAG_RESUBMITTED);
  EXPECT_THAT(
      workflow_.Resubmit(rob_, resubmit),
      StatusIs(absl::StatusCode::kFailedPrecondition, "a SUBMITTED claim cannot become SUBMITTED"));

  CIM_ASSERT_OK_AND_ASSIGN(c, Review(vera_, ClaimAction::kApprove, claim.id(), "fine"));
  EXPECT_EQ(c.status(), cim::v1::CLAIM_STATUS_APPROVED);
  EXPECT_THAT(Rewards(c), ElementsAre("LEDGER_ENTRY_KIND_REBATE rebate 22.00 EUR",
                                      "LEDGER_ENTRY_KIND_POINTS points 110 points",
                                      "LEDGER_ENTRY_KIND_COOP_ACCRUAL coop 11.00 EUR"));
  ASSERT_THAT(c.timeline(), SizeIs(5));
  EXPECT_EQ(c.timeline(2).comment(), "Attach the invoice PDF");
  EXPECT_EQ(c.timeline(3).comment(), "Corrected the price");
  EXPECT_EQ(c.timeline(3).actor_name(), "Rob");
  EXPECT_EQ(c.timeline(4).comment(), "fine");
  for (ClaimAction after : {ClaimAction::kReject, ClaimAction::kStartReview}) {
    EXPECT_THAT(Review(vera_, after, claim.id(), "too late"),
                StatusIs(absl::StatusCode::kFailedPrecondition,
                         HasSubstr("a APPROVED claim cannot become")));
  }

  // A rejection is final and posts nothing.
  const Claim other = MustSubmit(rob_, SaleRequest("INV-6002"));
  CIM_ASSERT_OK_AND_ASSIGN(c, Review(vera_, ClaimAction::kReject, other.id(), "duplicate"));
  EXPECT_EQ(c.status(), cim::v1::CLAIM_STATUS_REJECTED);
  EXPECT_THAT(c.rewards(), IsEmpty());
  EXPECT_THAT(
      Review(vera_, ClaimAction::kApprove, other.id()),
      StatusIs(absl::StatusCode::kFailedPrecondition, "a REJECTED claim cannot become APPROVED"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ledger_entries"), 3);
}

TEST_F(ClaimWorkflowTest, ApprovalPostsTheEnginesRewardsWithinTheBudget) {
  const Claim first = MustSubmit(rob_, SaleRequest("A-1", "6000"));
  CIM_ASSERT_OK_AND_ASSIGN(Claim c, Review(vera_, ClaimAction::kApprove, first.id()));
  EXPECT_THAT(Rewards(c), ElementsAre("LEDGER_ENTRY_KIND_REBATE rebate 120.00 EUR",
                                      "LEDGER_ENTRY_KIND_POINTS points 600 points",
                                      "LEDGER_ENTRY_KIND_COOP_ACCRUAL coop 60.00 EUR"));
  EXPECT_EQ(c.rewards(0).period_start(), "2026-01-01");
  EXPECT_EQ(c.rewards(0).rules_version(), 1);
  EXPECT_EQ(c.rewards(1).user_id(), kRob);
  EXPECT_EQ(c.rewards(0).created_by_user_id(), kVera);
  // Crossing into the 3% tier re-rates the first claim's sales.
  const Claim second = MustSubmit(rob_, SaleRequest("A-2", "5000"));
  CIM_ASSERT_OK_AND_ASSIGN(c, Review(vera_, ClaimAction::kApprove, second.id()));
  EXPECT_THAT(Rewards(c), ElementsAre("LEDGER_ENTRY_KIND_REBATE rebate 150.00 EUR",
                                      "LEDGER_ENTRY_KIND_REBATE_TRUE_UP rebate 60.00 EUR",
                                      "LEDGER_ENTRY_KIND_POINTS points 500 points",
                                      "LEDGER_ENTRY_KIND_COOP_ACCRUAL coop 50.00 EUR"));
  CIM_ASSERT_OK_AND_ASSIGN(const cim::v1::Program program, programs_.Get(program_.id()));
  EXPECT_EQ(program.budget_drawn(), "440.00");  // money only: 120 + 60 + 150 + 60 + 50

  // A program whose budget cannot cover a claim's rewards refuses its approval.
  const cim::v1::Program small = ActiveProgram(kRebateProgram, "100");
  Enroll(kAlpha, small.id());
  cim::v1::SubmitClaimRequest request = SaleRequest("S-1", "6000");
  request.mutable_claim()->set_program_id(small.id());
  const Claim big = MustSubmit(rob_, request);
  EXPECT_THAT(Review(vera_, ClaimAction::kApprove, big.id()),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "the program budget cannot cover this: it needs €180 and €100 remain"));
  CIM_ASSERT_OK_AND_ASSIGN(c, workflow_.Get(vera_, big.id()));
  EXPECT_EQ(c.status(), cim::v1::CLAIM_STATUS_SUBMITTED);
  EXPECT_THAT(c.rewards(), IsEmpty());
  CIM_ASSERT_OK_AND_ASSIGN(const cim::v1::Program untouched, programs_.Get(small.id()));
  EXPECT_EQ(untouched.budget_drawn(), "0.00");
}

TEST_F(ClaimWorkflowTest, APartnerTierUpliftFollowsTheTierAtApproval) {
  const cim::v1::Program uplift = GoldUpliftProgram();
  ASSERT_EQ(uplift.rules(0).rebate().partner_tier_uplifts_size(), 1);
  Enroll(kAlpha, uplift.id());
  cim::v1::SubmitClaimRequest request = SaleRequest("U-1", "6000");
  request.mutable_claim()->set_program_id(uplift.id());
  const Claim first = MustSubmit(rob_, request);
  CIM_ASSERT_OK_AND_ASSIGN(Claim c, Review(vera_, ClaimAction::kApprove, first.id()));
  // Alpha is Gold: 1.5% more, as its own entry that explains itself.
  EXPECT_THAT(Rewards(c), ElementsAre("LEDGER_ENTRY_KIND_REBATE rebate 120.00 EUR",
                                      "LEDGER_ENTRY_KIND_TIER_UPLIFT rebate 90.00 EUR",
                                      "LEDGER_ENTRY_KIND_POINTS points 600 points",
                                      "LEDGER_ENTRY_KIND_COOP_ACCRUAL coop 60.00 EUR"));
  EXPECT_EQ(InEnglish(c.rewards(1).basis()),
            "partner tier gold adds 1.5% of €6,000 eligible sales");

  // Alpha drops to Silver: the next approval has no uplift, and its true-up re-rates only the
  // volume percent (the uplift already paid stays).
  Exec("UPDATE partners SET tier = 'silver' WHERE id = 1");
  request = SaleRequest("U-2", "5000");
  request.mutable_claim()->set_program_id(uplift.id());
  const Claim second = MustSubmit(rob_, request);
  CIM_ASSERT_OK_AND_ASSIGN(c, Review(vera_, ClaimAction::kApprove, second.id()));
  EXPECT_THAT(Rewards(c), ElementsAre("LEDGER_ENTRY_KIND_REBATE rebate 150.00 EUR",
                                      "LEDGER_ENTRY_KIND_REBATE_TRUE_UP rebate 60.00 EUR",
                                      "LEDGER_ENTRY_KIND_POINTS points 500 points",
                                      "LEDGER_ENTRY_KIND_COOP_ACCRUAL coop 50.00 EUR"));
  CIM_ASSERT_OK_AND_ASSIGN(const cim::v1::Program program, programs_.Get(uplift.id()));
  EXPECT_EQ(program.budget_drawn(), "530.00");  // 120 + 90 + 60 + 150 + 60 + 50
}

TEST_F(ClaimWorkflowTest, AGrowthRuleComparesWithTheSamePeriodOfLastYearsProgram) {
  std::string last_year = kRebateProgram;
  absl::StrReplaceAll({{"Storage Rebate 2026", "Storage Rebate 2025"}, {"2026-", "2025-"}},
                      &last_year);
  const cim::v1::Program p2025 = ActiveProgram(last_year.c_str());
  Enroll(kAlpha, p2025.id());
  cim::v1::SubmitClaimRequest old = SaleRequest("L-1", "6000", 1, "ST-100", "2025-02-10");
  old.mutable_claim()->set_program_id(p2025.id());
  ASSERT_THAT(Review(vera_, ClaimAction::kApprove, MustSubmit(rob_, old).id()), IsOk());

  const cim::v1::Program p2026 =
      ActiveProgram(absl::StrCat(kRebateProgram,
                                 "rules { id: \"growth\" name: \"Growth on 2025\" growth {"
                                 " min_growth_percent: \"10\" amount: \"500\""
                                 " baseline: BASELINE_PERIOD_SAME_LAST_YEAR baseline_program_id: ",
                                 p2025.id(), " } }")
                        .c_str());
  Enroll(kAlpha, p2026.id());
  const auto submit = [&](const std::string& invoice, const std::string& price) {
    cim::v1::SubmitClaimRequest request = SaleRequest(invoice, price);
    request.mutable_claim()->set_program_id(p2026.id());
    return Review(vera_, ClaimAction::kApprove, MustSubmit(rob_, request).id());
  };
  // 6,500 against the 6,000 of the first quarter of 2025: 8.3%, short of 10%.
  CIM_ASSERT_OK_AND_ASSIGN(Claim c, submit("G-1", "6500"));
  EXPECT_THAT(Rewards(c), Not(::testing::Contains(HasSubstr("GROWTH"))));
  // 7,500: 25% up on last year's quarter: the growth bonus, once.
  CIM_ASSERT_OK_AND_ASSIGN(c, submit("G-2", "1000"));
  EXPECT_THAT(Rewards(c), ::testing::Contains("LEDGER_ENTRY_KIND_GROWTH growth 500.00 EUR"));
  CIM_ASSERT_OK_AND_ASSIGN(c, submit("G-3", "1000"));
  EXPECT_THAT(Rewards(c), Not(::testing::Contains(HasSubstr("GROWTH"))));
}

TEST_F(ClaimWorkflowTest, AnotherPartnersClaimsAndAttachmentsAreNotFound) {
  CIM_ASSERT_OK_AND_ASSIGN(const cim::v1::Attachment proof,
                           workflow_.Upload(rob_, Pdf(), std::string("%PDF-1.7 proof")));
  cim::v1::SubmitClaimRequest request = SaleRequest("INV-4001");
  request.mutable_claim()->add_attachment_ids(proof.id());
  const Claim alpha = MustSubmit(rob_, request);
  const std::string not_found = absl::StrCat("claim ", alpha.id(), " not found");
  EXPECT_THAT(workflow_.Get(bea_, alpha.id()), StatusIs(absl::StatusCode::kNotFound, not_found));
  cim::v1::ResubmitClaimRequest resubmit;
  *resubmit.mutable_claim() = request.claim();
  resubmit.mutable_claim()->set_id(alpha.id());
  EXPECT_THAT(workflow_.Resubmit(bea_, resubmit), StatusIs(absl::StatusCode::kNotFound, not_found));
  EXPECT_THAT(
      workflow_.Download(
          bea_, proof.id(), [](const cim::v1::Attachment&) {},
          [](const std::string&) { return true; }),
      StatusIs(absl::StatusCode::kNotFound, absl::StrCat("attachment ", proof.id(), " not found")));
  cim::v1::ListClaimsRequest list;
  list.set_partner_id(kAlpha);
  EXPECT_THAT(workflow_.List(bea_, list), StatusIs(absl::StatusCode::kNotFound));

  // The same deal claimed by Bravo: both flagged, Bravo told nothing of Alpha.
  const Claim bravo = MustSubmit(bea_, SaleRequest("INV-4001"));
  ASSERT_THAT(bravo.flags(), SizeIs(1));
  EXPECT_EQ(bravo.flags(0).flag(), cim::v1::CLAIM_FLAG_CHANNEL_CONFLICT);
  EXPECT_THAT(bravo.flags(0).related_claim_ids(), IsEmpty());
  EXPECT_THAT(bravo.flags(0).reason(), Not(HasSubstr("Alpha")));
  CIM_ASSERT_OK_AND_ASSIGN(const Claim reviewed, workflow_.Get(vera_, alpha.id()));
  ASSERT_THAT(reviewed.flags(), SizeIs(1));
  EXPECT_THAT(reviewed.flags(0).related_claim_ids(), ElementsAre(bravo.id()));
  EXPECT_THAT(reviewed.flags(0).reason(),
              ReadsInEnglish(HasSubstr("was also claimed by Bravo IT")));

  // Each partner lists its own claims; vendor users every partner's.
  const auto ids = [&](const Principal& caller) {
    std::vector<int64_t> out;
    absl::StatusOr<cim::v1::ListClaimsResponse> r =
        workflow_.List(caller, cim::v1::ListClaimsRequest());
    EXPECT_TRUE(r.ok()) << r.status();
    const cim::v1::ListClaimsResponse response = r.value_or(cim::v1::ListClaimsResponse());
    for (const Claim& c : response.claims()) out.push_back(c.id());
    return out;
  };
  EXPECT_THAT(ids(bea_), ElementsAre(bravo.id()));
  EXPECT_THAT(ids(rob_), ElementsAre(alpha.id()));
  EXPECT_THAT(ids(vera_), ElementsAre(bravo.id(), alpha.id()));
}

TEST_F(ClaimWorkflowTest, UploadsAreSniffedBoundedAndStreamedBackToThoseWhoMaySeeThem) {
  cim::v1::AttachmentMetadata metadata;
  metadata.set_filename(" invoice.pdf ");
  const std::string pdf = "%PDF-1.7\n" + std::string(3000, '\0');
  CIM_ASSERT_OK_AND_ASSIGN(const cim::v1::Attachment stored, workflow_.Upload(rob_, metadata, pdf));
  EXPECT_EQ(stored.filename(), "invoice.pdf");
  EXPECT_EQ(stored.content_type(), "application/pdf");
  EXPECT_EQ(stored.size_bytes(), 3009);
  EXPECT_EQ(stored.sha256(), Sha256Hex(pdf));
  EXPECT_EQ(stored.partner_id(), kAlpha);
  EXPECT_EQ(stored.uploaded_by_user_id(), kRob);
  EXPECT_EQ(FromTimestamp(stored.create_time()), T0());

  EXPECT_THAT(workflow_.Upload(rob_, metadata, "MZ\x90 not a pdf"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("PDF, PNG and JPEG")));
  EXPECT_THAT(Fields(workflow_.Upload(rob_, metadata, "")), ElementsAre("chunk"));
  EXPECT_THAT(workflow_.Upload(rob_, metadata, "%PDF-" + std::string(10 << 20, 'x')),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("larger than 10 MiB")));
  metadata.set_filename("../etc/passwd");
  EXPECT_THAT(Fields(workflow_.Upload(rob_, metadata, pdf)), ElementsAre("metadata.filename"));
  EXPECT_THAT(workflow_.Upload(vera_, metadata, pdf),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM attachments"), 1);

  // The reviewer reads the metadata, then exactly the bytes.
  cim::v1::Attachment seen;
  std::string bytes;
  ASSERT_THAT(workflow_.Download(
                  vera_, stored.id(), [&](const cim::v1::Attachment& a) { seen = a; },
                  [&](const std::string& chunk) {
                    bytes += chunk;
                    return true;
                  }),
              IsOk());
  EXPECT_EQ(seen.id(), stored.id());
  EXPECT_TRUE(bytes == pdf);
  EXPECT_THAT(
      Fields(workflow_.Download(
          vera_, 0, [](const cim::v1::Attachment&) {}, [](const std::string&) { return true; })),
      ElementsAre("attachment_id"));
}

TEST_F(ClaimWorkflowTest, WatchSendsEachPartnerOnlyItsOwnClaimsEvents) {
  MustSubmit(rob_, SaleRequest("W-0"));
  CIM_ASSERT_OK_AND_ASSIGN(const int64_t first_event, claims_.LastEventId());
  std::vector<std::string> alpha_seen;
  int waits = 0;
  Claim alpha, bravo;
  // From now on (after_event_id 0): the claims made while watching, Alpha's only.
  ASSERT_THAT(workflow_.Watch(
                  rob_, cim::v1::WatchClaimEventsRequest(), absl::Seconds(1),
                  [&](absl::Duration poll) {
                    EXPECT_EQ(poll, absl::Seconds(1));
                    if (++waits > 1) return false;
                    alpha = MustSubmit(rob_, SaleRequest("W-1"));
                    bravo = MustSubmit(bea_, SaleRequest("W-2"));
                    EXPECT_THAT(Review(vera_, ClaimAction::kStartReview, alpha.id()), IsOk());
                    return true;
                  },
                  [&](const cim::v1::ClaimEventNotice& n) {
                    alpha_seen.push_back(
                        absl::StrCat(n.claim_id(), " ", ClaimStatusName(n.event().to_status())));
                    EXPECT_EQ(n.partner_id(), kAlpha);
                    EXPECT_EQ(n.resume_after(), n.event_id());
                    return true;
                  }),
              IsOk());
  EXPECT_EQ(waits, 2);
  EXPECT_THAT(alpha_seen, ElementsAre(absl::StrCat(alpha.id(), " SUBMITTED"),
                                      absl::StrCat(alpha.id(), " IN_REVIEW")));

  // A reviewer resuming after the first event sees every partner's, filtered by claim on ask.
  std::vector<int64_t> claims_seen;
  const auto collect = [&](const cim::v1::ClaimEventNotice& n) {
    claims_seen.push_back(n.claim_id());
    return true;
  };
  cim::v1::WatchClaimEventsRequest resume;
  resume.set_after_event_id(first_event);
  ASSERT_THAT(workflow_.Watch(
                  vera_, resume, absl::Seconds(1), [](absl::Duration) { return false; }, collect),
              IsOk());
  EXPECT_THAT(claims_seen, ElementsAre(alpha.id(), bravo.id(), alpha.id()));
  claims_seen.clear();
  resume.set_claim_id(bravo.id());
  ASSERT_THAT(workflow_.Watch(
                  vera_, resume, absl::Seconds(1), [](absl::Duration) { return false; }, collect),
              IsOk());
  EXPECT_THAT(claims_seen, ElementsAre(bravo.id()));
  // The emitter may end the stream: Bravo's one event, then nothing more is read.
  resume.set_claim_id(0);
  int sent = 0, bea_waits = 0;
  EXPECT_THAT(workflow_.Watch(
                  bea_, resume, absl::Seconds(1), [&](absl::Duration) { return ++bea_waits < 3; },
                  [&](const cim::v1::ClaimEventNotice& n) {
                    EXPECT_EQ(n.claim_id(), bravo.id());
                    ++sent;
                    return false;
                  }),
              IsOk());
  EXPECT_EQ(sent, 1);
  EXPECT_EQ(bea_waits, 0);

  cim::v1::WatchClaimEventsRequest bad;
  bad.set_after_event_id(-1);
  bad.set_program_id(-2);
  EXPECT_THAT(Fields(workflow_.Watch(
                  rob_, bad, absl::Seconds(1), [](absl::Duration) { return false; }, collect)),
              ElementsAre("after_event_id", "program_id"));
}

}  // namespace
}  // namespace cim
