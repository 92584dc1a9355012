#include "lib/decimal_field.h"

#include "lib/phrase.h"

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
    problem = Phrase("error.places_at_most").Count("max", bounds.max_scale).str();
  } else if (*parsed > bounds.max) {
    problem = Phrase("error.must_be_at_most").Number("max", bounds.max).str();
  }
  if (!problem.empty()) {
    errors.Add(std::move(field), std::move(problem));
    return std::nullopt;
  }
  return *parsed;
}

}  // namespace cim
