#include "server/claim/mysql_claim_repository.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "server/common/proto_time.h"
#include "server/common/status_util.h"
#include "server/ledger/mysql_ledger_entries.h"
#include "server/program/mysql_budget.h"
#include "server/program/mysql_program_repository.h"

namespace cim {
namespace {

using cim::v1::ClaimStatus;

constexpr size_t kChunkBytes = 1 << 20;
constexpr int kRejected = cim::v1::CLAIM_STATUS_REJECTED;

constexpr char kClaimColumns[] =
    "c.id, c.program_id, c.partner_id, c.submitted_by, c.invoice_number,"
    " CAST(c.invoice_date AS CHAR), c.customer_name, c.customer_country, c.currency_code,"
    " CAST(c.total_amount AS CHAR), c.notes, c.status, c.resubmitted, c.reviewer_id,"
    " c.created_at, c.updated_at, c.version,"
    " EXISTS(SELECT 1 FROM claim_conflicts k WHERE k.claim_id = c.id)";

constexpr char kAttachmentColumns[] =
    "id, claim_id, filename, content_type, size_bytes, sha256, uploaded_by, created_at,"
    " partner_id";

int MoneyScale(const std::string& currency) { return CurrencyMinorUnits(currency).value_or(2); }

Claim ClaimFromRow(const soci::row& r) {
  Claim c;
  c.set_id(r.get<long long>(0));
  c.set_program_id(r.get<long long>(1));
  c.set_partner_id(r.get<long long>(2));
  c.set_submitted_by_user_id(r.get<long long>(3));
  c.set_invoice_number(r.get<std::string>(4));
  c.set_invoice_date(r.get<std::string>(5));
  c.set_customer_name(r.get<std::string>(6));
  c.set_customer_country(r.get<std::string>(7));
  c.set_currency_code(r.get<std::string>(8));
  c.set_total_amount(FromSqlDecimal(r.get<std::string>(9), MoneyScale(c.currency_code())));
  c.set_notes(r.get<std::string>(10));
  c.set_status(static_cast<ClaimStatus>(r.get<int>(11)));
  if (r.get<int>(12) != 0) {
    auto* flag = c.add_flags();
    flag->set_flag(cim::v1::CLAIM_FLAG_RESUBMITTED);
    flag->set_reason("resubmitted after the reviewer asked for information");
  }
  if (r.get_indicator(13) == soci::i_ok) c.set_reviewer_user_id(r.get<long long>(13));
  SetTimestamp(FromSqlTime(r.get<std::tm>(14)), c.mutable_create_time());
  SetTimestamp(FromSqlTime(r.get<std::tm>(15)), c.mutable_update_time());
  c.set_etag(absl::StrCat(r.get<long long>(16)));
  if (r.get<int>(17) != 0) {
    c.add_flags()->set_flag(cim::v1::CLAIM_FLAG_CHANNEL_CONFLICT);
  }
  return c;
}

Attachment AttachmentFromRow(const soci::row& r) {
  Attachment a;
  a.set_id(r.get<long long>(0));
  if (r.get_indicator(1) == soci::i_ok) a.set_claim_id(r.get<long long>(1));
  a.set_filename(r.get<std::string>(2));
  a.set_content_type(r.get<std::string>(3));
  a.set_size_bytes(r.get<long long>(4));
  a.set_sha256(r.get<std::string>(5));
  a.set_uploaded_by_user_id(r.get<long long>(6));
  SetTimestamp(FromSqlTime(r.get<std::tm>(7)), a.mutable_create_time());
  a.set_partner_id(r.get<long long>(8));
  return a;
}

// The claim's row (locked until the transaction ends when `lock`) and lines.
absl::StatusOr<Claim> ReadClaimCore(soci::session& s, int64_t id, bool lock = false) {
  long long key = id;
  soci::row r;
  s << absl::StrCat("SELECT ", kClaimColumns, " FROM claims c WHERE c.id = :id",
                    lock ? " FOR UPDATE" : ""),
      soci::use(key), soci::into(r);
  if (!s.got_data()) return absl::NotFoundError(absl::StrCat("claim ", id, " not found"));
  Claim claim = ClaimFromRow(r);
  const int scale = MoneyScale(claim.currency_code());

  soci::rowset<soci::row> lines =
      (s.prepare << "SELECT sku, quantity, CAST(unit_price AS CHAR), CAST(amount AS CHAR)"
                    " FROM claim_lines WHERE claim_id = :id ORDER BY line_no",
       soci::use(key));
  for (const soci::row& l : lines) {
    cim::v1::ClaimLine* line = claim.add_lines();
    line->set_sku(l.get<std::string>(0));
    line->set_quantity(l.get<long long>(1));
    line->set_unit_price(FromSqlDecimal(l.get<std::string>(2), scale));
    line->set_amount(FromSqlDecimal(l.get<std::string>(3), scale));
  }
  return claim;
}

// The full claim: row, lines, attachments, conflict details, timeline and rewards.
absl::StatusOr<Claim> ReadClaim(soci::session& s, int64_t id) {
  CIM_ASSIGN_OR_RETURN(Claim claim, ReadClaimCore(s, id));
  long long key = id;
  soci::rowset<soci::row> attachments =
      (s.prepare << absl::StrCat("SELECT ", kAttachmentColumns,
                                 " FROM attachments WHERE claim_id = :id ORDER BY id"),
       soci::use(key));
  for (const soci::row& a : attachments) {
    *claim.add_attachments() = AttachmentFromRow(a);
    claim.add_attachment_ids(claim.attachments().rbegin()->id());
  }

  soci::rowset<soci::row> conflicts =
      (s.prepare << "SELECT other_claim_id, reason FROM claim_conflicts WHERE claim_id = :id"
                    " ORDER BY other_claim_id",
       soci::use(key));
  std::vector<std::string> reasons;
  std::vector<int64_t> others;
  for (const soci::row& k : conflicts) {
    others.push_back(k.get<long long>(0));
    reasons.push_back(k.get<std::string>(1));
  }
  for (auto& flag : *claim.mutable_flags()) {
    if (flag.flag() != cim::v1::CLAIM_FLAG_CHANNEL_CONFLICT) continue;
    flag.set_reason(absl::StrJoin(reasons, "; "));
    for (int64_t other : others) flag.add_related_claim_ids(other);
  }

  soci::rowset<soci::row> events =
      (s.prepare << "SELECT e.from_status, e.to_status, e.actor_id, u.display_name, e.comment,"
                    " e.created_at FROM claim_events e JOIN users u ON u.id = e.actor_id"
                    " WHERE e.claim_id = :id ORDER BY e.id",
       soci::use(key));
  for (const soci::row& e : events) {
    cim::v1::ClaimEvent* event = claim.add_timeline();
    event->set_from_status(static_cast<ClaimStatus>(e.get<int>(0)));
    event->set_to_status(static_cast<ClaimStatus>(e.get<int>(1)));
    event->set_actor_user_id(e.get<long long>(2));
    event->set_actor_name(e.get<std::string>(3));
    event->set_comment(e.get<std::string>(4));
    SetTimestamp(FromSqlTime(e.get<std::tm>(5)), event->mutable_time());
  }

  std::vector<LedgerEntry> rewards =
      ReadLedgerEntries(s, LedgerFilter{.claim_id = id}, /*before_id=*/0, /*limit=*/1000);
  std::reverse(rewards.begin(), rewards.end());  // in posting order
  for (LedgerEntry& e : rewards) *claim.add_rewards() = std::move(e);
  return claim;
}

void InsertEvent(soci::session& s, int64_t claim_id, int from, int to, int64_t actor,
                 const std::string& comment, absl::Time now) {
  long long id = claim_id, by = actor;
  std::tm t = ToSqlTime(now);
  s << "INSERT INTO claim_events (claim_id, from_status, to_status, actor_id, comment,"
       " created_at) VALUES (:claim, :from, :to, :actor, :comment, :t)",
      soci::use(id), soci::use(from), soci::use(to), soci::use(by), soci::use(comment),
      soci::use(t);
}

void InsertLines(soci::session& s, int64_t claim_id, const Claim& claim) {
  // One statement for all lines; the bound values live in `rows` until it has run.
  struct Row {
    long long claim, quantity;
    int line_no;
  };
  std::vector<Row> rows;
  rows.reserve(claim.lines_size());
  soci::statement st(s);
  std::vector<std::string> values;
  for (int i = 0; i < claim.lines_size(); ++i) {
    const cim::v1::ClaimLine& line = claim.lines(i);
    rows.push_back(Row{.claim = claim_id, .quantity = line.quantity(), .line_no = i});
    Row& r = rows.back();
    st.exchange(soci::use(r.claim));
    st.exchange(soci::use(r.line_no));
    st.exchange(soci::use(line.sku()));
    st.exchange(soci::use(r.quantity));
    st.exchange(soci::use(line.unit_price()));
    st.exchange(soci::use(line.amount()));
    values.push_back(
        absl::StrCat("(:c", i, ", :n", i, ", :s", i, ", :q", i, ", :p", i, ", :a", i, ")"));
  }
  st.alloc();
  st.prepare(absl::StrCat(
      "INSERT INTO claim_lines (claim_id, line_no, sku, quantity, unit_price, amount) VALUES ",
      absl::StrJoin(values, ", ")));
  st.define_and_bind();
  st.execute(true);
}

// Attaches the claim's attachments: each must be the partner's and not yet attached.
absl::Status Attach(soci::session& s, int64_t claim_id, const Claim& claim) {
  long long id = claim_id, partner = claim.partner_id();
  for (int64_t attachment_id : claim.attachment_ids()) {
    long long a = attachment_id;
    soci::statement st = (s.prepare << "UPDATE attachments SET claim_id = :claim WHERE id = :id AND"
                                       " partner_id = :partner AND fund_request_id IS NULL"
                                       " AND (claim_id IS NULL OR claim_id = :same)",
                          soci::use(id), soci::use(a), soci::use(partner), soci::use(id));
    st.execute(true);
    if (st.get_affected_rows() == 0) {
      return absl::FailedPreconditionError(absl::StrCat(
          "attachment ", attachment_id, " is not an unattached upload of this partner"));
    }
  }
  return absl::OkStatus();
}

// Flags a channel conflict between `claim_id` and every live claim of another partner with the
// same invoice and customer. Returns the new claim's flag, if any.
std::optional<cim::v1::ClaimFlagDetail> RecordConflicts(soci::session& s, int64_t claim_id,
                                                        const NewClaim& claim) {
  long long id = claim_id, partner = claim.claim.partner_id();
  // Submissions of the same invoice and customer queue on this row, so each one's search below
  // sees the others (READ COMMITTED reads what the lock holder committed).
  s << "INSERT INTO claim_invoice_locks (invoice_key, customer_key) VALUES (:invoice, :customer)"
       " ON DUPLICATE KEY UPDATE invoice_key = invoice_key",
      soci::use(claim.invoice_key), soci::use(claim.customer_key);
  int rejected = kRejected;
  soci::rowset<soci::row> others =
      (s.prepare << "SELECT c.id, p.name FROM claims c JOIN partners p ON p.id = c.partner_id"
                    " WHERE c.invoice_key = :invoice AND c.customer_key = :customer"
                    " AND c.partner_id <> :partner AND c.status <> :rejected AND c.id <> :id",
       soci::use(claim.invoice_key), soci::use(claim.customer_key), soci::use(partner),
       soci::use(rejected), soci::use(id));
  std::vector<std::pair<long long, std::string>> found;
  for (const soci::row& r : others) found.emplace_back(r.get<long long>(0), r.get<std::string>(1));
  if (found.empty()) return std::nullopt;
  cim::v1::ClaimFlagDetail flag;
  flag.set_flag(cim::v1::CLAIM_FLAG_CHANNEL_CONFLICT);
  std::vector<std::string> reasons;
  std::string own_name;
  s << "SELECT name FROM partners WHERE id = :id", soci::use(partner), soci::into(own_name);
  const std::string what =
      absl::StrCat("invoice ", claim.claim.invoice_number(), " for ", claim.claim.customer_name());
  for (auto& [other, other_name] : found) {
    std::string mine =
        absl::StrCat(what, " was also claimed by ", other_name, " (claim ", other, ")");
    std::string theirs = absl::StrCat(what, " was also claimed by ", own_name, " (claim ", id, ")");
    s << "INSERT IGNORE INTO claim_conflicts (claim_id, other_claim_id, reason)"
         " VALUES (:a, :b, :reason)",
        soci::use(id), soci::use(other), soci::use(mine);
    s << "INSERT IGNORE INTO claim_conflicts (claim_id, other_claim_id, reason)"
         " VALUES (:a, :b, :reason)",
        soci::use(other), soci::use(id), soci::use(theirs);
    reasons.push_back(mine);
    flag.add_related_claim_ids(other);
  }
  flag.set_reason(absl::StrJoin(reasons, "; "));
  return flag;
}

std::optional<InsertOutcome> FindByKey(soci::session& s, int64_t partner_id,
                                       const std::string& key) {
  long long partner = partner_id, id = 0;
  std::string hash;
  s << "SELECT id, request_hash FROM claims WHERE partner_id = :partner AND"
       " idempotency_key = :key",
      soci::use(partner), soci::use(key), soci::into(id), soci::into(hash);
  if (!s.got_data()) return std::nullopt;
  return InsertOutcome{.claim_id = id, .replayed = true, .request_hash = hash};
}

// The partner's approved or paid sales in the program with an invoice date in `range`, of
// `skus` (all if empty).
absl::StatusOr<Decimal> SalesInRange(soci::session& s, int64_t program_id, int64_t partner_id,
                                     const DateRange& range, const std::vector<std::string>& skus) {
  long long program = program_id, partner = partner_id;
  std::string first = FormatDate(range.first), last = FormatDate(range.last);
  int approved = cim::v1::CLAIM_STATUS_APPROVED, paid = cim::v1::CLAIM_STATUS_PAID;
  std::string total;
  soci::indicator total_ind;
  soci::statement st(s);
  st.exchange(soci::into(total, total_ind));
  st.exchange(soci::use(program));
  st.exchange(soci::use(partner));
  st.exchange(soci::use(approved));
  st.exchange(soci::use(paid));
  st.exchange(soci::use(first));
  st.exchange(soci::use(last));
  std::vector<std::string> marks;
  for (size_t i = 0; i < skus.size(); ++i) {
    st.exchange(soci::use(skus[i]));
    marks.push_back(absl::StrCat(":sku", i));
  }
  st.alloc();
  st.prepare(absl::StrCat(
      "SELECT CAST(SUM(l.amount) AS CHAR) FROM claims c JOIN claim_lines l"
      " ON l.claim_id = c.id WHERE c.program_id = :program AND c.partner_id = :partner"
      " AND c.status IN (:a, :p)"
      " AND c.invoice_date BETWEEN :first AND :last",
      skus.empty() ? "" : absl::StrCat(" AND l.sku IN (", absl::StrJoin(marks, ", "), ")")));
  st.define_and_bind();
  st.execute(true);
  if (total_ind != soci::i_ok) return Decimal();
  return Decimal::Parse(total);
}

class MysqlDecisionContext final : public DecisionContext {
 public:
  MysqlDecisionContext(soci::session& s, int64_t program_id, int64_t partner_id)
      : s_(s), program_id_(program_id), partner_id_(partner_id) {}

