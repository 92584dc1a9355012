// The authenticated caller of an RPC, and the role predicates every access check uses.
#ifndef CIM_SERVER_IDENTITY_PRINCIPAL_H_
#define CIM_SERVER_IDENTITY_PRINCIPAL_H_

#include <cstdint>
#include <initializer_list>
#include <string>

#include "absl/status/status.h"
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

}  // namespace cim

#endif  // CIM_SERVER_IDENTITY_PRINCIPAL_H_
