// The token store against MariaDB: a token is kept only under its hash (never the secret, and
// the hash never on the audit trail), reads back with its exact expiry, resolves to its user and
// partner in one lookup (also when many lookups share a batch), answers NOT_FOUND for unknown
// hashes and ids, refuses a hash twice, and is revoked once: a second revocation keeps the first
// time.
#include "server/identity/mysql_access_token_repository.h"

#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/audit_scope.h"
#include "server/identity/access_token.h"
#include "tests/server/identity/identity_store_fixture.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::testing::HasSubstr;
using ::testing::Optional;

class MysqlAccessTokenRepositoryTest : public IdentityStoreTest {
 protected:
  AccessTokenRecord Record(int64_t user_id, TokenKind kind, const std::string& description = "") {
    AccessTokenRecord r;
    r.user_id = user_id;
    r.kind = kind;
    r.description = description;
    r.created_at = kT0;
    r.expires_at = kT0 + absl::Hours(12);
    return r;
  }

  // Stores a new token of `user_id`; returns its secret and sets `id`.
  std::string Stored(int64_t user_id, TokenKind kind, int64_t* id = nullptr) {
    NewSecret secret =
        GenerateSecret(kind == TokenKind::kApiKey ? kApiKeyPrefix : kSessionTokenPrefix);
    absl::StatusOr<int64_t> inserted = tokens_.Insert(secret.hash, Record(user_id, kind));
    EXPECT_TRUE(inserted.ok()) << inserted.status();
    if (id != nullptr) *id = inserted.value_or(0);
    return secret.secret;
  }
};

TEST_F(MysqlAccessTokenRepositoryTest, KeepsOnlyTheHashAndReadsBackExactly) {
  const NewSecret secret = GenerateSecret(kApiKeyPrefix);
  AccessTokenRecord record = Record(service_.id(), TokenKind::kApiKey, "ERP sales sync");
  record.expires_at = kT0 + absl::Hours(24 * 365);
  absl::StatusOr<int64_t> id;
  {
    AuditScope scope(AuditActor{.user_id = admin_.id(), .rpc = "IssueApiKey", .request_id = "r1"});
    id = tokens_.Insert(secret.hash, record);
  }
  ASSERT_TRUE(id.ok()) << id.status();

  EXPECT_EQ(database_.Count(absl::StrCat("SELECT COUNT(*) FROM access_tokens WHERE id = ", *id,
                                         " AND token_hash = '", secret.hash, "'")),
            1);
  EXPECT_EQ(database_.Count(absl::StrCat("SELECT COUNT(*) FROM access_tokens WHERE token_hash = '",
                                         secret.secret, "' OR description LIKE '%",
                                         secret.secret.substr(5), "%'")),
            0);
  // The token is on the audit trail, its hash is not.
  EXPECT_EQ(
      database_.Count(absl::StrCat(
          "SELECT COUNT(*) FROM audit_log WHERE entity_type = 'access_tokens' AND entity_id = '",
          *id, "' AND after_json LIKE '%ERP sales sync%'")),
      1);
  EXPECT_EQ(database_.Count(absl::StrCat("SELECT COUNT(*) FROM audit_log WHERE after_json LIKE '%",
                                         secret.hash, "%'")),
            0);

  absl::StatusOr<AccessTokenRecord> read = tokens_.Get(*id);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->id, *id);
  EXPECT_EQ(read->user_id, service_.id());
  EXPECT_EQ(read->kind, TokenKind::kApiKey);
  EXPECT_EQ(read->description, "ERP sales sync");
  EXPECT_EQ(read->created_at, kT0);
  EXPECT_EQ(read->expires_at, kT0 + absl::Hours(24 * 365));
  EXPECT_EQ(read->revoked_at, std::nullopt);

  EXPECT_THAT(tokens_.Get(*id + 100),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("not found")));
}

TEST_F(MysqlAccessTokenRepositoryTest, AHashIsStoredOnce) {
  const NewSecret secret = GenerateSecret(kSessionTokenPrefix);
  ASSERT_THAT(tokens_.Insert(secret.hash, Record(alpha_rep_.id(), TokenKind::kSession)),
              testing::IsOk());
  EXPECT_THAT(tokens_.Insert(secret.hash, Record(bravo_rep_.id(), TokenKind::kSession)),
              StatusIs(absl::StatusCode::kAlreadyExists));
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM access_tokens"), 1);
}

