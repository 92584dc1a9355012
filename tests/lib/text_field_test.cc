#include "lib/text_field.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/phrase_matchers.h"

namespace cim {
namespace {

using ::cim::testing::InEnglish;

TEST(TextFieldTest, HtmlEscapesMarkupAndQuotes) {
  EXPECT_EQ(HtmlEscaped("Rosa & <b>\"Jan's\"</b>"),
            "Rosa &amp; &lt;b&gt;&quot;Jan&#39;s&quot;&lt;/b&gt;");
  EXPECT_EQ(HtmlEscaped("€ 1.110,00"), "€ 1.110,00");
}

TEST(TextFieldTest, TruncatesAtCharacterBoundaries) {
  EXPECT_EQ(TruncateCodePoints("abc", 5), "abc");
  EXPECT_EQ(TruncateCodePoints("abc", 2), "ab");
  EXPECT_EQ(TruncateCodePoints("a→b×c", 3), "a→b");  // multi-byte characters stay whole
  EXPECT_EQ(TruncateCodePoints("→→", 1), "→");
  EXPECT_EQ(TruncateCodePoints("", 0), "");
  EXPECT_EQ(CodePoints(TruncateCodePoints("Köln Großhandel", 6)), 6u);
}

TEST(TextFieldTest, ValidatesLengthsInCharacters) {
  FieldErrors errors;
  ValidateText("  ", "name", 1, 10, errors);
  ValidateText("Ünïcödé", "name2", 1, 7, errors);
  ValidateText("12345678", "name3", 1, 7, errors);
  ASSERT_EQ(errors.violations().size(), 2u);
  EXPECT_EQ(errors.violations()[0].first, "name");
  EXPECT_EQ(errors.violations()[1].first, "name3");
}

TEST(TextFieldTest, RefusesControlCharactersButKeepsLineBreaksInText) {
  struct Case {
    const char* name;
    std::string value;
    bool ok;
  } cases[] = {
      {"plain", "Invoice checked", true},
      {"line breaks and tabs", "line 1\n\tline 2\r\n", true},
      {"NUL", std::string("a\0b", 3), false},
      {"escape", "a\x1b[31mred", false},
      {"DEL", "a\x7f", false},
      {"C1 next line",
       "a\xc2\x85"
       "b",
       false},
      {"accented letters are not C1", "Caf\xc3\xa9 \xc2\xa9", true},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    FieldErrors errors;
    ValidateText(c.value, "message", 1, 100, errors);
    EXPECT_EQ(errors.empty(), c.ok);
  }
}

TEST(TextFieldTest, FileNamesHaveNoControlCharactersQuotesOrSlashes) {
  struct Case {
    const char* name;
    std::string value;
    const char* violation;  // nullptr: accepted
  } cases[] = {
      {"ordinary", "invoice 2026-03 (scan).pdf", nullptr},
      {"unicode", "facture_\xc3\xa9t\xc3\xa9.pdf", nullptr},
      {"empty", "  ", "required"},
      {"too long", std::string(201, 'a'), "at most 200 characters"},
      {"double quote", "a\".pdf", "without control characters, quotes or slashes"},
      {"single quote", "a'.pdf", "without control characters, quotes or slashes"},
      {"slash", "../etc/passwd", "without control characters, quotes or slashes"},
      {"backslash", "C:\\temp\\a.pdf", "without control characters, quotes or slashes"},
      {"newline", "a\r\nContent-Type: text/html", "without control characters, quotes or slashes"},
      {"tab", "a\tb.pdf", "without control characters, quotes or slashes"},
      {"NUL", std::string("a\0.pdf", 6), "without control characters, quotes or slashes"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    FieldErrors errors;
    ValidateFileName(c.value, "metadata.filename", errors);
    if (c.violation == nullptr) {
      EXPECT_TRUE(errors.empty());
    } else {
      ASSERT_EQ(errors.violations().size(), 1u);
      EXPECT_EQ(errors.violations()[0].first, "metadata.filename");
      EXPECT_THAT(errors.violations()[0].second, ::testing::HasSubstr(c.violation));
    }
  }
}

TEST(TextFieldTest, IdempotencyKeysAreEightToAHundredPrintableCharacters) {
  struct Case {
    std::string key;
    bool ok;
  } cases[] = {
      {"order-7f3a", true},           {"12345678", true},
      {std::string(100, 'k'), true},  {"1234567", false},
      {std::string(101, 'k'), false}, {"with space", false},
      {"tab\tkey-long", false},       {"", false},
  };
  for (const Case& c : cases) {
    FieldErrors errors;
    ValidateIdempotencyKey(c.key, errors);
    EXPECT_EQ(errors.empty(), c.ok) << c.key;
    if (!c.ok) {
      EXPECT_EQ(InEnglish(std::string(errors.ToStatus().message())),
                "invalid request: idempotency_key: 8 to 100 printable characters, unique per "
                "request");
    }
  }
}

TEST(TextFieldTest, TierAndRegionCodes) {
  struct Case {
    std::string code;
    bool tier;
    bool region;
  } cases[] = {
      {"gold", true, true},
      {"top_partner-2", true, false},
      {"EMEA-NL", false, true},
      {std::string(32, 'a'), true, true},
      {std::string(33, 'a'), false, false},
      {"", false, false},
      {"gold tier", false, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.code);
    FieldErrors tier;
    EXPECT_EQ(ValidateTierCode(c.code, "tier", tier), c.tier);
    EXPECT_EQ(tier.empty(), c.tier);
    if (!c.tier) {
      EXPECT_EQ(InEnglish(std::string(tier.ToStatus().message())),
                "invalid request: tier: 1 to 32 of a-z, 0-9, '-' and '_'");
    }
    FieldErrors region;
    ValidateRegionCode(c.code, "region", region);
    EXPECT_EQ(region.empty(), c.region);
    if (!c.region) {
      EXPECT_EQ(InEnglish(std::string(region.ToStatus().message())),
                "invalid request: region: 1 to 32 of A-Z, a-z, 0-9 and '-'");
    }
  }
}

TEST(TextFieldTest, EmailAddressesCannotBreakAHeader) {
  struct Case {
    std::string address;
    bool ok;
  } cases[] = {
      {"rosa.larsen@amstel.example", true},
      {"a@b", true},
      {"no-at-sign.example", false},
      {"@amstel.example", false},
      {"rosa@", false},
      {"two@at@signs", false},
      {"rosa larsen@amstel.example", false},
      {"rosa@amstel.example\r\nBcc: x@y.z", false},
      {"rosa>@amstel.example", false},
      {std::string(250, 'a') + "@b.nl", false},
  };
  for (const Case& c : cases) EXPECT_EQ(IsEmailAddress(c.address), c.ok) << c.address;
}

}  // namespace
}  // namespace cim
