// Termination signals: once blocked, SIGTERM and SIGINT sent to the process do not kill it but
// are returned, one per wait, to the thread that waits.
#include "lib/termination_signals.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <thread>

#include "gtest/gtest.h"

namespace cim {
namespace {

TEST(TerminationSignalsTest, BlockedSignalsAreReturnedToTheWaiter) {
  BlockTerminationSignals();
  // A thread started after blocking inherits the mask, so the process-directed signal can only
  // be taken by the wait.
  std::atomic<int> first = 0;
  std::atomic<int> second = 0;
  std::thread waiter([&] {
    first = WaitForTerminationSignal();
    second = WaitForTerminationSignal();
  });
  ASSERT_EQ(kill(getpid(), SIGTERM), 0);
  // Pending signals of different numbers are both kept; wait until the first was taken so the
  // order is known.
  while (first == 0) std::this_thread::yield();
  ASSERT_EQ(kill(getpid(), SIGINT), 0);
  waiter.join();
  EXPECT_EQ(first, SIGTERM);
  EXPECT_EQ(second, SIGINT);
}

}  // namespace
}  // namespace cim
