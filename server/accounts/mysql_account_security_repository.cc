#include "server/accounts/mysql_account_security_repository.h"

#include <limits>

#include "absl/strings/str_cat.h"
#include "lib/status_util.h"
#include "server/db/table.h"
#include "server/identity/mysql_user_repository.h"
#include "server/notification/mysql_email_outbox.h"

namespace cim {
namespace {

constexpr int kSession = static_cast<int>(TokenKind::kSession);

// The live sessions of `user_id` at `now`, newest first.
std::vector<AccessTokenRecord> LiveSessions(soci::session& s, int64_t user_id, absl::Time now) {
  long long user = user_id;
  int kind = kSession;
  std::tm t = ToSqlTime(now);
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id, created_at, expires_at, address, agent FROM access_tokens"
                    " WHERE user_id = :user AND kind = :kind AND revoked_at IS NULL"
                    " AND expires_at > :now ORDER BY id DESC",
       soci::use(user), soci::use(kind), soci::use(t));
  std::vector<AccessTokenRecord> out;
  for (const soci::row& row : rows) {
    const NamedRow r(row);
    out.push_back({.id = r.Integer("id"),
                   .user_id = user_id,
                   .kind = TokenKind::kSession,
                   .address = r.Text("address"),
                   .agent = r.Text("agent"),
                   .created_at = r.Time("created_at"),
                   .expires_at = r.Time("expires_at")});
  }
  return out;
}

// Revokes the live sessions of `user_id` but `keep` at `now`; returns how many.
int EndSessions(soci::session& s, int64_t user_id, int64_t keep, absl::Time now) {
  int ended = 0;
  const Table tokens("access_tokens");
  for (const AccessTokenRecord& session : LiveSessions(s, user_id, now)) {
    if (session.id == keep) continue;
    ended += static_cast<int>(tokens.Update(s, session.id, Columns().Set("revoked_at", now)));
  }
  return ended;
}

void SetPasswordHash(soci::session& s, int64_t user_id, const std::string& hash, absl::Time now) {
  Table("users").Update(s, user_id, Columns().Set("password_hash", hash).Set("updated_at", now));
}

// Stores a link that sets a password and queues its email.
void InsertLink(soci::session& s, const NewPasswordReset& link) {
  Table("password_resets")
      .Insert(s, Columns()
                     .Set("user_id", static_cast<long long>(link.user_id))
                     .Set("purpose", static_cast<int>(link.purpose))
                     .Set("token_hash", link.token_hash)
                     .Set("created_at", link.created_at)
                     .Set("expires_at", link.expires_at));
  EnqueueEmail(s, link.email);
}

}  // namespace

absl::Status MysqlAccountSecurityRepository::RecordSignIn(const SignInRecord& record) {
  return db_.Transact([&](soci::session& s) -> absl::Status {
    int outcome = record.outcome;
    std::tm at = ToSqlTime(record.at);
    s << "INSERT INTO sign_ins (user_id, email, outcome, address, agent, created_at)"
         " SELECT (SELECT id FROM users WHERE email = :email1), :email2, :outcome, :address,"
         " :agent, :at",
        soci::use(record.email), soci::use(record.email), soci::use(outcome),
        soci::use(record.address), soci::use(record.agent), soci::use(at);
    return absl::OkStatus();
  });
}

absl::StatusOr<std::vector<SignInRecord>> MysqlAccountSecurityRepository::ListSignIns(
    int64_t user_id, int64_t before_id, int limit) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<SignInRecord>> {
    long long user = user_id;
    long long before = before_id > 0 ? before_id : std::numeric_limits<long long>::max();
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id, email, outcome, address, agent, created_at FROM sign_ins"
                      " WHERE user_id = :user AND id < :before ORDER BY id DESC LIMIT :limit",
         soci::use(user), soci::use(before), soci::use(limit));
    std::vector<SignInRecord> out;
    for (const soci::row& row : rows) {
      const NamedRow r(row);
      out.push_back({.id = r.Integer("id"),
                     .user_id = user_id,
                     .email = r.Text("email"),
                     .outcome = static_cast<cim::v1::SignInOutcome>(r.Int("outcome")),
                     .address = r.Text("address"),
                     .agent = r.Text("agent"),
                     .at = r.Time("created_at")});
    }
    return out;
  });
}

