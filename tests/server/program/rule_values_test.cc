// Table-driven reading of stored rule values: a stored decimal read exactly, a corrupt one
// INTERNAL naming the value (never read as 0); a rebate rule's tiers read in order, a corrupt
// tier value or a rule without tiers INTERNAL; and the tier a period volume reaches at and
// around each boundary (the last whose minimum is not above the volume, the first below all).
#include "server/program/rule_values.h"

#include <google/protobuf/text_format.h>

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::testing::HasSubstr;

Decimal D(const std::string& text) { return Decimal::Parse(text).value(); }

TEST(RuleValuesTest, StoredDecimalsReadExactly) {
  struct Case {
    const char* text;
    const char* read;  // ToString(0)
  };
  for (const Case& c : std::vector<Case>{{"0", "0"},
                                         {"12.50", "12.5"},
                                         {"100000.5", "100000.5"},
                                         {"-3", "-3"},
                                         {"0.0001", "0.0001"},
                                         {"999999999999999.9999", "999999999999999.9999"}}) {
    SCOPED_TRACE(c.text);
    absl::StatusOr<Decimal> d = StoredDecimal(c.text, "percent");
    ASSERT_TRUE(d.ok()) << d.status();
    EXPECT_EQ(d->ToString(0), c.read);
  }
}

TEST(RuleValuesTest, CorruptStoredDecimalsAreInternalNamingTheValue) {
  for (const char* corrupt : {"", "abc", "1,5", "12.5.1", "1e3", " 7"}) {
    SCOPED_TRACE(corrupt);
    EXPECT_THAT(StoredDecimal(corrupt, "min_volume"),
                StatusIs(absl::StatusCode::kInternal, HasSubstr("stored rule value min_volume")));
  }
}

cim::v1::RebateRule Rule(const std::string& text) {
  cim::v1::RebateRule rule;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &rule)) << text;
  return rule;
}

TEST(RuleValuesTest, RebateTiersAreReadInOrderOrRefusedWhole) {
  absl::StatusOr<std::vector<RebateTier>> tiers =
      RebateTiersOf(Rule(R"pb(tiers { min_volume: "0" percent: "2" }
                              tiers { min_volume: "50000" percent: "3.5" }
                              tiers { min_volume: "100000.50" percent: "5" })pb"));
  ASSERT_TRUE(tiers.ok()) << tiers.status();
  ASSERT_EQ(tiers->size(), 3u);
  EXPECT_EQ((*tiers)[0].min_volume, D("0"));
  EXPECT_EQ((*tiers)[0].percent, D("2"));
  EXPECT_EQ((*tiers)[1].min_volume, D("50000"));
  EXPECT_EQ((*tiers)[1].percent, D("3.5"));
  EXPECT_EQ((*tiers)[2].min_volume.ToString(0), "100000.5");
  EXPECT_EQ((*tiers)[2].percent, D("5"));

  struct Case {
    const char* name;
    const char* rule;
    const char* message;
  };
  for (const Case& c :
       std::vector<Case>{{"no tiers", "", "stored rebate rule has no tiers"},
                         {"corrupt minimum", R"pb(tiers { min_volume: "0" percent: "2" }
                                                  tiers { min_volume: "fifty" percent: "3" })pb",
                          "stored rule value min_volume"},
                         {"corrupt percent", R"pb(tiers { min_volume: "0" percent: "" })pb",
                          "stored rule value percent"}}) {
    SCOPED_TRACE(c.name);
    EXPECT_THAT(RebateTiersOf(Rule(c.rule)),
                StatusIs(absl::StatusCode::kInternal, HasSubstr(c.message)));
  }
}

TEST(RuleValuesTest, TheTierAVolumeReachesAtEachBoundary) {
  const std::vector<RebateTier> tiers = {
      {D("0"), D("2")}, {D("50000"), D("3.5")}, {D("100000.50"), D("5")}};
  struct Case {
    const char* volume;
    size_t tier;
  };
  for (const Case& c : std::vector<Case>{{"-100", 0},  // a period net of returns
                                         {"0", 0},
                                         {"49999.9999", 0},
                                         {"50000", 1},
                                         {"50000.0001", 1},
                                         {"100000.4999", 1},
                                         {"100000.5", 2},
                                         {"100000.50", 2},
                                         {"1000000000", 2}}) {
    SCOPED_TRACE(c.volume);
    EXPECT_EQ(RebateTierIndex(tiers, D(c.volume)), c.tier);
  }

  // Below every threshold: the first tier.
  const std::vector<RebateTier> from_ten_k = {{D("10000"), D("1")}, {D("20000"), D("2")}};
  EXPECT_EQ(RebateTierIndex(from_ten_k, D("9999.99")), 0u);
  EXPECT_EQ(RebateTierIndex(from_ten_k, D("20000")), 1u);
  // One tier: always it.
  EXPECT_EQ(RebateTierIndex({{D("0"), D("4")}}, D("123")), 0u);
}

}  // namespace
}  // namespace cim
