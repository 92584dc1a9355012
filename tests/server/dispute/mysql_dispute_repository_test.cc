// The dispute store against MariaDB: a dispute is stored OPEN with its first message and proof
// and read back exactly; a user's repeated key returns the stored dispute; subjects are found
// with their owner (NOT_FOUND for an unknown claim or entry, or an entry not on the statement);
// lists filter and run oldest or newest first, paged; a change locks the dispute and applies
// its message (a vendor's first stops the first-reply clock), its resolution, its adjustment
// entry and budget draw in one transaction, or on any error writes nothing; two concurrent
// resolutions post one entry.
#include "server/dispute/mysql_dispute_repository.h"

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/proto_time.h"
#include "server/dispute/dispute_rules.h"
#include "tests/server/dispute/dispute_store_fixture.h"
#include "tests/testing/phrase_matchers.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::InEnglish;

using ::cim::testing::IsOk;
using ::cim::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::SizeIs;

class MysqlDisputeRepositoryTest : public DisputeStoreTest {
 protected:
  // A change resolving the dispute with `amount` EUR payable (or refusing it when empty), as the
  // workflow does: only an open dispute moves.
  DisputeChangeFn Resolution(const std::string& amount) {
    return [=, this](const Dispute& current) -> absl::StatusOr<DisputeChange> {
      CIM_ASSIGN_OR_RETURN(
          DisputeState to,
          NextDisputeState(current.state(),
                           amount.empty() ? DisputeAction::kRefuse : DisputeAction::kAdjust));
      DisputeChange change{.to = to, .resolution = "checked"};
      if (amount.empty()) return change;
      cim::v1::DisputeAdjustment in;
      in.set_account(cim::v1::LEDGER_ACCOUNT_PAYABLE);
      in.set_amount(amount);
      in.set_explanation("tier 2 rate");
      CIM_ASSIGN_OR_RETURN(LedgerPosting entry,
                           AdjustmentPosting(current, in, program_, kVera, T0()));
      change.budget_draw = entry.amount;
      change.adjustment = entry;
      return change;
    };
  }

  static DisputeChangeFn Message(int64_t author, bool vendor, std::vector<int64_t> proof = {}) {
    return [=](const Dispute& current) -> absl::StatusOr<DisputeChange> {
      return DisputeChange{.to = current.state(),
                           .message = NewDisputeMessage{.author_id = author,
                                                        .from_vendor = vendor,
                                                        .body = "More detail",
                                                        .attachment_ids = proof}};
    };
  }

  static std::vector<int64_t> Ids(const std::vector<Dispute>& disputes) {
    std::vector<int64_t> out;
    for (const Dispute& d : disputes) out.push_back(d.id());
    return out;
  }
};

