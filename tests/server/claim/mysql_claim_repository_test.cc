// The claim store against MariaDB: a submission is stored with its lines, SUBMITTED event and
// attachments and returned exactly as Get reads it; a partner's idempotency key finds the
// claim it created (replayed, with that submission's hash) and stores nothing twice; a live
// claim of the same partner and invoice is ALREADY_EXISTS naming it (a rejected one frees the
// number), another partner's is a channel conflict, another partner's attachment
// FAILED_PRECONDITION, and a batch stores all but the claim at fault; Get is NOT_FOUND for an
// unknown id; List filters by partner, status, program and flags, newest first, by page;
// decisions move a claim through its states with events listed in order; a decision batch
// that fails as a whole is decided job by job; period totals and approved sales read back
// exactly; attachment bytes are stored in chunks and streamed back.
#include "server/claim/mysql_claim_repository.h"

#include <google/protobuf/util/message_differencer.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/proto_time.h"
#include "lib/sha256.h"
#include "tests/server/claim/claim_store_fixture.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::IsOk;
using ::cim::testing::StatusIs;
using ::google::protobuf::util::MessageDifferencer;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Property;
using ::testing::SizeIs;

class MysqlClaimRepositoryTest : public ClaimStoreTest {
 protected:
  // An upload of `partner` by `user`: `bytes` as a PDF.
  cim::v1::Attachment Upload(int64_t partner, int64_t user, const std::string& bytes) {
    cim::v1::Attachment a;
    a.set_partner_id(partner);
    a.set_uploaded_by_user_id(user);
    a.set_filename("invoice.pdf");
    a.set_content_type("application/pdf");
    a.set_size_bytes(static_cast<int64_t>(bytes.size()));
    a.set_sha256(Sha256Hex(bytes));
    SetTimestamp(T0(), a.mutable_create_time());
    absl::StatusOr<cim::v1::Attachment> stored = claims_.CreateAttachment(a, bytes);
    EXPECT_TRUE(stored.ok()) << stored.status();
    return stored.value_or(cim::v1::Attachment());
  }

  // Decides `decide` on `claim` alone (fails the test if refused).
  Claim MustDecide(int64_t claim, DecideFn decide, int64_t actor = kVera) {
    absl::StatusOr<Claim> out = claims_.DecideMany({Job(claim, std::move(decide), actor)}).front();
    EXPECT_TRUE(out.ok()) << out.status();
    return out.value_or(Claim());
  }

  // The ids `List` returns.
  std::vector<int64_t> ListIds(const ClaimFilter& filter, int64_t before_id = 0, int limit = 100) {
    std::vector<int64_t> ids;
    absl::StatusOr<std::vector<Claim>> claims = claims_.List(filter, before_id, limit);
    EXPECT_TRUE(claims.ok()) << claims.status();
    for (const Claim& c : claims.value_or(std::vector<Claim>())) ids.push_back(c.id());
    return ids;
  }
};

