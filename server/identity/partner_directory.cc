#include "server/identity/partner_directory.h"

#include <algorithm>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "lib/pagination.h"
#include "lib/phrase.h"
#include "lib/status_util.h"
#include "lib/text_field.h"
#include "lib/update_mask.h"
#include "server/identity/authenticator.h"

namespace cim {
namespace {

constexpr int kMaxParentDepth = 16;

absl::Status NotFoundPartner(int64_t id) { return NotFoundError("partner", id); }
absl::Status NotFoundUser(int64_t id) { return NotFoundError("user", id); }

bool CanManageAll(const Principal& p) {
  return p.role == cim::v1::ROLE_CHANNEL_MANAGER || p.role == cim::v1::ROLE_PROGRAM_ADMIN;
}

}  // namespace

PartnerDirectory::PartnerDirectory(PartnerRepository& partners, UserRepository& users,
                                   const PasswordHasher& hasher, const Clock& clock,
                                   CredentialCache& credentials)
    : partners_(partners),
      users_(users),
      hasher_(hasher),
      clock_(clock),
      credentials_(credentials) {}

void PartnerDirectory::ValidatePartnerFields(const Partner& partner, FieldErrors& errors) {
  const absl::string_view name = absl::StripAsciiWhitespace(partner.name());
  if (name.empty())
    errors.Add("partner.name", "required");
  else if (CodePoints(name) > 200)
    errors.Add("partner.name", "at most 200 characters");
  if (partner.type() == cim::v1::PARTNER_TYPE_UNSPECIFIED ||
      !cim::v1::PartnerType_IsValid(partner.type())) {
    errors.Add("partner.type",
               "required: one of DISTRIBUTOR, RESELLER, DEALER, BROKER, AGENT, MSP");
  }
  ValidateTierCode(partner.tier(), "partner.tier", errors);
  ValidateRegionCode(partner.region(), "partner.region", errors);
}

absl::Status PartnerDirectory::ValidateParent(int64_t partner_id, int64_t parent_id,
                                              FieldErrors& errors) {
  if (parent_id == 0) return absl::OkStatus();
  if (parent_id < 0) {
    errors.Add("partner.parent_partner_id", "must be a partner id");
    return absl::OkStatus();
  }
  int64_t current = parent_id;
  for (int depth = 0; current != 0; ++depth) {
    if (current == partner_id) {
      errors.Add("partner.parent_partner_id", "would make the partner its own ancestor");
      return absl::OkStatus();
    }
    if (depth >= kMaxParentDepth) {
      errors.Add("partner.parent_partner_id",
                 Phrase("error.network_depth").Count("max", kMaxParentDepth));
      return absl::OkStatus();
    }
    absl::StatusOr<Partner> p = partners_.Get(current);
    if (absl::IsNotFound(p.status())) {
      errors.Add("partner.parent_partner_id",
                 std::string(NotFoundError("partner", current).message()));
      return absl::OkStatus();
    }
    if (!p.ok()) return p.status();
    current = p->parent_partner_id();
  }
  return absl::OkStatus();
}

absl::StatusOr<Partner> PartnerDirectory::CreatePartner(const Principal& caller,
                                                        const Partner& in) {
  CIM_RETURN_IF_ERROR(
      RequireRole(caller, {cim::v1::ROLE_CHANNEL_MANAGER, cim::v1::ROLE_PROGRAM_ADMIN}));
  Partner partner = in;
  partner.set_name(std::string(absl::StripAsciiWhitespace(partner.name())));
  FieldErrors errors;
  ValidatePartnerFields(partner, errors);
  CIM_RETURN_IF_ERROR(ValidateParent(/*partner_id=*/0, partner.parent_partner_id(), errors));
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  partner.set_status(cim::v1::PARTNER_STATUS_ACTIVE);
  return partners_.Create(partner, clock_.Now());
}

absl::StatusOr<Partner> PartnerDirectory::GetPartner(const Principal& caller, int64_t partner_id) {
  if (partner_id <= 0) {
    FieldErrors errors;
    errors.Add("partner_id", "required");
    return errors.ToStatus();
  }
  if (!CanAccessPartner(caller, partner_id)) return NotFoundPartner(partner_id);
  return partners_.Get(partner_id);
}

absl::StatusOr<cim::v1::ListPartnersResponse> PartnerDirectory::ListPartners(
    const Principal& caller, const cim::v1::ListPartnersRequest& request) {
  if (!ReadsAllPartners(caller) && !IsPartnerRole(caller.role)) {
    return absl::PermissionDeniedError("this role may not list partners");
  }
  FieldErrors errors;
  const int page_size = PageSize(request.page_size(), errors);
  if (!cim::v1::PartnerType_IsValid(request.type())) errors.Add("type", "unknown partner type");
  if (!cim::v1::PartnerStatus_IsValid(request.status())) errors.Add("status", "unknown status");
  if (request.parent_partner_id() < 0) errors.Add("parent_partner_id", "must be a partner id");
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(int64_t after_id, DecodePageToken(request));

  PartnerFilter filter;
  filter.type = request.type();
  filter.tier = request.tier();
  filter.region = request.region();
  filter.parent_partner_id = request.parent_partner_id();
  filter.status = request.status();
  filter.name_contains = request.name_contains();
  if (!ReadsAllPartners(caller)) filter.id = caller.partner_id;  // partner roles: only their own

  CIM_ASSIGN_OR_RETURN(std::vector<Partner> rows, partners_.List(filter, after_id, page_size + 1));
  cim::v1::ListPartnersResponse response;
  response.set_next_page_token(
      FillPage(std::move(rows), page_size, response.mutable_partners(), request));
  return response;
}

absl::StatusOr<Partner> PartnerDirectory::UpdatePartner(const Principal& caller, const Partner& in,
                                                        const google::protobuf::FieldMask& mask) {
  CIM_RETURN_IF_ERROR(
      RequireRole(caller, {cim::v1::ROLE_CHANNEL_MANAGER, cim::v1::ROLE_PROGRAM_ADMIN}));
  FieldErrors errors;
  if (in.id() <= 0) errors.Add("partner.id", "required");
  RequireMaskPaths(mask, errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(Partner partner, partners_.Get(in.id()));
  if (!in.etag().empty() && in.etag() != partner.etag()) {
    return ChangedSinceReadError("partner", in.id());
  }
  for (const std::string& path : mask.paths()) {
    if (path == "name") partner.set_name(std::string(absl::StripAsciiWhitespace(in.name())));
    if (path == "type") partner.set_type(in.type());
    if (path == "tier") partner.set_tier(in.tier());
    if (path == "region") partner.set_region(in.region());
    if (path == "parent_partner_id") partner.set_parent_partner_id(in.parent_partner_id());
    if (path == "status") partner.set_status(in.status());
  }
  ValidatePartnerFields(partner, errors);
  if (partner.status() == cim::v1::PARTNER_STATUS_UNSPECIFIED ||
      !cim::v1::PartnerStatus_IsValid(partner.status())) {
    errors.Add("partner.status", "one of ACTIVE, SUSPENDED");
  }
  CIM_RETURN_IF_ERROR(ValidateParent(partner.id(), partner.parent_partner_id(), errors));
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  absl::StatusOr<Partner> updated = partners_.Update(partner, clock_.Now());
  if (updated.ok()) credentials_.Clear();
  return updated;
}

absl::Status PartnerDirectory::ValidateRoleAndPartner(const User& user, FieldErrors& errors) {
  if (user.role() == cim::v1::ROLE_UNSPECIFIED || !cim::v1::Role_IsValid(user.role())) {
    errors.Add("user.role", "required");
    return absl::OkStatus();
  }
  if (IsPartnerRole(user.role())) {
    if (user.partner_id() <= 0) {
      errors.Add("user.partner_id", "required for partner roles");
      return absl::OkStatus();
    }
    absl::StatusOr<Partner> partner = partners_.Get(user.partner_id());
    if (absl::IsNotFound(partner.status())) {
      errors.Add("user.partner_id",
                 std::string(NotFoundError("partner", user.partner_id()).message()));
    } else if (!partner.ok()) {
      return partner.status();
    }
  } else if (user.partner_id() != 0) {
    errors.Add("user.partner_id", "must be 0 for vendor roles and service accounts");
  }
  return absl::OkStatus();
}

absl::StatusOr<User> PartnerDirectory::NewUser(const Principal& caller, const User& in,
                                               FieldErrors& errors) {
  // Who may grant what is settled before anything looks at other partners' data.
  CIM_RETURN_IF_ERROR(CheckMayAssignRole(caller, in.role(), in.partner_id()));
  User user = in;
  user.set_email(NormalizeEmail(user.email()));
  user.set_display_name(std::string(absl::StripAsciiWhitespace(user.display_name())));
  if (!IsEmailAddress(user.email())) errors.Add("user.email", "a valid email address is required");
  ValidateDisplayName(user.display_name(), errors);
  CIM_RETURN_IF_ERROR(ValidateRoleAndPartner(user, errors));
  user.set_status(cim::v1::USER_STATUS_ACTIVE);
  user.clear_etag();
  return user;
}

absl::StatusOr<User> PartnerDirectory::CreateUser(const Principal& caller, const User& in,
                                                  const std::string& initial_password) {
  FieldErrors errors;
  CIM_ASSIGN_OR_RETURN(User user, NewUser(caller, in, errors));
  const bool service = user.role() == cim::v1::ROLE_SERVICE_ACCOUNT;
  if (service && !initial_password.empty()) {
    errors.Add("initial_password", "service accounts have no password; issue an API key");
  }
  if (!service) ValidateNewPassword(initial_password, "initial_password", errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  std::optional<std::string> hash;
  if (!service) {
    CIM_ASSIGN_OR_RETURN(hash, hasher_.Hash(initial_password));
  }
  return users_.Create(user, hash, clock_.Now());
}

absl::StatusOr<User> PartnerDirectory::NewInvitedUser(const Principal& caller, const User& in) {
  FieldErrors errors;
  CIM_ASSIGN_OR_RETURN(User user, NewUser(caller, in, errors));
  if (user.role() == cim::v1::ROLE_SERVICE_ACCOUNT) {
    errors.Add("user.role", "service accounts are not invited; issue an API key");
  }
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  return user;
}

absl::StatusOr<User> PartnerDirectory::GetUser(const Principal& caller, int64_t user_id) {
  if (user_id <= 0) {
    FieldErrors errors;
    errors.Add("user_id", "required");
    return errors.ToStatus();
  }
  absl::StatusOr<UserRecord> record = users_.Get(user_id);
  if (!record.ok()) return record.status();
  const User& user = record->user;
  const bool visible =
      user.id() == caller.user_id || ReadsAllPartners(caller) ||
      (caller.role == cim::v1::ROLE_PARTNER_ADMIN && user.partner_id() == caller.partner_id);
  if (!visible) return NotFoundUser(user_id);
  return user;
}

absl::StatusOr<cim::v1::ListUsersResponse> PartnerDirectory::ListUsers(
    const Principal& caller, const cim::v1::ListUsersRequest& request) {
  int64_t partner_id = request.partner_id();
  if (caller.role == cim::v1::ROLE_PARTNER_ADMIN) {
    if (partner_id == 0) partner_id = caller.partner_id;
    if (partner_id != caller.partner_id) {
      return absl::PermissionDeniedError("partner admins may list only their own partner's users");
    }
  } else if (!ReadsAllPartners(caller)) {
    return absl::PermissionDeniedError(Phrase("error.role_may_not_list_users")
                                           .Text("role", cim::v1::Role_Name(caller.role))
                                           .str());
  }
  FieldErrors errors;
  const int page_size = PageSize(request.page_size(), errors);
  if (!cim::v1::Role_IsValid(request.role())) errors.Add("role", "unknown role");
  if (!cim::v1::UserStatus_IsValid(request.status())) errors.Add("status", "unknown status");
  if (request.partner_id() < 0) errors.Add("partner_id", "must be a partner id");
  if (request.query().size() > 254) errors.Add("query", "at most 254 characters");
  constexpr int kMaxIds = 100;
  if (request.ids_size() > kMaxIds)
    errors.Add("ids", Phrase("error.at_most").Count("max", kMaxIds));
  for (int i = 0; i < request.ids_size(); ++i) {
    if (request.ids(i) <= 0) errors.Add(absl::StrCat("ids[", i, "]"), "a user id");
  }
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(int64_t after_id, DecodePageToken(request));

  UserFilter filter;
  filter.ids.assign(request.ids().begin(), request.ids().end());
  filter.partner_id = partner_id;
  filter.role = request.role();
  filter.status = request.status();
  filter.query = request.query();
  CIM_ASSIGN_OR_RETURN(std::vector<User> rows, users_.List(filter, after_id, page_size + 1));
  cim::v1::ListUsersResponse response;
  response.set_next_page_token(
      FillPage(std::move(rows), page_size, response.mutable_users(), request));
  return response;
}

absl::StatusOr<User> PartnerDirectory::UpdateUser(const Principal& caller, const User& in,
                                                  const google::protobuf::FieldMask& mask) {
  FieldErrors errors;
  if (in.id() <= 0) errors.Add("user.id", "required");
  RequireMaskPaths(mask, errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(User user, GetUser(caller, in.id()));
  if (!in.etag().empty() && in.etag() != user.etag()) {
    return ChangedSinceReadError("user", in.id());
  }

  const bool self = user.id() == caller.user_id;
  // Program admins manage everyone; channel managers and partner admins manage partner users
  // (partner admins only their own partner's).
  const bool manages_user =
      caller.role == cim::v1::ROLE_PROGRAM_ADMIN ||
      (IsPartnerRole(user.role()) &&
       (caller.role == cim::v1::ROLE_CHANNEL_MANAGER ||
        (caller.role == cim::v1::ROLE_PARTNER_ADMIN && user.partner_id() == caller.partner_id)));
  for (const std::string& path : mask.paths()) {
    if (path == "display_name") {
      if (!self && !manages_user) {
        return absl::PermissionDeniedError("may not change this user's display name");
      }
      user.set_display_name(std::string(absl::StripAsciiWhitespace(in.display_name())));
      continue;
    }
    if (!manages_user) {
      return absl::PermissionDeniedError(
          Phrase("error.may_not_change_user_field").Text("field", path).str());
    }
    if (self) {
      return absl::PermissionDeniedError(
          Phrase("error.may_not_change_own_field").Text("field", path).str());
    }
    if (path == "status") user.set_status(in.status());
    if (path == "role") {
      if ((user.role() == cim::v1::ROLE_SERVICE_ACCOUNT) !=
          (in.role() == cim::v1::ROLE_SERVICE_ACCOUNT)) {
        errors.Add("user.role",
                   "people and service accounts cannot become one another; create a new user");
      } else {
        CIM_RETURN_IF_ERROR(CheckMayAssignRole(caller, in.role(), user.partner_id()));
      }
      user.set_role(in.role());
    }
  }
  ValidateDisplayName(user.display_name(), errors);
  if (user.status() == cim::v1::USER_STATUS_UNSPECIFIED ||
      !cim::v1::UserStatus_IsValid(user.status())) {
    errors.Add("user.status", "one of ACTIVE, DISABLED");
  }
  CIM_RETURN_IF_ERROR(ValidateRoleAndPartner(user, errors));
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  absl::StatusOr<User> updated = users_.Update(user, clock_.Now());
  if (updated.ok()) credentials_.Clear();
  return updated;
}

absl::Status PartnerDirectory::CheckMayAssignRole(const Principal& caller, Role role,
                                                  int64_t partner_id) {
  if (role == cim::v1::ROLE_UNSPECIFIED || !cim::v1::Role_IsValid(role)) {
    return absl::OkStatus();  // reported as a field violation by validation
  }
  if (IsPartnerRole(role)) {
    if (CanManageAll(caller)) return absl::OkStatus();
    if (caller.role == cim::v1::ROLE_PARTNER_ADMIN) {
      if (partner_id != caller.partner_id) {
        return absl::PermissionDeniedError(
            "partner admins may manage users of their own partner only");
      }
      return absl::OkStatus();
    }
    return absl::PermissionDeniedError(Phrase("error.role_may_not_manage_users")
                                           .Text("role", cim::v1::Role_Name(caller.role))
                                           .str());
  }
  if (caller.role != cim::v1::ROLE_PROGRAM_ADMIN) {
    return absl::PermissionDeniedError(
        "only program admins may grant vendor roles or create service accounts");
  }
  return absl::OkStatus();
}

void PartnerDirectory::ValidateDisplayName(absl::string_view name, FieldErrors& errors) {
  if (name.empty()) {
    errors.Add("user.display_name", "required");
  } else if (CodePoints(name) > 100) {
    errors.Add("user.display_name", "at most 100 characters");
  }
}

}  // namespace cim
