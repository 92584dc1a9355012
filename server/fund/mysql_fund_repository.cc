#include "server/fund/mysql_fund_repository.h"

#include <algorithm>
#include <map>

#include "absl/strings/str_cat.h"
#include "lib/phrase.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "server/claim/mysql_attachment_rows.h"
#include "server/db/table.h"
#include "server/money/mysql_ledger_entries.h"
#include "server/program/mysql_program_repository.h"

namespace cim {
namespace {

using cim::v1::FundRequestStatus;

constexpr char kColumns[] =
    "f.id, f.program_id, f.partner_id, f.fund, f.activity, f.description,"
    " CAST(f.planned_cost AS CHAR) AS planned_cost, CAST(f.start_date AS CHAR) AS start_date,"
    " CAST(f.end_date AS CHAR) AS end_date, f.status, p.currency_code,"
    " CAST(f.approved_amount AS CHAR) AS approved_amount,"
    " CAST(f.actual_cost AS CHAR) AS actual_cost,"
    " CAST(f.reimbursed_amount AS CHAR) AS reimbursed_amount, f.proof_notes, f.requested_by,"
    " f.created_at, f.updated_at, f.version";

constexpr int kReservingStatuses[] = {cim::v1::FUND_REQUEST_STATUS_APPROVED,
                                      cim::v1::FUND_REQUEST_STATUS_CLAIMED};

FundRequest RequestFromRow(const soci::row& row) {
  const NamedRow r(row);
  FundRequest f;
  f.set_id(r.Integer("id"));
  f.set_program_id(r.Integer("program_id"));
  f.set_partner_id(r.Integer("partner_id"));
  f.set_fund(static_cast<cim::v1::LedgerAccount>(r.Int("fund")));
  f.set_activity(r.Text("activity"));
  f.set_description(r.Text("description"));
  f.set_currency_code(r.Text("currency_code"));
  const int scale = StoredCurrencyScale(f.currency_code());
  f.set_planned_cost(r.Decimal("planned_cost", scale));
  f.set_start_date(r.Text("start_date"));
  f.set_end_date(r.Text("end_date"));
  f.set_status(static_cast<FundRequestStatus>(r.Int("status")));
  f.set_approved_amount(r.Decimal("approved_amount", scale));
  f.set_actual_cost(r.Decimal("actual_cost", scale));
  f.set_reimbursed_amount(r.Decimal("reimbursed_amount", scale));
  f.set_proof_notes(r.Text("proof_notes"));
  f.set_requested_by_user_id(r.Integer("requested_by"));
  SetTimestamp(r.Time("created_at"), f.mutable_create_time());
  SetTimestamp(r.Time("updated_at"), f.mutable_update_time());
  f.set_etag(absl::StrCat(r.Integer("version")));
  return f;
}

absl::StatusOr<FundRequest> ReadRequest(soci::session& s, int64_t id) {
  long long key = id;
  soci::row r;
  s << absl::StrCat("SELECT ", kColumns,
                    " FROM fund_requests f JOIN programs p ON p.id = f.program_id"
                    " WHERE f.id = :id"),
      soci::use(key), soci::into(r);
  if (!s.got_data()) return NotFoundError("fund_request", id);
  FundRequest request = RequestFromRow(r);

  soci::rowset<soci::row> proof =
      (s.prepare << absl::StrCat("SELECT ", kAttachmentColumns,
                                 " FROM attachments WHERE fund_request_id = :id ORDER BY id"),
       soci::use(key));
  for (const soci::row& a : proof) *request.add_proof() = AttachmentFromRow(a);

  soci::rowset<soci::row> events =
      (s.prepare << "SELECT e.from_status, e.to_status, e.actor_id, u.display_name, e.comment,"
                    " e.created_at FROM fund_request_events e JOIN users u ON u.id = e.actor_id"
                    " WHERE e.request_id = :id ORDER BY e.id",
       soci::use(key));
  for (const soci::row& row : events) {
    const NamedRow e(row);
    cim::v1::FundRequestEvent* event = request.add_timeline();
    event->set_from_status(static_cast<FundRequestStatus>(e.Int("from_status")));
    event->set_to_status(static_cast<FundRequestStatus>(e.Int("to_status")));
    event->set_actor_user_id(e.Integer("actor_id"));
    event->set_actor_name(e.Text("display_name"));
    event->set_comment(e.Text("comment"));
    SetTimestamp(e.Time("created_at"), event->mutable_time());
  }

  std::vector<LedgerEntry> entries =
      ReadLedgerEntries(s, LedgerFilter{.fund_request_id = id}, /*before_id=*/0, /*limit=*/100);
  std::reverse(entries.begin(), entries.end());
  for (LedgerEntry& e : entries) *request.add_entries() = std::move(e);
  return request;
}

void InsertEvent(soci::session& s, int64_t request_id, int from, int to, int64_t actor,
                 const std::string& comment, absl::Time now) {
  long long id = request_id, by = actor;
  std::tm t = ToSqlTime(now);
  s << "INSERT INTO fund_request_events (request_id, from_status, to_status, actor_id, comment,"
       " created_at) VALUES (:id, :from, :to, :actor, :comment, :t)",
      soci::use(id), soci::use(from), soci::use(to), soci::use(by), soci::use(comment),
      soci::use(t);
}

class MysqlFundContext final : public FundContext {
 public:
  MysqlFundContext(soci::session& s, const FundRequest& request) : s_(s), request_(request) {}

