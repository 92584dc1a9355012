#include "server/accounts/two_step_setup.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "server/identity/one_time_code.h"

namespace cim {
namespace {

constexpr char kTwoStepOff[] = "two-step sign-in is off";

}  // namespace

TwoStepSetup::TwoStepSetup(Authenticator& auth, PartnerDirectory& directory,
                           TwoStepRepository& two_step, const SecretSealer& sealer,
                           const Clock& clock, std::string issuer)
    : auth_(auth),
      directory_(directory),
      two_step_(two_step),
      sealer_(sealer),
      clock_(clock),
      issuer_(std::move(issuer)) {}

absl::StatusOr<TwoStepRecord> TwoStepSetup::RecordOf(const Principal& caller) {
  absl::StatusOr<TwoStepRecord> record = two_step_.Get(caller.user_id);
  if (absl::IsNotFound(record.status())) return TwoStepRecord{.user_id = caller.user_id};
  return record;
}

std::vector<std::string> TwoStepSetup::NewCodes(std::vector<std::string>& hashes) {
  std::vector<std::string> codes = NewRecoveryCodes();
  hashes.clear();
  for (const std::string& code : codes) hashes.push_back(*RecoveryCodeHash(code));
  return codes;
}

absl::StatusOr<cim::v1::TwoStep> TwoStepSetup::Get(const Principal& caller) {
  CIM_RETURN_IF_ERROR(RequirePerson(caller));
  CIM_ASSIGN_OR_RETURN(TwoStepRecord record, RecordOf(caller));
  cim::v1::TwoStep out;
  out.set_enabled(record.enabled_at.has_value());
  if (record.enabled_at) SetTimestamp(*record.enabled_at, out.mutable_enable_time());
  out.set_required(auth_.RequiresTwoStep(caller.role));
  out.set_recovery_codes_left(out.enabled() ? record.recovery_codes_left : 0);
  return out;
}

absl::StatusOr<cim::v1::BeginTwoStepResponse> TwoStepSetup::Begin(
    const Principal& caller, const cim::v1::BeginTwoStepRequest& request) {
  CIM_RETURN_IF_ERROR(RequirePerson(caller));
  CIM_ASSIGN_OR_RETURN(TwoStepRecord record, RecordOf(caller));
  // Moving two-step sign-in to another app is a change to a protected account: the password
  // first, as for turning it off.
  if (record.enabled_at.has_value()) {
    CIM_RETURN_IF_ERROR(
        auth_.CheckOwnPassword(caller, request.current_password(), "current_password"));
  }
  const std::string secret = NewTotpSecret();
  CIM_ASSIGN_OR_RETURN(std::string sealed,
                       sealer_.Seal(secret, TwoStepSealContext(caller.user_id)));
  CIM_RETURN_IF_ERROR(two_step_.SetPending(caller.user_id, sealed, clock_.Now()));
  cim::v1::BeginTwoStepResponse response;
  response.set_secret(secret);
  response.set_otpauth_uri(OtpAuthUri(issuer_, caller.email, secret));
  return response;
}

absl::StatusOr<cim::v1::ConfirmTwoStepResponse> TwoStepSetup::Confirm(
    const Principal& caller, const cim::v1::ConfirmTwoStepRequest& request) {
  CIM_RETURN_IF_ERROR(RequirePerson(caller));
  FieldErrors errors;
  if (request.one_time_code().empty()) errors.Add("one_time_code", "required");
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(TwoStepRecord record, RecordOf(caller));
  if (record.pending_secret_sealed.empty()) {
    return absl::FailedPreconditionError(
        "start setting up two-step sign-in first: no new secret is waiting for a code");
  }
  CIM_ASSIGN_OR_RETURN(std::string secret, sealer_.Open(record.pending_secret_sealed,
                                                        TwoStepSealContext(caller.user_id)));
  // The new secret's first code also counts as used: it cannot sign in afterwards.
  std::optional<int64_t> step =
      MatchTotpCode(secret, request.one_time_code(), clock_.Now(), /*after_step=*/0);
  if (!step.has_value()) {
    errors.Add("one_time_code", "this code is wrong or was used already");
    return errors.ToStatus();
  }
  std::vector<std::string> hashes;
  std::vector<std::string> codes = NewCodes(hashes);
  CIM_RETURN_IF_ERROR(two_step_.Confirm(caller.user_id, record.pending_secret_sealed,
                                        std::max(*step, record.last_step), hashes, clock_.Now()));
  auth_.credentials().Clear();  // sessions waiting for it may now do everything
  cim::v1::ConfirmTwoStepResponse response;
  for (std::string& code : codes) response.add_recovery_codes(std::move(code));
  return response;
}

absl::StatusOr<cim::v1::RenewRecoveryCodesResponse> TwoStepSetup::RenewRecoveryCodes(
    const Principal& caller, const cim::v1::RenewRecoveryCodesRequest& request) {
  CIM_RETURN_IF_ERROR(
      auth_.CheckOwnPassword(caller, request.current_password(), "current_password"));
  CIM_ASSIGN_OR_RETURN(TwoStepRecord record, RecordOf(caller));
  if (!record.enabled_at.has_value()) return absl::FailedPreconditionError(kTwoStepOff);
  std::vector<std::string> hashes;
  std::vector<std::string> codes = NewCodes(hashes);
  CIM_RETURN_IF_ERROR(two_step_.ReplaceRecoveryCodes(caller.user_id, hashes, clock_.Now()));
  cim::v1::RenewRecoveryCodesResponse response;
  for (std::string& code : codes) response.add_recovery_codes(std::move(code));
  return response;
}

absl::Status TwoStepSetup::TurnOff(const Principal& caller,
                                   const cim::v1::TurnOffTwoStepRequest& request) {
  CIM_RETURN_IF_ERROR(RequirePerson(caller));
  if (auth_.RequiresTwoStep(caller.role)) {
    return absl::FailedPreconditionError(
        "your role requires two-step sign-in: it cannot be turned off");
  }
  CIM_RETURN_IF_ERROR(
      auth_.CheckOwnPassword(caller, request.current_password(), "current_password"));
  CIM_ASSIGN_OR_RETURN(TwoStepRecord record, RecordOf(caller));
  if (!record.enabled_at.has_value()) return absl::FailedPreconditionError(kTwoStepOff);
  CIM_RETURN_IF_ERROR(two_step_.Remove(caller.user_id));
  auth_.credentials().Clear();
  return absl::OkStatus();
}

absl::Status TwoStepSetup::Reset(const Principal& caller, int64_t user_id) {
  CIM_RETURN_IF_ERROR(RequireId(user_id, "user_id"));
  CIM_ASSIGN_OR_RETURN(User user, directory_.GetUser(caller, user_id));
  CIM_RETURN_IF_ERROR(PartnerDirectory::CheckMayAssignRole(caller, user.role(), user.partner_id()));
  if (user_id == caller.user_id) {
    return absl::FailedPreconditionError(
        "turn your own two-step sign-in off on your account page, with your password");
  }
  if (!user.two_step_enabled()) return absl::FailedPreconditionError(kTwoStepOff);
  CIM_RETURN_IF_ERROR(two_step_.Remove(user_id));
  auth_.credentials().Clear();
  return absl::OkStatus();
}

}  // namespace cim
