// Calendar days of programs and claims ("YYYY-MM-DD", UTC) and the periods volumes are measured
// over (calendar month, quarter or year).
#ifndef CIM_LIB_DATES_H_
#define CIM_LIB_DATES_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "cim/v1/program.pb.h"

namespace cim {

// An inclusive range of days.
struct DateRange {
  absl::CivilDay first;
  absl::CivilDay last;

  bool Contains(absl::CivilDay day) const { return first <= day && day <= last; }
  bool operator==(const DateRange&) const = default;
};

// Parses "YYYY-MM-DD" (a real calendar day between 2000 and 2199). INVALID_ARGUMENT otherwise.
absl::StatusOr<absl::CivilDay> ParseDate(absl::string_view text);
// "YYYY-MM-DD".
std::string FormatDate(absl::CivilDay day);
// The days a request's optional `from_date` and `to_date` ("YYYY-MM-DD", inclusive) name; an
// empty bound is open (2000-01-01, 2199-12-31). INVALID_ARGUMENT naming the bad field.
absl::StatusOr<DateRange> ParseDateWindow(absl::string_view from_date, absl::string_view to_date);
// The UTC calendar day of `t`.
absl::CivilDay DayOf(absl::Time t);

// The calendar month, quarter or year that contains `day`.
DateRange PeriodContaining(absl::CivilDay day, cim::v1::ProgramPeriod period);
// The baseline of `period` (a range from PeriodContaining): the period before it, or the same
// period a year earlier.
DateRange BaselineOf(const DateRange& period, cim::v1::ProgramPeriod length,
                     cim::v1::BaselinePeriod baseline);

}  // namespace cim

#endif  // CIM_LIB_DATES_H_
