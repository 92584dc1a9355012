// What program performance and simulation read from the database, and the program costs they
// write. Every figure is in one program's currency.
#ifndef CIM_SERVER_PERFORMANCE_PERFORMANCE_REPOSITORY_H_
#define CIM_SERVER_PERFORMANCE_PERFORMANCE_REPOSITORY_H_

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "cim/v1/identity.pb.h"
#include "cim/v1/performance.pb.h"
#include "lib/dates.h"
#include "lib/decimal.h"
#include "server/performance/performance_rules.h"

namespace cim {

// Approved (or paid) sales and their cost of goods sold (lines whose product is priced in
// another currency have no cost).
struct SalesFigures {
  Decimal sales;
  Decimal cogs;
};

// A program's rewards as posted (net of reversals).
struct RewardFigures {
  // Money (payable, co-op and MDF accounts) per partner, and per posting day.
  absl::flat_hash_map<int64_t, Decimal> money_by_partner;
  std::map<absl::CivilDay, Decimal> money_by_day;
  Decimal points;
};

struct FunnelFigures {
  // Claims by cim.v1.ClaimStatus.
  std::map<int, int64_t> by_status;
  // Hours from submission to the approval or rejection of each decided claim.
  std::vector<double> cycle_hours;
};

struct DisputeFigures {
  // Disputes about the program by cim.v1.DisputeState.
  std::map<int, int64_t> by_state;
  // Hours from opening to resolution of each adjusted or refused dispute.
  std::vector<double> resolution_hours;
};

struct EngagementFigures {
  int64_t active_partners = 0;
  int64_t training_completions = 0;
  // Survey responses by score 0–10.
  std::array<int64_t, 11> scores{};
};

struct SalesQuery {
  std::vector<int64_t> partner_ids;
  std::string currency_code;
  DateRange range;                // by invoice date
  std::vector<std::string> skus;  // empty: every SKU
  int64_t program_id = 0;         // claims of this program only (0: of any program)
};

// Active partners with the certification codes their users hold.
using Candidates = std::vector<std::pair<cim::v1::Partner, absl::flat_hash_set<std::string>>>;

class PerformanceRepository {
 public:
  virtual ~PerformanceRepository() = default;

  // Stores a cost; returns it with id and time.
  virtual absl::StatusOr<cim::v1::ProgramCost> InsertCost(const cim::v1::ProgramCost& cost,
                                                          int64_t actor, absl::Time now) = 0;
  // Marks a cost voided. NOT_FOUND if none; FAILED_PRECONDITION if already voided.
  virtual absl::StatusOr<cim::v1::ProgramCost> VoidCost(int64_t cost_id) = 0;
  // NOT_FOUND if none.
  virtual absl::StatusOr<cim::v1::ProgramCost> GetCost(int64_t cost_id) = 0;
  // A program's costs, newest first.
  virtual absl::StatusOr<std::vector<cim::v1::ProgramCost>> ListCosts(int64_t program_id) = 0;

  // The partners enrolled in a program.
  virtual absl::StatusOr<std::vector<cim::v1::Partner>> EnrolledPartners(int64_t program_id) = 0;
  // Every active partner with the certification codes its active users hold unexpired at `now`.
  virtual absl::StatusOr<Candidates> ActivePartnersWithCertifications(absl::Time now) = 0;
  // Approved or paid claim lines of the partners, per partner.
  virtual absl::StatusOr<absl::flat_hash_map<int64_t, SalesFigures>> Sales(
      const SalesQuery& query) = 0;
  virtual absl::StatusOr<RewardFigures> Rewards(int64_t program_id) = 0;
  virtual absl::StatusOr<FunnelFigures> Funnel(int64_t program_id) = 0;
  virtual absl::StatusOr<DisputeFigures> Disputes(int64_t program_id) = 0;
  // Partners with a claim in the program submitted in `range`; training completions and survey
  // scores of the partners' users in `range`.
  virtual absl::StatusOr<EngagementFigures> Engagement(int64_t program_id,
                                                       const std::vector<int64_t>& partner_ids,
                                                       const DateRange& range) = 0;
  // Calls `fn` with each approved or paid claim of the query (lines of its SKUs only when
  // skus is not empty), in the order they were approved. Stops at fn's first error.
  virtual absl::Status ForEachApprovedClaim(
      const SalesQuery& query, const std::function<absl::Status(HistoricalClaim&)>& fn) = 0;
};

}  // namespace cim

#endif  // CIM_SERVER_PERFORMANCE_PERFORMANCE_REPOSITORY_H_
