#include "server/redemption/mysql_redemption_repository.h"

#include <limits>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "lib/phrase.h"
#include "lib/proto_json.h"
#include "lib/proto_time.h"
#include "lib/sha256.h"
#include "lib/status_util.h"
#include "server/db/table.h"
#include "server/events/mysql_notification_events.h"
#include "server/money/mysql_ledger_entries.h"

namespace cim {
namespace {

using cim::v1::RedemptionOrderEvent;

const Table kItems("reward_items");
const Table kOrders("redemption_orders");

constexpr char kItemColumns[] =
    "id, name, description, kind, CAST(points_price AS CHAR) AS points_price,"
    " unlimited_stock, stock, availability, per_user_limit,"
    " CAST(approval_points AS CHAR) AS approval_points, low_stock_threshold, status,"
    " image_id, created_at, updated_at, version";

constexpr char kOrderColumns[] =
    "o.id, o.partner_id, p.name AS partner_name, o.user_id, u.display_name AS user_name,"
    " o.item_id, i.name AS item_name, i.kind AS item_kind, o.quantity,"
    " CAST(o.points_each AS CHAR) AS points_each, CAST(o.points_total AS CHAR) AS points_total,"
    " o.status, o.delivery_address, o.fulfilment_code, o.tracking_reference, o.reason,"
    " (SELECT MIN(le.id) FROM ledger_entries le WHERE le.redemption_order_id = o.id"
    " AND le.kind = 12) AS debit_entry_id,"
    " (SELECT MIN(le.id) FROM ledger_entries le WHERE le.redemption_order_id = o.id"
    " AND le.kind = 11) AS reversal_entry_id,"
    " o.created_at, o.updated_at, o.version";

constexpr char kOrderTables[] =
    " FROM redemption_orders o JOIN partners p ON p.id = o.partner_id"
    " JOIN users u ON u.id = o.user_id JOIN reward_items i ON i.id = o.item_id";

absl::StatusOr<RewardItem> ItemFromRow(const soci::row& row) {
  const NamedRow r(row);
  RewardItem item;
  item.set_id(r.Integer("id"));
  item.set_name(r.Text("name"));
  item.set_description(r.Text("description"));
  item.set_kind(static_cast<cim::v1::RewardItemKind>(r.Int("kind")));
  item.set_points_price(r.Decimal("points_price", kPointsScale));
  item.set_unlimited_stock(r.Integer("unlimited_stock") != 0);
  item.set_stock(r.Integer("stock"));
  CIM_RETURN_IF_ERROR(FromStoredJson(r.Text("availability"), item.mutable_availability()));
  item.set_per_user_limit(r.Int("per_user_limit"));
  item.set_approval_points(r.Decimal("approval_points", kPointsScale));
  item.set_low_stock_threshold(r.Integer("low_stock_threshold"));
  item.set_status(static_cast<cim::v1::RewardItemStatus>(r.Int("status")));
  item.set_image_id(r.Integer("image_id"));
  item.set_low_stock(!item.unlimited_stock() && item.stock() <= item.low_stock_threshold());
  SetTimestamp(r.Time("created_at"), item.mutable_create_time());
  SetTimestamp(r.Time("updated_at"), item.mutable_update_time());
  item.set_etag(absl::StrCat(r.Integer("version")));
  return item;
}

RedemptionOrder OrderFromRow(const soci::row& row) {
  const NamedRow r(row);
  RedemptionOrder o;
  o.set_id(r.Integer("id"));
  o.set_partner_id(r.Integer("partner_id"));
  o.set_partner_name(r.Text("partner_name"));
  o.set_user_id(r.Integer("user_id"));
  o.set_user_name(r.Text("user_name"));
  o.set_item_id(r.Integer("item_id"));
  o.set_item_name(r.Text("item_name"));
  o.set_item_kind(static_cast<cim::v1::RewardItemKind>(r.Int("item_kind")));
  o.set_quantity(r.Int("quantity"));
  o.set_points_each(r.Decimal("points_each", kPointsScale));
  o.set_points_total(r.Decimal("points_total", kPointsScale));
  o.set_status(static_cast<RedemptionOrderStatus>(r.Int("status")));
  o.set_delivery_address(r.Text("delivery_address"));
  o.set_fulfilment_code(r.Text("fulfilment_code"));
  o.set_tracking_reference(r.Text("tracking_reference"));
  o.set_reason(r.Text("reason"));
  o.set_debit_entry_id(r.Integer("debit_entry_id"));
  o.set_reversal_entry_id(r.Integer("reversal_entry_id"));
  SetTimestamp(r.Time("created_at"), o.mutable_create_time());
  SetTimestamp(r.Time("updated_at"), o.mutable_update_time());
  o.set_etag(absl::StrCat(r.Integer("version")));
  return o;
}

absl::StatusOr<RewardItem> ReadItem(soci::session& s, int64_t id, bool lock = false) {
  soci::row row;
  if (!kItems.Get(s, absl::StrCat(kItemColumns), id, row, lock)) {
    return NotFoundError("reward_item", id);
  }
  return ItemFromRow(row);
}

absl::StatusOr<RedemptionOrder> ReadOrder(soci::session& s, int64_t id) {
  long long key = id;
  soci::row row;
  s << absl::StrCat("SELECT ", kOrderColumns, kOrderTables, " WHERE o.id = :id"), soci::use(key),
      soci::into(row);
  if (!s.got_data()) return NotFoundError("order", id);
  RedemptionOrder order = OrderFromRow(row);
  soci::rowset<soci::row> events =
      (s.prepare << "SELECT e.status, e.actor_id, u.display_name, e.note, e.created_at"
                    " FROM redemption_order_events e JOIN users u ON u.id = e.actor_id"
                    " WHERE e.order_id = :id ORDER BY e.id",
       soci::use(key));
  for (const soci::row& event_row : events) {
    const NamedRow e(event_row);
    RedemptionOrderEvent* event = order.add_timeline();
    event->set_status(static_cast<RedemptionOrderStatus>(e.Int("status")));
    event->set_actor_user_id(e.Integer("actor_id"));
    event->set_actor_name(e.Text("display_name"));
    event->set_note(e.Text("note"));
    SetTimestamp(e.Time("created_at"), event->mutable_time());
  }
  return order;
}

void InsertEvent(soci::session& s, int64_t order_id, RedemptionOrderStatus status, int64_t actor,
                 const std::string& note, absl::Time now) {
  long long id = order_id, by = actor;
  int to = status;
  std::tm t = ToSqlTime(now);
  s << "INSERT INTO redemption_order_events (order_id, status, actor_id, note, created_at)"
       " VALUES (:id, :status, :actor, :note, :t)",
      soci::use(id), soci::use(to), soci::use(by), soci::use(note), soci::use(t);
}

// The earlier order of the user with the key, if any: its id and request hash.
std::optional<std::pair<int64_t, std::string>> FindByKey(soci::session& s, const NewOrder& order) {
  long long user = order.user_id, id = 0;
  std::string hash;
  s << "SELECT id, request_hash FROM redemption_orders"
       " WHERE user_id = :user AND idempotency_key = :key",
      soci::use(user), soci::use(order.idempotency_key), soci::into(id), soci::into(hash);
  if (!s.got_data()) return std::nullopt;
  return std::make_pair(static_cast<int64_t>(id), hash);
}

// Sets the stock of locked item `item` to `stock`.
void WriteStock(soci::session& s, const RewardItem& item, long long stock, absl::Time now) {
  kItems.Update(
      s, item.id(),
      Columns().Set("stock", stock).Set("updated_at", now).SetSql("version", "version + 1"));
}

}  // namespace

absl::StatusOr<RewardItem> MysqlRedemptionRepository::CreateItem(const RewardItem& item,
                                                                 int64_t actor, absl::Time now) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<RewardItem> {
    const int64_t id = kItems.Insert(
        s, Columns()
               .Set("name", item.name())
               .Set("description", item.description())
               .Set("kind", static_cast<int>(item.kind()))
               .Set("points_price", item.points_price())
               .Set("unlimited_stock", item.unlimited_stock())
               .Set("stock", item.unlimited_stock() ? 0LL : item.stock())
               .Set("availability", ToStoredJson(item.availability()))
               .Set("per_user_limit", item.per_user_limit())
               .SetOrNull("approval_points", item.approval_points(), item.approval_points().empty())
               .Set("low_stock_threshold", item.low_stock_threshold())
               .Set("status", static_cast<int>(cim::v1::REWARD_ITEM_STATUS_ACTIVE))
               .Set("created_by", actor)
               .Set("created_at", now)
               .Set("updated_at", now));
    return ReadItem(s, id);
  });
}

