#include "server/identity/mysql_access_token_repository.h"

#include <limits>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "lib/status_util.h"
#include "server/db/sql_builder.h"
#include "server/db/table.h"

namespace cim {
namespace {

constexpr char kSelect[] =
    "SELECT id, user_id, kind, description, address, agent, created_at, expires_at, revoked_at"
    " FROM access_tokens WHERE ";

AccessTokenRecord TokenFromRow(const soci::row& row) {
  const NamedRow r(row);
  AccessTokenRecord t;
  t.id = r.Integer("id");
  t.user_id = r.Integer("user_id");
  t.kind = static_cast<TokenKind>(r.Int("kind"));
  t.description = r.Text("description");
  t.address = r.Text("address");
  t.agent = r.Text("agent");
  t.created_at = r.Time("created_at");
  t.expires_at = r.Time("expires_at");
  if (!r.IsNull("revoked_at")) t.revoked_at = r.Time("revoked_at");
  return t;
}

// Lookups batch up to this many tokens; one batch runs at a time.
constexpr size_t kMaxLookupBatch = 64;
constexpr int kLookupBatchesRunning = 1;

}  // namespace

MysqlAccessTokenRepository::MysqlAccessTokenRepository(MysqlDatabase& db)
    : db_(db),
      lookups_(kMaxLookupBatch, kLookupBatchesRunning,
               [this](std::vector<std::string>& hashes) { return FindCredentials(hashes); }) {}

absl::StatusOr<int64_t> MysqlAccessTokenRepository::Insert(const std::string& token_hash,
                                                           const AccessTokenRecord& record) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<int64_t> {
    return Table("access_tokens")
        .Insert(s, Columns()
                       .Set("token_hash", token_hash)
                       .Set("user_id", static_cast<long long>(record.user_id))
                       .Set("kind", static_cast<int>(record.kind))
                       .Set("description", record.description)
                       .Set("address", record.address)
                       .Set("agent", record.agent)
                       .Set("created_at", record.created_at)
                       .Set("expires_at", record.expires_at));
  });
}

absl::StatusOr<Credential> MysqlAccessTokenRepository::FindCredential(
    const std::string& token_hash) {
  return lookups_.Run(token_hash);
}

std::vector<absl::StatusOr<Credential>> MysqlAccessTokenRepository::FindCredentials(
    const std::vector<std::string>& token_hashes) {
  absl::StatusOr<absl::flat_hash_map<std::string, Credential>> found = db_.Run(
      [&](soci::session& s) -> absl::StatusOr<absl::flat_hash_map<std::string, Credential>> {
        SqlBuilder q(
            "SELECT t.id, t.user_id, t.kind, t.description, t.address, t.agent, t.created_at,"
            " t.expires_at,"
            " t.revoked_at, u.email, u.display_name, u.language, u.role, u.partner_id,"
            " u.status AS user_status, p.name AS partner_name, p.status AS partner_status,"
            " ts.enabled_at IS NOT NULL AS two_step_enabled,"
            " t.token_hash FROM access_tokens t JOIN users u ON u.id = t.user_id"
            " LEFT JOIN partners p ON p.id = u.partner_id"
            " LEFT JOIN two_step ts ON ts.user_id = u.id WHERE t.token_hash IN ");
        q.List(token_hashes);
        absl::flat_hash_map<std::string, Credential> out;
        q.Query(s, [&](const soci::row& row) {
          const NamedRow r(row);
          Credential c;
          c.token = TokenFromRow(row);
          c.user.set_id(c.token.user_id);
          c.user.set_email(r.Text("email"));
          c.user.set_display_name(r.Text("display_name"));
          c.user.set_language(r.Text("language"));
          c.user.set_role(static_cast<cim::v1::Role>(r.Int("role")));
          c.user.set_partner_id(r.Integer("partner_id"));
          c.user.set_status(static_cast<cim::v1::UserStatus>(r.Int("user_status")));
          if (!r.IsNull("partner_name")) {
            c.partner.emplace();
            c.partner->set_id(c.user.partner_id());
            c.partner->set_name(r.Text("partner_name"));
            c.partner->set_status(static_cast<cim::v1::PartnerStatus>(r.Int("partner_status")));
          }
          c.two_step_enabled = r.Integer("two_step_enabled") != 0;
          out[r.Text("token_hash")] = std::move(c);
        });
        return out;
      });
  std::vector<absl::StatusOr<Credential>> results;
  results.reserve(token_hashes.size());
  for (const std::string& hash : token_hashes) {
    if (!found.ok()) {
      results.push_back(found.status());
    } else if (auto it = found->find(hash); it != found->end()) {
      results.push_back(it->second);
    } else {
      results.push_back(absl::NotFoundError("unknown token"));
    }
  }
  return results;
}

absl::StatusOr<AccessTokenRecord> MysqlAccessTokenRepository::Get(int64_t id) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<AccessTokenRecord> {
    soci::row r;
    long long key = id;
    s << absl::StrCat(kSelect, "id = :id"), soci::use(key), soci::into(r);
    if (!s.got_data()) return NotFoundError("api_key", id);
    return TokenFromRow(r);
  });
}

absl::StatusOr<std::vector<AccessTokenRecord>> MysqlAccessTokenRepository::ListApiKeys(
    int64_t user_id, int64_t before_id, int limit) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<AccessTokenRecord>> {
    long long user = user_id;
    long long before = before_id > 0 ? before_id : std::numeric_limits<long long>::max();
    int kind = static_cast<int>(TokenKind::kApiKey);
    soci::rowset<soci::row> rows =
        (s.prepare << absl::StrCat(kSelect,
                                   "kind = :kind AND (:user1 = 0 OR user_id = :user2)"
                                   " AND id < :before ORDER BY id DESC LIMIT :limit"),
         soci::use(kind), soci::use(user), soci::use(user), soci::use(before), soci::use(limit));
    std::vector<AccessTokenRecord> out;
    for (const soci::row& r : rows) out.push_back(TokenFromRow(r));
    return out;
  });
}

absl::Status MysqlAccessTokenRepository::Revoke(int64_t id, absl::Time now) {
  return db_.Transact([&](soci::session& s) -> absl::Status {
    const Table tokens("access_tokens");
    soci::row r;
    if (!tokens.Get(s, "revoked_at", id, r, /*lock=*/true)) {
      return NotFoundError("token", id);
    }
    if (NamedRow(r).IsNull("revoked_at")) tokens.Update(s, id, Columns().Set("revoked_at", now));
    return absl::OkStatus();
  });
}

}  // namespace cim
