// The ranked set against a sorted reference under random changes, and the documented
// tie-breaking of rank keys: higher score, then earlier, then lower participant id.
#include "server/recognition/ranked_set.h"

#include <algorithm>
#include <random>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cim {
namespace {

using ::testing::ElementsAre;

TEST(RankKeyTest, HigherScoreThenEarlierThenLowerId) {
  const RankKey high{.score = 500, .reached_at = 9, .participant = 9};
  const RankKey early{.score = 400, .reached_at = 1, .participant = 8};
  const RankKey late_low_id{.score = 400, .reached_at = 2, .participant = 1};
  const RankKey late_high_id{.score = 400, .reached_at = 2, .participant = 2};
  std::vector<RankKey> keys = {late_high_id, early, late_low_id, high};
  std::sort(keys.begin(), keys.end());
  EXPECT_THAT(keys, ElementsAre(high, early, late_low_id, late_high_id));
}

TEST(RankedSetTest, MatchesASortedVectorUnderRandomChanges) {
  std::mt19937_64 random(42);
  RankedSet set;
  std::vector<RankKey> reference;
  for (int step = 0; step < 20000; ++step) {
    if (reference.empty() || random() % 3 != 0) {
      RankKey key{.score = static_cast<int64_t>(random() % 1000),
                  .reached_at = static_cast<int64_t>(random() % 50),
                  .participant = static_cast<int64_t>(random() % 5000)};
      const bool fresh = std::find(reference.begin(), reference.end(), key) == reference.end();
      EXPECT_EQ(set.Insert(key), fresh);
      if (fresh) reference.insert(std::lower_bound(reference.begin(), reference.end(), key), key);
    } else {
      const RankKey key = reference[random() % reference.size()];
      EXPECT_TRUE(set.Erase(key));
      reference.erase(std::lower_bound(reference.begin(), reference.end(), key));
    }
  }
  ASSERT_EQ(set.size(), static_cast<int64_t>(reference.size()));
  for (size_t i = 0; i < reference.size(); i += 97) {
    EXPECT_EQ(set.Rank(reference[i]), static_cast<int64_t>(i));
  }
  EXPECT_EQ(set.Range(0, static_cast<int64_t>(reference.size())), reference);
  EXPECT_EQ(set.Range(100, 7),
            std::vector<RankKey>(reference.begin() + 100, reference.begin() + 107));
  EXPECT_EQ(set.Rank(RankKey{.score = -1}), std::nullopt);
  EXPECT_FALSE(set.Erase(RankKey{.score = -1}));

  RankedSet assigned;
  assigned.Assign(reference);
  EXPECT_EQ(assigned.Range(0, assigned.size()), reference);
  EXPECT_EQ(assigned.Rank(reference.back()), static_cast<int64_t>(reference.size()) - 1);
}

}  // namespace
}  // namespace cim
