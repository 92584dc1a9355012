// Level ladders against hand-computed cases: ordering and ranks, each bad ladder named by its
// field, and progress towards the next level at every boundary.
#include "server/recognition/levels.h"

#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/decimals.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::D;
using ::cim::testing::StatusIs;
using ::testing::HasSubstr;
using namespace cim::v1;  // NOLINT: the API's message names read best unqualified here

Level L(const char* name, const char* min) {
  Level l;
  l.set_name(name);
  l.set_min_points(min);
  return l;
}

std::vector<Level> Ladder() {
  return *ValidateLevels({L("Gold", "5000"), L("Bronze", "0"), L("Silver", "1000")});
}

TEST(LevelsTest, LadderIsOrderedAndRanked) {
  std::vector<Level> ladder = Ladder();
  ASSERT_EQ(ladder.size(), 3);
  EXPECT_EQ(ladder[0].name(), "Bronze");
  EXPECT_EQ(ladder[0].rank(), 1);
  EXPECT_EQ(ladder[1].name(), "Silver");
  EXPECT_EQ(ladder[2].name(), "Gold");
  EXPECT_EQ(ladder[2].rank(), 3);
  EXPECT_EQ(ladder[2].min_points(), "5000");
}

TEST(LevelsTest, BadLaddersNameTheField) {
  struct Case {
    const char* name;
    std::vector<Level> levels;
    const char* field;
  };
  const Case cases[] = {
      {"empty", {}, "levels"},
      {"no zero", {L("Silver", "1000")}, "levels"},
      {"repeated name", {L("A", "0"), L("A", "10")}, "levels[1].name"},
      {"repeated threshold", {L("A", "0"), L("B", "0")}, "levels[1].min_points"},
      {"fractional", {L("A", "0"), L("B", "10.5")}, "levels[1].min_points"},
      {"negative", {L("A", "0"), L("B", "-10")}, "levels[1].min_points"},
      {"blank name", {L(" ", "0")}, "levels[0].name"},
  };
  for (const Case& c : cases) {
    EXPECT_THAT(ValidateLevels(c.levels),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(c.field)))
        << c.name;
  }
}

TEST(LevelsTest, ProgressOnTheLadder) {
  struct Case {
    const char* points;
    const char* level;  // "" for none
    const char* next;   // "" at the top
    const char* to_next;
    int percent;
  };
  const Case cases[] = {
      {"0", "Bronze", "Silver", "1000", 0},    {"999", "Bronze", "Silver", "1", 99},
      {"1000", "Silver", "Gold", "4000", 0},   {"3000", "Silver", "Gold", "2000", 50},
      {"4999.9", "Silver", "Gold", "0.1", 99}, {"5000", "Gold", "", "0", 100},
      {"123456", "Gold", "", "0", 100},        {"-50", "", "Bronze", "50", 0},
  };
  const std::vector<Level> ladder = Ladder();
  for (const Case& c : cases) {
    LevelProgress p = ProgressOnLadder(ladder, D(c.points));
    EXPECT_EQ(p.level().name(), c.level) << c.points;
    EXPECT_EQ(p.next_level().name(), c.next) << c.points;
    EXPECT_EQ(p.points_to_next_level(), c.to_next) << c.points;
    EXPECT_EQ(p.progress_percent(), c.percent) << c.points;
  }
}

}  // namespace
}  // namespace cim
