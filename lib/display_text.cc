#include "lib/display_text.h"

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"

namespace cim {
namespace {

// A plain decimal string ("-12400.50") with its integer digits grouped ("-12,400.50").
std::string GroupDigits(const std::string& plain) {
  const size_t from = !plain.empty() && plain[0] == '-' ? 1 : 0;
  const size_t point = plain.find('.');
  const size_t end = point == std::string::npos ? plain.size() : point;
  std::string out = plain.substr(0, from);
  for (size_t i = from; i < end; ++i) {
    if (i > from && (end - i) % 3 == 0) out += ',';
    out += plain[i];
  }
  return out + plain.substr(end);
}

}  // namespace

std::string GroupedNumber(const Decimal& value) { return GroupDigits(value.ToString(0)); }

std::string MoneyText(const Decimal& amount, absl::string_view currency_code) {
  int scale = 0;
  if (amount.SignificantScale() > 0) {
    absl::StatusOr<int> minor = CurrencyMinorUnits(currency_code);
    scale = minor.ok() ? *minor : 2;
  }
  std::string number = GroupDigits(amount.Rounded(scale).ToString());
  const bool negative = !number.empty() && number[0] == '-';
  if (negative) number.erase(0, 1);
  const char* symbol = currency_code == "EUR"   ? "€"
                       : currency_code == "USD" ? "$"
                       : currency_code == "GBP" ? "£"
                       : currency_code == "JPY" ? "¥"
                                                : nullptr;
  return absl::StrCat(negative ? "-" : "",
                      symbol != nullptr ? symbol : absl::StrCat(currency_code, " "), number);
}

std::string DayText(absl::Time t) {
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const absl::CivilDay day = absl::ToCivilDay(t, absl::UTCTimeZone());
  return absl::StrCat(day.day(), " ", kMonths[day.month() - 1], " ", day.year());
}

std::string CountText(int64_t count, absl::string_view singular, absl::string_view plural) {
  return absl::StrCat(count, " ", count == 1 ? singular : plural);
}

}  // namespace cim
