// Setting up two-step sign-in: a new authenticator secret (text and otpauth:// URI), confirmed by
// one of its codes, which turns it on with ten recovery codes shown once; new recovery codes;
// turning it off where the role allows. Signing in with it is Authenticator::Login's. Pure C++
// over the repositories; clock injected.
#ifndef CIM_SERVER_ACCOUNTS_TWO_STEP_SETUP_H_
#define CIM_SERVER_ACCOUNTS_TWO_STEP_SETUP_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "cim/v1/auth_service.pb.h"
#include "lib/clock.h"
#include "lib/principal.h"
#include "server/identity/authenticator.h"
#include "server/identity/partner_directory.h"
#include "server/identity/secret_sealer.h"
#include "server/identity/two_step_repository.h"

namespace cim {

class TwoStepSetup {
 public:
  // `issuer` names the product in authenticator apps ("CIM Partner Portal").
  TwoStepSetup(Authenticator& auth, PartnerDirectory& directory, TwoStepRepository& two_step,
               const SecretSealer& sealer, const Clock& clock, std::string issuer);

  // The caller's two-step sign-in. PERMISSION_DENIED for a service account (as for all below).
  absl::StatusOr<cim::v1::TwoStep> Get(const Principal& caller);

  // A new secret waiting for its first code. With two-step sign-in on, INVALID_ARGUMENT on
  // current_password when it is missing or wrong. FAILED_PRECONDITION when the server has no
  // secrets key.
  absl::StatusOr<cim::v1::BeginTwoStepResponse> Begin(const Principal& caller,
                                                      const cim::v1::BeginTwoStepRequest& request);

  // Turns the waiting secret on with a current code of it; answers the new recovery codes.
  // INVALID_ARGUMENT on one_time_code for a missing or wrong code; FAILED_PRECONDITION when no
  // secret is waiting.
  absl::StatusOr<cim::v1::ConfirmTwoStepResponse> Confirm(
      const Principal& caller, const cim::v1::ConfirmTwoStepRequest& request);

  // New recovery codes in place of the old. INVALID_ARGUMENT on current_password;
  // FAILED_PRECONDITION while two-step sign-in is off.
  absl::StatusOr<cim::v1::RenewRecoveryCodesResponse> RenewRecoveryCodes(
      const Principal& caller, const cim::v1::RenewRecoveryCodesRequest& request);

  // Turns two-step sign-in off. INVALID_ARGUMENT on current_password; FAILED_PRECONDITION for a
  // role that requires it, or when it is off.
  absl::Status TurnOff(const Principal& caller, const cim::v1::TurnOffTwoStepRequest& request);

  // Turns `user_id`'s two-step sign-in off for a person who lost their phone and recovery codes:
  // those who manage the person's role and partner (PartnerDirectory::CheckMayAssignRole) may.
  // NOT_FOUND for a user the caller cannot see, PERMISSION_DENIED for one they may not manage,
  // FAILED_PRECONDITION for the caller's own or when it is off.
  absl::Status Reset(const Principal& caller, int64_t user_id);

 private:
  // The caller's record; NOT_FOUND becomes an empty record.
  absl::StatusOr<TwoStepRecord> RecordOf(const Principal& caller);
  // Fresh recovery codes: the codes to show and, in `hashes`, what to store.
  static std::vector<std::string> NewCodes(std::vector<std::string>& hashes);

  Authenticator& auth_;
  PartnerDirectory& directory_;
  TwoStepRepository& two_step_;
  const SecretSealer& sealer_;
  const Clock& clock_;
  std::string issuer_;
};

}  // namespace cim

#endif  // CIM_SERVER_ACCOUNTS_TWO_STEP_SETUP_H_
