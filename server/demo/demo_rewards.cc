#include "server/demo/demo_rewards.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "lib/status_util.h"

namespace cim {
namespace {

struct DemoItem {
  const char* name;
  const char* description;
  cim::v1::RewardItemKind kind;
  const char* price;
  long long stock;  // -1: unlimited
  int per_user_limit;
  const char* approval_points;
  long long low_stock_threshold;
  const char* tier;  // "": everyone
};

constexpr DemoItem kItems[] = {
    {"Gift card €25", "A €25 voucher for a large online store, sent as a code by email.",
     cim::v1::REWARD_ITEM_KIND_GIFT_CARD, "250", -1, 0, "", 0, ""},
    {"Donation to Code Club", "We give €10 to Code Club in your name.",
     cim::v1::REWARD_ITEM_KIND_DONATION, "100", -1, 0, "", 0, ""},
    {"Branded hoodie", "Organic cotton, navy, sizes S to XXL: say yours with the address.",
     cim::v1::REWARD_ITEM_KIND_MERCHANDISE, "350", 40, 2, "", 10, ""},
    {"Storage Expert exam voucher", "One attempt at the Storage Expert certification exam.",
     cim::v1::REWARD_ITEM_KIND_TRAINING_VOUCHER, "500", 25, 1, "", 5, ""},
    {"Noise-cancelling headphones", "Over-ear, 30 hours of battery, shipped within 5 days.",
     cim::v1::REWARD_ITEM_KIND_MERCHANDISE, "1800", 3, 1, "1500", 5, ""},
    {"Partner Summit 2027 seat", "Two days in Lisbon with the product teams; travel not included.",
     cim::v1::REWARD_ITEM_KIND_EVENT_SEAT, "1200", 6, 1, "1000", 2, ""},
    {"Platinum lounge pass", "Lounge access at every vendor event in 2027.",
     cim::v1::REWARD_ITEM_KIND_EVENT_SEAT, "400", 20, 1, "", 0, "platinum"},
};

}  // namespace

absl::StatusOr<DemoRewardsSummary> LoadDemoRewards(Redemption& redemption, UserRepository& users,
                                                   int64_t program_admin) {
  DemoRewardsSummary summary;
  const Principal admin{.user_id = program_admin, .role = cim::v1::ROLE_PROGRAM_ADMIN};
  std::vector<RewardItem> items;
  for (const DemoItem& d : kItems) {
    RewardItem item;
    item.set_name(d.name);
    item.set_description(d.description);
    item.set_kind(d.kind);
    item.set_points_price(d.price);
    item.set_unlimited_stock(d.stock < 0);
    item.set_stock(d.stock < 0 ? 0 : d.stock);
    item.set_per_user_limit(d.per_user_limit);
    item.set_approval_points(d.approval_points);
    item.set_low_stock_threshold(d.low_stock_threshold);
    if (*d.tier != '\0') item.mutable_availability()->add_tiers(d.tier);
    CIM_ASSIGN_OR_RETURN(RewardItem stored, redemption.CreateItem(admin, item));
    items.push_back(std::move(stored));
    ++summary.items;
  }

  // Sven at Amstel spent points on a gift card (delivered) and a hoodie (approved, to ship).
  CIM_ASSIGN_OR_RETURN(const UserRecord buyer, users.GetByEmail("sven.berg@amstel.example"));
  const Principal amstel{
      .user_id = buyer.user.id(), .role = buyer.user.role(), .partner_id = buyer.user.partner_id()};
  const Principal manager{.user_id = program_admin, .role = cim::v1::ROLE_PROGRAM_ADMIN};
  const auto place = [&](const RewardItem& item, const char* key,
                         const char* address) -> absl::StatusOr<RedemptionOrder> {
    cim::v1::PlaceRedemptionOrderRequest r;
    r.set_idempotency_key(key);
    r.set_item_id(item.id());
    r.set_quantity(1);
    r.set_delivery_address(address);
    return redemption.PlaceOrder(amstel, r);
  };
  const auto act = [&](int64_t order, OrderAction action, const char* code) {
    cim::v1::RedemptionOrderActionRequest r;
    r.set_order_id(order);
    r.set_fulfilment_code(code);
    return redemption.Act(manager, r, action).status();
  };
  absl::StatusOr<RedemptionOrder> card = place(items[0], "demo-order-gift-card", "");
  if (card.ok()) {
    CIM_RETURN_IF_ERROR(act(card->id(), OrderAction::kFulfil, "DEMO-7Q4K-22XP-9M3C"));
    CIM_RETURN_IF_ERROR(act(card->id(), OrderAction::kDeliver, ""));
    ++summary.orders;
  } else if (!absl::IsFailedPrecondition(card.status())) {
    return card.status();  // too few points would only leave the demo without this order
  }
  absl::StatusOr<RedemptionOrder> hoodie =
      place(items[2], "demo-order-hoodie", "Amstel Systems, Keizersgracht 1, 1015 CJ Amsterdam");
  if (hoodie.ok()) {
    ++summary.orders;
  } else if (!absl::IsFailedPrecondition(hoodie.status())) {
    return hoodie.status();
  }
  return summary;
}

}  // namespace cim
