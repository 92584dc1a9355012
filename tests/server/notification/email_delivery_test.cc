// Email delivery through the MariaDB outbox to a real SMTP relay: a relay that is down costs
// only time (the attempt backs off and the email arrives once the relay is back, once), a
// refusal for good and the last attempt are recorded as failed with the relay's reply, and the
// backoff schedule.
#include "server/notification/email_delivery.h"

#include <memory>
#include <optional>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/notification/mysql_email_outbox.h"
#include "server/notification/smtp_mailer.h"
#include "tests/testing/smtp_sink.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/test_database.h"

namespace cim {
namespace {

using ::testing::HasSubstr;
using ::testing::SizeIs;

const absl::Time kT0 = absl::FromUnixSeconds(1772442000);

TEST(EmailDeliveryRulesTest, AttemptsBackOffAndStop) {
  struct Case {
    int attempt;
    std::optional<absl::Duration> after;
  } cases[] = {
      {1, absl::Minutes(1)}, {2, absl::Minutes(5)}, {3, absl::Minutes(15)}, {4, absl::Hours(1)},
      {5, absl::Hours(3)},   {9, absl::Hours(3)},   {10, std::nullopt},     {11, std::nullopt},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.attempt);
    const std::optional<absl::Time> next = NextEmailAttempt(c.attempt, kT0);
    ASSERT_EQ(next.has_value(), c.after.has_value());
    if (next) EXPECT_EQ(*next - kT0, *c.after);
  }
  EXPECT_EQ(EmailMessageId(17, "cim@vendor.example"), "<cim-email-17@vendor.example>");
}

class EmailDeliveryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<SmtpMailer>> mailer =
        SmtpMailer::Create({.url = sink_.Url(),
                            .from_address = "cim@vendor.example",
                            .from_name = "CIM",
                            .timeout = absl::Seconds(5)});
    ASSERT_TRUE(mailer.ok()) << mailer.status();
    mailer_ = *std::move(mailer);
    delivery_ = std::make_unique<EmailDelivery>(outbox_, *mailer_, clock_, "server-1",
                                                EmailDeliveryOptions{.batch = 10});
  }

  void Queue(const std::string& to, const std::string& key) {
    const absl::Status status = database_.db().Transact([&](soci::session& s) -> absl::Status {
      EnqueueEmail(s, NewEmail{.user_id = 4,
                               .category = 1,
                               .dedupe_key = key,
                               .to_address = to,
                               .to_name = "Rosa",
                               .subject = "Uw claim is goedgekeurd",
                               .text = "Goedgekeurd.",
                               .html = "<p>Goedgekeurd.</p>",
                               .now = clock_.Now()});
      return absl::OkStatus();
    });
    ASSERT_TRUE(status.ok()) << status;
  }

  EmailRun Run() {
    absl::StatusOr<EmailRun> run = delivery_->RunOnce();
    EXPECT_TRUE(run.ok()) << run.status();
    return run.value_or(EmailRun());
  }

  std::string Column(const std::string& key, const std::string& column) {
    absl::StatusOr<std::string> value =
        database_.db().Run([&](soci::session& s) -> absl::StatusOr<std::string> {
          std::string out;
          s << "SELECT CAST(" << column << " AS CHAR) FROM email_outbox WHERE dedupe_key = :k",
              soci::use(key), soci::into(out);
          return out;
        });
    EXPECT_TRUE(value.ok()) << value.status();
    return value.value_or("");
  }

  testing::TestDatabase database_;
  testing::SmtpSink sink_;
  FakeClock clock_{kT0};
  MysqlEmailOutbox outbox_{database_.db()};
  std::unique_ptr<SmtpMailer> mailer_;
  std::unique_ptr<EmailDelivery> delivery_;
};

TEST_F(EmailDeliveryTest, NothingIsLostWhileTheRelayIsDownAndNothingArrivesTwice) {
  Queue("rosa@amstel.example", "approved-1");
  sink_.Stop();
  EmailRun run = Run();
  EXPECT_EQ(run.retrying, 1);
  EXPECT_EQ(Column("approved-1", "status"), "0");
  EXPECT_EQ(Column("approved-1", "attempts"), "1");
  EXPECT_THAT(Column("approved-1", "last_error"), HasSubstr("SMTP relay"));
  // Not due yet: nothing is tried.
  run = Run();
  EXPECT_EQ(run.retrying + run.sent, 0);

  sink_.Restart();
  clock_.Advance(absl::Minutes(1));
  run = Run();
  EXPECT_EQ(run.sent, 1);
  EXPECT_EQ(Column("approved-1", "status"), "2");
  EXPECT_EQ(Column("approved-1", "attempts"), "2");
  const std::vector<std::string> messages = sink_.WaitForMessages(1, absl::Seconds(5));
  ASSERT_THAT(messages, SizeIs(1));
  EXPECT_THAT(messages[0], HasSubstr("Message-ID: <cim-email-"));
  clock_.Advance(absl::Hours(24));
  EXPECT_EQ(Run().sent, 0);
  EXPECT_THAT(sink_.WaitForMessages(2, absl::Milliseconds(300)), SizeIs(1));
}

TEST_F(EmailDeliveryTest, ARefusalForGoodAndTheLastAttemptAreRecordedAsFailed) {
  Queue("never@amstel.example", "refused");
  Queue("later@amstel.example", "deferred");
  EmailRun run = Run();
  EXPECT_EQ(run.failed, 1);
  EXPECT_EQ(run.retrying, 1);
  EXPECT_EQ(Column("refused", "status"), "3");
  EXPECT_THAT(Column("refused", "last_error"), HasSubstr("550"));
  // The relay keeps deferring: after the last attempt the email is failed, with the reply.
  for (int attempt = 2; attempt <= kMaxEmailAttempts; ++attempt) {
    clock_.Advance(absl::Hours(3));
    run = Run();
  }
  EXPECT_EQ(run.failed, 1);
  EXPECT_EQ(Column("deferred", "status"), "3");
  EXPECT_EQ(Column("deferred", "attempts"), std::to_string(kMaxEmailAttempts));
  EXPECT_THAT(Column("deferred", "last_error"), HasSubstr("451"));
  EXPECT_THAT(sink_.Messages(), SizeIs(0));
}

}  // namespace
}  // namespace cim
