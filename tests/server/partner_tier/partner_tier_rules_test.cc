// Tier rules against hand-computed cases: ladder validation, which tier figures give, the gap
// to the next tier in words, change reasons, and demotion warnings for expiring certifications.
#include "server/partner_tier/partner_tier_rules.h"

#include <google/protobuf/text_format.h>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/decimals.h"
#include "tests/testing/phrase_matchers.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::InEnglish;

using ::cim::testing::D;
using ::cim::testing::StatusIs;
using ::testing::HasSubstr;
using namespace cim::v1;  // NOLINT: the API's message names read best unqualified here

const absl::Time kNow =
    absl::FromCivil(absl::CivilSecond(2026, 11, 30, 12, 0, 0), absl::UTCTimeZone());

TierLadder Parse(const std::string& text) {
  TierLadder ladder;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &ladder)) << text;
  return ladder;
}

// Registered (none), Silver (€50,000), Gold (€150,000 and 2 certified users), Platinum
// (€500,000, 5 users certified in storage-expert and 10,000 points).
TierLadder Ladder() {
  return *ValidateTierLadder(Parse(R"pb(
    currency_code: "EUR"
    tiers { code: "registered" name: "Registered" }
    tiers {
      code: "silver"
      name: "Silver"
      criteria { min_trailing_sales: "50000" }
    }
    tiers {
      code: "gold"
      name: "Gold"
      benefits: "Deal registration priority"
      criteria { min_trailing_sales: "150000" min_certified_users: 2 }
    }
    tiers {
      code: "platinum"
      name: "Platinum"
      criteria {
        min_trailing_sales: "500000"
        min_certified_users: 5
        certification_code: "storage-expert"
        min_trailing_points: "10000"
      }
    }
  )pb"));
}

HeldCertification Cert(int64_t user, const char* code, absl::Duration from_now) {
  return {.user_id = user,
          .code = code,
          .expires_at = kNow + from_now,
          .user_display_name = absl::StrCat("User ", user)};
}

TierFigures Figures(const char* sales, std::vector<HeldCertification> certs = {},
                    const char* points = "0") {
  return {
      .trailing_sales = D(sales), .trailing_points = D(points), .certifications = std::move(certs)};
}

constexpr absl::Duration kYear = absl::Hours(24 * 365);

TEST(TierRulesTest, TrailingYearStartsTheSameTimeAYearEarlier) {
  EXPECT_EQ(TrailingYearStart(kNow),
            absl::FromCivil(absl::CivilSecond(2025, 11, 30, 12, 0, 0), absl::UTCTimeZone()));
  const absl::Time leap = absl::FromCivil(absl::CivilSecond(2028, 2, 29), absl::UTCTimeZone());
  EXPECT_EQ(TrailingYearStart(leap),
            absl::FromCivil(absl::CivilSecond(2027, 3, 1), absl::UTCTimeZone()));
}

TEST(TierRulesTest, ValidLadderIsRankedAndCanonical) {
  TierLadder ladder = Ladder();
  ASSERT_EQ(ladder.tiers_size(), 4);
  EXPECT_EQ(ladder.tiers(0).rank(), 1);
  EXPECT_EQ(ladder.tiers(3).rank(), 4);
  EXPECT_EQ(ladder.tiers(2).criteria().min_trailing_sales(), "150000");
  EXPECT_TRUE(ValidateTierLadder(TierLadder()).ok()) << "an empty ladder turns tiers off";
}

TEST(TierRulesTest, BadLaddersNameTheField) {
  struct Case {
    const char* ladder;
    const char* field;
  };
  const Case cases[] = {
      {R"pb(currency_code: "EUR"
            tiers { code: "Gold!" name: "Gold" })pb",
       "ladder.tiers[0].code"},
      {R"pb(tiers { code: "a" name: "" })pb", "ladder.tiers[0].name"},
      {R"pb(tiers { code: "a" name: "A" }
            tiers {
              code: "a"
              name: "B"
              criteria { min_certified_users: 1 }
            })pb",
       "ladder.tiers[1].code"},
      {R"pb(tiers { code: "a" name: "A" }
            tiers {
              code: "b"
              name: "A"
              criteria { min_certified_users: 1 }
            })pb",
       "ladder.tiers[1].name"},
      {R"pb(currency_code: "EUR"
            tiers {
              code: "a"
              name: "A"
              criteria { min_trailing_sales: "10" }
            })pb",
       "ladder.tiers[0].criteria"},
      {R"pb(tiers { code: "a" name: "A" }
            tiers { code: "b" name: "B" })pb",
       "ladder.tiers[1].criteria"},
      {R"pb(tiers { code: "a" name: "A" }
            tiers {
              code: "b"
              name: "B"
              criteria { min_trailing_sales: "10" }
            })pb",
       "ladder.currency_code"},
      {R"pb(currency_code: "XXX"
            tiers { code: "a" name: "A" })pb",
       "ladder.currency_code"},
      {R"pb(currency_code: "EUR"
            tiers { code: "a" name: "A" }
            tiers {
              code: "b"
              name: "B"
              criteria { min_trailing_sales: "-5" }
            })pb",
       "ladder.tiers[1].criteria.min_trailing_sales"},
      {R"pb(tiers { code: "a" name: "A" }
            tiers {
              code: "b"
              name: "B"
              criteria { min_trailing_points: "1.5" }
            })pb",
       "ladder.tiers[1].criteria.min_trailing_points"},
      {R"pb(currency_code: "EUR"
            tiers { code: "a" name: "A" }
            tiers {
              code: "b"
              name: "B"
              criteria { min_trailing_sales: "100" }
            }
            tiers {
              code: "c"
              name: "C"
              criteria { min_trailing_sales: "50" }
            })pb",
       "ladder.tiers[2].criteria.min_trailing_sales"},
      {R"pb(tiers { code: "a" name: "A" }
            tiers {
              code: "b"
              name: "B"
              criteria { min_certified_users: 3 }
            }
            tiers {
              code: "c"
              name: "C"
              criteria { min_certified_users: 2 }
            })pb",
       "ladder.tiers[2].criteria.min_certified_users"},
      {R"pb(tiers { code: "a" name: "A" }
            tiers {
              code: "b"
              name: "B"
              criteria { min_certified_users: 1 certification_code: "Bad Code" }
            })pb",
       "ladder.tiers[1].criteria.certification_code"},
      {R"pb(tiers { code: "a" name: "A" }
            tiers {
              code: "b"
              name: "B"
              criteria { min_trailing_points: "5" certification_code: "x" }
            })pb",
       "ladder.tiers[1].criteria.certification_code"},
  };
  for (const Case& c : cases) {
    absl::StatusOr<TierLadder> result = ValidateTierLadder(Parse(c.ladder));
    EXPECT_THAT(result, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(c.field)))
        << c.ladder;
  }
}

