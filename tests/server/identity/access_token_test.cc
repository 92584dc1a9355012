// Bearer secrets: 256-bit random values with a readable prefix ("cims_" sessions, "cimk_" API
// keys), stored only as their SHA-256 hex hash.
#include "server/identity/access_token.h"

#include <string>

#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cim {
namespace {

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