TEST_F(MysqlDisputeRepositoryTest, StoresAnOpenDisputeWithItsFirstMessageAndProof) {
  const int64_t proof = Upload(kAlpha);
  const Dispute d = Opened(kAlpha, kRob, rob_entry_, "key-00001", {proof});
  EXPECT_GT(d.id(), 0);
  EXPECT_EQ(d.partner_id(), kAlpha);
  EXPECT_EQ(d.partner_name(), "Alpha");
  EXPECT_EQ(d.opened_by_user_id(), kRob);
  EXPECT_EQ(d.opened_by_name(), "Rob");
  EXPECT_EQ(d.state(), cim::v1::DISPUTE_STATE_OPEN);
  EXPECT_EQ(d.subject().kind(), cim::v1::DISPUTE_SUBJECT_KIND_REWARD);
  EXPECT_EQ(d.subject().entry_id(), rob_entry_);
  EXPECT_EQ(d.program_id(), program_.id());
  EXPECT_EQ(d.program_name(), program_.name());
  EXPECT_EQ(FromTimestamp(d.open_time()), T0());
  EXPECT_FALSE(d.has_first_reply_time());
  EXPECT_FALSE(d.has_resolve_time());
  EXPECT_EQ(d.message_count(), 1);
  ASSERT_THAT(d.thread(), SizeIs(1));
  EXPECT_EQ(d.thread(0).body(), "The rate looks wrong");
  EXPECT_EQ(d.thread(0).author_name(), "Rob");
  EXPECT_FALSE(d.thread(0).from_vendor());
  ASSERT_THAT(d.thread(0).attachments(), SizeIs(1));
  EXPECT_EQ(d.thread(0).attachments(0).id(), proof);
  EXPECT_EQ(d.thread(0).attachments(0).filename(), "invoice.pdf");
  EXPECT_THAT(disputes_.Get(d.id() + 100), StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(MysqlDisputeRepositoryTest, ARepeatedKeyReturnsTheStoredDispute) {
  const Dispute first = Opened(kAlpha, kRob, rob_entry_, "key-00001");
  const Dispute again = Opened(kAlpha, kRob, ann_entry_, "key-00001");
  EXPECT_EQ(again.id(), first.id());
  EXPECT_EQ(again.subject().entry_id(), rob_entry_);
  // Keys are compared byte for byte and belong to their user.
  EXPECT_NE(Opened(kAlpha, kRob, rob_entry_, "KEY-00001").id(), first.id());
  EXPECT_NE(Opened(kAlpha, kAnn, ann_entry_, "key-00001").id(), first.id());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM disputes"), 3);
}

TEST_F(MysqlDisputeRepositoryTest, FindsSubjectsWithTheirOwner) {
  cim::v1::DisputeSubject claim;
  claim.set_kind(cim::v1::DISPUTE_SUBJECT_KIND_CLAIM);
  claim.set_claim_id(claim_id_);
  absl::StatusOr<SubjectOwner> owner = disputes_.FindSubject(claim);
  ASSERT_THAT(owner, IsOk());
  EXPECT_EQ(owner->partner_id, kAlpha);
  EXPECT_EQ(owner->user_id, kRob);
  EXPECT_EQ(owner->program_id, program_.id());

  owner = disputes_.FindSubject(RewardSubject(bravo_entry_));
  ASSERT_THAT(owner, IsOk());
  EXPECT_EQ(owner->partner_id, kBravo);
  EXPECT_EQ(owner->user_id, kBea);

  cim::v1::DisputeSubject line;
  line.set_kind(cim::v1::DISPUTE_SUBJECT_KIND_STATEMENT_LINE);
  line.set_statement_id(statement_id_);
  line.set_entry_id(rob_entry_);
  owner = disputes_.FindSubject(line);
  ASSERT_THAT(owner, IsOk());
  EXPECT_EQ(owner->partner_id, kAlpha);

  line.set_entry_id(ann_entry_);  // not on the statement
  EXPECT_THAT(disputes_.FindSubject(line),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("statement line")));
  claim.set_claim_id(claim_id_ + 50);
  EXPECT_THAT(disputes_.FindSubject(claim),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("claim")));
  EXPECT_THAT(disputes_.FindSubject(RewardSubject(bravo_entry_ + 50)),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("ledger entry")));
}

TEST_F(MysqlDisputeRepositoryTest, ListsFilterAndRunOldestOrNewestFirst) {
  const int64_t a = Opened(kAlpha, kRob, rob_entry_, "key-00001").id();
  const int64_t b = Opened(kAlpha, kAnn, ann_entry_, "key-00002").id();
  const int64_t c = Opened(kBravo, kBea, bravo_entry_, "key-00003").id();
  ASSERT_THAT(disputes_.Change(b, kVera, T0(), Resolution("")), IsOk());

  absl::StatusOr<std::vector<Dispute>> queue = disputes_.List({.oldest_first = true}, 0, 10);
  ASSERT_THAT(queue, IsOk());
  EXPECT_THAT(Ids(*queue), ElementsAre(a, b, c));
  EXPECT_THAT(queue->front().thread(), SizeIs(0));
  EXPECT_EQ(queue->front().message_count(), 1);
  EXPECT_THAT(Ids(*disputes_.List({.oldest_first = true}, a, 1)), ElementsAre(b));
  EXPECT_THAT(Ids(*disputes_.List({}, 0, 10)), ElementsAre(c, b, a));
  EXPECT_THAT(Ids(*disputes_.List({}, c, 10)), ElementsAre(b, a));
  EXPECT_THAT(Ids(*disputes_.List({.partner_id = kAlpha}, 0, 10)), ElementsAre(b, a));
  EXPECT_THAT(Ids(*disputes_.List({.partner_id = kAlpha, .opened_by = kRob}, 0, 10)),
              ElementsAre(a));
  EXPECT_THAT(Ids(*disputes_.List({.state = cim::v1::DISPUTE_STATE_OPEN}, 0, 10)),
              ElementsAre(c, a));
  EXPECT_THAT(Ids(*disputes_.List({.program_id = other_program_.id()}, 0, 10)), SizeIs(0));
}

