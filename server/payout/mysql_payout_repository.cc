#include "server/payout/mysql_payout_repository.h"

#include <algorithm>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "cim/v1/claim.pb.h"
#include "lib/dates.h"
#include "lib/decimal.h"
#include "lib/phrase.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "server/claim/mysql_claim_view.h"
#include "server/db/table.h"
#include "server/events/mysql_notification_events.h"
#include "server/money/mysql_ledger_entries.h"

namespace cim {
namespace {

constexpr int kPayable = cim::v1::LEDGER_ACCOUNT_PAYABLE;
constexpr int kPayout = cim::v1::LEDGER_ENTRY_KIND_PAYOUT;
constexpr int kOpen = cim::v1::STATEMENT_STATUS_OPEN;
constexpr int kPaid = cim::v1::STATEMENT_STATUS_PAID;

constexpr char kColumns[] =
    "s.id, s.run_id, s.partner_id, p.name, s.currency_code,"
    " CAST(r.period_start AS CHAR) AS period_start, CAST(r.period_end AS CHAR) AS period_end,"
    " CAST(s.total AS CHAR) AS total, s.entry_count, s.status,"
    " s.payment_reference, s.paid_by, s.paid_at, s.created_at, s.version";
constexpr char kFrom[] =
    " FROM statements s JOIN payout_runs r ON r.id = s.run_id"
    " JOIN partners p ON p.id = s.partner_id";

Statement StatementFromRow(const soci::row& row) {
  const NamedRow r(row);
  Statement s;
  s.set_id(r.Integer("id"));
  s.set_payout_run_id(r.Integer("run_id"));
  s.set_partner_id(r.Integer("partner_id"));
  s.set_partner_name(r.Text("name"));
  s.set_currency_code(r.Text("currency_code"));
  s.set_period_start(r.Text("period_start"));
  s.set_period_end(r.Text("period_end"));
  s.set_total(r.Decimal("total", StoredCurrencyScale(s.currency_code())));
  s.set_entry_count(r.Int("entry_count"));
  s.set_status(static_cast<cim::v1::StatementStatus>(r.Int("status")));
  s.set_payment_reference(r.Text("payment_reference"));
  s.set_paid_by_user_id(r.Integer("paid_by"));
  if (!r.IsNull("paid_at")) SetTimestamp(r.Time("paid_at"), s.mutable_paid_time());
  SetTimestamp(r.Time("created_at"), s.mutable_create_time());
  s.set_etag(absl::StrCat(r.Integer("version")));
  return s;
}

// What a partner's admins hear of a statement: ready (issued) or paid.
NotificationEvent StatementNotice(const Statement& statement, bool paid, absl::Time now) {
  NotificationEvent notice{.kind = paid ? cim::v1::NOTIFICATION_KIND_STATEMENT_PAID
                                        : cim::v1::NOTIFICATION_KIND_STATEMENT_READY,
                           .partner_id = statement.partner_id(),
                           .ref_id = statement.id(),
                           .link = "/rewards",
                           .occurred_at = now};
  absl::CivilDay start, end;
  (void)absl::ParseCivilTime(statement.period_start(), &start);
  (void)absl::ParseCivilTime(statement.period_end(), &end);
  const absl::StatusOr<Decimal> total = Decimal::Parse(statement.total());
  notice.Money("amount", total.value_or(Decimal()), statement.currency_code())
      .Day("period_start", start)
      .Day("period_end", end);
  return notice;
}

absl::StatusOr<Statement> ReadStatement(soci::session& s, int64_t id, bool with_entries) {
  long long key = id;
  soci::row r;
  s << absl::StrCat("SELECT ", kColumns, kFrom, " WHERE s.id = :id"), soci::use(key), soci::into(r);
  if (!s.got_data()) return NotFoundError("statement", id);
  Statement statement = StatementFromRow(r);
  if (with_entries) {
    std::vector<LedgerEntry> entries = ReadLedgerEntries(s, LedgerFilter{.in_statement_id = id},
                                                         /*before_id=*/0, /*limit=*/100000);
    std::reverse(entries.begin(), entries.end());
    for (LedgerEntry& e : entries) *statement.add_entries() = std::move(e);
  }
  return statement;
}

// The run `created_by` made with `key`, if any.
std::optional<int64_t> FindRunByKey(soci::session& s, int64_t created_by, const std::string& key) {
  long long user = created_by, id = 0;
  s << "SELECT id FROM payout_runs WHERE created_by = :user AND idempotency_key = :key",
      soci::use(user), soci::use(key), soci::into(id);
  if (!s.got_data()) return std::nullopt;
  return id;
}

// The run with its statements (without entries).
absl::StatusOr<PayoutRun> ReadRun(soci::session& s, int64_t id) {
  long long key = id;
  soci::row r;
  s << "SELECT id, CAST(period_start AS CHAR) AS period_start,"
       " CAST(period_end AS CHAR) AS period_end, created_by, idempotency_key, created_at"
       " FROM payout_runs WHERE id = :id",
      soci::use(key), soci::into(r);
  if (!s.got_data()) return NotFoundError("payout_run", id);
  const NamedRow row(r);
  PayoutRun run;
  run.set_id(row.Integer("id"));
  run.set_period_start(row.Text("period_start"));
  run.set_period_end(row.Text("period_end"));
  run.set_created_by_user_id(row.Integer("created_by"));
  run.set_idempotency_key(row.Text("idempotency_key"));
  SetTimestamp(row.Time("created_at"), run.mutable_create_time());
  soci::rowset<soci::row> statements =
      (s.prepare << absl::StrCat("SELECT ", kColumns, kFrom,
                                 " WHERE s.run_id = :run ORDER BY s.id"),
       soci::use(key));
  for (const soci::row& st : statements) *run.add_statements() = StatementFromRow(st);
  return run;
}

}  // namespace

absl::StatusOr<PayoutRun> MysqlPayoutRepository::CreateRun(const NewPayoutRun& in, absl::Time now) {
  absl::StatusOr<PayoutRun> run = db_.Transact([&](soci::session& s) -> absl::StatusOr<PayoutRun> {
    if (std::optional<int64_t> made = FindRunByKey(s, in.created_by, in.idempotency_key)) {
      return ReadRun(s, *made);
    }
    std::string first = FormatDate(in.period_start), last = FormatDate(in.period_end);
    std::tm cutoff =
        ToSqlTime(absl::FromCivil(absl::CivilSecond(in.period_end + 1), absl::UTCTimeZone()));
    long long run_id = Table("payout_runs")
                           .Insert(s, Columns()
                                          .Set("period_start", first)
                                          .Set("period_end", last)
                                          .Set("created_by", in.created_by)
                                          .Set("idempotency_key", in.idempotency_key)
                                          .Set("created_at", now));

    int payable = kPayable, payout = kPayout;
    std::vector<std::pair<long long, std::string>> groups;
    {
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT e.partner_id, e.unit FROM ledger_entries e"
                        " LEFT JOIN statement_lines sl ON sl.entry_id = e.id"
                        " WHERE e.account = :payable AND e.kind <> :payout"
                        " AND e.created_at < :cutoff AND sl.entry_id IS NULL"
                        " GROUP BY e.partner_id, e.unit HAVING SUM(e.amount) > 0"
                        " ORDER BY e.partner_id, e.unit",
           soci::use(payable), soci::use(payout), soci::use(cutoff));
      for (const soci::row& r : rows)
        groups.emplace_back(r.get<long long>(0), r.get<std::string>(1));
    }
    for (auto& [partner, currency] : groups) {
      long long statement_id = Table("statements")
                                   .Insert(s, Columns()
                                                  .Set("run_id", run_id)
                                                  .Set("partner_id", partner)
                                                  .Set("currency_code", currency)
                                                  .Set("status", kOpen)
                                                  .Set("created_at", now));
      // The primary key of statement_lines keeps an entry out of a second statement, also when
      // runs race: the later one fails here and is retried by the caller.
      s << "INSERT INTO statement_lines (entry_id, statement_id)"
           " SELECT e.id, :statement FROM ledger_entries e"
           " LEFT JOIN statement_lines sl ON sl.entry_id = e.id"
           " WHERE e.partner_id = :partner AND e.unit = :currency AND e.account = :payable"
           " AND e.kind <> :payout AND e.created_at < :cutoff AND sl.entry_id IS NULL",
          soci::use(statement_id), soci::use(partner), soci::use(currency), soci::use(payable),
          soci::use(payout), soci::use(cutoff);
      s << "UPDATE statements st SET"
           " total = (SELECT COALESCE(SUM(e.amount), 0) FROM statement_lines sl"
           " JOIN ledger_entries e ON e.id = sl.entry_id WHERE sl.statement_id = st.id),"
           " entry_count = (SELECT COUNT(*) FROM statement_lines sl"
           " WHERE sl.statement_id = st.id) WHERE st.id = :id",
          soci::use(statement_id);
      // A concurrent run may have taken some entries in the meantime: what is left may net to
      // nothing to pay. Those entries wait for a later run.
      int nothing_to_pay = 0;
      s << "SELECT total <= 0 FROM statements WHERE id = :id", soci::use(statement_id),
          soci::into(nothing_to_pay);
      if (nothing_to_pay != 0) {
        s << "DELETE FROM statement_lines WHERE statement_id = :id", soci::use(statement_id);
        s << "DELETE FROM statements WHERE id = :id", soci::use(statement_id);
      }
    }
    CIM_ASSIGN_OR_RETURN(PayoutRun out, ReadRun(s, run_id));
    std::vector<NotificationEvent> ready;
    for (const Statement& st : out.statements()) ready.push_back(StatementNotice(st, false, now));
    AppendNotificationEvents(s, ready);
    return out;
  });
  if (absl::IsAlreadyExists(run.status())) {
    // Either a concurrent call with the same key made its run first (answer with that run) or
    // a concurrent run took some of the same entries.
    absl::StatusOr<PayoutRun> made = db_.Run([&](soci::session& s) -> absl::StatusOr<PayoutRun> {
      std::optional<int64_t> id = FindRunByKey(s, in.created_by, in.idempotency_key);
      if (!id) return absl::AbortedError("another payout run took some of the same entries; retry");
      return ReadRun(s, *id);
    });
    return made;
  }
  return run;
}

