// Storage of failed-login counters per normalised email.
#ifndef CIM_SERVER_IDENTITY_LOGIN_THROTTLE_REPOSITORY_H_
#define CIM_SERVER_IDENTITY_LOGIN_THROTTLE_REPOSITORY_H_

#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "server/identity/login_policy.h"

namespace cim {

class LoginThrottleRepository {
 public:
  virtual ~LoginThrottleRepository() = default;
  // Atomically replaces the state of `email` with update(current); concurrent updates of the
  // same email are serialised. Returns the new state.
  virtual absl::StatusOr<LoginThrottleState> Update(
      const std::string& email,
      const std::function<LoginThrottleState(const LoginThrottleState&)>& update) = 0;
  // Forgets the failures of `email` (after a successful login).
  virtual absl::Status Clear(const std::string& email) = 0;
};

}  // namespace cim

#endif  // CIM_SERVER_IDENTITY_LOGIN_THROTTLE_REPOSITORY_H_
