// Who hears of what and how: every kind has a category and an audience, the categories of each
// role, the system's defaults, a person's choice over their partner's default over the
// system's, validation of choices, and the texts of notifications, emails and digests in
// English and Dutch.
#include "server/notification/notification_rules.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/events/notification_event.h"

namespace cim {
namespace {

namespace v1 = cim::v1;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

NotificationPreference Pref(NotificationCategory category, bool in_app, bool email,
                            v1::NotificationDelivery delivery) {
  NotificationPreference p;
  p.set_category(category);
  p.set_in_app(in_app);
  p.set_email(email);
  p.set_delivery(delivery);
  return p;
}

TEST(NotificationRulesTest, EveryKindHasACategoryAndTheAudienceTheIssueNames) {
  struct Case {
    NotificationKind kind;
    NotificationCategory category;
    Audience audience;
  } cases[] = {
      {v1::NOTIFICATION_KIND_CLAIM_APPROVED, v1::NOTIFICATION_CATEGORY_CLAIMS, Audience::kUser},
      {v1::NOTIFICATION_KIND_CLAIM_REJECTED, v1::NOTIFICATION_CATEGORY_CLAIMS, Audience::kUser},
      {v1::NOTIFICATION_KIND_CLAIM_NEEDS_INFO, v1::NOTIFICATION_CATEGORY_CLAIMS, Audience::kUser},
      {v1::NOTIFICATION_KIND_STATEMENT_READY, v1::NOTIFICATION_CATEGORY_PAYOUTS,
       Audience::kPartnerAdmins},
      {v1::NOTIFICATION_KIND_STATEMENT_PAID, v1::NOTIFICATION_CATEGORY_PAYOUTS,
       Audience::kPartnerAdmins},
      {v1::NOTIFICATION_KIND_BADGE_EARNED, v1::NOTIFICATION_CATEGORY_ACHIEVEMENTS, Audience::kUser},
      {v1::NOTIFICATION_KIND_LEVEL_UP, v1::NOTIFICATION_CATEGORY_ACHIEVEMENTS, Audience::kUser},
      {v1::NOTIFICATION_KIND_TIER_PROMOTED, v1::NOTIFICATION_CATEGORY_TIERS,
       Audience::kPartnerUsers},
      {v1::NOTIFICATION_KIND_TIER_DEMOTION_WARNING, v1::NOTIFICATION_CATEGORY_TIERS,
       Audience::kPartnerAdmins},
      {v1::NOTIFICATION_KIND_CERTIFICATION_EXPIRING, v1::NOTIFICATION_CATEGORY_TRAINING,
       Audience::kUser},
      {v1::NOTIFICATION_KIND_PROGRAM_OPEN, v1::NOTIFICATION_CATEGORY_PROGRAMS,
       Audience::kPartnerAdmins},
      {v1::NOTIFICATION_KIND_SURVEY_OPEN, v1::NOTIFICATION_CATEGORY_PROGRAMS,
       Audience::kPartnerUsers},
      {v1::NOTIFICATION_KIND_ORDER_SHIPPED, v1::NOTIFICATION_CATEGORY_ORDERS, Audience::kUser},
      {v1::NOTIFICATION_KIND_DISPUTE_ANSWERED, v1::NOTIFICATION_CATEGORY_DISPUTES, Audience::kUser},
      {v1::NOTIFICATION_KIND_CLAIM_REVIEW_OVERDUE, v1::NOTIFICATION_CATEGORY_REVIEW,
       Audience::kChannelManagers},
      {v1::NOTIFICATION_KIND_BUDGET_THRESHOLD, v1::NOTIFICATION_CATEGORY_BUDGETS,
       Audience::kBudgetOwners},
      {v1::NOTIFICATION_KIND_DISPUTE_OPENED, v1::NOTIFICATION_CATEGORY_DISPUTES,
       Audience::kChannelManagers},
  };
  EXPECT_EQ(std::size(cases), static_cast<size_t>(v1::NotificationKind_ARRAYSIZE - 1));
  for (const Case& c : cases) {
    SCOPED_TRACE(v1::NotificationKind_Name(c.kind));
    EXPECT_EQ(CategoryOf(c.kind), c.category);
    EXPECT_EQ(AudienceOf(c.kind), c.audience);
  }
}

TEST(NotificationRulesTest, EachRoleHasItsCategories) {
  EXPECT_THAT(CategoriesFor(v1::ROLE_PARTNER_REP),
              ElementsAre(v1::NOTIFICATION_CATEGORY_CLAIMS, v1::NOTIFICATION_CATEGORY_ACHIEVEMENTS,
                          v1::NOTIFICATION_CATEGORY_TIERS, v1::NOTIFICATION_CATEGORY_TRAINING,
                          v1::NOTIFICATION_CATEGORY_PROGRAMS, v1::NOTIFICATION_CATEGORY_ORDERS,
                          v1::NOTIFICATION_CATEGORY_DISPUTES));
  EXPECT_THAT(CategoriesFor(v1::ROLE_PARTNER_ADMIN),
              ElementsAre(v1::NOTIFICATION_CATEGORY_CLAIMS, v1::NOTIFICATION_CATEGORY_PAYOUTS,
                          v1::NOTIFICATION_CATEGORY_ACHIEVEMENTS, v1::NOTIFICATION_CATEGORY_TIERS,
                          v1::NOTIFICATION_CATEGORY_TRAINING, v1::NOTIFICATION_CATEGORY_PROGRAMS,
                          v1::NOTIFICATION_CATEGORY_ORDERS, v1::NOTIFICATION_CATEGORY_DISPUTES));
  EXPECT_THAT(CategoriesFor(v1::ROLE_CHANNEL_MANAGER),
              ElementsAre(v1::NOTIFICATION_CATEGORY_DISPUTES, v1::NOTIFICATION_CATEGORY_REVIEW));
  EXPECT_THAT(CategoriesFor(v1::ROLE_FINANCE), ElementsAre(v1::NOTIFICATION_CATEGORY_BUDGETS));
  EXPECT_THAT(CategoriesFor(v1::ROLE_SERVICE_ACCOUNT), ElementsAre());
}

TEST(NotificationRulesTest, OwnChoiceOverPartnerDefaultOverSystem) {
  const auto claims = v1::NOTIFICATION_CATEGORY_CLAIMS;
  const auto badges = v1::NOTIFICATION_CATEGORY_ACHIEVEMENTS;
  EXPECT_EQ(SystemDefault(claims).delivery(), v1::NOTIFICATION_DELIVERY_IMMEDIATE);
  EXPECT_EQ(SystemDefault(badges).delivery(), v1::NOTIFICATION_DELIVERY_DAILY_DIGEST);
  EXPECT_TRUE(SystemDefault(claims).in_app());
  EXPECT_TRUE(SystemDefault(claims).email());

  const PreferenceMap partner = {
      {claims, Pref(claims, true, false, v1::NOTIFICATION_DELIVERY_IMMEDIATE)}};
  const PreferenceMap own = {
      {badges, Pref(badges, false, true, v1::NOTIFICATION_DELIVERY_IMMEDIATE)}};

  NotificationPreference p = EffectivePreference(claims, partner, own);
  EXPECT_FALSE(p.email());
  EXPECT_FALSE(p.overridden());
  p = EffectivePreference(badges, partner, own);
  EXPECT_FALSE(p.in_app());
  EXPECT_EQ(p.delivery(), v1::NOTIFICATION_DELIVERY_IMMEDIATE);
  EXPECT_TRUE(p.overridden());
  p = EffectivePreference(v1::NOTIFICATION_CATEGORY_TIERS, partner, own);
  EXPECT_TRUE(p.email());
  EXPECT_FALSE(p.overridden());

  const std::vector<NotificationPreference> all =
      EffectivePreferences(v1::ROLE_PARTNER_REP, partner, own);
  ASSERT_EQ(all.size(), 7u);
  EXPECT_EQ(all[0].category(), claims);
  EXPECT_FALSE(all[0].email());
}

TEST(NotificationRulesTest, ValidatesChoices) {
  google::protobuf::RepeatedPtrField<NotificationPreference> list;
  *list.Add() =
      Pref(v1::NOTIFICATION_CATEGORY_CLAIMS, true, true, v1::NOTIFICATION_DELIVERY_IMMEDIATE);
  *list.Add() =
      Pref(v1::NOTIFICATION_CATEGORY_CLAIMS, true, true, v1::NOTIFICATION_DELIVERY_DAILY_DIGEST);
  *list.Add() =
      Pref(v1::NOTIFICATION_CATEGORY_BUDGETS, true, true, v1::NOTIFICATION_DELIVERY_UNSPECIFIED);
  FieldErrors errors;
  ValidatePreferences(list, CategoriesFor(v1::ROLE_PARTNER_REP), "settings.preferences", errors);
  EXPECT_THAT(errors.violations(),
              ElementsAre(std::pair<std::string, std::string>("settings.preferences[1].category",
                                                              "each category once"),
                          std::pair<std::string, std::string>(
                              "settings.preferences[2].category",
                              "a category that concerns this person or partner"),
                          std::pair<std::string, std::string>("settings.preferences[2].delivery",
                                                              "IMMEDIATE or DAILY_DIGEST")));
}

NotificationEvent Approved() {
  NotificationEvent e{.kind = v1::NOTIFICATION_KIND_CLAIM_APPROVED};
  e.Text("invoice", "INV-1042")
      .Text("program", "Storage Rebate 2026")
      .Text("earned", "both")
      .Money("money", *Decimal::Parse("1110.00"), "EUR")
      .Count("points", 1250);
  return e;
}

TEST(NotificationRulesTest, RendersInTheReadersLanguageWithLocaleFiguresAndPlurals) {
  const MessageCatalogs& catalogs = MessageCatalogs::Compiled();
  const NotificationEvent approved = Approved();
  NotificationText en = RenderNotification(catalogs, "en", approved.kind, approved.args);
  EXPECT_EQ(en.title, "Claim INV-1042 approved");
  EXPECT_EQ(en.body, "Storage Rebate 2026 pays €1,110 and 1,250 points for it.");
  NotificationText nl = RenderNotification(catalogs, "nl", approved.kind, approved.args);
  EXPECT_EQ(nl.title, "Claim INV-1042 goedgekeurd");
  EXPECT_EQ(nl.body, "Storage Rebate 2026 betaalt er €\u00a01.110 en 1.250 punten voor.");

  NotificationEvent expiring{.kind = v1::NOTIFICATION_KIND_CERTIFICATION_EXPIRING};
  expiring.Text("module", "Storage Expert").Count("days", 1).Day("day", absl::CivilDay(2027, 2, 3));
  EXPECT_EQ(RenderNotification(catalogs, "nl", expiring.kind, expiring.args).title,
            "Storage Expert verloopt over 1 dag");
  EXPECT_EQ(RenderNotification(catalogs, "nl", expiring.kind, expiring.args).body,
            "Je certificaat verloopt op 3 feb 2027. Vernieuw het op tijd om te houden wat het "
            "oplevert.");
  EXPECT_EQ(CategoryName(catalogs, "nl", v1::NOTIFICATION_CATEGORY_PAYOUTS), "Uitbetalingen");
  // A language without a catalog reads English.
  EXPECT_EQ(RenderNotification(catalogs, "fr", approved.kind, approved.args).title,
            "Claim INV-1042 approved");
}

TEST(NotificationRulesTest, EmailsLinkIntoThePortalAndToUnsubscribeAndEscapeHtml) {
  const MessageCatalogs& catalogs = MessageCatalogs::Compiled();
  const EmailLinks links{.portal_url = "https://partners.example", .unsubscribe_token = "cimu_x"};
  EXPECT_EQ(links.UnsubscribePage(), "https://partners.example/unsubscribe/cimu_x");
  EXPECT_EQ(links.OneClickUrl(), "https://partners.example/v1/unsubscribe/cimu_x");
  const EmailContent email = ComposeNotificationEmail(
      catalogs, "nl", "Rosa <Amstel>", v1::NOTIFICATION_CATEGORY_CLAIMS,
      {.title = "Claim INV-7 afgewezen", .body = "Storage: <b>geen</b> factuur"}, "/claims/7",
      links);
  EXPECT_EQ(email.subject, "Claim INV-7 afgewezen");
  EXPECT_THAT(email.text, HasSubstr("Hallo Rosa <Amstel>,"));
  EXPECT_THAT(email.text,
              HasSubstr("Bekijk het in het portaal: https://partners.example/claims/7"));
  EXPECT_THAT(email.text, HasSubstr("Je krijgt deze e-mail door je instellingen voor Claims."));
  EXPECT_THAT(email.text,
              HasSubstr("Stop deze e-mails: https://partners.example/unsubscribe/cimu_x"));
  EXPECT_THAT(email.html, HasSubstr("Hallo Rosa &lt;Amstel&gt;,"));
  EXPECT_THAT(email.html, HasSubstr("Storage: &lt;b&gt;geen&lt;/b&gt; factuur"));
  EXPECT_THAT(email.html, HasSubstr("href=\"https://partners.example/claims/7\""));
  EXPECT_THAT(email.html, Not(HasSubstr("<b>")));

  const EmailContent digest = ComposeDigestEmail(
      catalogs, "en", "Rosa",
      {{.text = {.title = "Badge earned: Closer", .body = "Five deals."}, .link = "/badges"},
       {.text = {.title = "You reached Gold", .body = "2,000 lifetime points."}, .link = ""}},
      links);
  EXPECT_EQ(digest.subject, "2 notifications from CIM");
  EXPECT_THAT(digest.text, HasSubstr("* Badge earned: Closer\n  Five deals.\n  "
                                     "https://partners.example/badges\n"));
  EXPECT_THAT(digest.text, HasSubstr("because of your settings for your daily digest"));
  EXPECT_EQ(MaskedEmail("rosa@amstel.example"), "r***@amstel.example");
  EXPECT_EQ(MaskedEmail("broken"), "***");
}

}  // namespace
}  // namespace cim
