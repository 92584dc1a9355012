#include "server/identity/mysql_login_throttle_repository.h"

namespace cim {
namespace {

LoginThrottleState Read(soci::session& s, const std::string& email, bool for_update) {
  soci::row r;
  s << std::string(
           "SELECT failures, last_failure_at, locked_until FROM login_throttle"
           " WHERE email = :email") +
           (for_update ? " FOR UPDATE" : ""),
      soci::use(email), soci::into(r);
  LoginThrottleState state;
  if (!s.got_data()) return state;
  state.failures = r.get<int>(0);
  state.last_failure = FromSqlTime(r.get<std::tm>(1));
  if (r.get_indicator(2) == soci::i_ok) state.locked_until = FromSqlTime(r.get<std::tm>(2));
  return state;
}

}  // namespace

absl::StatusOr<LoginThrottleState> MysqlLoginThrottleRepository::Get(const std::string& email) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<LoginThrottleState> {
    return Read(s, email, /*for_update=*/false);
  });
}

absl::StatusOr<LoginThrottleState> MysqlLoginThrottleRepository::Update(
    const std::string& email,
    const std::function<LoginThrottleState(const LoginThrottleState&)>& update) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<LoginThrottleState> {
    soci::transaction tx(s);
    // Make sure a row exists to lock, so concurrent first failures are serialised too.
    std::tm epoch = ToSqlTime(absl::UnixEpoch());
    s << "INSERT IGNORE INTO login_throttle (email, failures, last_failure_at) VALUES"
         " (:email, 0, :t)",
        soci::use(email), soci::use(epoch);
    LoginThrottleState next = update(Read(s, email, /*for_update=*/true));
    std::tm last =
        ToSqlTime(next.last_failure < absl::UnixEpoch() ? absl::UnixEpoch() : next.last_failure);
    std::tm locked =
        ToSqlTime(next.locked_until < absl::UnixEpoch() ? absl::UnixEpoch() : next.locked_until);
    soci::indicator locked_ind =
        next.locked_until == absl::InfinitePast() ? soci::i_null : soci::i_ok;
    s << "UPDATE login_throttle SET failures = :f, last_failure_at = :l, locked_until = :u"
         " WHERE email = :email",
        soci::use(next.failures), soci::use(last), soci::use(locked, locked_ind), soci::use(email);
    tx.commit();
    return next;
  });
}

absl::Status MysqlLoginThrottleRepository::Clear(const std::string& email) {
  return db_.Run([&](soci::session& s) -> absl::Status {
    s << "DELETE FROM login_throttle WHERE email = :email", soci::use(email);
    return absl::OkStatus();
  });
}

}  // namespace cim
