#include "server/identity/acting_partner.h"

#include "absl/strings/str_cat.h"
#include "lib/phrase.h"
#include "lib/status_util.h"

namespace cim {

absl::StatusOr<int64_t> ActingPartner(const Principal& caller, int64_t requested,
                                      absl::string_view field, absl::string_view vendor_refusal,
                                      PartnerRepository& partners) {
  if (IsPartnerRole(caller.role)) {
    if (requested != 0 && requested != caller.partner_id) {
      return absl::PermissionDeniedError("partner users act only for their own partner");
    }
    return caller.partner_id;
  }
  if (caller.role != cim::v1::ROLE_SERVICE_ACCOUNT) {
    return absl::PermissionDeniedError(vendor_refusal);
  }
  FieldErrors errors;
  if (requested <= 0) {
    errors.Add(std::string(field), "required for service accounts");
    return errors.ToStatus();
  }
  absl::Status exists = partners.Get(requested).status();
  if (absl::IsNotFound(exists)) {
    errors.Add(std::string(field),
               Phrase("error.unknown_partner").Text("partner", absl::StrCat(requested)));
    return errors.ToStatus();
  }
  CIM_RETURN_IF_ERROR(exists);
  return requested;
}

}  // namespace cim
