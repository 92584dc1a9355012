#include "server/program/rule_values.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "lib/status_util.h"

namespace cim {

absl::StatusOr<Decimal> StoredDecimal(absl::string_view text, absl::string_view what) {
  absl::StatusOr<Decimal> d = Decimal::Parse(text);
  if (!d.ok()) {
    return absl::InternalError(
        absl::StrCat("stored rule value ", what, ": ", d.status().message()));
  }
  return *d;
}

absl::StatusOr<std::vector<RebateTier>> RebateTiersOf(const cim::v1::RebateRule& rule) {
  std::vector<RebateTier> tiers;
  for (const auto& t : rule.tiers()) {
    RebateTier tier;
    CIM_ASSIGN_OR_RETURN(tier.min_volume, StoredDecimal(t.min_volume(), "min_volume"));
    CIM_ASSIGN_OR_RETURN(tier.percent, StoredDecimal(t.percent(), "percent"));
    tiers.push_back(tier);
  }
  if (tiers.empty()) return absl::InternalError("stored rebate rule has no tiers");
  return tiers;
}

size_t RebateTierIndex(const std::vector<RebateTier>& tiers, const Decimal& volume) {
  size_t index = 0;
  for (size_t i = 0; i < tiers.size(); ++i) {
    if (tiers[i].min_volume <= volume) index = i;
  }
  return index;
}

absl::StatusOr<Decimal> TierUpliftPercent(const cim::v1::RebateRule& rule, absl::string_view tier) {
  for (const cim::v1::PartnerTierUplift& u : rule.partner_tier_uplifts()) {
    if (!tier.empty() && u.tier() == tier) return StoredDecimal(u.percent(), "uplift percent");
  }
  return Decimal();
}

}  // namespace cim
