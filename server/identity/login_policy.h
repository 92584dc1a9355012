// Per-account login throttling: after repeated failures an email is locked for a while.
// Pure rules; the state is kept by LoginThrottleRepository.
#ifndef CIM_SERVER_IDENTITY_LOGIN_POLICY_H_
#define CIM_SERVER_IDENTITY_LOGIN_POLICY_H_

#include "absl/status/status.h"
#include "absl/time/time.h"

namespace cim {

struct LoginThrottleState {
  int failures = 0;  // consecutive failures within the window
  absl::Time last_failure = absl::InfinitePast();
  absl::Time locked_until = absl::InfinitePast();
};

struct LoginPolicy {
  int max_failures = 5;                               // failures that trigger a lockout
  absl::Duration failure_window = absl::Minutes(15);  // failures older than this are forgotten
  absl::Duration lockout = absl::Minutes(15);

  // OK if a login may be attempted now; RESOURCE_EXHAUSTED naming when to retry otherwise.
  absl::Status CheckNotLocked(const LoginThrottleState& state, absl::Time now) const;

  // Returns the state after one more failed attempt at `now`: counts it (restarting the count if
  // the previous failure is outside the window) and locks when the count reaches max_failures.
  LoginThrottleState AfterFailure(const LoginThrottleState& state, absl::Time now) const;
};

}  // namespace cim

#endif  // CIM_SERVER_IDENTITY_LOGIN_POLICY_H_