  absl::StatusOr<absl::flat_hash_map<std::string, RuleTotals>> LockTotals(
      std::vector<std::string> rule_ids, absl::CivilDay period_start) override {
    absl::flat_hash_map<std::string, RuleTotals> out;
    if (rule_ids.empty()) return out;
    std::sort(rule_ids.begin(), rule_ids.end());  // one lock order for every transaction
    long long program = program_id_, partner = partner_id_;
    std::string period = FormatDate(period_start);
    {
      soci::statement st(s_);
      std::vector<std::string> values;
      for (size_t i = 0; i < rule_ids.size(); ++i) {
        st.exchange(soci::use(program));
        st.exchange(soci::use(partner));
        st.exchange(soci::use(rule_ids[i]));
        st.exchange(soci::use(period));
        values.push_back(absl::StrCat("(:p", i, ", :q", i, ", :r", i, ", :d", i, ")"));
      }
      st.alloc();
      st.prepare(absl::StrCat(
          "INSERT INTO reward_period_totals (program_id, partner_id, rule_id, period_start)"
          " VALUES ",
          absl::StrJoin(values, ", "), " ON DUPLICATE KEY UPDATE volume = volume"));
      st.define_and_bind();
      st.execute(true);
    }
    soci::statement st(s_);
    std::string rule, volume, rebate;
    int lump = 0;
    st.exchange(soci::into(rule));
    st.exchange(soci::into(volume));
    st.exchange(soci::into(rebate));
    st.exchange(soci::into(lump));
    st.exchange(soci::use(program));
    st.exchange(soci::use(partner));
    st.exchange(soci::use(period));
    std::vector<std::string> marks;
    for (size_t i = 0; i < rule_ids.size(); ++i) {
      st.exchange(soci::use(rule_ids[i]));
      marks.push_back(absl::StrCat(":r", i));
    }
    st.alloc();
    st.prepare(absl::StrCat(
        "SELECT rule_id, CAST(volume AS CHAR), CAST(rebate_posted AS CHAR), lump_sum_posted"
        " FROM reward_period_totals WHERE program_id = :program AND partner_id = :partner"
        " AND period_start = :period AND rule_id IN (",
        absl::StrJoin(marks, ", "), ") ORDER BY rule_id FOR UPDATE"));
    st.define_and_bind();
    st.execute(false);
    while (st.fetch()) {
      RuleTotals totals;
      CIM_ASSIGN_OR_RETURN(totals.volume, Decimal::Parse(volume));
      CIM_ASSIGN_OR_RETURN(totals.rebate_posted, Decimal::Parse(rebate));
      totals.lump_sum_posted = lump != 0;
      out[rule] = totals;
    }
    return out;
  }