absl::StatusOr<std::vector<AccessTokenRecord>> MysqlAccountSecurityRepository::ListSessions(
    int64_t user_id, absl::Time now) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<AccessTokenRecord>> {
    return LiveSessions(s, user_id, now);
  });
}

absl::Status MysqlAccountSecurityRepository::EndSession(int64_t user_id, int64_t session_id,
                                                        absl::Time now) {
  return db_.Transact([&](soci::session& s) -> absl::Status {
    long long id = session_id, user = user_id;
    int kind = kSession;
    std::tm t = ToSqlTime(now);
    int live = 0;
    s << "SELECT COUNT(*) FROM access_tokens WHERE id = :id AND user_id = :user AND kind = :kind"
         " AND revoked_at IS NULL AND expires_at > :now FOR UPDATE",
        soci::use(id), soci::use(user), soci::use(kind), soci::use(t), soci::into(live);
    if (live == 0) return NotFoundError("session", session_id);
    Table("access_tokens").Update(s, session_id, Columns().Set("revoked_at", now));
    return absl::OkStatus();
  });
}

absl::StatusOr<int> MysqlAccountSecurityRepository::SetPassword(int64_t user_id,
                                                                const std::string& password_hash,
                                                                int64_t keep_session_id,
                                                                absl::Time now) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<int> {
    SetPasswordHash(s, user_id, password_hash, now);
    return EndSessions(s, user_id, keep_session_id, now);
  });
}

absl::StatusOr<int> MysqlAccountSecurityRepository::CountResetsSince(int64_t user_id,
                                                                     absl::Time since) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<int> {
    long long user = user_id;
    std::tm t = ToSqlTime(since);
    int count = 0;
    s << "SELECT COUNT(*) FROM password_resets WHERE user_id = :user AND created_at >= :since",
        soci::use(user), soci::use(t), soci::into(count);
    return count;
  });
}

absl::Status MysqlAccountSecurityRepository::CreateReset(const NewPasswordReset& reset) {
  return db_.Transact([&](soci::session& s) -> absl::Status {
    InsertLink(s, reset);
    return absl::OkStatus();
  });
}

absl::StatusOr<User> MysqlAccountSecurityRepository::Invite(const User& user,
                                                            NewPasswordReset link) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<User> {
    CIM_ASSIGN_OR_RETURN(User invited, InsertUser(s, user, std::nullopt, link.created_at));
    link.user_id = invited.id();
    link.email.user_id = invited.id();
    InsertLink(s, link);
    return invited;
  });
}

absl::StatusOr<int64_t> MysqlAccountSecurityRepository::UseReset(const std::string& token_hash,
                                                                 const std::string& password_hash,
                                                                 absl::Time now) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<int64_t> {
    long long id = 0, user = 0;
    int usable = 0;
    std::tm t = ToSqlTime(now);
    int active = cim::v1::USER_STATUS_ACTIVE;
    s << "SELECT r.id, r.user_id, (r.used_at IS NULL AND r.expires_at > :now"
         " AND u.status = :active) FROM password_resets r JOIN users u ON u.id = r.user_id"
         " WHERE r.token_hash = :hash FOR UPDATE",
        soci::use(t), soci::use(active), soci::use(token_hash), soci::into(id), soci::into(user),
        soci::into(usable);
    if (!s.got_data() || usable == 0) {
      return absl::FailedPreconditionError(
          "this link has expired or was used already; ask for a new one");
    }
    Table("password_resets").Update(s, id, Columns().Set("used_at", now));
    SetPasswordHash(s, user, password_hash, now);
    EndSessions(s, user, /*keep=*/0, now);
    return static_cast<int64_t>(user);
  });
}

}  // namespace cim