TEST(TierRulesTest, HighestTierMetWins) {
  const TierLadder ladder = Ladder();
  struct Case {
    TierFigures figures;
    const char* tier;
  };
  const std::vector<Case> cases = {
      {Figures("0"), "registered"},
      {Figures("49999.99"), "registered"},
      {Figures("50000"), "silver"},
      {Figures("200000", {Cert(1, "sales-basics", kYear)}), "silver"},
      {Figures("200000", {Cert(1, "a", kYear), Cert(1, "b", kYear)}), "silver"},  // one user
      {Figures("200000", {Cert(1, "a", kYear), Cert(2, "b", kYear)}), "gold"},
      {Figures("200000", {Cert(1, "a", kYear), Cert(2, "b", -absl::Hours(1))}), "silver"},
      {Figures("600000",
               {Cert(1, "storage-expert", kYear), Cert(2, "storage-expert", kYear),
                Cert(3, "storage-expert", kYear), Cert(4, "storage-expert", kYear),
                Cert(5, "storage-expert", kYear)},
               "9999"),
       "gold"},
      {Figures("600000",
               {Cert(1, "storage-expert", kYear), Cert(2, "storage-expert", kYear),
                Cert(3, "storage-expert", kYear), Cert(4, "storage-expert", kYear),
                Cert(5, "storage-expert", kYear)},
               "10000"),
       "platinum"},
  };
  for (size_t i = 0; i < cases.size(); ++i) {
    EXPECT_EQ(ladder.tiers(QualifiedTierIndex(ladder, cases[i].figures, kNow)).code(),
              cases[i].tier)
        << "case " << i;
  }
  EXPECT_EQ(QualifiedTierIndex(TierLadder(), Figures("1"), kNow), -1);
  EXPECT_EQ(TierIndexOfCode(ladder, "gold"), 2);
  EXPECT_EQ(TierIndexOfCode(ladder, "diamond"), -1);
}