  absl::StatusOr<Decimal> ApprovedSales(const DateRange& range,
                                        const std::vector<std::string>& skus) override {
    return SalesInRange(s_, program_id_, partner_id_, range, skus);
  }

 private:
  soci::session& s_;
  int64_t program_id_;
  int64_t partner_id_;
};

}  // namespace

absl::StatusOr<std::optional<InsertOutcome>> MysqlClaimRepository::Lookup(
    int64_t partner_id, const std::string& idempotency_key) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::optional<InsertOutcome>> {
    return FindByKey(s, partner_id, idempotency_key);
  });
}

absl::StatusOr<InsertOutcome> MysqlClaimRepository::Insert(const NewClaim& in) {
  const Claim& claim = in.claim;
  absl::StatusOr<InsertOutcome> inserted =
      db_.Transact([&](soci::session& s) -> absl::StatusOr<InsertOutcome> {
        // A reused idempotency key or invoice number fails the INSERT (unique keys); the
        // lookups below sort out which, so the common case pays for no extra query.
        long long program = claim.program_id(), partner = claim.partner_id(),
                  by = claim.submitted_by_user_id();
        int status = cim::v1::CLAIM_STATUS_SUBMITTED;
        std::tm t = ToSqlTime(in.now);
        s << "INSERT INTO claims (program_id, partner_id, submitted_by, idempotency_key,"
             " request_hash, invoice_number, invoice_key, invoice_date, customer_name,"
             " customer_key, customer_country, currency_code, total_amount, notes, status,"
             " created_at, updated_at) VALUES (:program, :partner, :by, :key, :hash, :invoice,"
             " :invoice_key, :date, :customer, :customer_key, :country, :currency, :total,"
             " :notes, :status, :c, :u)",
            soci::use(program), soci::use(partner), soci::use(by), soci::use(in.idempotency_key),
            soci::use(in.request_hash), soci::use(claim.invoice_number()),
            soci::use(in.invoice_key), soci::use(claim.invoice_date()),
            soci::use(claim.customer_name()), soci::use(in.customer_key),
            soci::use(claim.customer_country()), soci::use(claim.currency_code()),
            soci::use(claim.total_amount()), soci::use(claim.notes()), soci::use(status),
            soci::use(t), soci::use(t);
        long long id = 0;
        s.get_last_insert_id("claims", id);
        InsertLines(s, id, claim);
        InsertEvent(s, id, cim::v1::CLAIM_STATUS_UNSPECIFIED, status, claim.submitted_by_user_id(),
                    "", in.now);
        CIM_RETURN_IF_ERROR(Attach(s, id, claim));
        std::optional<cim::v1::ClaimFlagDetail> conflict = RecordConflicts(s, id, in);
        // The stored claim, as ReadClaim would return it, without reading it back.
        Claim stored = claim;
        stored.set_id(id);
        stored.set_status(cim::v1::CLAIM_STATUS_SUBMITTED);
        const absl::Time stored_now = FromSqlTime(t);
        SetTimestamp(stored_now, stored.mutable_create_time());
        SetTimestamp(stored_now, stored.mutable_update_time());
        stored.set_etag("1");
        stored.clear_attachments();
        for (const Attachment& a : in.attachments) {
          Attachment* attached = stored.add_attachments();
          *attached = a;
          attached->set_claim_id(id);
        }
        if (conflict) *stored.add_flags() = *conflict;
        cim::v1::ClaimEvent* event = stored.add_timeline();
        event->set_to_status(cim::v1::CLAIM_STATUS_SUBMITTED);
        event->set_actor_user_id(claim.submitted_by_user_id());
        event->set_actor_name(in.submitter_name);
        SetTimestamp(stored_now, event->mutable_time());
        return InsertOutcome{.claim_id = id, .claim = std::move(stored)};
      });
  if (!absl::IsAlreadyExists(inserted.status())) return inserted;
  // A concurrent submission with the same key won the race, or the invoice is taken.
  return db_.Run([&](soci::session& s) -> absl::StatusOr<InsertOutcome> {
    if (auto hit = FindByKey(s, claim.partner_id(), in.idempotency_key)) return *hit;
    long long partner = claim.partner_id(), existing = 0;
    s << "SELECT id FROM claims WHERE partner_id = :partner AND live_invoice_key = :key",
        soci::use(partner), soci::use(in.invoice_key), soci::into(existing);
    return absl::AlreadyExistsError(
        absl::StrCat("invoice ", claim.invoice_number(), " was already claimed by this partner",
                     s.got_data() ? absl::StrCat(" (claim ", existing, ")") : ""));
  });
}

