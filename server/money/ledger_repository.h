// Storage of the append-only ledger: entries to post, and balances and entries to read.
#ifndef CIM_SERVER_MONEY_LEDGER_REPOSITORY_H_
#define CIM_SERVER_MONEY_LEDGER_REPOSITORY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "cim/v1/ledger.pb.h"
#include "lib/decimal.h"

namespace cim {

using cim::v1::Balance;
using cim::v1::LedgerEntry;

// One entry to append.
struct LedgerPosting {
  int64_t partner_id = 0;
  int64_t user_id = 0;  // 0: none
  int64_t program_id = 0;
  int rules_version = 0;
  std::string rule_id;
  int64_t claim_id = 0;
  cim::v1::LedgerAccount account = cim::v1::LEDGER_ACCOUNT_UNSPECIFIED;
  cim::v1::LedgerEntryKind kind = cim::v1::LEDGER_ENTRY_KIND_UNSPECIFIED;
  std::string unit;  // currency code or "points"
  Decimal amount;
  std::string basis;
  std::optional<absl::CivilDay> period_start;
  int64_t reverses_entry_id = 0;
  int64_t statement_id = 0;
  int64_t fund_request_id = 0;
  int64_t redemption_order_id = 0;
  int64_t dispute_id = 0;  // adjustments: the dispute they resolve
  int64_t created_by = 0;
  absl::Time created_at;
};

inline constexpr char kPointsUnit[] = "points";

// Each field narrows the entries when set.
struct LedgerFilter {
  int64_t partner_id = 0;
  int64_t user_id = 0;
  int64_t program_id = 0;
  cim::v1::LedgerAccount account = cim::v1::LEDGER_ACCOUNT_UNSPECIFIED;
  cim::v1::LedgerEntryKind kind = cim::v1::LEDGER_ENTRY_KIND_UNSPECIFIED;
  int64_t claim_id = 0;
  int64_t fund_request_id = 0;
  // Only the entries a statement pays.
  int64_t in_statement_id = 0;
};

// The sum of one account's entries of one kind and unit, and the part of it in paid statements.
struct KindTotal {
  cim::v1::LedgerAccount account = cim::v1::LEDGER_ACCOUNT_UNSPECIFIED;
  cim::v1::LedgerEntryKind kind = cim::v1::LEDGER_ENTRY_KIND_UNSPECIFIED;
  std::string unit;
  Decimal amount;
  Decimal paid;
};

class LedgerRepository {
 public:
  virtual ~LedgerRepository() = default;
  // Up to `limit` entries matching `filter` with id < `before_id` (0: from the newest), newest
  // first.
  virtual absl::StatusOr<std::vector<LedgerEntry>> List(const LedgerFilter& filter,
                                                        int64_t before_id, int limit) = 0;
  // In one transaction: appends `reversal` (which names the entry it reverses) and gives
  // `budget_refund` back to the reversal's program budget. FAILED_PRECONDITION if the entry was
  // already reversed or is in an open statement.
  virtual absl::StatusOr<LedgerEntry> AppendReversal(const LedgerPosting& reversal,
                                                     const Decimal& budget_refund) = 0;
  // The entry with `id`. NOT_FOUND if none.
  virtual absl::StatusOr<LedgerEntry> Get(int64_t id) = 0;
  // Sums of the entries matching `filter` (account and kind ignored) per account, kind and
  // unit.
  virtual absl::StatusOr<std::vector<KindTotal>> KindTotals(const LedgerFilter& filter) = 0;
  // Sums of the entries matching `filter` (account and kind ignored) per account and unit.
  virtual absl::StatusOr<std::vector<Balance>> Balances(const LedgerFilter& filter) = 0;
};

}  // namespace cim

#endif  // CIM_SERVER_MONEY_LEDGER_REPOSITORY_H_
