// The level ladder: validation of a new ladder and where lifetime points stand on it.
#ifndef CIM_SERVER_RECOGNITION_LEVELS_H_
#define CIM_SERVER_RECOGNITION_LEVELS_H_

#include <vector>

#include "absl/status/statusor.h"
#include "cim/v1/recognition.pb.h"
#include "lib/decimal.h"

namespace cim {

inline constexpr int kMaxLevels = 20;

// The ladder `levels` describes, ordered by min_points with ranks 1.. set and values in
// canonical form. INVALID_ARGUMENT with a violation per field (`levels[2].min_points`) for
// no or too many levels, names empty, too long or repeated, min_points not a whole
// non-negative number or repeated, or no level starting at 0.
absl::StatusOr<std::vector<cim::v1::Level>> ValidateLevels(
    const std::vector<cim::v1::Level>& levels);

// Where `points` stand on `ladder` (ordered, as ValidateLevels returns it). An empty ladder
// or points below the first level give an unset level with next_level the first level.
cim::v1::LevelProgress ProgressOnLadder(const std::vector<cim::v1::Level>& ladder,
                                        const Decimal& points);

}  // namespace cim

#endif  // CIM_SERVER_RECOGNITION_LEVELS_H_