absl::StatusOr<Claim> MysqlClaimRepository::Get(int64_t id) {
  return db_.Run([&](soci::session& s) { return ReadClaim(s, id); });
}

absl::StatusOr<std::vector<Claim>> MysqlClaimRepository::List(const ClaimFilter& filter,
                                                              int64_t before_id, int limit) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<Claim>> {
    long long before = before_id > 0 ? before_id : std::numeric_limits<long long>::max();
    long long program = filter.program_id, partner = filter.partner_id;
    int status = filter.status, flagged = filter.flagged_only ? 1 : 0;
    soci::rowset<soci::row> rows =
        (s.prepare << absl::StrCat(
             "SELECT ", kClaimColumns,
             " FROM claims c WHERE c.id < :before"
             " AND (:status1 = 0 OR c.status = :status2)"
             " AND (:program1 = 0 OR c.program_id = :program2)"
             " AND (:partner1 = 0 OR c.partner_id = :partner2)"
             " AND (:flagged = 0 OR c.resubmitted = 1 OR"
             " EXISTS(SELECT 1 FROM claim_conflicts k WHERE k.claim_id = c.id))"
             " ORDER BY c.id DESC LIMIT :limit"),
         soci::use(before), soci::use(status), soci::use(status), soci::use(program),
         soci::use(program), soci::use(partner), soci::use(partner), soci::use(flagged),
         soci::use(limit));
    std::vector<Claim> out;
    for (const soci::row& r : rows) out.push_back(ClaimFromRow(r));
    return out;
  });
}

