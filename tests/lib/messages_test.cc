#include "lib/messages.h"

#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cim {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

Decimal D(const char* text) { return *Decimal::Parse(text); }

MessageCatalogs Catalogs(const std::string& en, const std::string& nl) {
  absl::StatusOr<MessageCatalogs> parsed =
      MessageCatalogs::Parse({{.language = "en", .text = "_locale = en-GB\n" + en},
                              {.language = "nl", .text = "_locale = nl-NL\n" + nl}});
  EXPECT_TRUE(parsed.ok()) << parsed.status();
  return *std::move(parsed);
}

TEST(MessageCatalogsTest, FormatsPluralsMoneyAndDaysInTheLocale) {
  const MessageCatalogs catalogs = Catalogs(
      "t = {n, plural, one {# badge} other {# badges}} worth {m} by {d} at {p}%\n",
      "t = {n, plural, one {# badge} other {# badges}} ter waarde van {m} voor {d} tegen {p}%\n");
  const MessageArgs args = {{"n", MessageArg::Count(1250)},
                            {"m", MessageArg::Money(D("1110.00"), "EUR")},
                            {"d", MessageArg::Day(absl::CivilDay(2027, 2, 3))},
                            {"p", MessageArg::Number(D("4.5"))}};
  EXPECT_EQ(catalogs.Format("en", "t", args), "1,250 badges worth €1,110 by 3 Feb 2027 at 4.5%");
  EXPECT_EQ(catalogs.Format("nl", "t", args),
            "1.250 badges ter waarde van €\u00a01.110 voor 3 feb 2027 tegen 4,5%");
  EXPECT_EQ(catalogs.Format("nl", "t", {{"n", MessageArg::Count(1)}}),
            "1 badge ter waarde van {m} voor {d} tegen {p}%");
}

TEST(MessageCatalogsTest, MoneyShowsMinorUnitsUnlessWholeAndRoundsHalfUp) {
  const MessageCatalogs catalogs = Catalogs("", "");
  struct Case {
    const char* language;
    const char* amount;
    const char* currency;
    const char* want;
  };
  for (const Case& c : std::vector<Case>{
           {"en", "1110.5", "EUR", "€1,110.50"},
           {"nl", "1110.5", "EUR", "€\u00a01.110,50"},
           {"en", "-3.005", "USD", "-US$3.01"},
           {"en", "12400", "GBP", "£12,400"},
           {"nl", "99.99", "CHF", "CHF\u00a099,99"},
           {"en", "1500", "JPY", "JP¥1,500"},
           {"en", "7.25", "E1", "E1 7.25"},
       }) {
    EXPECT_EQ(catalogs.FormatMoney(c.language, D(c.amount), c.currency), c.want)
        << c.language << " " << c.amount << " " << c.currency;
  }
}

TEST(MessageCatalogsTest, ListsInTheLanguagesWords) {
  const MessageCatalogs catalogs = Catalogs("", "");
  EXPECT_EQ(catalogs.FormatList("en", {"a"}), "a");
  EXPECT_EQ(catalogs.FormatList("en", {"a", "b"}), "a and b");
  EXPECT_EQ(catalogs.FormatList("en", {"a", "b", "c"}), "a, b and c");
  EXPECT_EQ(catalogs.FormatList("nl", {"a", "b", "c"}), "a, b en c");
  EXPECT_EQ(catalogs.FormatList("nl", {}), "");
  const Wording dutch(MessageCatalogs::Compiled(), "nl");
  EXPECT_EQ(dutch("category.payouts"), "Uitbetalingen");
  EXPECT_EQ(Wording(MessageCatalogs::Compiled(), "")("category.payouts"), "Payouts");
  EXPECT_EQ(Wording::English().language(), "en");
}

TEST(MessageCatalogsTest, FallsBackToEnglishThenToTheKey) {
  const MessageCatalogs catalogs = Catalogs("a = Approved\nb = Both {x}\n", "a = Goedgekeurd\n");
  EXPECT_EQ(catalogs.Format("nl", "a", {}), "Goedgekeurd");
  EXPECT_EQ(catalogs.Format("nl", "b", {{"x", MessageArg::Text("x")}}), "Both x");
  EXPECT_EQ(catalogs.Format("de", "a", {}), "Approved");
  EXPECT_EQ(catalogs.Format("nl", "missing.key", {}), "missing.key");
}

TEST(MessageCatalogsTest, SelectChoosesByText) {
  const MessageCatalogs catalogs =
      Catalogs("s = {r, select, none {Sent.} other {Reference: {r}}}\n", "");
  EXPECT_EQ(catalogs.Format("en", "s", {{"r", MessageArg::Text("none")}}), "Sent.");
  EXPECT_EQ(catalogs.Format("en", "s", {{"r", MessageArg::Text("1Z999")}}), "Reference: 1Z999");
}

