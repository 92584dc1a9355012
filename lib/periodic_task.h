// Runs a function on its own named thread every `interval` until destroyed, logging a failure
// once rather than every round while it persists.
#ifndef CIM_LIB_PERIODIC_TASK_H_
#define CIM_LIB_PERIODIC_TASK_H_

#include <functional>
#include <string>
#include <thread>

#include "absl/status/status.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"

namespace cim {

class PeriodicTask {
 public:
  // Starts the thread `name` (at most 15 characters); the first run is after one interval.
  PeriodicTask(std::string name, absl::Duration interval, std::function<absl::Status()> run);
  // Stops and joins the thread (a run in progress finishes first).
  ~PeriodicTask();

 private:
  std::string name_;
  absl::Notification stop_;
  std::thread thread_;
};

}  // namespace cim

#endif  // CIM_LIB_PERIODIC_TASK_H_
