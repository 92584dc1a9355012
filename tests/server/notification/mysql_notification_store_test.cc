// The notification store on MariaDB: an event reaches the people its kind names (active ones,
// never service accounts), each once, also with four servers processing at once; digests take
// what arrived before the cutoff, once; reads, mark read and settings per person.
#include "server/notification/mysql_notification_store.h"

#include <atomic>
#include <memory>
#include <set>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/db/database_nodes.h"
#include "server/events/mysql_notification_events.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/test_database.h"

namespace cim {
namespace {

namespace v1 = cim::v1;
using ::cim::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::SizeIs;

const absl::Time kT0 = absl::FromUnixSeconds(1772442000);

class MysqlNotificationStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Exec(
        "INSERT INTO partners (id, name, type, tier, region, status, created_at, updated_at)"
        " VALUES (1, 'Alpha', 2, 'gold', 'eu', 1, NOW(), NOW()),"
        " (2, 'Bravo', 2, 'gold', 'eu', 1, NOW(), NOW())");
    // id, role, partner, status
    const std::vector<std::tuple<int, int, const char*, int>> users = {
        {1, v1::ROLE_PARTNER_ADMIN, "1", 1},      {2, v1::ROLE_PARTNER_REP, "1", 1},
        {3, v1::ROLE_PARTNER_REP, "1", 2},        {4, v1::ROLE_PARTNER_ADMIN, "2", 1},
        {5, v1::ROLE_CHANNEL_MANAGER, "NULL", 1}, {6, v1::ROLE_PROGRAM_ADMIN, "NULL", 1},
        {7, v1::ROLE_FINANCE, "NULL", 1},         {8, v1::ROLE_SERVICE_ACCOUNT, "NULL", 1}};
    for (const auto& [id, role, partner, status] : users) {
      Exec(
          absl::StrCat("INSERT INTO users (id, email, display_name, role, partner_id, status,"
                       " created_at, updated_at) VALUES (",
                       id, ", 'u", id, "@example.com', 'User ", id, "', ", role, ", ", partner,
                       ", ", status, ", NOW(), NOW())"));
    }
  }

  void Exec(const std::string& sql) {
    ASSERT_TRUE(database_.db()
                    .Run([&](soci::session& s) -> absl::Status {
                      s << sql;
                      return absl::OkStatus();
                    })
                    .ok())
        << sql;
  }

  void Append(const std::vector<NotificationEvent>& events) {
    ASSERT_TRUE(database_.db()
                    .Transact([&](soci::session& s) -> absl::Status {
                      AppendNotificationEvents(s, events);
                      return absl::OkStatus();
                    })
                    .ok());
  }

  static NotificationEvent Event(v1::NotificationKind kind, int64_t partner, int64_t user) {
    NotificationEvent e{.kind = kind,
                        .partner_id = partner,
                        .user_id = user,
                        .ref_id = 9,
                        .link = "/x",
                        .occurred_at = kT0};
    e.Text("invoice", "INV-9");
    return e;
  }

  // Everyone in the centre, with an email queued for those in `email_users`.
  static DeliveryPlanner Everyone(std::set<int64_t> email_users = {},
                                  std::set<int64_t> digest_users = {}) {
    return [=](const PendingEvent& event, const std::vector<NotificationRecipient>& people) {
      std::vector<Delivery> out;
      for (const NotificationRecipient& p : people) {
        Delivery d{.user_id = p.user_id, .category = CategoryOf(event.kind), .in_app = true};
        if (email_users.contains(p.user_id)) {
          d.email_state = EmailState::kQueued;
          d.email = NewEmail{.user_id = p.user_id,
                             .category = d.category,
                             .dedupe_key = absl::StrCat("n:", event.id, ":", p.user_id),
                             .to_address = p.email,
                             .to_name = p.name,
                             .subject = "s",
                             .unsubscribe_hash = absl::StrCat("hash-", event.id, "-", p.user_id),
                             .now = kT0};
        } else if (digest_users.contains(p.user_id)) {
          d.email_state = EmailState::kDigest;
        }
        out.push_back(d);
      }
      return out;
    };
  }

  // Users told of each notification, in id order.
  std::vector<int64_t> Told() {
    std::vector<int64_t> out;
    EXPECT_TRUE(database_.db()
                    .Run([&](soci::session& s) -> absl::Status {
                      soci::rowset<long long> rows =
                          (s.prepare << "SELECT user_id FROM notifications ORDER BY id");
                      for (long long u : rows) out.push_back(u);
                      return absl::OkStatus();
                    })
                    .ok());
    return out;
  }

