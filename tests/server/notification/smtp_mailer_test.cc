// SmtpMailer against a real SMTP relay (tests/testing/smtp_sink.py): what arrives, the relay's
// refusals as UNAVAILABLE (try again: 4xx, no relay, a refused login) or FAILED_PRECONDITION
// (5xx: never), a login, and configurations refused before anything is sent.
#include "server/notification/smtp_mailer.h"

#include <memory>
#include <string>

#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/smtp_sink.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::SmtpSink;
using ::cim::testing::StatusIs;
using ::testing::HasSubstr;
using ::testing::SizeIs;

Email To(const std::string& address) {
  return Email{.to_address = address,
               .to_name = "Rosa Larsen",
               .subject = "Uw claim is goedgekeurd",
               .text = "Goedgekeurd.",
               .html = "<p>Goedgekeurd.</p>",
               .message_id = "<cim-email-1@vendor.example>"};
}

std::unique_ptr<SmtpMailer> Mailer(const std::string& url) {
  absl::StatusOr<std::unique_ptr<SmtpMailer>> mailer =
      SmtpMailer::Create({.url = url,
                          .from_address = "cim@vendor.example",
                          .from_name = "CIM",
                          .timeout = absl::Seconds(5)});
  EXPECT_TRUE(mailer.ok()) << mailer.status();
  return mailer.ok() ? *std::move(mailer) : nullptr;
}

TEST(SmtpMailerTest, TheRelayReceivesTheMessageFromTheConfiguredSender) {
  SmtpSink sink;
  std::unique_ptr<SmtpMailer> mailer = Mailer(sink.Url());
  ASSERT_NE(mailer, nullptr);
  ASSERT_TRUE(mailer->Send(To("rosa@amstel.example"), absl::Now()).ok());
  const std::vector<std::string> messages = sink.WaitForMessages(1, absl::Seconds(5));
  ASSERT_THAT(messages, SizeIs(1));
  EXPECT_THAT(messages[0], HasSubstr("X-Envelope-From: cim@vendor.example\r\n"));
  EXPECT_THAT(messages[0], HasSubstr("X-Envelope-To: rosa@amstel.example\r\n"));
  EXPECT_THAT(messages[0], HasSubstr("From: \"CIM\" <cim@vendor.example>\r\n"));
  EXPECT_THAT(messages[0], HasSubstr("Subject: Uw claim is goedgekeurd\r\n"));
  EXPECT_THAT(messages[0], HasSubstr("Message-ID: <cim-email-1@vendor.example>\r\n"));
}

TEST(SmtpMailerTest, RefusalsSayWhetherToTryAgain) {
  SmtpSink sink;
  std::unique_ptr<SmtpMailer> mailer = Mailer(sink.Url());
  ASSERT_NE(mailer, nullptr);
  EXPECT_THAT(mailer->Send(To("later@amstel.example"), absl::Now()),
              StatusIs(absl::StatusCode::kUnavailable, HasSubstr("451")));
  EXPECT_THAT(mailer->Send(To("never@amstel.example"), absl::Now()),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("550")));
  sink.Stop();
  EXPECT_THAT(mailer->Send(To("rosa@amstel.example"), absl::Now()),
              StatusIs(absl::StatusCode::kUnavailable, HasSubstr("SMTP relay")));
  sink.Restart();
  EXPECT_TRUE(mailer->Send(To("rosa@amstel.example"), absl::Now()).ok());
  EXPECT_THAT(sink.WaitForMessages(1, absl::Seconds(5)), SizeIs(1));
}

TEST(SmtpMailerTest, LogsInWithTheURLsCredentials) {
  SmtpSink sink("relay-user", "s3cret");
  std::unique_ptr<SmtpMailer> right = Mailer(sink.Url());
  ASSERT_NE(right, nullptr);
  EXPECT_TRUE(right->Send(To("rosa@amstel.example"), absl::Now()).ok());
  std::unique_ptr<SmtpMailer> wrong =
      Mailer("smtp://relay-user:wrong@127.0.0.1:" + std::to_string(sink.port()));
  ASSERT_NE(wrong, nullptr);
  EXPECT_THAT(wrong->Send(To("rosa@amstel.example"), absl::Now()),
              StatusIs(absl::StatusCode::kUnavailable));
  EXPECT_THAT(sink.WaitForMessages(1, absl::Seconds(5)), SizeIs(1));
}

TEST(SmtpMailerTest, ABadConfigurationIsRefusedUpFront) {
  struct Case {
    const char* url;
    const char* from;
  } cases[] = {
      {"http://relay.example", "cim@vendor.example"},
      {"smtp://", "cim@vendor.example"},
      {"relay.example:25", "cim@vendor.example"},
      {"smtp://relay.example", "not an address"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.url);
    EXPECT_THAT(SmtpMailer::Create({.url = c.url, .from_address = c.from}),
                StatusIs(absl::StatusCode::kInvalidArgument));
  }
  EXPECT_TRUE(SmtpMailer::Create(
                  {.url = "smtps://u:p@relay.example:465", .from_address = "cim@vendor.example"})
                  .ok());
}

}  // namespace
}  // namespace cim
