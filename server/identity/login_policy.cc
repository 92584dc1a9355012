#include "server/identity/login_policy.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "lib/phrase.h"

namespace cim {

absl::Status LoginPolicy::CheckNotLocked(const LoginThrottleState& state, absl::Time now) const {
  if (now >= state.locked_until) return absl::OkStatus();
  const int64_t minutes =
      static_cast<int64_t>(std::ceil(absl::ToDoubleMinutes(state.locked_until - now)));
  return absl::ResourceExhaustedError(
      Phrase("error.too_many_logins").Count("minutes", minutes).str());
}

LoginThrottleState LoginPolicy::AfterFailure(const LoginThrottleState& state,
                                             absl::Time now) const {
  LoginThrottleState next = state;
  const bool in_window = now - state.last_failure < failure_window;
  next.failures = in_window && now >= state.locked_until ? state.failures + 1 : 1;
  next.last_failure = now;
  if (next.failures >= max_failures) {
    next.locked_until = now + lockout;
    next.failures = 0;
  }
  return next;
}

}  // namespace cim
