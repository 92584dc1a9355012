#include "server/recognition/leaderboard_rules.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "lib/phrase.h"
#include "lib/text_field.h"

namespace cim {

void ValidateLeaderboard(const cim::v1::Leaderboard& board, const std::string& prefix,
                         FieldErrors& errors) {
  ValidateText(board.name(), prefix + "name", 1, 80, errors);
  if (board.program_id() < 0) errors.Add(prefix + "program_id", "a program id, or 0 for global");
  switch (board.metric()) {
    case cim::v1::RECOGNITION_METRIC_SALES:
      if (!CurrencyMinorUnits(board.currency_code()).ok()) {
        errors.Add(prefix + "currency_code", "an ISO 4217 currency code for sales boards");
      }
      break;
    case cim::v1::RECOGNITION_METRIC_POINTS:
      if (!board.currency_code().empty()) {
        errors.Add(prefix + "currency_code", "leave empty for points boards");
      }
      break;
    default:
      errors.Add(prefix + "metric", "SALES or POINTS");
  }
  if (board.scope() != cim::v1::LEADERBOARD_SCOPE_INDIVIDUAL &&
      board.scope() != cim::v1::LEADERBOARD_SCOPE_PARTNER) {
    errors.Add(prefix + "scope", "INDIVIDUAL or PARTNER");
  }
  if (board.period() == cim::v1::LEADERBOARD_PERIOD_UNSPECIFIED ||
      !cim::v1::LeaderboardPeriod_IsValid(board.period())) {
    errors.Add(prefix + "period", "WEEK, MONTH, QUARTER, YEAR or ALL_TIME");
  }
}

DateRange BoardPeriodOf(cim::v1::LeaderboardPeriod kind, absl::CivilDay day) {
  switch (kind) {
    case cim::v1::LEADERBOARD_PERIOD_WEEK: {
      // absl::Weekday counts Monday as 0.
      const absl::CivilDay monday = day - static_cast<int>(absl::GetWeekday(day));
      return {monday, monday + 6};
    }
    case cim::v1::LEADERBOARD_PERIOD_MONTH:
      return PeriodContaining(day, cim::v1::PROGRAM_PERIOD_MONTH);
    case cim::v1::LEADERBOARD_PERIOD_QUARTER:
      return PeriodContaining(day, cim::v1::PROGRAM_PERIOD_QUARTER);
    case cim::v1::LEADERBOARD_PERIOD_YEAR:
      return PeriodContaining(day, cim::v1::PROGRAM_PERIOD_YEAR);
    default:
      return {kAllTimeStart, kAllTimeEnd};
  }
}

Decimal ScoreFromUnits(int64_t units) {
  const bool negative = units < 0;
  const uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(units) : units;
  std::string digits = absl::StrCat(magnitude);
  if (digits.size() < 5) digits.insert(0, 5 - digits.size(), '0');
  digits.insert(digits.size() - 4, ".");
  return *Decimal::Parse(absl::StrCat(negative ? "-" : "", digits));
}

std::string PeriodLabel(cim::v1::LeaderboardPeriod kind, absl::CivilDay start) {
  switch (kind) {
    case cim::v1::LEADERBOARD_PERIOD_WEEK:
      return Phrase("period.week").Day("start", start);
    case cim::v1::LEADERBOARD_PERIOD_MONTH:
      return Phrase("period.month").Month("month", absl::CivilMonth(start));
    case cim::v1::LEADERBOARD_PERIOD_QUARTER:
      return Phrase("period.quarter")
          .Count("quarter", (start.month() - 1) / 3 + 1)
          .Text("year", absl::StrCat(start.year()));
    case cim::v1::LEADERBOARD_PERIOD_YEAR:
      return Phrase("period.year").Text("year", absl::StrCat(start.year()));
    default:
      return Phrase("period.all_time");
  }
}

}  // namespace cim