  absl::StatusOr<FundPosition> LockFund() override {
    long long program = request_.program_id(), partner = request_.partner_id();
    int fund = request_.fund();
    // The enrollment row serialises every fund decision of the partner in the program: it is
    // changed, not only locked, so that Galera certifies it across nodes (0015_galera_guards).
    soci::statement guard = (s_.prepare << "UPDATE enrollments SET fund_guard = fund_guard + 1"
                                           " WHERE program_id = :program AND partner_id = :partner",
                             soci::use(program), soci::use(partner));
    guard.execute(true);
    if (guard.get_affected_rows() == 0) {
      return absl::FailedPreconditionError("the partner is no longer enrolled in the program");
    }
    std::string credited, debited, reserved;
    soci::indicator credited_ind, debited_ind, reserved_ind;
    s_ << "SELECT CAST(SUM(GREATEST(amount, 0)) AS CHAR), CAST(SUM(LEAST(amount, 0)) AS CHAR)"
          " FROM ledger_entries WHERE program_id = :program AND partner_id = :partner"
          " AND account = :fund",
        soci::use(program), soci::use(partner), soci::use(fund), soci::into(credited, credited_ind),
        soci::into(debited, debited_ind);
    int approved = kReservingStatuses[0], claimed = kReservingStatuses[1];
    s_ << "SELECT CAST(SUM(approved_amount) AS CHAR) FROM fund_requests"
          " WHERE program_id = :program AND partner_id = :partner AND fund = :fund"
          " AND status IN (:approved, :claimed)",
        soci::use(program), soci::use(partner), soci::use(fund), soci::use(approved),
        soci::use(claimed), soci::into(reserved, reserved_ind);
    FundPosition position;
    if (credited_ind == soci::i_ok) {
      CIM_ASSIGN_OR_RETURN(position.credited, Decimal::Parse(credited));
    }
    if (debited_ind == soci::i_ok) {
      CIM_ASSIGN_OR_RETURN(position.debited, Decimal::Parse(debited));
    }
    if (reserved_ind == soci::i_ok) {
      CIM_ASSIGN_OR_RETURN(position.reserved, Decimal::Parse(reserved));
    }
    return position;
  }

