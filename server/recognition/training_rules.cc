#include "server/recognition/training_rules.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "server/common/decimal_field.h"
#include "server/common/text_field.h"
#include "server/program/program_rules.h"

namespace cim {

void ValidateTrainingModule(const cim::v1::TrainingModule& module, const std::string& prefix,
                            FieldErrors& errors) {
  ValidateText(module.title(), prefix + "title", 1, 120, errors);
  if (CodePoints(module.description()) > 2000) {
    errors.Add(prefix + "description", "at most 2,000 characters");
  }
  if (module.duration_minutes() < 1 || module.duration_minutes() > 10000) {
    errors.Add(prefix + "duration_minutes", "1 to 10,000");
  }
  if (!module.points().empty()) {
    ParseDecimalField(
        module.points(), prefix + "points",
        DecimalBounds{.allow_zero = true, .max_scale = 0, .max = Decimal::FromInt(1'000'000)},
        errors);
  }
  if (module.certification_code().empty()) {
    if (module.certification_valid_months() != 0) {
      errors.Add(prefix + "certification_valid_months", "only with a certification_code");
    }
  } else {
    if (!IsCertificationCode(module.certification_code())) {
      errors.Add(prefix + "certification_code", kCertificationCodeRule);
    }
    if (module.certification_valid_months() < 1 || module.certification_valid_months() > 120) {
      errors.Add(prefix + "certification_valid_months", "1 to 120");
    }
  }
  if (module.pass_mark() < 0 || module.pass_mark() > 100) {
    errors.Add(prefix + "pass_mark", "1 to 100, or 0 for no quiz");
  }
}

absl::Status CheckQuizScore(const cim::v1::TrainingModule& module, int quiz_score) {
  if (quiz_score < module.pass_mark()) {
    return absl::FailedPreconditionError(absl::StrCat("a quiz score of ", quiz_score,
                                                      "% is below the pass mark of ",
                                                      module.pass_mark(), "%; try again"));
  }
  return absl::OkStatus();
}

absl::Time CertificationExpiry(absl::Time earned, int months) {
  const absl::CivilSecond at = absl::ToCivilSecond(earned, absl::UTCTimeZone());
  const absl::CivilMonth month = absl::CivilMonth(at) + months;
  const absl::CivilDay last_day = absl::CivilDay(month + 1) - 1;
  const int day = std::min(at.day(), last_day.day());
  return absl::FromCivil(
      absl::CivilSecond(month.year(), month.month(), day, at.hour(), at.minute(), at.second()),
      absl::UTCTimeZone());
}

}  // namespace cim
