// Badges: validation of a badge and its criteria, and how far a user's facts meet them.
#ifndef CIM_SERVER_RECOGNITION_BADGE_RULES_H_
#define CIM_SERVER_RECOGNITION_BADGE_RULES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/time/civil_time.h"
#include "cim/v1/recognition.pb.h"
#include "lib/decimal.h"
#include "lib/status_util.h"

namespace cim {

// Points tallies have this kind (any event) and unit "points".
inline constexpr cim::v1::RecognitionEventKind kPointsTallyKind =
    cim::v1::RECOGNITION_EVENT_KIND_UNSPECIFIED;

// One user's events of one kind and unit in one calendar month.
struct MonthlyTally {
  cim::v1::RecognitionEventKind kind = cim::v1::RECOGNITION_EVENT_KIND_UNSPECIFIED;
  std::string unit;  // currency code, or "points"
  absl::CivilMonth month;
  int64_t events = 0;
  Decimal amount;
};

// What badge criteria are judged on, for one user.
struct RecognitionFacts {
  std::vector<MonthlyTally> tallies;
  // Codes of the unexpired certifications the user holds.
  absl::flat_hash_set<std::string> certifications;
  // Per leaderboard id, the user's best finish (1 = first) in a closed period.
  absl::flat_hash_map<int64_t, int> best_placements;
  // Ids of the training modules the user completed.
  absl::flat_hash_set<int64_t> completed_modules;
  // Ids of the challenges the user completed.
  absl::flat_hash_set<int64_t> completed_challenges;
};

// How far the facts meet a criterion.
struct CriterionProgress {
  bool met = false;
  Decimal current;
  Decimal target;
  int percent = 0;   // 0 to 100, rounded down
  std::string text;  // "7 of 10 approved claims"
};

// Event kinds a count or streak criterion may name (those that happen to a user).
bool IsCountableEvent(cim::v1::RecognitionEventKind kind);

// Adds a violation per bad field of `badge` (name, description, image_url, criteria), with
// fields under `prefix` ("badge.criteria.event_count.count"). Placement boards and training
// modules are not looked up here.
void ValidateBadge(const cim::v1::Badge& badge, const std::string& prefix, FieldErrors& errors);

// How far `facts` meet `criteria` on `today` (period sums and streaks show the current
// period or run).
CriterionProgress EvaluateCriteria(const cim::v1::BadgeCriteria& criteria,
                                   const RecognitionFacts& facts, absl::CivilDay today);

}  // namespace cim

#endif  // CIM_SERVER_RECOGNITION_BADGE_RULES_H_