absl::StatusOr<RewardItem> MysqlRedemptionRepository::UpdateItem(
    const RewardItem& item, const std::vector<std::string>& fields,
    std::optional<long long> version, absl::Time now) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<RewardItem> {
    Columns columns;
    for (const std::string& f : fields) {
      if (f == "name") columns.Set("name", item.name());
      if (f == "description") columns.Set("description", item.description());
      if (f == "kind") columns.Set("kind", static_cast<int>(item.kind()));
      if (f == "points_price") columns.Set("points_price", item.points_price());
      if (f == "availability") columns.Set("availability", ToStoredJson(item.availability()));
      if (f == "per_user_limit") columns.Set("per_user_limit", item.per_user_limit());
      if (f == "approval_points") {
        const bool none = item.approval_points().empty();
        columns.SetOrNull("approval_points", item.approval_points(), none);
      }
      if (f == "low_stock_threshold") {
        columns.Set("low_stock_threshold", item.low_stock_threshold());
      }
      if (f == "status") columns.Set("status", static_cast<int>(item.status()));
    }
    columns.Set("updated_at", now);
    if (!version) columns.SetSql("version", "version + 1");
    if (kItems.Update(s, item.id(), columns, version) == 0) {
      CIM_RETURN_IF_ERROR(ReadItem(s, item.id()).status());
      return ChangedSinceReadError("reward_item", item.id());
    }
    return ReadItem(s, item.id());
  });
}

