#include "server/performance/mysql_performance_repository.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "cim/v1/claim.pb.h"
#include "cim/v1/dispute.pb.h"
#include "cim/v1/ledger.pb.h"
#include "lib/decimal.h"
#include "lib/phrase.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "server/db/sql_builder.h"
#include "server/db/table.h"

namespace cim {
namespace {

constexpr int kApproved = cim::v1::CLAIM_STATUS_APPROVED;
constexpr int kPaid = cim::v1::CLAIM_STATUS_PAID;

constexpr char kCostColumns[] =
    "id, program_id, category, CAST(amount AS CHAR) AS amount, description,"
    " CAST(incurred_on AS CHAR) AS incurred_on, created_by, created_at, voided,"
    " (SELECT p.currency_code FROM programs p WHERE p.id = program_costs.program_id)"
    " AS currency_code";

cim::v1::ProgramCost CostFromRow(const soci::row& row) {
  const NamedRow r(row);
  cim::v1::ProgramCost c;
  c.set_id(r.Integer("id"));
  c.set_program_id(r.Integer("program_id"));
  c.set_category(static_cast<cim::v1::ProgramCostCategory>(r.Int("category")));
  c.set_amount(r.Decimal("amount", StoredCurrencyScale(r.Text("currency_code"))));
  c.set_description(r.Text("description"));
  c.set_incurred_on(r.Text("incurred_on"));
  c.set_created_by(r.Integer("created_by"));
  SetTimestamp(r.Time("created_at"), c.mutable_create_time());
  c.set_voided(r.Integer("voided") != 0);
  return c;
}

absl::StatusOr<cim::v1::ProgramCost> ReadCost(soci::session& s, int64_t id) {
  SqlBuilder q(absl::StrCat("SELECT ", kCostColumns, " FROM program_costs WHERE id = "));
  q.Bind(id);
  std::optional<cim::v1::ProgramCost> out;
  q.Query(s, [&](const soci::row& r) { out = CostFromRow(r); });
  if (!out) return NotFoundError("program_cost", id);
  return *out;
}

cim::v1::Partner PartnerFromRow(const soci::row& row) {
  const NamedRow r(row);
  cim::v1::Partner p;
  p.set_id(r.Integer("id"));
  p.set_name(r.Text("name"));
  p.set_type(static_cast<cim::v1::PartnerType>(r.Int("type")));
  p.set_tier(r.Text("tier"));
  p.set_region(r.Text("region"));
  p.set_status(static_cast<cim::v1::PartnerStatus>(r.Int("status")));
  return p;
}

// Column `name` (a DECIMAL selected as text) as a Decimal; zero for NULL.
Decimal DecimalOf(const NamedRow& r, const std::string& name) {
  if (r.IsNull(name)) return Decimal();
  return Decimal::Parse(r.Text(name)).value_or(Decimal());
}

// "c.status IN (approved, paid) AND c.currency_code = … AND c.invoice_date BETWEEN … AND
// c.partner_id IN (…)" for `query` (with the program and lines `l` filtered by SKU when it
// names any).
void WhereSales(SqlBuilder& q, const SalesQuery& query) {
  q << " WHERE c.status IN ";
  q.Tuple(kApproved, kPaid);
  q << " AND c.currency_code = ";
  q.Bind(query.currency_code);
  q << " AND c.invoice_date BETWEEN ";
  q.Bind(FormatDate(query.range.first)) << " AND ";
  q.Bind(FormatDate(query.range.last)) << " AND c.partner_id IN ";
  q.List(query.partner_ids);
  if (query.program_id != 0) {
    q << " AND c.program_id = ";
    q.Bind(query.program_id);
  }
  if (!query.skus.empty()) {
    q << " AND l.sku IN ";
    q.List(query.skus);
  }
}

}  // namespace

absl::StatusOr<cim::v1::ProgramCost> MysqlPerformanceRepository::InsertCost(
    const cim::v1::ProgramCost& cost, int64_t actor, absl::Time now) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<cim::v1::ProgramCost> {
    SqlBuilder insert(
        "INSERT INTO program_costs (program_id, category, amount, description, incurred_on,"
        " created_by, created_at) VALUES ");
    insert.Tuple(cost.program_id(), static_cast<int>(cost.category()), cost.amount(),
                 cost.description(), cost.incurred_on(), actor, ToSqlTime(now));
    insert.Execute(s);
    long long id = 0;
    s.get_last_insert_id("program_costs", id);
    Table("program_costs").Inserted(s, id);
    return ReadCost(s, id);
  });
}

