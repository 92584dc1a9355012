// NotificationService through a real gRPC channel against real servers, MariaDB and an SMTP
// relay: a claim decision reaches its submitter live (WatchNotifications), in the notification
// centre and by email, once, in their saved language (else the call's Accept-Language); the
// email's unsubscribe token stops that category's email and nothing else; mark read settles the
// unread count and another person's id is NOT_FOUND; a partner's defaults apply until a person
// chooses; bad input is INVALID_ARGUMENT with field details.
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/time/clock.h"
#include "cim/v1/auth_service.grpc.pb.h"
#include "cim/v1/claim_service.grpc.pb.h"
#include "cim/v1/notification_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/smtp_sink.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/test_server.h"
#include "tests/testing/test_world.h"

namespace cim {
namespace {

using ::cim::testing::SmtpSink;
using ::cim::testing::StatusIs;
using ::cim::testing::TestServer;
using ::cim::testing::TestWorld;
using ::cim::testing::ViolatedFields;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::SizeIs;
using namespace cim::v1;  // NOLINT: the API's message names read best unqualified here

constexpr char kProgram[] = R"pb(
  name: "Storage Rebate 2026"
  currency_code: "EUR"
  budget: "100000"
  start_date: "2026-01-01"
  end_date: "2026-12-31"
  period: PROGRAM_PERIOD_QUARTER
  terms: "Terms"
  rules {
    id: "rebate"
    name: "Volume rebate"
    rebate {
      mode: REBATE_MODE_MARGINAL
      tiers { min_volume: "0" percent: "2" }
    }
  }
)pb";

class NotificationRpcTest : public ::testing::Test {
 protected:
  void SetUp() override {
    alpha_ = server_.CreatePartner("Alpha Systems", PARTNER_TYPE_RESELLER);
    const Partner bravo = server_.CreatePartner("Bravo Networks", PARTNER_TYPE_RESELLER);
    server_.CreateUser("admin@alpha.example", ROLE_PARTNER_ADMIN, alpha_.id());
    rep_user_ = server_.CreateUser("rep@alpha.example", ROLE_PARTNER_REP, alpha_.id());
    server_.CreateUser("admin@bravo.example", ROLE_PARTNER_ADMIN, bravo.id());
    server_.CreateUser("pa@vendor.example", ROLE_PROGRAM_ADMIN);
    server_.CreateUser("cm@vendor.example", ROLE_CHANNEL_MANAGER);
    claims_ = ClaimService::NewStub(server_.channel());
    notifications_ = NotificationService::NewStub(server_.channel());
    admin_ = server_.Login("pa@vendor.example");
    manager_ = server_.Login("cm@vendor.example");
    alpha_admin_ = server_.Login("admin@alpha.example");
    rep_ = server_.Login("rep@alpha.example");
    bravo_admin_ = server_.Login("admin@bravo.example");
    world_.emplace(server_, admin_);
    world_->AddProducts({"ST-100"});
    program_ = world_->ActiveProgram(kProgram);
    ASSERT_TRUE(world_->Enroll(alpha_admin_, program_.id()).ok());
  }

  Claim Submit(const std::string& invoice) {
    SubmitClaimRequest submit;
    submit.set_idempotency_key("claim-" + invoice);
    Claim* c = submit.mutable_claim();
    c->set_program_id(program_.id());
    c->set_invoice_number(invoice);
    c->set_invoice_date("2026-02-01");
    c->set_customer_name("Acme");
    c->set_customer_country("NL");
    c->set_currency_code("EUR");
    ClaimLine* line = c->add_lines();
    line->set_sku("ST-100");
    line->set_quantity(10);
    line->set_unit_price("1000");
    Claim out;
    EXPECT_TRUE(claims_->SubmitClaim(TestServer::Context(rep_).get(), submit, &out).ok());
    return out;
  }

  grpc::Status Review(int64_t claim, const std::string& comment, bool reject) {
    ReviewClaimRequest request;
    request.set_claim_id(claim);
    request.set_comment(comment);
    Claim out;
    return reject ? claims_->RejectClaim(TestServer::Context(manager_).get(), request, &out)
                  : claims_->ApproveClaim(TestServer::Context(manager_).get(), request, &out);
  }

