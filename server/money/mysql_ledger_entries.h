// Reading and appending ledger entries on a caller's session (inside its transaction): the SQL
// every repository that posts or shows entries shares.
#ifndef CIM_SERVER_MONEY_MYSQL_LEDGER_ENTRIES_H_
#define CIM_SERVER_MONEY_MYSQL_LEDGER_ENTRIES_H_

#include <string>
#include <vector>

#include "server/db/mysql_database.h"
#include "server/money/ledger_repository.h"

namespace cim {

// The SELECT list LedgerEntryFromRow reads.
extern const char kLedgerEntryColumns[];
// WHERE conditions over ledger_entries binding, in order, partner1/2, user1/2, program1/2,
// claim1/2, fund_request1/2 and statement1/2 (each pair: 0 means any).
extern const char kLedgerEntryFilter[];

// Fraction digits of a ledger unit: the currency's minor units, or 0 for points.
int LedgerUnitScale(const std::string& unit);

// The entry in a row selected with kLedgerEntryColumns.
LedgerEntry LedgerEntryFromRow(const soci::row& row);

// Appends `postings` on `session` in one statement.
void AppendLedgerEntries(soci::session& session, const std::vector<LedgerPosting>& postings);

// Entries matching `filter` with id < before_id (0: all), newest first, at most `limit`.
std::vector<LedgerEntry> ReadLedgerEntries(soci::session& session, const LedgerFilter& filter,
                                           int64_t before_id, int limit);

// The points balance of `user_id`: the sum of their points entries.
Decimal UserPointsBalance(soci::session& session, int64_t user_id);

}  // namespace cim

#endif  // CIM_SERVER_MONEY_MYSQL_LEDGER_ENTRIES_H_