absl::StatusOr<Statement> MysqlPayoutRepository::Get(int64_t id) {
  return db_.Run([&](soci::session& s) { return ReadStatement(s, id, /*with_entries=*/true); });
}

absl::StatusOr<std::vector<Statement>> MysqlPayoutRepository::List(const StatementFilter& filter,
                                                                   int64_t before_id, int limit) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<Statement>> {
    long long before = before_id > 0 ? before_id : std::numeric_limits<long long>::max();
    long long partner = filter.partner_id, run = filter.payout_run_id, program = filter.program_id;
    int status = filter.status;
    std::string from = FormatDate(filter.period.first), to = FormatDate(filter.period.last);
    soci::rowset<soci::row> rows =
        (s.prepare << absl::StrCat("SELECT ", kColumns, kFrom,
                                   " WHERE s.id < :before"
                                   " AND (:status1 = 0 OR s.status = :status2)"
                                   " AND (:partner1 = 0 OR s.partner_id = :partner2)"
                                   " AND (:run1 = 0 OR s.run_id = :run2)"
                                   " AND (:program1 = 0 OR EXISTS (SELECT 1 FROM statement_lines sl"
                                   "  JOIN ledger_entries e ON e.id = sl.entry_id"
                                   "  WHERE sl.statement_id = s.id AND e.program_id = :program2))"
                                   " AND r.period_end >= :from AND r.period_start <= :to"
                                   " ORDER BY s.id DESC LIMIT :limit"),
         soci::use(before), soci::use(status), soci::use(status), soci::use(partner),
         soci::use(partner), soci::use(run), soci::use(run), soci::use(program), soci::use(program),
         soci::use(from), soci::use(to), soci::use(limit));
    std::vector<Statement> out;
    for (const soci::row& r : rows) out.push_back(StatementFromRow(r));
    return out;
  });
}

