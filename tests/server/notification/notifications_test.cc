// The notifier's decisions and schedule: per person their choice decides the centre and email
// (at once in their language with a fresh unsubscribe token, or in the digest; nobody who wants
// neither); the background round tells pending events and queues digests only once the day's
// digest hour has passed, with what arrived before it.
#include "server/notification/notifications.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/events/mysql_notification_events.h"
#include "server/identity/access_token.h"
#include "server/notification/mysql_notification_store.h"
#include "tests/testing/test_database.h"

namespace cim {
namespace {

namespace v1 = cim::v1;
using ::testing::HasSubstr;
using ::testing::SizeIs;

// 2026-03-02 09:00 UTC.
const absl::Time kT0 = absl::FromUnixSeconds(1772442000);

NotificationPreference Pref(bool in_app, bool email, v1::NotificationDelivery delivery) {
  NotificationPreference p;
  p.set_category(v1::NOTIFICATION_CATEGORY_CLAIMS);
  p.set_in_app(in_app);
  p.set_email(email);
  p.set_delivery(delivery);
  return p;
}

class NotificationsTest : public ::testing::Test {
 protected:
  testing::TestDatabase database_;
  MysqlNotificationStore store_{database_.db()};
  FakeClock clock_{kT0};
  Notifications notifications_{store_,
                               MessageCatalogs::Compiled(),
                               clock_,
                               {.portal_url = "https://partners.example", .digest_hour = 6}};
};

TEST_F(NotificationsTest, EachPersonsChoiceDecidesTheCentreAndTheEmail) {
  PendingEvent event{
      .id = 41, .kind = v1::NOTIFICATION_KIND_CLAIM_REJECTED, .user_id = 0, .link = "/claims/9"};
  event.args = [] {
    NotificationEvent e;
    e.Text("invoice", "INV-9").Text("program", "Storage").Text("reason", "No invoice");
    return e.args;
  }();
  const auto person = [](int64_t id, const std::string& language, PreferenceMap own) {
    return NotificationRecipient{.user_id = id,
                                 .email = absl::StrCat("u", id, "@example.com"),
                                 .name = absl::StrCat("User ", id),
                                 .language = language,
                                 .role = v1::ROLE_PARTNER_REP,
                                 .partner_id = 1,
                                 .own = std::move(own)};
  };
  const int claims = v1::NOTIFICATION_CATEGORY_CLAIMS;
  const std::vector<Delivery> plan = notifications_.Plan(
      event,
      {person(1, "nl", {}),  // the system default: centre and email at once
       person(2, "", {{claims, Pref(true, false, v1::NOTIFICATION_DELIVERY_IMMEDIATE)}}),
       person(3, "en", {{claims, Pref(false, true, v1::NOTIFICATION_DELIVERY_DAILY_DIGEST)}}),
       person(4, "en", {{claims, Pref(false, false, v1::NOTIFICATION_DELIVERY_IMMEDIATE)}})});
  ASSERT_THAT(plan, SizeIs(3));

  EXPECT_EQ(plan[0].user_id, 1);
  EXPECT_TRUE(plan[0].in_app);
  EXPECT_EQ(plan[0].email_state, EmailState::kQueued);
  ASSERT_TRUE(plan[0].email.has_value());
  const NewEmail& email = *plan[0].email;
  EXPECT_EQ(email.subject, "Claim INV-9 afgewezen");
  EXPECT_EQ(email.dedupe_key, "notification:41:user:1");
  EXPECT_EQ(email.to_address, "u1@example.com");
  EXPECT_EQ(email.category, claims);
  EXPECT_THAT(email.text, HasSubstr("Storage: No invoice"));
  EXPECT_THAT(email.text, HasSubstr("https://partners.example/claims/9"));
  // The one-click URL carries the token whose hash is stored.
  ASSERT_TRUE(
      absl::StartsWith(email.unsubscribe_url, "https://partners.example/v1/unsubscribe/cimu_"))
      << email.unsubscribe_url;
  const std::string token = email.unsubscribe_url.substr(email.unsubscribe_url.rfind('/') + 1);
  EXPECT_EQ(email.unsubscribe_hash, HashSecret(token));
  EXPECT_THAT(email.text, HasSubstr("https://partners.example/unsubscribe/" + token));

  EXPECT_EQ(plan[1].user_id, 2);
  EXPECT_TRUE(plan[1].in_app);
  EXPECT_EQ(plan[1].email_state, EmailState::kNone);
  EXPECT_FALSE(plan[1].email.has_value());
  EXPECT_EQ(plan[2].user_id, 3);
  EXPECT_FALSE(plan[2].in_app);
  EXPECT_EQ(plan[2].email_state, EmailState::kDigest);
  // Two emails never share a token.
  const std::vector<Delivery> again = notifications_.Plan(event, {person(1, "nl", {})});
  EXPECT_NE(again[0].email->unsubscribe_hash, email.unsubscribe_hash);
}

TEST_F(NotificationsTest, TheRoundTellsEventsAndSendsDigestsAfterTheDigestHour) {
  ASSERT_TRUE(database_.db()
                  .Run([&](soci::session& s) -> absl::Status {
                    s << "INSERT INTO partners (id, name, type, tier, region, status, created_at,"
                         " updated_at) VALUES (1, 'Alpha', 2, 'gold', 'eu', 1, NOW(), NOW())";
                    s << "INSERT INTO users (id, email, display_name, role, partner_id, status,"
                         " language, created_at, updated_at) VALUES (2, 'rosa@alpha.example',"
                         " 'Rosa', 1, 1, 1, 'nl', NOW(), NOW())";
                    return absl::OkStatus();
                  })
                  .ok());
  NotificationEvent badge{.kind = v1::NOTIFICATION_KIND_BADGE_EARNED,
                          .partner_id = 1,
                          .user_id = 2,
                          .link = "/badges",
                          .occurred_at = kT0};
  badge.Text("badge", "Closer").Text("description", "Five deals won.");
  ASSERT_TRUE(database_.db()
                  .Transact([&](soci::session& s) -> absl::Status {
                    AppendNotificationEvents(s, {badge});
                    return absl::OkStatus();
                  })
                  .ok());

  // 09:00: told (badges go to the digest by default); today's digest hour (06:00) has passed,
  // but the badge arrived after it.
  ASSERT_TRUE(notifications_.RunOnce().ok());
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM notifications WHERE email_state = 1"), 1);
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM email_outbox"), 0);
  // The next day at 05:59 still nothing; at 06:00 the digest, once, in Dutch.
  clock_.Advance(absl::Hours(21) - absl::Minutes(1));
  ASSERT_TRUE(notifications_.RunOnce().ok());
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM email_outbox"), 0);
  clock_.Advance(absl::Minutes(1));
  ASSERT_TRUE(notifications_.RunOnce().ok());
  ASSERT_TRUE(notifications_.RunOnce().ok());
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM email_outbox WHERE category = 0 AND"
                            " subject = '1 melding van CIM' AND to_address = 'rosa@alpha.example'"
                            " AND text_body LIKE '%Badge verdiend: Closer%'"),
            1);
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM notifications WHERE email_state = 2"), 1);
}

}  // namespace
}  // namespace cim
