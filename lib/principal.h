// The authenticated caller of an RPC, and the role predicates every access check uses.
#ifndef CIM_LIB_PRINCIPAL_H_
#define CIM_LIB_PRINCIPAL_H_

#include <cstdint>
#include <initializer_list>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "cim/v1/identity.pb.h"

namespace cim {

using cim::v1::Role;

struct Principal {
  int64_t user_id = 0;
  std::string email;
  std::string display_name;
  Role role = cim::v1::ROLE_UNSPECIFIED;
  int64_t partner_id = 0;  // 0 for vendor roles and service accounts
  std::string partner_name;
  int64_t token_id = 0;  // the session or API key the call was made with
  // The language the server writes to the caller in: their saved choice, else what the call
  // asks for (RpcHandler), else empty (then English).
  std::string language;
  // True for a person whose role requires two-step sign-in (AuthConfig::two_step_roles) while
  // they have not set it up: they may call only what sets it up (RpcHandler).
  bool two_step_setup_required = false;
};

// Channel manager, program admin, finance.
bool IsVendorRole(Role role);
// Partner rep, partner admin.
bool IsPartnerRole(Role role);

// OK if the principal's role is one of `allowed`; PERMISSION_DENIED otherwise.
absl::Status RequireRole(const Principal& principal, std::initializer_list<Role> allowed);

// True for callers who read every partner's data: vendor roles and service accounts.
bool ReadsAllPartners(const Principal& principal);

// True if the principal may read data of `partner_id`: vendor roles and service accounts may
// read every partner; partner roles only their own.
bool CanAccessPartner(const Principal& principal, int64_t partner_id);

// The one rule for reading partner data. A foreign partner's data answers NOT_FOUND, exactly as
// data that does not exist, so no caller learns what other partners have.

// The partner a read or a list is limited to: for partner roles their own partner (`requested`
// 0 or their own; NOT_FOUND "partner <id> not found" for another), for vendor roles and service
// accounts `requested` (0: every partner). PERMISSION_DENIED for a caller without a role.
absl::StatusOr<int64_t> PartnerReadScope(const Principal& caller, int64_t requested);

// OK if the caller may read `what` `id` owned by `owner_partner_id`; otherwise NOT_FOUND
// "<what> <id> not found".
absl::Status CheckPartnerReadable(const Principal& caller, int64_t owner_partner_id,
                                  absl::string_view what, int64_t id);

}  // namespace cim

#endif  // CIM_LIB_PRINCIPAL_H_