TEST_F(MysqlClaimRepositoryTest, StoresASubmissionAndReturnsItAsGetReadsIt) {
  const cim::v1::Attachment proof = Upload(kAlpha, kRob, "%PDF-1.7 proof");
  NewClaim in = SaleClaim(kAlpha, kRob, "INV-1", "199.99", 3);
  in.claim.set_notes("Q1 deal");
  in.claim.add_attachment_ids(proof.id());
  in.attachments = {proof};
  in.submitter_name = "Rob";
  in.audit = AuditActor{.user_id = kRob, .rpc = "SubmitClaim"};
  std::vector<absl::StatusOr<InsertOutcome>> out = claims_.InsertMany({in});
  ASSERT_THAT(out, SizeIs(1));
  ASSERT_THAT(out[0], IsOk());
  EXPECT_FALSE(out[0]->replayed);
  ASSERT_TRUE(out[0]->claim.has_value());
  const Claim& c = *out[0]->claim;
  EXPECT_EQ(c.id(), out[0]->claim_id);
  EXPECT_EQ(c.status(), cim::v1::CLAIM_STATUS_SUBMITTED);
  EXPECT_EQ(c.etag(), "1");
  EXPECT_EQ(c.total_amount(), "599.97");
  EXPECT_EQ(FromTimestamp(c.create_time()), T0());
  ASSERT_THAT(c.attachments(), SizeIs(1));
  EXPECT_EQ(c.attachments(0).claim_id(), c.id());
  ASSERT_THAT(c.timeline(), SizeIs(1));
  EXPECT_EQ(c.timeline(0).to_status(), cim::v1::CLAIM_STATUS_SUBMITTED);
  EXPECT_EQ(c.timeline(0).actor_name(), "Rob");
  EXPECT_THAT(c.flags(), IsEmpty());
  CIM_ASSERT_OK_AND_ASSIGN(const Claim stored, claims_.Get(c.id()));
  EXPECT_TRUE(MessageDifferencer::Equals(stored, c)) << stored.DebugString() << "\n"
                                                     << c.DebugString();
  EXPECT_THAT(told_, ElementsAre(absl::StrCat("inserted claims/", c.id())));
  EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'claims'"
                               " AND entity_id = '",
                               c.id(), "' AND actor_user_id = 4 AND rpc = 'SubmitClaim'")),
            1);
  EXPECT_THAT(claims_.Get(c.id() + 1), StatusIs(absl::StatusCode::kNotFound,
                                                absl::StrCat("claim ", c.id() + 1, " not found")));
}

TEST_F(MysqlClaimRepositoryTest, AnIdempotencyKeyFindsTheClaimItCreatedAndStoresNothingTwice) {
  CIM_ASSERT_OK_AND_ASSIGN(std::optional<InsertOutcome> none, claims_.Lookup(kAlpha, "key-INV-1"));
  EXPECT_FALSE(none.has_value());
  const int64_t id = Insert(SaleClaim(kAlpha, kRob, "INV-1"));
  CIM_ASSERT_OK_AND_ASSIGN(std::optional<InsertOutcome> found, claims_.Lookup(kAlpha, "key-INV-1"));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->claim_id, id);
  EXPECT_TRUE(found->replayed);
  EXPECT_EQ(found->request_hash, "key-INV-1");

  // The same key again, with another body: the first claim, and its hash to compare.
  NewClaim again = SaleClaim(kAlpha, kRob, "INV-1", "2000.00");
  again.request_hash = "another body";
  std::vector<absl::StatusOr<InsertOutcome>> out = claims_.InsertMany({again});
  ASSERT_THAT(out[0], IsOk());
  EXPECT_TRUE(out[0]->replayed);
  EXPECT_EQ(out[0]->claim_id, id);
  EXPECT_EQ(out[0]->request_hash, "key-INV-1");
  EXPECT_FALSE(out[0]->claim.has_value());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM claims"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM claim_events"), 1);

  // Keys are per partner: Bravo's key of the same text is its own.
  CIM_ASSERT_OK_AND_ASSIGN(none, claims_.Lookup(kBravo, "key-INV-1"));
  EXPECT_FALSE(none.has_value());
  NewClaim bravo = SaleClaim(kBravo, kBea, "INV-2");
  bravo.idempotency_key = "key-INV-1";
  out = claims_.InsertMany({bravo});
  ASSERT_THAT(out[0], IsOk());
  EXPECT_FALSE(out[0]->replayed);
  EXPECT_NE(out[0]->claim_id, id);

  // The same key twice in one batch: the first stores the claim, the second replays it.
  out = claims_.InsertMany({SaleClaim(kAlpha, kRob, "INV-3"), SaleClaim(kAlpha, kRob, "INV-3")});
  ASSERT_THAT(out, SizeIs(2));
  ASSERT_THAT(out[0], IsOk());
  ASSERT_THAT(out[1], IsOk());
  EXPECT_FALSE(out[0]->replayed);
  EXPECT_TRUE(out[1]->replayed);
  EXPECT_EQ(out[1]->claim_id, out[0]->claim_id);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM claims"), 3);

  // Keys are compared byte for byte: another case or a trailing space is another key.
  for (const char* key : {"KEY-INV-1", "key-INV-1 "}) {
    SCOPED_TRACE(key);
    NewClaim other = SaleClaim(kAlpha, kRob, absl::StrCat("INV-", key[0] == 'K' ? 4 : 5));
    other.idempotency_key = key;
    out = claims_.InsertMany({other});
    ASSERT_THAT(out[0], IsOk());
    EXPECT_FALSE(out[0]->replayed);
    EXPECT_NE(out[0]->claim_id, id);
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM claims"), 5);
}