  testing::TestDatabase database_;
  MysqlNotificationStore store_{database_.db()};
};

TEST_F(MysqlNotificationStoreTest, EachKindReachesItsAudienceOfActivePeople) {
  Append({Event(v1::NOTIFICATION_KIND_CLAIM_REJECTED, 1, 2),
          Event(v1::NOTIFICATION_KIND_CLAIM_REJECTED, 1, 3),  // disabled: nobody
          Event(v1::NOTIFICATION_KIND_CLAIM_REJECTED, 0, 8),  // a service account: nobody
          Event(v1::NOTIFICATION_KIND_STATEMENT_READY, 1, 0),
          Event(v1::NOTIFICATION_KIND_TIER_PROMOTED, 1, 0),
          Event(v1::NOTIFICATION_KIND_DISPUTE_OPENED, 1, 0),
          Event(v1::NOTIFICATION_KIND_BUDGET_THRESHOLD, 0, 0)});
  absl::StatusOr<int> done = store_.ProcessEvents(kT0, 100, Everyone({2}));
  ASSERT_TRUE(done.ok()) << done.status();
  EXPECT_EQ(*done, 7);
  EXPECT_THAT(Told(), ElementsAre(2, 1, 1, 2, 5, 6, 7));
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM email_outbox WHERE user_id = 2"), 2);
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM notification_events WHERE processed = 0"), 0);
  EXPECT_EQ(*store_.ProcessEvents(kT0, 100, Everyone()), 0);

  absl::StatusOr<std::vector<StoredNotification>> list = store_.List(2, false, 0, 10);
  ASSERT_TRUE(list.ok());
  ASSERT_THAT(*list, SizeIs(2));
  EXPECT_EQ((*list)[0].kind, v1::NOTIFICATION_KIND_TIER_PROMOTED);
  EXPECT_EQ((*list)[1].kind, v1::NOTIFICATION_KIND_CLAIM_REJECTED);
  EXPECT_EQ((*list)[1].category, v1::NOTIFICATION_CATEGORY_CLAIMS);
  EXPECT_EQ((*list)[1].args.arguments(0).text(), "INV-9");
  EXPECT_EQ((*list)[1].created, kT0);
  EXPECT_FALSE((*list)[1].read.has_value());
  EXPECT_EQ(*store_.UnreadCount(2), 2);
  EXPECT_EQ(*store_.NewestId(2), (*list)[0].id);
  EXPECT_THAT(*store_.Since(2, (*list)[1].id, 10), SizeIs(1));

  // Unsubscribe tokens lead to the person and category of their email.
  absl::StatusOr<UnsubscribeTarget> target = store_.FindUnsubscribe("hash-1-2");
  ASSERT_TRUE(target.ok()) << target.status();
  EXPECT_EQ(target->user_id, 2);
  EXPECT_EQ(target->category, v1::NOTIFICATION_CATEGORY_CLAIMS);
  EXPECT_EQ(target->to_address, "u2@example.com");
  EXPECT_THAT(store_.FindUnsubscribe("hash-none"), StatusIs(absl::StatusCode::kNotFound));
}

// On one MariaDB, four notifiers share it; on the Galera cluster (the _cluster run, whose
// CIM_TEST_DB lists three nodes) each notifier writes through a node of its own, so the same
// events are taken on several nodes at once and certification decides (a batch that loses is
// taken again): still each event once.
TEST_F(MysqlNotificationStoreTest, FourServersAtOnceTellEachEventOnce) {
  absl::StatusOr<std::vector<DatabaseNode>> nodes =
      ParseDatabaseNodes(database_.connect_string(), DatabaseTimeouts{});
  ASSERT_TRUE(nodes.ok()) << nodes.status();
  std::vector<std::unique_ptr<MysqlDatabase>> pinned;
  std::vector<std::unique_ptr<MysqlNotificationStore>> stores;
  for (int t = 0; t < 4 && nodes->size() > 1; ++t) {
    absl::StatusOr<std::unique_ptr<MysqlDatabase>> db =
        MysqlDatabase::Connect((*nodes)[t % nodes->size()].connect_string, 2);
    ASSERT_TRUE(db.ok()) << db.status();
    pinned.push_back(*std::move(db));
    stores.push_back(std::make_unique<MysqlNotificationStore>(*pinned.back()));
  }
  std::vector<NotificationEvent> events;
  for (int i = 0; i < 300; ++i) {
    events.push_back(Event(v1::NOTIFICATION_KIND_CLAIM_APPROVED, 1, i % 2 == 0 ? 1 : 2));
  }
  Append(events);
  std::atomic<int> processed{0};
  std::vector<std::thread> servers;
  for (int t = 0; t < 4; ++t) {
    MysqlNotificationStore& store = stores.empty() ? store_ : *stores[t];
    servers.emplace_back([&] {
      for (;;) {
        absl::StatusOr<int> done = store.ProcessEvents(kT0, 25, Everyone({1, 2}));
        // A batch that kept losing certification to other nodes (ABORTED after its retries)
        // is taken again, as the notifier's next run would.
        if (absl::IsAborted(done.status())) continue;
        ASSERT_TRUE(done.ok()) << done.status();
        if (*done == 0) break;
        processed += *done;
      }
    });
  }
  for (std::thread& t : servers) t.join();
  EXPECT_EQ(processed.load(), 300);
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM notifications"), 300);
  EXPECT_EQ(database_.Count("SELECT COUNT(DISTINCT event_id) FROM notifications"), 300);
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM email_outbox"), 300);
}

