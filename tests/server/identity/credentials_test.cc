// Password hashing and token secrets.
#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/identity/access_token.h"
#include "server/identity/password_hasher.h"

namespace cim {
namespace {

TEST(PasswordHasherTest, HashesWithArgon2idAndVerifies) {
  PasswordHasher hasher(PasswordHashParams::Minimum());
  auto hash = hasher.Hash("s3cret-password!");
  ASSERT_TRUE(hash.ok());
  EXPECT_TRUE(absl::StartsWith(*hash, "$argon2id$")) << *hash;
  EXPECT_TRUE(hasher.Verify(*hash, "s3cret-password!"));
  EXPECT_FALSE(hasher.Verify(*hash, "s3cret-password?"));
  EXPECT_FALSE(hasher.Verify(*hash, ""));
  EXPECT_FALSE(hasher.Verify("not a hash", "s3cret-password!"));
}

TEST(PasswordHasherTest, SaltsEachHash) {
  PasswordHasher hasher(PasswordHashParams::Minimum());
  EXPECT_NE(*hasher.Hash("same password"), *hasher.Hash("same password"));
}

TEST(PasswordHasherTest, DecoyHashMatchesNothingObvious) {
  PasswordHasher hasher(PasswordHashParams::Minimum());
  EXPECT_TRUE(absl::StartsWith(hasher.decoy_hash(), "$argon2id$"));
  EXPECT_FALSE(hasher.Verify(hasher.decoy_hash(), ""));
  EXPECT_FALSE(hasher.Verify(hasher.decoy_hash(), "password"));
}

TEST(AccessTokenTest, SecretsAre256BitAndStoredHashed) {
  NewSecret a = GenerateSecret(kSessionTokenPrefix);
  NewSecret b = GenerateSecret(kSessionTokenPrefix);
  EXPECT_TRUE(absl::StartsWith(a.secret, "cims_"));
  EXPECT_EQ(a.secret.size(), 5u + 43u);  // 32 bytes as unpadded base64url
  EXPECT_NE(a.secret, b.secret);
  EXPECT_EQ(a.hash.size(), 64u);
  EXPECT_EQ(a.hash, HashSecret(a.secret));
  EXPECT_EQ(a.secret.find(a.hash), std::string::npos);
  EXPECT_TRUE(absl::StartsWith(GenerateSecret(kApiKeyPrefix).secret, "cimk_"));
}

TEST(AccessTokenTest, KnownSha256) {
  EXPECT_EQ(HashSecret("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace cim
