#include "lib/dates.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "lib/phrase.h"
#include "lib/status_util.h"

namespace cim {

absl::StatusOr<absl::CivilDay> ParseDate(absl::string_view text) {
  const auto bad = [&] {
    return absl::InvalidArgumentError(Phrase("error.not_a_day").Text("text", text).str());
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad();
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!absl::ascii_isdigit(text[i])) return bad();
  }
  absl::CivilDay day;
  if (!absl::ParseCivilTime(text, &day) || FormatDate(day) != text || day.year() < 2000 ||
      day.year() > 2199) {
    return bad();
  }
  return day;
}

std::string FormatDate(absl::CivilDay day) {
  return absl::StrFormat("%04d-%02d-%02d", day.year(), day.month(), day.day());
}

absl::StatusOr<DateRange> ParseDateWindow(absl::string_view from_date, absl::string_view to_date) {
  FieldErrors errors;
  DateRange range{absl::CivilDay(2000, 1, 1), absl::CivilDay(2199, 12, 31)};
  if (!from_date.empty()) {
    absl::StatusOr<absl::CivilDay> d = ParseDate(from_date);
    if (d.ok()) range.first = *d;
    if (!d.ok()) errors.Add("from_date", "a date \"YYYY-MM-DD\"");
  }
  if (!to_date.empty()) {
    absl::StatusOr<absl::CivilDay> d = ParseDate(to_date);
    if (d.ok()) range.last = *d;
    if (!d.ok()) errors.Add("to_date", "a date \"YYYY-MM-DD\"");
  }
  if (range.first > range.last) errors.Add("from_date", "must not be after to_date");
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  return range;
}

absl::CivilDay DayOf(absl::Time t) { return absl::ToCivilDay(t, absl::UTCTimeZone()); }

DateRange PeriodContaining(absl::CivilDay day, cim::v1::ProgramPeriod period) {
  switch (period) {
    case cim::v1::PROGRAM_PERIOD_YEAR: {
      const absl::CivilYear year(day);
      return {absl::CivilDay(year), absl::CivilDay(year + 1) - 1};
    }
    case cim::v1::PROGRAM_PERIOD_QUARTER: {
      const int first_month = (day.month() - 1) / 3 * 3 + 1;
      const absl::CivilMonth start(day.year(), first_month);
      return {absl::CivilDay(start), absl::CivilDay(start + 3) - 1};
    }
    default: {
      const absl::CivilMonth month(day);
      return {absl::CivilDay(month), absl::CivilDay(month + 1) - 1};
    }
  }
}

DateRange BaselineOf(const DateRange& period, cim::v1::ProgramPeriod length,
                     cim::v1::BaselinePeriod baseline) {
  if (baseline == cim::v1::BASELINE_PERIOD_SAME_LAST_YEAR) {
    const absl::CivilMonth month(period.first);
    return PeriodContaining(absl::CivilDay(month - 12), length);
  }
  return PeriodContaining(period.first - 1, length);
}

}  // namespace cim
