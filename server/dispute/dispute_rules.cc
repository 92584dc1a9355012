#include "server/dispute/dispute_rules.h"

#include <algorithm>
#include <optional>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "lib/decimal.h"
#include "lib/decimal_field.h"
#include "lib/phrase.h"
#include "lib/proto_time.h"
#include "lib/text_field.h"

namespace cim {

void ValidateSubject(const DisputeSubject& subject, const std::string& field, FieldErrors& errors) {
  const auto require = [&](int64_t id, const char* name) {
    if (id <= 0) errors.Add(absl::StrCat(field, ".", name), "required");
  };
  const auto refuse = [&](bool set, const char* name) {
    if (set) errors.Add(absl::StrCat(field, ".", name), "not for this kind of subject");
  };
  switch (subject.kind()) {
    case cim::v1::DISPUTE_SUBJECT_KIND_CLAIM:
      require(subject.claim_id(), "claim_id");
      refuse(subject.entry_id() != 0, "entry_id");
      refuse(subject.statement_id() != 0, "statement_id");
      refuse(!subject.expected().empty(), "expected");
      break;
    case cim::v1::DISPUTE_SUBJECT_KIND_REWARD:
      require(subject.entry_id(), "entry_id");
      refuse(subject.claim_id() != 0, "claim_id");
      refuse(subject.statement_id() != 0, "statement_id");
      refuse(!subject.expected().empty(), "expected");
      break;
    case cim::v1::DISPUTE_SUBJECT_KIND_MISSING_REWARD:
      require(subject.program_id(), "program_id");
      refuse(subject.entry_id() != 0, "entry_id");
      refuse(subject.statement_id() != 0, "statement_id");
      ValidateText(subject.expected(), absl::StrCat(field, ".expected"), 1, 500, errors);
      break;
    case cim::v1::DISPUTE_SUBJECT_KIND_STATEMENT_LINE:
      require(subject.statement_id(), "statement_id");
      require(subject.entry_id(), "entry_id");
      refuse(subject.claim_id() != 0, "claim_id");
      refuse(!subject.expected().empty(), "expected");
      break;
    default:
      errors.Add(absl::StrCat(field, ".kind"), "CLAIM, REWARD, MISSING_REWARD or STATEMENT_LINE");
  }
}

std::string DisputeStateName(DisputeState state) {
  return WithoutPrefix(cim::v1::DisputeState_Name(state), "DISPUTE_STATE_");
}

absl::StatusOr<DisputeState> NextDisputeState(DisputeState from, DisputeAction action) {
  if (from != cim::v1::DISPUTE_STATE_OPEN) {
    return absl::FailedPreconditionError(
        Phrase("error.dispute_not_open").Text("state", DisputeStateName(from)).str());
  }
  switch (action) {
    case DisputeAction::kPostMessage:
      return from;
    case DisputeAction::kAdjust:
      return cim::v1::DISPUTE_STATE_ADJUSTED;
    case DisputeAction::kRefuse:
      return cim::v1::DISPUTE_STATE_REFUSED;
    case DisputeAction::kWithdraw:
      return cim::v1::DISPUTE_STATE_WITHDRAWN;
  }
  return absl::InternalError("unknown dispute action");
}

absl::StatusOr<LedgerPosting> AdjustmentPosting(const Dispute& dispute,
                                                const cim::v1::DisputeAdjustment& adjustment,
                                                const cim::v1::Program& program, int64_t actor,
                                                absl::Time now) {
  FieldErrors errors;
  const bool points = adjustment.account() == cim::v1::LEDGER_ACCOUNT_POINTS;
  if (!points && adjustment.account() != cim::v1::LEDGER_ACCOUNT_PAYABLE) {
    errors.Add("adjustment.account", "LEDGER_ACCOUNT_PAYABLE or LEDGER_ACCOUNT_POINTS");
  }
  ValidateText(adjustment.explanation(), "adjustment.explanation", 1, 500, errors);
  // Amounts are taken to the stored precision, then rounded once by the house's rule.
  std::optional<Decimal> amount =
      ParseDecimalField(adjustment.amount(), "adjustment.amount", {.max_scale = 4}, errors);
  const int scale = points ? kPointsScale : StoredCurrencyScale(program.currency_code());
  Decimal rounded;
  if (amount) {
    rounded = amount->Rounded(scale);
    if (rounded.is_zero()) {
      errors.Add(
          "adjustment.amount",
          Phrase("error.rounds_to_zero").Text("unit", points ? "points" : program.currency_code()));
    }
  }
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  return LedgerPosting{
      .partner_id = dispute.partner_id(),
      .user_id = dispute.opened_by_user_id(),
      .program_id = program.id(),
      .claim_id = dispute.subject().claim_id(),
      .account = adjustment.account(),
      .kind = cim::v1::LEDGER_ENTRY_KIND_ADJUSTMENT,
      .unit = points ? kPointsUnit : program.currency_code(),
      .amount = rounded,
      .basis = Phrase("ledger.dispute")
                   .Text("dispute", absl::StrCat(dispute.id()))
                   .Text("explanation", absl::StripAsciiWhitespace(adjustment.explanation())),
      .dispute_id = dispute.id(),
      .created_by = actor,
      .created_at = now};
}

int64_t AgeSeconds(const Dispute& dispute, absl::Time now) {
  const absl::Time opened = FromTimestamp(dispute.open_time());
  const absl::Time until = dispute.has_resolve_time() ? FromTimestamp(dispute.resolve_time()) : now;
  return std::max<int64_t>(0, absl::ToInt64Seconds(until - opened));
}

absl::Status StatementLineNotFound(int64_t statement_id, int64_t entry_id) {
  return absl::NotFoundError(Phrase("error.statement_line_not_found")
                                 .Text("statement", absl::StrCat(statement_id))
                                 .Text("entry", absl::StrCat(entry_id))
                                 .str());
}

}  // namespace cim