TEST_F(MysqlDisputeRepositoryTest, AVendorsFirstMessageStopsTheFirstReplyClock) {
  const int64_t id = Opened(kAlpha, kRob, rob_entry_, "key-00001").id();
  absl::StatusOr<Dispute> d =
      disputes_.Change(id, kRob, T0() + absl::Hours(1), Message(kRob, false));
  ASSERT_THAT(d, IsOk());
  EXPECT_FALSE(d->has_first_reply_time());
  d = disputes_.Change(id, kVera, T0() + absl::Hours(5), Message(kVera, true));
  ASSERT_THAT(d, IsOk());
  EXPECT_EQ(FromTimestamp(d->first_reply_time()), T0() + absl::Hours(5));
  d = disputes_.Change(id, kFay, T0() + absl::Hours(9), Message(kFay, true));
  ASSERT_THAT(d, IsOk());
  EXPECT_EQ(FromTimestamp(d->first_reply_time()), T0() + absl::Hours(5));
  ASSERT_THAT(d->thread(), SizeIs(4));
  EXPECT_TRUE(d->thread(2).from_vendor());
  EXPECT_EQ(d->thread(2).author_name(), "Vera");
  EXPECT_EQ(d->state(), cim::v1::DISPUTE_STATE_OPEN);
}

TEST_F(MysqlDisputeRepositoryTest, AnAdjustmentPostsItsEntryAndDrawsTheBudgetAtOnce) {
  const int64_t id = Opened(kAlpha, kRob, rob_entry_, "key-00001").id();
  absl::StatusOr<Dispute> d =
      disputes_.Change(id, kVera, T0() + absl::Hours(2), Resolution("125.005"));
  ASSERT_THAT(d, IsOk());
  EXPECT_EQ(d->state(), cim::v1::DISPUTE_STATE_ADJUSTED);
  EXPECT_EQ(d->resolution(), "checked");
  EXPECT_EQ(d->resolved_by_name(), "Vera");
  EXPECT_EQ(FromTimestamp(d->resolve_time()), T0() + absl::Hours(2));
  EXPECT_EQ(d->adjustment().kind(), cim::v1::LEDGER_ENTRY_KIND_ADJUSTMENT);
  EXPECT_EQ(d->adjustment().dispute_id(), id);
  EXPECT_EQ(d->adjustment().amount(), "125.01");
  EXPECT_EQ(d->adjustment().account(), cim::v1::LEDGER_ACCOUNT_PAYABLE);
  EXPECT_EQ(InEnglish(d->adjustment().basis()),
            absl::StrCat("Adjustment for dispute #", id, ": tier 2 rate"));
  EXPECT_EQ(ReadProgram(program_.id()).budget_drawn(), "125.01");
}

TEST_F(MysqlDisputeRepositoryTest, AnAdjustmentOverTheBudgetWritesNothing) {
  const int64_t id = Opened(kAlpha, kRob, rob_entry_, "key-00001").id();
  EXPECT_THAT(disputes_.Change(id, kVera, T0(), Resolution("1000.01")),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("budget")));
  absl::StatusOr<Dispute> d = disputes_.Get(id);
  ASSERT_THAT(d, IsOk());
  EXPECT_EQ(d->state(), cim::v1::DISPUTE_STATE_OPEN);
  EXPECT_FALSE(d->has_adjustment());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ledger_entries WHERE dispute_id IS NOT NULL"), 0);
  EXPECT_EQ(ReadProgram(program_.id()).budget_drawn(), "0.00");
}

TEST_F(MysqlDisputeRepositoryTest, ForeignOrUsedProofWritesNothing) {
  const int64_t bravo_upload = Upload(kBravo);
  EXPECT_THAT(
      disputes_.Open(
          NewDispute{.partner_id = kAlpha,
                     .opened_by = kRob,
                     .idempotency_key = "key-00001",
                     .subject = RewardSubject(rob_entry_),
                     .message = {.author_id = kRob, .body = "x", .attachment_ids = {bravo_upload}}},
          T0()),
      StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("attachment")));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM disputes"), 0);
  const int64_t proof = Upload(kAlpha);
  const int64_t id = Opened(kAlpha, kRob, rob_entry_, "key-00002", {proof}).id();
  EXPECT_THAT(disputes_.Change(id, kRob, T0(), Message(kRob, false, {proof})),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM dispute_messages"), 1);
  EXPECT_THAT(disputes_.Change(id + 9, kRob, T0(), Message(kRob, false)),
              StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(MysqlDisputeRepositoryTest, ConcurrentResolutionsPostOneEntry) {
  const int64_t id = Opened(kAlpha, kRob, rob_entry_, "key-00001").id();
  constexpr int kThreads = 6;
  std::atomic<int> resolved{0}, refused{0}, other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&] {
      absl::Status s = disputes_.Change(id, kVera, T0(), Resolution("10")).status();
      if (s.ok()) {
        ++resolved;
      } else if (absl::IsFailedPrecondition(s)) {
        ++refused;
      } else {
        ++other;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(resolved.load(), 1);
  EXPECT_EQ(refused.load(), kThreads - 1);
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM ledger_entries WHERE dispute_id = ", id)), 1);
  EXPECT_EQ(ReadProgram(program_.id()).budget_drawn(), "10.00");
}

}  // namespace
}  // namespace cim