 private:
  soci::session& s_;
  const FundRequest& request_;
};

}  // namespace

absl::StatusOr<FundRequest> MysqlFundRepository::Create(const FundRequest& request, int64_t actor,
                                                        absl::Time now) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<FundRequest> {
    const int status = cim::v1::FUND_REQUEST_STATUS_SUBMITTED;
    const int64_t id = Table("fund_requests")
                           .Insert(s, Columns()
                                          .Set("program_id", request.program_id())
                                          .Set("partner_id", request.partner_id())
                                          .Set("fund", static_cast<int>(request.fund()))
                                          .Set("activity", request.activity())
                                          .Set("description", request.description())
                                          .Set("planned_cost", request.planned_cost())
                                          .Set("start_date", request.start_date())
                                          .Set("end_date", request.end_date())
                                          .Set("status", status)
                                          .Set("proof_notes", "")
                                          .Set("requested_by", actor)
                                          .Set("created_at", now)
                                          .Set("updated_at", now));
    InsertEvent(s, id, cim::v1::FUND_REQUEST_STATUS_UNSPECIFIED, status, actor, "", now);
    return ReadRequest(s, id);
  });
}

absl::StatusOr<FundRequest> MysqlFundRepository::Get(int64_t id) {
  return db_.Run([&](soci::session& s) { return ReadRequest(s, id); });
}

absl::StatusOr<std::vector<FundRequest>> MysqlFundRepository::List(const FundRequestFilter& filter,
                                                                   int64_t before_id, int limit) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<FundRequest>> {
    long long before = before_id > 0 ? before_id : std::numeric_limits<long long>::max();
    long long program = filter.program_id, partner = filter.partner_id;
    int status = filter.status;
    soci::rowset<soci::row> rows =
        (s.prepare << absl::StrCat("SELECT ", kColumns,
                                   " FROM fund_requests f JOIN programs p ON p.id = f.program_id"
                                   " WHERE f.id < :before"
                                   " AND (:status1 = 0 OR f.status = :status2)"
                                   " AND (:program1 = 0 OR f.program_id = :program2)"
                                   " AND (:partner1 = 0 OR f.partner_id = :partner2)"
                                   " ORDER BY f.id DESC LIMIT :limit"),
         soci::use(before), soci::use(status), soci::use(status), soci::use(program),
         soci::use(program), soci::use(partner), soci::use(partner), soci::use(limit));
    std::vector<FundRequest> out;
    for (const soci::row& r : rows) out.push_back(RequestFromRow(r));
    return out;
  });
}

absl::StatusOr<FundRequest> MysqlFundRepository::Decide(int64_t id, int64_t actor, absl::Time now,
                                                        const FundDecideFn& decide) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<FundRequest> {
    long long key = id;
    int locked = 0;
    s << "SELECT status FROM fund_requests WHERE id = :id FOR UPDATE", soci::use(key),
        soci::into(locked);
    if (!s.got_data()) return NotFoundError("fund_request", id);
    Table("fund_requests").WillChange(s, id);
    CIM_ASSIGN_OR_RETURN(const FundRequest request, ReadRequest(s, id));
    CIM_ASSIGN_OR_RETURN(const cim::v1::Program program, ReadProgram(s, request.program_id()));
    MysqlFundContext context(s, request);
    CIM_ASSIGN_OR_RETURN(FundDecision decision, decide(request, program, context));

    const auto optional = [](const std::optional<Decimal>& d, std::string& text,
                             soci::indicator& ind) {
      text = d ? d->ToString() : "";
      ind = d ? soci::i_ok : soci::i_null;
    };
    std::string approved, actual, reimbursed;
    soci::indicator approved_ind, actual_ind, reimbursed_ind;
    optional(decision.approved_amount, approved, approved_ind);
    optional(decision.actual_cost, actual, actual_ind);
    optional(decision.reimbursed_amount, reimbursed, reimbursed_ind);
    int to = decision.to, keep_notes = decision.proof_notes ? 0 : 1;
    std::string notes = decision.proof_notes.value_or("");
    std::tm t = ToSqlTime(now);
    s << "UPDATE fund_requests SET status = :to,"
         " approved_amount = COALESCE(:approved, approved_amount),"
         " actual_cost = COALESCE(:actual, actual_cost),"
         " reimbursed_amount = COALESCE(:reimbursed, reimbursed_amount),"
         " proof_notes = IF(:keep = 1, proof_notes, :notes), updated_at = :u,"
         " version = version + 1 WHERE id = :id",
        soci::use(to), soci::use(approved, approved_ind), soci::use(actual, actual_ind),
        soci::use(reimbursed, reimbursed_ind), soci::use(keep_notes), soci::use(notes),
        soci::use(t), soci::use(key);
    long long partner = request.partner_id();
    for (int64_t attachment_id : decision.proof) {
      long long a = attachment_id;
      soci::statement st = (s.prepare << "UPDATE attachments SET fund_request_id = :request"
                                         " WHERE id = :id AND partner_id = :partner"
                                         " AND claim_id IS NULL AND dispute_message_id IS NULL AND "
                                         "(fund_request_id IS NULL"
                                         " OR fund_request_id = :same)",
                            soci::use(key), soci::use(a), soci::use(partner), soci::use(key));
      st.execute(true);
      if (st.get_affected_rows() == 0) {
        return absl::FailedPreconditionError(Phrase("error.attachment_not_unused")
                                                 .Text("attachment", absl::StrCat(attachment_id))
                                                 .str());
      }
    }
    InsertEvent(s, id, request.status(), to, actor, decision.comment, now);
    AppendLedgerEntries(s, decision.postings);
    return ReadRequest(s, id);
  });
}

