#include "server/identity/authenticator.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "lib/audit_scope.h"
#include "lib/pagination.h"
#include "lib/phrase.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "server/identity/access_token.h"
#include "server/identity/one_time_code.h"

namespace cim {
namespace {

constexpr char kBadCredentials[] = "invalid email or password";
constexpr char kBadToken[] = "invalid or expired credentials; log in again";

// What a user row says of the caller (their partner's name and the credential aside).
Principal PrincipalOfUser(const User& user) {
  Principal principal;
  principal.user_id = user.id();
  principal.email = user.email();
  principal.display_name = user.display_name();
  principal.language = user.language();
  principal.role = user.role();
  principal.partner_id = user.partner_id();
  return principal;
}
constexpr int kDefaultApiKeyDays = 365;
constexpr int kMaxApiKeyDays = 730;
constexpr size_t kMaxPasswordBytes = 1024;
constexpr size_t kMaxCodeBytes = 64;

}  // namespace

absl::Status RequirePerson(const Principal& caller) {
  if (caller.role == cim::v1::ROLE_SERVICE_ACCOUNT) {
    return absl::PermissionDeniedError("service accounts have no password or sessions");
  }
  return absl::OkStatus();
}

std::string NormalizeEmail(absl::string_view email) {
  return absl::AsciiStrToLower(absl::StripAsciiWhitespace(email));
}

Authenticator::Authenticator(PartnerRepository& partners, UserRepository& users,
                             AccessTokenRepository& tokens, LoginThrottleRepository& throttle,
                             SignInLog& sign_ins, TwoStepRepository& two_step,
                             const PasswordHasher& hasher, const SecretSealer& sealer,
                             const Clock& clock, AuthConfig config)
    : partners_(partners),
      users_(users),
      tokens_(tokens),
      throttle_(throttle),
      sign_ins_(sign_ins),
      two_step_(two_step),
      hasher_(hasher),
      sealer_(sealer),
      clock_(clock),
      config_(std::move(config)),
      credentials_(clock, config_.credential_cache_ttl) {}

absl::Status Authenticator::CheckOwnPassword(const Principal& caller, absl::string_view password,
                                             const char* field) {
  CIM_RETURN_IF_ERROR(RequirePerson(caller));
  FieldErrors errors;
  if (password.empty()) {
    errors.Add(field, "required");
    return errors.ToStatus();
  }
  absl::Status checked = CheckPassword(caller.email, password).status();
  if (absl::IsUnauthenticated(checked)) {
    errors.Add(field, "is not your current password");
    return errors.ToStatus();
  }
  return checked;
}

bool Authenticator::RequiresTwoStep(Role role) const {
  for (Role r : config_.two_step_roles) {
    if (r == role) return true;
  }
  return false;
}

absl::StatusOr<UserRecord> Authenticator::CheckPassword(const std::string& email,
                                                        absl::string_view password) {
  CIM_ASSIGN_OR_RETURN(UserRecord record, CheckPasswordCounted(email, password));
  CIM_RETURN_IF_ERROR(throttle_.Clear(email));
  return record;
}

absl::StatusOr<UserRecord> Authenticator::CheckPasswordCounted(const std::string& email,
                                                               absl::string_view password) {
  // Count the attempt as a failure before checking the password, in one locked step, so that
  // parallel guesses cannot slip past the lockout; a success clears the count afterwards.
  const absl::Time attempt_time = clock_.Now();
  absl::Status locked;
  CIM_RETURN_IF_ERROR(
      throttle_
          .Update(email,
                  [&](const LoginThrottleState& current) {
                    locked = config_.login_policy.CheckNotLocked(current, attempt_time);
                    return locked.ok() ? config_.login_policy.AfterFailure(current, attempt_time)
                                       : current;
                  })
          .status());
  CIM_RETURN_IF_ERROR(locked);

  absl::StatusOr<UserRecord> record = users_.GetByEmail(email);
  if (!record.ok() && !absl::IsNotFound(record.status())) return record.status();
  const bool can_log_in = record.ok() && record->password_hash.has_value() &&
                          record->user.status() == cim::v1::USER_STATUS_ACTIVE &&
                          record->user.role() != cim::v1::ROLE_SERVICE_ACCOUNT;
  // Always verify against some hash so unknown emails cost the same time as wrong passwords.
  const bool password_ok =
      hasher_.Verify(can_log_in ? *record->password_hash : hasher_.decoy_hash(), password);
  if (!can_log_in || !password_ok) return absl::UnauthenticatedError(kBadCredentials);
  return record;
}

absl::Status Authenticator::CheckSecondStep(const User& user, absl::string_view code, bool& refused,
                                            bool& enabled) {
  absl::StatusOr<TwoStepRecord> record = two_step_.Get(user.id());
  if (absl::IsNotFound(record.status())) return absl::OkStatus();
  if (!record.ok()) return record.status();
  enabled = record->enabled_at.has_value();
  if (!enabled) return absl::OkStatus();
  FieldErrors errors;
  if (code.empty()) {
    errors.Add("one_time_code", "enter the code from your authenticator app");
    return errors.ToStatus();
  }
  if (std::optional<std::string> hash = RecoveryCodeHash(code)) {
    CIM_ASSIGN_OR_RETURN(bool used, two_step_.UseRecoveryCode(user.id(), *hash, clock_.Now()));
    if (used) return absl::OkStatus();
  } else {
    CIM_ASSIGN_OR_RETURN(std::string secret,
                         sealer_.Open(record->secret_sealed, TwoStepSealContext(user.id())));
    std::optional<int64_t> step = MatchTotpCode(secret, code, clock_.Now(), record->last_step);
    if (step.has_value()) {
      CIM_ASSIGN_OR_RETURN(bool fresh, two_step_.UseStep(user.id(), *step));
      if (fresh) return absl::OkStatus();
    }
  }
  refused = true;
  errors.Add("one_time_code", "this code is wrong or was used already");
  return errors.ToStatus();
}

absl::StatusOr<LoginResult> Authenticator::Login(absl::string_view email_in,
                                                 absl::string_view password,
                                                 absl::string_view one_time_code,
                                                 const SignInOrigin& origin) {
  FieldErrors errors;
  const std::string email = NormalizeEmail(email_in);
  if (email.empty()) errors.Add("email", "required");
  if (email.size() > 254) errors.Add("email", "at most 254 characters");
  if (password.empty()) errors.Add("password", "required");
  if (password.size() > kMaxPasswordBytes) errors.Add("password", "at most 1024 bytes");
  if (one_time_code.size() > kMaxCodeBytes) errors.Add("one_time_code", "at most 64 characters");
  CIM_RETURN_IF_ERROR(errors.ToStatus());

  bool code_refused = false;
  absl::StatusOr<LoginResult> result =
      StartSession(email, password, one_time_code, origin, code_refused);
  cim::v1::SignInOutcome outcome = cim::v1::SIGN_IN_OUTCOME_SIGNED_IN;
  if (code_refused) {
    outcome = cim::v1::SIGN_IN_OUTCOME_CODE_REFUSED;
  } else if (absl::IsUnauthenticated(result.status())) {
    outcome = cim::v1::SIGN_IN_OUTCOME_REFUSED;
  } else if (absl::IsResourceExhausted(result.status())) {
    outcome = cim::v1::SIGN_IN_OUTCOME_LOCKED_OUT;
  } else if (!result.ok()) {
    return result;  // nothing was decided (the database, say): nothing to record
  }
  CIM_RETURN_IF_ERROR(sign_ins_.RecordSignIn({.email = email,
                                              .outcome = outcome,
                                              .address = origin.address,
                                              .agent = origin.agent,
                                              .at = clock_.Now()}));
  return result;
}

absl::StatusOr<LoginResult> Authenticator::StartSession(const std::string& email,
                                                        absl::string_view password,
                                                        absl::string_view one_time_code,
                                                        const SignInOrigin& origin,
                                                        bool& code_refused) {
  CIM_ASSIGN_OR_RETURN(UserRecord record, CheckPasswordCounted(email, password));
  absl::StatusOr<Principal> principal = PrincipalFor(record.user);
  if (absl::IsUnauthenticated(principal.status())) {  // e.g. the partner is suspended
    return absl::UnauthenticatedError(kBadCredentials);
  }
  if (!principal.ok()) return principal.status();
  // The password is theirs: what follows (a code or recovery code used up, the new session) is
  // the signing-in user's own change on the audit trail.
  AuditActor actor = AuditScope::CurrentActor().value_or(AuditActor{.rpc = "Login"});
  actor.user_id = principal->user_id;
  actor.role = static_cast<int>(principal->role);
  actor.partner_id = principal->partner_id;
  AuditScope as_user(std::move(actor));
  // The failure counted for this attempt stays until the second step is passed too.
  bool two_step_enabled = false;
  CIM_RETURN_IF_ERROR(CheckSecondStep(record.user, one_time_code, code_refused, two_step_enabled));
  CIM_RETURN_IF_ERROR(throttle_.Clear(email));
  principal->two_step_setup_required = RequiresTwoStep(principal->role) && !two_step_enabled;

  const absl::Time now = clock_.Now();
  NewSecret secret = GenerateSecret(kSessionTokenPrefix);
  AccessTokenRecord token;
  token.user_id = principal->user_id;
  token.kind = TokenKind::kSession;
  token.address = origin.address;
  token.agent = origin.agent;
  token.created_at = now;
  token.expires_at = now + config_.session_ttl;
  CIM_ASSIGN_OR_RETURN(principal->token_id, tokens_.Insert(secret.hash, token));
  return LoginResult{std::move(secret.secret), token.expires_at, *std::move(principal)};
}

absl::StatusOr<Principal> Authenticator::Authenticate(absl::string_view bearer) {
  if (bearer.empty()) return absl::UnauthenticatedError("credentials required");
  const std::string hash = HashSecret(bearer);
  absl::StatusOr<Credential> credential;
  if (std::optional<Credential> cached = credentials_.Find(hash)) {
    credential = *std::move(cached);
  } else {
    const uint64_t generation = credentials_.generation();
    credential = tokens_.FindCredential(hash);
    if (absl::IsNotFound(credential.status())) return absl::UnauthenticatedError(kBadToken);
    if (!credential.ok()) return credential.status();
    credentials_.Put(hash, *credential, generation);
  }
  const AccessTokenRecord& token = credential->token;
  const User& user = credential->user;
  if (token.revoked_at.has_value() || clock_.Now() >= token.expires_at ||
      user.status() != cim::v1::USER_STATUS_ACTIVE) {
    return absl::UnauthenticatedError(kBadToken);
  }
  // API keys are for service accounts, sessions for people; anything else is refused.
  const bool service = user.role() == cim::v1::ROLE_SERVICE_ACCOUNT;
  if (service != (token.kind == TokenKind::kApiKey)) {
    return absl::UnauthenticatedError(kBadToken);
  }
  Principal principal = PrincipalOfUser(user);
  // Partner roles always act for a partner: a partner user without one reads nothing.
  if (IsPartnerRole(principal.role) && principal.partner_id == 0) {
    return absl::UnauthenticatedError(kBadToken);
  }
  if (principal.partner_id != 0) {
    if (!credential->partner.has_value() ||
        credential->partner->status() != cim::v1::PARTNER_STATUS_ACTIVE) {
      return absl::UnauthenticatedError(kBadToken);
    }
    principal.partner_name = credential->partner->name();
  }
  principal.token_id = token.id;
  principal.two_step_setup_required =
      RequiresTwoStep(principal.role) && !credential->two_step_enabled;
  return principal;
}

absl::StatusOr<Principal> Authenticator::PrincipalFor(const User& user) {
  if (user.status() != cim::v1::USER_STATUS_ACTIVE) return absl::UnauthenticatedError(kBadToken);
  Principal principal = PrincipalOfUser(user);
  if (principal.partner_id != 0) {
    CIM_ASSIGN_OR_RETURN(Partner partner, partners_.Get(principal.partner_id));
    if (partner.status() != cim::v1::PARTNER_STATUS_ACTIVE) {
      return absl::UnauthenticatedError(kBadToken);
    }
    principal.partner_name = partner.name();
  }
  return principal;
}

absl::Status Authenticator::Logout(const Principal& principal) {
  CIM_RETURN_IF_ERROR(tokens_.Revoke(principal.token_id, clock_.Now()));
  credentials_.Clear();
  return absl::OkStatus();
}

absl::StatusOr<IssuedApiKey> Authenticator::IssueApiKey(const Principal& caller, int64_t user_id,
                                                        absl::string_view description,
                                                        int ttl_days) {
  CIM_RETURN_IF_ERROR(RequireRole(caller, {cim::v1::ROLE_PROGRAM_ADMIN}));
  FieldErrors errors;
  if (user_id <= 0) errors.Add("user_id", "required");
  const std::string desc(absl::StripAsciiWhitespace(description));
  if (desc.empty()) errors.Add("description", "required");
  if (desc.size() > 200) errors.Add("description", "at most 200 characters");
  if (ttl_days < 0 || ttl_days > kMaxApiKeyDays) {
    errors.Add("ttl_days", Phrase("error.api_key_days")
                               .Count("max", kMaxApiKeyDays)
                               .Count("default", kDefaultApiKeyDays));
  }
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(UserRecord user, users_.Get(user_id));
  if (user.user.role() != cim::v1::ROLE_SERVICE_ACCOUNT) {
    return absl::FailedPreconditionError(
        Phrase("error.not_service_account").Text("user", absl::StrCat(user_id)).str());
  }
  if (user.user.status() != cim::v1::USER_STATUS_ACTIVE) {
    return absl::FailedPreconditionError(
        Phrase("error.service_account_disabled").Text("user", absl::StrCat(user_id)).str());
  }
  const absl::Time now = clock_.Now();
  NewSecret secret = GenerateSecret(kApiKeyPrefix);
  AccessTokenRecord token;
  token.user_id = user_id;
  token.kind = TokenKind::kApiKey;
  token.description = desc;
  token.created_at = now;
  token.expires_at = now + absl::Hours(24) * (ttl_days == 0 ? kDefaultApiKeyDays : ttl_days);
  CIM_ASSIGN_OR_RETURN(int64_t id, tokens_.Insert(secret.hash, token));
  return IssuedApiKey{id, std::move(secret.secret), token.expires_at};
}

absl::StatusOr<cim::v1::ListApiKeysResponse> Authenticator::ListApiKeys(
    const Principal& caller, const cim::v1::ListApiKeysRequest& request) {
  CIM_RETURN_IF_ERROR(RequireRole(caller, {cim::v1::ROLE_PROGRAM_ADMIN}));
  FieldErrors errors;
  const int page_size = PageSize(request.page_size(), errors);
  if (request.user_id() < 0) errors.Add("user_id", "must not be negative");
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(const int64_t before, DecodePageToken(request));
  CIM_ASSIGN_OR_RETURN(std::vector<AccessTokenRecord> keys,
                       tokens_.ListApiKeys(request.user_id(), before, page_size + 1));
  std::vector<cim::v1::ApiKey> rows;
  for (const AccessTokenRecord& key : keys) {
    cim::v1::ApiKey& out = rows.emplace_back();
    out.set_id(key.id);
    out.set_user_id(key.user_id);
    out.set_description(key.description);
    SetTimestamp(key.created_at, out.mutable_create_time());
    SetTimestamp(key.expires_at, out.mutable_expire_time());
    if (key.revoked_at) SetTimestamp(*key.revoked_at, out.mutable_revoke_time());
  }
  cim::v1::ListApiKeysResponse response;
  response.set_next_page_token(
      FillPage(std::move(rows), page_size, response.mutable_api_keys(), request));
  return response;
}

absl::Status Authenticator::RevokeApiKey(const Principal& caller, int64_t key_id) {
  CIM_RETURN_IF_ERROR(RequireRole(caller, {cim::v1::ROLE_PROGRAM_ADMIN}));
  if (key_id <= 0) {
    FieldErrors errors;
    errors.Add("key_id", "required");
    return errors.ToStatus();
  }
  CIM_ASSIGN_OR_RETURN(AccessTokenRecord token, tokens_.Get(key_id));
  if (token.kind != TokenKind::kApiKey) {
    return NotFoundError("api_key", key_id);
  }
  CIM_RETURN_IF_ERROR(tokens_.Revoke(key_id, clock_.Now()));
  credentials_.Clear();
  return absl::OkStatus();
}

}  // namespace cim
