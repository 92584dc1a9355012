// Where notifications live: the pending events and who they concern, each person's
// notifications, their settings and their partner's defaults. The store runs the transactions;
// what to tell whom and how is decided by the planner it is given (notifier.h), pure C++.
#ifndef CIM_SERVER_NOTIFICATION_NOTIFICATION_STORE_H_
#define CIM_SERVER_NOTIFICATION_NOTIFICATION_STORE_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "cim/v1/identity.pb.h"
#include "cim/v1/notification.pb.h"
#include "server/notification/email_outbox.h"
#include "server/notification/notification_rules.h"

namespace cim {

// An event waiting to be told.
struct PendingEvent {
  int64_t id = 0;
  NotificationKind kind = cim::v1::NOTIFICATION_KIND_UNSPECIFIED;
  int64_t partner_id = 0;
  int64_t user_id = 0;
  int64_t ref_id = 0;
  std::string link;
  cim::v1::NotificationArguments args;
  absl::Time occurred_at;
};

// An active person an event concerns, with what decides how they hear of it.
struct NotificationRecipient {
  int64_t user_id = 0;
  std::string email;
  std::string name;
  // Their saved language ("" not chosen).
  std::string language;
  cim::v1::Role role = cim::v1::ROLE_UNSPECIFIED;
  int64_t partner_id = 0;
  PreferenceMap own;
  PreferenceMap partner_defaults;
};

enum class EmailState { kNone = 0, kDigest = 1, kQueued = 2 };

// How one person hears of one event.
struct Delivery {
  int64_t user_id = 0;
  NotificationCategory category = cim::v1::NOTIFICATION_CATEGORY_UNSPECIFIED;
  bool in_app = false;
  EmailState email_state = EmailState::kNone;
  // The email to queue now (email_state kQueued).
  std::optional<NewEmail> email;
};

// Decides the deliveries of `event` to `recipients` (in the store's transaction: no I/O).
using DeliveryPlanner = std::function<std::vector<Delivery>(
    const PendingEvent& event, const std::vector<NotificationRecipient>& recipients)>;

// One stored notification of one person.
struct StoredNotification {
  int64_t id = 0;
  NotificationKind kind = cim::v1::NOTIFICATION_KIND_UNSPECIFIED;
  NotificationCategory category = cim::v1::NOTIFICATION_CATEGORY_UNSPECIFIED;
  std::string link;
  cim::v1::NotificationArguments args;
  absl::Time created;
  std::optional<absl::Time> read;
};

// The digest email of `person` for `items` (their notifications waiting for it, oldest first).
using DigestComposer = std::function<NewEmail(const NotificationRecipient& person,
                                              const std::vector<StoredNotification>& items)>;

// Where an unsubscribe token leads.
struct UnsubscribeTarget {
  int64_t user_id = 0;
  // 0: a digest (every category the person gets as a digest).
  int category = 0;
  std::string to_address;
};

class NotificationStore {
 public:
  virtual ~NotificationStore() = default;

  // Tells up to `limit` pending events that occurred by `now` (a survey's, when it opens),
  // oldest first, in one transaction: reads who each one
  // concerns (its user, or the audience of its kind), writes what `plan` decides (a
  // notification row per person, the emails to queue) and marks the events processed. Several
  // servers at once tell each event once. Returns how many events were processed.
  virtual absl::StatusOr<int> ProcessEvents(absl::Time now, int limit,
                                            const DeliveryPlanner& plan) = 0;

  // Writes the events the clock brings (once each, also with several servers scanning): a
  // certification's 30- and 7-day warnings, a claim past the review target, a program budget
  // past kBudgetWarningPercent (once per budget amount). Returns how many it wrote.
  virtual absl::StatusOr<int> ScanDue(absl::Time now) = 0;

  // For up to `limit_people` people with notifications waiting for a digest that arrived before
  // `cutoff`: queues `compose`'s email and marks those notifications emailed, one transaction
  // per person. Returns how many digests were queued.
  virtual absl::StatusOr<int> QueueDigests(absl::Time cutoff, int limit_people,
                                           const DigestComposer& compose) = 0;

  // The person's notifications shown in the centre, newest first, with ids below `before_id`
  // (0: from the newest), at most `limit`.
  virtual absl::StatusOr<std::vector<StoredNotification>> List(int64_t user_id, bool unread_only,
                                                               int64_t before_id, int limit) = 0;
  // Those with ids above `after_id`, oldest first, at most `limit`.
  virtual absl::StatusOr<std::vector<StoredNotification>> Since(int64_t user_id, int64_t after_id,
                                                                int limit) = 0;
  virtual absl::StatusOr<int64_t> UnreadCount(int64_t user_id) = 0;
  // The newest shown notification's id (0: none).
  virtual absl::StatusOr<int64_t> NewestId(int64_t user_id) = 0;
  // Marks `ids` (or, with `all`, every notification) of the person read at `now`; those
  // already read keep their time. NOT_FOUND (and no change) if an id is not theirs.
  virtual absl::Status MarkRead(int64_t user_id, const std::vector<int64_t>& ids, bool all,
                                absl::Time now) = 0;

  // The person's saved language and own choices, and their partner's defaults.
  virtual absl::StatusOr<NotificationRecipient> Recipient(int64_t user_id) = 0;
  virtual absl::StatusOr<PreferenceMap> PartnerDefaults(int64_t partner_id) = 0;
  // Saves the person's language (when set), their own choices `own` and drops those of
  // `reset`, in one transaction.
  virtual absl::Status SaveSettings(int64_t user_id, const std::optional<std::string>& language,
                                    const std::vector<NotificationPreference>& own,
                                    const std::vector<NotificationCategory>& reset,
                                    absl::Time now) = 0;
  virtual absl::Status SavePartnerDefaults(int64_t partner_id,
                                           const std::vector<NotificationPreference>& defaults,
                                           absl::Time now) = 0;
  // The email whose unsubscribe token hashes to `hash`; NOT_FOUND if none.
  virtual absl::StatusOr<UnsubscribeTarget> FindUnsubscribe(const std::string& hash) = 0;
};

}  // namespace cim

#endif  // CIM_SERVER_NOTIFICATION_NOTIFICATION_STORE_H_