  // The caller's notifications once at least `count` have arrived (waits up to 10 s).
  ListNotificationsResponse WaitForList(const std::string& token, int count,
                                        const std::string& accept_language = "") {
    ListNotificationsResponse out;
    const absl::Time deadline = absl::Now() + absl::Seconds(10);
    do {
      auto context = TestServer::Context(token);
      if (!accept_language.empty()) context->AddMetadata("accept-language", accept_language);
      EXPECT_TRUE(notifications_->ListNotifications(context.get(), {}, &out).ok());
      if (out.notifications_size() >= count) break;
      absl::SleepFor(absl::Milliseconds(50));
    } while (absl::Now() < deadline);
    return out;
  }

  grpc::Status SetLanguage(const std::string& token, const std::string& language) {
    UpdateNotificationSettingsRequest request;
    request.mutable_settings()->set_language(language);
    request.mutable_update_mask()->add_paths("language");
    NotificationSettings out;
    return notifications_->UpdateNotificationSettings(TestServer::Context(token).get(), request,
                                                      &out);
  }

  NotificationPreference PreferenceOf(const std::string& token, NotificationCategory category) {
    NotificationSettings settings;
    EXPECT_TRUE(
        notifications_->GetNotificationSettings(TestServer::Context(token).get(), {}, &settings)
            .ok());
    for (const NotificationPreference& p : settings.preferences()) {
      if (p.category() == category) return p;
    }
    ADD_FAILURE() << "no preference for " << NotificationCategory_Name(category);
    return {};
  }