TEST_F(MysqlNotificationStoreTest, DigestsTakeWhatArrivedBeforeTheCutoffOnce) {
  Append({Event(v1::NOTIFICATION_KIND_BADGE_EARNED, 1, 2),
          Event(v1::NOTIFICATION_KIND_LEVEL_UP, 1, 2)});
  ASSERT_TRUE(store_.ProcessEvents(kT0, 100, Everyone({}, {2})).ok());
  Append({Event(v1::NOTIFICATION_KIND_BADGE_EARNED, 1, 2)});
  ASSERT_TRUE(store_.ProcessEvents(kT0 + absl::Hours(2), 100, Everyone({}, {2})).ok());

  std::vector<size_t> sizes;
  const DigestComposer compose = [&](const NotificationRecipient& person,
                                     const std::vector<StoredNotification>& items) {
    sizes.push_back(items.size());
    return NewEmail{.user_id = person.user_id,
                    .dedupe_key = absl::StrCat("digest:", person.user_id, ":", items.back().id),
                    .to_address = person.email,
                    .subject = "digest",
                    .now = kT0};
  };
  absl::StatusOr<int> queued = store_.QueueDigests(kT0 + absl::Hours(1), 10, compose);
  ASSERT_TRUE(queued.ok()) << queued.status();
  EXPECT_EQ(*queued, 1);
  EXPECT_THAT(sizes, ElementsAre(2));
  EXPECT_EQ(*store_.QueueDigests(kT0 + absl::Hours(1), 10, compose), 0);
  EXPECT_EQ(*store_.QueueDigests(kT0 + absl::Hours(3), 10, compose), 1);
  EXPECT_THAT(sizes, ElementsAre(2, 1));
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM email_outbox WHERE subject = 'digest'"), 2);
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM notifications WHERE email_state = 2"), 3);
}

TEST_F(MysqlNotificationStoreTest, CertificationsWarnAThirtyAndSevenDaysOnce) {
  Exec(
      "INSERT INTO training_modules (id, title, description, duration_minutes, points,"
      " certification_code, certification_valid_months, pass_mark, created_by, created_at)"
      " VALUES (3, 'Storage Expert', '', 30, 0, 'storage-expert', 12, 0, 6, NOW())");
  // Rosa's (user 2) runs out in 20 days and a bit, the disabled user's (3) in 10, user 1's in
  // 50: only Rosa is warned, once, however often the scan runs.
  const auto expires = [](absl::Duration in) {
    return absl::FormatTime("%Y-%m-%d %H:%M:%S", kT0 + in, absl::UTCTimeZone());
  };
  Exec(
      absl::StrCat("INSERT INTO certifications (user_id, certification_code, partner_id,"
                   " module_id, earned_at, expires_at) VALUES"
                   " (2, 'storage-expert', 1, 3, NOW(), '",
                   expires(absl::Hours(24 * 20 + 1)),
                   "'),"
                   " (3, 'storage-expert', 1, 3, NOW(), '",
                   expires(absl::Hours(24 * 10)),
                   "'),"
                   " (1, 'storage-expert', 1, 3, NOW(), '",
                   expires(absl::Hours(24 * 50)), "')"));
  EXPECT_EQ(*store_.ScanDue(kT0), 1);
  EXPECT_EQ(*store_.ScanDue(kT0 + absl::Hours(1)), 0);
  // Six days before: the last warning.
  EXPECT_EQ(*store_.ScanDue(kT0 + absl::Hours(24 * 14 + 2)), 1);
  EXPECT_EQ(*store_.ScanDue(kT0 + absl::Hours(24 * 15)), 0);
  // Events are told once they occurred.
  EXPECT_EQ(*store_.ProcessEvents(kT0, 100, Everyone()), 1);
  EXPECT_EQ(*store_.ProcessEvents(kT0 + absl::Hours(24 * 15), 100, Everyone()), 1);
  absl::StatusOr<std::vector<StoredNotification>> told = store_.List(2, false, 0, 10);
  ASSERT_THAT(*told, SizeIs(2));
  EXPECT_EQ((*told)[0].kind, v1::NOTIFICATION_KIND_CERTIFICATION_EXPIRING);
  EXPECT_EQ((*told)[0].args.arguments(1).count(), 6);  // days, rounded up
  EXPECT_EQ((*told)[1].args.arguments(1).count(), 21);
  EXPECT_EQ((*told)[1].args.arguments(0).text(), "Storage Expert");
  EXPECT_EQ(Told(), (std::vector<int64_t>{2, 2}));
}