TEST_F(MysqlClaimRepositoryTest, ALiveClaimOfTheSameInvoiceIsADuplicateForThePartner) {
  const int64_t first = Insert(SaleClaim(kAlpha, kRob, "INV-4001"));
  NewClaim again = SaleClaim(kAlpha, kAnn, "inv 4001");  // the same invoice key, a new key
  std::vector<absl::StatusOr<InsertOutcome>> out = claims_.InsertMany({again});
  EXPECT_THAT(out[0], StatusIs(absl::StatusCode::kAlreadyExists,
                               absl::StrCat("invoice inv 4001 was already claimed by this partner"
                                            " (claim ",
                                            first, ")")));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM claims"), 1);

  // Another partner's claim of the same deal is stored and flagged, as is the first.
  NewClaim bravo = SaleClaim(kBravo, kBea, "INV-4001");
  bravo.claim.set_customer_name("ACME b.v.");
  out = claims_.InsertMany({bravo});
  ASSERT_THAT(out[0], IsOk());
  ASSERT_THAT(out[0]->claim->flags(), SizeIs(1));
  EXPECT_EQ(out[0]->claim->flags(0).flag(), cim::v1::CLAIM_FLAG_CHANNEL_CONFLICT);
  EXPECT_THAT(out[0]->claim->flags(0).related_claim_ids(), ElementsAre(first));
  CIM_ASSERT_OK_AND_ASSIGN(const Claim flagged, claims_.Get(first));
  ASSERT_THAT(flagged.flags(), SizeIs(1));
  EXPECT_THAT(flagged.flags(0).related_claim_ids(), ElementsAre(out[0]->claim_id));

  // A rejected claim frees its invoice number.
  MustDecide(first, Step(ClaimAction::kReject, "wrong customer"));
  out = claims_.InsertMany({again});
  ASSERT_THAT(out[0], IsOk());
  EXPECT_FALSE(out[0]->replayed);

  // In a batch, only the claim at fault fails.
  NewClaim duplicate = SaleClaim(kAlpha, kRob, "INV 4001");
  duplicate.idempotency_key = "batch-key-2";
  out = claims_.InsertMany(
      {SaleClaim(kAlpha, kRob, "D-2"), duplicate, SaleClaim(kAlpha, kRob, "D-3")});
  ASSERT_THAT(out, SizeIs(3));
  EXPECT_THAT(out[0], IsOk());
  EXPECT_THAT(out[1], StatusIs(absl::StatusCode::kAlreadyExists, HasSubstr("INV 4001")));
  EXPECT_THAT(out[2], IsOk());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM claims WHERE partner_id = 1"), 4);
}

TEST_F(MysqlClaimRepositoryTest, AnAttachmentNotThePartnersOwnFailsTheClaimAndStoresNothing) {
  const cim::v1::Attachment bravos = Upload(kBravo, kBea, "%PDF-1.7 theirs");
  NewClaim in = SaleClaim(kAlpha, kRob, "INV-1");
  in.claim.add_attachment_ids(bravos.id());
  EXPECT_THAT(claims_.InsertMany({in})[0],
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       absl::StrCat("attachment ", bravos.id(),
                                    " is not an unattached upload of this partner")));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM claims"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM claim_invoice_locks"), 0);
  CIM_ASSERT_OK_AND_ASSIGN(const cim::v1::Attachment still, claims_.GetAttachment(bravos.id()));
  EXPECT_EQ(still.claim_id(), 0);
}

