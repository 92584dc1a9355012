// Texts for people written before their reader is known: a ledger entry's basis, a feed headline,
// a progress line, a reason. A Phrase is a catalog key (lib/catalogs) with its arguments, encoded
// into an ordinary string, so it is stored in any text column and travels in any text field; it
// is rendered in the reader's language where it leaves the server (MessageCatalogs::Render in
// lib/messages.h, for every response in server/rpc). Writing and reading phrases needs no
// catalog, so every layer may write them (lib/ and FieldErrors descriptions included). Text that
// is not a phrase renders as it is, so people's own words (a kudos message, a reviewer's note) and
// texts stored before phrases pass unchanged.
//
// The encoding: the mark U+001E, the key, then for each argument U+001F, its name, '=', a kind
// letter (t text, c count, n number, m money, d day, M month, l list, L capitalized list, o list
// of alternatives), the value's length in bytes, ':' and the value ("1110.00 EUR" for money,
// "2027-02-03" for a day, "2027-02" for a month, each item as "<length>:<item>" for a list).
// Lengths make nesting free: a text argument or a list item may itself be a phrase, rendered in
// the same language. No text a person enters holds a control character (lib/text_field), so
// nothing else starts with the mark.
#ifndef CIM_LIB_PHRASE_H_
#define CIM_LIB_PHRASE_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

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
  // A month and year in the locale's words ("March 2026", "maart 2026").
  static MessageArg Month(absl::CivilMonth month);
  // Texts (each may be a phrase) as a list in the language's words: "a, b and c", or with
  // `alternatives` "a, b or c"; with `capitalized`, its first letter upper-case (a list that
  // starts a sentence).
  static MessageArg List(std::vector<std::string> items, bool capitalized = false,
                         bool alternatives = false);

  enum class Kind { kText, kCount, kNumber, kMoney, kDay, kMonth, kList };
  Kind kind() const { return kind_; }
  const std::string& text() const { return text_; }
  int64_t count() const { return count_; }
  const Decimal& decimal() const { return decimal_; }
  absl::CivilDay day() const { return day_; }
  const std::vector<std::string>& items() const { return items_; }
  bool capitalized() const { return capitalized_; }
  bool alternatives() const { return alternatives_; }

 private:
  Kind kind_ = Kind::kText;
  std::string text_;  // the text, or the currency code of money
  int64_t count_ = 0;
  Decimal decimal_;
  absl::CivilDay day_;
  std::vector<std::string> items_;
  bool capitalized_ = false;
  bool alternatives_ = false;
};

// Named arguments, in any order.
using MessageArgs = std::vector<std::pair<std::string, MessageArg>>;

inline constexpr char kPhraseMark = '\x1e';

class Phrase {
 public:
  explicit Phrase(absl::string_view key);

  // Each adds an argument the key's pattern names (MessageArg says how it is shown).
  Phrase& Text(absl::string_view name, absl::string_view value);
  Phrase& Count(absl::string_view name, int64_t value);
  // The whole part of `value` (points) as a count.
  Phrase& Count(absl::string_view name, const Decimal& value);
  Phrase& Number(absl::string_view name, const Decimal& value);
  Phrase& Money(absl::string_view name, const Decimal& amount, absl::string_view currency_code);
  Phrase& Day(absl::string_view name, absl::CivilDay value);
  Phrase& Month(absl::string_view name, absl::CivilMonth value);
  // `items` (texts or phrases) as a list in the reader's words ("a, b and c"); see
  // MessageArg::List.
  Phrase& List(absl::string_view name, const std::vector<std::string>& items,
               bool capitalized = false);
  // The same as alternatives ("a, b or c").
  Phrase& OrList(absl::string_view name, const std::vector<std::string>& items);

  // The encoded phrase.
  const std::string& str() const { return encoded_; }
  operator std::string() const { return encoded_; }  // NOLINT: a phrase is a text

 private:
  Phrase& Add(absl::string_view name, char kind, absl::string_view value);
  std::string encoded_;
};

// True if `text` is an encoded phrase.
inline bool IsPhrase(absl::string_view text) { return !text.empty() && text[0] == kPhraseMark; }

struct DecodedPhrase {
  std::string key;
  MessageArgs args;
};

// What precedes a text argument's "<length>:<value>" (for SQL that writes phrases with
// arguments from rows: server/db/sql_builder.h).
std::string PhraseTextHead(absl::string_view name);

// The key and arguments of encoded `text`. INVALID_ARGUMENT if it is not a whole phrase.
absl::StatusOr<DecodedPhrase> DecodePhrase(absl::string_view text);

}  // namespace cim

#endif  // CIM_LIB_PHRASE_H_
