#include "server/events/mysql_notification_events.h"

#include "lib/proto_json.h"
#include "server/db/mysql_database.h"
#include "server/db/sql_builder.h"

namespace cim {

void AppendNotificationEvents(soci::session& s, const std::vector<NotificationEvent>& events) {
  if (events.empty()) return;
  SqlBuilder insert(
      "INSERT IGNORE INTO notification_events (kind, partner_id, user_id, ref_id, link,"
      " args_json, dedupe_key, occurred_at) VALUES ");
  insert.Join(events, [&](const NotificationEvent& e) {
    insert << "(";
    insert.Bind(static_cast<int>(e.kind)) << ", ";
    insert.Bind(static_cast<long long>(e.partner_id)) << ", ";
    insert.Bind(static_cast<long long>(e.user_id)) << ", ";
    insert.Bind(static_cast<long long>(e.ref_id)) << ", ";
    insert.Bind(e.link) << ", ";
    insert.Bind(ToStoredJson(e.args)) << ", ";
    insert.BindOrNull(e.dedupe_key, e.dedupe_key.empty()) << ", ";
    insert.Bind(ToSqlMicros(e.occurred_at)) << ")";
  });
  insert.Execute(s);
}

}  // namespace cim
