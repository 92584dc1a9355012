// The email outbox in MariaDB: EnqueueEmail for writers inside their transaction, and the
// leases delivery runs take. Leasing is one UPDATE of the due rows in id order, so two servers
// on one node wait for each other and two on different Galera nodes conflict at certification
// (one retries): an email is never leased to two at once.
#ifndef CIM_SERVER_NOTIFICATION_MYSQL_EMAIL_OUTBOX_H_
#define CIM_SERVER_NOTIFICATION_MYSQL_EMAIL_OUTBOX_H_

#include <soci/soci.h>

#include <functional>
#include <string>
#include <vector>

#include "server/db/mysql_database.h"
#include "server/db/sql_builder.h"
#include "server/notification/email_outbox.h"

namespace cim {

// Queues `email` in the caller's transaction, due at once; nothing if an email with its
// dedupe_key is already queued. Throws SOCI errors to the caller's transaction.
void EnqueueEmail(soci::session& s, const NewEmail& email);

class MysqlEmailOutbox final : public EmailOutbox {
 public:
  explicit MysqlEmailOutbox(MysqlDatabase& db) : db_(db) {}

  absl::StatusOr<std::vector<QueuedEmail>> Lease(const std::string& owner, absl::Time now,
                                                 absl::Duration lease, int limit) override;
  absl::Status MarkSent(int64_t id, const std::string& lease, absl::Time now) override;
  absl::Status Retry(int64_t id, const std::string& lease, absl::Time next_attempt,
                     const std::string& error) override;
  absl::Status MarkFailed(int64_t id, const std::string& lease, const std::string& error) override;

 private:
  // Applies the assignments `set` appends to email `id` and ends its lease, if `lease` holds
  // it; FAILED_PRECONDITION if not.
  absl::Status Settle(int64_t id, const std::string& lease,
                      const std::function<void(SqlBuilder&)>& set);

  MysqlDatabase& db_;
};

}  // namespace cim

#endif  // CIM_SERVER_NOTIFICATION_MYSQL_EMAIL_OUTBOX_H_
