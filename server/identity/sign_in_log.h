// Where every attempt to sign in is recorded (Authenticator::Login writes it; the account
// security pages read it through server/accounts).
#ifndef CIM_SERVER_IDENTITY_SIGN_IN_LOG_H_
#define CIM_SERVER_IDENTITY_SIGN_IN_LOG_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "cim/v1/auth_service.pb.h"

namespace cim {

// One attempt to sign in.
struct SignInRecord {
  int64_t id = 0;
  // The user whose email was given; 0 when it is no user's.
  int64_t user_id = 0;
  std::string email;
  cim::v1::SignInOutcome outcome = cim::v1::SIGN_IN_OUTCOME_UNSPECIFIED;
  std::string address;
  std::string agent;
  absl::Time at;
};

class SignInLog {
 public:
  virtual ~SignInLog() = default;
  // Stores `record` (id ignored); user_id is found by the (normalised) email.
  virtual absl::Status RecordSignIn(const SignInRecord& record) = 0;
};

}  // namespace cim

#endif  // CIM_SERVER_IDENTITY_SIGN_IN_LOG_H_
