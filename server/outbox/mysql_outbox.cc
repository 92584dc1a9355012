#include "server/outbox/mysql_outbox.h"

#include "server/db/mysql_database.h"
#include "server/db/sql_builder.h"

namespace cim {

void AppendOutboxEvents(soci::session& s, const std::vector<OutboxEvent>& events) {
  if (events.empty()) return;
  SqlBuilder insert(
      "INSERT INTO outbox_events (kind, partner_id, user_id, program_id, claim_id, amount,"
      " currency_code, points, occurred_at, created_at, ref_id) VALUES ");
  insert.Join(events, [&](const OutboxEvent& e) {
    insert.Tuple(static_cast<int>(e.kind), e.partner_id, e.user_id, e.program_id, e.claim_id,
                 e.amount.ToString(), e.currency_code, e.points.ToString(),
                 ToSqlMicros(e.occurred_at), ToSqlMicros(e.created_at), e.ref_id);
  });
  insert.Execute(s);
}

}  // namespace cim