absl::StatusOr<RewardItem> MysqlRedemptionRepository::AdjustStock(int64_t item_id, int64_t delta,
                                                                  absl::Time now) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<RewardItem> {
    CIM_ASSIGN_OR_RETURN(const RewardItem item, ReadItem(s, item_id, /*lock=*/true));
    if (item.unlimited_stock()) {
      return absl::FailedPreconditionError(
          Phrase("error.no_stock_kept").Text("item", item.name()).str());
    }
    if (item.stock() + delta < 0) {
      return absl::FailedPreconditionError(Phrase("error.stock_remove")
                                               .Count("stock", item.stock())
                                               .Text("item", item.name())
                                               .Count("remove", -delta)
                                               .str());
    }
    WriteStock(s, item, item.stock() + delta, now);
    return ReadItem(s, item_id);
  });
}

absl::StatusOr<RewardItem> MysqlRedemptionRepository::GetItem(int64_t id) {
  return db_.Run([&](soci::session& s) { return ReadItem(s, id); });
}

absl::StatusOr<std::vector<RewardItem>> MysqlRedemptionRepository::ListItems(
    const RewardItemFilter& filter, bool by_price, int64_t offset, int limit) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<RewardItem>> {
    int active = filter.active_only ? 1 : 0, retired = filter.include_retired ? 1 : 0,
        low = filter.low_stock_only ? 1 : 0, retired_status = cim::v1::REWARD_ITEM_STATUS_RETIRED,
        active_status = cim::v1::REWARD_ITEM_STATUS_ACTIVE;
    long long skip = offset;
    soci::rowset<soci::row> rows =
        (s.prepare << absl::StrCat(
             "SELECT ", kItemColumns,
             " FROM reward_items i WHERE (:active = 0 OR i.status = :active_status)"
             " AND (:retired = 1 OR i.status <> :retired_status)"
             " AND (:low = 0 OR (i.unlimited_stock = 0 AND i.stock <= i.low_stock_threshold))",
             by_price ? " ORDER BY i.points_price, i.id" : " ORDER BY i.name, i.id",
             " LIMIT :limit OFFSET :offset"),
         soci::use(active), soci::use(active_status), soci::use(retired), soci::use(retired_status),
         soci::use(low), soci::use(limit), soci::use(skip));
    std::vector<RewardItem> out;
    for (const soci::row& r : rows) {
      CIM_ASSIGN_OR_RETURN(RewardItem item, ItemFromRow(r));
      out.push_back(std::move(item));
    }
    return out;
  });
}

