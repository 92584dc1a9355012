#include "server/money/mysql_ledger_repository.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cim/v1/payout.pb.h"
#include "lib/dates.h"
#include "lib/phrase.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "server/db/table.h"
#include "server/events/mysql_outbox.h"
#include "server/money/mysql_budget.h"
#include "server/money/mysql_ledger_entries.h"

namespace cim {

absl::StatusOr<std::vector<LedgerEntry>> MysqlLedgerRepository::List(const LedgerFilter& filter,
                                                                     int64_t before_id, int limit) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<LedgerEntry>> {
    return ReadLedgerEntries(s, filter, before_id, limit);
  });
}

absl::StatusOr<LedgerEntry> MysqlLedgerRepository::Get(int64_t id) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<LedgerEntry> {
    long long key = id;
    soci::row r;
    s << absl::StrCat("SELECT ", kLedgerEntryColumns, " FROM ledger_entries WHERE id = :id"),
        soci::use(key), soci::into(r);
    if (!s.got_data()) return NotFoundError("ledger_entry", id);
    return LedgerEntryFromRow(r);
  });
}

absl::StatusOr<LedgerEntry> MysqlLedgerRepository::AppendReversal(const LedgerPosting& reversal,
                                                                  const Decimal& budget_refund) {
  absl::StatusOr<LedgerEntry> stored = db_.Transact([&](soci::session& s)
                                                        -> absl::StatusOr<LedgerEntry> {
    // An entry in an open statement would still be paid in full.
    long long original = reversal.reverses_entry_id, statement = 0;
    int open = cim::v1::STATEMENT_STATUS_OPEN;
    s << "SELECT s.id FROM statement_lines sl JOIN statements s ON s.id = sl.statement_id"
         " WHERE sl.entry_id = :entry AND s.status = :open FOR UPDATE",
        soci::use(original), soci::use(open), soci::into(statement);
    if (s.got_data()) {
      return absl::FailedPreconditionError(Phrase("error.entry_in_open_statement")
                                               .Text("entry", absl::StrCat(original))
                                               .Text("statement", absl::StrCat(statement))
                                               .str());
    }
    AppendLedgerEntries(s, {reversal});
    long long id = 0;
    s.get_last_insert_id("ledger_entries", id);
    Table("ledger_entries").Inserted(s, id);
    if (reversal.account == cim::v1::LEDGER_ACCOUNT_POINTS) {
      // The points leave the period they counted in: their approval's, else the entry's.
      std::tm counted{};
      long long claim = reversal.claim_id;
      int approved = cim::v1::RECOGNITION_EVENT_KIND_CLAIM_APPROVED;
      s << "SELECT COALESCE((SELECT MAX(o.occurred_at) FROM outbox_events o"
           " WHERE o.claim_id = :claim AND :claim2 <> 0 AND o.kind = :kind), e.created_at)"
           " FROM ledger_entries e WHERE e.id = :id",
          soci::use(claim), soci::use(claim), soci::use(approved), soci::use(original),
          soci::into(counted);
      AppendOutboxEvents(s, {OutboxEvent{.kind = cim::v1::RECOGNITION_EVENT_KIND_POINTS_REVERSED,
                                         .partner_id = reversal.partner_id,
                                         .user_id = reversal.user_id,
                                         .program_id = reversal.program_id,
                                         .claim_id = reversal.claim_id,
                                         .points = reversal.amount,
                                         .occurred_at = FromSqlTime(counted),
                                         .created_at = reversal.created_at}});
    }
    if (!budget_refund.is_zero()) {
      CIM_RETURN_IF_ERROR(DrawBudget(s, reversal.program_id, reversal.partner_id, -budget_refund));
    }
    soci::row r;
    s << absl::StrCat("SELECT ", kLedgerEntryColumns, " FROM ledger_entries WHERE id = :id"),
        soci::use(id), soci::into(r);
    return LedgerEntryFromRow(r);
  });
  if (absl::IsAlreadyExists(stored.status())) {
    return absl::FailedPreconditionError(
        Phrase("error.entry_reversed")
            .Text("entry", absl::StrCat(reversal.reverses_entry_id))
            .str());
  }
  return stored;
}

