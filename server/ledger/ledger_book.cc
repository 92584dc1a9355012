#include "server/ledger/ledger_book.h"

#include "server/common/pagination.h"
#include "server/common/status_util.h"

namespace cim {

absl::StatusOr<LedgerFilter> LedgerBook::Scope(const Principal& caller, int64_t partner_id,
                                               int64_t user_id, int64_t program_id) {
  LedgerFilter filter{.partner_id = partner_id, .user_id = user_id, .program_id = program_id};
  if (IsPartnerRole(caller.role)) {
    if (partner_id != 0 && partner_id != caller.partner_id) {
      return absl::PermissionDeniedError("partner users see only their own partner's ledger");
    }
    filter.partner_id = caller.partner_id;
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
  if (partner_id <= 0 && user_id <= 0) {
    FieldErrors errors;
    errors.Add("partner_id", "name a partner (or a user)");
    return errors.ToStatus();
  }
  return filter;
}

absl::StatusOr<cim::v1::GetBalanceResponse> LedgerBook::GetBalance(
    const Principal& caller, const cim::v1::GetBalanceRequest& request) {
  CIM_ASSIGN_OR_RETURN(LedgerFilter filter, Scope(caller, request.partner_id(), request.user_id(),
                                                  request.program_id()));
  CIM_ASSIGN_OR_RETURN(std::vector<Balance> balances, ledger_.Balances(filter));
  cim::v1::GetBalanceResponse response;
  for (Balance& b : balances) *response.add_balances() = std::move(b);
  return response;
}

absl::StatusOr<cim::v1::ListLedgerEntriesResponse> LedgerBook::ListEntries(
    const Principal& caller, const cim::v1::ListLedgerEntriesRequest& request) {
  FieldErrors errors;
  const int page_size = PageSize(request.page_size(), errors);
  if (!cim::v1::LedgerAccount_IsValid(request.account())) errors.Add("account", "unknown account");
  if (!cim::v1::LedgerEntryKind_IsValid(request.kind())) errors.Add("kind", "unknown kind");
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(int64_t before, DecodePageToken(request.page_token()));
  CIM_ASSIGN_OR_RETURN(LedgerFilter filter, Scope(caller, request.partner_id(), request.user_id(),
                                                  request.program_id()));
  filter.account = request.account();
  filter.kind = request.kind();
  filter.claim_id = request.claim_id();
  CIM_ASSIGN_OR_RETURN(std::vector<LedgerEntry> rows, ledger_.List(filter, before, page_size + 1));
  cim::v1::ListLedgerEntriesResponse response;
  response.set_next_page_token(FillPage(std::move(rows), page_size, response.mutable_entries()));
  return response;
}

}  // namespace cim