TEST_F(MysqlClaimRepositoryTest, ListsByPartnerStatusProgramAndFlagsNewestFirstByPage) {
  const cim::v1::Program other = ActiveProgram(kRebateProgram);
  Enroll(kAlpha, other.id());
  const int64_t a1 = Insert(SaleClaim(kAlpha, kRob, "L-1"));
  const int64_t b1 = Insert(SaleClaim(kBravo, kBea, "L-1"));  // conflicts with a1
  NewClaim elsewhere = SaleClaim(kAlpha, kRob, "L-3");
  elsewhere.claim.set_program_id(other.id());
  const int64_t a2 = Insert(elsewhere);
  const int64_t a3 = Insert(SaleClaim(kAlpha, kRob, "L-4"));
  MustDecide(a3, Step(ClaimAction::kStartReview, ""));

  EXPECT_THAT(ListIds({}), ElementsAre(a3, a2, b1, a1));
  EXPECT_THAT(ListIds({.partner_id = kAlpha}), ElementsAre(a3, a2, a1));
  EXPECT_THAT(ListIds({.partner_id = kBravo}), ElementsAre(b1));
  EXPECT_THAT(ListIds({.status = cim::v1::CLAIM_STATUS_IN_REVIEW}), ElementsAre(a3));
  EXPECT_THAT(ListIds({.status = cim::v1::CLAIM_STATUS_SUBMITTED, .partner_id = kAlpha}),
              ElementsAre(a2, a1));
  EXPECT_THAT(ListIds({.program_id = other.id()}), ElementsAre(a2));
  EXPECT_THAT(ListIds({.flagged_only = true}), ElementsAre(b1, a1));
  EXPECT_THAT(ListIds({.partner_id = kAlpha, .flagged_only = true}), ElementsAre(a1));
  // Pages: up to `limit` below `before_id`.
  EXPECT_THAT(ListIds({}, 0, 2), ElementsAre(a3, a2));
  EXPECT_THAT(ListIds({}, a2, 2), ElementsAre(b1, a1));
  EXPECT_THAT(ListIds({}, a1, 2), IsEmpty());

  // Rows with their lines, without the details.
  CIM_ASSERT_OK_AND_ASSIGN(std::vector<Claim> rows, claims_.List({.partner_id = kBravo}, 0, 10));
  ASSERT_THAT(rows, SizeIs(1));
  EXPECT_EQ(rows[0].invoice_number(), "L-1");
  EXPECT_EQ(rows[0].total_amount(), "1000.00");
  EXPECT_THAT(rows[0].lines(), SizeIs(1));
  EXPECT_THAT(rows[0].timeline(), IsEmpty());
}