TEST_F(MysqlAccessTokenRepositoryTest, FindsTheCredentialWithItsUserAndPartner) {
  int64_t rep_token = 0;
  const std::string rep_secret = Stored(alpha_rep_.id(), TokenKind::kSession, &rep_token);
  const std::string admin_secret = Stored(admin_.id(), TokenKind::kSession);

  absl::StatusOr<Credential> rep = tokens_.FindCredential(HashSecret(rep_secret));
  ASSERT_TRUE(rep.ok()) << rep.status();
  EXPECT_EQ(rep->token.id, rep_token);
  EXPECT_EQ(rep->token.kind, TokenKind::kSession);
  EXPECT_EQ(rep->token.expires_at, kT0 + absl::Hours(12));
  EXPECT_EQ(rep->user.id(), alpha_rep_.id());
  EXPECT_EQ(rep->user.email(), "rep@alpha.example");
  EXPECT_EQ(rep->user.display_name(), "rep");
  EXPECT_EQ(rep->user.role(), cim::v1::ROLE_PARTNER_REP);
  EXPECT_EQ(rep->user.status(), cim::v1::USER_STATUS_ACTIVE);
  EXPECT_EQ(rep->user.partner_id(), alpha_.id());
  ASSERT_TRUE(rep->partner.has_value());
  EXPECT_EQ(rep->partner->id(), alpha_.id());
  EXPECT_EQ(rep->partner->name(), "Alpha GmbH");
  EXPECT_EQ(rep->partner->status(), cim::v1::PARTNER_STATUS_ACTIVE);

  // Vendor staff have no partner.
  absl::StatusOr<Credential> vendor = tokens_.FindCredential(HashSecret(admin_secret));
  ASSERT_TRUE(vendor.ok()) << vendor.status();
  EXPECT_EQ(vendor->user.role(), cim::v1::ROLE_PROGRAM_ADMIN);
  EXPECT_EQ(vendor->user.partner_id(), 0);
  EXPECT_EQ(vendor->partner, std::nullopt);

  // The secret itself is not a key, nor is an unknown hash.
  EXPECT_THAT(tokens_.FindCredential(rep_secret),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("unknown token")));
  EXPECT_THAT(tokens_.FindCredential(HashSecret("cims_nobody")),
              StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(MysqlAccessTokenRepositoryTest, ConcurrentLookupsEachGetTheirOwnCredential) {
  const std::vector<cim::v1::User> owners = {alpha_rep_, alpha_admin_, bravo_rep_, manager_};
  std::vector<std::string> hashes;
  for (const cim::v1::User& owner : owners) {
    hashes.push_back(HashSecret(Stored(owner.id(), TokenKind::kSession)));
  }
  constexpr int kThreads = 16;
  constexpr int kRounds = 20;
  std::vector<int> wrong(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < kRounds; ++round) {
        const size_t i = (t + round) % (owners.size() + 1);
        if (i == owners.size()) {  // an unknown token in the same batch
          if (!absl::IsNotFound(tokens_.FindCredential(HashSecret("cims_x")).status())) ++wrong[t];
          continue;
        }
        absl::StatusOr<Credential> found = tokens_.FindCredential(hashes[i]);
        if (!found.ok() || found->user.id() != owners[i].id()) ++wrong[t];
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_THAT(wrong, ::testing::Each(0));
}

TEST_F(MysqlAccessTokenRepositoryTest, RevokesOnceAndKeepsTheFirstTime) {
  int64_t id = 0;
  const std::string secret = Stored(alpha_rep_.id(), TokenKind::kSession, &id);
  ASSERT_THAT(tokens_.Revoke(id, kT0 + absl::Minutes(5)), testing::IsOk());
  ASSERT_THAT(tokens_.Revoke(id, kT0 + absl::Minutes(9)), testing::IsOk());

  absl::StatusOr<AccessTokenRecord> read = tokens_.Get(id);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_THAT(read->revoked_at, Optional(kT0 + absl::Minutes(5)));
  absl::StatusOr<Credential> found = tokens_.FindCredential(HashSecret(secret));
  ASSERT_TRUE(found.ok()) << found.status();
  EXPECT_THAT(found->token.revoked_at, Optional(kT0 + absl::Minutes(5)));
  // Other tokens of the same user stay valid.
  int64_t other = 0;
  Stored(alpha_rep_.id(), TokenKind::kSession, &other);
  EXPECT_EQ(tokens_.Get(other)->revoked_at, std::nullopt);

  EXPECT_THAT(tokens_.Revoke(other + 100, kT0),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("not found")));
}

}  // namespace
}  // namespace cim