TEST(MessageCatalogsTest, MatchesTagsAndAcceptLanguageLists) {
  const MessageCatalogs catalogs = Catalogs("", "");
  struct Case {
    const char* requested;
    const char* want;
  };
  for (const Case& c : std::vector<Case>{
           {"nl", "nl"},
           {"nl-BE", "nl"},
           {"NL", "nl"},
           {"en-US,en;q=0.9", "en"},
           {"de-DE,nl;q=0.8,en;q=0.5", "nl"},
           {"de-DE,en;q=0.5,nl;q=0.8", "nl"},
           {"fr", ""},
           {"", ""},
           {"garbage;;;q=", ""},
       }) {
    EXPECT_EQ(catalogs.Match(c.requested), c.want) << c.requested;
  }
}

TEST(MessageCatalogsTest, RefusesBadCatalogs) {
  struct Case {
    std::string text;
    const char* error;
  };
  for (const Case& c : std::vector<Case>{
           {"_locale = en-GB\nno equals sign\n", "catalog en line 2: not `key = pattern`"},
           {"_locale = en-GB\nBad Key = x\n", "catalog en line 2: a key is lower-case"},
           {"_locale = en-GB\na = x\na = y\n", "catalog en line 3: a twice"},
           {"_locale = en-GB\na = {n, plural, one {x}\n", "catalog en line 2: ICU cannot parse"},
           {"a = x\n", "catalog en: no `_locale` line"},
       }) {
    absl::StatusOr<MessageCatalogs> parsed = MessageCatalogs::Parse({{"en", c.text}});
    EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument) << c.text;
    EXPECT_THAT(parsed.status().message(), HasSubstr(c.error)) << c.text;
  }
  EXPECT_EQ(MessageCatalogs::Parse({{"nl", "_locale = nl-NL\n"}}).status().message(),
            "no English (en) catalog to fall back on");
}

TEST(MessageCatalogsTest, UnescapesLineBreaksAndListsArguments) {
  const MessageCatalogs catalogs = Catalogs("a = one\\ntwo {x} {y, plural, other {#}} \\\\n\n", "");
  EXPECT_EQ(catalogs.Format("en", "a", {{"x", MessageArg::Text("X")}, {"y", MessageArg::Count(2)}}),
            "one\ntwo X 2 \\n");
  EXPECT_THAT(catalogs.ArgumentNames("en", "a"), ElementsAre("x", "y"));
}

// Every compiled catalog parses and has exactly English's keys with the same arguments, so no
// language shows an English sentence or a {placeholder}.
TEST(MessageCatalogsTest, MonthsAreInTheLocalesWords) {
  const MessageCatalogs catalogs = Catalogs("m = {m}\n", "m = {m}\n");
  const MessageArgs args = {{"m", MessageArg::Month(absl::CivilMonth(2026, 3))}};
  EXPECT_EQ(catalogs.Format("en", "m", args), "March 2026");
  EXPECT_EQ(catalogs.Format("nl", "m", args), "maart 2026");
}

TEST(MessageCatalogsTest, TranslatesErrorTextsByTheirEnglishAndPhrasesAlways) {
  const MessageCatalogs catalogs =
      Catalogs("error.required = required\nerror.n = {n} left\nother.k = required too\n",
               "error.required = verplicht\nerror.n = nog {n}\nother.k = ook verplicht\n");
  EXPECT_EQ(catalogs.Translate("nl", "required"), "verplicht");
  // Only error.* keys without arguments are matched by their English.
  EXPECT_EQ(catalogs.Translate("nl", "required too"), "required too");
  EXPECT_EQ(catalogs.Translate("nl", "{n} left"), "{n} left");
  EXPECT_EQ(catalogs.Translate("nl", "no such text"), "no such text");
  EXPECT_EQ(catalogs.Translate("en", "required"), "required");
  EXPECT_EQ(catalogs.Locale("nl"), "nl-NL");
  EXPECT_EQ(catalogs.Locale("de"), "en-GB");
}

TEST(CompiledCatalogsTest, EveryLanguageHasEveryKeyWithItsArguments) {
  const MessageCatalogs& catalogs = MessageCatalogs::Compiled();
  EXPECT_THAT(catalogs.Languages(), ElementsAre("en", "nl"));
  const std::vector<std::string> english = catalogs.Keys("en");
  EXPECT_GT(english.size(), 40u);
  for (const std::string& language : catalogs.Languages()) {
    EXPECT_EQ(catalogs.Keys(language), english) << language;
    for (const std::string& key : english) {
      EXPECT_EQ(catalogs.ArgumentNames(language, key), catalogs.ArgumentNames("en", key))
          << language << " " << key;
    }
  }
  EXPECT_EQ(catalogs.Format("nl", "notification.claim_rejected.title",
                            {{"invoice", MessageArg::Text("INV-7")}}),
            "Claim INV-7 afgewezen");
}

}  // namespace
}  // namespace cim
