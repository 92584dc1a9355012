#include "lib/batcher.h"

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cim {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;

// Waits (up to 10 s) until `batcher` holds `n` waiting items.
template <typename B>
bool AwaitWaiting(B& batcher, size_t n) {
  const absl::Time deadline = absl::Now() + absl::Seconds(10);
  while (batcher.waiting() != n) {
    if (absl::Now() > deadline) return false;
    absl::SleepFor(absl::Milliseconds(1));
  }
  return true;
}

TEST(BatcherTest, ALoneCallRunsAtOnceInABatchOfItsOwn) {
  std::vector<size_t> sizes;
  Batcher<int, std::string> batcher(8, 1, [&](std::vector<int>& items) {
    sizes.push_back(items.size());
    std::vector<std::string> out;
    for (int i : items) out.push_back(std::to_string(i * 2));
    return out;
  });
  EXPECT_EQ(batcher.Run(21), "42");
  EXPECT_EQ(batcher.Run(5), "10");
  EXPECT_THAT(sizes, ElementsAre(1, 1));
}

struct Case {
  const char* name;
  size_t max_batch;
  int callers;  // besides the first, which holds up the only running batch
  std::vector<size_t> batches;
};

class BatcherSizesTest : public ::testing::TestWithParam<Case> {};

// While a batch runs, callers queue; the next leader takes them in order, at most max_batch at
// a time, and every caller gets the result of its own item.
TEST_P(BatcherSizesTest, CallsQueuedDuringABatchShareTheNextBatches) {
  const Case& c = GetParam();
  absl::Notification started, release;
  std::vector<size_t> sizes;  // written by one leader at a time (max_running 1)
  std::atomic<int> running = 0, most_running = 0;
  Batcher<int, int> batcher(c.max_batch, 1, [&](std::vector<int>& items) {
    most_running = std::max(most_running.load(), ++running);
    sizes.push_back(items.size());
    if (items.front() == 0) {
      started.Notify();
      release.WaitForNotification();
    }
    std::vector<int> out;
    for (int i : items) out.push_back(i + 1000);
    --running;
    return out;
  });
  std::vector<int> results(c.callers + 1);
  std::thread first([&] { results[0] = batcher.Run(0); });
  ASSERT_TRUE(started.WaitForNotificationWithTimeout(absl::Seconds(10)));
  std::vector<std::thread> others;
  for (int i = 1; i <= c.callers; ++i) {
    others.emplace_back([&, i] { results[i] = batcher.Run(i); });
  }
  ASSERT_TRUE(AwaitWaiting(batcher, c.callers));
  release.Notify();
  first.join();
  for (std::thread& t : others) t.join();
  EXPECT_THAT(sizes, ElementsAreArray(c.batches));
  EXPECT_EQ(most_running, 1);
  for (int i = 0; i <= c.callers; ++i) EXPECT_EQ(results[i], i + 1000) << "caller " << i;
}

INSTANTIATE_TEST_SUITE_P(Sizes, BatcherSizesTest,
                         ::testing::Values(Case{"all_in_one", 32, 20, {1, 20}},
                                           Case{"capped", 8, 20, {1, 8, 8, 4}},
                                           Case{"one_each", 1, 3, {1, 1, 1, 1}}),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return info.param.name;
                         });

TEST(BatcherTest, NoMoreBatchesRunAtOnceThanAllowed) {
  std::atomic<int> running = 0, most_running = 0;
  Batcher<int, int> batcher(2, 3, [&](std::vector<int>& items) {
    most_running = std::max(most_running.load(), ++running);
    absl::SleepFor(absl::Milliseconds(2));
    --running;
    return items;
  });
  std::vector<std::thread> threads;
  std::atomic<int> wrong = 0;
  for (int t = 0; t < 16; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) {
        if (batcher.Run(t * 100 + i) != t * 100 + i) ++wrong;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(wrong, 0);
  EXPECT_LE(most_running, 3);
  EXPECT_GE(most_running, 2);
}

}  // namespace
}  // namespace cim