TEST(TierRulesTest, GapSaysWhatIsMissingInWords) {
  const TierLadder ladder = Ladder();
  struct Case {
    TierFigures figures;
    int tier;
    const char* text;
  };
  const std::vector<Case> cases = {
      {Figures("137600", {Cert(1, "a", kYear)}), 2,
       "€12,400 more sales and 1 more certified user to Gold"},
      {Figures("137600.5", {Cert(1, "a", kYear), Cert(2, "a", kYear)}), 2,
       "€12,399.50 more sales to Gold"},
      {Figures("150000"), 2, "2 more certified users to Gold"},
      {Figures("500000", {Cert(1, "storage-expert", kYear)}, "9000"), 3,
       "4 more users certified in storage-expert and 1,000 more points to Platinum"},
      {Figures("60000"), 1, "You meet Silver: it applies at the next evaluation"},
  };
  for (const Case& c : cases) {
    const TierGap gap = GapTo(ladder, c.tier, c.figures, kNow);
    EXPECT_EQ(InEnglish(gap.text()), c.text);
  }
  const TierGap gap = GapTo(ladder, 2, Figures("137600", {Cert(1, "a", kYear)}), kNow);
  EXPECT_EQ(gap.sales_needed(), "12400");
  EXPECT_EQ(gap.certified_users_needed(), 1);
  EXPECT_EQ(gap.points_needed(), "0");
  EXPECT_EQ(gap.tier().code(), "gold");
}

TEST(TierRulesTest, TextsAreInTheReadersLanguage) {
  const TierLadder ladder = Ladder();
  const Wording dutch(MessageCatalogs::Compiled(), "nl");
  EXPECT_EQ(dutch.Render(GapTo(ladder, 2, Figures("137600", {Cert(1, "a", kYear)}), kNow).text()),
            "€\u00a012.400 meer omzet en 1 gecertificeerde gebruiker meer tot Gold");
  EXPECT_EQ(dutch.Render(GapTo(ladder, 1, Figures("60000"), kNow).text()),
            "Je voldoet aan Silver: het gaat in bij de volgende beoordeling");
  std::optional<TierDemotionWarning> w = DemotionWarning(
      ladder, Figures("200000", {Cert(1, "a", absl::Hours(24 * 20)), Cert(2, "a", kYear)}), kNow);
  ASSERT_TRUE(w.has_value());
  EXPECT_EQ(dutch.Render(w->text()),
            "1 certificaat verloopt vóór 20 dec 2026: vernieuw het om Gold te houden (anders"
            " Silver)");
}

TEST(TierRulesTest, ReasonsCarryTheFigures) {
  const TierLadder ladder = Ladder();
  EXPECT_EQ(
      InEnglish(TierChangeReason(
          ladder, 1, 2,
          Figures("152300", {Cert(1, "a", kYear), Cert(2, "a", kYear), Cert(3, "b", kYear)}),
          kNow)),
      "Trailing 12-month sales €152,300 and 3 certified users meet Gold (€150,000 and 2 certified"
      " users)");
  EXPECT_EQ(InEnglish(TierChangeReason(ladder, 2, 1, Figures("80000"), kNow)),
            "Trailing 12-month sales €80,000 are below €150,000 and 0 certified users (2 needed):"
            " below Gold, moves to Silver");
  EXPECT_EQ(InEnglish(TierChangeReason(ladder, -1, 0, Figures("10"), kNow)),
            "The lowest tier, Registered, for a partner outside the ladder");
}

