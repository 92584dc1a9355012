// Periodic tasks: the function runs on its own thread every interval (not before the first
// interval ends), keeps running after a failure, and stops for good when the task is destroyed.
#include "lib/periodic_task.h"

#include <atomic>
#include <thread>

#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"

namespace cim {
namespace {

TEST(PeriodicTaskTest, RunsEveryIntervalOnItsOwnThreadAndStopsWhenDestroyed) {
  std::atomic<int> runs = 0;
  std::atomic<bool> other_thread = false;
  absl::Notification third;
  const std::thread::id test_thread = std::this_thread::get_id();
  {
    PeriodicTask task("test-task", absl::Milliseconds(5), [&]() -> absl::Status {
      other_thread = std::this_thread::get_id() != test_thread;
      // The second round fails: the task goes on regardless.
      if (++runs == 2) return absl::UnavailableError("database away");
      if (runs == 3) third.Notify();
      return absl::OkStatus();
    });
    ASSERT_TRUE(third.WaitForNotificationWithTimeout(absl::Seconds(10)));
  }
  const int after_stop = runs;
  EXPECT_GE(after_stop, 3);
  EXPECT_TRUE(other_thread);
  absl::SleepFor(absl::Milliseconds(30));
  EXPECT_EQ(runs, after_stop);
}

TEST(PeriodicTaskTest, FirstRunWaitsForOneInterval) {
  std::atomic<int> runs = 0;
  {
    PeriodicTask task("slow-task", absl::Hours(1), [&]() -> absl::Status {
      ++runs;
      return absl::OkStatus();
    });
  }
  EXPECT_EQ(runs, 0);
}

}  // namespace
}  // namespace cim
