// The durable outbox email leaves from: writers queue an email in the transaction of the
// event it tells of (mysql_email_outbox.h), delivery runs on every server lease what is due,
// send it and record the outcome. A lease keeps two servers from sending one email at once.
#ifndef CIM_SERVER_NOTIFICATION_EMAIL_OUTBOX_H_
#define CIM_SERVER_NOTIFICATION_EMAIL_OUTBOX_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/notification/mime_message.h"

namespace cim {

// An email to queue.
struct NewEmail {
  // The person it is for (0: an address that is no user's).
  int64_t user_id = 0;
  // What it is about (a notification category; 0 for none).
  int category = 0;
  // Unique per email, e.g. "claim-approved:812:user:4": queueing it again changes nothing, so
  // a writer that retries its transaction never queues it twice.
  std::string dedupe_key;
  std::string to_address;
  std::string to_name;
  std::string subject;
  std::string text;
  std::string html;
  std::string unsubscribe_url;
  // The SHA-256 of the unsubscribe link's token (empty: none), which Unsubscribe looks up.
  std::string unsubscribe_hash;
  absl::Time now;
};

// A leased email: its outbox id, the lease (what settles it), the attempt this is (1 for the
// first), and the email (sender and message id left to the delivery).
struct QueuedEmail {
  int64_t id = 0;
  std::string lease;
  int attempt = 0;
  Email email;
};

enum class EmailStatus { kPending = 0, kSending = 1, kSent = 2, kFailed = 3 };

class EmailOutbox {
 public:
  virtual ~EmailOutbox() = default;
  // Leases up to `limit` emails due at `now` (waiting for an attempt due by now, or leased
  // under a lease that ran out) until now + `lease`, oldest first, counting the attempt. Each
  // call is a lease of its own, named after `owner` (QueuedEmail::lease): concurrent calls,
  // also of one owner, never get the same email.
  virtual absl::StatusOr<std::vector<QueuedEmail>> Lease(const std::string& owner, absl::Time now,
                                                         absl::Duration lease, int limit) = 0;
  // Outcomes of a leased email. FAILED_PRECONDITION (and no change) if `lease` no longer holds
  // it (it ran out and another lease took the email).
  virtual absl::Status MarkSent(int64_t id, const std::string& lease, absl::Time now) = 0;
  virtual absl::Status Retry(int64_t id, const std::string& lease, absl::Time next_attempt,
                             const std::string& error) = 0;
  virtual absl::Status MarkFailed(int64_t id, const std::string& lease,
                                  const std::string& error) = 0;
};

}  // namespace cim

#endif  // CIM_SERVER_NOTIFICATION_EMAIL_OUTBOX_H_
