#include "server/redemption/redemption_rules.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "lib/csv.h"
#include "lib/decimal_field.h"
#include "lib/phrase.h"
#include "lib/text_field.h"
#include "server/program/program_rules.h"

namespace cim {
namespace {

using cim::v1::RewardItemKind;

constexpr int64_t kMaxStock = 1'000'000'000;
constexpr int kMaxPerUserLimit = 10'000;

// Whole points: no fraction, at most 10^12.
DecimalBounds PointsBounds(bool allow_zero) {
  return {.allow_zero = allow_zero, .max_scale = 0, .max = Decimal::FromInt(1'000'000'000'000)};
}

bool Wants(const std::vector<std::string>& fields, absl::string_view field) {
  return fields.empty() || std::find(fields.begin(), fields.end(), field) != fields.end();
}

}  // namespace

void ValidateRewardItem(const RewardItem& item, const std::vector<std::string>& fields,
                        bool creating, FieldErrors& errors) {
  if (Wants(fields, "name")) ValidateText(item.name(), "item.name", 1, 120, errors);
  if (Wants(fields, "description")) {
    ValidateText(item.description(), "item.description", 0, 2000, errors);
  }
  if (Wants(fields, "kind") && (item.kind() == cim::v1::REWARD_ITEM_KIND_UNSPECIFIED ||
                                !cim::v1::RewardItemKind_IsValid(item.kind()))) {
    errors.Add("item.kind", "gift card, merchandise, training voucher, event seat or donation");
  }
  if (Wants(fields, "points_price")) {
    ParseDecimalField(item.points_price(), "item.points_price", PointsBounds(false), errors);
  }
  if (creating && !item.unlimited_stock() && (item.stock() < 0 || item.stock() > kMaxStock)) {
    errors.Add("item.stock", "0 to 1,000,000,000 units");
  }
  if (Wants(fields, "availability")) {
    ValidateEligibility(item.availability(), "item.availability", errors);
  }
  if (Wants(fields, "per_user_limit") &&
      (item.per_user_limit() < 0 || item.per_user_limit() > kMaxPerUserLimit)) {
    errors.Add("item.per_user_limit", "0 (no limit) to 10,000 units");
  }
  if (Wants(fields, "approval_points") && !item.approval_points().empty()) {
    ParseDecimalField(item.approval_points(), "item.approval_points", PointsBounds(true), errors);
  }
  if (Wants(fields, "low_stock_threshold") &&
      (item.low_stock_threshold() < 0 || item.low_stock_threshold() > kMaxStock)) {
    errors.Add("item.low_stock_threshold", "0 to 1,000,000,000 units");
  }
  if (!creating && Wants(fields, "status") && item.status() != cim::v1::REWARD_ITEM_STATUS_ACTIVE &&
      item.status() != cim::v1::REWARD_ITEM_STATUS_RETIRED) {
    errors.Add("item.status", "ACTIVE or RETIRED");
  }
}

absl::StatusOr<OrderPlan> PlanOrder(const RewardItem& item, int quantity,
                                    const OrderPosition& position) {
  if (item.status() != cim::v1::REWARD_ITEM_STATUS_ACTIVE) {
    return absl::FailedPreconditionError(Phrase("error.item_gone").Text("item", item.name()).str());
  }
  if (!item.unlimited_stock() && item.stock() < quantity) {
    return absl::FailedPreconditionError(
        Phrase("error.stock_left").Text("item", item.name()).Count("left", item.stock()).str());
  }
  if (item.per_user_limit() > 0 && position.units_held + quantity > item.per_user_limit()) {
    return absl::FailedPreconditionError(Phrase("error.per_person_limit")
                                             .Text("item", item.name())
                                             .Count("limit", item.per_user_limit())
                                             .Count("held", position.units_held)
                                             .str());
  }
  CIM_ASSIGN_OR_RETURN(const Decimal price, Decimal::Parse(item.points_price()));
  OrderPlan plan{.points_each = price, .points_total = price * Decimal::FromInt(quantity)};
  if (position.balance < plan.points_total) {
    return absl::FailedPreconditionError(
        Phrase("error.points_short")
            .Count("total", plan.points_total)
            .Count("balance", position.balance)
            .Count("short", PointsShort(plan.points_total, position.balance))
            .str());
  }
  Decimal approval;
  if (!item.approval_points().empty()) {
    CIM_ASSIGN_OR_RETURN(approval, Decimal::Parse(item.approval_points()));
  }
  plan.status = approval.sign() > 0 && plan.points_total >= approval
                    ? cim::v1::REDEMPTION_ORDER_STATUS_PLACED
                    : cim::v1::REDEMPTION_ORDER_STATUS_APPROVED;
  return plan;
}

Decimal PointsShort(const Decimal& price, const Decimal& balance) {
  return price > balance ? price - balance : Decimal();
}

std::string RedemptionBasis(int64_t order_id, int quantity, absl::string_view item_name,
                            const Decimal& points_each) {
  return Phrase("ledger.redemption")
      .Text("order", absl::StrCat(order_id))
      .Count("quantity", quantity)
      .Text("item", item_name)
      .Count("points", points_each);
}

absl::StatusOr<RedemptionOrderStatus> NextOrderStatus(RedemptionOrderStatus from,
                                                      OrderAction action) {
  using cim::v1::REDEMPTION_ORDER_STATUS_APPROVED;
  using cim::v1::REDEMPTION_ORDER_STATUS_CANCELLED;
  using cim::v1::REDEMPTION_ORDER_STATUS_DELIVERED;
  using cim::v1::REDEMPTION_ORDER_STATUS_FULFILLED;
  using cim::v1::REDEMPTION_ORDER_STATUS_PLACED;
  using cim::v1::REDEMPTION_ORDER_STATUS_REFUSED;
  RedemptionOrderStatus to = cim::v1::REDEMPTION_ORDER_STATUS_UNSPECIFIED;
  switch (action) {
    case OrderAction::kApprove:
      if (from == REDEMPTION_ORDER_STATUS_PLACED) to = REDEMPTION_ORDER_STATUS_APPROVED;
      break;
    case OrderAction::kRefuse:
      if (from == REDEMPTION_ORDER_STATUS_PLACED) to = REDEMPTION_ORDER_STATUS_REFUSED;
      break;
    case OrderAction::kFulfil:
      if (from == REDEMPTION_ORDER_STATUS_APPROVED) to = REDEMPTION_ORDER_STATUS_FULFILLED;
      break;
    case OrderAction::kDeliver:
      if (from == REDEMPTION_ORDER_STATUS_FULFILLED) to = REDEMPTION_ORDER_STATUS_DELIVERED;
      break;
    case OrderAction::kCancel:
      if (from == REDEMPTION_ORDER_STATUS_PLACED || from == REDEMPTION_ORDER_STATUS_APPROVED ||
          from == REDEMPTION_ORDER_STATUS_FULFILLED) {
        to = REDEMPTION_ORDER_STATUS_CANCELLED;
      }
      break;
  }
  if (to != cim::v1::REDEMPTION_ORDER_STATUS_UNSPECIFIED) return to;
  static constexpr const char* kActions[] = {"approve", "refuse", "fulfil", "deliver", "cancel"};
  return absl::FailedPreconditionError(Phrase("error.order_transition")
                                           .Text("from", OrderStatusName(from))
                                           .Text("action", kActions[static_cast<int>(action)])
                                           .str());
}

bool ReturnsPoints(RedemptionOrderStatus status) {
  return status == cim::v1::REDEMPTION_ORDER_STATUS_CANCELLED ||
         status == cim::v1::REDEMPTION_ORDER_STATUS_REFUSED;
}

void ValidateOrderAction(const cim::v1::RedemptionOrderActionRequest& request, OrderAction action,
                         RewardItemKind kind, FieldErrors& errors) {
  if (request.order_id() <= 0) errors.Add("order_id", "required");
  const bool needs_reason = action == OrderAction::kRefuse || action == OrderAction::kCancel;
  ValidateText(request.reason(), "reason", needs_reason ? 1 : 0, 500, errors);
  const bool shipped = kind == cim::v1::REWARD_ITEM_KIND_MERCHANDISE;
  if (action == OrderAction::kFulfil) {
    ValidateText(request.fulfilment_code(), "fulfilment_code", shipped ? 0 : 1, 200, errors);
    ValidateText(request.tracking_reference(), "tracking_reference", shipped ? 1 : 0, 200, errors);
  } else {
    if (!request.fulfilment_code().empty()) errors.Add("fulfilment_code", "only to fulfil");
    if (!request.tracking_reference().empty()) {
      errors.Add("tracking_reference", "only to fulfil");
    }
  }
}

std::string OrderStatusName(RedemptionOrderStatus status) {
  return WithoutPrefix(cim::v1::RedemptionOrderStatus_Name(status), "REDEMPTION_ORDER_STATUS_");
}

absl::StatusOr<std::vector<FulfilmentRow>> ParseFulfilmentCsv(absl::string_view csv) {
  const auto bad = [](std::string what) {
    FieldErrors errors;
    errors.Add("csv", std::move(what));
    return errors.ToStatus();
  };
  if (csv.size() > kMaxCsvBytes) return bad("at most 1 MiB");
  if (absl::StripAsciiWhitespace(csv).empty()) {
    return bad("empty: a header row, then order_id,fulfilment_code per order");
  }
  absl::StatusOr<CsvTable> table = CsvTable::Parse(csv);
  if (!table.ok()) return bad(std::string(table.status().message()));
  if (table->records().size() > kMaxCsvRows) return bad("at most 5,000 orders per file");
  if (!table->Has("order_id") ||
      (!table->Has("fulfilment_code") && !table->Has("tracking_reference"))) {
    return bad("the header must name order_id and fulfilment_code or tracking_reference");
  }
  std::vector<FulfilmentRow> out;
  absl::flat_hash_set<int64_t> seen;
  for (const CsvRecord& row : table->records()) {
    FulfilmentRow r{.line = row.line,
                    .fulfilment_code = table->Cell(row, "fulfilment_code"),
                    .tracking_reference = table->Cell(row, "tracking_reference")};
    if (!absl::SimpleAtoi(table->Cell(row, "order_id"), &r.order_id) || r.order_id <= 0) {
      r.error = Phrase("error.row_order_id");
    } else if (!seen.insert(r.order_id).second) {
      return bad(Phrase("error.row_order_twice")
                     .Count("line", r.line)
                     .Text("order", absl::StrCat(r.order_id)));
    } else if (r.fulfilment_code.empty() && r.tracking_reference.empty()) {
      r.error = Phrase("error.row_code_or_tracking");
    }
    out.push_back(std::move(r));
  }
  if (out.empty()) return bad("no orders after the header");
  return out;
}

}  // namespace cim
