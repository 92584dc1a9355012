// Reading a stored program's rule values: decimals validated when the rules were saved, and a
// rebate rule's volume tiers with the one rule for which tier a period volume reaches, and its
// partner-tier uplifts. The reward engine, the partner progress report and the simulator all read
// rules through this.
#ifndef CIM_SERVER_PROGRAM_RULE_VALUES_H_
#define CIM_SERVER_PROGRAM_RULE_VALUES_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "cim/v1/program.pb.h"
#include "lib/decimal.h"

namespace cim {

// A stored decimal (`what` names it in the error). INTERNAL if it does not parse: rules are
// validated on save, so that means corrupt data, never a value to read as 0.
absl::StatusOr<Decimal> StoredDecimal(absl::string_view text, absl::string_view what);

// One volume tier of a rebate rule (not a partner tier): from `min_volume` of period sales
// on, `percent` applies.
struct RebateTier {
  Decimal min_volume;
  Decimal percent;
};

// The tiers of a stored rebate rule, lowest first. INTERNAL if a value does not parse or the
// rule has no tier.
absl::StatusOr<std::vector<RebateTier>> RebateTiersOf(const cim::v1::RebateRule& rule);

// The index of the tier a period volume reaches: the last whose min_volume ≤ volume (the first
// tier below every threshold). `tiers` is not empty.
size_t RebateTierIndex(const std::vector<RebateTier>& tiers, const Decimal& volume);

// The percent a stored rebate rule adds for partners holding partner tier `tier`
// (PartnerTierUplift); 0 when it names no uplift for that tier. INTERNAL if the value does not
// parse.
absl::StatusOr<Decimal> TierUpliftPercent(const cim::v1::RebateRule& rule, absl::string_view tier);

}  // namespace cim

#endif  // CIM_SERVER_PROGRAM_RULE_VALUES_H_
