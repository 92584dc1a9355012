#include "lib/messages.h"

#include <unicode/datefmt.h>
#include <unicode/dtptngen.h>
#include <unicode/listformatter.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
#include <unicode/numberformatter.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/uenum.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "google/rpc/error_details.pb.h"
#include "lib/phrase.h"
#include "lib/status_util.h"

namespace cim {

// Defined in the catalogs.cc the build generates from lib/catalogs/*.txt.
std::vector<MessageCatalogs::Source> CompiledCatalogSources();

namespace {

constexpr char kFallbackLanguage[] = "en";
constexpr char kLocaleKey[] = "_locale";

std::string Utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

icu::UnicodeString Unicode(absl::string_view text) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
}

bool IsKey(absl::string_view key) {
  return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return absl::ascii_islower(c) || absl::ascii_isdigit(c) || c == '_' || c == '.';
  });
}

// `\n` as a line break and `\\` as a backslash.
std::string Unescape(absl::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size() && (text[i + 1] == 'n' || text[i + 1] == '\\')) {
      out += text[i + 1] == 'n' ? '\n' : '\\';
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string FormatMoneyIn(const icu::Locale& locale, const Decimal& amount,
                          absl::string_view currency_code) {
  UErrorCode status = U_ZERO_ERROR;
  icu::CurrencyUnit unit(icu::StringPiece(currency_code.data(), currency_code.size()), status);
  if (U_FAILURE(status) || currency_code.size() != 3) {
    return absl::StrCat(currency_code, " ", amount.ToString());
  }
  const bool whole = amount.SignificantScale() == 0;
  const std::string digits = amount.ToString();
  icu::UnicodeString out =
      icu::number::NumberFormatter::withLocale(locale)
          .unit(unit)
          .precision(whole ? icu::number::Precision(icu::number::Precision::integer())
                           : icu::number::Precision(
                                 icu::number::Precision::currency(UCURR_USAGE_STANDARD)))
          .roundingMode(UNUM_ROUND_HALFUP)
          .formatDecimal(icu::StringPiece(digits.data(), digits.size()), status)
          .toString(status);
  if (U_FAILURE(status)) return absl::StrCat(currency_code, " ", digits);
  return Utf8(out);
}

std::string FormatNumberIn(const icu::Locale& locale, const Decimal& value) {
  UErrorCode status = U_ZERO_ERROR;
  const std::string digits = value.ToString();
  icu::UnicodeString out =
      icu::number::NumberFormatter::withLocale(locale)
          .precision(icu::number::Precision::unlimited())
          .formatDecimal(icu::StringPiece(digits.data(), digits.size()), status)
          .toString(status);
  return U_FAILURE(status) ? digits : Utf8(out);
}

std::string FormatDayIn(const icu::Locale& locale, absl::CivilDay day) {
  std::unique_ptr<icu::DateFormat> format(
      icu::DateFormat::createDateInstance(icu::DateFormat::kMedium, locale));
  if (format == nullptr) return absl::FormatCivilTime(day);
  format->setTimeZone(*icu::TimeZone::getGMT());
  icu::UnicodeString out;
  format->format(static_cast<UDate>(absl::ToUnixMillis(absl::FromCivil(day, absl::UTCTimeZone()))),
                 out);
  return Utf8(out);
}

std::string FormatMonthIn(const icu::Locale& locale, absl::CivilMonth month) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::DateTimePatternGenerator> generator(
      icu::DateTimePatternGenerator::createInstance(locale, status));
  if (U_FAILURE(status)) return absl::FormatCivilTime(month);
  const icu::UnicodeString pattern = generator->getBestPattern(u"yMMMM", status);
  icu::SimpleDateFormat format(pattern, locale, status);
  if (U_FAILURE(status)) return absl::FormatCivilTime(month);
  format.setTimeZone(*icu::TimeZone::getGMT());
  icu::UnicodeString out;
  format.format(static_cast<UDate>(absl::ToUnixMillis(absl::FromCivil(month, absl::UTCTimeZone()))),
                out);
  return Utf8(out);
}

icu::Formattable ToFormattable(const icu::Locale& locale, const MessageArg& arg) {
  switch (arg.kind()) {
    case MessageArg::Kind::kCount:
      return icu::Formattable(static_cast<int64_t>(arg.count()));
    case MessageArg::Kind::kNumber:
      return icu::Formattable(Unicode(FormatNumberIn(locale, arg.decimal())));
    case MessageArg::Kind::kMoney:
      return icu::Formattable(Unicode(FormatMoneyIn(locale, arg.decimal(), arg.text())));
    case MessageArg::Kind::kDay:
      return icu::Formattable(Unicode(FormatDayIn(locale, arg.day())));
    case MessageArg::Kind::kMonth:
      return icu::Formattable(Unicode(FormatMonthIn(locale, absl::CivilMonth(arg.day()))));
    case MessageArg::Kind::kText:
    case MessageArg::Kind::kList:  // Format renders lists (their items may be phrases)
      break;
  }
  return icu::Formattable(Unicode(arg.text()));
}

}  // namespace

