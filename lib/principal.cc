#include "lib/principal.h"

#include "absl/strings/str_cat.h"
#include "lib/phrase.h"
#include "lib/status_util.h"

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
      Phrase("error.role_may_not").Text("role", cim::v1::Role_Name(principal.role)).str());
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

absl::StatusOr<int64_t> PartnerReadScope(const Principal& caller, int64_t requested) {
  if (ReadsAllPartners(caller)) return requested;
  if (!IsPartnerRole(caller.role) || caller.partner_id == 0) {
    return absl::PermissionDeniedError(Phrase("error.role_may_not_read_partners")
                                           .Text("role", cim::v1::Role_Name(caller.role))
                                           .str());
  }
  if (requested != 0 && requested != caller.partner_id) {
    return NotFoundError("partner", requested);
  }
  return caller.partner_id;
}

absl::Status CheckPartnerReadable(const Principal& caller, int64_t owner_partner_id,
                                  absl::string_view what, int64_t id) {
  if (CanAccessPartner(caller, owner_partner_id)) return absl::OkStatus();
  return NotFoundError(what, id);
}

}  // namespace cim
