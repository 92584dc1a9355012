// ClaimRepository on MySQL/MariaDB.
#ifndef CIM_SERVER_CLAIM_MYSQL_CLAIM_REPOSITORY_H_
#define CIM_SERVER_CLAIM_MYSQL_CLAIM_REPOSITORY_H_

#include "server/claim/claim_repository.h"
#include "server/db/mysql_database.h"

namespace cim {

class MysqlClaimRepository final : public ClaimRepository {
 public:
  explicit MysqlClaimRepository(MysqlDatabase& db) : db_(db) {}
  absl::StatusOr<std::optional<InsertOutcome>> Lookup(int64_t partner_id,
                                                      const std::string& idempotency_key) override;
  absl::StatusOr<InsertOutcome> Insert(const NewClaim& claim) override;
  absl::StatusOr<Claim> Get(int64_t id) override;
  absl::StatusOr<std::vector<Claim>> List(const ClaimFilter& filter, int64_t before_id,
                                          int limit) override;
  absl::StatusOr<Claim> Decide(int64_t claim_id, int64_t actor, absl::Time now,
                               const DecideFn& decide) override;
  absl::StatusOr<absl::flat_hash_map<std::string, RuleTotals>> PeriodTotals(
      int64_t program_id, int64_t partner_id, absl::CivilDay period_start) override;
  absl::StatusOr<Decimal> ApprovedSales(int64_t program_id, int64_t partner_id,
                                        const DateRange& range,
                                        const std::vector<std::string>& skus) override;
  absl::StatusOr<Attachment> GetAttachment(int64_t id) override;
  absl::StatusOr<Attachment> CreateAttachment(const Attachment& attachment,
                                              const std::string& bytes) override;
  absl::Status ReadAttachment(int64_t id,
                              const std::function<bool(const std::string&)>& sink) override;

 private:
  MysqlDatabase& db_;
};

}  // namespace cim

#endif  // CIM_SERVER_CLAIM_MYSQL_CLAIM_REPOSITORY_H_
