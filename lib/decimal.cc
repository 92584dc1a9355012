#include "lib/decimal.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "lib/phrase.h"

namespace cim {
namespace {

constexpr int kMaxIntegerDigits = 30;
// An __int128 holds every 38-digit number.
constexpr int kMaxDigits = 38;

__int128 Pow10(int n) {
  __int128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

[[noreturn]] void Overflow(const char* op) {
  std::fprintf(stderr, "Decimal overflow in %s\n", op);
  std::abort();
}

__int128 CheckedMul(__int128 a, __int128 b, const char* op) {
  __int128 r;
  if (__builtin_mul_overflow(a, b, &r)) Overflow(op);
  return r;
}

__int128 CheckedAdd(__int128 a, __int128 b, const char* op) {
  __int128 r;
  if (__builtin_add_overflow(a, b, &r)) Overflow(op);
  return r;
}

// a / b rounded half away from zero (b != 0).
__int128 DivideHalfAway(__int128 a, __int128 b) {
  __int128 q = a / b;
  __int128 r = a % b;
  if (r < 0) r = -r;
  __int128 abs_b = b < 0 ? -b : b;
  if (r >= abs_b - r) q += ((a < 0) != (b < 0)) ? -1 : 1;  // r ≥ b/2 without overflow
  return q;
}

std::string DigitsOf(__int128 v) {  // v >= 0
  if (v == 0) return "0";
  std::string s;
  while (v > 0) {
    s.push_back(static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  }
  std::reverse(s.begin(), s.end());
  return s;
}

}  // namespace

absl::StatusOr<Decimal> Decimal::Parse(absl::string_view text) {
  absl::string_view s = text;
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  const size_t dot = s.find('.');
  absl::string_view integer = s.substr(0, dot);
  absl::string_view fraction = dot == absl::string_view::npos ? "" : s.substr(dot + 1);
  const auto all_digits = [](absl::string_view part) {
    return std::all_of(part.begin(), part.end(), [](char c) { return absl::ascii_isdigit(c); });
  };
  if (integer.empty() || !all_digits(integer) || !all_digits(fraction) ||
      (dot != absl::string_view::npos && fraction.empty())) {
    return absl::InvalidArgumentError(Phrase("error.not_a_decimal").Text("text", text).str());
  }
  while (integer.size() > 1 && integer[0] == '0') integer.remove_prefix(1);
  if (integer.size() > kMaxIntegerDigits) {
    return absl::InvalidArgumentError(Phrase("error.decimal_too_large").Text("text", text).str());
  }
  if (fraction.size() > kMaxScale) {
    return absl::InvalidArgumentError(
        Phrase("error.decimal_places").Text("text", text).Count("max", kMaxScale).str());
  }
  if (integer.size() + fraction.size() > kMaxDigits) {
    return absl::InvalidArgumentError(
        Phrase("error.decimal_digits").Text("text", text).Count("max", kMaxDigits).str());
  }
  __int128 coefficient = 0;
  for (char c : integer) coefficient = coefficient * 10 + (c - '0');
  for (char c : fraction) coefficient = coefficient * 10 + (c - '0');
  return Decimal(negative ? -coefficient : coefficient, static_cast<int>(fraction.size()));
}

std::string Decimal::ToString() const {
  const __int128 abs = coefficient_ < 0 ? -coefficient_ : coefficient_;
  std::string digits = DigitsOf(abs);
  if (static_cast<int>(digits.size()) <= scale_) {
    digits.insert(0, scale_ + 1 - digits.size(), '0');
  }
  std::string out = coefficient_ < 0 ? "-" : "";
  const size_t point = digits.size() - scale_;
  out.append(digits, 0, point);
  if (scale_ > 0) absl::StrAppend(&out, ".", digits.substr(point));
  return out;
}

std::string Decimal::ToString(int min_fraction_digits) const {
  const int keep = std::max(SignificantScale(), min_fraction_digits);
  return Truncated(keep).ToString();  // drops only zeros: keep ≥ SignificantScale()
}

Decimal Decimal::Rescaled(int scale) const {
  if (scale <= scale_) return *this;
  return Decimal(CheckedMul(coefficient_, Pow10(scale - scale_), "rescale"), scale);
}

Decimal Decimal::operator+(const Decimal& other) const {
  const int scale = std::max(scale_, other.scale_);
  return Decimal(CheckedAdd(Rescaled(scale).coefficient_, other.Rescaled(scale).coefficient_, "+"),
                 scale);
}

Decimal Decimal::operator-(const Decimal& other) const { return *this + (-other); }

Decimal Decimal::operator-() const { return Decimal(-coefficient_, scale_); }

Decimal Decimal::operator*(const Decimal& other) const {
  return Decimal(CheckedMul(coefficient_, other.coefficient_, "*"), scale_ + other.scale_)
      .Normalized();
}

Decimal Decimal::PercentOf(const Decimal& percent) const {
  return Decimal(CheckedMul(coefficient_, percent.coefficient_, "%"), scale_ + percent.scale_ + 2)
      .Normalized();
}

Decimal Decimal::Normalized() const {
  Decimal d = *this;
  // Trailing zeros carry no information; drop them to keep the scale bounded.
  while (d.scale_ > 0 && d.coefficient_ % 10 == 0) {
    d.coefficient_ /= 10;
    --d.scale_;
  }
  return d.scale_ > kMaxScale ? d.Rounded(kMaxScale) : d;
}

Decimal Decimal::DividedBy(const Decimal& divisor, int scale) const {
  if (divisor.is_zero()) Overflow("division by zero");
  // value = (c1 / 10^s1) / (c2 / 10^s2); result coefficient at `scale` =
  // c1 * 10^(scale + s2 - s1) / c2.
  int shift = scale + divisor.scale_ - scale_;
  __int128 numerator = coefficient_;
  __int128 denominator = divisor.coefficient_;
  if (shift >= 0) {
    numerator = CheckedMul(numerator, Pow10(shift), "/");
  } else {
    denominator = CheckedMul(denominator, Pow10(-shift), "/");
  }
  return Decimal(DivideHalfAway(numerator, denominator), scale);
}

Decimal Decimal::Rounded(int scale) const {
  if (scale >= scale_) return Rescaled(scale);
  return Decimal(DivideHalfAway(coefficient_, Pow10(scale_ - scale)), scale);
}

Decimal Decimal::Truncated(int scale) const {
  if (scale >= scale_) return Rescaled(scale);
  return Decimal(coefficient_ / Pow10(scale_ - scale), scale);
}

int Decimal::SignificantScale() const {
  int scale = scale_;
  __int128 c = coefficient_;
  while (scale > 0 && c % 10 == 0) {
    c /= 10;
    --scale;
  }
  return scale;
}

std::strong_ordering Decimal::operator<=>(const Decimal& other) const {
  const int scale = std::max(scale_, other.scale_);
  const __int128 a = Rescaled(scale).coefficient_;
  const __int128 b = other.Rescaled(scale).coefficient_;
  if (a < b) return std::strong_ordering::less;
  if (a > b) return std::strong_ordering::greater;
  return std::strong_ordering::equal;
}

absl::StatusOr<int> CurrencyMinorUnits(absl::string_view currency_code) {
  // ISO 4217 minor units of the currencies programs may be run in.
  static const auto* const kMinorUnits = new absl::flat_hash_map<std::string, int>{
      {"AED", 2}, {"ARS", 2}, {"AUD", 2}, {"BGN", 2}, {"BHD", 3}, {"BRL", 2}, {"CAD", 2},
      {"CHF", 2}, {"CLP", 0}, {"CNY", 2}, {"COP", 2}, {"CZK", 2}, {"DKK", 2}, {"EGP", 2},
      {"EUR", 2}, {"GBP", 2}, {"HKD", 2}, {"HUF", 2}, {"IDR", 2}, {"ILS", 2}, {"INR", 2},
      {"ISK", 0}, {"JOD", 3}, {"JPY", 0}, {"KES", 2}, {"KRW", 0}, {"KWD", 3}, {"MAD", 2},
      {"MXN", 2}, {"MYR", 2}, {"NGN", 2}, {"NOK", 2}, {"NZD", 2}, {"OMR", 3}, {"PEN", 2},
      {"PHP", 2}, {"PKR", 2}, {"PLN", 2}, {"QAR", 2}, {"RON", 2}, {"RSD", 2}, {"SAR", 2},
      {"SEK", 2}, {"SGD", 2}, {"THB", 2}, {"TND", 3}, {"TRY", 2}, {"TWD", 2}, {"UAH", 2},
      {"USD", 2}, {"VND", 0}, {"ZAR", 2},
  };
  auto it = kMinorUnits->find(std::string(currency_code));
  if (it == kMinorUnits->end()) {
    return absl::InvalidArgumentError(
        Phrase("error.unknown_currency").Text("code", currency_code).str());
  }
  return it->second;
}

int PercentOfWay(const Decimal& from, const Decimal& to, const Decimal& value) {
  if (value >= to) return 100;
  if (value <= from) return 0;
  const Decimal percent =
      ((value - from) * Decimal::FromInt(100)).DividedBy(to - from, 6).Truncated(0);
  // Below `to` is never 100%, whatever the division rounded to.
  return std::min(99, static_cast<int>(std::stoll(percent.ToString())));
}

int StoredCurrencyScale(absl::string_view currency_code) {
  return CurrencyMinorUnits(currency_code).value_or(2);
}

}  // namespace cim