absl::StatusOr<Claim> MysqlClaimRepository::Decide(int64_t claim_id, int64_t actor, absl::Time now,
                                                   const DecideFn& decide) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<Claim> {
    long long id = claim_id;
    CIM_ASSIGN_OR_RETURN(const Claim claim, ReadClaimCore(s, claim_id, /*lock=*/true));
    CIM_ASSIGN_OR_RETURN(const cim::v1::Program program, ReadProgram(s, claim.program_id()));
    MysqlDecisionContext context(s, claim.program_id(), claim.partner_id());
    CIM_ASSIGN_OR_RETURN(ClaimDecision decision, decide(claim, program, context));

    if (decision.replacement) {
      const NewClaim& r = *decision.replacement;
      const Claim& c = r.claim;
      s << "UPDATE claims SET invoice_number = :invoice, invoice_key = :invoice_key,"
           " invoice_date = :date, customer_name = :customer, customer_key = :customer_key,"
           " customer_country = :country, total_amount = :total, notes = :notes,"
           " resubmitted = 1 WHERE id = :id",
          soci::use(c.invoice_number()), soci::use(r.invoice_key), soci::use(c.invoice_date()),
          soci::use(c.customer_name()), soci::use(r.customer_key), soci::use(c.customer_country()),
          soci::use(c.total_amount()), soci::use(c.notes()), soci::use(id);
      s << "DELETE FROM claim_lines WHERE claim_id = :id", soci::use(id);
      InsertLines(s, claim_id, c);
      CIM_RETURN_IF_ERROR(Attach(s, claim_id, c));
      RecordConflicts(s, claim_id, r);
    }
    int from = claim.status(), to = decision.to, assign = decision.assign_reviewer ? 1 : 0;
    long long by = actor;
    std::tm t = ToSqlTime(now);
    s << "UPDATE claims SET status = :to, reviewer_id = IF(:assign = 1, :actor, reviewer_id),"
         " updated_at = :u, version = version + 1 WHERE id = :id",
        soci::use(to), soci::use(assign), soci::use(by), soci::use(t), soci::use(id);
    InsertEvent(s, claim_id, from, to, actor, decision.comment, now);
    AppendLedgerEntries(s, decision.postings);
    long long program_id = claim.program_id(), partner = claim.partner_id();
    if (!decision.totals.empty()) {
      // One statement for every rule's totals; the values live in `rows` until it has run.
      struct Row {
        std::string period, volume, rebate;
        int lump;
      };
      std::vector<Row> rows;
      rows.reserve(decision.totals.size());
      soci::statement st(s);
      std::vector<std::string> values;
      for (size_t i = 0; i < decision.totals.size(); ++i) {
        const TotalsChange& change = decision.totals[i];
        rows.push_back(Row{.period = FormatDate(change.period_start),
                           .volume = change.volume.ToString(),
                           .rebate = change.rebate.ToString(),
                           .lump = change.lump_sum_posted ? 1 : 0});
        Row& row = rows.back();
        st.exchange(soci::use(program_id));
        st.exchange(soci::use(partner));
        st.exchange(soci::use(change.rule_id));
        st.exchange(soci::use(row.period));
        st.exchange(soci::use(row.volume));
        st.exchange(soci::use(row.rebate));
        st.exchange(soci::use(row.lump));
        values.push_back(absl::StrCat("(:p", i, ", :q", i, ", :r", i, ", :d", i, ", :v", i, ", :b",
                                      i, ", :l", i, ")"));
      }
      st.alloc();
      st.prepare(absl::StrCat(
          "INSERT INTO reward_period_totals (program_id, partner_id, rule_id, period_start,"
          " volume, rebate_posted, lump_sum_posted) VALUES ",
          absl::StrJoin(values, ", "),
          " ON DUPLICATE KEY UPDATE volume = volume + VALUES(volume), rebate_posted ="
          " rebate_posted + VALUES(rebate_posted), lump_sum_posted = GREATEST(lump_sum_posted,"
          " VALUES(lump_sum_posted))"));
      st.define_and_bind();
      st.execute(true);
    }
    CIM_RETURN_IF_ERROR(DrawBudget(s, program_id, partner, decision.budget_draw));
    return ReadClaim(s, claim_id);
  });
}

