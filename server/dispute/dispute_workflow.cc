#include "server/dispute/dispute_workflow.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "lib/pagination.h"
#include "lib/phrase.h"
#include "lib/status_util.h"
#include "lib/text_field.h"
#include "server/dispute/dispute_rules.h"

namespace cim {
namespace {

void ValidateAttachments(const google::protobuf::RepeatedField<int64_t>& ids, FieldErrors& errors) {
  if (ids.size() > kMaxDisputeAttachments) {
    errors.Add("attachment_ids",
               Phrase("error.at_most_files").Count("max", kMaxDisputeAttachments));
  }
  for (int i = 0; i < ids.size(); ++i) {
    if (ids[i] <= 0) errors.Add(absl::StrCat("attachment_ids[", i, "]"), "not an attachment id");
  }
}

std::string Trimmed(absl::string_view text) {
  return std::string(absl::StripAsciiWhitespace(text));
}

}  // namespace

absl::Status DisputeWorkflow::CheckReadable(const Principal& caller, const Dispute& dispute) {
  CIM_RETURN_IF_ERROR(CheckPartnerReadable(caller, dispute.partner_id(), "dispute", dispute.id()));
  if (caller.role == cim::v1::ROLE_PARTNER_REP && dispute.opened_by_user_id() != caller.user_id) {
    return NotFoundError("dispute", dispute.id());
  }
  return absl::OkStatus();
}

absl::StatusOr<int64_t> DisputeWorkflow::CheckSubject(const Principal& caller,
                                                      const DisputeSubject& subject) {
  if (subject.kind() == cim::v1::DISPUTE_SUBJECT_KIND_MISSING_REWARD) {
    // A reward can only be missing from a program the partner is in.
    const absl::Status enrolled =
        programs_.GetEnrollment(subject.program_id(), caller.partner_id).status();
    if (absl::IsNotFound(enrolled)) {
      return NotFoundError("program", subject.program_id());
    }
    CIM_RETURN_IF_ERROR(enrolled);
    return subject.program_id();
  }
  CIM_ASSIGN_OR_RETURN(const SubjectOwner owner, disputes_.FindSubject(subject));
  const auto not_found = [&]() -> absl::Status {
    switch (subject.kind()) {
      case cim::v1::DISPUTE_SUBJECT_KIND_CLAIM:
        return NotFoundError("claim", subject.claim_id());
      case cim::v1::DISPUTE_SUBJECT_KIND_REWARD:
        return NotFoundError("ledger_entry", subject.entry_id());
      default:
        return StatementLineNotFound(subject.statement_id(), subject.entry_id());
    }
  };
  // The one partner read rule; a rep reads only their own ledger entries (as the ledger shows
  // them).
  if (!CheckPartnerReadable(caller, owner.partner_id, "subject", 0).ok()) return not_found();
  if (subject.kind() == cim::v1::DISPUTE_SUBJECT_KIND_REWARD &&
      caller.role == cim::v1::ROLE_PARTNER_REP && owner.user_id != caller.user_id) {
    return not_found();
  }
  return owner.program_id;
}

Dispute DisputeWorkflow::Aged(Dispute dispute) const {
  dispute.set_age_seconds(AgeSeconds(dispute, clock_.Now()));
  return dispute;
}

absl::StatusOr<Dispute> DisputeWorkflow::Open(const Principal& caller,
                                              const cim::v1::OpenDisputeRequest& request) {
  CIM_RETURN_IF_ERROR(
      RequireRole(caller, {cim::v1::ROLE_PARTNER_REP, cim::v1::ROLE_PARTNER_ADMIN}));
  FieldErrors errors;
  ValidateIdempotencyKey(request.idempotency_key(), errors);
  ValidateSubject(request.subject(), "subject", errors);
  ValidateText(request.message(), "message", 1, 5000, errors);
  ValidateAttachments(request.attachment_ids(), errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(const int64_t program_id, CheckSubject(caller, request.subject()));
  NewDispute dispute{.partner_id = caller.partner_id,
                     .opened_by = caller.user_id,
                     .idempotency_key = request.idempotency_key(),
                     .subject = request.subject(),
                     .program_id = program_id,
                     .message = {.author_id = caller.user_id,
                                 .from_vendor = false,
                                 .body = Trimmed(request.message()),
                                 .attachment_ids = {request.attachment_ids().begin(),
                                                    request.attachment_ids().end()}}};
  dispute.subject.set_expected(Trimmed(request.subject().expected()));
  dispute.subject.set_program_id(0);
  CIM_ASSIGN_OR_RETURN(Dispute stored, disputes_.Open(dispute, clock_.Now()));
  // A retry answers its dispute; the same key with another question is refused, as for claims.
  const cim::v1::DisputeSubject& was = stored.subject();
  const bool same =
      was.kind() == dispute.subject.kind() && was.claim_id() == dispute.subject.claim_id() &&
      was.entry_id() == dispute.subject.entry_id() &&
      was.statement_id() == dispute.subject.statement_id() &&
      was.expected() == dispute.subject.expected() && stored.program_id() == program_id &&
      stored.thread_size() > 0 && stored.thread(0).body() == dispute.message.body;
  if (!same) {
    return absl::AlreadyExistsError(Phrase("error.dispute_key_reused")
                                        .Text("key", request.idempotency_key())
                                        .Text("dispute", absl::StrCat(stored.id()))
                                        .str());
  }
  return Aged(std::move(stored));
}

absl::StatusOr<Dispute> DisputeWorkflow::Get(const Principal& caller, int64_t dispute_id) {
  CIM_RETURN_IF_ERROR(RequireId(dispute_id, "dispute_id"));
  CIM_ASSIGN_OR_RETURN(Dispute dispute, disputes_.Get(dispute_id));
  CIM_RETURN_IF_ERROR(CheckReadable(caller, dispute));
  return Aged(std::move(dispute));
}

absl::StatusOr<cim::v1::ListDisputesResponse> DisputeWorkflow::List(
    const Principal& caller, const cim::v1::ListDisputesRequest& request) {
  FieldErrors errors;
  const int page_size = PageSize(request.page_size(), errors);
  if (!cim::v1::DisputeState_IsValid(request.state())) errors.Add("state", "unknown");
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(const int64_t after, DecodePageToken(request));
  DisputeFilter filter{.state = request.state(), .program_id = request.program_id()};
  CIM_ASSIGN_OR_RETURN(filter.partner_id, PartnerReadScope(caller, request.partner_id()));
  if (caller.role == cim::v1::ROLE_PARTNER_REP) filter.opened_by = caller.user_id;
  filter.oldest_first = ReadsAllPartners(caller);
  CIM_ASSIGN_OR_RETURN(std::vector<Dispute> rows, disputes_.List(filter, after, page_size + 1));
  for (Dispute& d : rows) d = Aged(std::move(d));
  cim::v1::ListDisputesResponse response;
  response.set_next_page_token(
      FillPage(std::move(rows), page_size, response.mutable_disputes(), request));
  return response;
}

absl::StatusOr<Dispute> DisputeWorkflow::PostMessage(
    const Principal& caller, const cim::v1::PostDisputeMessageRequest& request) {
  const bool vendor = IsVendorRole(caller.role);
  if (!vendor) {
    CIM_RETURN_IF_ERROR(
        RequireRole(caller, {cim::v1::ROLE_PARTNER_REP, cim::v1::ROLE_PARTNER_ADMIN}));
  }
  FieldErrors errors;
  if (request.dispute_id() <= 0) errors.Add("dispute_id", "required");
  ValidateText(request.body(), "body", 1, 5000, errors);
  ValidateAttachments(request.attachment_ids(), errors);
  if (vendor && !request.attachment_ids().empty()) {
    errors.Add("attachment_ids", "only the partner's users attach proof");
  }
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_RETURN_IF_ERROR(Get(caller, request.dispute_id()).status());
  NewDisputeMessage message{
      .author_id = caller.user_id,
      .from_vendor = vendor,
      .body = Trimmed(request.body()),
      .attachment_ids = {request.attachment_ids().begin(), request.attachment_ids().end()}};
  CIM_ASSIGN_OR_RETURN(
      Dispute changed,
      disputes_.Change(request.dispute_id(), caller.user_id, clock_.Now(),
                       [&](const Dispute& current) -> absl::StatusOr<DisputeChange> {
                         CIM_ASSIGN_OR_RETURN(
                             DisputeState to,
                             NextDisputeState(current.state(), DisputeAction::kPostMessage));
                         return DisputeChange{.to = to, .message = message};
                       }));
  return Aged(std::move(changed));
}

absl::StatusOr<Dispute> DisputeWorkflow::Resolve(const Principal& caller,
                                                 const cim::v1::ResolveDisputeRequest& request) {
  CIM_RETURN_IF_ERROR(RequireRole(
      caller, {cim::v1::ROLE_CHANNEL_MANAGER, cim::v1::ROLE_PROGRAM_ADMIN, cim::v1::ROLE_FINANCE}));
  FieldErrors errors;
  if (request.dispute_id() <= 0) errors.Add("dispute_id", "required");
  switch (request.outcome_case()) {
    case cim::v1::ResolveDisputeRequest::kRefusal:
      ValidateText(request.refusal().reason(), "refusal.reason", 1, 2000, errors);
      break;
    case cim::v1::ResolveDisputeRequest::kAdjustment:
      if (request.adjustment().program_id() < 0) {
        errors.Add("adjustment.program_id", "not a program id");
      }
      break;
    default:
      errors.Add("outcome", "an adjustment or a refusal");
  }
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(const Dispute read, disputes_.Get(request.dispute_id()));
  const bool adjust = request.has_adjustment();
  cim::v1::Program program;
  if (adjust) {
    const int64_t program_id = request.adjustment().program_id() != 0
                                   ? request.adjustment().program_id()
                                   : read.program_id();
    absl::StatusOr<cim::v1::Program> found =
        program_id > 0 ? programs_.Get(program_id)
                       : absl::StatusOr<cim::v1::Program>(absl::NotFoundError("none"));
    if (absl::IsNotFound(found.status())) {
      if (program_id > 0) {
        errors.Add("adjustment.program_id",
                   Phrase("error.unknown_program").Text("program", absl::StrCat(program_id)));
      } else {
        errors.Add("adjustment.program_id", "required: the dispute names no program");
      }
      return errors.ToStatus();
    }
    CIM_RETURN_IF_ERROR(found.status());
    program = *std::move(found);
  }
  const absl::Time now = clock_.Now();
  CIM_ASSIGN_OR_RETURN(
      Dispute changed,
      disputes_.Change(
          request.dispute_id(), caller.user_id, now,
          [&](const Dispute& current) -> absl::StatusOr<DisputeChange> {
            if (!request.etag().empty() && request.etag() != current.etag()) {
              return absl::AbortedError("the dispute changed since you read it; reload");
            }
            CIM_ASSIGN_OR_RETURN(
                DisputeState to,
                NextDisputeState(current.state(),
                                 adjust ? DisputeAction::kAdjust : DisputeAction::kRefuse));
            DisputeChange change{.to = to};
            if (!adjust) {
              change.resolution = Trimmed(request.refusal().reason());
              return change;
            }
            CIM_ASSIGN_OR_RETURN(
                LedgerPosting entry,
                AdjustmentPosting(current, request.adjustment(), program, caller.user_id, now));
            change.resolution = Trimmed(request.adjustment().explanation());
            // Money draws on the program's budget exactly as a reward does; points do not.
            if (entry.account == cim::v1::LEDGER_ACCOUNT_PAYABLE) change.budget_draw = entry.amount;
            change.adjustment = std::move(entry);
            return change;
          }));
  return Aged(std::move(changed));
}

absl::StatusOr<Dispute> DisputeWorkflow::Withdraw(const Principal& caller,
                                                  const cim::v1::WithdrawDisputeRequest& request) {
  CIM_RETURN_IF_ERROR(
      RequireRole(caller, {cim::v1::ROLE_PARTNER_REP, cim::v1::ROLE_PARTNER_ADMIN}));
  FieldErrors errors;
  if (request.dispute_id() <= 0) errors.Add("dispute_id", "required");
  ValidateText(request.reason(), "reason", 0, 2000, errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_RETURN_IF_ERROR(Get(caller, request.dispute_id()).status());
  CIM_ASSIGN_OR_RETURN(
      Dispute changed,
      disputes_.Change(request.dispute_id(), caller.user_id, clock_.Now(),
                       [&](const Dispute& current) -> absl::StatusOr<DisputeChange> {
                         CIM_ASSIGN_OR_RETURN(
                             DisputeState to,
                             NextDisputeState(current.state(), DisputeAction::kWithdraw));
                         return DisputeChange{.to = to, .resolution = Trimmed(request.reason())};
                       }));
  return Aged(std::move(changed));
}

}  // namespace cim
