// Exact decimal numbers for money, rates and points: a 128-bit integer coefficient with a
// decimal scale (value = coefficient / 10^scale). No floating point anywhere.
//
// Rounding rule (the one rule used for every reward): round half away from zero to the unit's
// precision — the currency's ISO 4217 minor units for money, whole points for points.
#ifndef CIM_LIB_DECIMAL_H_
#define CIM_LIB_DECIMAL_H_

#include <compare>
#include <cstdint>
#include <ostream>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace cim {

class Decimal {
 public:
  // The largest scale a value may carry (products of amounts and rates stay well below it).
  static constexpr int kMaxScale = 18;

  // Zero.
  constexpr Decimal() = default;
  static Decimal FromInt(int64_t value) { return Decimal(value, 0); }

  // Parses an optional '-' or '+', digits, and an optional '.' with digits ("12", "-0.5",
  // "1234.5678"). No exponent, no grouping, at most 30 integer digits and kMaxScale fraction
  // digits. INVALID_ARGUMENT (without a field name) otherwise.
  static absl::StatusOr<Decimal> Parse(absl::string_view text);

  // The plain decimal form with exactly `scale()` fraction digits ("-12.50").
  std::string ToString() const;
  // The plain decimal form with trailing fraction zeros removed, keeping at least
  // `min_fraction_digits` of them ("12.5" or, with 2, "12.50").
  std::string ToString(int min_fraction_digits) const;

  // Arithmetic is exact: sums align scales, products add them. The operands used in this
  // system (amounts below 10^15 and rates with at most 4 fraction digits) cannot overflow;
  // an overflow aborts the process rather than produce a wrong amount.
  Decimal operator+(const Decimal& other) const;
  Decimal operator-(const Decimal& other) const;
  Decimal operator-() const;
  Decimal operator*(const Decimal& other) const;
  Decimal& operator+=(const Decimal& other) { return *this = *this + other; }
  Decimal& operator-=(const Decimal& other) { return *this = *this - other; }

  // This value times `percent` / 100, exactly.
  Decimal PercentOf(const Decimal& percent) const;
  // This value divided by `divisor` (non-zero), rounded half away from zero to `scale`
  // fraction digits. Division is the one inexact operation; callers name the precision.
  Decimal DividedBy(const Decimal& divisor, int scale) const;

  // Rounded half away from zero to exactly `scale` fraction digits (0 ≤ scale ≤ kMaxScale).
  Decimal Rounded(int scale) const;
  // Rounded toward zero (truncated) to exactly `scale` fraction digits.
  Decimal Truncated(int scale) const;

  // Number of fraction digits held (trailing zeros included).
  int scale() const { return scale_; }
  // Number of fraction digits without trailing zeros.
  int SignificantScale() const;
  int sign() const { return coefficient_ > 0 ? 1 : (coefficient_ < 0 ? -1 : 0); }
  bool is_zero() const { return coefficient_ == 0; }

  std::strong_ordering operator<=>(const Decimal& other) const;
  bool operator==(const Decimal& other) const { return (*this <=> other) == 0; }

  // For test failure messages.
  friend void PrintTo(const Decimal& d, std::ostream* os) { *os << d.ToString(); }

 private:
  constexpr Decimal(__int128 coefficient, int scale) : coefficient_(coefficient), scale_(scale) {}
  // The same value at a larger scale.
  Decimal Rescaled(int scale) const;
  // Without trailing fraction zeros, and rounded to kMaxScale if it is longer.
  Decimal Normalized() const;

  __int128 coefficient_ = 0;
  int scale_ = 0;
};

// Minor units (fraction digits) of an ISO 4217 currency code we support, e.g. 2 for "EUR",
// 0 for "JPY", 3 for "KWD". INVALID_ARGUMENT for other codes.
absl::StatusOr<int> CurrencyMinorUnits(absl::string_view currency_code);

// Share of the way from `from` to `to` that `value` has come, 0 to 100, rounded down
// (100 when to <= from).
int PercentOfWay(const Decimal& from, const Decimal& to, const Decimal& value);

// The minor units of a currency code stored after validation (a program's, a fund's, a
// statement's): CurrencyMinorUnits, or 2 should the table no longer list it. The one place
// stored money finds its scale.
int StoredCurrencyScale(absl::string_view currency_code);

// Points are whole numbers.
inline constexpr int kPointsScale = 0;

}  // namespace cim

#endif  // CIM_LIB_DECIMAL_H_
