#include "server/fund/fund_workflow.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "lib/dates.h"
#include "lib/decimal_field.h"
#include "lib/pagination.h"
#include "lib/phrase.h"
#include "lib/text_field.h"
#include "server/claim/claim_rules.h"
#include "server/identity/acting_partner.h"

namespace cim {
namespace {

constexpr char kVendorRefusal[] = "fund requests are made by partners";

using cim::v1::FundRequestStatus;
using cim::v1::Program;

std::string StatusName(FundRequestStatus status) {
  return WithoutPrefix(cim::v1::FundRequestStatus_Name(status), "FUND_REQUEST_STATUS_");
}

std::string FundName(cim::v1::LedgerAccount fund) {
  return fund == cim::v1::LEDGER_ACCOUNT_MDF_FUND ? "MDF" : "co-op";
}

// True if `program` has a rule that feeds `fund`.
bool HasFund(const Program& program, cim::v1::LedgerAccount fund) {
  return std::any_of(program.rules().begin(), program.rules().end(), [&](const auto& rule) {
    return fund == cim::v1::LEDGER_ACCOUNT_MDF_FUND ? rule.has_mdf_allocation()
                                                    : rule.has_coop_accrual();
  });
}

}  // namespace

absl::StatusOr<FundRequestStatus> NextFundStatus(FundRequestStatus from, FundAction action) {
  using cim::v1::FUND_REQUEST_STATUS_APPROVED;
  using cim::v1::FUND_REQUEST_STATUS_CLAIMED;
  using cim::v1::FUND_REQUEST_STATUS_SUBMITTED;
  FundRequestStatus to = cim::v1::FUND_REQUEST_STATUS_UNSPECIFIED;
  bool allowed = false;
  switch (action) {
    case FundAction::kApprove:
      to = FUND_REQUEST_STATUS_APPROVED;
      allowed = from == FUND_REQUEST_STATUS_SUBMITTED;
      break;
    case FundAction::kReject:
      to = cim::v1::FUND_REQUEST_STATUS_REJECTED;
      allowed = from == FUND_REQUEST_STATUS_SUBMITTED;
      break;
    case FundAction::kCancel:
      to = cim::v1::FUND_REQUEST_STATUS_CANCELLED;
      allowed = from == FUND_REQUEST_STATUS_SUBMITTED || from == FUND_REQUEST_STATUS_APPROVED;
      break;
    case FundAction::kSubmitReimbursement:
      to = FUND_REQUEST_STATUS_CLAIMED;
      allowed = from == FUND_REQUEST_STATUS_APPROVED;
      break;
    case FundAction::kApproveReimbursement:
      to = cim::v1::FUND_REQUEST_STATUS_REIMBURSED;
      allowed = from == FUND_REQUEST_STATUS_CLAIMED;
      break;
    case FundAction::kRejectReimbursement:
      to = FUND_REQUEST_STATUS_APPROVED;
      allowed = from == FUND_REQUEST_STATUS_CLAIMED;
      break;
  }
  if (!allowed) {
    return absl::FailedPreconditionError(Phrase("error.fund_request_transition")
                                             .Text("from", StatusName(from))
                                             .Text("to", StatusName(to))
                                             .str());
  }
  return to;
}

absl::StatusOr<cim::v1::ListFundsResponse> FundWorkflow::ListFunds(
    const Principal& caller, const cim::v1::ListFundsRequest& request) {
  int64_t partner_id = request.partner_id();
  CIM_ASSIGN_OR_RETURN(partner_id, PartnerReadScope(caller, partner_id));
  if (partner_id <= 0) {
    FieldErrors errors;
    errors.Add("partner_id", "required");
    return errors.ToStatus();
  }
  CIM_ASSIGN_OR_RETURN(std::vector<FundBalance> funds,
                       funds_.Balances(partner_id, request.program_id()));
  cim::v1::ListFundsResponse response;
  for (FundBalance& f : funds) *response.add_funds() = std::move(f);
  return response;
}

absl::StatusOr<FundRequest> FundWorkflow::Create(const Principal& caller, const FundRequest& in) {
  CIM_ASSIGN_OR_RETURN(
      const int64_t partner_id,
      ActingPartner(caller, in.partner_id(), "request.partner_id", kVendorRefusal, partners_));
  FieldErrors errors;
  if (in.program_id() <= 0) errors.Add("request.program_id", "required");
  if (in.fund() != cim::v1::LEDGER_ACCOUNT_COOP_FUND &&
      in.fund() != cim::v1::LEDGER_ACCOUNT_MDF_FUND) {
    errors.Add("request.fund", "LEDGER_ACCOUNT_COOP_FUND or LEDGER_ACCOUNT_MDF_FUND");
  }
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  absl::StatusOr<Program> program = programs_.Get(in.program_id());
  if (absl::IsNotFound(program.status())) {
    errors.Add("request.program_id",
               Phrase("error.unknown_program").Text("program", absl::StrCat(in.program_id())));
    return errors.ToStatus();
  }
  CIM_RETURN_IF_ERROR(program.status());
  absl::Status enrolled = programs_.GetEnrollment(program->id(), partner_id).status();
  if (absl::IsNotFound(enrolled)) {
    return absl::FailedPreconditionError(
        Phrase("error.not_enrolled").Text("program", program->name()).str());
  }
  CIM_RETURN_IF_ERROR(enrolled);
  if (!HasFund(*program, in.fund())) {
    return absl::FailedPreconditionError(Phrase("error.program_has_no_fund")
                                             .Text("program", program->name())
                                             .Text("fund", FundName(in.fund()))
                                             .str());
  }
  FundRequest request = in;
  request.set_partner_id(partner_id);
  request.set_activity(std::string(absl::StripAsciiWhitespace(in.activity())));
  ValidateText(request.activity(), "request.activity", 1, 200, errors);
  ValidateText(request.description(), "request.description", 0, 5000, errors);
  ParseDecimalField(request.planned_cost(), "request.planned_cost",
                    {.max_scale = StoredCurrencyScale(program->currency_code())}, errors);
  absl::StatusOr<absl::CivilDay> start = ParseDate(request.start_date());
  absl::StatusOr<absl::CivilDay> end = ParseDate(request.end_date());
  if (!start.ok()) errors.Add("request.start_date", std::string(start.status().message()));
  if (!end.ok()) errors.Add("request.end_date", std::string(end.status().message()));
  if (start.ok() && end.ok() && *end < *start) {
    errors.Add("request.end_date", "must not be before start_date");
  }
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  return funds_.Create(request, caller.user_id, clock_.Now());
}

absl::StatusOr<FundRequest> FundWorkflow::Get(const Principal& caller, int64_t id) {
  if (id <= 0) {
    FieldErrors errors;
    errors.Add("fund_request_id", "required");
    return errors.ToStatus();
  }
  CIM_ASSIGN_OR_RETURN(FundRequest request, funds_.Get(id));
  CIM_RETURN_IF_ERROR(CheckPartnerReadable(caller, request.partner_id(), "fund_request", id));
  return request;
}

absl::StatusOr<cim::v1::ListFundRequestsResponse> FundWorkflow::List(
    const Principal& caller, const cim::v1::ListFundRequestsRequest& request) {
  FieldErrors errors;
  const int page_size = PageSize(request.page_size(), errors);
  if (!cim::v1::FundRequestStatus_IsValid(request.status())) errors.Add("status", "unknown");
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(int64_t before, DecodePageToken(request));
  FundRequestFilter filter{.status = request.status(),
                           .program_id = request.program_id(),
                           .partner_id = request.partner_id()};
  CIM_ASSIGN_OR_RETURN(filter.partner_id, PartnerReadScope(caller, filter.partner_id));
  CIM_ASSIGN_OR_RETURN(std::vector<FundRequest> rows, funds_.List(filter, before, page_size + 1));
  cim::v1::ListFundRequestsResponse response;
  response.set_next_page_token(
      FillPage(std::move(rows), page_size, response.mutable_requests(), request));
  return response;
}

absl::StatusOr<FundRequest> FundWorkflow::Decide(const Principal& caller,
                                                 const cim::v1::DecideFundRequestRequest& in,
                                                 FundAction action) {
  const bool reviewer_action = action != FundAction::kCancel;
  if (reviewer_action) {
    CIM_RETURN_IF_ERROR(
        RequireRole(caller, {cim::v1::ROLE_CHANNEL_MANAGER, cim::v1::ROLE_PROGRAM_ADMIN}));
  }
  FieldErrors errors;
  if (in.fund_request_id() <= 0) errors.Add("fund_request_id", "required");
  const bool needs_reason =
      action == FundAction::kReject || action == FundAction::kRejectReimbursement;
  ValidateText(in.comment(), "comment", needs_reason ? 1 : 0, 2000, errors);
  if (!in.amount().empty() && action != FundAction::kApprove) {
    errors.Add("amount", "only for ApproveFundRequest");
  }
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  if (!reviewer_action) CIM_RETURN_IF_ERROR(Get(caller, in.fund_request_id()).status());
  const absl::Time now = clock_.Now();
  return funds_.Decide(
      in.fund_request_id(), caller.user_id, now,
      [&](const FundRequest& request, const Program& program,
          FundContext& context) -> absl::StatusOr<FundDecision> {
        if (!in.etag().empty() && in.etag() != request.etag()) {
          return absl::AbortedError("the fund request changed since you read it; reload");
        }
        if (reviewer_action) {
          CIM_RETURN_IF_ERROR(
              CheckMayReview(caller, request.partner_id(), request.requested_by_user_id()));
        } else {
          CIM_RETURN_IF_ERROR(ActingPartner(caller, request.partner_id(), "request.partner_id",
                                            kVendorRefusal, partners_)
                                  .status());
        }
        CIM_ASSIGN_OR_RETURN(FundRequestStatus to, NextFundStatus(request.status(), action));
        FundDecision decision{.to = to, .comment = in.comment()};
        const int scale = StoredCurrencyScale(program.currency_code());
        const Decimal planned = *Decimal::Parse(request.planned_cost());
        if (action == FundAction::kApprove) {
          Decimal amount = planned;
          if (!in.amount().empty()) {
            FieldErrors amount_errors;
            std::optional<Decimal> parsed = ParseDecimalField(
                in.amount(), "amount", {.max_scale = scale, .max = planned}, amount_errors);
            CIM_RETURN_IF_ERROR(amount_errors.ToStatus());
            amount = *parsed;
          }
          CIM_ASSIGN_OR_RETURN(FundPosition position, context.LockFund());
          if (amount > position.Available()) {
            return absl::FailedPreconditionError(
                Phrase("error.fund_short")
                    .Text("fund", FundName(request.fund()))
                    .Money("available", position.Available(), program.currency_code())
                    .Money("amount", amount, program.currency_code())
                    .str());
          }
          decision.approved_amount = amount;
        }
        if (action == FundAction::kApproveReimbursement) {
          CIM_ASSIGN_OR_RETURN(FundPosition position, context.LockFund());
          const Decimal approved = *Decimal::Parse(request.approved_amount());
          const Decimal actual = *Decimal::Parse(request.actual_cost());
          const Decimal balance = position.credited + position.debited;
          const Decimal amount = std::min({actual, approved, balance});
          if (amount.sign() <= 0) {
            return absl::FailedPreconditionError("the fund has nothing left to reimburse");
          }
          decision.reimbursed_amount = amount;
          const std::string basis = Phrase("ledger.fund_reimbursement")
                                        .Text("fund", FundName(request.fund()))
                                        .Text("activity", request.activity())
                                        .Money("amount", amount, program.currency_code())
                                        .Money("actual", actual, program.currency_code())
                                        .Money("approved", approved, program.currency_code());
          LedgerPosting out{.partner_id = request.partner_id(),
                            .user_id = request.requested_by_user_id(),
                            .program_id = program.id(),
                            .account = request.fund(),
                            .kind = cim::v1::LEDGER_ENTRY_KIND_REIMBURSEMENT,
                            .unit = program.currency_code(),
                            .amount = -amount,
                            .basis = basis,
                            .fund_request_id = request.id(),
                            .created_by = caller.user_id,
                            .created_at = now};
          LedgerPosting payable = out;
          payable.account = cim::v1::LEDGER_ACCOUNT_PAYABLE;
          payable.amount = amount;
          decision.postings = {out, payable};
        }
        return decision;
      });
}

absl::StatusOr<FundRequest> FundWorkflow::SubmitReimbursement(
    const Principal& caller, const cim::v1::SubmitReimbursementRequest& in) {
  CIM_ASSIGN_OR_RETURN(const FundRequest current, Get(caller, in.fund_request_id()));
  CIM_ASSIGN_OR_RETURN(
      const int64_t partner_id,
      ActingPartner(caller, current.partner_id(), "request.partner_id", kVendorRefusal, partners_));
  FieldErrors errors;
  const int scale = StoredCurrencyScale(current.currency_code());
  std::optional<Decimal> actual =
      ParseDecimalField(in.actual_cost(), "actual_cost", {.max_scale = scale}, errors);
  ValidateText(in.notes(), "notes", 0, 2000, errors);
  if (in.attachment_ids().empty() || in.attachment_ids_size() > kMaxClaimAttachments) {
    errors.Add("attachment_ids",
               Phrase("error.proof_attachments").Count("max", kMaxClaimAttachments));
  }
  for (int i = 0; i < in.attachment_ids_size(); ++i) {
    absl::StatusOr<Attachment> attachment = claims_.GetAttachment(in.attachment_ids(i));
    if (!attachment.ok() && !absl::IsNotFound(attachment.status())) return attachment.status();
    if (!attachment.ok() || attachment->partner_id() != partner_id || attachment->claim_id() != 0) {
      errors.Add(absl::StrCat("attachment_ids[", i, "]"),
                 Phrase("error.attachment_unusable")
                     .Text("attachment", absl::StrCat(in.attachment_ids(i))));
    }
  }
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  return funds_.Decide(
      current.id(), caller.user_id, clock_.Now(),
      [&](const FundRequest& request, const Program&,
          FundContext&) -> absl::StatusOr<FundDecision> {
        CIM_ASSIGN_OR_RETURN(FundRequestStatus to,
                             NextFundStatus(request.status(), FundAction::kSubmitReimbursement));
        return FundDecision{.to = to,
                            .actual_cost = actual,
                            .proof_notes = in.notes(),
                            .proof = {in.attachment_ids().begin(), in.attachment_ids().end()}};
      });
}

}  // namespace cim
