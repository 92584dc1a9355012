// Group commit for concurrent callers: each caller hands in one item and blocks; one of the
// waiting callers (the leader) takes everything queued so far and runs it as one batch, then
// hands every caller its own result. An idle batcher runs a lone call at once, so batching
// adds no latency without contention, and batches grow with the load: while a batch runs,
// the calls that arrive queue up for the next one.
#ifndef CIM_LIB_BATCHER_H_
#define CIM_LIB_BATCHER_H_

#include <algorithm>
#include <cstddef>
#include <deque>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace cim {

template <typename Item, typename Result>
class Batcher {
 public:
  // Runs a batch: returns one result per item, in the items' order. Must not throw.
  using RunFn = std::function<std::vector<Result>(std::vector<Item>& items)>;

  // Batches hold at most `max_batch` items; at most `max_running` batches run at once.
  Batcher(size_t max_batch, int max_running, RunFn run)
      : max_batch_(std::max<size_t>(1, max_batch)),
        max_running_(std::max(1, max_running)),
        run_(std::move(run)) {}

  Batcher(const Batcher&) = delete;
  Batcher& operator=(const Batcher&) = delete;

  // The number of items waiting for a batch (for tests and monitoring).
  size_t waiting() {
    absl::MutexLock lock(&mu_);
    return queue_.size();
  }

  // Runs `item` in some batch (perhaps led by this thread) and returns its result.
  Result Run(Item item) {
    Waiter self{std::move(item), std::nullopt};
    absl::MutexLock lock(&mu_);
    queue_.push_back(&self);
    const auto may_proceed = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
      return self.result.has_value() || (running_ < max_running_ && !queue_.empty());
    };
    while (true) {
      mu_.Await(absl::Condition(&may_proceed));
      if (self.result) return *std::move(self.result);
      Lead();
    }
  }

 private:
  struct Waiter {
    Item item;
    std::optional<Result> result;
  };

  // Takes a batch from the front of the queue and runs it without holding the lock.
  void Lead() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    std::vector<Waiter*> batch;
    while (!queue_.empty() && batch.size() < max_batch_) {
      batch.push_back(queue_.front());
      queue_.pop_front();
    }
    ++running_;
    mu_.Unlock();
    std::vector<Item> items;
    items.reserve(batch.size());
    for (Waiter* w : batch) items.push_back(std::move(w->item));
    std::vector<Result> results = run_(items);
    mu_.Lock();
    --running_;
    for (size_t i = 0; i < batch.size(); ++i) batch[i]->result = std::move(results[i]);
  }

  const size_t max_batch_;
  const int max_running_;
  const RunFn run_;
  absl::Mutex mu_;
  std::deque<Waiter*> queue_ ABSL_GUARDED_BY(mu_);
  int running_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace cim

#endif  // CIM_LIB_BATCHER_H_
