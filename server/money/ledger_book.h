// Reading the ledger: who may see which balances and entries. Pure C++ over the repository.
#ifndef CIM_SERVER_MONEY_LEDGER_BOOK_H_
#define CIM_SERVER_MONEY_LEDGER_BOOK_H_

#include "absl/status/statusor.h"
#include "cim/v1/ledger_service.pb.h"
#include "lib/clock.h"
#include "lib/principal.h"
#include "server/money/ledger_repository.h"

namespace cim {

class LedgerBook {
 public:
  LedgerBook(LedgerRepository& ledger, const Clock& clock) : ledger_(ledger), clock_(clock) {}

  // Partner admins: their partner (optionally one user). Partner reps: themselves. Vendor
  // roles and service accounts: any partner (partner_id or user_id required).
  // NOT_FOUND for another partner or user (as for one that does not exist).
  absl::StatusOr<cim::v1::GetBalanceResponse> GetBalance(const Principal& caller,
                                                         const cim::v1::GetBalanceRequest& request);
  // Finance and program admins append the reversal of an entry (see
  // LedgerService.ReverseLedgerEntry).
  absl::StatusOr<LedgerEntry> Reverse(const Principal& caller,
                                      const cim::v1::ReverseLedgerEntryRequest& request);
  // Same visibility as GetBalance; newest first.
  absl::StatusOr<cim::v1::ListLedgerEntriesResponse> ListEntries(
      const Principal& caller, const cim::v1::ListLedgerEntriesRequest& request);

 private:
  // The filter `caller` may read for the requested partner and user. Vendor roles must name a
  // partner or user, except when `listing` entries.
  static absl::StatusOr<LedgerFilter> Scope(const Principal& caller, int64_t partner_id,
                                            int64_t user_id, int64_t program_id, bool listing);

  LedgerRepository& ledger_;
  const Clock& clock_;
};

}  // namespace cim

#endif  // CIM_SERVER_MONEY_LEDGER_BOOK_H_