TEST_F(MysqlClaimRepositoryTest, DecisionsMoveAClaimThroughItsStatesWithEventsInOrder) {
  CIM_ASSERT_OK_AND_ASSIGN(const int64_t none, claims_.LastEventId());
  EXPECT_EQ(none, 0);
  const int64_t claim = Insert(SaleClaim(kAlpha, kRob, "INV-1"));
  const int64_t bravo = Insert(SaleClaim(kBravo, kBea, "INV-2"));
  EXPECT_EQ(MustDecide(claim, Step(ClaimAction::kStartReview, "")).status(),
            cim::v1::CLAIM_STATUS_IN_REVIEW);
  const Claim asked = MustDecide(claim, Step(ClaimAction::kRequestInfo, "which invoice?"));
  EXPECT_EQ(asked.status(), cim::v1::CLAIM_STATUS_NEEDS_INFO);
  EXPECT_EQ(asked.etag(), "3");
  const Claim back = MustDecide(claim, Step(ClaimAction::kResubmit, "attached"), kRob);
  EXPECT_EQ(back.status(), cim::v1::CLAIM_STATUS_SUBMITTED);
  const Claim approved = MustDecide(claim, Approval("20.00"));
  EXPECT_EQ(approved.status(), cim::v1::CLAIM_STATUS_APPROVED);
  EXPECT_EQ(approved.etag(), "5");
  EXPECT_THAT(
      claims_.DecideMany({Job(claim, Step(ClaimAction::kRequestInfo, "more?"))})[0],
      StatusIs(absl::StatusCode::kFailedPrecondition, "a APPROVED claim cannot become NEEDS_INFO"));

  CIM_ASSERT_OK_AND_ASSIGN(std::vector<cim::v1::ClaimEventNotice> events,
                           claims_.EventsAfter(0, 100));
  ASSERT_THAT(events, SizeIs(6));
  std::vector<std::string> seen;
  for (const auto& e : events) {
    seen.push_back(absl::StrCat(e.claim_id(), " ", ClaimStatusName(e.event().from_status()), ">",
                                ClaimStatusName(e.event().to_status()), " ",
                                e.event().actor_name()));
    EXPECT_EQ(e.program_id(), program_.id());
    EXPECT_EQ(e.partner_id(), e.claim_id() == claim ? kAlpha : kBravo);
  }
  const std::string c = absl::StrCat(claim), b = absl::StrCat(bravo);
  EXPECT_THAT(seen, ElementsAre(c + " UNSPECIFIED>SUBMITTED Rob", b + " UNSPECIFIED>SUBMITTED Bea",
                                c + " SUBMITTED>IN_REVIEW Vera", c + " IN_REVIEW>NEEDS_INFO Vera",
                                c + " NEEDS_INFO>SUBMITTED Rob", c + " SUBMITTED>APPROVED Vera"));
  EXPECT_EQ(events[3].event().comment(), "which invoice?");
  for (size_t i = 1; i < events.size(); ++i) {
    EXPECT_GT(events[i].event_id(), events[i - 1].event_id());
  }
  CIM_ASSERT_OK_AND_ASSIGN(std::vector<cim::v1::ClaimEventNotice> page,
                           claims_.EventsAfter(events[1].event_id(), 2));
  EXPECT_THAT(page,
              ElementsAre(Property(&cim::v1::ClaimEventNotice::event_id, events[2].event_id()),
                          Property(&cim::v1::ClaimEventNotice::event_id, events[3].event_id())));
  CIM_ASSERT_OK_AND_ASSIGN(const int64_t last, claims_.LastEventId());
  EXPECT_EQ(last, events.back().event_id());
  CIM_ASSERT_OK_AND_ASSIGN(page, claims_.EventsAfter(last, 100));
  EXPECT_THAT(page, IsEmpty());
}

TEST_F(MysqlClaimRepositoryTest, ABatchThatFailsAsAWholeIsDecidedJobByJob) {
  const int64_t taken = Insert(SaleClaim(kAlpha, kRob, "INV-1"));
  const int64_t asked = Insert(SaleClaim(kAlpha, kRob, "INV-2"));
  const int64_t other = Insert(SaleClaim(kBravo, kBea, "INV-3"));
  MustDecide(asked, Step(ClaimAction::kRequestInfo, "which invoice?"));
  // A resubmission naming the invoice of the partner's other live claim: its UPDATE fails the
  // whole batch.
  NewClaim replacement = SaleClaim(kAlpha, kRob, "INV-1");
  DecideJob resubmit = Job(
      asked,
      [replacement](const Claim& locked, const cim::v1::Program&,
                    DecisionContext&) -> absl::StatusOr<ClaimDecision> {
        CIM_ASSIGN_OR_RETURN(const ClaimStatus to,
                             NextStatus(locked.status(), ClaimAction::kResubmit));
        return ClaimDecision{.to = to, .replacement = replacement};
      },
      kRob);
  std::vector<absl::StatusOr<Claim>> results = claims_.DecideMany(
      {Job(other, Step(ClaimAction::kStartReview, "")), resubmit, Job(taken, Approval("20.00"))});
  ASSERT_THAT(results, SizeIs(3));
  ASSERT_THAT(results[0], IsOk());
  EXPECT_EQ(results[0]->status(), cim::v1::CLAIM_STATUS_IN_REVIEW);
  EXPECT_THAT(results[1], StatusIs(absl::StatusCode::kAlreadyExists));
  ASSERT_THAT(results[2], IsOk());
  EXPECT_EQ(results[2]->status(), cim::v1::CLAIM_STATUS_APPROVED);
  CIM_ASSERT_OK_AND_ASSIGN(const Claim unchanged, claims_.Get(asked));
  EXPECT_EQ(unchanged.status(), cim::v1::CLAIM_STATUS_NEEDS_INFO);
  EXPECT_EQ(unchanged.invoice_number(), "INV-2");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ledger_entries"), 1);  // the approval posted once
}

