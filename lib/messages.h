// Texts for people in their language: ICU message catalogs (lib/catalogs/<language>.txt, compiled
// into the binary: a new language is a new catalog, not code), the choice of a catalog for a
// saved preference or an Accept-Language list, and numbers, money and dates in the reader's
// locale. Plurals and selections are ICU MessageFormat's, never string concatenation.
//
// A catalog is lines of `key = pattern` (ICU MessageFormat; `\n` is a line break), `#`
// comments and blank lines. Its `_locale` line names the locale its numbers, money and dates
// follow (`_locale = en-GB`).
#ifndef CIM_LIB_MESSAGES_H_
#define CIM_LIB_MESSAGES_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "lib/decimal.h"

namespace cim {

// One named argument of a message.
class MessageArg {
 public:
  // Text as it is (a name, an invoice number).
  static MessageArg Text(absl::string_view text);
  // A whole number: plural and select forms choose by it; shown in the locale's digits.
  static MessageArg Count(int64_t count);
  // A decimal in the locale's digits ("4,5" in Dutch), exactly.
  static MessageArg Number(const Decimal& value);
  // Money in the locale's form ("€1,110.00", "€ 1.110,00"); whole amounts without a fraction.
  static MessageArg Money(const Decimal& amount, absl::string_view currency_code);
  // A day in the locale's medium form ("7 Dec 2026", "7 dec 2026").
  static MessageArg Day(absl::CivilDay day);

  enum class Kind { kText, kCount, kNumber, kMoney, kDay };
  Kind kind() const { return kind_; }
  const std::string& text() const { return text_; }
  int64_t count() const { return count_; }
  const Decimal& decimal() const { return decimal_; }
  absl::CivilDay day() const { return day_; }

 private:
  Kind kind_ = Kind::kText;
  std::string text_;  // the text, or the currency code of money
  int64_t count_ = 0;
  Decimal decimal_;
  absl::CivilDay day_;
};

// Named arguments, in any order.
using MessageArgs = std::vector<std::pair<std::string, MessageArg>>;

class MessageCatalogs {
 public:
  // A catalog's source: its language ("nl") and text.
  struct Source {
    std::string language;
    std::string text;
  };

  // Parses `sources`. INVALID_ARGUMENT naming the catalog and line for a line that is not
  // `key = pattern`, a key twice, a pattern ICU cannot parse, a catalog without `_locale`; or
  // when there is no "en" catalog (the fallback).
  static absl::StatusOr<MessageCatalogs> Parse(const std::vector<Source>& sources);

  // The catalogs compiled into this binary (lib/catalogs/*.txt). Aborts if one does not parse
  // (messages_test parses them all).
  static const MessageCatalogs& Compiled();

  // The languages with a catalog, sorted.
  std::vector<std::string> Languages() const;

  // The catalog language for a language tag ("nl", "nl-BE") or an Accept-Language list
  // ("de-DE,nl;q=0.8,en;q=0.5" → "nl"): the first by preference whose language has a catalog.
  // Empty when none does (the caller falls back).
  std::string Match(absl::string_view requested) const;

  // The message `key` in `language` with `args`: the English pattern where `language` has no
  // catalog or lacks the key; the key itself where no catalog has it. An argument the pattern
  // names but `args` lacks shows as its {name}.
  std::string Format(absl::string_view language, absl::string_view key,
                     const MessageArgs& args) const;

  // `args` formatted alone, as Format shows them.
  std::string FormatMoney(absl::string_view language, const Decimal& amount,
                          absl::string_view currency_code) const;
  std::string FormatDay(absl::string_view language, absl::CivilDay day) const;
  // `items` as a list in the language's words ("a, b and c", "a, b en c").
  std::string FormatList(absl::string_view language, const std::vector<std::string>& items) const;

  // The keys of `language`'s catalog (without `_locale`), sorted; and the argument names a
  // key's pattern uses, sorted. For the tests that keep catalogs in step.
  std::vector<std::string> Keys(absl::string_view language) const;
  std::vector<std::string> ArgumentNames(absl::string_view language, absl::string_view key) const;

 private:
  struct Catalog {
    std::string locale;  // ICU locale id ("en_GB")
    absl::flat_hash_map<std::string, std::string> patterns;
  };
  // The catalog of `language`, else English.
  const Catalog& CatalogOf(absl::string_view language) const;

  absl::flat_hash_map<std::string, Catalog> catalogs_;
};

// The catalogs in one reader's language: what rules that write texts for people are given.
class Wording {
 public:
  // `language` as Principal::language has it ("" reads English).
  Wording(const MessageCatalogs& catalogs, absl::string_view language)
      : catalogs_(catalogs), language_(language.empty() ? "en" : std::string(language)) {}
  // English from the compiled catalogs (texts stored for everyone, tests).
  static Wording English() { return Wording(MessageCatalogs::Compiled(), "en"); }

  std::string operator()(absl::string_view key, const MessageArgs& args = {}) const {
    return catalogs_.Format(language_, key, args);
  }
  std::string List(const std::vector<std::string>& items) const {
    return catalogs_.FormatList(language_, items);
  }
  const std::string& language() const { return language_; }

 private:
  const MessageCatalogs& catalogs_;
  std::string language_;
};

}  // namespace cim

#endif  // CIM_LIB_MESSAGES_H_