absl::StatusOr<cim::v1::ProgramCost> MysqlPerformanceRepository::VoidCost(int64_t cost_id) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<cim::v1::ProgramCost> {
    long long id = cost_id;
    int voided = 0;
    s << "SELECT voided FROM program_costs WHERE id = :id FOR UPDATE", soci::use(id),
        soci::into(voided);
    if (!s.got_data()) return NotFoundError("program_cost", id);
    if (voided != 0) {
      return absl::FailedPreconditionError(
          Phrase("error.cost_void").Text("cost", absl::StrCat(id)).str());
    }
    Table("program_costs").WillChange(s, id);
    s << "UPDATE program_costs SET voided = 1 WHERE id = :id", soci::use(id);
    return ReadCost(s, id);
  });
}

absl::StatusOr<cim::v1::ProgramCost> MysqlPerformanceRepository::GetCost(int64_t cost_id) {
  return db_.Run([&](soci::session& s) { return ReadCost(s, cost_id); });
}

absl::StatusOr<std::vector<cim::v1::ProgramCost>> MysqlPerformanceRepository::ListCosts(
    int64_t program_id) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<cim::v1::ProgramCost>> {
    SqlBuilder q(absl::StrCat("SELECT ", kCostColumns, " FROM program_costs WHERE program_id = "));
    q.Bind(program_id) << " ORDER BY id DESC";
    std::vector<cim::v1::ProgramCost> out;
    q.Query(s, [&](const soci::row& r) { out.push_back(CostFromRow(r)); });
    return out;
  });
}

absl::StatusOr<std::vector<cim::v1::Partner>> MysqlPerformanceRepository::EnrolledPartners(
    int64_t program_id) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<cim::v1::Partner>> {
    SqlBuilder q(
        "SELECT p.id, p.name, p.type, p.tier, p.region, p.status FROM enrollments e"
        " JOIN partners p ON p.id = e.partner_id WHERE e.program_id = ");
    q.Bind(program_id) << " ORDER BY p.id";
    std::vector<cim::v1::Partner> out;
    q.Query(s, [&](const soci::row& r) { out.push_back(PartnerFromRow(r)); });
    return out;
  });
}

absl::StatusOr<Candidates> MysqlPerformanceRepository::ActivePartnersWithCertifications(
    absl::Time now) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<Candidates> {
    Candidates out;
    absl::flat_hash_map<int64_t, size_t> index;
    SqlBuilder partners(
        "SELECT id, name, type, tier, region, status FROM partners WHERE status = ");
    partners.Bind(static_cast<int>(cim::v1::PARTNER_STATUS_ACTIVE)) << " ORDER BY id";
    partners.Query(s, [&](const soci::row& row) {
      index[NamedRow(row).Integer("id")] = out.size();
      out.emplace_back(PartnerFromRow(row), absl::flat_hash_set<std::string>());
    });
    SqlBuilder certs(
        "SELECT DISTINCT c.partner_id, c.certification_code FROM certifications c"
        " JOIN users u ON u.id = c.user_id AND u.partner_id = c.partner_id AND u.status = ");
    certs.Bind(static_cast<int>(cim::v1::USER_STATUS_ACTIVE)) << " WHERE c.expires_at > ";
    certs.Bind(ToSqlTime(now));
    certs.Query(s, [&](const soci::row& row) {
      const NamedRow r(row);
      auto it = index.find(r.Integer("partner_id"));
      if (it != index.end()) out[it->second].second.insert(r.Text("certification_code"));
    });
    return out;
  });
}

absl::StatusOr<absl::flat_hash_map<int64_t, SalesFigures>> MysqlPerformanceRepository::Sales(
    const SalesQuery& query) {
  using Out = absl::flat_hash_map<int64_t, SalesFigures>;
  if (query.partner_ids.empty()) return Out();
  return db_.Run([&](soci::session& s) -> absl::StatusOr<Out> {
    SqlBuilder q(
        "SELECT c.partner_id, CAST(SUM(l.amount) AS CHAR) AS sales,"
        " CAST(SUM(l.quantity * COALESCE(p.unit_cost, 0)) AS CHAR) AS cogs"
        " FROM claims c JOIN claim_lines l ON l.claim_id = c.id"
        " LEFT JOIN products p ON p.sku = l.sku AND p.currency_code = c.currency_code");
    WhereSales(q, query);
    q << " GROUP BY c.partner_id";
    Out out;
    q.Query(s, [&](const soci::row& row) {
      const NamedRow r(row);
      out[r.Integer("partner_id")] =
          SalesFigures{.sales = DecimalOf(r, "sales"), .cogs = DecimalOf(r, "cogs")};
    });
    return out;
  });
}

