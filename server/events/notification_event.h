// A notification event: something a person should hear of, written in the same transaction as
// the change that caused it (mysql_notification_events.h) and told exactly once to each person
// it concerns, in the portal and by email as they chose (server/notification).
#ifndef CIM_SERVER_EVENTS_NOTIFICATION_EVENT_H_
#define CIM_SERVER_EVENTS_NOTIFICATION_EVENT_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "cim/v1/notification.pb.h"
#include "lib/decimal.h"

namespace cim {

struct NotificationEvent {
  cim::v1::NotificationKind kind = cim::v1::NOTIFICATION_KIND_UNSPECIFIED;
  // The partner it is about (0: none, e.g. a program budget).
  int64_t partner_id = 0;
  // The one person it is for; 0: the people the kind names (a partner's admins, vendor staff).
  int64_t user_id = 0;
  // The claim, statement, badge, order, dispute, ... it is about.
  int64_t ref_id = 0;
  // Where the portal shows it ("/claims/812"); empty: nowhere.
  std::string link;
  // The figures its text is written from (names as lib/catalogs use them).
  cim::v1::NotificationArguments args;
  // Set for events a scheduled scan finds ("cert-expiring:7:user:4:module:2:2027-02-03"): an
  // event with a key already written is not written again. Empty: every write is an event.
  std::string dedupe_key;
  absl::Time occurred_at;

  NotificationEvent& Text(absl::string_view name, absl::string_view value);
  NotificationEvent& Count(absl::string_view name, int64_t value);
  // The whole part of `value` (points) as a count.
  NotificationEvent& Count(absl::string_view name, const Decimal& value);
  NotificationEvent& Number(absl::string_view name, const Decimal& value);
  NotificationEvent& Money(absl::string_view name, const Decimal& amount,
                           absl::string_view currency_code);
  NotificationEvent& Day(absl::string_view name, absl::CivilDay value);
};

}  // namespace cim

#endif  // CIM_SERVER_EVENTS_NOTIFICATION_EVENT_H_
