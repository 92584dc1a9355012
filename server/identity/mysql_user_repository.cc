#include "server/identity/mysql_user_repository.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "server/audit/mysql_audit.h"

namespace cim {
namespace {

constexpr char kColumns[] =
    "id, email, display_name, role, partner_id, status, created_at, updated_at, password_hash,"
    " version";

UserRecord UserFromRow(const soci::row& r) {
  UserRecord rec;
  User& u = rec.user;
  u.set_id(r.get<long long>(0));
  u.set_email(r.get<std::string>(1));
  u.set_display_name(r.get<std::string>(2));
  u.set_role(static_cast<cim::v1::Role>(r.get<int>(3)));
  if (r.get_indicator(4) == soci::i_ok) u.set_partner_id(r.get<long long>(4));
  u.set_status(static_cast<cim::v1::UserStatus>(r.get<int>(5)));
  SetTimestamp(FromSqlTime(r.get<std::tm>(6)), u.mutable_create_time());
  SetTimestamp(FromSqlTime(r.get<std::tm>(7)), u.mutable_update_time());
  if (r.get_indicator(8) == soci::i_ok) rec.password_hash = r.get<std::string>(8);
  u.set_etag(absl::StrCat(r.get<long long>(9)));
  return rec;
}

absl::StatusOr<UserRecord> GetIn(soci::session& s, int64_t id) {
  soci::row r;
  long long key = id;
  s << absl::StrCat("SELECT ", kColumns, " FROM users WHERE id = :id"), soci::use(key),
      soci::into(r);
  if (!s.got_data()) return absl::NotFoundError(absl::StrCat("user ", id, " not found"));
  return UserFromRow(r);
}

}  // namespace

absl::StatusOr<User> MysqlUserRepository::Create(const User& user,
                                                 const std::optional<std::string>& password_hash,
                                                 absl::Time now) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<User> {
    long long partner = user.partner_id();
    soci::indicator partner_ind = partner == 0 ? soci::i_null : soci::i_ok;
    std::string hash = password_hash.value_or("");
    soci::indicator hash_ind = password_hash.has_value() ? soci::i_ok : soci::i_null;
    int role = user.role(), status = user.status();
    std::tm t = ToSqlTime(now);
    try {
      s << "INSERT INTO users (email, display_name, role, partner_id, status, password_hash,"
           " created_at, updated_at) VALUES (:email, :name, :role, :partner, :status, :hash,"
           " :c, :u)",
          soci::use(user.email()), soci::use(user.display_name()), soci::use(role),
          soci::use(partner, partner_ind), soci::use(status), soci::use(hash, hash_ind),
          soci::use(t), soci::use(t);
    } catch (const std::exception& e) {
      bool lost = false;
      absl::Status st = MapDatabaseError(e, &lost);
      if (absl::IsAlreadyExists(st)) {
        return absl::AlreadyExistsError(
            absl::StrCat("a user with email ", user.email(), " already exists"));
      }
      throw;
    }
    long long id = 0;
    s << "SELECT LAST_INSERT_ID()", soci::into(id);
    AuditInsertedRow(s, "users", id);
    CIM_ASSIGN_OR_RETURN(UserRecord rec, GetIn(s, id));
    return rec.user;
  });
}

absl::StatusOr<UserRecord> MysqlUserRepository::Get(int64_t id) {
  return db_.Run([&](soci::session& s) { return GetIn(s, id); });
}

absl::StatusOr<UserRecord> MysqlUserRepository::GetByEmail(const std::string& email) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<UserRecord> {
    soci::row r;
    s << absl::StrCat("SELECT ", kColumns, " FROM users WHERE email = :email"), soci::use(email),
        soci::into(r);
    if (!s.got_data()) return absl::NotFoundError("no user with this email");
    return UserFromRow(r);
  });
}

absl::StatusOr<std::vector<User>> MysqlUserRepository::List(const UserFilter& filter,
                                                            int64_t after_id, int limit) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<User>> {
    int role = filter.role, status = filter.status;
    long long partner = filter.partner_id, after = after_id;
    std::string like = LikeContains(filter.query);
    soci::rowset<soci::row> rows =
        (s.prepare << absl::StrCat("SELECT ", kColumns,
                                   " FROM users WHERE id > :after"
                                   " AND (:partner1 = 0 OR partner_id = :partner2)"
                                   " AND (:role1 = 0 OR role = :role2)"
                                   " AND (:status1 = 0 OR status = :status2)"
                                   " AND (email LIKE :q1 OR display_name LIKE :q2)"
                                   " ORDER BY id LIMIT :limit"),
         soci::use(after), soci::use(partner), soci::use(partner), soci::use(role), soci::use(role),
         soci::use(status), soci::use(status), soci::use(like), soci::use(like), soci::use(limit));
    std::vector<User> out;
    for (const soci::row& r : rows) out.push_back(UserFromRow(r).user);
    return out;
  });
}

absl::StatusOr<User> MysqlUserRepository::Update(const User& user, absl::Time now) {
  long long expected_version = 0;
  if (!absl::SimpleAtoi(user.etag(), &expected_version)) {
    return absl::InvalidArgumentError("etag: not an etag of this user");
  }
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<User> {
    long long id = user.id();
    AuditRow(s, "users", id);
    long long partner = user.partner_id();
    soci::indicator partner_ind = partner == 0 ? soci::i_null : soci::i_ok;
    int role = user.role(), status = user.status();
    std::tm t = ToSqlTime(now);
    soci::statement st =
        (s.prepare << "UPDATE users SET display_name = :name, role = :role, partner_id = :partner,"
                      " status = :status, updated_at = :u, version = version + 1"
                      " WHERE id = :id AND version = :v",
         soci::use(user.display_name()), soci::use(role), soci::use(partner, partner_ind),
         soci::use(status), soci::use(t), soci::use(id), soci::use(expected_version));
    st.execute(true);
    if (st.get_affected_rows() == 0) {
      CIM_RETURN_IF_ERROR(GetIn(s, id).status());
      return absl::AbortedError(
          absl::StrCat("user ", id, " was changed by someone else; reload and retry"));
    }
    CIM_ASSIGN_OR_RETURN(UserRecord rec, GetIn(s, id));
    return rec.user;
  });
}

}  // namespace cim