  TestServer server_;
  Partner alpha_;
  User rep_user_;
  std::unique_ptr<ClaimService::Stub> claims_;
  std::unique_ptr<NotificationService::Stub> notifications_;
  std::string admin_, manager_, alpha_admin_, rep_, bravo_admin_;
  std::optional<TestWorld> world_;
  Program program_;
};

TEST_F(NotificationRpcTest, ARejectionReachesTheRepLiveInTheCentreAndByEmailOnceInDutch) {
  SmtpSink sink;
  std::unique_ptr<ServerApp> mailer = server_.StartReplica([&](ServerOptions& options) {
    options.smtp = {.url = sink.Url(),
                    .from_address = "portal@vendor.example",
                    .from_name = "CIM",
                    .timeout = absl::Seconds(5)};
    options.jobs.email_interval = absl::Milliseconds(50);
  });
  ASSERT_TRUE(SetLanguage(rep_, "nl").ok());
  const Claim claim = Submit("INV-7");

  // The watch stream answers at once, then again when the rejection arrives.
  auto watch_context = TestServer::Context(rep_);
  auto watch = notifications_->WatchNotifications(watch_context.get(), {});
  NotificationsUpdate update;
  ASSERT_TRUE(watch->Read(&update));
  EXPECT_EQ(update.unread_count(), 0);
  EXPECT_THAT(update.notifications(), SizeIs(0));

  ASSERT_TRUE(Review(claim.id(), "The invoice is not attached", /*reject=*/true).ok());
  ASSERT_TRUE(watch->Read(&update));
  EXPECT_EQ(update.unread_count(), 1);
  ASSERT_THAT(update.notifications(), SizeIs(1));
  const Notification& told = update.notifications(0);
  EXPECT_EQ(told.kind(), NOTIFICATION_KIND_CLAIM_REJECTED);
  EXPECT_EQ(told.category(), NOTIFICATION_CATEGORY_CLAIMS);
  EXPECT_EQ(told.title(), "Claim INV-7 afgewezen");
  EXPECT_EQ(told.body(), "Storage Rebate 2026: The invoice is not attached");
  EXPECT_EQ(told.link(), "/claims/" + std::to_string(claim.id()));
  EXPECT_FALSE(told.has_read_time());
  watch_context->TryCancel();

  // In the centre, and by email once, in Dutch, with a link to the claim.
  const ListNotificationsResponse list = WaitForList(rep_, 1);
  EXPECT_EQ(list.unread_count(), 1);
  ASSERT_THAT(list.notifications(), SizeIs(1));
  EXPECT_EQ(list.notifications(0).id(), told.id());
  std::vector<std::string> mail = sink.WaitForMessages(1, absl::Seconds(10));
  ASSERT_THAT(mail, SizeIs(1));
  EXPECT_THAT(mail[0], HasSubstr("rep@alpha.example"));
  const std::string text = SmtpSink::TextBody(mail[0]);
  EXPECT_THAT(text, HasSubstr("Hallo Test rep,"));
  EXPECT_THAT(text, HasSubstr("Claim INV-7 afgewezen\nStorage Rebate 2026: The invoice is not "
                              "attached"));
  EXPECT_THAT(text, HasSubstr("/claims/" + std::to_string(claim.id())));
  EXPECT_THAT(text, HasSubstr("Je krijgt deze e-mail door je instellingen voor Claims."));
  EXPECT_THAT(sink.WaitForMessages(2, absl::Seconds(1)), SizeIs(1));

  // The email's unsubscribe link stops claim emails (twice is the same), and only those.
  const size_t at = text.find("/unsubscribe/");
  ASSERT_NE(at, std::string::npos);
  const std::string token = text.substr(at + 13, text.find('\n', at) - at - 13);
  UnsubscribeRequest unsubscribe;
  unsubscribe.set_token(token);
  for (int i = 0; i < 2; ++i) {
    UnsubscribeResponse done;
    ASSERT_TRUE(
        notifications_->Unsubscribe(TestServer::Context("").get(), unsubscribe, &done).ok());
    EXPECT_EQ(done.category(), NOTIFICATION_CATEGORY_CLAIMS);
    EXPECT_EQ(done.email(), "r***@alpha.example");
  }
  const NotificationPreference claims = PreferenceOf(rep_, NOTIFICATION_CATEGORY_CLAIMS);
  EXPECT_FALSE(claims.email());
  EXPECT_TRUE(claims.in_app());
  EXPECT_TRUE(claims.overridden());
  EXPECT_TRUE(PreferenceOf(rep_, NOTIFICATION_CATEGORY_TIERS).email());

  // The next decision shows in the centre but sends no email.
  const Claim second = Submit("INV-8");
  ASSERT_TRUE(Review(second.id(), "", /*reject=*/false).ok());
  const ListNotificationsResponse after = WaitForList(rep_, 2);
  ASSERT_THAT(after.notifications(), SizeIs(2));
  EXPECT_EQ(after.notifications(0).title(), "Claim INV-8 goedgekeurd");
  EXPECT_EQ(after.notifications(0).body(), "Storage Rebate 2026 betaalt er €\u00a0200 voor.");
  EXPECT_THAT(sink.WaitForMessages(2, absl::Seconds(1)), SizeIs(1));

  unsubscribe.set_token(token + "x");
  UnsubscribeResponse none;
  EXPECT_THAT(notifications_->Unsubscribe(TestServer::Context("").get(), unsubscribe, &none),
              StatusIs(grpc::StatusCode::NOT_FOUND));
}

TEST_F(NotificationRpcTest, WithoutASavedLanguageTheCallsAcceptLanguageDecides) {
  const Claim claim = Submit("INV-9");
  ASSERT_TRUE(Review(claim.id(), "Wrong customer", /*reject=*/true).ok());
  EXPECT_EQ(WaitForList(rep_, 1).notifications(0).title(), "Claim INV-9 rejected");
  EXPECT_EQ(WaitForList(rep_, 1, "nl-BE,nl;q=0.9,en;q=0.8").notifications(0).title(),
            "Claim INV-9 afgewezen");
  EXPECT_EQ(WaitForList(rep_, 1, "de-DE").notifications(0).title(), "Claim INV-9 rejected");

  auto auth = AuthService::NewStub(server_.channel());
  auto context = TestServer::Context(rep_);
  context->AddMetadata("accept-language", "nl");
  cim::v1::Principal me;
  ASSERT_TRUE(auth->WhoAmI(context.get(), {}, &me).ok());
  EXPECT_EQ(me.language(), "nl");
  // A saved choice wins over the header, from the next sign-in on too.
  ASSERT_TRUE(SetLanguage(rep_, "nl").ok());
  LoginRequest login;
  login.set_email("rep@alpha.example");
  login.set_password(cim::testing::kTestPassword);
  auto login_context = TestServer::Context("");
  login_context->AddMetadata("accept-language", "en");
  LoginResponse signed_in;
  ASSERT_TRUE(auth->Login(login_context.get(), login, &signed_in).ok());
  EXPECT_EQ(signed_in.principal().language(), "nl");
  ASSERT_TRUE(SetLanguage(rep_, "en").ok());
  absl::SleepFor(absl::Seconds(2));  // past the credential cache
  EXPECT_EQ(WaitForList(rep_, 1, "nl").notifications(0).title(), "Claim INV-9 rejected");
}

TEST_F(NotificationRpcTest, MarkReadSettlesTheCountAndOthersIdsAreNotFound) {
  const Claim a = Submit("INV-10");
  const Claim b = Submit("INV-11");
  ASSERT_TRUE(Review(a.id(), "No", /*reject=*/true).ok());
  ASSERT_TRUE(Review(b.id(), "Needs the serial numbers", /*reject=*/true).ok());
  const ListNotificationsResponse list = WaitForList(rep_, 2);
  ASSERT_EQ(list.unread_count(), 2);

  MarkNotificationsReadRequest mark;
  mark.add_notification_ids(list.notifications(1).id());
  MarkNotificationsReadResponse marked;
  ASSERT_TRUE(
      notifications_->MarkNotificationsRead(TestServer::Context(rep_).get(), mark, &marked).ok());
  EXPECT_EQ(marked.unread_count(), 1);
  // Another person cannot mark (or learn of) the rep's notification.
  EXPECT_THAT(
      notifications_->MarkNotificationsRead(TestServer::Context(alpha_admin_).get(), mark, &marked),
      StatusIs(grpc::StatusCode::NOT_FOUND));
  ListNotificationsResponse admins;
  ASSERT_TRUE(
      notifications_->ListNotifications(TestServer::Context(alpha_admin_).get(), {}, &admins).ok());
  for (const Notification& n : admins.notifications()) {
    EXPECT_EQ(n.kind(), NOTIFICATION_KIND_PROGRAM_OPEN);  // theirs: the program opened to Alpha
  }

  ListNotificationsRequest unread;
  unread.set_unread_only(true);
  ListNotificationsResponse left;
  ASSERT_TRUE(
      notifications_->ListNotifications(TestServer::Context(rep_).get(), unread, &left).ok());
  ASSERT_THAT(left.notifications(), SizeIs(1));
  EXPECT_EQ(left.notifications(0).id(), list.notifications(0).id());

  MarkNotificationsReadRequest all;
  all.set_all(true);
  ASSERT_TRUE(
      notifications_->MarkNotificationsRead(TestServer::Context(rep_).get(), all, &marked).ok());
  EXPECT_EQ(marked.unread_count(), 0);

  // Pages of one, newest first.
  ListNotificationsRequest page;
  page.set_page_size(1);
  ListNotificationsResponse first, second;
  ASSERT_TRUE(
      notifications_->ListNotifications(TestServer::Context(rep_).get(), page, &first).ok());
  page.set_page_token(first.next_page_token());
  ASSERT_TRUE(
      notifications_->ListNotifications(TestServer::Context(rep_).get(), page, &second).ok());
  ASSERT_THAT(second.notifications(), SizeIs(1));
  EXPECT_EQ(first.notifications(0).title(), "Claim INV-11 rejected");
  EXPECT_EQ(second.notifications(0).title(), "Claim INV-10 rejected");
  EXPECT_TRUE(second.notifications(0).has_read_time());
  EXPECT_EQ(second.next_page_token(), "");
}

TEST_F(NotificationRpcTest, APartnersDefaultsApplyUntilAPersonChooses) {
  UpdatePartnerNotificationDefaultsRequest defaults;
  defaults.set_partner_id(alpha_.id());
  NotificationPreference* p = defaults.add_preferences();
  p->set_category(NOTIFICATION_CATEGORY_CLAIMS);
  p->set_in_app(true);
  p->set_email(false);
  p->set_delivery(NOTIFICATION_DELIVERY_IMMEDIATE);
  PartnerNotificationDefaults saved;
  EXPECT_THAT(notifications_->UpdatePartnerNotificationDefaults(
                  TestServer::Context(alpha_admin_).get(), defaults, &saved),
              StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  ASSERT_TRUE(
      notifications_
          ->UpdatePartnerNotificationDefaults(TestServer::Context(manager_).get(), defaults, &saved)
          .ok());
  ASSERT_THAT(saved.preferences(), SizeIs(8));
  EXPECT_TRUE(saved.preferences(0).overridden());
  EXPECT_FALSE(saved.preferences(0).email());

  NotificationPreference claims = PreferenceOf(rep_, NOTIFICATION_CATEGORY_CLAIMS);
  EXPECT_FALSE(claims.email());
  EXPECT_FALSE(claims.overridden());

  UpdateNotificationSettingsRequest own;
  *own.mutable_settings()->add_preferences() = claims;
  own.mutable_settings()->mutable_preferences(0)->set_email(true);
  own.mutable_settings()->mutable_preferences(0)->set_delivery(NOTIFICATION_DELIVERY_DAILY_DIGEST);
  own.mutable_update_mask()->add_paths("preferences");
  NotificationSettings settings;
  ASSERT_TRUE(
      notifications_->UpdateNotificationSettings(TestServer::Context(rep_).get(), own, &settings)
          .ok());
  claims = PreferenceOf(rep_, NOTIFICATION_CATEGORY_CLAIMS);
  EXPECT_TRUE(claims.email());
  EXPECT_EQ(claims.delivery(), NOTIFICATION_DELIVERY_DAILY_DIGEST);
  EXPECT_TRUE(claims.overridden());

  UpdateNotificationSettingsRequest reset;
  reset.add_reset_categories(NOTIFICATION_CATEGORY_CLAIMS);
  reset.mutable_update_mask()->add_paths("reset_categories");
  ASSERT_TRUE(
      notifications_->UpdateNotificationSettings(TestServer::Context(rep_).get(), reset, &settings)
          .ok());
  claims = PreferenceOf(rep_, NOTIFICATION_CATEGORY_CLAIMS);
  EXPECT_FALSE(claims.email());
  EXPECT_FALSE(claims.overridden());

  // Another partner's defaults are not the partner admin's to read.
  GetPartnerNotificationDefaultsRequest get;
  get.set_partner_id(alpha_.id());
  EXPECT_THAT(notifications_->GetPartnerNotificationDefaults(
                  TestServer::Context(bravo_admin_).get(), get, &saved),
              StatusIs(grpc::StatusCode::NOT_FOUND));
  EXPECT_TRUE(
      notifications_
          ->GetPartnerNotificationDefaults(TestServer::Context(alpha_admin_).get(), get, &saved)
          .ok());
  get.set_partner_id(999999);
  EXPECT_THAT(notifications_->GetPartnerNotificationDefaults(TestServer::Context(manager_).get(),
                                                             get, &saved),
              StatusIs(grpc::StatusCode::NOT_FOUND));
}

TEST_F(NotificationRpcTest, TheClockBringsOverdueReviewsAndBudgetWarningsToVendorStaff) {
  std::string small_text = kProgram;
  small_text.replace(small_text.find("Storage Rebate 2026"), 19, "Small Budget 2026");
  const Program small = world_->ActiveProgram(small_text.c_str(), "250");
  ASSERT_TRUE(world_->Enroll(alpha_admin_, small.id()).ok());
  const Claim waiting = Submit("INV-20");
  SubmitClaimRequest submit;
  submit.set_idempotency_key("claim-small");
  *submit.mutable_claim() = waiting;
  submit.mutable_claim()->clear_id();
  submit.mutable_claim()->set_program_id(small.id());
  submit.mutable_claim()->set_invoice_number("INV-21");
  Claim paid;
  ASSERT_TRUE(claims_->SubmitClaim(TestServer::Context(rep_).get(), submit, &paid).ok());
  ASSERT_TRUE(Review(paid.id(), "", /*reject=*/false).ok());  // 2% of 10,000: 200 of 250

  server_.clock().Advance(absl::Hours(24 * 6));
  manager_ = server_.Login("cm@vendor.example");  // the sessions ran out meanwhile
  admin_ = server_.Login("pa@vendor.example");
  const ListNotificationsResponse manager = WaitForList(manager_, 1);
  ASSERT_THAT(manager.notifications(), SizeIs(1));
  EXPECT_EQ(manager.notifications(0).kind(), NOTIFICATION_KIND_CLAIM_REVIEW_OVERDUE);
  EXPECT_EQ(manager.notifications(0).title(), "Claim INV-20 waits 6 days");
  EXPECT_EQ(manager.notifications(0).body(),
            "Alpha Systems, Storage Rebate 2026: past the review target of 5 days.");
  EXPECT_EQ(manager.notifications(0).link(), "/claims/" + std::to_string(waiting.id()));
  const ListNotificationsResponse admin = WaitForList(admin_, 1);
  ASSERT_THAT(admin.notifications(), SizeIs(1));
  EXPECT_EQ(admin.notifications(0).title(), "Small Budget 2026: 80% of the budget drawn");
  EXPECT_EQ(admin.notifications(0).body(), "€200 of €250 is drawn; €50 is left.");

  // Later scans add nothing.
  server_.clock().Advance(absl::Minutes(2));
  absl::SleepFor(absl::Milliseconds(600));
  EXPECT_THAT(WaitForList(manager_, 0).notifications(), SizeIs(1));
  EXPECT_THAT(WaitForList(admin_, 0).notifications(), SizeIs(1));
}

TEST_F(NotificationRpcTest, BadInputIsInvalidArgumentWithFieldDetails) {
  ListNotificationsRequest list;
  list.set_page_size(101);
  ListNotificationsResponse listed;
  grpc::Status status =
      notifications_->ListNotifications(TestServer::Context(rep_).get(), list, &listed);
  EXPECT_THAT(status, StatusIs(grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(status), ElementsAre("page_size"));

  MarkNotificationsReadRequest mark;
  mark.add_notification_ids(0);
  mark.set_all(true);
  MarkNotificationsReadResponse marked;
  status = notifications_->MarkNotificationsRead(TestServer::Context(rep_).get(), mark, &marked);
  EXPECT_THAT(ViolatedFields(status), ElementsAre("notification_ids", "notification_ids[0]"));

  UpdateNotificationSettingsRequest update;
  update.mutable_settings()->set_language("fr");
  NotificationPreference* p = update.mutable_settings()->add_preferences();
  p->set_category(NOTIFICATION_CATEGORY_BUDGETS);
  p->set_delivery(NOTIFICATION_DELIVERY_IMMEDIATE);
  update.mutable_update_mask()->add_paths("language");
  update.mutable_update_mask()->add_paths("preferences");
  NotificationSettings settings;
  status = notifications_->UpdateNotificationSettings(TestServer::Context(rep_).get(), update,
                                                      &settings);
  EXPECT_THAT(status, StatusIs(grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(status),
              ElementsAre("settings.language", "settings.preferences[0].category"));
  EXPECT_EQ(PreferenceOf(rep_, NOTIFICATION_CATEGORY_CLAIMS).overridden(), false);

  update.mutable_update_mask()->add_paths("display_name");
  status = notifications_->UpdateNotificationSettings(TestServer::Context(rep_).get(), update,
                                                      &settings);
  EXPECT_THAT(ViolatedFields(status), ElementsAre("update_mask"));

  UnsubscribeRequest unsubscribe;
  UnsubscribeResponse none;
  status = notifications_->Unsubscribe(TestServer::Context("").get(), unsubscribe, &none);
  EXPECT_THAT(ViolatedFields(status), ElementsAre("token"));

  EXPECT_THAT(notifications_->ListNotifications(TestServer::Context("").get(), {}, &listed),
              StatusIs(grpc::StatusCode::UNAUTHENTICATED));
}

}  // namespace
}  // namespace cim
