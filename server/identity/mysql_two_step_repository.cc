#include "server/identity/mysql_two_step_repository.h"

#include "lib/status_util.h"
#include "server/db/table.h"

namespace cim {
namespace {

const Table& TwoStepTable() {
  static const Table* const table = new Table("two_step");
  return *table;
}
const Table& RecoveryCodes() {
  static const Table* const table = new Table("recovery_codes");
  return *table;
}

// The id of the user's two_step row, created empty if there is none; locked either way.
int64_t LockRow(soci::session& s, int64_t user_id) {
  long long user = user_id;
  long long id = 0;
  s << "SELECT id FROM two_step WHERE user_id = :user FOR UPDATE", soci::use(user), soci::into(id);
  if (s.got_data()) return id;
  return TwoStepTable().Insert(s, Columns().Set("user_id", user));
}

void DeleteRecoveryCodes(soci::session& s, int64_t user_id) {
  long long user = user_id;
  std::vector<long long> ids;
  soci::rowset<long long> rows =
      (s.prepare << "SELECT id FROM recovery_codes WHERE user_id = :user FOR UPDATE",
       soci::use(user));
  for (long long id : rows) ids.push_back(id);
  for (long long id : ids) {
    RecoveryCodes().WillChange(s, id);
    s << "DELETE FROM recovery_codes WHERE id = :id", soci::use(id);
  }
}

void InsertRecoveryCodes(soci::session& s, int64_t user_id,
                         const std::vector<std::string>& code_hashes, absl::Time now) {
  for (const std::string& hash : code_hashes) {
    RecoveryCodes().Insert(s, Columns()
                                  .Set("user_id", static_cast<long long>(user_id))
                                  .Set("code_hash", hash)
                                  .Set("created_at", now));
  }
}

}  // namespace

absl::StatusOr<TwoStepRecord> MysqlTwoStepRepository::Get(int64_t user_id) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<TwoStepRecord> {
    long long user = user_id;
    soci::row row;
    s << "SELECT t.user_id, t.secret_sealed, t.enabled_at, t.last_step, t.pending_secret_sealed,"
         " t.pending_since, (SELECT COUNT(*) FROM recovery_codes c WHERE c.user_id = t.user_id"
         " AND c.used_at IS NULL) AS codes_left FROM two_step t WHERE t.user_id = :user",
        soci::use(user), soci::into(row);
    if (!s.got_data()) return absl::NotFoundError("two-step sign-in is not set up");
    const NamedRow r(row);
    TwoStepRecord out;
    out.user_id = r.Integer("user_id");
    out.secret_sealed = r.Text("secret_sealed");
    if (!r.IsNull("enabled_at")) out.enabled_at = r.Time("enabled_at");
    out.last_step = r.Integer("last_step");
    out.pending_secret_sealed = r.Text("pending_secret_sealed");
    if (!r.IsNull("pending_since")) out.pending_since = r.Time("pending_since");
    out.recovery_codes_left = r.Int("codes_left");
    return out;
  });
}

absl::Status MysqlTwoStepRepository::SetPending(int64_t user_id, const std::string& sealed,
                                                absl::Time now) {
  return db_.Transact([&](soci::session& s) -> absl::Status {
    const int64_t id = LockRow(s, user_id);
    TwoStepTable().Update(s, id,
                          Columns().Set("pending_secret_sealed", sealed).Set("pending_since", now));
    return absl::OkStatus();
  });
}

absl::Status MysqlTwoStepRepository::Confirm(int64_t user_id, const std::string& sealed,
                                             int64_t step,
                                             const std::vector<std::string>& code_hashes,
                                             absl::Time now) {
  return db_.Transact([&](soci::session& s) -> absl::Status {
    const int64_t id = LockRow(s, user_id);
    std::string pending;
    soci::indicator pending_ind = soci::i_null;
    long long key = id;
    s << "SELECT pending_secret_sealed FROM two_step WHERE id = :id", soci::use(key),
        soci::into(pending, pending_ind);
    if (pending_ind != soci::i_ok || pending != sealed) {
      return absl::FailedPreconditionError(
          "two-step sign-in was set up again meanwhile: scan the new code and try again");
    }
    TwoStepTable().Update(s, id,
                          Columns()
                              .Set("secret_sealed", sealed)
                              .Set("enabled_at", now)
                              .Set("last_step", static_cast<long long>(step))
                              .SetOrNull("pending_secret_sealed", "", true)
                              .SetOrNull("pending_since", 0LL, true));
    DeleteRecoveryCodes(s, user_id);
    InsertRecoveryCodes(s, user_id, code_hashes, now);
    return absl::OkStatus();
  });
}

absl::StatusOr<bool> MysqlTwoStepRepository::UseStep(int64_t user_id, int64_t step) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<bool> {
    long long user = user_id;
    long long id = 0, last = 0;
    s << "SELECT id, last_step FROM two_step WHERE user_id = :user AND secret_sealed IS NOT NULL"
         " FOR UPDATE",
        soci::use(user), soci::into(id), soci::into(last);
    if (!s.got_data() || last >= step) return false;
    TwoStepTable().Update(s, id, Columns().Set("last_step", static_cast<long long>(step)));
    return true;
  });
}

absl::StatusOr<bool> MysqlTwoStepRepository::UseRecoveryCode(int64_t user_id,
                                                             const std::string& code_hash,
                                                             absl::Time now) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<bool> {
    long long user = user_id;
    long long id = 0;
    s << "SELECT id FROM recovery_codes WHERE user_id = :user AND code_hash = :hash"
         " AND used_at IS NULL FOR UPDATE",
        soci::use(user), soci::use(code_hash), soci::into(id);
    if (!s.got_data()) return false;
    return RecoveryCodes().Update(s, id, Columns().Set("used_at", now)) == 1;
  });
}

absl::Status MysqlTwoStepRepository::ReplaceRecoveryCodes(
    int64_t user_id, const std::vector<std::string>& code_hashes, absl::Time now) {
  return db_.Transact([&](soci::session& s) -> absl::Status {
    LockRow(s, user_id);
    DeleteRecoveryCodes(s, user_id);
    InsertRecoveryCodes(s, user_id, code_hashes, now);
    return absl::OkStatus();
  });
}

absl::Status MysqlTwoStepRepository::Remove(int64_t user_id) {
  return db_.Transact([&](soci::session& s) -> absl::Status {
    const int64_t id = LockRow(s, user_id);
    TwoStepTable().Update(s, id,
                          Columns()
                              .SetOrNull("secret_sealed", "", true)
                              .SetOrNull("enabled_at", 0LL, true)
                              .SetOrNull("pending_secret_sealed", "", true)
                              .SetOrNull("pending_since", 0LL, true));
    DeleteRecoveryCodes(s, user_id);
    return absl::OkStatus();
  });
}

}  // namespace cim
