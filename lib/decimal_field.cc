#include "lib/decimal_field.h"

#include "absl/strings/str_cat.h"

namespace cim {

std::optional<Decimal> ParseDecimalField(absl::string_view value, std::string field,
                                         const DecimalBounds& bounds, FieldErrors& errors) {
  if (value.empty()) {
    errors.Add(std::move(field), "is required (a decimal string such as \"1250.00\")");
    return std::nullopt;
  }
  absl::StatusOr<Decimal> parsed = Decimal::Parse(value);
  if (!parsed.ok()) {
    errors.Add(std::move(field), std::string(parsed.status().message()));
    return std::nullopt;
  }
  std::string problem;
  if (parsed->sign() < 0) {
    problem = "must not be negative";
  } else if (parsed->is_zero() && !bounds.allow_zero) {
    problem = "must be greater than zero";
  } else if (parsed->SignificantScale() > bounds.max_scale) {
    problem = absl::StrCat("has more than ", bounds.max_scale, " decimal places");
  } else if (*parsed > bounds.max) {
    problem = absl::StrCat("must be at most ", bounds.max.ToString(0));
  }
  if (!problem.empty()) {
    errors.Add(std::move(field), std::move(problem));
    return std::nullopt;
  }
  return *parsed;
}

}  // namespace cim
