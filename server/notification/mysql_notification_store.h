// Notifications in MariaDB. Telling events: one transaction takes pending events with
// FOR UPDATE SKIP LOCKED (servers on one node take different events), writes the deliveries
// (notifications rows unique per event and person, emails unique by dedupe key) and marks the
// events processed; servers on different Galera nodes that took the same event conflict at
// certification and one retries, finding it processed. So every event is told once.
#ifndef CIM_SERVER_NOTIFICATION_MYSQL_NOTIFICATION_STORE_H_
#define CIM_SERVER_NOTIFICATION_MYSQL_NOTIFICATION_STORE_H_

#include <optional>
#include <string>
#include <vector>

#include "server/db/mysql_database.h"
#include "server/notification/notification_store.h"

namespace cim {

class MysqlNotificationStore final : public NotificationStore {
 public:
  explicit MysqlNotificationStore(MysqlDatabase& db) : db_(db) {}

  absl::StatusOr<int> ProcessEvents(absl::Time now, int limit,
                                    const DeliveryPlanner& plan) override;
  absl::StatusOr<int> ScanDue(absl::Time now) override;
  absl::StatusOr<int> QueueDigests(absl::Time cutoff, int limit_people,
                                   const DigestComposer& compose) override;
  absl::StatusOr<std::vector<StoredNotification>> List(int64_t user_id, bool unread_only,
                                                       int64_t before_id, int limit) override;
  absl::StatusOr<std::vector<StoredNotification>> Since(int64_t user_id, int64_t after_id,
                                                        int limit) override;
  absl::StatusOr<int64_t> UnreadCount(int64_t user_id) override;
  absl::StatusOr<int64_t> NewestId(int64_t user_id) override;
  absl::Status MarkRead(int64_t user_id, const std::vector<int64_t>& ids, bool all,
                        absl::Time now) override;
  absl::StatusOr<NotificationRecipient> Recipient(int64_t user_id) override;
  absl::StatusOr<PreferenceMap> PartnerDefaults(int64_t partner_id) override;
  absl::Status SaveSettings(int64_t user_id, const std::optional<std::string>& language,
                            const std::vector<NotificationPreference>& own,
                            const std::vector<NotificationCategory>& reset,
                            absl::Time now) override;
  absl::Status SavePartnerDefaults(int64_t partner_id,
                                   const std::vector<NotificationPreference>& defaults,
                                   absl::Time now) override;
  absl::StatusOr<UnsubscribeTarget> FindUnsubscribe(const std::string& hash) override;

 private:
  MysqlDatabase& db_;
};

}  // namespace cim

#endif  // CIM_SERVER_NOTIFICATION_MYSQL_NOTIFICATION_STORE_H_
