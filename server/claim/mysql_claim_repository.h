// ClaimRepository on MySQL/MariaDB.
#ifndef CIM_SERVER_CLAIM_MYSQL_CLAIM_REPOSITORY_H_
#define CIM_SERVER_CLAIM_MYSQL_CLAIM_REPOSITORY_H_

#include "server/claim/claim_repository.h"
#include "server/db/mysql_database.h"
#include "server/program/mysql_program_repository.h"

namespace cim {

class MysqlClaimRepository final : public ClaimRepository {
 public:
  explicit MysqlClaimRepository(MysqlDatabase& db) : db_(db) {}
  absl::StatusOr<std::optional<InsertOutcome>> Lookup(int64_t partner_id,
                                                      const std::string& idempotency_key) override;
  std::vector<absl::StatusOr<InsertOutcome>> InsertMany(
      const std::vector<NewClaim>& claims) override;
  absl::StatusOr<Claim> Get(int64_t id) override;
  absl::StatusOr<std::vector<cim::v1::ClaimEventNotice>> EventsAfter(int64_t after_id,
                                                                     int limit) override;
  absl::StatusOr<int64_t> LastEventId() override;
  absl::StatusOr<std::vector<Claim>> List(const ClaimFilter& filter, int64_t before_id,
                                          int limit) override;
  std::vector<absl::StatusOr<Claim>> DecideMany(const std::vector<DecideJob>& jobs) override;
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
  // Stores the claims in one transaction; any failure fails them all.
  absl::StatusOr<std::vector<InsertOutcome>> InsertAll(const std::vector<NewClaim>& claims);
  // InsertAll of one claim, sorting out a reused idempotency key or invoice.
  absl::StatusOr<InsertOutcome> InsertOne(const NewClaim& claim);

  MysqlDatabase& db_;
  ProgramCache programs_;
};

}  // namespace cim

#endif  // CIM_SERVER_CLAIM_MYSQL_CLAIM_REPOSITORY_H_
