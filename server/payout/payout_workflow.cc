#include "server/payout/payout_workflow.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "lib/csv.h"
#include "lib/dates.h"
#include "lib/messages.h"
#include "lib/pagination.h"
#include "lib/phrase.h"
#include "lib/status_util.h"
#include "lib/text_field.h"

namespace cim {
namespace {

std::string KindName(cim::v1::LedgerEntryKind kind) {
  return absl::AsciiStrToLower(
      WithoutPrefix(cim::v1::LedgerEntryKind_Name(kind), "LEDGER_ENTRY_KIND_"));
}

}  // namespace

absl::StatusOr<PayoutRun> PayoutWorkflow::CreateRun(
    const Principal& caller, const cim::v1::CreatePayoutRunRequest& request) {
  CIM_RETURN_IF_ERROR(RequireRole(caller, {cim::v1::ROLE_FINANCE}));
  FieldErrors errors;
  absl::StatusOr<absl::CivilDay> first = ParseDate(request.period_start());
  absl::StatusOr<absl::CivilDay> last = ParseDate(request.period_end());
  if (!first.ok()) errors.Add("period_start", std::string(first.status().message()));
  if (!last.ok()) errors.Add("period_end", std::string(last.status().message()));
  if (first.ok() && last.ok() && *last < *first) {
    errors.Add("period_end", "must not be before period_start");
  }
  if (last.ok() && *last >= DayOf(clock_.Now())) {
    errors.Add("period_end", "must be a day that has ended (before today, UTC)");
  }
  ValidateIdempotencyKey(request.idempotency_key(), errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(PayoutRun run,
                       payouts_.CreateRun({.period_start = *first,
                                           .period_end = *last,
                                           .idempotency_key = request.idempotency_key(),
                                           .created_by = caller.user_id},
                                          clock_.Now()));
  // A retry answers its run; the same key for another period is refused, as for claims.
  if (run.period_start() != request.period_start() || run.period_end() != request.period_end()) {
    return absl::AlreadyExistsError(Phrase("error.payout_run_key_reused")
                                        .Text("key", request.idempotency_key())
                                        .Text("run", absl::StrCat(run.id()))
                                        .Day("from", *ParseDate(run.period_start()))
                                        .Day("to", *ParseDate(run.period_end()))
                                        .str());
  }
  return run;
}

absl::StatusOr<cim::v1::ListStatementsResponse> PayoutWorkflow::List(
    const Principal& caller, const cim::v1::ListStatementsRequest& request) {
  FieldErrors errors;
  const int page_size = PageSize(request.page_size(), errors);
  if (!cim::v1::StatementStatus_IsValid(request.status())) errors.Add("status", "unknown");
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(const DateRange period,
                       ParseDateWindow(request.from_date(), request.to_date()));
  CIM_ASSIGN_OR_RETURN(int64_t before, DecodePageToken(request));
  StatementFilter filter{.status = request.status(),
                         .partner_id = request.partner_id(),
                         .payout_run_id = request.payout_run_id(),
                         .program_id = request.program_id(),
                         .period = period};
  if (!ReadsAllPartners(caller)) {
    CIM_RETURN_IF_ERROR(RequireRole(caller, {cim::v1::ROLE_PARTNER_ADMIN}));
  }
  CIM_ASSIGN_OR_RETURN(filter.partner_id, PartnerReadScope(caller, filter.partner_id));
  CIM_ASSIGN_OR_RETURN(std::vector<Statement> rows, payouts_.List(filter, before, page_size + 1));
  cim::v1::ListStatementsResponse response;
  response.set_next_page_token(
      FillPage(std::move(rows), page_size, response.mutable_statements(), request));
  return response;
}

absl::StatusOr<Statement> PayoutWorkflow::Get(const Principal& caller, int64_t statement_id) {
  if (statement_id <= 0) {
    FieldErrors errors;
    errors.Add("statement_id", "required");
    return errors.ToStatus();
  }
  if (!ReadsAllPartners(caller)) {
    CIM_RETURN_IF_ERROR(RequireRole(caller, {cim::v1::ROLE_PARTNER_ADMIN}));
  }
  CIM_ASSIGN_OR_RETURN(Statement statement, payouts_.Get(statement_id));
  CIM_RETURN_IF_ERROR(
      CheckPartnerReadable(caller, statement.partner_id(), "statement", statement_id));
  return statement;
}

absl::StatusOr<Statement> PayoutWorkflow::MarkPaid(
    const Principal& caller, const cim::v1::MarkStatementPaidRequest& request) {
  CIM_RETURN_IF_ERROR(RequireRole(caller, {cim::v1::ROLE_FINANCE}));
  FieldErrors errors;
  if (request.statement_id() <= 0) errors.Add("statement_id", "required");
  ValidateText(request.payment_reference(), "payment_reference", 1, 100, errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  return payouts_.MarkPaid(request.statement_id(), request.etag(), request.payment_reference(),
                           caller.user_id, clock_.Now());
}

absl::StatusOr<cim::v1::ExportStatementResponse> PayoutWorkflow::Export(const Principal& caller,
                                                                        int64_t statement_id) {
  CIM_ASSIGN_OR_RETURN(const Statement statement, Get(caller, statement_id));
  const Wording words(MessageCatalogs::Compiled(), caller.language);
  std::string csv;
  AppendCsvRow({"entry_id", "posted_utc", "kind", "program_id", "rule_id", "rules_version",
                "claim_id", "fund_request_id", "amount", "currency", "basis"},
               csv);
  for (const cim::v1::LedgerEntry& e : statement.entries()) {
    AppendCsvRow(
        {CsvNumber(absl::StrCat(e.id())),
         CsvText(absl::FormatTime("%Y-%m-%d %H:%M:%S",
                                  absl::FromUnixSeconds(e.create_time().seconds()),
                                  absl::UTCTimeZone())),
         CsvText(KindName(e.kind())), CsvNumber(absl::StrCat(e.program_id())), CsvText(e.rule_id()),
         CsvNumber(absl::StrCat(e.rules_version())), CsvNumber(absl::StrCat(e.claim_id())),
         CsvNumber(absl::StrCat(e.fund_request_id())), CsvNumber(e.amount()), CsvText(e.unit()),
         CsvText(words.Render(e.basis()))},
        csv);
  }
  AppendCsvRow({"", "", CsvText("total"), "", "", "", "", "", CsvNumber(statement.total()),
                CsvText(statement.currency_code()),
                CsvText(absl::StrCat(statement.partner_name(), ", ", statement.period_start(),
                                     " to ", statement.period_end()))},
               csv);
  cim::v1::ExportStatementResponse response;
  response.set_filename(
      absl::StrCat("statement-", statement.id(), "-", statement.period_end(), ".csv"));
  response.set_content_type("text/csv; charset=utf-8");
  response.set_csv(std::move(csv));
  return response;
}

}  // namespace cim
