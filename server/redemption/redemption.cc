#include "server/redemption/redemption.h"

#include <algorithm>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "lib/content_type.h"
#include "lib/pagination.h"
#include "lib/phrase.h"
#include "lib/sha256.h"
#include "lib/status_util.h"
#include "lib/text_field.h"
#include "lib/update_mask.h"
#include "server/program/program_policy.h"

namespace cim {
namespace {

constexpr std::initializer_list<Role> kCatalogEditors = {cim::v1::ROLE_PROGRAM_ADMIN};
constexpr std::initializer_list<Role> kOrderHandlers = {cim::v1::ROLE_CHANNEL_MANAGER,
                                                        cim::v1::ROLE_PROGRAM_ADMIN};
constexpr size_t kImageChunkBytes = 256 << 10;

bool HandlesOrders(const Principal& caller) {
  return std::find(kOrderHandlers.begin(), kOrderHandlers.end(), caller.role) !=
         kOrderHandlers.end();
}

// Gaps a partner can close by its own effort (a tier, a certification) leave an item in view,
// locked; any other gap (partner type, region, named partners, a suspended partner) hides it.
bool Hides(const cim::v1::EligibilityGap& gap) {
  return gap.kind() != cim::v1::ELIGIBILITY_GAP_KIND_TIER &&
         gap.kind() != cim::v1::ELIGIBILITY_GAP_KIND_CERTIFICATION;
}

absl::Status ItemNotFound(int64_t id) { return NotFoundError("reward_item", id); }

}  // namespace

absl::StatusOr<Redemption::Shopper> Redemption::ShopperFor(const Principal& caller) {
  Shopper shopper;
  CIM_ASSIGN_OR_RETURN(shopper.partner, partners_.Get(caller.partner_id));
  CIM_ASSIGN_OR_RETURN(shopper.certifications, certifications_.HeldByPartner(caller.partner_id));
  CIM_ASSIGN_OR_RETURN(std::vector<Balance> balances,
                       ledger_.Balances(LedgerFilter{.user_id = caller.user_id}));
  for (const Balance& b : balances) {
    if (b.account() != cim::v1::LEDGER_ACCOUNT_POINTS) continue;
    CIM_ASSIGN_OR_RETURN(shopper.balance, Decimal::Parse(b.amount()));
  }
  return shopper;
}

std::optional<RewardItem> Redemption::SeenBy(const Shopper& shopper, RewardItem item) {
  if (item.status() != cim::v1::REWARD_ITEM_STATUS_ACTIVE) return std::nullopt;
  std::vector<cim::v1::EligibilityGap> gaps =
      EligibilityGaps(item.availability(), shopper.partner, shopper.certifications, "item");
  if (std::any_of(gaps.begin(), gaps.end(), Hides)) return std::nullopt;
  for (cim::v1::EligibilityGap& g : gaps) *item.add_gaps() = std::move(g);
  item.mutable_availability()->clear_partner_ids();
  const Decimal price = Decimal::Parse(item.points_price()).value_or(Decimal());
  item.set_points_short(PointsShort(price, shopper.balance).ToString());
  return item;
}

absl::StatusOr<RewardItem> Redemption::CreateItem(const Principal& caller, const RewardItem& in) {
  CIM_RETURN_IF_ERROR(RequireRole(caller, kCatalogEditors));
  FieldErrors errors;
  ValidateRewardItem(in, {}, /*creating=*/true, errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  RewardItem item = in;
  item.set_name(std::string(absl::StripAsciiWhitespace(in.name())));
  return store_.CreateItem(item, caller.user_id, clock_.Now());
}

absl::StatusOr<RewardItem> Redemption::UpdateItem(const Principal& caller, const RewardItem& in,
                                                  const google::protobuf::FieldMask& mask) {
  CIM_RETURN_IF_ERROR(RequireRole(caller, kCatalogEditors));
  FieldErrors errors;
  if (in.id() <= 0) errors.Add("item.id", "required");
  RequireMaskPaths(mask, errors);
  const std::vector<std::string> fields(mask.paths().begin(), mask.paths().end());
  if (!fields.empty()) ValidateRewardItem(in, fields, /*creating=*/false, errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  std::optional<long long> version;
  if (!in.etag().empty()) {
    long long v = 0;
    if (!absl::SimpleAtoi(in.etag(), &v)) {
      return ChangedSinceReadError("reward_item", in.id());
    }
    version = v;
  }
  RewardItem item = in;
  item.set_name(std::string(absl::StripAsciiWhitespace(in.name())));
  return store_.UpdateItem(item, fields, version, clock_.Now());
}

absl::StatusOr<RewardItem> Redemption::AdjustStock(
    const Principal& caller, const cim::v1::AdjustRewardItemStockRequest& request) {
  CIM_RETURN_IF_ERROR(RequireRole(caller, kCatalogEditors));
  FieldErrors errors;
  if (request.item_id() <= 0) errors.Add("item_id", "required");
  if (request.delta() == 0 || request.delta() < -1'000'000'000 || request.delta() > 1'000'000'000) {
    errors.Add("delta", "units to add (> 0) or remove (< 0), at most 1,000,000,000");
  }
  ValidateText(request.reason(), "reason", 1, 500, errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  return store_.AdjustStock(request.item_id(), request.delta(), clock_.Now());
}

absl::StatusOr<RewardItem> Redemption::GetItem(const Principal& caller, int64_t item_id) {
  CIM_RETURN_IF_ERROR(RequireId(item_id, "item_id"));
  CIM_ASSIGN_OR_RETURN(RewardItem item, store_.GetItem(item_id));
  if (ReadsAllPartners(caller)) return item;
  if (!IsPartnerRole(caller.role)) return absl::PermissionDeniedError("no role");
  CIM_ASSIGN_OR_RETURN(const Shopper shopper, ShopperFor(caller));
  std::optional<RewardItem> seen = SeenBy(shopper, std::move(item));
  if (!seen) return ItemNotFound(item_id);
  return *std::move(seen);
}

absl::StatusOr<cim::v1::ListRewardItemsResponse> Redemption::ListItems(
    const Principal& caller, const cim::v1::ListRewardItemsRequest& request) {
  FieldErrors errors;
  const int page_size = PageSize(request.page_size(), errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(const int64_t offset, DecodePageToken(request));
  cim::v1::ListRewardItemsResponse response;
  if (ReadsAllPartners(caller)) {
    CIM_ASSIGN_OR_RETURN(
        std::vector<RewardItem> items,
        store_.ListItems(RewardItemFilter{.include_retired = request.include_retired(),
                                          .low_stock_only = request.low_stock_only()},
                         /*by_price=*/false, offset, page_size + 1));
    if (static_cast<int>(items.size()) > page_size) {
      items.resize(page_size);
      response.set_next_page_token(EncodePageToken(offset + page_size, request));
    }
    for (RewardItem& item : items) *response.add_items() = std::move(item);
    return response;
  }
  if (!IsPartnerRole(caller.role)) return absl::PermissionDeniedError("no role");
  if (request.low_stock_only() || request.include_retired()) {
    errors.Add(request.low_stock_only() ? "low_stock_only" : "include_retired",
               "for vendor staff only");
    return errors.ToStatus();
  }
  CIM_ASSIGN_OR_RETURN(const Shopper shopper, ShopperFor(caller));
  response.set_points_balance(shopper.balance.ToString());
  // Items are filtered after reading: a page is filled from as many reads as it takes.
  int64_t position = offset;
  for (;;) {
    const int64_t batch_start = position;
    CIM_ASSIGN_OR_RETURN(
        std::vector<RewardItem> items,
        store_.ListItems(RewardItemFilter{.active_only = true, .include_retired = false},
                         /*by_price=*/true, position, page_size + 1));
    const int batch = std::min(static_cast<int>(items.size()), page_size);
    for (int i = 0; i < batch && response.items_size() < page_size; ++i) {
      ++position;
      if (std::optional<RewardItem> seen = SeenBy(shopper, std::move(items[i]))) {
        *response.add_items() = *std::move(seen);
      }
    }
    const bool rows_left =
        static_cast<int>(items.size()) > page_size || position < batch_start + batch;
    if (response.items_size() == page_size && rows_left) {
      response.set_next_page_token(EncodePageToken(position, request));
    }
    if (response.items_size() == page_size || !rows_left) return response;
  }
}

absl::StatusOr<RewardItem> Redemption::UploadImage(const Principal& caller,
                                                   const cim::v1::RewardItemImageMetadata& metadata,
                                                   const std::string& bytes) {
  CIM_RETURN_IF_ERROR(RequireRole(caller, kCatalogEditors));
  FieldErrors errors;
  if (metadata.item_id() <= 0) errors.Add("metadata.item_id", "required");
  ValidateFileName(metadata.filename(), "metadata.filename", errors);
  const std::optional<std::string> type = SniffContentType(bytes);
  if (bytes.empty()) {
    errors.Add("chunk", "the file is empty");
  } else if (bytes.size() > kMaxImageBytes) {
    errors.Add("chunk", "a picture is at most 2 MiB");
  } else if (type != "image/png" && type != "image/jpeg") {
    errors.Add("chunk", "only PNG and JPEG pictures are accepted (by content)");
  }
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  ItemImage image;
  image.metadata.set_item_id(metadata.item_id());
  image.metadata.set_filename(std::string(absl::StripAsciiWhitespace(metadata.filename())));
  image.metadata.set_content_type(*type);
  image.content = bytes;
  return store_.SetImage(metadata.item_id(), image, caller.user_id, clock_.Now());
}

absl::Status Redemption::DownloadImage(
    const Principal& caller, int64_t image_id,
    const std::function<void(const cim::v1::RewardItemImage&)>& on_metadata,
    const std::function<bool(const std::string&)>& on_chunk) {
  CIM_RETURN_IF_ERROR(RequireId(image_id, "image_id"));
  CIM_ASSIGN_OR_RETURN(const ItemImage image, store_.GetImage(image_id));
  if (absl::Status seen = GetItem(caller, image.metadata.item_id()).status(); !seen.ok()) {
    if (absl::IsNotFound(seen)) {
      return NotFoundError("image", image_id);
    }
    return seen;
  }
  on_metadata(image.metadata);
  for (size_t at = 0; at < image.content.size(); at += kImageChunkBytes) {
    if (!on_chunk(image.content.substr(at, kImageChunkBytes))) break;
  }
  return absl::OkStatus();
}

absl::StatusOr<RedemptionOrder> Redemption::PlaceOrder(
    const Principal& caller, const cim::v1::PlaceRedemptionOrderRequest& request) {
  if (!IsPartnerRole(caller.role)) {
    return absl::PermissionDeniedError("orders are placed by partner users with their points");
  }
  FieldErrors errors;
  ValidateIdempotencyKey(request.idempotency_key(), errors);
  if (request.item_id() <= 0) errors.Add("item_id", "required");
  if (request.quantity() < 1 || request.quantity() > kMaxOrderQuantity) {
    errors.Add("quantity", "1 to 100");
  }
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(const Shopper shopper, ShopperFor(caller));
  const std::string address(absl::StripAsciiWhitespace(request.delivery_address()));
  const std::string hash =
      Sha256Hex(absl::StrCat(request.item_id(), "\n", request.quantity(), "\n", address));
  // Everything that depends on the item is decided inside the store's transaction, after a
  // retry was recognised: a retry answers its order even if the item changed since.
  const auto plan = [&](const RewardItem& item,
                        const OrderPosition& position) -> absl::StatusOr<OrderPlan> {
    const std::optional<RewardItem> seen = SeenBy(shopper, item);
    if (!seen) return ItemNotFound(item.id());
    if (seen->gaps_size() > 0) {
      std::vector<std::string> gaps;
      for (const cim::v1::EligibilityGap& g : seen->gaps()) {
        gaps.push_back(
            Phrase("eligibility.gap").Text("reason", g.reason()).Text("step", g.next_step()));
      }
      return absl::FailedPreconditionError(
          Phrase("error.item_closed").Text("item", item.name()).List("gaps", gaps).str());
    }
    FieldErrors address_errors;
    if (item.kind() == cim::v1::REWARD_ITEM_KIND_MERCHANDISE) {
      ValidateText(address, "delivery_address", 5, 500, address_errors);
    } else if (!address.empty()) {
      address_errors.Add("delivery_address", "only merchandise is shipped");
    }
    CIM_RETURN_IF_ERROR(address_errors.ToStatus());
    return PlanOrder(item, request.quantity(), position);
  };
  CIM_ASSIGN_OR_RETURN(const PlaceOutcome outcome,
                       store_.PlaceOrder(NewOrder{.partner_id = caller.partner_id,
                                                  .user_id = caller.user_id,
                                                  .item_id = request.item_id(),
                                                  .quantity = request.quantity(),
                                                  .idempotency_key = request.idempotency_key(),
                                                  .request_hash = hash,
                                                  .delivery_address = address,
                                                  .now = clock_.Now()},
                                         plan));
  if (outcome.replayed && outcome.request_hash != hash) {
    return absl::AlreadyExistsError(Phrase("error.order_key_reused")
                                        .Text("key", request.idempotency_key())
                                        .Text("order", absl::StrCat(outcome.order.id()))
                                        .str());
  }
  return outcome.order;
}

absl::StatusOr<RedemptionOrder> Redemption::ReadableOrder(const Principal& caller,
                                                          int64_t order_id) {
  CIM_RETURN_IF_ERROR(RequireId(order_id, "order_id"));
  CIM_ASSIGN_OR_RETURN(RedemptionOrder order, store_.GetOrder(order_id));
  CIM_RETURN_IF_ERROR(CheckPartnerReadable(caller, order.partner_id(), "order", order_id));
  if (caller.role == cim::v1::ROLE_PARTNER_REP && order.user_id() != caller.user_id) {
    return NotFoundError("order", order_id);
  }
  return order;
}

absl::StatusOr<RedemptionOrder> Redemption::GetOrder(const Principal& caller, int64_t order_id) {
  return ReadableOrder(caller, order_id);
}

absl::StatusOr<cim::v1::ListRedemptionOrdersResponse> Redemption::ListOrders(
    const Principal& caller, const cim::v1::ListRedemptionOrdersRequest& request) {
  FieldErrors errors;
  const int page_size = PageSize(request.page_size(), errors);
  if (!cim::v1::RedemptionOrderStatus_IsValid(request.status())) {
    errors.Add("status", "unknown status");
  }
  if (request.item_id() < 0) errors.Add("item_id", "an item id or 0");
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(const int64_t partner_id, PartnerReadScope(caller, request.partner_id()));
  CIM_ASSIGN_OR_RETURN(const int64_t after, DecodePageToken(request));
  RedemptionOrderFilter filter{
      .status = request.status(),
      .partner_id = partner_id,
      .user_id = caller.role == cim::v1::ROLE_PARTNER_REP ? caller.user_id : 0,
      .item_id = request.item_id(),
      // Orders waiting for someone are a queue: the oldest first.
      .oldest_first = request.status() == cim::v1::REDEMPTION_ORDER_STATUS_PLACED ||
                      request.status() == cim::v1::REDEMPTION_ORDER_STATUS_APPROVED,
  };
  CIM_ASSIGN_OR_RETURN(std::vector<RedemptionOrder> orders,
                       store_.ListOrders(filter, after, page_size + 1));
  cim::v1::ListRedemptionOrdersResponse response;
  response.set_next_page_token(
      FillPage(std::move(orders), page_size, response.mutable_orders(), request));
  return response;
}

absl::StatusOr<RedemptionOrder> Redemption::Act(
    const Principal& caller, const cim::v1::RedemptionOrderActionRequest& request,
    OrderAction action) {
  const bool handler = HandlesOrders(caller);
  const bool by_orderer_allowed = action == OrderAction::kDeliver || action == OrderAction::kCancel;
  if (!handler && !(by_orderer_allowed && IsPartnerRole(caller.role))) {
    return absl::PermissionDeniedError("orders are handled by channel managers and program admins");
  }
  CIM_RETURN_IF_ERROR(RequireId(request.order_id(), "order_id"));
  CIM_ASSIGN_OR_RETURN(const RedemptionOrder current, ReadableOrder(caller, request.order_id()));
  if (!handler && current.user_id() != caller.user_id) {
    return absl::PermissionDeniedError("only the person who placed an order may change it");
  }
  FieldErrors errors;
  ValidateOrderAction(request, action, current.item_kind(), errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  const std::string reason(absl::StripAsciiWhitespace(request.reason()));
  const auto change = [&](size_t, const RedemptionOrder& order) -> absl::StatusOr<OrderChange> {
    if (!request.etag().empty() && request.etag() != order.etag()) {
      return ChangedSinceReadError("order", order.id());
    }
    CIM_ASSIGN_OR_RETURN(const RedemptionOrderStatus to, NextOrderStatus(order.status(), action));
    if (!handler && action == OrderAction::kCancel &&
        order.status() == cim::v1::REDEMPTION_ORDER_STATUS_FULFILLED) {
      return absl::FailedPreconditionError(
          "a fulfilled order can no longer be cancelled: ask your channel manager");
    }
    OrderChange c{.to = to, .note = reason};
    if (action == OrderAction::kRefuse || action == OrderAction::kCancel) c.reason = reason;
    if (action == OrderAction::kFulfil) {
      c.fulfilment_code = std::string(absl::StripAsciiWhitespace(request.fulfilment_code()));
      c.tracking_reference = std::string(absl::StripAsciiWhitespace(request.tracking_reference()));
    }
    return c;
  };
  CIM_ASSIGN_OR_RETURN(
      std::vector<RedemptionOrder> changed,
      store_.ChangeOrders({request.order_id()}, caller.user_id, clock_.Now(), change, nullptr));
  return std::move(changed.front());
}

absl::StatusOr<cim::v1::FulfilRedemptionOrdersFromCsvResponse> Redemption::FulfilFromCsv(
    const Principal& caller, const cim::v1::FulfilRedemptionOrdersFromCsvRequest& request) {
  CIM_RETURN_IF_ERROR(RequireRole(caller, kOrderHandlers));
  CIM_ASSIGN_OR_RETURN(std::vector<FulfilmentRow> rows, ParseFulfilmentCsv(request.csv()));
  // Every row is checked against its order first, so the answer names every bad row at once.
  bool any_error = false;
  const auto check = [&](FulfilmentRow& row) {
    if (!row.error.empty()) return;
    absl::StatusOr<RedemptionOrder> read = store_.GetOrder(row.order_id);
    if (!read.ok()) {
      row.error = std::string(read.status().message());
      return;
    }
    const RedemptionOrder& order = *read;
    if (absl::StatusOr<RedemptionOrderStatus> to =
            NextOrderStatus(order.status(), OrderAction::kFulfil);
        !to.ok()) {
      row.error = std::string(to.status().message());
      return;
    }
    cim::v1::RedemptionOrderActionRequest action;
    action.set_order_id(row.order_id);
    action.set_fulfilment_code(row.fulfilment_code);
    action.set_tracking_reference(row.tracking_reference);
    FieldErrors errors;
    ValidateOrderAction(action, OrderAction::kFulfil, order.item_kind(), errors);
    if (!errors.empty()) {
      row.error = Phrase(order.item_kind() == cim::v1::REWARD_ITEM_KIND_MERCHANDISE
                             ? "error.row_needs_tracking"
                             : "error.row_needs_code");
    }
  };
  for (size_t i = 0; i < rows.size(); ++i) {
    check(rows[i]);
    any_error = any_error || !rows[i].error.empty();
  }
  cim::v1::FulfilRedemptionOrdersFromCsvResponse response;
  const auto answer = [&]() {
    for (const FulfilmentRow& row : rows) {
      cim::v1::CsvFulfilmentRow* out = response.add_rows();
      out->set_line(row.line);
      out->set_order_id(row.order_id);
      out->set_error(row.error);
    }
    return response;
  };
  if (any_error || request.validate_only()) return answer();
  std::vector<int64_t> ids;
  for (const FulfilmentRow& row : rows) ids.push_back(row.order_id);
  ChangeError failed;
  absl::StatusOr<std::vector<RedemptionOrder>> changed = store_.ChangeOrders(
      ids, caller.user_id, clock_.Now(),
      [&](size_t i, const RedemptionOrder& order) -> absl::StatusOr<OrderChange> {
        CIM_ASSIGN_OR_RETURN(const RedemptionOrderStatus to,
                             NextOrderStatus(order.status(), OrderAction::kFulfil));
        return OrderChange{.to = to,
                           .note = "fulfilled from a CSV file",
                           .fulfilment_code = rows[i].fulfilment_code,
                           .tracking_reference = rows[i].tracking_reference};
      },
      &failed);
  if (!changed.ok()) {
    if (failed.status.ok()) return changed.status();  // the database, not a row
    rows[failed.index].error = std::string(failed.status.message());
    return answer();
  }
  response.set_fulfilled(static_cast<int>(changed->size()));
  return answer();
}

}  // namespace cim