absl::StatusOr<Statement> MysqlPayoutRepository::MarkPaid(int64_t id, const std::string& etag,
                                                          const std::string& reference,
                                                          int64_t actor, absl::Time now) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<Statement> {
    long long key = id;
    int status = 0;
    long long version = 0;
    s << "SELECT status, version FROM statements WHERE id = :id FOR UPDATE", soci::use(key),
        soci::into(status), soci::into(version);
    if (!s.got_data()) return NotFoundError("statement", id);
    if (!etag.empty() && etag != absl::StrCat(version)) {
      return absl::AbortedError("the statement changed since you read it; reload and retry");
    }
    if (status != kOpen) {
      return absl::FailedPreconditionError(
          Phrase("error.statement_paid").Text("statement", absl::StrCat(id)).str());
    }
    CIM_ASSIGN_OR_RETURN(Statement statement, ReadStatement(s, id, /*with_entries=*/false));
    Table("statements").WillChange(s, id);
    int paid = kPaid;
    long long by = actor;
    std::tm t = ToSqlTime(now);
    s << "UPDATE statements SET status = :paid, payment_reference = :reference, paid_by = :by,"
         " paid_at = :t, version = version + 1 WHERE id = :id",
        soci::use(paid), soci::use(reference), soci::use(by), soci::use(t), soci::use(key);
    CIM_ASSIGN_OR_RETURN(Decimal total, Decimal::Parse(statement.total()));
    if (total.sign() <= 0) {
      return absl::FailedPreconditionError(Phrase("error.statement_nothing_to_pay")
                                               .Text("statement", absl::StrCat(id))
                                               .Text("total", statement.total())
                                               .str());
    }
    AppendLedgerEntries(s, {LedgerPosting{.partner_id = statement.partner_id(),
                                          .account = cim::v1::LEDGER_ACCOUNT_PAYABLE,
                                          .kind = cim::v1::LEDGER_ENTRY_KIND_PAYOUT,
                                          .unit = statement.currency_code(),
                                          .amount = -total,
                                          .basis = Phrase("ledger.statement_paid")
                                                       .Text("statement", absl::StrCat(id))
                                                       .Text("from", statement.period_start())
                                                       .Text("to", statement.period_end())
                                                       .Text("reference", reference),
                                          .statement_id = id,
                                          .created_by = actor,
                                          .created_at = now}});
    // Claims whose payable rewards are now all in paid statements are PAID.
    std::vector<long long> claims;
    {
      int approved = cim::v1::CLAIM_STATUS_APPROVED, payable = kPayable;
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT DISTINCT e.claim_id FROM statement_lines sl"
                        " JOIN ledger_entries e ON e.id = sl.entry_id"
                        " JOIN claims c ON c.id = e.claim_id"
                        " WHERE sl.statement_id = :id AND c.status = :approved"
                        " AND NOT EXISTS (SELECT 1 FROM ledger_entries o"
                        "  LEFT JOIN statement_lines ol ON ol.entry_id = o.id"
                        "  LEFT JOIN statements os ON os.id = ol.statement_id"
                        "  WHERE o.claim_id = e.claim_id AND o.account = :payable"
                        "  AND (os.id IS NULL OR os.status <> :paid))",
           soci::use(key), soci::use(approved), soci::use(payable), soci::use(paid));
      for (const soci::row& r : rows) claims.push_back(r.get<long long>(0));
    }
    const std::string comment = Phrase("claim.paid_in_statement")
                                    .Text("statement", absl::StrCat(id))
                                    .Text("reference", reference);
    std::sort(claims.begin(), claims.end());  // claims are locked in id order everywhere
    const Table claim_rows(ClaimView());
    for (long long claim : claims) {
      int from = cim::v1::CLAIM_STATUS_APPROVED, to = cim::v1::CLAIM_STATUS_PAID;
      claim_rows.WillChange(s, claim);
      s << "UPDATE claims SET status = :to, updated_at = :t, version = version + 1"
           " WHERE id = :id",
          soci::use(to), soci::use(t), soci::use(claim);
      s << "INSERT INTO claim_events (claim_id, from_status, to_status, actor_id, comment,"
           " created_at) VALUES (:claim, :from, :to, :actor, :comment, :t)",
          soci::use(claim), soci::use(from), soci::use(to), soci::use(by), soci::use(comment),
          soci::use(t);
    }
    AppendNotificationEvents(s, {StatementNotice(statement, /*paid=*/true, now)});
    return ReadStatement(s, id, /*with_entries=*/true);
  });
}

}  // namespace cim
