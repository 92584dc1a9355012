// Two-step sign-in for tests: a fixed secrets key, a fixed authenticator secret, and setting
// two-step sign-in up for a person straight through the repository.
#ifndef CIM_TESTS_TESTING_TWO_STEP_KEYS_H_
#define CIM_TESTS_TESTING_TWO_STEP_KEYS_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "lib/status_util.h"
#include "server/identity/secret_sealer.h"
#include "server/identity/two_step_repository.h"

namespace cim::testing {

// The authenticator secret of every person tests set two-step sign-in up for (base32).
inline constexpr char kTestTwoStepSecret[] = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

// The secrets key of test servers: 0x01, 0x02, … 0x20.
inline SecretSealer::Key TestSecretsKey() {
  SecretSealer::Key key{};
  for (size_t i = 0; i < key.size(); ++i) key[i] = static_cast<unsigned char>(i + 1);
  return key;
}

// Turns two-step sign-in on for `user_id` with kTestTwoStepSecret and no recovery codes.
inline absl::Status SetUpTwoStep(TwoStepRepository& two_step, const SecretSealer& sealer,
                                 int64_t user_id, absl::Time now) {
  CIM_ASSIGN_OR_RETURN(std::string sealed,
                       sealer.Seal(kTestTwoStepSecret, TwoStepSealContext(user_id)));
  CIM_RETURN_IF_ERROR(two_step.SetPending(user_id, sealed, now));
  return two_step.Confirm(user_id, sealed, /*step=*/0, /*code_hashes=*/{}, now);
}

}  // namespace cim::testing

#endif  // CIM_TESTS_TESTING_TWO_STEP_KEYS_H_
