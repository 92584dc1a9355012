// Partner and user management rules: validation, who may see and change what, pagination.
// Pure C++ over the repositories; clock injected.
#ifndef CIM_SERVER_IDENTITY_PARTNER_DIRECTORY_H_
#define CIM_SERVER_IDENTITY_PARTNER_DIRECTORY_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "cim/v1/partner_service.pb.h"
#include "lib/clock.h"
#include "lib/principal.h"
#include "lib/status_util.h"
#include "server/identity/credential_cache.h"
#include "server/identity/partner_repository.h"
#include "server/identity/password_hasher.h"
#include "server/identity/user_repository.h"

namespace cim {

class PartnerDirectory {
 public:
  // Clears `credentials` whenever a change may alter who may call (user status or role, partner
  // status).
  PartnerDirectory(PartnerRepository& partners, UserRepository& users, const PasswordHasher& hasher,
                   const Clock& clock, CredentialCache& credentials);

  // Channel managers and program admins. Returns the stored partner (status ACTIVE).
  // INVALID_ARGUMENT with field details for bad fields or an unknown parent.
  absl::StatusOr<Partner> CreatePartner(const Principal& caller, const Partner& partner);
  // NOT_FOUND if the partner does not exist or the caller may not see it.
  absl::StatusOr<Partner> GetPartner(const Principal& caller, int64_t partner_id);
  // Partner roles see only their own partner. INVALID_ARGUMENT for a bad page size or token.
  absl::StatusOr<cim::v1::ListPartnersResponse> ListPartners(
      const Principal& caller, const cim::v1::ListPartnersRequest& request);
  // Channel managers and program admins. INVALID_ARGUMENT for unknown mask paths, bad values or
  // a parent that would make a cycle; NOT_FOUND for an unknown partner.
  absl::StatusOr<Partner> UpdatePartner(const Principal& caller, const Partner& partner,
                                        const google::protobuf::FieldMask& mask);

  // Channel managers and program admins create partner users; partner admins create partner
  // users of their own partner; only program admins create vendor users and service accounts.
  // ALREADY_EXISTS for a taken email.
  absl::StatusOr<User> CreateUser(const Principal& caller, const User& user,
                                  const std::string& initial_password);
  // The user `caller` may invite, as it is to be stored: CreateUser's checks without a password
  // (the invitation's link sets it). Service accounts are not invited.
  absl::StatusOr<User> NewInvitedUser(const Principal& caller, const User& user);
  // Users see themselves; partner admins their partner's users; vendor roles and service
  // accounts everyone. NOT_FOUND otherwise.
  absl::StatusOr<User> GetUser(const Principal& caller, int64_t user_id);
  // Partner admins list their own partner's users (PERMISSION_DENIED for another partner);
  // partner reps may not list users.
  absl::StatusOr<cim::v1::ListUsersResponse> ListUsers(const Principal& caller,
                                                       const cim::v1::ListUsersRequest& request);
  // Program admins change any user; channel managers partner users; partner admins their own
  // partner's users (partner roles only); everyone their own display_name. People and service
  // accounts never change into one another. ABORTED if `user.etag` is set and stale.
  absl::StatusOr<User> UpdateUser(const Principal& caller, const User& user,
                                  const google::protobuf::FieldMask& mask);

  // OK if `caller` may give `role` to a user of `partner_id`: partner roles by channel managers,
  // program admins and that partner's admins; vendor roles and service accounts by program
  // admins only. PERMISSION_DENIED otherwise. Who may assign a role is who manages its people.
  static absl::Status CheckMayAssignRole(const Principal& caller, Role role, int64_t partner_id);

 private:
  static void ValidatePartnerFields(const Partner& partner, FieldErrors& errors);
  // Adds a violation unless `parent_id` exists and is not `partner_id` or one of its descendants.
  absl::Status ValidateParent(int64_t partner_id, int64_t parent_id, FieldErrors& errors);
  // Adds violations for an inconsistent role / partner pair.
  absl::Status ValidateRoleAndPartner(const User& user, FieldErrors& errors);
  static void ValidateDisplayName(absl::string_view name, FieldErrors& errors);
  // `in` checked as a new user `caller` may create (permission first, then the fields, adding
  // to `errors`), normalised and ACTIVE.
  absl::StatusOr<User> NewUser(const Principal& caller, const User& in, FieldErrors& errors);

  PartnerRepository& partners_;
  UserRepository& users_;
  const PasswordHasher& hasher_;
  const Clock& clock_;
  CredentialCache& credentials_;
};

}  // namespace cim

#endif  // CIM_SERVER_IDENTITY_PARTNER_DIRECTORY_H_
