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
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "lib/decimal.h"
#include "lib/phrase.h"

namespace cim {

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

  // `text` for a reader of `language`: an encoded Phrase (lib/phrase.h) formatted, any other
  // text as it is. A text argument that is itself a phrase is rendered the same way, and a
  // phrase that does not decode shows as its text without the marks.
  std::string Render(absl::string_view language, absl::string_view text) const;

  // An error's words for a reader of `language`: a phrase rendered; a text that is exactly the
  // English of an `error.` key without arguments ("required") in `language`'s words (the
  // English text is the key, as gettext's msgid is); any other text as it is.
  std::string Translate(absl::string_view language, absl::string_view text) const;

  // The locale `language`'s numbers and dates follow, as a BCP-47 tag ("nl-NL"); English's
  // for a language without a catalog.
  const std::string& Locale(absl::string_view language) const;

  // `args` formatted alone, as Format shows them.
  std::string FormatMoney(absl::string_view language, const Decimal& amount,
                          absl::string_view currency_code) const;
  std::string FormatDay(absl::string_view language, absl::CivilDay day) const;
  // `items` as a list in the language's words ("a, b and c", "a, b en c"; with
  // `alternatives`, "a, b or c").
  std::string FormatList(absl::string_view language, const std::vector<std::string>& items,
                         bool alternatives = false) const;

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
  // The English text of each `error.` key without arguments → the key.
  absl::flat_hash_map<std::string, std::string> error_keys_;
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
  // Stored `text` (a Phrase or people's own words) for this reader.
  std::string Render(absl::string_view text) const { return catalogs_.Render(language_, text); }
  // An error's words for this reader (MessageCatalogs::Translate).
  std::string Translate(absl::string_view text) const {
    return catalogs_.Translate(language_, text);
  }
  // `status`'s message in this reader's words: a phrase rendered, plain English through
  // Translate, and the message of FieldErrors (INVALID_ARGUMENT with a google.rpc.BadRequest
  // payload) written again from its violations, each description in the reader's words
  // ("ongeldige aanvraag: email: verplicht"). Empty for OK.
  std::string Message(const absl::Status& status) const;
  // BCP-47 ("nl-NL").
  const std::string& locale() const { return catalogs_.Locale(language_); }
  const std::string& language() const { return language_; }

 private:
  const MessageCatalogs& catalogs_;
  std::string language_;
};

}  // namespace cim

#endif  // CIM_LIB_MESSAGES_H_