absl::StatusOr<absl::flat_hash_map<std::string, RuleTotals>> MysqlClaimRepository::PeriodTotals(
    int64_t program_id, int64_t partner_id, absl::CivilDay period_start) {
  return db_.Run(
      [&](soci::session& s) -> absl::StatusOr<absl::flat_hash_map<std::string, RuleTotals>> {
        long long program = program_id, partner = partner_id;
        std::string period = FormatDate(period_start);
        soci::rowset<soci::row> rows =
            (s.prepare << "SELECT rule_id, CAST(volume AS CHAR), CAST(rebate_posted AS CHAR),"
                          " lump_sum_posted FROM reward_period_totals WHERE program_id = :program"
                          " AND partner_id = :partner AND period_start = :period",
             soci::use(program), soci::use(partner), soci::use(period));
        absl::flat_hash_map<std::string, RuleTotals> out;
        for (const soci::row& r : rows) {
          RuleTotals t;
          CIM_ASSIGN_OR_RETURN(t.volume, Decimal::Parse(r.get<std::string>(1)));
          CIM_ASSIGN_OR_RETURN(t.rebate_posted, Decimal::Parse(r.get<std::string>(2)));
          t.lump_sum_posted = r.get<int>(3) != 0;
          out[r.get<std::string>(0)] = t;
        }
        return out;
      });
}