absl::StatusOr<std::vector<FundBalance>> MysqlFundRepository::Balances(int64_t partner_id,
                                                                       int64_t program_id) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<FundBalance>> {
    long long partner = partner_id, program = program_id;
    int coop = cim::v1::LEDGER_ACCOUNT_COOP_FUND, mdf = cim::v1::LEDGER_ACCOUNT_MDF_FUND;
    int approved = kReservingStatuses[0], claimed = kReservingStatuses[1];
    // Funds exist where the ledger has entries or requests reserve amounts.
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT t.program_id, p.name AS program_name, p.currency_code, t.fund,"
                      " CAST(SUM(t.credited) AS CHAR) AS credited,"
                      " CAST(SUM(t.debited) AS CHAR) AS debited,"
                      " CAST(SUM(t.reserved) AS CHAR) AS reserved FROM ("
                      "  SELECT program_id, account AS fund, GREATEST(amount, 0) AS credited,"
                      "   LEAST(amount, 0) AS debited, 0 AS reserved FROM ledger_entries"
                      "   WHERE partner_id = :partner1 AND account IN (:coop1, :mdf1)"
                      "  UNION ALL"
                      "  SELECT program_id, fund, 0, 0, approved_amount FROM fund_requests"
                      "   WHERE partner_id = :partner2 AND status IN (:approved, :claimed)"
                      " ) t JOIN programs p ON p.id = t.program_id"
                      " WHERE (:program1 = 0 OR t.program_id = :program2)"
                      " GROUP BY t.program_id, p.name, p.currency_code, t.fund"
                      " ORDER BY t.program_id, t.fund",
         soci::use(partner), soci::use(coop), soci::use(mdf), soci::use(partner),
         soci::use(approved), soci::use(claimed), soci::use(program), soci::use(program));
    std::vector<FundBalance> out;
    for (const soci::row& row : rows) {
      const NamedRow r(row);
      FundBalance b;
      b.set_program_id(r.Integer("program_id"));
      b.set_program_name(r.Text("program_name"));
      b.set_currency_code(r.Text("currency_code"));
      b.set_fund(static_cast<cim::v1::LedgerAccount>(r.Int("fund")));
      const int scale = StoredCurrencyScale(b.currency_code());
      CIM_ASSIGN_OR_RETURN(Decimal credited, Decimal::Parse(r.Text("credited")));
      CIM_ASSIGN_OR_RETURN(Decimal debited, Decimal::Parse(r.Text("debited")));
      CIM_ASSIGN_OR_RETURN(Decimal reserved, Decimal::Parse(r.Text("reserved")));
      b.set_credited(credited.ToString(scale));
      b.set_debited(debited.ToString(scale));
      b.set_reserved(reserved.ToString(scale));
      b.set_available((credited + debited - reserved).ToString(scale));
      out.push_back(std::move(b));
    }
    return out;
  });
}

}  // namespace cim
