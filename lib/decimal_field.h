// Validation of decimal request fields (amounts, rates, quantities) into FieldErrors.
#ifndef CIM_LIB_DECIMAL_FIELD_H_
#define CIM_LIB_DECIMAL_FIELD_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "lib/decimal.h"
#include "lib/status_util.h"

namespace cim {

// What a decimal field may hold.
struct DecimalBounds {
  // Zero is allowed; negative values never are.
  bool allow_zero = false;
  // At most this many decimal places (e.g. the currency's minor units).
  int max_scale = 4;
  // Inclusive upper bound.
  Decimal max = Decimal::FromInt(1'000'000'000'000'000);  // 10^15
};

// The parsed value of `value`, or nullopt after adding one violation for `field` (empty,
// not a decimal, negative, zero when not allowed, too many decimal places, or above max).
std::optional<Decimal> ParseDecimalField(absl::string_view value, std::string field,
                                         const DecimalBounds& bounds, FieldErrors& errors);

}  // namespace cim

#endif  // CIM_LIB_DECIMAL_FIELD_H_