absl::StatusOr<Decimal> MysqlClaimRepository::ApprovedSales(int64_t program_id, int64_t partner_id,
                                                            const DateRange& range,
                                                            const std::vector<std::string>& skus) {
  return db_.Run(
      [&](soci::session& s) { return SalesInRange(s, program_id, partner_id, range, skus); });
}

absl::StatusOr<Attachment> MysqlClaimRepository::GetAttachment(int64_t id) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<Attachment> {
    long long key = id;
    soci::row r;
    s << absl::StrCat("SELECT ", kAttachmentColumns, " FROM attachments WHERE id = :id"),
        soci::use(key), soci::into(r);
    if (!s.got_data()) return absl::NotFoundError(absl::StrCat("attachment ", id, " not found"));
    return AttachmentFromRow(r);
  });
}

absl::StatusOr<Attachment> MysqlClaimRepository::CreateAttachment(const Attachment& attachment,
                                                                  const std::string& bytes) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<Attachment> {
    long long partner = attachment.partner_id(), by = attachment.uploaded_by_user_id(),
              size = static_cast<long long>(bytes.size());
    std::tm t = ToSqlTime(FromTimestamp(attachment.create_time()));
    s << "INSERT INTO attachments (partner_id, uploaded_by, filename, content_type, size_bytes,"
         " sha256, created_at) VALUES (:partner, :by, :name, :type, :size, :sha, :t)",
        soci::use(partner), soci::use(by), soci::use(attachment.filename()),
        soci::use(attachment.content_type()), soci::use(size), soci::use(attachment.sha256()),
        soci::use(t);
    long long id = 0;
    s << "SELECT LAST_INSERT_ID()", soci::into(id);
    for (size_t offset = 0, seq = 0; offset < bytes.size(); offset += kChunkBytes, ++seq) {
      std::string chunk = bytes.substr(offset, kChunkBytes);
      int n = static_cast<int>(seq);
      s << "INSERT INTO attachment_chunks (attachment_id, seq, data) VALUES (:id, :seq, :data)",
          soci::use(id), soci::use(n), soci::use(chunk);
    }
    Attachment stored = attachment;
    stored.set_id(id);
    return stored;
  });
}

absl::Status MysqlClaimRepository::ReadAttachment(
    int64_t id, const std::function<bool(const std::string&)>& sink) {
  return db_.Run([&](soci::session& s) -> absl::Status {
    long long key = id;
    for (int seq = 0;; ++seq) {
      std::string chunk;
      s << "SELECT data FROM attachment_chunks WHERE attachment_id = :id AND seq = :seq",
          soci::use(key), soci::use(seq), soci::into(chunk);
      if (!s.got_data() || !sink(chunk)) return absl::OkStatus();
    }
  });
}

}  // namespace cim
