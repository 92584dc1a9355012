#include "lib/periodic_task.h"

#include <pthread.h>

#include <iostream>

namespace cim {

PeriodicTask::PeriodicTask(std::string name, absl::Duration interval,
                           std::function<absl::Status()> run)
    : name_(std::move(name)) {
  thread_ = std::thread([this, interval, run = std::move(run)] {
    absl::Status last = absl::OkStatus();
    while (!stop_.WaitForNotificationWithTimeout(interval)) {
      absl::Status status = run();
      if (!status.ok() && status != last) std::cerr << name_ << ": " << status << "\n";
      last = status;
    }
  });
  pthread_setname_np(thread_.native_handle(), name_.c_str());
}

PeriodicTask::~PeriodicTask() {
  stop_.Notify();
  thread_.join();
}

}  // namespace cim
