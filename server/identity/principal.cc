#include "server/identity/principal.h"

#include "absl/strings/str_cat.h"

namespace cim {

bool IsVendorRole(Role role) {
  return role == cim::v1::ROLE_CHANNEL_MANAGER || role == cim::v1::ROLE_PROGRAM_ADMIN ||
         role == cim::v1::ROLE_FINANCE;
}

bool IsPartnerRole(Role role) {
  return role == cim::v1::ROLE_PARTNER_REP || role == cim::v1::ROLE_PARTNER_ADMIN;
}

absl::Status RequireRole(const Principal& principal, std::initializer_list<Role> allowed) {
  for (Role r : allowed) {
    if (principal.role == r) return absl::OkStatus();
  }
  return absl::PermissionDeniedError(
      absl::StrCat("role ", cim::v1::Role_Name(principal.role), " may not do this"));
}

bool ReadsAllPartners(const Principal& principal) {
  return IsVendorRole(principal.role) || principal.role == cim::v1::ROLE_SERVICE_ACCOUNT;
}

bool CanAccessPartner(const Principal& principal, int64_t partner_id) {
  if (IsVendorRole(principal.role) || principal.role == cim::v1::ROLE_SERVICE_ACCOUNT) {
    return true;
  }
  return IsPartnerRole(principal.role) && principal.partner_id != 0 &&
         principal.partner_id == partner_id;
}

}  // namespace cim