absl::StatusOr<RewardItem> MysqlRedemptionRepository::SetImage(int64_t item_id,
                                                               const ItemImage& image,
                                                               int64_t actor, absl::Time now) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<RewardItem> {
    CIM_ASSIGN_OR_RETURN(const RewardItem item, ReadItem(s, item_id, /*lock=*/true));
    const cim::v1::RewardItemImage& m = image.metadata;
    // The bytes stay out of the audit trail: the item's new image_id is what it records.
    long long item_key = item.id(), size = static_cast<long long>(image.content.size()), by = actor,
              image_id = 0;
    std::string filename = m.filename(), content_type = m.content_type(),
                sha = Sha256Hex(image.content);
    std::tm t = ToSqlTime(now);
    s << "INSERT INTO reward_item_images (item_id, filename, content_type, size_bytes, sha256,"
         " content, uploaded_by, created_at) VALUES (:item, :filename, :type, :size, :sha,"
         " :content, :by, :t)",
        soci::use(item_key), soci::use(filename), soci::use(content_type), soci::use(size),
        soci::use(sha), soci::use(image.content), soci::use(by), soci::use(t);
    s << "SELECT LAST_INSERT_ID()", soci::into(image_id);
    kItems.Update(s, item.id(),
                  Columns()
                      .Set("image_id", image_id)
                      .Set("updated_at", now)
                      .SetSql("version", "version + 1"));
    return ReadItem(s, item_id);
  });
}

absl::StatusOr<ItemImage> MysqlRedemptionRepository::GetImage(int64_t image_id) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<ItemImage> {
    long long id = image_id, item_id = 0, size = 0;
    ItemImage image;
    std::string filename, content_type;
    s << "SELECT item_id, filename, content_type, size_bytes, content FROM reward_item_images"
         " WHERE id = :id",
        soci::use(id), soci::into(item_id), soci::into(filename), soci::into(content_type),
        soci::into(size), soci::into(image.content);
    if (!s.got_data()) return NotFoundError("image", image_id);
    image.metadata.set_id(image_id);
    image.metadata.set_item_id(item_id);
    image.metadata.set_filename(filename);
    image.metadata.set_content_type(content_type);
    image.metadata.set_size_bytes(size);
    return image;
  });
}

