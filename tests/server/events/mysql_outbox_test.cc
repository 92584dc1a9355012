// The outbox writer against MariaDB: events appended in the caller's transaction come back
// exactly (decimals, microsecond times), in order; none for an empty batch; none after a
// rollback.
#include "server/events/mysql_outbox.h"

#include <vector>

#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/test_database.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;

OutboxEvent Event(int64_t user_id, const char* amount, const char* points, absl::Time at) {
  OutboxEvent e;
  e.kind = cim::v1::RECOGNITION_EVENT_KIND_CLAIM_APPROVED;
  e.partner_id = 7;
  e.user_id = user_id;
  e.program_id = 3;
  e.claim_id = 100 + user_id;
  e.amount = *Decimal::Parse(amount);
  e.currency_code = amount[0] == '0' ? "" : "EUR";
  e.points = *Decimal::Parse(points);
  e.occurred_at = at;
  e.created_at = at + absl::Seconds(1);
  e.ref_id = 0;
  return e;
}

std::vector<OutboxEvent> ReadAll(MysqlDatabase& db) {
  std::vector<OutboxEvent> out;
  absl::Status read = db.Run([&](soci::session& s) -> absl::Status {
    soci::rowset<soci::row> rows = s.prepare << "SELECT " << kOutboxEventColumns
                                             << " FROM outbox_events ORDER BY id";
    for (const soci::row& r : rows) {
      absl::StatusOr<OutboxEvent> e = OutboxEventFromRow(r);
      if (!e.ok()) return e.status();
      out.push_back(*e);
    }
    return absl::OkStatus();
  });
  EXPECT_TRUE(read.ok()) << read;
  return out;
}

TEST(MysqlOutboxTest, EventsComeBackExactlyAndInOrder) {
  testing::TestDatabase database;
  const absl::Time at = absl::FromUnixMicros(1772442000123456);  // 2026-03-02, with µs
  const std::vector<OutboxEvent> events = {Event(1, "1234.5678", "123.4567", at),
                                           Event(2, "0", "-50", at + absl::Hours(1))};
  ASSERT_TRUE(database.db()
                  .Transact([&](soci::session& s) -> absl::Status {
                    AppendOutboxEvents(s, events);
                    AppendOutboxEvents(s, {});  // nothing to write: no statement
                    return absl::OkStatus();
                  })
                  .ok());
  const std::vector<OutboxEvent> read = ReadAll(database.db());
  ASSERT_EQ(read.size(), 2u);
  for (size_t i = 0; i < read.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_GT(read[i].id, 0);
    EXPECT_EQ(read[i].kind, events[i].kind);
    EXPECT_EQ(read[i].user_id, events[i].user_id);
    EXPECT_EQ(read[i].claim_id, events[i].claim_id);
    EXPECT_EQ(read[i].amount, events[i].amount);
    EXPECT_EQ(read[i].currency_code, events[i].currency_code);
    EXPECT_EQ(read[i].points, events[i].points);
    EXPECT_EQ(read[i].occurred_at, events[i].occurred_at);
    EXPECT_EQ(read[i].created_at, events[i].created_at);
  }
  EXPECT_LT(read[0].id, read[1].id);
  EXPECT_EQ(read[0].amount.ToString(4), "1234.5678");
  EXPECT_EQ(read[1].points.ToString(0), "-50");
}

TEST(MysqlOutboxTest, ARolledBackTransactionLeavesNoEvent) {
  testing::TestDatabase database;
  const absl::Status status = database.db().Transact([&](soci::session& s) -> absl::Status {
    AppendOutboxEvents(s, {Event(1, "10", "1", absl::FromUnixSeconds(1772442000))});
    return absl::FailedPreconditionError("the change that caused it was refused");
  });
  EXPECT_THAT(status, StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_EQ(database.Count("SELECT COUNT(*) FROM outbox_events"), 0);
}

}  // namespace
}  // namespace cim
