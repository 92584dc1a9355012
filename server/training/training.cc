#include "server/training/training.h"

#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "lib/pagination.h"
#include "lib/phrase.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "lib/text_field.h"
#include "lib/update_mask.h"
#include "server/training/training_rules.h"

namespace cim {

absl::StatusOr<cim::v1::TrainingModule> Training::CreateTrainingModule(
    const Principal& caller, const cim::v1::CreateTrainingModuleRequest& request) {
  CIM_RETURN_IF_ERROR(RequireRole(caller, {cim::v1::ROLE_PROGRAM_ADMIN}));
  FieldErrors errors;
  const cim::v1::TrainingModule& module = request.training_module();
  ValidateTrainingModule(module, "training_module.", errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  absl::StatusOr<cim::v1::TrainingModule> created =
      repository_.InsertTrainingModule(module, caller.user_id, clock_.Now());
  if (absl::IsAlreadyExists(created.status())) {
    return absl::AlreadyExistsError(
        Phrase("error.module_exists").Text("title", module.title()).str());
  }
  return created;
}

absl::StatusOr<cim::v1::TrainingModule> Training::UpdateTrainingModule(
    const Principal& caller, const cim::v1::UpdateTrainingModuleRequest& request) {
  CIM_RETURN_IF_ERROR(RequireRole(caller, {cim::v1::ROLE_PROGRAM_ADMIN}));
  const cim::v1::TrainingModule& update = request.training_module();
  FieldErrors errors;
  if (update.id() <= 0) errors.Add("training_module.id", "required");
  RequireMaskPaths(request.update_mask(), errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  // Without an etag the change applies to the module as it is: a concurrent edit between the
  // read and the write (ABORTED) is read again, up to kAttempts times.
  constexpr int kAttempts = 3;
  absl::StatusOr<cim::v1::TrainingModule> updated;
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    CIM_ASSIGN_OR_RETURN(cim::v1::TrainingModule module,
                         repository_.GetTrainingModule(update.id()));
    if (!update.etag().empty() && update.etag() != module.etag()) {
      return ChangedSinceReadError("training_module", update.id());
    }
    int64_t version = 0;
    if (!absl::SimpleAtoi(module.etag(), &version)) {
      return absl::InternalError("a training module's etag is not its row version");
    }
    ApplyTrainingModuleUpdate(update, request.update_mask(), module);
    ValidateTrainingModule(module, "training_module.", errors);
    CIM_RETURN_IF_ERROR(errors.ToStatus());
    updated = repository_.UpdateTrainingModule(module, version);
    if (absl::IsAlreadyExists(updated.status())) {
      return absl::AlreadyExistsError(
          Phrase("error.module_exists").Text("title", module.title()).str());
    }
    if (!absl::IsAborted(updated.status()) || !update.etag().empty()) return updated;
  }
  return updated;
}

absl::StatusOr<cim::v1::ListTrainingModulesResponse> Training::ListTrainingModules(
    const Principal& caller, const cim::v1::ListTrainingModulesRequest& request) {
  FieldErrors errors;
  const int page_size = PageSize(request.page_size(), errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(int64_t after, DecodePageToken(request));
  // Partner users never see archived modules, whatever they ask.
  const bool include_archived = request.include_archived() && IsVendorRole(caller.role);
  CIM_ASSIGN_OR_RETURN(std::vector<cim::v1::TrainingModule> rows,
                       repository_.ListTrainingModules(after, page_size + 1, include_archived));
  cim::v1::ListTrainingModulesResponse out;
  out.set_next_page_token(
      FillPage(std::move(rows), page_size, out.mutable_training_modules(), request));
  std::vector<int64_t> ids;
  for (cim::v1::TrainingModule& module : *out.mutable_training_modules()) {
    if (caller.role != cim::v1::ROLE_PROGRAM_ADMIN) HideQuizAnswers(module);
    ids.push_back(module.id());
  }
  if (caller.role != cim::v1::ROLE_SERVICE_ACCOUNT && !ids.empty()) {
    CIM_ASSIGN_OR_RETURN(auto completed, repository_.LastCompletionTimes(caller.user_id, ids));
    for (cim::v1::TrainingModule& module : *out.mutable_training_modules()) {
      const auto it = completed.find(module.id());
      if (it != completed.end()) SetTimestamp(it->second, module.mutable_my_last_completion_time());
    }
  }
  return out;
}

absl::StatusOr<cim::v1::TrainingCompletion> Training::CompleteTraining(
    const Principal& caller, const cim::v1::CompleteTrainingRequest& request) {
  FieldErrors errors;
  if (request.module_id() <= 0) errors.Add("module_id", "required");
  int64_t user_id = caller.user_id;
  const bool lms = caller.role == cim::v1::ROLE_SERVICE_ACCOUNT;
  if (lms) {
    if (request.user_id() <= 0) errors.Add("user_id", "required: whose completion this is");
    if (!IsPrintableKey(request.external_completion_id(), 1, 100)) {
      errors.Add("external_completion_id", "1 to 100 printable characters, the LMS's id");
    }
    if (request.quiz_score() < 0 || request.quiz_score() > 100) {
      errors.Add("quiz_score", "0 to 100");
    }
    if (!request.quiz_answers().empty()) {
      errors.Add("quiz_answers", "only for partner users taking the quiz in the portal");
    }
    user_id = request.user_id();
  } else if (IsPartnerRole(caller.role)) {
    if (request.user_id() != 0 && request.user_id() != caller.user_id) {
      return absl::PermissionDeniedError("users record only their own training");
    }
    if (!request.external_completion_id().empty()) {
      errors.Add("external_completion_id", "only for completions an LMS records");
    }
    if (request.quiz_score() != 0) {
      // A score a user reports for themselves proves nothing: the server grades the answers.
      errors.Add("quiz_score", "only an LMS reports a score; answer the quiz in quiz_answers");
    }
  } else {
    return absl::PermissionDeniedError(
        "training is completed by partner users (or recorded by an LMS service account)");
  }
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  // RecordCompletion refuses (ABORTED) a module edited since it was read here, so the points,
  // quiz and validity of an edit committed meanwhile apply: read it again and start over.
  constexpr int kAttempts = 3;
  absl::Status aborted;
  std::string read_etag;
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    CIM_ASSIGN_OR_RETURN(const cim::v1::TrainingModule module,
                         repository_.GetTrainingModule(request.module_id()));
    // Unchanged: aborted for another reason (a lock wait timed out), which the caller retries.
    if (attempt > 0 && module.etag() == read_etag) break;
    read_etag = module.etag();
    absl::StatusOr<cim::v1::TrainingCompletion> done =
        CompleteModule(caller, request, module, user_id);
    if (!absl::IsAborted(done.status())) return done;
    aborted = done.status();
  }
  return aborted;
}

absl::StatusOr<cim::v1::TrainingCompletion> Training::CompleteModule(
    const Principal& caller, const cim::v1::CompleteTrainingRequest& request,
    const cim::v1::TrainingModule& module, int64_t user_id) {
  FieldErrors errors;
  const bool lms = caller.role == cim::v1::ROLE_SERVICE_ACCOUNT;
  int quiz_score = request.quiz_score();
  if (!lms) {
    // An LMS may repeat a completion it recorded before the module was archived: the store
    // checks for it (RecordCompletion), after looking the repeat up.
    CIM_RETURN_IF_ERROR(CheckModuleOpen(module));
    if (!module.certification_code().empty()) {
      // Certifications open programs that pay: only the LMS vouches for them.
      return absl::FailedPreconditionError(
          "this module grants a certification: its completions are recorded by the LMS");
    }
    if (module.pass_mark() > 0 && module.quiz_questions().empty()) {
      return absl::FailedPreconditionError(
          "this module's quiz is taken in the LMS, which records the completion");
    }
    ValidateQuizAnswers(module, request.quiz_answers(), errors);
    CIM_RETURN_IF_ERROR(errors.ToStatus());
    if (!module.quiz_questions().empty()) {
      const absl::Time now = clock_.Now();
      CIM_ASSIGN_OR_RETURN(
          std::vector<absl::Time> failures,
          repository_.QuizFailuresSince(user_id, module.id(), now - kQuizFailureWindow));
      CIM_RETURN_IF_ERROR(CheckQuizAttemptAllowed(failures, now));
      quiz_score = GradeQuiz(module, request.quiz_answers());
      if (absl::Status passed = CheckQuizScore(module, quiz_score); !passed.ok()) {
        CIM_RETURN_IF_ERROR(repository_.RecordQuizFailure(user_id, module.id(), quiz_score, now));
        return passed;
      }
    }
  }
  CIM_RETURN_IF_ERROR(CheckQuizScore(module, quiz_score));
  int64_t partner_id = caller.partner_id;
  if (lms) {
    absl::StatusOr<UserRecord> user = users_.Get(user_id);
    if (absl::IsNotFound(user.status()) ||
        (user.ok() &&
         (user->user.partner_id() == 0 || user->user.status() != cim::v1::USER_STATUS_ACTIVE))) {
      errors.Add("user_id", "no such active partner user");
      return errors.ToStatus();
    }
    CIM_RETURN_IF_ERROR(user.status());
    partner_id = user->user.partner_id();
  }
  const absl::Time now = clock_.Now();
  NewCompletion completion{.module = module,
                           .user_id = user_id,
                           .partner_id = partner_id,
                           .quiz_score = quiz_score,
                           .recorded_by = caller.user_id,
                           .external_completion_id = request.external_completion_id(),
                           .now = now};
  if (!module.certification_code().empty()) {
    completion.certification_expiry = CertificationExpiry(now, module.certification_valid_months());
  }
  return repository_.RecordCompletion(completion);
}

absl::StatusOr<cim::v1::ListCertificationsResponse> Training::ListCertifications(
    const Principal& caller, const cim::v1::ListCertificationsRequest& request) {
  FieldErrors errors;
  if (request.user_id() < 0) errors.Add("user_id", "a user id, or 0");
  if (request.partner_id() < 0) errors.Add("partner_id", "a partner id, or 0");
  if (request.expiring_within_days() < 0 || request.expiring_within_days() > 3650) {
    errors.Add("expiring_within_days", "1 to 3,650, or 0 for all");
  }
  const int page_size = PageSize(request.page_size(), errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  // Pages are counted from the start (certifications are ordered by expiry, not by id).
  CIM_ASSIGN_OR_RETURN(int64_t offset, DecodePageToken(request));
  CertificationFilter filter{.user_id = request.user_id(), .partner_id = request.partner_id()};
  CIM_ASSIGN_OR_RETURN(filter.partner_id, PartnerReadScope(caller, request.partner_id()));
  if (IsPartnerRole(caller.role)) {
    if (caller.role == cim::v1::ROLE_PARTNER_REP) {
      if (request.user_id() != 0 && request.user_id() != caller.user_id) {
        return absl::PermissionDeniedError("partner reps see only their own certifications");
      }
      filter.user_id = caller.user_id;
    }
  } else if (!ReadsAllPartners(caller)) {
    return absl::PermissionDeniedError("not allowed");
  }
  const absl::Time now = clock_.Now();
  if (!request.include_expired()) filter.valid_at = now;
  if (request.expiring_within_days() > 0) {
    filter.expiring_before = now + absl::Hours(24) * request.expiring_within_days();
  }
  CIM_ASSIGN_OR_RETURN(std::vector<cim::v1::Certification> rows,
                       repository_.ListCertifications(filter, offset, page_size + 1));
  cim::v1::ListCertificationsResponse out;
  if (static_cast<int>(rows.size()) > page_size) {
    rows.resize(page_size);
    out.set_next_page_token(EncodePageToken(offset + page_size, request));
  }
  for (cim::v1::Certification& c : rows) *out.add_certifications() = std::move(c);
  return out;
}

}  // namespace cim
