// PerformanceRepository on MySQL/MariaDB.
#ifndef CIM_SERVER_PERFORMANCE_MYSQL_PERFORMANCE_REPOSITORY_H_
#define CIM_SERVER_PERFORMANCE_MYSQL_PERFORMANCE_REPOSITORY_H_

#include "server/db/mysql_database.h"
#include "server/performance/performance_repository.h"

namespace cim {

class MysqlPerformanceRepository final : public PerformanceRepository {
 public:
  explicit MysqlPerformanceRepository(MysqlDatabase& db) : db_(db) {}

  absl::StatusOr<cim::v1::ProgramCost> InsertCost(const cim::v1::ProgramCost& cost, int64_t actor,
                                                  absl::Time now) override;
  absl::StatusOr<cim::v1::ProgramCost> VoidCost(int64_t cost_id) override;
  absl::StatusOr<cim::v1::ProgramCost> GetCost(int64_t cost_id) override;
  absl::StatusOr<std::vector<cim::v1::ProgramCost>> ListCosts(int64_t program_id) override;
  absl::StatusOr<std::vector<cim::v1::Partner>> EnrolledPartners(int64_t program_id) override;
  absl::StatusOr<Candidates> ActivePartnersWithCertifications(absl::Time now) override;
  absl::StatusOr<absl::flat_hash_map<int64_t, SalesFigures>> Sales(
      const SalesQuery& query) override;
  absl::StatusOr<RewardFigures> Rewards(int64_t program_id) override;
  absl::StatusOr<FunnelFigures> Funnel(int64_t program_id) override;
  absl::StatusOr<DisputeFigures> Disputes(int64_t program_id) override;
  absl::StatusOr<EngagementFigures> Engagement(int64_t program_id,
                                               const std::vector<int64_t>& partner_ids,
                                               const DateRange& range) override;
  absl::Status ForEachApprovedClaim(
      const SalesQuery& query, const std::function<absl::Status(HistoricalClaim&)>& fn) override;

 private:
  MysqlDatabase& db_;
};

}  // namespace cim

#endif  // CIM_SERVER_PERFORMANCE_MYSQL_PERFORMANCE_REPOSITORY_H_
