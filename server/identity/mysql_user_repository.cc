#include "server/identity/mysql_user_repository.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "lib/phrase.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "server/db/sql_builder.h"
#include "server/db/table.h"

namespace cim {
namespace {

constexpr char kColumns[] =
    "id, email, display_name, language, role, partner_id, status, created_at, updated_at,"
    " password_hash, version, (SELECT COUNT(*) FROM two_step t WHERE t.user_id = users.id"
    " AND t.enabled_at IS NOT NULL) AS two_step_enabled";

UserRecord UserFromRow(const soci::row& row) {
  const NamedRow r(row);
  UserRecord rec;
  User& u = rec.user;
  u.set_id(r.Integer("id"));
  u.set_email(r.Text("email"));
  u.set_display_name(r.Text("display_name"));
  u.set_language(r.Text("language"));
  u.set_role(static_cast<cim::v1::Role>(r.Int("role")));
  u.set_partner_id(r.Integer("partner_id"));
  u.set_status(static_cast<cim::v1::UserStatus>(r.Int("status")));
  SetTimestamp(r.Time("created_at"), u.mutable_create_time());
  SetTimestamp(r.Time("updated_at"), u.mutable_update_time());
  if (!r.IsNull("password_hash")) rec.password_hash = r.Text("password_hash");
  u.set_etag(absl::StrCat(r.Integer("version")));
  u.set_two_step_enabled(r.Integer("two_step_enabled") != 0);
  return rec;
}

absl::StatusOr<UserRecord> GetIn(soci::session& s, int64_t id) {
  soci::row r;
  if (!Table("users").Get(s, kColumns, id, r)) {
    return NotFoundError("user", id);
  }
  return UserFromRow(r);
}

// The columns a caller sets on a user.
Columns UserColumns(const User& user, absl::Time now) {
  Columns c;
  c.Set("display_name", user.display_name())
      .Set("role", static_cast<int>(user.role()))
      .SetId("partner_id", user.partner_id())
      .Set("status", static_cast<int>(user.status()))
      .Set("updated_at", now);
  return c;
}

}  // namespace

absl::StatusOr<User> InsertUser(soci::session& s, const User& user,
                                const std::optional<std::string>& password_hash, absl::Time now) {
  int64_t id = 0;
  try {
    id = Table("users").Insert(
        s, UserColumns(user, now)
               .Set("email", user.email())
               .SetOrNull("password_hash", password_hash.value_or(""), !password_hash)
               .Set("created_at", now));
  } catch (const std::exception& e) {
    bool lost = false;
    absl::Status st = MapDatabaseError(e, &lost);
    if (absl::IsAlreadyExists(st)) {
      return absl::AlreadyExistsError(
          Phrase("error.email_taken").Text("email", user.email()).str());
    }
    throw;
  }
  CIM_ASSIGN_OR_RETURN(UserRecord rec, GetIn(s, id));
  return rec.user;
}

absl::StatusOr<User> MysqlUserRepository::Create(const User& user,
                                                 const std::optional<std::string>& password_hash,
                                                 absl::Time now) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<User> {
    return InsertUser(s, user, password_hash, now);
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
    SqlBuilder q(absl::StrCat("SELECT ", kColumns, " FROM users WHERE id > "));
    q.Bind(static_cast<long long>(after_id));
    if (filter.partner_id != 0) {
      q << " AND partner_id = ";
      q.Bind(static_cast<long long>(filter.partner_id));
    }
    if (filter.role != cim::v1::ROLE_UNSPECIFIED) {
      q << " AND role = ";
      q.Bind(static_cast<int>(filter.role));
    }
    if (filter.status != cim::v1::USER_STATUS_UNSPECIFIED) {
      q << " AND status = ";
      q.Bind(static_cast<int>(filter.status));
    }
    if (!filter.query.empty()) {
      const std::string like = LikeContains(filter.query);
      q << " AND (email LIKE ";
      q.Bind(like) << " OR display_name LIKE ";
      q.Bind(like) << ")";
    }
    if (!filter.ids.empty()) {
      q << " AND id IN ";
      q.List(filter.ids);
    }
    q << " ORDER BY id LIMIT ";
    q.Bind(limit);
    std::vector<User> out;
    q.Query(s, [&](const soci::row& r) { out.push_back(UserFromRow(r).user); });
    return out;
  });
}

absl::StatusOr<User> MysqlUserRepository::Update(const User& user, absl::Time now) {
  long long expected_version = 0;
  if (!absl::SimpleAtoi(user.etag(), &expected_version)) {
    return absl::InvalidArgumentError("etag: not an etag of this user");
  }
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<User> {
    const int64_t id = user.id();
    if (Table("users").Update(s, id, UserColumns(user, now), expected_version) == 0) {
      CIM_RETURN_IF_ERROR(GetIn(s, id).status());
      return ChangedSinceReadError("user", id);
    }
    CIM_ASSIGN_OR_RETURN(UserRecord rec, GetIn(s, id));
    return rec.user;
  });
}

}  // namespace cim
