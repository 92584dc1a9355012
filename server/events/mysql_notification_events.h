// Appends notification events inside the caller's transaction. Only mysql_* code includes this.
#ifndef CIM_SERVER_EVENTS_MYSQL_NOTIFICATION_EVENTS_H_
#define CIM_SERVER_EVENTS_MYSQL_NOTIFICATION_EVENTS_H_

#include <soci/soci.h>

#include <vector>

#include "server/events/notification_event.h"

namespace cim {

// One multi-row INSERT of `events` (nothing for none); events whose dedupe_key was written
// before are skipped. Throws SOCI errors to the caller's transaction.
void AppendNotificationEvents(soci::session& s, const std::vector<NotificationEvent>& events);

}  // namespace cim

#endif  // CIM_SERVER_EVENTS_MYSQL_NOTIFICATION_EVENTS_H_
