// Two-step sign-in codes: RFC 6238's test vectors (SHA-1, 6 digits), a code accepted for the
// steps next to now and only once, malformed codes refused, the otpauth URI apps read, and
// recovery codes: ten distinct, readable, matched in any case or spacing, hashed.
#include "server/identity/one_time_code.h"

#include <set>
#include <string>

#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cim {
namespace {

using ::testing::MatchesRegex;
using ::testing::Optional;

// RFC 6238 appendix B's secret, "12345678901234567890", in base32.
constexpr char kRfcSecret[] = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

TEST(OneTimeCodeTest, CodesAreRfc6238s) {
  struct Case {
    int64_t unix_seconds;
    const char* code;
  };
  for (const Case& c :
       {Case{59, "287082"}, Case{1111111109, "081804"}, Case{1111111111, "050471"},
        Case{1234567890, "005924"}, Case{2000000000, "279037"}, Case{20000000000, "353130"}}) {
    EXPECT_EQ(TotpCode(kRfcSecret, absl::FromUnixSeconds(c.unix_seconds)), c.code)
        << c.unix_seconds;
  }
  EXPECT_EQ(TotpCode("not base32!", absl::FromUnixSeconds(59)), "");
}

TEST(OneTimeCodeTest, ACodeMatchesItsStepAndTheNeighboursOnlyOnce) {
  const absl::Time now = absl::FromUnixSeconds(1234567890);  // step 41152263
  const int64_t step = 41152263;
  struct Case {
    const char* name;
    absl::Time code_time;
    int64_t after_step;
    std::optional<int64_t> expected;
  };
  const Case cases[] = {
      {"now", now, 0, step},
      {"30 s ago (a slow typist)", now - absl::Seconds(30), 0, step - 1},
      {"30 s ahead (a fast phone clock)", now + absl::Seconds(30), 0, step + 1},
      {"60 s ago", now - absl::Seconds(60), 0, std::nullopt},
      {"90 s ahead", now + absl::Seconds(90), 0, std::nullopt},
      {"used already", now, step, std::nullopt},
      {"an earlier step than the last used", now - absl::Seconds(30), step, std::nullopt},
      {"after an older use", now, step - 1, step},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(MatchTotpCode(kRfcSecret, TotpCode(kRfcSecret, c.code_time), now, c.after_step),
              c.expected)
        << c.name;
  }
  // Spaces as apps show them ("005 924") are fine.
  EXPECT_THAT(MatchTotpCode(kRfcSecret, "005 924", now, 0), Optional(step));
}

TEST(OneTimeCodeTest, MalformedCodesAndSecretsMatchNothing) {
  const absl::Time now = absl::FromUnixSeconds(1234567890);
  for (const char* code : {"", "00592", "0059244", "00592a", "-05924", "005924\n"}) {
    EXPECT_EQ(MatchTotpCode(kRfcSecret, code, now, 0), std::nullopt) << code;
  }
  EXPECT_EQ(MatchTotpCode("", "005924", now, 0), std::nullopt);
  EXPECT_EQ(MatchTotpCode("not base32!", "005924", now, 0), std::nullopt);
}

TEST(OneTimeCodeTest, NewSecretsAreRandomBase32Of160Bits) {
  const std::string a = NewTotpSecret();
  const std::string b = NewTotpSecret();
  EXPECT_THAT(a, MatchesRegex("[A-Z2-7]{32}"));
  EXPECT_NE(a, b);
  // A new secret works: its code now matches.
  const absl::Time now = absl::FromUnixSeconds(1772442000);
  EXPECT_TRUE(MatchTotpCode(a, TotpCode(a, now), now, 0).has_value());
}

TEST(OneTimeCodeTest, TheUriCarriesIssuerAccountSecretAndParameters) {
  EXPECT_EQ(OtpAuthUri("CIM Partner Portal", "fiona+ops@vendor.example", kRfcSecret),
            "otpauth://totp/CIM%20Partner%20Portal:fiona%2Bops@vendor.example"
            "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=CIM%20Partner%20Portal"
            "&algorithm=SHA1&digits=6&period=30");
}

TEST(OneTimeCodeTest, RecoveryCodesAreTenDistinctReadableCodes) {
  const std::vector<std::string> codes = NewRecoveryCodes();
  ASSERT_EQ(codes.size(), 10u);
  std::set<std::string> hashes;
  for (const std::string& code : codes) {
    EXPECT_THAT(code, MatchesRegex("[2-9a-km-np-z]{5}-[2-9a-km-np-z]{5}"));
    std::optional<std::string> hash = RecoveryCodeHash(code);
    ASSERT_TRUE(hash.has_value()) << code;
    EXPECT_THAT(*hash, MatchesRegex("[0-9a-f]{64}"));
    hashes.insert(*hash);
  }
  EXPECT_EQ(hashes.size(), 10u);
}

TEST(OneTimeCodeTest, RecoveryCodesMatchInAnyCaseOrSpacing) {
  const std::optional<std::string> hash = RecoveryCodeHash("abcde-fghjk");
  ASSERT_TRUE(hash.has_value());
  for (const char* typed : {"ABCDE-FGHJK", "abcdefghjk", " abcde fghjk ", "abc-de-fgh-jk"}) {
    EXPECT_EQ(RecoveryCodeHash(typed), hash) << typed;
  }
  // Not one: too short or long, or a character recovery codes never have (0, 1, l, o).
  for (const char* typed :
       {"", "abcde-fghj", "abcde-fghjkm", "abcde-fghj0", "abcde-fghjl", "123456"}) {
    EXPECT_EQ(RecoveryCodeHash(typed), std::nullopt) << typed;
  }
}

}  // namespace
}  // namespace cim
