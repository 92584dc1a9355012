#include "server/money/mysql_ledger_entries.h"

#include <limits>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "lib/dates.h"
#include "lib/proto_time.h"
#include "lib/text_field.h"
#include "server/db/sql_builder.h"
#include "server/db/table.h"

namespace cim {

const char kLedgerEntryColumns[] =
    "id, partner_id, user_id, program_id, rules_version, rule_id, claim_id, account, kind, unit,"
    " CAST(amount AS CHAR) AS amount, basis, CAST(period_start AS CHAR) AS period_start,"
    " reverses_entry_id, COALESCE(statement_id, (SELECT sl.statement_id FROM statement_lines sl"
    " WHERE sl.entry_id = ledger_entries.id)) AS statement_id, created_by, created_at,"
    " fund_request_id, redemption_order_id, dispute_id";

const char kLedgerEntryFilter[] =
    " (:partner1 = 0 OR partner_id = :partner2)"
    " AND (:user1 = 0 OR user_id = :user2)"
    " AND (:program1 = 0 OR program_id = :program2)"
    " AND (:claim1 = 0 OR claim_id = :claim2)"
    " AND (:fund_request1 = 0 OR fund_request_id = :fund_request2)"
    " AND (:statement1 = 0 OR id IN (SELECT entry_id FROM statement_lines"
    " WHERE statement_id = :statement2))";

int LedgerUnitScale(const std::string& unit) {
  return unit == kPointsUnit ? kPointsScale : StoredCurrencyScale(unit);
}

LedgerEntry LedgerEntryFromRow(const soci::row& row) {
  const NamedRow r(row);
  LedgerEntry e;
  e.set_id(r.Integer("id"));
  e.set_partner_id(r.Integer("partner_id"));
  e.set_user_id(r.Integer("user_id"));
  e.set_program_id(r.Integer("program_id"));
  e.set_rules_version(r.Int("rules_version"));
  e.set_rule_id(r.Text("rule_id"));
  e.set_claim_id(r.Integer("claim_id"));
  e.set_account(static_cast<cim::v1::LedgerAccount>(r.Int("account")));
  e.set_kind(static_cast<cim::v1::LedgerEntryKind>(r.Int("kind")));
  e.set_unit(r.Text("unit"));
  e.set_amount(r.Decimal("amount", LedgerUnitScale(e.unit())));
  e.set_basis(r.Text("basis"));
  e.set_period_start(r.Text("period_start"));
  e.set_reverses_entry_id(r.Integer("reverses_entry_id"));
  e.set_statement_id(r.Integer("statement_id"));
  e.set_created_by_user_id(r.Integer("created_by"));
  SetTimestamp(r.Time("created_at"), e.mutable_create_time());
  e.set_fund_request_id(r.Integer("fund_request_id"));
  e.set_redemption_order_id(r.Integer("redemption_order_id"));
  e.set_dispute_id(r.Integer("dispute_id"));
  return e;
}

void AppendLedgerEntries(soci::session& session, const std::vector<LedgerPosting>& postings) {
  if (postings.empty()) return;
  SqlBuilder q(
      "INSERT INTO ledger_entries (partner_id, user_id, program_id, rules_version, rule_id,"
      " claim_id, account, kind, unit, amount, basis, period_start, reverses_entry_id,"
      " statement_id, created_by, created_at, fund_request_id, redemption_order_id, dispute_id)"
      " VALUES ");
  q.Join(postings, [&](const LedgerPosting& p) {
    q << "(";
    q.Bind(p.partner_id) << ", ";
    q.BindOrNull(p.user_id, p.user_id == 0) << ", ";
    q.BindOrNull(p.program_id, p.program_id == 0) << ", ";
    q.BindOrNull(p.rules_version, p.rules_version == 0) << ", ";
    q.BindOrNull(p.rule_id, p.rule_id.empty()) << ", ";
    q.BindOrNull(p.claim_id, p.claim_id == 0) << ", ";
    q.Bind(static_cast<int>(p.account)) << ", ";
    q.Bind(static_cast<int>(p.kind)) << ", ";
    q.Bind(p.unit) << ", ";
    q.Bind(p.amount.ToString()) << ", ";
    q.Bind(TruncateCodePoints(p.basis, 1000)) << ", ";  // VARCHAR(1000) counts characters
    q.BindOrNull(p.period_start ? FormatDate(*p.period_start) : "", !p.period_start) << ", ";
    q.BindOrNull(p.reverses_entry_id, p.reverses_entry_id == 0) << ", ";
    q.BindOrNull(p.statement_id, p.statement_id == 0) << ", ";
    q.Bind(p.created_by) << ", ";
    q.Bind(ToSqlTime(p.created_at)) << ", ";
    q.BindOrNull(p.fund_request_id, p.fund_request_id == 0) << ", ";
    q.BindOrNull(p.redemption_order_id, p.redemption_order_id == 0) << ", ";
    q.BindOrNull(p.dispute_id, p.dispute_id == 0) << ")";
  });
  q.Execute(session);
}

std::vector<LedgerEntry> ReadLedgerEntries(soci::session& s, const LedgerFilter& filter,
                                           int64_t before_id, int limit) {
  long long partner = filter.partner_id, user = filter.user_id, program = filter.program_id,
            claim = filter.claim_id, fund_request = filter.fund_request_id,
            statement = filter.in_statement_id;
  long long before = before_id > 0 ? before_id : std::numeric_limits<long long>::max();
  int account = filter.account, kind = filter.kind;
  soci::rowset<soci::row> rows =
      (s.prepare << absl::StrCat("SELECT ", kLedgerEntryColumns,
                                 " FROM ledger_entries WHERE id < :before AND", kLedgerEntryFilter,
                                 " AND (:account1 = 0 OR account = :account2)"
                                 " AND (:kind1 = 0 OR kind = :kind2)"
                                 " ORDER BY id DESC LIMIT :limit"),
       soci::use(before), soci::use(partner), soci::use(partner), soci::use(user), soci::use(user),
       soci::use(program), soci::use(program), soci::use(claim), soci::use(claim),
       soci::use(fund_request), soci::use(fund_request), soci::use(statement), soci::use(statement),
       soci::use(account), soci::use(account), soci::use(kind), soci::use(kind), soci::use(limit));
  std::vector<LedgerEntry> out;
  for (const soci::row& r : rows) out.push_back(LedgerEntryFromRow(r));
  return out;
}

Decimal UserPointsBalance(soci::session& s, int64_t user_id) {
  long long user = user_id;
  int points = cim::v1::LEDGER_ACCOUNT_POINTS;
  std::string sum;
  s << "SELECT CAST(COALESCE(SUM(amount), 0) AS CHAR) FROM ledger_entries"
       " WHERE user_id = :user AND account = :points",
      soci::use(user), soci::use(points), soci::into(sum);
  return Decimal::Parse(sum).value_or(Decimal());
}

}  // namespace cim
