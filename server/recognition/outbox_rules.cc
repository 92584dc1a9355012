#include "server/recognition/outbox_rules.h"

#include <algorithm>

#include "server/money/ledger_repository.h"
#include "server/recognition/leaderboard_rules.h"

namespace cim {

std::vector<MonthlyTally> OutboxRules::Tallies(const OutboxEvent& event) const {
  const absl::CivilMonth month(absl::ToCivilDay(event.occurred_at, absl::UTCTimeZone()));
  std::vector<MonthlyTally> out;
  if (event.user_id == 0) return out;  // about a partner (a tier change): nothing to tally
  if (event.kind != cim::v1::RECOGNITION_EVENT_KIND_POINTS_REVERSED) {
    out.push_back(MonthlyTally{.kind = event.kind,
                               .unit = event.currency_code,
                               .month = month,
                               .events = 1,
                               .amount = event.amount});
  }
  if (!event.points.is_zero()) {
    out.push_back(MonthlyTally{
        .kind = kPointsTallyKind, .unit = kPointsUnit, .month = month, .amount = event.points});
  }
  return out;
}

std::vector<ScoreChange> OutboxRules::Scores(const std::vector<cim::v1::Leaderboard>& boards,
                                             const OutboxEvent& event) const {
  std::vector<ScoreChange> out;
  const absl::CivilDay day = absl::ToCivilDay(event.occurred_at, absl::UTCTimeZone());
  for (const cim::v1::Leaderboard& board : boards) {
    if (board.program_id() != 0 && board.program_id() != event.program_id) continue;
    Decimal delta;
    if (board.metric() == cim::v1::RECOGNITION_METRIC_POINTS) {
      delta = event.points;
    } else if (board.metric() == cim::v1::RECOGNITION_METRIC_SALES &&
               event.currency_code == board.currency_code()) {
      delta = event.amount;
    }
    if (delta.is_zero()) continue;
    const bool individual = board.scope() == cim::v1::LEADERBOARD_SCOPE_INDIVIDUAL;
    if (individual && event.user_id == 0) continue;
    out.push_back(ScoreChange{.board_id = board.id(),
                              .period_start = BoardPeriodOf(board.period(), day).first,
                              .participant_id = individual ? event.user_id : event.partner_id,
                              .partner_id = event.partner_id,
                              .delta = delta,
                              .at = event.created_at});
  }
  return out;
}

std::vector<int64_t> OutboxRules::NewlyEarned(
    const std::vector<cim::v1::Badge>& badges,
    const absl::flat_hash_map<int64_t, absl::Time>& earned, const RecognitionFacts& facts,
    absl::CivilDay today) const {
  std::vector<int64_t> out;
  for (const cim::v1::Badge& badge : badges) {
    if (earned.contains(badge.id())) continue;
    if (EvaluateCriteria(badge.criteria(), facts, today).met) out.push_back(badge.id());
  }
  return out;
}

int OutboxRules::PlacesToRecord(const std::vector<cim::v1::Badge>& badges, int64_t board_id) const {
  int places = 10;
  for (const cim::v1::Badge& badge : badges) {
    if (badge.criteria().has_placement() &&
        badge.criteria().placement().leaderboard_id() == board_id) {
      places = std::max(places, badge.criteria().placement().top());
    }
  }
  return places;
}

}  // namespace cim
