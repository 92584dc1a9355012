#include "server/app/repositories.h"

namespace cim {

absl::StatusOr<std::unique_ptr<MysqlDatabase>> OpenDatabase(const std::string& connect,
                                                            int pool_size,
                                                            const DatabaseTimeouts& timeouts) {
  absl::StatusOr<std::unique_ptr<MysqlDatabase>> db =
      MysqlDatabase::Connect(connect, pool_size, timeouts);
  if (db.ok()) RecordAuditTrail(**db);
  return db;
}

Repositories::Repositories(MysqlDatabase& db, const Clock& clock)
    : partners(db),
      users(db),
      tokens(db),
      login_throttle(db),
      two_step(db),
      accounts(db),
      products(db),
      programs(db),
      certifications(db, clock),
      ledger(db),
      claims(db),
      funds(db),
      disputes(db),
      payouts(db),
      recognition(db),
      training(db),
      tiers(db),
      kudos(db),
      feed(db),
      challenges(db),
      surveys(db),
      audit(db),
      performance(db),
      redemption(db),
      email_outbox(db),
      notifications(db) {}

}  // namespace cim