TEST(TierRulesTest, WarnsWhenExpiringCertificationsWouldDemote) {
  const TierLadder ladder = Ladder();
  // Gold with exactly 2 certified users; one expires in 20 days.
  const TierFigures gold =
      Figures("200000", {Cert(1, "a", absl::Hours(24 * 20)), Cert(2, "a", kYear)});
  std::optional<TierDemotionWarning> w = DemotionWarning(ladder, gold, kNow);
  ASSERT_TRUE(w.has_value());
  EXPECT_EQ(w->would_drop_to().code(), "silver");
  ASSERT_EQ(w->expiring_size(), 1);
  EXPECT_EQ(w->expiring(0).user_id(), 1);
  EXPECT_EQ(InEnglish(w->text()),
            "1 certification expires by 20 Dec 2026: renew it to keep Gold (otherwise"
            " Silver)");

  // A spare certified user: no warning.
  EXPECT_FALSE(DemotionWarning(ladder,
                               Figures("200000", {Cert(1, "a", absl::Hours(24 * 20)),
                                                  Cert(2, "a", kYear), Cert(3, "a", kYear)}),
                               kNow)
                   .has_value());
  // Expiring after 60 days: no warning yet.
  EXPECT_FALSE(
      DemotionWarning(ladder,
                      Figures("200000", {Cert(1, "a", absl::Hours(24 * 61)), Cert(2, "a", kYear)}),
                      kNow)
          .has_value());
  // The same user's second certification keeps them certified: no warning.
  EXPECT_FALSE(DemotionWarning(ladder,
                               Figures("200000", {Cert(1, "a", absl::Hours(24 * 20)),
                                                  Cert(1, "b", kYear), Cert(2, "a", kYear)}),
                               kNow)
                   .has_value());
  // Two expiring: the drop comes with the first; both listed up to it.
  const TierFigures two =
      Figures("200000", {Cert(1, "a", absl::Hours(24 * 10)), Cert(2, "a", absl::Hours(24 * 30)),
                         Cert(3, "a", absl::Hours(24 * 40))});
  w = DemotionWarning(ladder, two, kNow);
  ASSERT_TRUE(w.has_value());
  EXPECT_EQ(w->expiring_size(), 2);
  EXPECT_EQ(absl::FromUnixSeconds(w->drop_time().seconds()), kNow + absl::Hours(24 * 30));
}

TEST(TierRulesTest, RebatesAtRiskJoinTheWarningAndItsText) {
  const TierLadder ladder = Ladder();
  std::optional<TierDemotionWarning> w = DemotionWarning(
      ladder, Figures("200000", {Cert(1, "a", absl::Hours(24 * 20)), Cert(2, "a", kYear)}), kNow);
  ASSERT_TRUE(w.has_value());
  const std::string before = w->text();
  AddRebatesAtRisk({}, *w);
  EXPECT_EQ(w->text(), before);
  EXPECT_EQ(w->rebates_at_risk_size(), 0);

  cim::v1::RebateAtRisk storage;
  storage.set_program_name("Storage Rebate 2026");
  storage.set_percent_lost("1.5");
  storage.set_currency_code("EUR");
  storage.set_amount_lost("720.01");
  cim::v1::RebateAtRisk servers = storage;
  servers.set_program_name("Server Push");
  servers.set_percent_lost("1");
  servers.set_amount_lost("0.00");
  AddRebatesAtRisk({storage, servers}, *w);
  EXPECT_EQ(InEnglish(w->text()),
            "1 certification expires by 20 Dec 2026: renew it to keep Gold (otherwise Silver),"
            " and Silver earns 1.5% less rebate in Storage Rebate 2026: €720.01 on this period's"
            " sales so far and 1% less rebate in Server Push: €0 on this period's sales so far");
  ASSERT_EQ(w->rebates_at_risk_size(), 2);
  EXPECT_EQ(w->rebates_at_risk(1).program_name(), "Server Push");
}

TEST(TierRulesTest, StatusShowsNextTierAboveTheHeldOne) {
  const TierLadder ladder = Ladder();
  const TierFigures f = Figures("137600", {Cert(1, "a", kYear)});
  PartnerTierStatus s = TierStatus(ladder, 7, "Acme", "silver", f, kNow);
  EXPECT_EQ(s.tier().name(), "Silver");
  EXPECT_EQ(s.qualified_tier().code(), "silver");
  EXPECT_EQ(InEnglish(s.next_tier().text()),
            "€12,400 more sales and 1 more certified user to Gold");
  EXPECT_EQ(s.trailing_sales(), "137600");
  EXPECT_EQ(s.certified_users(), 1);
  EXPECT_FALSE(s.has_demotion_warning());

  s = TierStatus(ladder, 7, "Acme", "legacy-vip", f, kNow);
  EXPECT_EQ(s.tier().rank(), 0);
  EXPECT_EQ(s.tier().name(), "legacy-vip");
  EXPECT_EQ(s.next_tier().tier().code(), "gold");

  // At the top: no next tier.
  std::vector<HeldCertification> certs;
  for (int u = 1; u <= 5; ++u) certs.push_back(Cert(u, "storage-expert", kYear));
  s = TierStatus(ladder, 7, "Acme", "platinum", Figures("900000", certs, "20000"), kNow);
  EXPECT_FALSE(s.has_next_tier());
}

}  // namespace
}  // namespace cim
