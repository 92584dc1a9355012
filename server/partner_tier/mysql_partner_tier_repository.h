// PartnerTierRepository on MySQL/MariaDB.
#ifndef CIM_SERVER_PARTNER_TIER_MYSQL_PARTNER_TIER_REPOSITORY_H_
#define CIM_SERVER_PARTNER_TIER_MYSQL_PARTNER_TIER_REPOSITORY_H_

#include "server/db/mysql_database.h"
#include "server/partner_tier/partner_tier_repository.h"

namespace cim {

class MysqlPartnerTierRepository final : public PartnerTierRepository {
 public:
  explicit MysqlPartnerTierRepository(MysqlDatabase& db) : db_(db) {}

  absl::StatusOr<cim::v1::TierLadder> GetLadder() override;
  absl::Status ReplaceLadder(const cim::v1::TierLadder& ladder, absl::Time now) override;
  absl::StatusOr<std::vector<TierPartner>> ActivePartners(int64_t after_id, int limit) override;
  absl::StatusOr<TierPartner> GetPartner(int64_t id) override;
  absl::StatusOr<absl::flat_hash_map<int64_t, TierFigures>> Figures(
      const std::vector<int64_t>& partner_ids, const std::string& currency_code,
      absl::Time now) override;
  absl::StatusOr<cim::v1::TierChange> ApplyChange(const NewTierChange& change) override;
  absl::StatusOr<std::vector<cim::v1::TierChange>> ListChanges(int64_t partner_id,
                                                               int64_t before_id,
                                                               int limit) override;
  absl::StatusOr<bool> ClaimScheduledDay(absl::CivilDay day) override;
  absl::Status ReleaseScheduledDay(absl::CivilDay day) override;
  absl::Status Notify(const std::vector<NotificationEvent>& events) override;

 private:
  MysqlDatabase& db_;
};

}  // namespace cim

#endif  // CIM_SERVER_PARTNER_TIER_MYSQL_PARTNER_TIER_REPOSITORY_H_
