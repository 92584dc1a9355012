// Storage of two-step sign-in: a person's sealed authenticator secret, the step of the last code
// accepted, and their recovery codes (hashes only).
#ifndef CIM_SERVER_IDENTITY_TWO_STEP_REPOSITORY_H_
#define CIM_SERVER_IDENTITY_TWO_STEP_REPOSITORY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"

namespace cim {

// What a user's authenticator secret is sealed for (SecretSealer's context): a secret copied to
// another person's row does not open.
inline std::string TwoStepSealContext(int64_t user_id) { return absl::StrCat("totp:", user_id); }

struct TwoStepRecord {
  int64_t user_id = 0;
  // The confirmed secret (SecretSealer's text) and when it was confirmed; empty / nullopt while
  // two-step sign-in is off.
  std::string secret_sealed;
  std::optional<absl::Time> enabled_at;
  // The 30-second step of the last code accepted.
  int64_t last_step = 0;
  // A new secret waiting for its first code; empty if none.
  std::string pending_secret_sealed;
  std::optional<absl::Time> pending_since;
  // Recovery codes not used yet.
  int recovery_codes_left = 0;
};

class TwoStepRepository {
 public:
  virtual ~TwoStepRepository() = default;
  // NOT_FOUND if the user never set two-step sign-in up.
  virtual absl::StatusOr<TwoStepRecord> Get(int64_t user_id) = 0;
  // Keeps `sealed` as the user's new secret waiting for its first code (replacing any other
  // waiting one; a confirmed secret stays in force meanwhile).
  virtual absl::Status SetPending(int64_t user_id, const std::string& sealed, absl::Time now) = 0;
  // In one transaction, if the waiting secret is still `sealed`: it becomes the user's secret,
  // `step` the last step used, and `code_hashes` their only recovery codes. FAILED_PRECONDITION
  // if another secret has replaced it meanwhile.
  virtual absl::Status Confirm(int64_t user_id, const std::string& sealed, int64_t step,
                               const std::vector<std::string>& code_hashes, absl::Time now) = 0;
  // Records `step` as the last used if it is later than the last; false if it is not (the code
  // was already used), or the user has no confirmed secret.
  virtual absl::StatusOr<bool> UseStep(int64_t user_id, int64_t step) = 0;
  // Marks the user's unused recovery code `code_hash` used at `now`; false if there is none.
  virtual absl::StatusOr<bool> UseRecoveryCode(int64_t user_id, const std::string& code_hash,
                                               absl::Time now) = 0;
  // `code_hashes` become the user's only recovery codes (the old ones, used or not, are gone).
  virtual absl::Status ReplaceRecoveryCodes(int64_t user_id,
                                            const std::vector<std::string>& code_hashes,
                                            absl::Time now) = 0;
  // Turns two-step sign-in off for the user: secret, waiting secret and recovery codes gone.
  virtual absl::Status Remove(int64_t user_id) = 0;
};

}  // namespace cim

#endif  // CIM_SERVER_IDENTITY_TWO_STEP_REPOSITORY_H_
