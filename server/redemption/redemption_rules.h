// Rewards catalog and redemption rules: what a catalog item may hold, what an order needs
// (balance, stock, per-user limit), when it waits for approval, how an order's status may move,
// and the fulfilment CSV. Pure C++.
#ifndef CIM_SERVER_REDEMPTION_REDEMPTION_RULES_H_
#define CIM_SERVER_REDEMPTION_REDEMPTION_RULES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "cim/v1/redemption.pb.h"
#include "cim/v1/redemption_service.pb.h"
#include "lib/decimal.h"
#include "lib/status_util.h"

namespace cim {

using cim::v1::RedemptionOrder;
using cim::v1::RedemptionOrderStatus;
using cim::v1::RewardItem;

inline constexpr int kMaxOrderQuantity = 100;
inline constexpr size_t kMaxImageBytes = 2 << 20;  // 2 MiB
inline constexpr int kMaxCsvRows = 5000;

// Adds violations (named "item.<field>") for every bad field of `item` among `fields` (the
// update mask's paths; every editable field when empty): name, description, kind, points price
// (whole points > 0), opening stock (≥ 0, creating only), availability codes, per-user limit,
// approval threshold, stock alert threshold, status.
void ValidateRewardItem(const RewardItem& item, const std::vector<std::string>& fields,
                        bool creating, FieldErrors& errors);

// A user's position when ordering: their points balance and the units of the item they hold
// in orders that are not cancelled or refused.
struct OrderPosition {
  Decimal balance;
  int64_t units_held = 0;
};

// What an order debits and the status it starts in.
struct OrderPlan {
  Decimal points_each;
  Decimal points_total;
  RedemptionOrderStatus status = cim::v1::REDEMPTION_ORDER_STATUS_UNSPECIFIED;
};

// The order of `quantity` units of `item` a user at `position` may place: APPROVED at once, or
// PLACED to wait for approval when the total reaches the item's approval threshold.
// FAILED_PRECONDITION when the item is retired, the stock is short, the per-user limit would be
// passed, or the balance does not cover the total (the message says how many points are
// missing).
absl::StatusOr<OrderPlan> PlanOrder(const RewardItem& item, int quantity,
                                    const OrderPosition& position);

// The points still missing for `price` at `balance` (zero when the balance covers it).
Decimal PointsShort(const Decimal& price, const Decimal& balance);

// How a redemption entry explains itself: "Order 12: 2 × Gift card €25 at 2500 points each".
std::string RedemptionBasis(int64_t order_id, int quantity, absl::string_view item_name,
                            const Decimal& points_each);

enum class OrderAction { kApprove, kRefuse, kFulfil, kDeliver, kCancel };

// The status `action` leads to from `from`: approve and refuse a PLACED order, fulfil an
// APPROVED one, deliver a FULFILLED one, cancel one that is PLACED, APPROVED or FULFILLED.
// FAILED_PRECONDITION naming both otherwise.
absl::StatusOr<RedemptionOrderStatus> NextOrderStatus(RedemptionOrderStatus from,
                                                      OrderAction action);

// True when reaching `status` gives the order's points (and stock) back.
bool ReturnsPoints(RedemptionOrderStatus status);

// Adds violations for the fields `action` needs on an order of `kind`: a reason to refuse or
// cancel (1 to 500 characters); to fulfil, a fulfilment code (gift cards, vouchers, seats,
// donations) or a tracking reference (merchandise), 1 to 200 characters; otherwise an optional
// note of up to 500.
void ValidateOrderAction(const cim::v1::RedemptionOrderActionRequest& request, OrderAction action,
                         cim::v1::RewardItemKind kind, FieldErrors& errors);

// The API name of an order status without its prefix ("APPROVED").
std::string OrderStatusName(RedemptionOrderStatus status);

// One row of a fulfilment CSV.
struct FulfilmentRow {
  int line = 0;
  int64_t order_id = 0;
  std::string fulfilment_code;
  std::string tracking_reference;
  std::string error;  // empty when the row parsed
};

// The rows of a fulfilment CSV: a header naming order_id and fulfilment_code and/or
// tracking_reference (any order, case-insensitive), then one row per order. A row that does not
// parse carries its error. INVALID_ARGUMENT (field "csv") when the text is not CSV, is empty,
// lacks the header's columns, names an order twice or is larger than allowed.
absl::StatusOr<std::vector<FulfilmentRow>> ParseFulfilmentCsv(absl::string_view csv);

}  // namespace cim

#endif  // CIM_SERVER_REDEMPTION_REDEMPTION_RULES_H_