absl::StatusOr<MessageCatalogs> MessageCatalogs::Parse(const std::vector<Source>& sources) {
  MessageCatalogs out;
  for (const Source& source : sources) {
    const std::string where = absl::StrCat("catalog ", source.language);
    if (source.language.empty() || out.catalogs_.contains(source.language)) {
      return absl::InvalidArgumentError(absl::StrCat(where, ": a language once, by name"));
    }
    Catalog catalog;
    int number = 0;
    for (absl::string_view line : absl::StrSplit(source.text, '\n')) {
      ++number;
      line = absl::StripAsciiWhitespace(line);
      if (line.empty() || line[0] == '#') continue;
      const size_t eq = line.find('=');
      const std::string at = absl::StrCat(where, " line ", number);
      if (eq == absl::string_view::npos) {
        return absl::InvalidArgumentError(absl::StrCat(at, ": not `key = pattern`"));
      }
      const std::string key(absl::StripAsciiWhitespace(line.substr(0, eq)));
      const std::string pattern = Unescape(absl::StripAsciiWhitespace(line.substr(eq + 1)));
      if (!IsKey(key)) {
        return absl::InvalidArgumentError(
            absl::StrCat(at, ": a key is lower-case letters, digits, '_' and '.'"));
      }
      if (key == kLocaleKey) {
        catalog.locale = pattern;
        continue;
      }
      UErrorCode status = U_ZERO_ERROR;
      UParseError error;
      icu::MessageFormat check(Unicode(pattern), icu::Locale::getRoot(), error, status);
      if (U_FAILURE(status)) {
        return absl::InvalidArgumentError(absl::StrCat(at, ": ICU cannot parse the pattern (",
                                                       u_errorName(status), " at offset ",
                                                       error.offset, ")"));
      }
      if (!catalog.patterns.emplace(key, pattern).second) {
        return absl::InvalidArgumentError(absl::StrCat(at, ": ", key, " twice"));
      }
    }
    if (catalog.locale.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(where, ": no `_locale` line"));
    }
    out.catalogs_.emplace(source.language, std::move(catalog));
  }
  if (!out.catalogs_.contains(kFallbackLanguage)) {
    return absl::InvalidArgumentError("no English (en) catalog to fall back on");
  }
  for (const auto& [key, pattern] : out.catalogs_.at(kFallbackLanguage).patterns) {
    if (absl::StartsWith(key, "error.") && out.ArgumentNames(kFallbackLanguage, key).empty()) {
      out.error_keys_.emplace(out.Format(kFallbackLanguage, key, {}), key);
    }
  }
  return out;
}

const MessageCatalogs& MessageCatalogs::Compiled() {
  static const MessageCatalogs* const compiled = [] {
    absl::StatusOr<MessageCatalogs> parsed = Parse(CompiledCatalogSources());
    if (!parsed.ok()) {
      std::cerr << "cim: the compiled message catalogs do not parse: " << parsed.status() << "\n";
      std::abort();
    }
    return new MessageCatalogs(*std::move(parsed));
  }();
  return *compiled;
}

std::vector<std::string> MessageCatalogs::Languages() const {
  std::vector<std::string> out;
  for (const auto& [language, catalog] : catalogs_) out.push_back(language);
  std::sort(out.begin(), out.end());
  return out;
}

std::string MessageCatalogs::Match(absl::string_view requested) const {
  if (requested.empty()) return "";
  const std::vector<std::string> languages = Languages();
  std::vector<const char*> available;
  for (const std::string& language : languages) available.push_back(language.c_str());
  UErrorCode status = U_ZERO_ERROR;
  UEnumeration* candidates = uenum_openCharStringsEnumeration(
      available.data(), static_cast<int32_t>(available.size()), &status);
  if (U_FAILURE(status)) return "";
  char result[ULOC_FULLNAME_CAPACITY] = {};
  UAcceptResult outcome = ULOC_ACCEPT_FAILED;
  const std::string header(requested);
  uloc_acceptLanguageFromHTTP(result, sizeof result, &outcome, header.c_str(), candidates, &status);
  uenum_close(candidates);
  if (U_FAILURE(status) || outcome == ULOC_ACCEPT_FAILED) return "";
  return catalogs_.contains(result) ? std::string(result) : "";
}

const MessageCatalogs::Catalog& MessageCatalogs::CatalogOf(absl::string_view language) const {
  auto it = catalogs_.find(language);
  return it != catalogs_.end() ? it->second : catalogs_.at(kFallbackLanguage);
}

