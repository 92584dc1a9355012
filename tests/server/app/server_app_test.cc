// ServerApp's wiring beyond the services (which every service test runs): with --smtp_url the
// server sends what the email outbox has due through that relay; a relay URL that cannot work
// stops the start.
#include "server/app/server_app.h"

#include <memory>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/notification/mysql_email_outbox.h"
#include "tests/testing/smtp_sink.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/test_database.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::testing::HasSubstr;
using ::testing::SizeIs;

ServerOptions OptionsFor(const testing::TestDatabase& database) {
  ServerOptions options;
  options.listen_address = "127.0.0.1:0";
  options.db_connect = database.connect_string();
  options.db_pool_size = 2;
  options.migrations_dir = testing::TestDatabase::MigrationsDir();
  options.password_hash = PasswordHashParams::Minimum();
  options.jobs.email_interval = absl::Milliseconds(50);
  return options;
}

TEST(ServerAppTest, QueuedEmailLeavesThroughTheConfiguredRelay) {
  testing::TestDatabase database;
  testing::SmtpSink sink;
  ServerOptions options = OptionsFor(database);
  options.smtp = {
      .url = sink.Url(), .from_address = "portal@vendor.example", .from_name = "Partner Portal"};
  absl::StatusOr<std::unique_ptr<ServerApp>> app = ServerApp::Start(options);
  ASSERT_TRUE(app.ok()) << app.status();
  const absl::Status queued = (*app)->database().Transact([](soci::session& s) -> absl::Status {
    EnqueueEmail(s, NewEmail{.user_id = 1,
                             .category = 1,
                             .dedupe_key = "server-app-test",
                             .to_address = "rosa@amstel.example",
                             .subject = "Welcome",
                             .text = "Hello.",
                             .now = absl::Now()});
    return absl::OkStatus();
  });
  ASSERT_TRUE(queued.ok()) << queued;
  const std::vector<std::string> messages = sink.WaitForMessages(1, absl::Seconds(10));
  ASSERT_THAT(messages, SizeIs(1));
  EXPECT_THAT(messages[0], HasSubstr("From: \"Partner Portal\" <portal@vendor.example>\r\n"));
  EXPECT_THAT(messages[0], HasSubstr("Subject: Welcome\r\n"));
  (*app)->Shutdown(absl::Seconds(1));
}

TEST(ServerAppTest, ARelayURLThatCannotWorkStopsTheStart) {
  testing::TestDatabase database;
  ServerOptions options = OptionsFor(database);
  options.smtp = {.url = "mail.example:25", .from_address = "portal@vendor.example"};
  EXPECT_THAT(ServerApp::Start(options),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("--smtp_url")));
}

}  // namespace
}  // namespace cim