absl::StatusOr<RewardFigures> MysqlPerformanceRepository::Rewards(int64_t program_id) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<RewardFigures> {
    SqlBuilder q("SELECT partner_id, account = ");
    q.Bind(static_cast<int>(cim::v1::LEDGER_ACCOUNT_POINTS));
    q << " AS is_points, CAST(DATE(created_at) AS CHAR) AS entry_day,"
         " CAST(SUM(amount) AS CHAR) AS amount FROM ledger_entries WHERE program_id = ";
    q.Bind(program_id) << " GROUP BY 1, 2, 3";
    RewardFigures out;
    absl::Status bad;
    q.Query(s, [&](const soci::row& row) {
      const NamedRow r(row);
      const Decimal amount = DecimalOf(r, "amount");
      if (r.Integer("is_points") != 0) {
        out.points += amount;
        return;
      }
      out.money_by_partner[r.Integer("partner_id")] += amount;
      absl::StatusOr<absl::CivilDay> day = ParseDate(r.Text("entry_day"));
      if (day.ok()) {
        out.money_by_day[*day] += amount;
      } else {
        bad = day.status();
      }
    });
    if (!bad.ok()) return bad;
    return out;
  });
}

absl::StatusOr<FunnelFigures> MysqlPerformanceRepository::Funnel(int64_t program_id) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<FunnelFigures> {
    FunnelFigures out;
    SqlBuilder counts("SELECT status, COUNT(*) AS claims FROM claims WHERE program_id = ");
    counts.Bind(program_id) << " GROUP BY status";
    counts.Query(s, [&](const soci::row& row) {
      const NamedRow r(row);
      out.by_status[r.Int("status")] = r.Integer("claims");
    });
    SqlBuilder cycles(
        "SELECT TIMESTAMPDIFF(SECOND, c.created_at, MIN(e.created_at)) AS cycle_seconds"
        " FROM claims c"
        " JOIN claim_events e ON e.claim_id = c.id AND e.to_status IN ");
    cycles.Tuple(kApproved, static_cast<int>(cim::v1::CLAIM_STATUS_REJECTED));
    cycles << " WHERE c.program_id = ";
    cycles.Bind(program_id) << " GROUP BY c.id";
    cycles.Query(s, [&](const soci::row& row) {
      out.cycle_hours.push_back(static_cast<double>(NamedRow(row).Integer("cycle_seconds")) /
                                3600.0);
    });
    return out;
  });
}

absl::StatusOr<DisputeFigures> MysqlPerformanceRepository::Disputes(int64_t program_id) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<DisputeFigures> {
    DisputeFigures out;
    SqlBuilder counts("SELECT state, COUNT(*) AS disputes FROM disputes WHERE program_id = ");
    counts.Bind(program_id) << " GROUP BY state";
    counts.Query(s, [&](const soci::row& row) {
      const NamedRow r(row);
      out.by_state[r.Int("state")] = r.Integer("disputes");
    });
    SqlBuilder times(
        "SELECT TIMESTAMPDIFF(SECOND, opened_at, resolved_at) AS resolution_seconds"
        " FROM disputes WHERE program_id = ");
    times.Bind(program_id) << " AND state IN ";
    times.Tuple(static_cast<int>(cim::v1::DISPUTE_STATE_ADJUSTED),
                static_cast<int>(cim::v1::DISPUTE_STATE_REFUSED));
    times.Query(s, [&](const soci::row& row) {
      out.resolution_hours.push_back(
          static_cast<double>(NamedRow(row).Integer("resolution_seconds")) / 3600.0);
    });
    return out;
  });
}

