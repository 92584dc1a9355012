// The partner a caller acts for when it creates something on a partner's behalf: claims,
// fund requests, proof uploads.
#ifndef CIM_SERVER_IDENTITY_ACTING_PARTNER_H_
#define CIM_SERVER_IDENTITY_ACTING_PARTNER_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "lib/principal.h"
#include "server/identity/partner_repository.h"

namespace cim {

// Partner roles act for their own partner: returns it when `requested` is 0 or that partner,
// PERMISSION_DENIED for another. Service accounts act for `requested`: INVALID_ARGUMENT on
// `field` when it is missing or names no partner. Vendor roles get PERMISSION_DENIED with
// `vendor_refusal` (e.g. "claims are submitted by partners or service accounts").
absl::StatusOr<int64_t> ActingPartner(const Principal& caller, int64_t requested,
                                      absl::string_view field, absl::string_view vendor_refusal,
                                      PartnerRepository& partners);

}  // namespace cim

#endif  // CIM_SERVER_IDENTITY_ACTING_PARTNER_H_
