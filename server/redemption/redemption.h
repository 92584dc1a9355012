// The rewards catalog and redemption: who may keep the catalog, which items a partner user
// sees and why one is locked, placing orders with points, and moving orders through approval
// and fulfilment. Pure C++ over the repositories; clock injected.
#ifndef CIM_SERVER_REDEMPTION_REDEMPTION_H_
#define CIM_SERVER_REDEMPTION_REDEMPTION_H_

#include <functional>
#include <optional>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "cim/v1/redemption_service.pb.h"
#include "google/protobuf/field_mask.pb.h"
#include "lib/clock.h"
#include "lib/principal.h"
#include "server/identity/partner_repository.h"
#include "server/money/ledger_repository.h"
#include "server/program/certification_registry.h"
#include "server/redemption/redemption_repository.h"

namespace cim {

class Redemption {
 public:
  Redemption(RedemptionRepository& store, LedgerRepository& ledger, PartnerRepository& partners,
             CertificationRegistry& certifications, const Clock& clock)
      : store_(store),
        ledger_(ledger),
        partners_(partners),
        certifications_(certifications),
        clock_(clock) {}

  // Program admins. INVALID_ARGUMENT with a violation per bad field.
  absl::StatusOr<RewardItem> CreateItem(const Principal& caller, const RewardItem& item);
  // Program admins; the fields `mask` names. ABORTED for a stale etag.
  absl::StatusOr<RewardItem> UpdateItem(const Principal& caller, const RewardItem& item,
                                        const google::protobuf::FieldMask& mask);
  // Program admins. FAILED_PRECONDITION below zero or for an item without stock.
  absl::StatusOr<RewardItem> AdjustStock(const Principal& caller,
                                         const cim::v1::AdjustRewardItemStockRequest& request);
  // Vendor roles and service accounts: any item. Partner users: an active item their partner
  // may see (with what stops them redeeming it); NOT_FOUND otherwise.
  absl::StatusOr<RewardItem> GetItem(const Principal& caller, int64_t item_id);
  absl::StatusOr<cim::v1::ListRewardItemsResponse> ListItems(
      const Principal& caller, const cim::v1::ListRewardItemsRequest& request);
  // Program admins: a PNG or JPEG of at most 2 MiB becomes the item's picture.
  absl::StatusOr<RewardItem> UploadImage(const Principal& caller,
                                         const cim::v1::RewardItemImageMetadata& metadata,
                                         const std::string& bytes);
  // The picture of an item the caller may see: `on_metadata`, then the bytes in chunks to
  // `on_chunk` (which returns false to stop).
  absl::Status DownloadImage(
      const Principal& caller, int64_t image_id,
      const std::function<void(const cim::v1::RewardItemImage&)>& on_metadata,
      const std::function<bool(const std::string&)>& on_chunk);

  // Partner users, for themselves. See RedemptionService.PlaceRedemptionOrder.
  absl::StatusOr<RedemptionOrder> PlaceOrder(const Principal& caller,
                                             const cim::v1::PlaceRedemptionOrderRequest& request);
  // Partner admins: their partner's orders; reps: their own; vendor roles and service accounts:
  // all. NOT_FOUND otherwise.
  absl::StatusOr<RedemptionOrder> GetOrder(const Principal& caller, int64_t order_id);
  absl::StatusOr<cim::v1::ListRedemptionOrdersResponse> ListOrders(
      const Principal& caller, const cim::v1::ListRedemptionOrdersRequest& request);
  // Approve, refuse, fulfil (channel managers and program admins), mark delivered (they or the
  // user who ordered), cancel (they, or the user who ordered before it is fulfilled).
  absl::StatusOr<RedemptionOrder> Act(const Principal& caller,
                                      const cim::v1::RedemptionOrderActionRequest& request,
                                      OrderAction action);
  // Channel managers and program admins. See RedemptionService.FulfilRedemptionOrdersFromCsv.
  absl::StatusOr<cim::v1::FulfilRedemptionOrdersFromCsvResponse> FulfilFromCsv(
      const Principal& caller, const cim::v1::FulfilRedemptionOrdersFromCsvRequest& request);

 private:
  // A partner user looking at the catalog: their partner, the certifications its users hold,
  // and their points.
  struct Shopper {
    cim::v1::Partner partner;
    absl::flat_hash_set<std::string> certifications;
    Decimal balance;
  };
  absl::StatusOr<Shopper> ShopperFor(const Principal& caller);
  // The item as `shopper` sees it (what stops them, the points they are short, other partners'
  // ids cleared), or nullopt when it is not theirs to see.
  static std::optional<RewardItem> SeenBy(const Shopper& shopper, RewardItem item);
  absl::StatusOr<RedemptionOrder> ReadableOrder(const Principal& caller, int64_t order_id);

  RedemptionRepository& store_;
  LedgerRepository& ledger_;
  PartnerRepository& partners_;
  CertificationRegistry& certifications_;
  const Clock& clock_;
};

}  // namespace cim

#endif  // CIM_SERVER_REDEMPTION_REDEMPTION_H_
