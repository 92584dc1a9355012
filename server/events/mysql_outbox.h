// Appends domain events to the outbox inside the caller's transaction, and reads them back.
// Only mysql_* code includes this.
#ifndef CIM_SERVER_EVENTS_MYSQL_OUTBOX_H_
#define CIM_SERVER_EVENTS_MYSQL_OUTBOX_H_

#include <soci/soci.h>

#include <vector>

#include "absl/status/statusor.h"
#include "server/db/mysql_database.h"
#include "server/events/outbox_event.h"

namespace cim {

// One multi-row INSERT of `events` (nothing for none). Throws SOCI errors to the caller's
// transaction.
void AppendOutboxEvents(soci::session& s, const std::vector<OutboxEvent>& events);

// The outbox_events columns OutboxEventFromRow reads, by name.
inline constexpr char kOutboxEventColumns[] =
    "id, kind, partner_id, user_id, program_id, claim_id, CAST(amount AS CHAR) AS amount,"
    " currency_code, CAST(points AS CHAR) AS points, " CIM_MICROS_OF(
        "occurred_at") " AS occurred_micros, " CIM_MICROS_OF("created_at") " AS created_micros,"
    " ref_id";

// The event in a row of kOutboxEventColumns. INTERNAL if its decimals do not parse.
absl::StatusOr<OutboxEvent> OutboxEventFromRow(const soci::row& r);

}  // namespace cim

#endif  // CIM_SERVER_EVENTS_MYSQL_OUTBOX_H_
