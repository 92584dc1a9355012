#include "server/recognition/badge_rules.h"

#include <algorithm>
#include <map>

#include "absl/strings/match.h"
#include "lib/dates.h"
#include "lib/decimal_field.h"
#include "lib/phrase.h"
#include "lib/text_field.h"
#include "server/program/program_rules.h"
#include "server/recognition/levels.h"

namespace cim {
namespace {

using cim::v1::BadgeCriteria;
using cim::v1::RecognitionEventKind;

// The event a count or streak counts, as the badge.* phrases select by it.
std::string EventWord(RecognitionEventKind kind) {
  switch (kind) {
    case cim::v1::RECOGNITION_EVENT_KIND_CLAIM_APPROVED:
      return "claim";
    case cim::v1::RECOGNITION_EVENT_KIND_TRAINING_COMPLETED:
      return "training";
    case cim::v1::RECOGNITION_EVENT_KIND_KUDOS_RECEIVED:
      return "kudos";
    case cim::v1::RECOGNITION_EVENT_KIND_CHALLENGE_COMPLETED:
      return "challenge";
    default:
      return "other";
  }
}

// The period a sum counts in, as the badge.* phrases select by it.
std::string PeriodWord(cim::v1::ProgramPeriod period) {
  switch (period) {
    case cim::v1::PROGRAM_PERIOD_MONTH:
      return "month";
    case cim::v1::PROGRAM_PERIOD_QUARTER:
      return "quarter";
    default:
      return "year";
  }
}

CriterionProgress Progress(const Decimal& current, const Decimal& target, std::string text) {
  CriterionProgress p{.met = current >= target,
                      .current = current,
                      .target = target,
                      .percent = PercentOfWay(Decimal(), target, current),
                      .text = std::move(text)};
  return p;
}

CriterionProgress EventCount(const cim::v1::EventCountCriterion& c, const RecognitionFacts& facts) {
  int64_t count = 0;
  for (const MonthlyTally& t : facts.tallies) {
    if (t.kind == c.event()) count += t.events;
  }
  return Progress(Decimal::FromInt(count), Decimal::FromInt(c.count()),
                  Phrase("badge.event_count")
                      .Count("current", count)
                      .Count("target", c.count())
                      .Text("event", EventWord(c.event())));
}

bool CountsFor(const MonthlyTally& t, const cim::v1::PeriodSumCriterion& c) {
  if (c.metric() == cim::v1::RECOGNITION_METRIC_POINTS) {
    return t.kind == kPointsTallyKind && t.unit == "points";
  }
  return t.kind == cim::v1::RECOGNITION_EVENT_KIND_CLAIM_APPROVED && t.unit == c.currency_code();
}

CriterionProgress PeriodSum(const cim::v1::PeriodSumCriterion& c, const RecognitionFacts& facts,
                            absl::CivilDay today) {
  // Sums by the first day of their period.
  const auto period_of = [&](absl::CivilDay day) {
    return PeriodContaining(day, c.period()).first;
  };
  std::map<absl::CivilDay, Decimal> sums;
  for (const MonthlyTally& t : facts.tallies) {
    if (CountsFor(t, c)) sums[period_of(absl::CivilDay(t.month))] += t.amount;
  }
  const Decimal threshold = *Decimal::Parse(c.threshold());
  const Decimal current = sums[period_of(today)];
  const bool points = c.metric() == cim::v1::RECOGNITION_METRIC_POINTS;
  CriterionProgress p = Progress(current, threshold,
                                 points ? Phrase("badge.points_this_period")
                                              .Number("current", current)
                                              .Number("target", threshold)
                                              .Text("period", PeriodWord(c.period()))
                                        : Phrase("badge.sales_this_period")
                                              .Money("current", current, c.currency_code())
                                              .Money("target", threshold, c.currency_code())
                                              .Text("period", PeriodWord(c.period())));
  for (const auto& [period, sum] : sums) p.met = p.met || sum >= threshold;
  if (p.met && current < threshold) {
    p.text = Phrase("badge.reached_earlier").Text("period", PeriodWord(c.period()));
  }
  return p;
}

CriterionProgress Certification(const cim::v1::CertificationCriterion& c,
                                const RecognitionFacts& facts) {
  const bool held = facts.certifications.contains(c.certification_code());
  return Progress(Decimal::FromInt(held ? 1 : 0), Decimal::FromInt(1),
                  Phrase("badge.certification")
                      .Text("code", c.certification_code())
                      .Text("held", held ? "yes" : "no"));
}

CriterionProgress Placement(const cim::v1::PlacementCriterion& c, const RecognitionFacts& facts) {
  auto it = facts.best_placements.find(c.leaderboard_id());
  const bool met = it != facts.best_placements.end() && it->second <= c.top();
  CriterionProgress p{.met = met,
                      .current = Decimal::FromInt(met ? 1 : 0),
                      .target = Decimal::FromInt(1),
                      .percent = met ? 100 : 0};
  p.text = it == facts.best_placements.end()
               ? Phrase("badge.placement_none").Count("top", c.top())
               : Phrase("badge.placement_best").Count("best", it->second).Count("top", c.top());
  return p;
}

CriterionProgress ModuleCompleted(const cim::v1::ModuleCompletedCriterion& c,
                                  const RecognitionFacts& facts) {
  const bool done = facts.completed_modules.contains(c.module_id());
  return Progress(Decimal::FromInt(done ? 1 : 0), Decimal::FromInt(1),
                  Phrase("badge.module").Text("done", done ? "yes" : "no"));
}

CriterionProgress ChallengeCompleted(const cim::v1::ChallengeCompletedCriterion& c,
                                     const RecognitionFacts& facts) {
  const bool done = facts.completed_challenges.contains(c.challenge_id());
  return Progress(Decimal::FromInt(done ? 1 : 0), Decimal::FromInt(1),
                  Phrase("badge.challenge").Text("done", done ? "yes" : "no"));
}

CriterionProgress Streak(const cim::v1::StreakCriterion& c, const RecognitionFacts& facts,
                         absl::CivilDay today) {
  std::vector<absl::CivilMonth> months;
  for (const MonthlyTally& t : facts.tallies) {
    if (t.kind == c.event() && t.events > 0) months.push_back(t.month);
  }
  std::sort(months.begin(), months.end());
  months.erase(std::unique(months.begin(), months.end()), months.end());
  int longest = 0, run = 0;
  for (size_t i = 0; i < months.size(); ++i) {
    run = (i > 0 && months[i - 1] + 1 == months[i]) ? run + 1 : 1;
    longest = std::max(longest, run);
  }
  // The current run is still alive if it ends this month or last month.
  const absl::CivilMonth now(today);
  int current = 0;
  if (!months.empty() && (months.back() == now || months.back() == now - 1)) current = run;
  CriterionProgress p = Progress(Decimal::FromInt(current), Decimal::FromInt(c.months()),
                                 Phrase("badge.streak")
                                     .Count("current", current)
                                     .Count("target", c.months())
                                     .Text("event", EventWord(c.event())));
  if (longest >= c.months()) {
    p.met = true;
    if (current < c.months()) p.text = Phrase("badge.reached_earlier").Text("period", "streak");
  }
  return p;
}

}  // namespace

bool IsCountableEvent(RecognitionEventKind kind) {
  return kind == cim::v1::RECOGNITION_EVENT_KIND_CLAIM_APPROVED ||
         kind == cim::v1::RECOGNITION_EVENT_KIND_TRAINING_COMPLETED ||
         kind == cim::v1::RECOGNITION_EVENT_KIND_KUDOS_RECEIVED ||
         kind == cim::v1::RECOGNITION_EVENT_KIND_CHALLENGE_COMPLETED;
}

void ValidateBadge(const cim::v1::Badge& badge, const std::string& prefix, FieldErrors& errors) {
  ValidateText(badge.name(), prefix + "name", 1, 80, errors);
  if (CodePoints(badge.description()) > 500) {
    errors.Add(prefix + "description", "at most 500 characters");
  }
  const std::string& image = badge.image_url();
  if (image.size() > 500 ||
      !(image.empty() || absl::StartsWith(image, "https://") || absl::StartsWith(image, "/")) ||
      image.find_first_of(" \"'<>\\") != std::string::npos) {
    errors.Add(prefix + "image_url",
               "an https:// URL or a path starting with '/', at most 500 characters");
  }
  const std::string f = prefix + "criteria.";
  const BadgeCriteria& c = badge.criteria();
  switch (c.criterion_case()) {
    case BadgeCriteria::kEventCount:
      if (!IsCountableEvent(c.event_count().event())) {
        errors.Add(f + "event_count.event", "name an event that happens to a user");
      }
      if (c.event_count().count() < 1 || c.event_count().count() > 1'000'000) {
        errors.Add(f + "event_count.count", "1 to 1,000,000");
      }
      break;
    case BadgeCriteria::kPeriodSum: {
      const cim::v1::PeriodSumCriterion& s = c.period_sum();
      if (s.metric() == cim::v1::RECOGNITION_METRIC_SALES) {
        if (!CurrencyMinorUnits(s.currency_code()).ok()) {
          errors.Add(f + "period_sum.currency_code", "an ISO 4217 currency code");
        }
      } else if (s.metric() == cim::v1::RECOGNITION_METRIC_POINTS) {
        if (!s.currency_code().empty()) {
          errors.Add(f + "period_sum.currency_code", "leave empty for points");
        }
      } else {
        errors.Add(f + "period_sum.metric", "SALES or POINTS");
      }
      if (s.period() == cim::v1::PROGRAM_PERIOD_UNSPECIFIED ||
          !cim::v1::ProgramPeriod_IsValid(s.period())) {
        errors.Add(f + "period_sum.period", "MONTH, QUARTER or YEAR");
      }
      // Sales thresholds have at most the currency's minor units; points are whole.
      const int scale = s.metric() == cim::v1::RECOGNITION_METRIC_SALES
                            ? CurrencyMinorUnits(s.currency_code()).value_or(4)
                            : 0;
      ParseDecimalField(s.threshold(), f + "period_sum.threshold",
                        DecimalBounds{.max_scale = scale}, errors);
      break;
    }
    case BadgeCriteria::kCertification:
      if (!IsCertificationCode(c.certification().certification_code())) {
        errors.Add(f + "certification.certification_code", kCertificationCodeRule);
      }
      break;
    case BadgeCriteria::kPlacement:
      if (c.placement().leaderboard_id() <= 0) {
        errors.Add(f + "placement.leaderboard_id", "required");
      }
      if (c.placement().top() < 1 || c.placement().top() > 1000) {
        errors.Add(f + "placement.top", "1 to 1,000");
      }
      break;
    case BadgeCriteria::kStreak:
      if (!IsCountableEvent(c.streak().event())) {
        errors.Add(f + "streak.event", "name an event that happens to a user");
      }
      if (c.streak().months() < 2 || c.streak().months() > 120) {
        errors.Add(f + "streak.months", "2 to 120");
      }
      break;
    case BadgeCriteria::kModuleCompleted:
      if (c.module_completed().module_id() <= 0) {
        errors.Add(f + "module_completed.module_id", "required");
      }
      break;
    case BadgeCriteria::kChallengeCompleted:
      if (c.challenge_completed().challenge_id() <= 0) {
        errors.Add(f + "challenge_completed.challenge_id", "required");
      }
      break;
    case BadgeCriteria::CRITERION_NOT_SET:
      errors.Add(prefix + "criteria", "set exactly one criterion");
      break;
  }
}

CriterionProgress EvaluateCriteria(const BadgeCriteria& criteria, const RecognitionFacts& facts,
                                   absl::CivilDay today) {
  switch (criteria.criterion_case()) {
    case BadgeCriteria::kEventCount:
      return EventCount(criteria.event_count(), facts);
    case BadgeCriteria::kPeriodSum:
      return PeriodSum(criteria.period_sum(), facts, today);
    case BadgeCriteria::kCertification:
      return Certification(criteria.certification(), facts);
    case BadgeCriteria::kPlacement:
      return Placement(criteria.placement(), facts);
    case BadgeCriteria::kStreak:
      return Streak(criteria.streak(), facts, today);
    case BadgeCriteria::kModuleCompleted:
      return ModuleCompleted(criteria.module_completed(), facts);
    case BadgeCriteria::kChallengeCompleted:
      return ChallengeCompleted(criteria.challenge_completed(), facts);
    case BadgeCriteria::CRITERION_NOT_SET:
      break;
  }
  return CriterionProgress{.text = Phrase("badge.no_criterion")};
}

}  // namespace cim
