// The demo data set: a vendor's staff, ~30 partners of mixed types, tiers and regions (including
// distributors with resellers below them), ~150 users across all roles and one service account.
#ifndef CIM_SERVER_DEMO_DEMO_DATA_H_
#define CIM_SERVER_DEMO_DEMO_DATA_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "lib/clock.h"
#include "server/identity/access_token_repository.h"
#include "server/identity/partner_repository.h"
#include "server/identity/password_hasher.h"
#include "server/identity/secret_sealer.h"
#include "server/identity/two_step_repository.h"
#include "server/identity/user_repository.h"

namespace cim {

// Every demo person signs in with this password.
inline constexpr char kDemoPassword[] = "demo-password-2026";
// The demo program admin, who owns the demo's recognition definitions.
inline constexpr char kDemoProgramAdminEmail[] = "program.admin@vendor.example";

struct DemoLogin {
  std::string role;  // human-readable, e.g. "partner rep"
  std::string email;
  std::string note;  // e.g. the partner's name
  // The authenticator secret of a person whose role requires two-step sign-in (only when
  // LoadDemoTwoStep set it up).
  std::string two_step_secret;
};

struct DemoSummary {
  bool loaded = false;  // false if the database already had users (nothing was written)
  int partners = 0;
  int users = 0;
  std::vector<DemoLogin> logins;  // one per role, to print
  std::string service_api_key;    // only when loaded
};

// Loads the demo data set into an empty database (no users yet); otherwise writes nothing and
// returns loaded = false with the logins of the existing demo data.
absl::StatusOr<DemoSummary> LoadDemoData(PartnerRepository& partners, UserRepository& users,
                                         AccessTokenRepository& tokens,
                                         const PasswordHasher& hasher, const Clock& clock);

// Sets two-step sign-in up, each with a fresh secret sealed by `sealer`, for the demo logins
// whose role is one of `roles` (those that require it), and notes the secrets in `summary` to
// print. The other people of those roles set it up at their first sign-in.
absl::Status LoadDemoTwoStep(TwoStepRepository& two_step, const SecretSealer& sealer,
                             UserRepository& users, const std::vector<cim::v1::Role>& roles,
                             absl::Time now, DemoSummary& summary);

}  // namespace cim

#endif  // CIM_SERVER_DEMO_DEMO_DATA_H_