TEST_F(MysqlNotificationStoreTest, MarkReadTouchesOnlyTheOwnersNotifications) {
  Append({Event(v1::NOTIFICATION_KIND_CLAIM_REJECTED, 1, 2),
          Event(v1::NOTIFICATION_KIND_CLAIM_REJECTED, 1, 1)});
  ASSERT_TRUE(store_.ProcessEvents(kT0, 100, Everyone()).ok());
  const int64_t reps = store_.List(2, false, 0, 1)->at(0).id;
  const int64_t admins = store_.List(1, false, 0, 1)->at(0).id;
  EXPECT_THAT(store_.MarkRead(2, {reps, admins}, false, kT0),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_EQ(*store_.UnreadCount(2), 1);
  ASSERT_TRUE(store_.MarkRead(2, {reps}, false, kT0 + absl::Minutes(1)).ok());
  ASSERT_TRUE(store_.MarkRead(2, {reps}, false, kT0 + absl::Minutes(2)).ok());
  EXPECT_EQ(*store_.List(2, false, 0, 1)->at(0).read, kT0 + absl::Minutes(1));
  EXPECT_THAT(*store_.List(2, true, 0, 10), IsEmpty());
  EXPECT_EQ(*store_.UnreadCount(1), 1);
  ASSERT_TRUE(store_.MarkRead(1, {}, true, kT0).ok());
  EXPECT_EQ(*store_.UnreadCount(1), 0);
}

TEST_F(MysqlNotificationStoreTest, SettingsAndPartnerDefaultsAreSavedPerPersonAndPartner) {
  NotificationPreference off;
  off.set_category(v1::NOTIFICATION_CATEGORY_CLAIMS);
  off.set_in_app(true);
  off.set_email(false);
  off.set_delivery(v1::NOTIFICATION_DELIVERY_DAILY_DIGEST);
  ASSERT_TRUE(store_.SavePartnerDefaults(1, {off}, kT0).ok());
  EXPECT_THAT(store_.SavePartnerDefaults(99, {off}, kT0), StatusIs(absl::StatusCode::kNotFound));
  ASSERT_TRUE(store_.SaveSettings(2, "nl", {off}, {}, kT0).ok());

  absl::StatusOr<NotificationRecipient> rep = store_.Recipient(2);
  ASSERT_TRUE(rep.ok()) << rep.status();
  EXPECT_EQ(rep->language, "nl");
  EXPECT_EQ(rep->role, v1::ROLE_PARTNER_REP);
  EXPECT_EQ(rep->partner_id, 1);
  ASSERT_TRUE(rep->own.contains(v1::NOTIFICATION_CATEGORY_CLAIMS));
  EXPECT_EQ(rep->own.at(v1::NOTIFICATION_CATEGORY_CLAIMS).delivery(),
            v1::NOTIFICATION_DELIVERY_DAILY_DIGEST);
  ASSERT_TRUE(rep->partner_defaults.contains(v1::NOTIFICATION_CATEGORY_CLAIMS));

  ASSERT_TRUE(
      store_.SaveSettings(2, std::nullopt, {}, {v1::NOTIFICATION_CATEGORY_CLAIMS}, kT0).ok());
  rep = store_.Recipient(2);
  EXPECT_EQ(rep->language, "nl");
  EXPECT_TRUE(rep->own.empty());
  EXPECT_THAT(store_.Recipient(99), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(store_.PartnerDefaults(99), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(*store_.PartnerDefaults(2), IsEmpty());
}

}  // namespace
}  // namespace cim
