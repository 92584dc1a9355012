// PasswordHasher: Argon2id hashes (libsodium) that verify only the password they were made
// from, a fresh salt per hash, and a decoy hash that matches nothing obvious.
#include "server/identity/password_hasher.h"

#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

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

}  // namespace
}  // namespace cim
