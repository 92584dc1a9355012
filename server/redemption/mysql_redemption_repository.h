// The rewards catalog and redemption orders in MariaDB.
#ifndef CIM_SERVER_REDEMPTION_MYSQL_REDEMPTION_REPOSITORY_H_
#define CIM_SERVER_REDEMPTION_MYSQL_REDEMPTION_REPOSITORY_H_

#include "server/db/mysql_database.h"
#include "server/redemption/redemption_repository.h"

namespace cim {

class MysqlRedemptionRepository final : public RedemptionRepository {
 public:
  explicit MysqlRedemptionRepository(MysqlDatabase& db) : db_(db) {}

  absl::StatusOr<RewardItem> CreateItem(const RewardItem& item, int64_t actor,
                                        absl::Time now) override;
  absl::StatusOr<RewardItem> UpdateItem(const RewardItem& item,
                                        const std::vector<std::string>& fields,
                                        std::optional<long long> version, absl::Time now) override;
  absl::StatusOr<RewardItem> AdjustStock(int64_t item_id, int64_t delta, absl::Time now) override;
  absl::StatusOr<RewardItem> GetItem(int64_t id) override;
  absl::StatusOr<std::vector<RewardItem>> ListItems(const RewardItemFilter& filter, bool by_price,
                                                    int64_t offset, int limit) override;
  absl::StatusOr<RewardItem> SetImage(int64_t item_id, const ItemImage& image, int64_t actor,
                                      absl::Time now) override;
  absl::StatusOr<ItemImage> GetImage(int64_t image_id) override;
  absl::StatusOr<PlaceOutcome> PlaceOrder(const NewOrder& order, const PlanFn& plan) override;
  absl::StatusOr<RedemptionOrder> GetOrder(int64_t id) override;
  absl::StatusOr<std::vector<RedemptionOrder>> ListOrders(const RedemptionOrderFilter& filter,
                                                          int64_t before_id, int limit) override;
  absl::StatusOr<std::vector<RedemptionOrder>> ChangeOrders(const std::vector<int64_t>& ids,
                                                            int64_t actor, absl::Time now,
                                                            const ChangeFn& change,
                                                            ChangeError* error) override;

 private:
  MysqlDatabase& db_;
};

}  // namespace cim

#endif  // CIM_SERVER_REDEMPTION_MYSQL_REDEMPTION_REPOSITORY_H_
