#include "server/identity/mysql_access_token_repository.h"

#include "absl/strings/str_cat.h"

namespace cim {
namespace {

constexpr char kSelect[] =
    "SELECT id, user_id, kind, description, created_at, expires_at, revoked_at"
    " FROM access_tokens WHERE ";

AccessTokenRecord TokenFromRow(const soci::row& r) {
  AccessTokenRecord t;
  t.id = r.get<long long>(0);
  t.user_id = r.get<long long>(1);
  t.kind = static_cast<TokenKind>(r.get<int>(2));
  t.description = r.get<std::string>(3);
  t.created_at = FromSqlTime(r.get<std::tm>(4));
  t.expires_at = FromSqlTime(r.get<std::tm>(5));
  if (r.get_indicator(6) == soci::i_ok) t.revoked_at = FromSqlTime(r.get<std::tm>(6));
  return t;
}

}  // namespace

absl::StatusOr<int64_t> MysqlAccessTokenRepository::Insert(const std::string& token_hash,
                                                           const AccessTokenRecord& record) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<int64_t> {
    long long user = record.user_id;
    int kind = static_cast<int>(record.kind);
    std::tm created = ToSqlTime(record.created_at), expires = ToSqlTime(record.expires_at);
    s << "INSERT INTO access_tokens (token_hash, user_id, kind, description, created_at,"
         " expires_at) VALUES (:hash, :user, :kind, :description, :created, :expires)",
        soci::use(token_hash), soci::use(user), soci::use(kind), soci::use(record.description),
        soci::use(created), soci::use(expires);
    long long id = 0;
    s << "SELECT LAST_INSERT_ID()", soci::into(id);
    return static_cast<int64_t>(id);
  });
}

absl::StatusOr<AccessTokenRecord> MysqlAccessTokenRepository::FindByHash(
    const std::string& token_hash) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<AccessTokenRecord> {
    soci::row r;
    s << absl::StrCat(kSelect, "token_hash = :hash"), soci::use(token_hash), soci::into(r);
    if (!s.got_data()) return absl::NotFoundError("unknown token");
    return TokenFromRow(r);
  });
}

absl::StatusOr<AccessTokenRecord> MysqlAccessTokenRepository::Get(int64_t id) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<AccessTokenRecord> {
    soci::row r;
    long long key = id;
    s << absl::StrCat(kSelect, "id = :id"), soci::use(key), soci::into(r);
    if (!s.got_data()) return absl::NotFoundError(absl::StrCat("API key ", id, " not found"));
    return TokenFromRow(r);
  });
}

absl::Status MysqlAccessTokenRepository::Revoke(int64_t id, absl::Time now) {
  return db_.Run([&](soci::session& s) -> absl::Status {
    long long key = id;
    int exists = 0;
    s << "SELECT COUNT(*) FROM access_tokens WHERE id = :id", soci::use(key), soci::into(exists);
    if (exists == 0) return absl::NotFoundError(absl::StrCat("token ", id, " not found"));
    std::tm t = ToSqlTime(now);
    s << "UPDATE access_tokens SET revoked_at = :t WHERE id = :id AND revoked_at IS NULL",
        soci::use(t), soci::use(key);
    return absl::OkStatus();
  });
}

}  // namespace cim
