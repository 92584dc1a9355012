// Appends domain events to the outbox inside the caller's transaction. Only mysql_* code
// includes this.
#ifndef CIM_SERVER_OUTBOX_MYSQL_OUTBOX_H_
#define CIM_SERVER_OUTBOX_MYSQL_OUTBOX_H_

#include <soci/soci.h>

#include <vector>

#include "server/outbox/outbox_event.h"

namespace cim {

// One multi-row INSERT of `events` (nothing for none). Throws SOCI errors to the caller's
// transaction.
void AppendOutboxEvents(soci::session& s, const std::vector<OutboxEvent>& events);

}  // namespace cim

#endif  // CIM_SERVER_OUTBOX_MYSQL_OUTBOX_H_
