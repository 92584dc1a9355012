#include "server/money/ledger_book.h"

#include "absl/strings/str_cat.h"
#include "lib/dates.h"
#include "lib/pagination.h"
#include "lib/phrase.h"
#include "lib/status_util.h"
#include "lib/text_field.h"

namespace cim {
namespace {

// An entry's amount in words: money in its currency, or points.
std::string EntryAmount(const LedgerEntry& entry) {
  const Decimal amount = Decimal::Parse(entry.amount()).value_or(Decimal());
  if (entry.unit() == kPointsUnit) return Phrase("ledger.points").Count("points", amount);
  return Phrase("ledger.money").Money("amount", amount, entry.unit());
}

}  // namespace

absl::StatusOr<LedgerFilter> LedgerBook::Scope(const Principal& caller, int64_t partner_id,
                                               int64_t user_id, int64_t program_id, bool listing) {
  LedgerFilter filter{.partner_id = partner_id, .user_id = user_id, .program_id = program_id};
  CIM_ASSIGN_OR_RETURN(filter.partner_id, PartnerReadScope(caller, partner_id));
  if (IsPartnerRole(caller.role)) {
    if (caller.role == cim::v1::ROLE_PARTNER_REP) {
      if (user_id != 0 && user_id != caller.user_id) {
        return absl::PermissionDeniedError("partner reps see only their own entries");
      }
      filter.user_id = caller.user_id;
    }
    return filter;
  }
  if (!IsVendorRole(caller.role) && caller.role != cim::v1::ROLE_SERVICE_ACCOUNT) {
    return absl::PermissionDeniedError("not allowed");
  }
  // A balance is one partner's (or user's); a list of entries may span a program or the
  // whole ledger.
  if (!listing && partner_id <= 0 && user_id <= 0) {
    FieldErrors errors;
    errors.Add("partner_id", "name a partner (or a user)");
    return errors.ToStatus();
  }
  return filter;
}

absl::StatusOr<cim::v1::GetBalanceResponse> LedgerBook::GetBalance(
    const Principal& caller, const cim::v1::GetBalanceRequest& request) {
  CIM_ASSIGN_OR_RETURN(LedgerFilter filter, Scope(caller, request.partner_id(), request.user_id(),
                                                  request.program_id(), /*listing=*/false));
  CIM_ASSIGN_OR_RETURN(std::vector<Balance> balances, ledger_.Balances(filter));
  cim::v1::GetBalanceResponse response;
  for (Balance& b : balances) *response.add_balances() = std::move(b);
  return response;
}

absl::StatusOr<LedgerEntry> LedgerBook::Reverse(const Principal& caller,
                                                const cim::v1::ReverseLedgerEntryRequest& request) {
  CIM_RETURN_IF_ERROR(RequireRole(caller, {cim::v1::ROLE_FINANCE, cim::v1::ROLE_PROGRAM_ADMIN}));
  FieldErrors errors;
  if (request.entry_id() <= 0) errors.Add("entry_id", "required");
  ValidateText(request.reason(), "reason", 1, 500, errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(const LedgerEntry entry, ledger_.Get(request.entry_id()));
  switch (entry.kind()) {
    case cim::v1::LEDGER_ENTRY_KIND_REBATE:
    case cim::v1::LEDGER_ENTRY_KIND_REBATE_TRUE_UP:
    case cim::v1::LEDGER_ENTRY_KIND_TIER_UPLIFT:
    case cim::v1::LEDGER_ENTRY_KIND_SPIF:
    case cim::v1::LEDGER_ENTRY_KIND_BONUS:
    case cim::v1::LEDGER_ENTRY_KIND_GROWTH:
    case cim::v1::LEDGER_ENTRY_KIND_POINTS:
      break;
    default:
      // Fund credits may already be reserved or spent, reimbursements come in pairs, and
      // payouts and reversals are corrections themselves.
      return absl::FailedPreconditionError(
          "only rewards (rebates, SPIFs, bonuses, growth rewards, points) can be reversed");
  }
  CIM_ASSIGN_OR_RETURN(const Decimal amount, Decimal::Parse(entry.amount()));
  LedgerPosting reversal{
      .partner_id = entry.partner_id(),
      .user_id = entry.user_id(),
      .program_id = entry.program_id(),
      .rules_version = entry.rules_version(),
      .rule_id = entry.rule_id(),
      .claim_id = entry.claim_id(),
      .account = entry.account(),
      .kind = cim::v1::LEDGER_ENTRY_KIND_REVERSAL,
      .unit = entry.unit(),
      .amount = -amount,
      .basis = Phrase("ledger.reversal")
                   .Text("entry", absl::StrCat(entry.id()))
                   .Text("amount", EntryAmount(entry))
                   .Text("reason", request.reason()),
      .reverses_entry_id = entry.id(),
      .fund_request_id = entry.fund_request_id(),
      .created_by = caller.user_id,
      .created_at = clock_.Now(),
  };
  if (!entry.period_start().empty()) {
    reversal.period_start = ParseDate(entry.period_start()).value_or(absl::CivilDay());
  }
  // Money rewards drew on the budget; reversing one gives it back. Points never drew.
  const bool drew_budget = entry.account() == cim::v1::LEDGER_ACCOUNT_PAYABLE;
  return ledger_.AppendReversal(reversal, drew_budget ? amount : Decimal());
}

absl::StatusOr<cim::v1::ListLedgerEntriesResponse> LedgerBook::ListEntries(
    const Principal& caller, const cim::v1::ListLedgerEntriesRequest& request) {
  FieldErrors errors;
  const int page_size = PageSize(request.page_size(), errors);
  if (!cim::v1::LedgerAccount_IsValid(request.account())) errors.Add("account", "unknown account");
  if (!cim::v1::LedgerEntryKind_IsValid(request.kind())) errors.Add("kind", "unknown kind");
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(int64_t before, DecodePageToken(request));
  CIM_ASSIGN_OR_RETURN(LedgerFilter filter, Scope(caller, request.partner_id(), request.user_id(),
                                                  request.program_id(), /*listing=*/true));
  filter.account = request.account();
  filter.kind = request.kind();
  filter.claim_id = request.claim_id();
  CIM_ASSIGN_OR_RETURN(std::vector<LedgerEntry> rows, ledger_.List(filter, before, page_size + 1));
  cim::v1::ListLedgerEntriesResponse response;
  response.set_next_page_token(
      FillPage(std::move(rows), page_size, response.mutable_entries(), request));
  return response;
}

}  // namespace cim
