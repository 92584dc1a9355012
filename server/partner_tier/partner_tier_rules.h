// Partner tiers: validation of a ladder, which tier a partner's figures give, what the next
// tier still needs, the reason recorded with a change, and demotion warnings for expiring
// certifications. Pure C++; times are passed in.
#ifndef CIM_SERVER_PARTNER_TIER_PARTNER_TIER_RULES_H_
#define CIM_SERVER_PARTNER_TIER_PARTNER_TIER_RULES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "cim/v1/tier.pb.h"
#include "lib/decimal.h"

namespace cim {

inline constexpr int kMaxTiers = 20;
// Certifications expiring within this long raise a demotion warning.
inline constexpr absl::Duration kDemotionWarningWindow = absl::Hours(24 * 60);

// An unexpired certification of an active user of the partner.
struct HeldCertification {
  int64_t user_id = 0;
  std::string code;
  absl::Time expires_at;
  std::string user_display_name;
};

// What a partner's tier is judged on.
struct TierFigures {
  // Approved sales in the ladder's currency and points earned, over the trailing 12 months.
  Decimal trailing_sales;
  Decimal trailing_points;
  std::vector<HeldCertification> certifications;
};

// When the trailing 12 months that count at `now` begin: the same time a year earlier (29
// February → 1 March).
absl::Time TrailingYearStart(absl::Time now);

// The ladder `ladder` describes, with ranks 1.. set and decimals in canonical form.
// INVALID_ARGUMENT with a violation per bad field (`ladder.tiers[2].criteria.min_trailing_sales`):
// more than kMaxTiers tiers, codes or names bad or repeated, benefits too long, a lowest tier
// with criteria, a tier asking less than the one below it, bad decimals or certification
// codes, or a missing or unknown currency while some tier has a sales criterion.
absl::StatusOr<cim::v1::TierLadder> ValidateTierLadder(const cim::v1::TierLadder& ladder);

// Distinct users holding a certification with `code` ("": any) still valid at `at`.
int CertifiedUsers(const TierFigures& figures, absl::string_view code, absl::Time at);

// Whether `figures` meet `tier`'s criteria at `at`.
bool MeetsTier(const cim::v1::Tier& tier, const TierFigures& figures, absl::Time at);

// Index in ladder.tiers() of the highest tier `figures` meet at `at` (0: the lowest, which
// has no criteria); -1 for an empty ladder.
int QualifiedTierIndex(const cim::v1::TierLadder& ladder, const TierFigures& figures,
                       absl::Time at);

// Index of the tier with `code`, or -1.
int TierIndexOfCode(const cim::v1::TierLadder& ladder, absl::string_view code);

// What ladder.tiers(index) still needs, with the text as a phrase (lib/phrase.h: "€12,400 more
// sales and 1 more certified user to Gold" in English).
cim::v1::TierGap GapTo(const cim::v1::TierLadder& ladder, int index, const TierFigures& figures,
                       absl::Time at);

// Why a partner moves from tier `from` (-1: a code outside the ladder) to tier `to`, with the
// figures, as a phrase (stored with the change, read in each reader's language), e.g. "Trailing
// 12-month sales €152,300 and 3 certified users meet Gold (€150,000 and 2 certified users)".
std::string TierChangeReason(const cim::v1::TierLadder& ladder, int from, int to,
                             const TierFigures& figures, absl::Time at);

// Set when certifications expiring within kDemotionWarningWindow after `now` would take the
// partner below the tier its figures give now (sales and points as they are).
std::optional<cim::v1::TierDemotionWarning> DemotionWarning(const cim::v1::TierLadder& ladder,
                                                            const TierFigures& figures,
                                                            absl::Time now);

// Sets `warning`'s rebates_at_risk and says in its text (a phrase) what the drop costs, e.g. "…
// (otherwise Silver), and Silver earns 1% less rebate in Storage Rebate 2026: €480 on this
// period's sales so far". Leaves the text as it is when `at_risk` is empty.
void AddRebatesAtRisk(std::vector<cim::v1::RebateAtRisk> at_risk,
                      cim::v1::TierDemotionWarning& warning);

// A partner's standing: held tier (`held_code`), qualified tier, figures, the gap to the
// next tier above the held one (or the qualified one if higher) and any demotion warning.
cim::v1::PartnerTierStatus TierStatus(const cim::v1::TierLadder& ladder, int64_t partner_id,
                                      const std::string& partner_name, const std::string& held_code,
                                      const TierFigures& figures, absl::Time now);

}  // namespace cim

#endif  // CIM_SERVER_PARTNER_TIER_PARTNER_TIER_RULES_H_
