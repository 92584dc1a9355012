// Storage of the rewards catalog (items, pictures, stock) and of redemption orders with the
// ledger entries that move their points.
#ifndef CIM_SERVER_REDEMPTION_REDEMPTION_REPOSITORY_H_
#define CIM_SERVER_REDEMPTION_REDEMPTION_REPOSITORY_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "cim/v1/redemption.pb.h"
#include "cim/v1/redemption_service.pb.h"
#include "server/redemption/redemption_rules.h"

namespace cim {

struct RewardItemFilter {
  bool active_only = false;
  bool include_retired = true;
  bool low_stock_only = false;
};

struct RedemptionOrderFilter {
  RedemptionOrderStatus status = cim::v1::REDEMPTION_ORDER_STATUS_UNSPECIFIED;
  int64_t partner_id = 0;
  int64_t user_id = 0;
  int64_t item_id = 0;
  // Oldest first (a queue) instead of newest first.
  bool oldest_first = false;
};

// An order to place, checked by the caller except for what only the store knows.
struct NewOrder {
  int64_t partner_id = 0;
  int64_t user_id = 0;
  int64_t item_id = 0;
  int quantity = 0;
  std::string idempotency_key;
  std::string request_hash;
  std::string delivery_address;
  absl::Time now;
};

// What placing an order did: the new order, or the earlier order of the same key (replayed,
// with the hash of the request that placed it).
struct PlaceOutcome {
  RedemptionOrder order;
  bool replayed = false;
  std::string request_hash;
};

// Decides an order from the item (locked when it keeps stock) and the user's position (their
// points and units held, read while every other order of the user waits).
using PlanFn =
    std::function<absl::StatusOr<OrderPlan>(const RewardItem& item, const OrderPosition& position)>;

// A change to apply to a locked order.
struct OrderChange {
  RedemptionOrderStatus to = cim::v1::REDEMPTION_ORDER_STATUS_UNSPECIFIED;
  std::string note;
  std::string reason;              // set on the order when not empty
  std::string fulfilment_code;     // likewise
  std::string tracking_reference;  // likewise
};

// Decides the change of the `index`th order from the order as locked.
using ChangeFn =
    std::function<absl::StatusOr<OrderChange>(size_t index, const RedemptionOrder& order)>;

// Which order of a ChangeOrders call failed, and why.
struct ChangeError {
  size_t index = 0;
  absl::Status status;
};

struct ItemImage {
  cim::v1::RewardItemImage metadata;
  std::string content;
};

class RedemptionRepository {
 public:
  virtual ~RedemptionRepository() = default;

  // Stores an ACTIVE item created by `actor`.
  virtual absl::StatusOr<RewardItem> CreateItem(const RewardItem& item, int64_t actor,
                                                absl::Time now) = 0;
  // Writes `fields` of `item` to row item.id() (at `version`, when given). NOT_FOUND if there
  // is no such item; ABORTED if its version moved.
  virtual absl::StatusOr<RewardItem> UpdateItem(const RewardItem& item,
                                                const std::vector<std::string>& fields,
                                                std::optional<long long> version,
                                                absl::Time now) = 0;
  // Adds `delta` units. NOT_FOUND; FAILED_PRECONDITION if the item keeps no stock or the stock
  // would fall below zero.
  virtual absl::StatusOr<RewardItem> AdjustStock(int64_t item_id, int64_t delta,
                                                 absl::Time now) = 0;
  // NOT_FOUND if none.
  virtual absl::StatusOr<RewardItem> GetItem(int64_t id) = 0;
  // Items by points price then id (vendor views: by name), `offset` rows skipped.
  virtual absl::StatusOr<std::vector<RewardItem>> ListItems(const RewardItemFilter& filter,
                                                            bool by_price, int64_t offset,
                                                            int limit) = 0;
  // Stores a picture and makes it the item's. NOT_FOUND for an unknown item.
  virtual absl::StatusOr<RewardItem> SetImage(int64_t item_id, const ItemImage& image,
                                              int64_t actor, absl::Time now) = 0;
  // NOT_FOUND if none.
  virtual absl::StatusOr<ItemImage> GetImage(int64_t image_id) = 0;

  // In one transaction: if the user already placed an order with the key, returns it
  // (replayed). Otherwise waits for the user's other orders, reads the item (locked when it
  // keeps stock) and the user's position, calls `plan`, and stores the order with its first
  // event, takes the stock and appends the entry debiting the points. Errors from `plan` are
  // returned as they are, writing nothing; NOT_FOUND for an unknown item.
  virtual absl::StatusOr<PlaceOutcome> PlaceOrder(const NewOrder& order, const PlanFn& plan) = 0;
  // The order with its timeline. NOT_FOUND if none.
  virtual absl::StatusOr<RedemptionOrder> GetOrder(int64_t id) = 0;
  // Orders matching `filter` with id < before_id (newest first; id > before_id oldest first;
  // 0: from the start), without timelines.
  virtual absl::StatusOr<std::vector<RedemptionOrder>> ListOrders(
      const RedemptionOrderFilter& filter, int64_t before_id, int limit) = 0;
  // In one transaction, order after order: locks order `ids[i]`, calls `change` and applies
  // its change with an event by `actor`; a status that returns points appends the reversal of
  // the debit and gives the stock back. All or nothing: the first error (NOT_FOUND for an
  // unknown order, or `change`'s) rolls everything back, is returned, and names its index in
  // `*error` (when not null). Returns the changed orders.
  virtual absl::StatusOr<std::vector<RedemptionOrder>> ChangeOrders(const std::vector<int64_t>& ids,
                                                                    int64_t actor, absl::Time now,
                                                                    const ChangeFn& change,
                                                                    ChangeError* error) = 0;
};

}  // namespace cim

#endif  // CIM_SERVER_REDEMPTION_REDEMPTION_REPOSITORY_H_
