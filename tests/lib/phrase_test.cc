#include "lib/phrase.h"

#include <string>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/messages.h"

namespace cim {
namespace {

using ::testing::HasSubstr;

Decimal D(const char* text) { return *Decimal::Parse(text); }

MessageCatalogs Catalogs() {
  absl::StatusOr<MessageCatalogs> parsed = MessageCatalogs::Parse(
      {{.language = "en",
        .text = "_locale = en-GB\n"
                "earned = {name} earned {amount} on {day} ({count, plural, one {# claim} "
                "other {# claims}}, {rate}%)\n"
                "plus = {a} + {b}\n"
                "part = {rate}% of {amount}\n"},
       {.language = "nl",
        .text = "_locale = nl-NL\n"
                "earned = {name} verdiende {amount} op {day} ({count, plural, one {# claim} "
                "other {# claims}}, {rate}%)\n"
                "part = {rate}% van {amount}\n"}});
  EXPECT_TRUE(parsed.ok()) << parsed.status();
  return *std::move(parsed);
}

TEST(PhraseTest, RendersInTheReadersLanguage) {
  const std::string phrase = Phrase("earned")
                                 .Text("name", "Ana: de Vries = 1")
                                 .Money("amount", D("1110.00"), "EUR")
                                 .Day("day", absl::CivilDay(2027, 2, 3))
                                 .Count("count", 2)
                                 .Number("rate", D("4.5"));
  const MessageCatalogs catalogs = Catalogs();
  EXPECT_EQ(catalogs.Render("en", phrase),
            "Ana: de Vries = 1 earned €1,110 on 3 Feb 2027 (2 claims, 4.5%)");
  EXPECT_EQ(catalogs.Render("nl", phrase),
            "Ana: de Vries = 1 verdiende €\u00a01.110 op 3 feb 2027 (2 claims, 4,5%)");
  EXPECT_EQ(Wording(catalogs, "nl").Render(phrase), catalogs.Render("nl", phrase));
}

TEST(PhraseTest, NestedPhrasesRenderInTheSameLanguageAndMissingKeysFallBackToEnglish) {
  const std::string one = Phrase("part").Number("rate", D("2")).Money("amount", D("500"), "EUR");
  const std::string two = Phrase("part").Number("rate", D("3")).Money("amount", D("20.5"), "EUR");
  const std::string sum = Phrase("plus").Text("a", one).Text("b", two);
  const std::string nested = Phrase("plus").Text("a", sum).Text("b", "words");
  EXPECT_EQ(Catalogs().Render("en", nested), "2% of €500 + 3% of €20.50 + words");
  // "plus" exists only in English; its parts are still Dutch.
  EXPECT_EQ(Catalogs().Render("nl", nested), "2% van €\u00a0500 + 3% van €\u00a020,50 + words");
}

TEST(PhraseTest, ListsOfPhrasesAreInTheLanguagesWordsAndMayStartASentence) {
  const std::string one = Phrase("part").Number("rate", D("2")).Money("amount", D("500"), "EUR");
  const std::string list = Phrase("plus")
                               .List("a", {one, "words", "ünits"})
                               .List("b", {"éclair", one}, /*capitalized=*/true);
  EXPECT_EQ(Catalogs().Render("en", list), "2% of €500, words and ünits + Éclair and 2% of €500");
  EXPECT_EQ(Catalogs().Render("nl", list),
            "2% van €\u00a0500, words en ünits + Éclair en 2% van €\u00a0500");
  EXPECT_EQ(Catalogs().Render("en", Phrase("plus").List("a", {}).Text("b", "x").str()), " + x");
  const std::string either = Phrase("plus").OrList("a", {"gold", "platinum"}).Text("b", "x");
  EXPECT_EQ(Catalogs().Render("en", either), "gold or platinum + x");
  EXPECT_EQ(Catalogs().Render("nl", either), "gold of platinum + x");
}

TEST(PhraseTest, DecodesWhatItEncodes) {
  const std::string phrase = Phrase("k")
                                 .Text("empty", "")
                                 .Count("n", -3)
                                 .Count("points", D("1250.75"))
                                 .Month("m", absl::CivilMonth(2026, 3));
  absl::StatusOr<DecodedPhrase> decoded = DecodePhrase(phrase);
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_EQ(decoded->key, "k");
  ASSERT_EQ(decoded->args.size(), 4u);
  EXPECT_EQ(decoded->args[0].first, "empty");
  EXPECT_EQ(decoded->args[0].second.text(), "");
  EXPECT_EQ(decoded->args[1].second.count(), -3);
  EXPECT_EQ(decoded->args[2].second.count(), 1250);  // the whole part
  EXPECT_EQ(decoded->args[3].second.kind(), MessageArg::Kind::kMonth);
  EXPECT_EQ(absl::CivilMonth(decoded->args[3].second.day()), absl::CivilMonth(2026, 3));
  EXPECT_EQ(DecodePhrase(Phrase("only-a-key").str())->key, "only-a-key");
}

TEST(PhraseTest, TextThatIsNotAPhraseRendersAsItIs) {
  EXPECT_FALSE(IsPhrase("Great work on the Amstel deal"));
  EXPECT_EQ(Catalogs().Render("nl", "Great work"), "Great work");
  EXPECT_EQ(Catalogs().Render("nl", ""), "");
}

TEST(PhraseTest, BrokenPhrasesAreRefusedAndRenderWithoutTheirMarks) {
  const struct {
    std::string text;
    std::string why;
  } cases[] = {
      {"plain", "no mark"},
      {"\x1e", "no key"},
      {"\x1ek\x1fname", "an argument"},
      {"\x1ek\x1fname=t9:abc", "a length"},
      {"\x1ek\x1fname=tx:abc", "a length"},
      {"\x1ek\x1fn=c3:abc", "a count"},
      {"\x1ek\x1fn=n3:abc", "a number"},
      {"\x1ek\x1fm=m4:12.5", "money"},
      {"\x1ek\x1f"
       "d=d10:2027-02-31",
       "a day"},
      {"\x1ek\x1f"
       "d=M7:2027-13",
       "a month"},
      {"\x1ek\x1fx=z1:a", "an argument kind"},
      {"\x1ek\x1f"
       "a=t1:bc",
       "text after an argument"},
      {"\x1ek\x1f"
       "a=l4:9:ab",
       "a list"},
  };
  for (const auto& c : cases) {
    absl::StatusOr<DecodedPhrase> decoded = DecodePhrase(c.text);
    EXPECT_EQ(decoded.status().code(), absl::StatusCode::kInvalidArgument) << c.why;
    EXPECT_THAT(decoded.status().message(), HasSubstr(c.why));
  }
  EXPECT_EQ(Catalogs().Render("en", "\x1ek\x1fname=t9:abc"), "k name=t9:abc");
}

}  // namespace
}  // namespace cim