absl::StatusOr<PlaceOutcome> MysqlRedemptionRepository::PlaceOrder(const NewOrder& order,
                                                                   const PlanFn& plan) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<PlaceOutcome> {
    const auto replay =
        [&](const std::pair<int64_t, std::string>& earlier) -> absl::StatusOr<PlaceOutcome> {
      CIM_ASSIGN_OR_RETURN(RedemptionOrder o, ReadOrder(s, earlier.first));
      return PlaceOutcome{.order = std::move(o), .replayed = true, .request_hash = earlier.second};
    };
    if (auto earlier = FindByKey(s, order)) return replay(*earlier);
    // The user's wallet row: every order of the user writes it, so they run one after the other
    // and each sees the points the one before it spent.
    long long user = order.user_id;
    s << "INSERT INTO redemption_wallets (user_id, orders) VALUES (:user, 1)"
         " ON DUPLICATE KEY UPDATE orders = orders + 1",
        soci::use(user);
    // An order with the same key may have committed while this one waited.
    if (auto earlier = FindByKey(s, order)) return replay(*earlier);

    CIM_ASSIGN_OR_RETURN(RewardItem item, ReadItem(s, order.item_id));
    if (!item.unlimited_stock()) {
      CIM_ASSIGN_OR_RETURN(item, ReadItem(s, order.item_id, /*lock=*/true));
    }
    OrderPosition position{.balance = UserPointsBalance(s, order.user_id)};
    long long item_id = order.item_id, held = 0;
    int cancelled = cim::v1::REDEMPTION_ORDER_STATUS_CANCELLED,
        refused = cim::v1::REDEMPTION_ORDER_STATUS_REFUSED;
    s << "SELECT CAST(COALESCE(SUM(quantity), 0) AS SIGNED) FROM redemption_orders WHERE user_id = "
         ":user"
         " AND item_id = :item AND status NOT IN (:cancelled, :refused)",
        soci::use(user), soci::use(item_id), soci::use(cancelled), soci::use(refused),
        soci::into(held);
    position.units_held = held;
    CIM_ASSIGN_OR_RETURN(const OrderPlan decided, plan(item, position));

    if (!item.unlimited_stock()) {
      WriteStock(s, item, item.stock() - order.quantity, order.now);
    }
    const int64_t id = kOrders.Insert(s, Columns()
                                             .Set("partner_id", order.partner_id)
                                             .Set("user_id", order.user_id)
                                             .Set("item_id", order.item_id)
                                             .Set("idempotency_key", order.idempotency_key)
                                             .Set("request_hash", order.request_hash)
                                             .Set("quantity", order.quantity)
                                             .Set("points_each", decided.points_each.ToString())
                                             .Set("points_total", decided.points_total.ToString())
                                             .Set("status", static_cast<int>(decided.status))
                                             .Set("delivery_address", order.delivery_address)
                                             .Set("created_at", order.now)
                                             .Set("updated_at", order.now));
    InsertEvent(s, id, decided.status, order.user_id, "", order.now);
    AppendLedgerEntries(
        s, {LedgerPosting{
               .partner_id = order.partner_id,
               .user_id = order.user_id,
               .account = cim::v1::LEDGER_ACCOUNT_POINTS,
               .kind = cim::v1::LEDGER_ENTRY_KIND_REDEMPTION,
               .unit = kPointsUnit,
               .amount = -decided.points_total,
               .basis = RedemptionBasis(id, order.quantity, item.name(), decided.points_each),
               .redemption_order_id = id,
               .created_by = order.user_id,
               .created_at = order.now,
           }});
    CIM_ASSIGN_OR_RETURN(RedemptionOrder placed, ReadOrder(s, id));
    return PlaceOutcome{.order = std::move(placed), .request_hash = order.request_hash};
  });
}

absl::StatusOr<RedemptionOrder> MysqlRedemptionRepository::GetOrder(int64_t id) {
  return db_.Run([&](soci::session& s) { return ReadOrder(s, id); });
}

absl::StatusOr<std::vector<RedemptionOrder>> MysqlRedemptionRepository::ListOrders(
    const RedemptionOrderFilter& filter, int64_t before_id, int limit) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<RedemptionOrder>> {
    long long from = before_id > 0
                         ? before_id
                         : (filter.oldest_first ? 0 : std::numeric_limits<long long>::max());
    long long partner = filter.partner_id, user = filter.user_id, item = filter.item_id;
    int status = filter.status;
    soci::rowset<soci::row> rows =
        (s.prepare << absl::StrCat(
             "SELECT ", kOrderColumns, kOrderTables,
             filter.oldest_first ? " WHERE o.id > :from" : " WHERE o.id < :from",
             " AND (:status1 = 0 OR o.status = :status2)"
             " AND (:partner1 = 0 OR o.partner_id = :partner2)"
             " AND (:user1 = 0 OR o.user_id = :user2)"
             " AND (:item1 = 0 OR o.item_id = :item2)",
             filter.oldest_first ? " ORDER BY o.id" : " ORDER BY o.id DESC", " LIMIT :limit"),
         soci::use(from), soci::use(status), soci::use(status), soci::use(partner),
         soci::use(partner), soci::use(user), soci::use(user), soci::use(item), soci::use(item),
         soci::use(limit));
    std::vector<RedemptionOrder> out;
    for (const soci::row& r : rows) out.push_back(OrderFromRow(r));
    return out;
  });
}

