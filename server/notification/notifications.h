// The notification centre and each person's settings (NotificationService's logic), and the
// notifier the background jobs run: it tells pending events to the people they concern, in the
// centre and by email in each person's language, and queues the daily digests.
#ifndef CIM_SERVER_NOTIFICATION_NOTIFICATIONS_H_
#define CIM_SERVER_NOTIFICATION_NOTIFICATIONS_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "cim/v1/notification_service.pb.h"
#include "lib/clock.h"
#include "lib/messages.h"
#include "lib/principal.h"
#include "server/identity/credential_cache.h"
#include "server/notification/notification_store.h"

namespace cim {

struct NotificationsOptions {
  // The portal's address, for the links in emails ("https://partners.example.com").
  std::string portal_url = "http://127.0.0.1:8080";
  // The UTC hour of day from which the day's digests go out.
  int digest_hour = 6;
  // How often a round also scans for what the clock brings (ScanDue).
  absl::Duration scan_interval = absl::Minutes(1);
};

class Notifications {
 public:
  // `credentials` (when given) is cleared when a person saves their language, so this server
  // writes to them in it from their next call.
  Notifications(NotificationStore& store, const MessageCatalogs& catalogs, const Clock& clock,
                NotificationsOptions options = {}, CredentialCache* credentials = nullptr);

  // The background work (one thread calls it): scans for what the clock brings when
  // scan_interval has passed, tells pending events (batches until none is left) and queues the
  // digests due. Returns the first error.
  absl::Status RunOnce();

  // The deliveries of one event (what RunOnce's planner decides): per recipient their
  // effective preference for the kind's category; in the centre if in_app; an email now (in
  // their language, with a fresh unsubscribe token) or in the digest if email; nobody is
  // skipped silently except those who want neither.
  std::vector<Delivery> Plan(const PendingEvent& event,
                             const std::vector<NotificationRecipient>& recipients) const;

  // The RPCs. Every one answers PERMISSION_DENIED for service accounts.
  absl::StatusOr<cim::v1::ListNotificationsResponse> List(
      const Principal& caller, const cim::v1::ListNotificationsRequest& request);
  absl::StatusOr<cim::v1::MarkNotificationsReadResponse> MarkRead(
      const Principal& caller, const cim::v1::MarkNotificationsReadRequest& request);
  // Calls `emit` at once and then after each change, checking every `poll`, until
  // `wait(poll)` or `emit` returns false.
  absl::Status Watch(const Principal& caller, absl::Duration poll,
                     const std::function<bool(absl::Duration)>& wait,
                     const std::function<bool(const cim::v1::NotificationsUpdate&)>& emit);
  absl::StatusOr<cim::v1::NotificationSettings> GetSettings(const Principal& caller);
  absl::StatusOr<cim::v1::NotificationSettings> UpdateSettings(
      const Principal& caller, const cim::v1::UpdateNotificationSettingsRequest& request);
  absl::StatusOr<cim::v1::PartnerNotificationDefaults> GetPartnerDefaults(
      const Principal& caller, const cim::v1::GetPartnerNotificationDefaultsRequest& request);
  absl::StatusOr<cim::v1::PartnerNotificationDefaults> UpdatePartnerDefaults(
      const Principal& caller, const cim::v1::UpdatePartnerNotificationDefaultsRequest& request);
  // No caller: the token is the credential.
  absl::StatusOr<cim::v1::UnsubscribeResponse> Unsubscribe(
      const cim::v1::UnsubscribeRequest& request);

 private:
  cim::v1::Notification ToProto(const StoredNotification& stored, absl::string_view language) const;
  // An email's unsubscribe link and the hash stored for it.
  EmailLinks NewLinks(std::string& hash) const;
  // The email of `content` to `person` (category 0: a digest).
  NewEmail EmailTo(const NotificationRecipient& person, int category, std::string dedupe_key,
                   const EmailContent& content, const EmailLinks& links,
                   std::string unsubscribe_hash) const;
  NewEmail Digest(const NotificationRecipient& person,
                  const std::vector<StoredNotification>& items) const;
  absl::StatusOr<cim::v1::NotificationSettings> SettingsOf(const Principal& caller);

  NotificationStore& store_;
  const MessageCatalogs& catalogs_;
  const Clock& clock_;
  NotificationsOptions options_;
  CredentialCache* credentials_;
  absl::Time last_scan_ = absl::InfinitePast();
};

}  // namespace cim

#endif  // CIM_SERVER_NOTIFICATION_NOTIFICATIONS_H_