std::string MessageCatalogs::Format(absl::string_view language, absl::string_view key,
                                    const MessageArgs& args) const {
  const Catalog* catalog = &CatalogOf(language);
  auto pattern = catalog->patterns.find(key);
  if (pattern == catalog->patterns.end()) {
    catalog = &catalogs_.at(kFallbackLanguage);
    pattern = catalog->patterns.find(key);
    if (pattern == catalog->patterns.end()) return std::string(key);
  }
  const icu::Locale locale(catalog->locale.c_str());
  UErrorCode status = U_ZERO_ERROR;
  icu::MessageFormat format(Unicode(pattern->second), locale, status);
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  for (const auto& [name, arg] : args) {
    names.push_back(Unicode(name));
    if (arg.kind() == MessageArg::Kind::kText && IsPhrase(arg.text())) {
      values.emplace_back(Unicode(Render(language, arg.text())));
    } else if (arg.kind() == MessageArg::Kind::kList) {
      std::vector<std::string> items;
      for (const std::string& item : arg.items()) items.push_back(Render(language, item));
      icu::UnicodeString list = Unicode(FormatList(language, items, arg.alternatives()));
      if (arg.capitalized() && !list.isEmpty()) {
        // The first character alone, in the catalog's locale.
        icu::UnicodeString first(list, 0, list.moveIndex32(0, 1));
        list.replace(0, first.length(), first.toUpper(locale));
      }
      values.emplace_back(list);
    } else {
      values.push_back(ToFormattable(locale, arg));
    }
  }
  icu::UnicodeString out;
  format.format(names.data(), values.data(), static_cast<int32_t>(names.size()), out, status);
  if (U_FAILURE(status)) return std::string(key);
  return Utf8(out);
}

std::string MessageCatalogs::Render(absl::string_view language, absl::string_view text) const {
  if (!IsPhrase(text)) return std::string(text);
  absl::StatusOr<DecodedPhrase> phrase = DecodePhrase(text);
  if (!phrase.ok()) return absl::StrReplaceAll(text, {{"\x1e", ""}, {"\x1f", " "}});
  return Format(language, phrase->key, phrase->args);
}

std::string MessageCatalogs::Translate(absl::string_view language, absl::string_view text) const {
  if (IsPhrase(text)) return Render(language, text);
  auto key = error_keys_.find(text);
  return key == error_keys_.end() ? std::string(text) : Format(language, key->second, {});
}

const std::string& MessageCatalogs::Locale(absl::string_view language) const {
  return CatalogOf(language).locale;
}

std::string Wording::Message(const absl::Status& status) const {
  if (status.ok()) return "";
  absl::optional<absl::Cord> payload = status.GetPayload(kBadRequestTypeUrl);
  google::rpc::BadRequest bad_request;
  if (!payload.has_value() || !bad_request.ParseFromString(std::string(*payload))) {
    return Translate(status.message());
  }
  std::vector<std::string> violations;
  for (const google::rpc::BadRequest::FieldViolation& v : bad_request.field_violations()) {
    violations.push_back(absl::StrCat(v.field(), ": ", Translate(v.description())));
  }
  return (*this)("error.invalid_request",
                 {{"violations", MessageArg::Text(absl::StrJoin(violations, "; "))}});
}

std::string MessageCatalogs::FormatMoney(absl::string_view language, const Decimal& amount,
                                         absl::string_view currency_code) const {
  return FormatMoneyIn(icu::Locale(CatalogOf(language).locale.c_str()), amount, currency_code);
}

std::string MessageCatalogs::FormatDay(absl::string_view language, absl::CivilDay day) const {
  return FormatDayIn(icu::Locale(CatalogOf(language).locale.c_str()), day);
}

std::string MessageCatalogs::FormatList(absl::string_view language,
                                        const std::vector<std::string>& items,
                                        bool alternatives) const {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::ListFormatter> format(icu::ListFormatter::createInstance(
      icu::Locale(CatalogOf(language).locale.c_str()),
      alternatives ? ULISTFMT_TYPE_OR : ULISTFMT_TYPE_AND, ULISTFMT_WIDTH_WIDE, status));
  if (U_FAILURE(status) || format == nullptr) return absl::StrJoin(items, ", ");
  std::vector<icu::UnicodeString> parts;
  for (const std::string& item : items) parts.push_back(Unicode(item));
  icu::UnicodeString out;
  format->format(parts.data(), static_cast<int32_t>(parts.size()), out, status);
  return U_FAILURE(status) ? absl::StrJoin(items, ", ") : Utf8(out);
}

std::vector<std::string> MessageCatalogs::Keys(absl::string_view language) const {
  std::vector<std::string> out;
  auto it = catalogs_.find(language);
  if (it == catalogs_.end()) return out;
  for (const auto& [key, pattern] : it->second.patterns) out.push_back(key);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> MessageCatalogs::ArgumentNames(absl::string_view language,
                                                        absl::string_view key) const {
  auto it = catalogs_.find(language);
  if (it == catalogs_.end()) return {};
  auto pattern = it->second.patterns.find(key);
  if (pattern == it->second.patterns.end()) return {};
  UErrorCode status = U_ZERO_ERROR;
  UParseError error;
  icu::MessagePattern parsed(Unicode(pattern->second), &error, status);
  std::set<std::string> names;
  for (int32_t i = 0; U_SUCCESS(status) && i < parsed.countParts(); ++i) {
    const icu::MessagePattern::Part& part = parsed.getPart(i);
    if (part.getType() == UMSGPAT_PART_TYPE_ARG_NAME) names.insert(Utf8(parsed.getSubstring(part)));
  }
  return {names.begin(), names.end()};
}

}  // namespace cim
