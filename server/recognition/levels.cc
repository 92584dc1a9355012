#include "server/recognition/levels.h"

#include <algorithm>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "lib/decimal_field.h"
#include "lib/phrase.h"
#include "lib/status_util.h"
#include "lib/text_field.h"

namespace cim {

absl::StatusOr<std::vector<cim::v1::Level>> ValidateLevels(
    const std::vector<cim::v1::Level>& levels) {
  FieldErrors errors;
  if (levels.empty() || levels.size() > kMaxLevels) {
    errors.Add("levels", Phrase("error.level_count").Count("max", kMaxLevels));
    return errors.ToStatus();
  }
  std::vector<std::pair<Decimal, cim::v1::Level>> parsed;
  std::set<std::string> names;
  std::set<Decimal> thresholds;
  for (size_t i = 0; i < levels.size(); ++i) {
    const std::string field = absl::StrCat("levels[", i, "]");
    ValidateText(levels[i].name(), field + ".name", 1, 60, errors);
    // Names are compared as the database's collation does (case and spaces ignored).
    if (!names.insert(absl::AsciiStrToLower(absl::StripAsciiWhitespace(levels[i].name()))).second) {
      errors.Add(field + ".name", "another level has this name");
    }
    std::optional<Decimal> min =
        ParseDecimalField(levels[i].min_points(), field + ".min_points",
                          DecimalBounds{.allow_zero = true, .max_scale = 0}, errors);
    if (!min) continue;
    if (!thresholds.insert(*min).second) {
      errors.Add(field + ".min_points", "another level starts at these points");
    }
    parsed.emplace_back(*min, levels[i]);
  }
  if (errors.empty() && !thresholds.contains(Decimal())) {
    errors.Add("levels", "the first level must start at 0 points");
  }
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  std::sort(parsed.begin(), parsed.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<cim::v1::Level> out;
  for (auto& [min, level] : parsed) {
    level.set_rank(static_cast<int>(out.size()) + 1);
    level.set_min_points(min.ToString());
    out.push_back(std::move(level));
  }
  return out;
}

cim::v1::LevelProgress ProgressOnLadder(const std::vector<cim::v1::Level>& ladder,
                                        const Decimal& points) {
  cim::v1::LevelProgress out;
  const cim::v1::Level* current = nullptr;
  const cim::v1::Level* next = nullptr;
  for (const cim::v1::Level& level : ladder) {
    if (*Decimal::Parse(level.min_points()) <= points) {
      current = &level;
    } else {
      next = &level;
      break;
    }
  }
  if (current != nullptr) *out.mutable_level() = *current;
  if (next == nullptr) {
    out.set_points_to_next_level("0");
    out.set_progress_percent(100);
    return out;
  }
  *out.mutable_next_level() = *next;
  const Decimal from = current ? *Decimal::Parse(current->min_points()) : Decimal();
  const Decimal to = *Decimal::Parse(next->min_points());
  out.set_points_to_next_level((to - points).ToString(0));
  out.set_progress_percent(PercentOfWay(from, to, points));
  return out;
}

}  // namespace cim