absl::StatusOr<EngagementFigures> MysqlPerformanceRepository::Engagement(
    int64_t program_id, const std::vector<int64_t>& partner_ids, const DateRange& range) {
  if (partner_ids.empty()) return EngagementFigures();
  return db_.Run([&](soci::session& s) -> absl::StatusOr<EngagementFigures> {
    EngagementFigures out;
    const std::tm from = ToSqlTime(absl::FromCivil(range.first, absl::UTCTimeZone()));
    const std::tm until = ToSqlTime(absl::FromCivil(range.last + 1, absl::UTCTimeZone()));
    SqlBuilder active(
        "SELECT COUNT(DISTINCT partner_id) AS partners FROM claims WHERE program_id = ");
    active.Bind(program_id) << " AND created_at >= ";
    active.Bind(from) << " AND created_at < ";
    active.Bind(until) << " AND partner_id IN ";
    active.List(partner_ids);
    active.Query(
        s, [&](const soci::row& r) { out.active_partners = NamedRow(r).Integer("partners"); });
    SqlBuilder training(
        "SELECT COUNT(*) AS completions FROM training_completions WHERE completed_at >= ");
    training.Bind(from) << " AND completed_at < ";
    training.Bind(until) << " AND partner_id IN ";
    training.List(partner_ids);
    training.Query(s, [&](const soci::row& r) {
      out.training_completions = NamedRow(r).Integer("completions");
    });
    SqlBuilder scores(
        "SELECT score, COUNT(*) AS responses FROM survey_responses WHERE responded_at >= ");
    scores.Bind(from) << " AND responded_at < ";
    scores.Bind(until) << " AND partner_id IN ";
    scores.List(partner_ids);
    scores << " GROUP BY score";
    scores.Query(s, [&](const soci::row& row) {
      const NamedRow r(row);
      const long long score = r.Integer("score");
      if (score >= 0 && score <= 10) out.scores[score] = r.Integer("responses");
    });
    return out;
  });
}

absl::Status MysqlPerformanceRepository::ForEachApprovedClaim(
    const SalesQuery& query, const std::function<absl::Status(HistoricalClaim&)>& fn) {
  if (query.partner_ids.empty()) return absl::OkStatus();
  return db_.Run([&](soci::session& s) -> absl::Status {
    // The approval event's id gives the order claims were decided in (events are written in
    // decision order, under the locks that ordered the decisions).
    SqlBuilder q(
        absl::StrCat("SELECT c.id, c.partner_id, CAST(c.invoice_date AS CHAR) AS invoice_date,"
                     " a.event_id, ",
                     CIM_MICROS_OF("a.approved_at"),
                     " AS approved_micros, l.sku, l.quantity,"
                     " CAST(l.unit_price AS CHAR) AS unit_price,"
                     " CAST(l.quantity * COALESCE(p.unit_cost, 0) AS CHAR) AS cogs,"
                     " pt.tier AS partner_tier"
                     " FROM claims c JOIN partners pt ON pt.id = c.partner_id JOIN (SELECT "
                     "e.claim_id, MIN(e.id) AS event_id,"
                     " MIN(e.created_at) AS approved_at FROM claim_events e WHERE e.to_status = ",
                     kApproved,
                     " GROUP BY e.claim_id) a ON a.claim_id = c.id"
                     " JOIN claim_lines l ON l.claim_id = c.id LEFT JOIN products p ON p.sku = "
                     "l.sku AND p.currency_code = c.currency_code"));
    WhereSales(q, query);
    q << " ORDER BY a.event_id, l.line_no";
    HistoricalClaim current;
    absl::Status status;
    const auto flush = [&] {
      if (current.claim_id != 0 && status.ok()) status = fn(current);
      current = HistoricalClaim();
    };
    q.Query(s, [&](const soci::row& row) {
      if (!status.ok()) return;
      const NamedRow r(row);
      const int64_t id = r.Integer("id");
      if (id != current.claim_id) {
        flush();
        current.claim_id = id;
        current.partner_id = r.Integer("partner_id");
        absl::StatusOr<absl::CivilDay> day = ParseDate(r.Text("invoice_date"));
        if (!day.ok()) {
          status = day.status();
          return;
        }
        current.sale.invoice_date = *day;
        current.sale.partner_tier = r.Text("partner_tier");
        current.approved_at = absl::FromUnixMicros(r.Integer("approved_micros"));
      }
      current.sale.lines.push_back(SaleLine{.sku = r.Text("sku"),
                                            .quantity = r.Integer("quantity"),
                                            .unit_price = DecimalOf(r, "unit_price")});
      current.cogs += DecimalOf(r, "cogs");
    });
    flush();
    return status;
  });
}

}  // namespace cim
