// Notification events against MariaDB: written in the caller's transaction (none after a
// rollback), their arguments stored as they were given, and an event with a dedupe key already
// written is not written again (scheduled scans on several servers write it once).
#include "server/events/mysql_notification_events.h"

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/test_database.h"

namespace cim {
namespace {

NotificationEvent Expiring(const std::string& key) {
  NotificationEvent e{.kind = cim::v1::NOTIFICATION_KIND_CERTIFICATION_EXPIRING,
                      .partner_id = 7,
                      .user_id = 4,
                      .ref_id = 2,
                      .link = "/training",
                      .dedupe_key = key,
                      .occurred_at = absl::FromUnixMicros(1772442000123456)};
  e.Text("module", "Storage Expert").Count("days", 7);
  return e;
}

TEST(MysqlNotificationEventsTest, WrittenInTheTransactionOncePerDedupeKey) {
  testing::TestDatabase database;
  const auto append = [&](const std::vector<NotificationEvent>& events, bool commit) {
    return database.db().Transact([&](soci::session& s) -> absl::Status {
      AppendNotificationEvents(s, events);
      return commit ? absl::OkStatus() : absl::AbortedError("rolled back");
    });
  };
  EXPECT_EQ(append({Expiring("cert:4:2:7")}, false).code(), absl::StatusCode::kAborted);
  EXPECT_EQ(database.Count("SELECT COUNT(*) FROM notification_events"), 0);

  ASSERT_TRUE(append({Expiring("cert:4:2:7"), Expiring(""), Expiring("")}, true).ok());
  ASSERT_TRUE(append({Expiring("cert:4:2:7"), Expiring("cert:4:2:30")}, true).ok());
  ASSERT_TRUE(append({}, true).ok());
  EXPECT_EQ(database.Count("SELECT COUNT(*) FROM notification_events"), 4);
  EXPECT_EQ(database.Count("SELECT COUNT(*) FROM notification_events WHERE dedupe_key IS NULL"), 2);
  EXPECT_EQ(database.Count("SELECT COUNT(*) FROM notification_events WHERE processed = 0 AND"
                           " kind = 10 AND user_id = 4 AND partner_id = 7 AND ref_id = 2 AND"
                           " link = '/training' AND occurred_at = '2026-03-02 09:00:00.123456'"
                           " AND args_json LIKE '%\"name\":\"days\",\"count\":\"7\"%'"),
            4);
}

}  // namespace
}  // namespace cim