absl::StatusOr<std::vector<KindTotal>> MysqlLedgerRepository::KindTotals(
    const LedgerFilter& filter) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<KindTotal>> {
    long long partner = filter.partner_id, user = filter.user_id, program = filter.program_id,
              claim = filter.claim_id, fund_request = filter.fund_request_id,
              statement = filter.in_statement_id;
    int paid = cim::v1::STATEMENT_STATUS_PAID;
    soci::rowset<soci::row> rows =
        (s.prepare << absl::StrCat(
             "SELECT e.account, e.kind, e.unit, CAST(SUM(e.amount) AS CHAR) AS amount,"
             " CAST(SUM(IF(st.status = :paid, e.amount, 0)) AS CHAR) AS paid"
             " FROM (SELECT id, account, kind, unit, amount FROM ledger_entries WHERE",
             kLedgerEntryFilter,
             ") e LEFT JOIN statement_lines sl ON sl.entry_id = e.id"
             " LEFT JOIN statements st ON st.id = sl.statement_id"
             " GROUP BY e.account, e.kind, e.unit ORDER BY e.account, e.kind, e.unit"),
         soci::use(paid), soci::use(partner), soci::use(partner), soci::use(user), soci::use(user),
         soci::use(program), soci::use(program), soci::use(claim), soci::use(claim),
         soci::use(fund_request), soci::use(fund_request), soci::use(statement),
         soci::use(statement));
    std::vector<KindTotal> out;
    for (const soci::row& row : rows) {
      const NamedRow r(row);
      KindTotal t{.account = static_cast<cim::v1::LedgerAccount>(r.Int("account")),
                  .kind = static_cast<cim::v1::LedgerEntryKind>(r.Int("kind")),
                  .unit = r.Text("unit")};
      CIM_ASSIGN_OR_RETURN(t.amount, Decimal::Parse(r.Text("amount")));
      CIM_ASSIGN_OR_RETURN(t.paid, Decimal::Parse(r.Text("paid")));
      out.push_back(std::move(t));
    }
    return out;
  });
}

absl::StatusOr<std::vector<Balance>> MysqlLedgerRepository::Balances(const LedgerFilter& filter) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<Balance>> {
    long long partner = filter.partner_id, user = filter.user_id, program = filter.program_id,
              claim = filter.claim_id, fund_request = filter.fund_request_id,
              statement = filter.in_statement_id;
    soci::rowset<soci::row> rows =
        (s.prepare << absl::StrCat("SELECT account, unit, CAST(SUM(amount) AS CHAR) AS amount,"
                                   " CAST(SUM(GREATEST(amount, 0)) AS CHAR) AS credited,"
                                   " CAST(SUM(LEAST(amount, 0)) AS CHAR) AS debited"
                                   " FROM ledger_entries WHERE",
                                   kLedgerEntryFilter,
                                   " GROUP BY account, unit ORDER BY account, unit"),
         soci::use(partner), soci::use(partner), soci::use(user), soci::use(user),
         soci::use(program), soci::use(program), soci::use(claim), soci::use(claim),
         soci::use(fund_request), soci::use(fund_request), soci::use(statement),
         soci::use(statement));
    std::vector<Balance> out;
    for (const soci::row& row : rows) {
      const NamedRow r(row);
      Balance b;
      b.set_account(static_cast<cim::v1::LedgerAccount>(r.Int("account")));
      b.set_unit(r.Text("unit"));
      const int scale = LedgerUnitScale(b.unit());
      b.set_amount(r.Decimal("amount", scale));
      b.set_credited(r.Decimal("credited", scale));
      b.set_debited(r.Decimal("debited", scale));
      out.push_back(std::move(b));
    }
    return out;
  });
}

}  // namespace cim
