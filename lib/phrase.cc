#include "lib/phrase.h"

#include <cstddef>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "lib/dates.h"

namespace cim {
namespace {

constexpr char kArgumentMark = '\x1f';

absl::Status NotAPhrase(absl::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat("not a phrase: ", why));
}

// The "<length>:<value>" at the start of `text`, which it then drops. False if there is none.
bool TakeSized(absl::string_view& text, absl::string_view& value) {
  const size_t colon = text.find(':');
  size_t length = 0;
  if (colon == absl::string_view::npos || !absl::SimpleAtoi(text.substr(0, colon), &length) ||
      length > text.size() - colon - 1) {
    return false;
  }
  value = text.substr(colon + 1, length);
  text.remove_prefix(colon + 1 + length);
  return true;
}

absl::StatusOr<MessageArg> ArgOf(char kind, absl::string_view value) {
  switch (kind) {
    case 'l':
    case 'L':
    case 'o': {
      std::vector<std::string> items;
      absl::string_view item;
      while (!value.empty()) {
        if (!TakeSized(value, item)) return NotAPhrase("a list");
        items.emplace_back(item);
      }
      return MessageArg::List(std::move(items), kind == 'L', kind == 'o');
    }
    case 't':
      return MessageArg::Text(value);
    case 'c': {
      int64_t count = 0;
      if (!absl::SimpleAtoi(value, &count)) return NotAPhrase("a count");
      return MessageArg::Count(count);
    }
    case 'n': {
      absl::StatusOr<Decimal> number = Decimal::Parse(value);
      if (!number.ok()) return NotAPhrase("a number");
      return MessageArg::Number(*number);
    }
    case 'm': {
      const size_t space = value.find(' ');
      if (space == absl::string_view::npos) return NotAPhrase("money");
      absl::StatusOr<Decimal> amount = Decimal::Parse(value.substr(0, space));
      if (!amount.ok()) return NotAPhrase("money");
      return MessageArg::Money(*amount, value.substr(space + 1));
    }
    case 'd': {
      absl::StatusOr<absl::CivilDay> day = ParseDate(value);
      if (!day.ok()) return NotAPhrase("a day");
      return MessageArg::Day(*day);
    }
    case 'M': {
      absl::CivilMonth month;
      if (!absl::ParseCivilTime(value, &month)) return NotAPhrase("a month");
      return MessageArg::Month(month);
    }
    default:
      return NotAPhrase("an argument kind");
  }
}

}  // namespace

MessageArg MessageArg::Text(absl::string_view text) {
  MessageArg arg;
  arg.text_ = std::string(text);
  return arg;
}

MessageArg MessageArg::Count(int64_t count) {
  MessageArg arg;
  arg.kind_ = Kind::kCount;
  arg.count_ = count;
  return arg;
}

MessageArg MessageArg::Number(const Decimal& value) {
  MessageArg arg;
  arg.kind_ = Kind::kNumber;
  arg.decimal_ = value;
  return arg;
}

MessageArg MessageArg::Money(const Decimal& amount, absl::string_view currency_code) {
  MessageArg arg;
  arg.kind_ = Kind::kMoney;
  arg.decimal_ = amount;
  arg.text_ = std::string(currency_code);
  return arg;
}

MessageArg MessageArg::Day(absl::CivilDay day) {
  MessageArg arg;
  arg.kind_ = Kind::kDay;
  arg.day_ = day;
  return arg;
}

MessageArg MessageArg::Month(absl::CivilMonth month) {
  MessageArg arg;
  arg.kind_ = Kind::kMonth;
  arg.day_ = absl::CivilDay(month);
  return arg;
}

MessageArg MessageArg::List(std::vector<std::string> items, bool capitalized, bool alternatives) {
  MessageArg arg;
  arg.kind_ = Kind::kList;
  arg.items_ = std::move(items);
  arg.capitalized_ = capitalized;
  arg.alternatives_ = alternatives;
  return arg;
}

Phrase::Phrase(absl::string_view key) : encoded_(absl::StrCat(std::string(1, kPhraseMark), key)) {}

Phrase& Phrase::Add(absl::string_view name, char kind, absl::string_view value) {
  absl::StrAppend(&encoded_, std::string(1, kArgumentMark), name, "=", std::string(1, kind),
                  value.size(), ":", value);  // PhraseTextHead for kind 't'

  return *this;
}

Phrase& Phrase::Text(absl::string_view name, absl::string_view value) {
  return Add(name, 't', value);
}

Phrase& Phrase::Count(absl::string_view name, int64_t value) {
  return Add(name, 'c', absl::StrCat(value));
}

Phrase& Phrase::Count(absl::string_view name, const Decimal& value) {
  return Add(name, 'c', value.Truncated(0).ToString());
}

Phrase& Phrase::Number(absl::string_view name, const Decimal& value) {
  return Add(name, 'n', value.ToString());
}

Phrase& Phrase::Money(absl::string_view name, const Decimal& amount,
                      absl::string_view currency_code) {
  return Add(name, 'm', absl::StrCat(amount.ToString(), " ", currency_code));
}

Phrase& Phrase::Day(absl::string_view name, absl::CivilDay value) {
  return Add(name, 'd', FormatDate(value));
}

Phrase& Phrase::Month(absl::string_view name, absl::CivilMonth value) {
  return Add(name, 'M', absl::FormatCivilTime(value));
}

namespace {

// A list argument's value: each item as "<length>:<item>".
std::string ListValue(const std::vector<std::string>& items) {
  std::string value;
  for (const std::string& item : items) absl::StrAppend(&value, item.size(), ":", item);
  return value;
}

}  // namespace

Phrase& Phrase::List(absl::string_view name, const std::vector<std::string>& items,
                     bool capitalized) {
  return Add(name, capitalized ? 'L' : 'l', ListValue(items));
}

Phrase& Phrase::OrList(absl::string_view name, const std::vector<std::string>& items) {
  return Add(name, 'o', ListValue(items));
}

std::string PhraseTextHead(absl::string_view name) {
  return absl::StrCat(std::string(1, kArgumentMark), name, "=t");
}

absl::StatusOr<DecodedPhrase> DecodePhrase(absl::string_view text) {
  if (!IsPhrase(text)) return NotAPhrase("no mark");
  text.remove_prefix(1);
  DecodedPhrase out;
  size_t next = text.find(kArgumentMark);
  out.key = std::string(text.substr(0, next));
  if (out.key.empty()) return NotAPhrase("no key");
  while (next != absl::string_view::npos) {
    text.remove_prefix(next + 1);
    const size_t equals = text.find('=');
    if (equals == absl::string_view::npos || equals + 2 > text.size() ||
        text.find(':') == absl::string_view::npos) {
      return NotAPhrase("an argument");
    }
    const std::string name(text.substr(0, equals));
    const char kind = text[equals + 1];
    text.remove_prefix(equals + 2);
    absl::string_view value;
    if (!TakeSized(text, value)) return NotAPhrase("a length");
    absl::StatusOr<MessageArg> arg = ArgOf(kind, value);
    if (!arg.ok()) return arg.status();
    out.args.emplace_back(name, *std::move(arg));
    if (text.empty()) break;
    if (text[0] != kArgumentMark) return NotAPhrase("text after an argument");
    next = 0;
  }
  return out;
}

}  // namespace cim
