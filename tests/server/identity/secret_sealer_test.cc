// Sealed secrets: what is sealed opens with the same key and context only; altered, truncated
// or foreign text is DATA_LOSS; without a key nothing is sealed or opened; keys are 64 hex
// digits, and a key file others may read is refused.
#include "server/identity/secret_sealer.h"

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::IsOkAndHolds;
using ::cim::testing::StatusIs;
using ::testing::HasSubstr;
using ::testing::Not;

SecretSealer::Key KeyOf(unsigned char first) {
  SecretSealer::Key key{};
  for (size_t i = 0; i < key.size(); ++i) key[i] = static_cast<unsigned char>(first + i);
  return key;
}

TEST(SecretSealerTest, WhatIsSealedOpensWithTheSameKeyAndContextOnly) {
  const SecretSealer sealer(KeyOf(1));
  absl::StatusOr<std::string> sealed = sealer.Seal("JBSWY3DPEHPK3PXP", "totp:7");
  ASSERT_TRUE(sealed.ok()) << sealed.status();
  EXPECT_TRUE(absl::StartsWith(*sealed, "s1:")) << *sealed;
  EXPECT_THAT(*sealed, Not(HasSubstr("JBSWY3DPEHPK3PXP")));
  EXPECT_THAT(sealer.Open(*sealed, "totp:7"), IsOkAndHolds(std::string("JBSWY3DPEHPK3PXP")));
  // Each seal has its own nonce.
  EXPECT_NE(*sealer.Seal("JBSWY3DPEHPK3PXP", "totp:7"), *sealed);

  EXPECT_THAT(sealer.Open(*sealed, "totp:8"), StatusIs(absl::StatusCode::kDataLoss));
  EXPECT_THAT(SecretSealer(KeyOf(2)).Open(*sealed, "totp:7"),
              StatusIs(absl::StatusCode::kDataLoss));
  std::string altered = *sealed;
  altered[10] = altered[10] == 'A' ? 'B' : 'A';
  EXPECT_THAT(sealer.Open(altered, "totp:7"), StatusIs(absl::StatusCode::kDataLoss));
  for (const char* bad : {"", "s1:", "s1:AAAA", "JBSWY3DPEHPK3PXP", "s2:AAAAAAAAAAAAAAAA"}) {
    EXPECT_THAT(sealer.Open(bad, "totp:7"), StatusIs(absl::StatusCode::kDataLoss)) << bad;
  }
}

TEST(SecretSealerTest, WithoutAKeyNothingIsSealedOrOpened) {
  const SecretSealer none;
  EXPECT_FALSE(none.has_key());
  EXPECT_THAT(none.Seal("x", "totp:1"),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("--secrets_key_file")));
  EXPECT_THAT(none.Open("s1:AAAA", "totp:1"), StatusIs(absl::StatusCode::kFailedPrecondition));
}

TEST(SecretSealerTest, KeysAre64HexDigits) {
  absl::StatusOr<SecretSealer::Key> key =
      SecretSealer::ParseKey(" 0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20\n");
  ASSERT_TRUE(key.ok()) << key.status();
  EXPECT_EQ(*key, KeyOf(1));
  for (const char* bad :
       {"", "0102", "zz02030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20",
        "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021"}) {
    EXPECT_THAT(SecretSealer::ParseKey(bad), StatusIs(absl::StatusCode::kInvalidArgument)) << bad;
  }
}

TEST(SecretSealerTest, AKeyFileOthersMayReadIsRefused) {
  const std::string path = ::testing::TempDir() + "/secrets.key";
  {
    std::ofstream out(path);
    out << "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20\n";
  }
  ASSERT_EQ(chmod(path.c_str(), 0644), 0);
  EXPECT_THAT(SecretSealer::ReadKeyFile(path),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("chmod 600")));
  ASSERT_EQ(chmod(path.c_str(), 0600), 0);
  EXPECT_THAT(SecretSealer::ReadKeyFile(path), IsOkAndHolds(KeyOf(1)));
  std::remove(path.c_str());
  EXPECT_THAT(SecretSealer::ReadKeyFile(path), StatusIs(absl::StatusCode::kNotFound));
}

}  // namespace
}  // namespace cim