TEST_F(MysqlClaimRepositoryTest, ReadsPeriodTotalsAndApprovedSales) {
  MustDecide(Insert(SaleClaim(kAlpha, kRob, "INV-1", "6000.00")), Approval("120.00"));
  MustDecide(Insert(SaleClaim(kAlpha, kRob, "INV-2", "250.50", 2, "ST-200")), Approval("10.02"));
  Insert(SaleClaim(kAlpha, kRob, "INV-3", "999.00"));  // awaiting review: not counted
  CIM_ASSERT_OK_AND_ASSIGN(auto totals, claims_.PeriodTotals(program_.id(), kAlpha, kQ1));
  ASSERT_THAT(totals, SizeIs(1));
  EXPECT_EQ(totals["rebate"].volume.ToString(2), "6501.00");
  EXPECT_EQ(totals["rebate"].rebate_posted.ToString(2), "130.02");
  EXPECT_FALSE(totals["rebate"].lump_sum_posted);
  CIM_ASSERT_OK_AND_ASSIGN(totals, claims_.PeriodTotals(program_.id(), kBravo, kQ1));
  EXPECT_THAT(totals, IsEmpty());
  CIM_ASSERT_OK_AND_ASSIGN(totals,
                           claims_.PeriodTotals(program_.id(), kAlpha, absl::CivilDay(2026, 4, 1)));
  EXPECT_THAT(totals, IsEmpty());

  const DateRange q1{kQ1, absl::CivilDay(2026, 3, 31)};
  CIM_ASSERT_OK_AND_ASSIGN(Decimal sales, claims_.ApprovedSales(program_.id(), kAlpha, q1, {}));
  EXPECT_EQ(sales.ToString(2), "6501.00");
  CIM_ASSERT_OK_AND_ASSIGN(sales, claims_.ApprovedSales(program_.id(), kAlpha, q1, {"ST-200"}));
  EXPECT_EQ(sales.ToString(2), "501.00");
  CIM_ASSERT_OK_AND_ASSIGN(sales, claims_.ApprovedSales(program_.id(), kBravo, q1, {}));
  EXPECT_EQ(sales.ToString(2), "0.00");
}

TEST_F(MysqlClaimRepositoryTest, StoresAttachmentBytesInChunksAndStreamsThemBack) {
  // Above two 1 MiB chunks, with NUL bytes.
  std::string bytes = "%PDF-1.7\n";
  for (int i = 0; bytes.size() < (2 << 20) + 4321; ++i) bytes.push_back(static_cast<char>(i % 256));
  const cim::v1::Attachment stored = Upload(kAlpha, kRob, bytes);
  EXPECT_GT(stored.id(), 0);
  EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM attachment_chunks WHERE attachment_id = ",
                               stored.id())),
            3);
  CIM_ASSERT_OK_AND_ASSIGN(const cim::v1::Attachment read, claims_.GetAttachment(stored.id()));
  EXPECT_EQ(read.size_bytes(), static_cast<int64_t>(bytes.size()));
  EXPECT_EQ(read.sha256(), Sha256Hex(bytes));
  EXPECT_EQ(read.claim_id(), 0);

  std::string streamed;
  std::vector<size_t> sizes;
  ASSERT_THAT(claims_.ReadAttachment(stored.id(),
                                     [&](const std::string& chunk) {
                                       streamed += chunk;
                                       sizes.push_back(chunk.size());
                                       return true;
                                     }),
              IsOk());
  EXPECT_THAT(sizes, ElementsAre(size_t{1} << 20, size_t{1} << 20, size_t{4321}));
  EXPECT_TRUE(streamed == bytes);
  // The sink may stop early.
  int calls = 0;
  ASSERT_THAT(claims_.ReadAttachment(stored.id(),
                                     [&](const std::string&) {
                                       ++calls;
                                       return false;
                                     }),
              IsOk());
  EXPECT_EQ(calls, 1);
  EXPECT_THAT(claims_.GetAttachment(stored.id() + 1),
              StatusIs(absl::StatusCode::kNotFound,
                       absl::StrCat("attachment ", stored.id() + 1, " not found")));
}

}  // namespace
}  // namespace cim