absl::StatusOr<std::vector<RedemptionOrder>> MysqlRedemptionRepository::ChangeOrders(
    const std::vector<int64_t>& ids, int64_t actor, absl::Time now, const ChangeFn& change,
    ChangeError* error) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<std::vector<RedemptionOrder>> {
    std::vector<RedemptionOrder> changed;
    for (size_t i = 0; i < ids.size(); ++i) {
      const auto fail = [&](absl::Status status) {
        if (error != nullptr) *error = ChangeError{.index = i, .status = status};
        return status;
      };
      long long key = ids[i], found = 0;
      s << "SELECT id FROM redemption_orders WHERE id = :id FOR UPDATE", soci::use(key),
          soci::into(found);
      if (!s.got_data()) return fail(NotFoundError("order", ids[i]));
      kOrders.WillChange(s, ids[i]);
      CIM_ASSIGN_OR_RETURN(const RedemptionOrder order, ReadOrder(s, ids[i]));
      absl::StatusOr<OrderChange> decided = change(i, order);
      if (!decided.ok()) return fail(decided.status());
      Columns columns;
      columns.Set("status", static_cast<int>(decided->to)).Set("updated_at", now);
      if (!decided->reason.empty()) columns.Set("reason", decided->reason);
      if (!decided->fulfilment_code.empty()) {
        columns.Set("fulfilment_code", decided->fulfilment_code);
      }
      if (!decided->tracking_reference.empty()) {
        columns.Set("tracking_reference", decided->tracking_reference);
      }
      columns.SetSql("version", "version + 1");
      kOrders.Update(s, order.id(), columns);
      InsertEvent(s, order.id(), decided->to, actor, decided->note, now);
      if (ReturnsPoints(decided->to) && order.reversal_entry_id() == 0) {
        CIM_ASSIGN_OR_RETURN(const Decimal total, Decimal::Parse(order.points_total()));
        AppendLedgerEntries(
            s, {LedgerPosting{
                   .partner_id = order.partner_id(),
                   .user_id = order.user_id(),
                   .account = cim::v1::LEDGER_ACCOUNT_POINTS,
                   .kind = cim::v1::LEDGER_ENTRY_KIND_REVERSAL,
                   .unit = kPointsUnit,
                   .amount = total,
                   .basis = Phrase("ledger.order_returned")
                                .Text("order", absl::StrCat(order.id()))
                                .Text("status", absl::AsciiStrToLower(OrderStatusName(decided->to)))
                                .Text("note", decided->note),
                   .reverses_entry_id = order.debit_entry_id(),
                   .redemption_order_id = order.id(),
                   .created_by = actor,
                   .created_at = now,
               }});
        CIM_ASSIGN_OR_RETURN(const RewardItem item, ReadItem(s, order.item_id(), /*lock=*/true));
        if (!item.unlimited_stock()) WriteStock(s, item, item.stock() + order.quantity(), now);
      }
      CIM_ASSIGN_OR_RETURN(RedemptionOrder after, ReadOrder(s, order.id()));
      if (decided->to == cim::v1::REDEMPTION_ORDER_STATUS_FULFILLED) {
        // The person who ordered hears it is on its way, with the tracking reference (a gift
        // card's code stays in the portal, behind their sign-in).
        NotificationEvent shipped{.kind = cim::v1::NOTIFICATION_KIND_ORDER_SHIPPED,
                                  .partner_id = after.partner_id(),
                                  .user_id = after.user_id(),
                                  .ref_id = after.id(),
                                  .link = "/store",
                                  .occurred_at = now};
        const std::string& reference = after.tracking_reference();
        shipped.Text("item", after.item_name())
            .Text("reference", reference.empty() ? "none" : reference);
        AppendNotificationEvents(s, {shipped});
      }
      changed.push_back(std::move(after));
    }
    return changed;
  });
}

}  // namespace cim
