#include "server/claim/mysql_claim_repository.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "lib/audit_scope.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "server/claim/mysql_attachment_rows.h"
#include "server/claim/mysql_claim_view.h"
#include "server/db/sql_builder.h"
#include "server/db/table.h"
#include "server/events/mysql_outbox.h"
#include "server/money/mysql_budget.h"
#include "server/money/mysql_ledger_entries.h"
#include "server/program/mysql_program_repository.h"

namespace cim {
namespace {

using cim::v1::ClaimStatus;

constexpr size_t kChunkBytes = 1 << 20;
constexpr int kRejected = cim::v1::CLAIM_STATUS_REJECTED;

constexpr char kClaimColumns[] =
    "c.id, c.program_id, c.partner_id, c.submitted_by, c.invoice_number,"
    " CAST(c.invoice_date AS CHAR) AS invoice_date, c.customer_name, c.customer_country,"
    " c.currency_code, CAST(c.total_amount AS CHAR) AS total_amount, c.notes, c.status,"
    " c.resubmitted, c.reviewer_id, c.created_at, c.updated_at, c.version,"
    " EXISTS(SELECT 1 FROM claim_conflicts k WHERE k.claim_id = c.id) AS in_conflict";

Claim ClaimFromRow(const soci::row& row) {
  const NamedRow r(row);
  Claim c;
  c.set_id(r.Integer("id"));
  c.set_program_id(r.Integer("program_id"));
  c.set_partner_id(r.Integer("partner_id"));
  c.set_submitted_by_user_id(r.Integer("submitted_by"));
  c.set_invoice_number(r.Text("invoice_number"));
  c.set_invoice_date(r.Text("invoice_date"));
  c.set_customer_name(r.Text("customer_name"));
  c.set_customer_country(r.Text("customer_country"));
  c.set_currency_code(r.Text("currency_code"));
  c.set_total_amount(r.Decimal("total_amount", StoredCurrencyScale(c.currency_code())));
  c.set_notes(r.Text("notes"));
  c.set_status(static_cast<ClaimStatus>(r.Int("status")));
  if (r.Int("resubmitted") != 0) {
    auto* flag = c.add_flags();
    flag->set_flag(cim::v1::CLAIM_FLAG_RESUBMITTED);
    flag->set_reason("resubmitted after the reviewer asked for information");
  }
  c.set_reviewer_user_id(r.Integer("reviewer_id"));
  SetTimestamp(r.Time("created_at"), c.mutable_create_time());
  SetTimestamp(r.Time("updated_at"), c.mutable_update_time());
  c.set_etag(absl::StrCat(r.Integer("version")));
  if (r.Int("in_conflict") != 0) c.add_flags()->set_flag(cim::v1::CLAIM_FLAG_CHANNEL_CONFLICT);
  return c;
}

// The claims of `ids` that exist, with their lines (no attachments, conflict details, timeline
// or rewards), by id; locked until the transaction ends when `lock` (in id order, so that
// transactions locking several claims do not deadlock).
absl::flat_hash_map<int64_t, Claim> ReadClaimCores(soci::session& s, std::vector<int64_t> ids,
                                                   bool lock) {
  absl::flat_hash_map<int64_t, Claim> out;
  if (ids.empty()) return out;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  SqlBuilder rows(absl::StrCat("SELECT ", kClaimColumns,
                               ", l.sku, l.quantity, CAST(l.unit_price AS CHAR) AS unit_price,"
                               " CAST(l.amount AS CHAR) AS line_amount FROM claims c"
                               " LEFT JOIN claim_lines l ON l.claim_id = c.id WHERE c.id IN "));
  rows.List(ids) << " ORDER BY c.id, l.line_no" << (lock ? " FOR UPDATE" : "");
  rows.Query(s, [&](const soci::row& row) {
    const NamedRow r(row);
    const int64_t id = r.Integer("id");
    auto it = out.find(id);
    if (it == out.end()) it = out.emplace(id, ClaimFromRow(row)).first;
    if (r.IsNull("sku")) return;  // no lines
    Claim& claim = it->second;
    const int scale = StoredCurrencyScale(claim.currency_code());
    cim::v1::ClaimLine* line = claim.add_lines();
    line->set_sku(r.Text("sku"));
    line->set_quantity(r.Integer("quantity"));
    line->set_unit_price(r.Decimal("unit_price", scale));
    line->set_amount(r.Decimal("line_amount", scale));
  });
  return out;
}

// A claim event's columns (claim_events e joined with users u), as ClaimEventFromRow reads them.
constexpr char kClaimEventColumns[] =
    "e.from_status, e.to_status, e.actor_id, u.display_name, e.comment, e.created_at";

// The event in a row with kClaimEventColumns.
void ClaimEventFromRow(const NamedRow& r, cim::v1::ClaimEvent* event) {
  event->set_from_status(static_cast<ClaimStatus>(r.Int("from_status")));
  event->set_to_status(static_cast<ClaimStatus>(r.Int("to_status")));
  event->set_actor_user_id(r.Integer("actor_id"));
  event->set_actor_name(r.Text("display_name"));
  event->set_comment(r.Text("comment"));
  SetTimestamp(r.Time("created_at"), event->mutable_time());
}

// Adds to `claims` (as ReadClaimCores returns them) their attachments, conflict details,
// timelines and rewards.
void ReadClaimDetails(soci::session& s, absl::flat_hash_map<int64_t, Claim>& claims) {
  if (claims.empty()) return;
  std::vector<int64_t> found;
  for (const auto& [id, claim] : claims) found.push_back(id);

  SqlBuilder attachments(
      absl::StrCat("SELECT ", kAttachmentColumns, " FROM attachments WHERE claim_id IN "));
  attachments.List(found) << " ORDER BY id";
  attachments.Query(s, [&](const soci::row& r) {
    Attachment a = AttachmentFromRow(r);
    Claim& claim = claims[a.claim_id()];
    claim.add_attachment_ids(a.id());
    *claim.add_attachments() = std::move(a);
  });

  absl::flat_hash_map<int64_t, std::vector<std::pair<int64_t, std::string>>> conflicts;
  SqlBuilder conflict_rows(
      "SELECT claim_id, other_claim_id, reason FROM claim_conflicts WHERE claim_id IN ");
  conflict_rows.List(found) << " ORDER BY claim_id, other_claim_id";
  conflict_rows.Query(s, [&](const soci::row& k) {
    conflicts[k.get<long long>(0)].emplace_back(k.get<long long>(1), k.get<std::string>(2));
  });
  for (auto& [id, claim] : claims) {
    for (auto& flag : *claim.mutable_flags()) {
      if (flag.flag() != cim::v1::CLAIM_FLAG_CHANNEL_CONFLICT) continue;
      std::vector<std::string> reasons;
      for (const auto& [other, reason] : conflicts[id]) {
        flag.add_related_claim_ids(other);
        reasons.push_back(reason);
      }
      flag.set_reason(absl::StrJoin(reasons, "; "));
    }
  }

  SqlBuilder events(absl::StrCat("SELECT e.claim_id, ", kClaimEventColumns,
                                 " FROM claim_events e JOIN users u ON u.id = e.actor_id"
                                 " WHERE e.claim_id IN "));
  events.List(found) << " ORDER BY e.id";
  events.Query(s, [&](const soci::row& row) {
    const NamedRow e(row);
    ClaimEventFromRow(e, claims[e.Integer("claim_id")].add_timeline());
  });

  SqlBuilder rewards(
      absl::StrCat("SELECT ", kLedgerEntryColumns, " FROM ledger_entries WHERE claim_id IN "));
  rewards.List(found) << " ORDER BY id";
  rewards.Query(s, [&](const soci::row& r) {
    LedgerEntry entry = LedgerEntryFromRow(r);
    *claims[entry.claim_id()].add_rewards() = std::move(entry);
  });
}

// The full claims of `ids` that exist: rows, lines, attachments, conflict details, timelines
// and rewards, by id.
absl::flat_hash_map<int64_t, Claim> ReadClaims(soci::session& s, const std::vector<int64_t>& ids) {
  absl::flat_hash_map<int64_t, Claim> claims = ReadClaimCores(s, ids, /*lock=*/false);
  ReadClaimDetails(s, claims);
  return claims;
}

// A claim event to store.
struct EventRow {
  int64_t claim_id;
  int from, to;
  int64_t actor;
  std::string comment;
  absl::Time at;
};

void InsertEvents(soci::session& s, const std::vector<EventRow>& events) {
  if (events.empty()) return;
  SqlBuilder q(
      "INSERT INTO claim_events (claim_id, from_status, to_status, actor_id, comment, created_at)"
      " VALUES ");
  q.Join(events, [&](const EventRow& e) {
    q.Tuple(e.claim_id, e.from, e.to, e.actor, e.comment, ToSqlTime(e.at));
  });
  q.Execute(s);
}

// Stores the lines of every claim (claim id → claim) in one statement.
void InsertLines(soci::session& s, const std::vector<std::pair<int64_t, const Claim*>>& claims) {
  SqlBuilder q(
      "INSERT INTO claim_lines (claim_id, line_no, sku, quantity, unit_price, amount) VALUES ");
  bool any = false;
  for (const auto& [id, claim] : claims) {
    for (int i = 0; i < claim->lines_size(); ++i) {
      const cim::v1::ClaimLine& line = claim->lines(i);
      if (any) q << ", ";
      any = true;
      q.Tuple(id, i, line.sku(), static_cast<long long>(line.quantity()), line.unit_price(),
              line.amount());
    }
  }
  if (any) q.Execute(s);
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

// A claim whose invoice and customer are checked against other partners' claims.
struct ConflictSubject {
  // 0 for a claim just inserted: RecordConflicts finds it by partner and idempotency key.
  int64_t claim_id = 0;
  int64_t partner_id = 0;
  std::string idempotency_key;
  std::string invoice_key, customer_key;
  std::string invoice_number, customer_name;
};

// Flags a channel conflict between each subject and every live claim of another partner with
// the same invoice and customer keys (other subjects included), and fills in the ids of
// subjects without one. Returns each subject's flag, if any.
std::vector<std::optional<cim::v1::ClaimFlagDetail>> RecordConflicts(
    soci::session& s, std::vector<ConflictSubject>& subjects) {
  using Keys = std::pair<std::string, std::string>;
  std::vector<Keys> keys;
  for (const ConflictSubject& c : subjects) keys.emplace_back(c.invoice_key, c.customer_key);
  std::sort(keys.begin(), keys.end());  // one lock order for every transaction
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  // Submissions of the same invoice and customer queue on these rows, so each one's search
  // below sees the others (READ COMMITTED reads what the lock holder committed). Each changes
  // the row, so that Galera certifies it across nodes too (0015_galera_guards).
  SqlBuilder lock("INSERT INTO claim_invoice_locks (invoice_key, customer_key) VALUES ");
  lock.Join(keys, [&](const Keys& k) { lock.Tuple(k.first, k.second); });
  lock << " ON DUPLICATE KEY UPDATE submit_guard = submit_guard + 1";
  lock.Execute(s);

  struct Live {
    int64_t id, partner;
    std::string idempotency_key, partner_name;
  };
  // Each subject's live claims with the same keys (as the database compares them), by subject.
  std::vector<std::vector<Live>> same(subjects.size());
  SqlBuilder search;
  for (size_t i = 0; i < subjects.size(); ++i) {
    if (i > 0) search << " UNION ALL ";
    search << "SELECT ";
    search.Bind(static_cast<long long>(i))
        << ", c.id, c.partner_id, c.idempotency_key, p.name FROM claims c"
           " JOIN partners p ON p.id = c.partner_id WHERE c.invoice_key = ";
    search.Bind(subjects[i].invoice_key) << " AND c.customer_key = ";
    search.Bind(subjects[i].customer_key) << " AND c.status <> ";
    search.Bind(kRejected);
  }
  search.Query(s, [&](const soci::row& r) {
    same[RowInteger(r, 0)].push_back(Live{r.get<long long>(1), r.get<long long>(2),
                                          r.get<std::string>(3), r.get<std::string>(4)});
  });

  std::vector<std::optional<cim::v1::ClaimFlagDetail>> flags(subjects.size());
  SqlBuilder record(
      "INSERT IGNORE INTO claim_conflicts (claim_id, other_claim_id, reason) VALUES ");
  bool any = false;
  for (size_t i = 0; i < subjects.size(); ++i) {
    ConflictSubject& c = subjects[i];
    std::string own_name;
    for (const Live& l : same[i]) {
      if (l.partner != c.partner_id) continue;
      own_name = l.partner_name;
      if (c.claim_id == 0 && l.idempotency_key == c.idempotency_key) c.claim_id = l.id;
    }
    const std::string what = absl::StrCat("invoice ", c.invoice_number, " for ", c.customer_name);
    std::vector<std::string> reasons;
    for (const Live& other : same[i]) {
      if (other.partner == c.partner_id) continue;
      if (!flags[i]) {
        flags[i].emplace();
        flags[i]->set_flag(cim::v1::CLAIM_FLAG_CHANNEL_CONFLICT);
      }
      std::string mine = absl::StrCat(what, " was also claimed by ", other.partner_name, " (claim ",
                                      other.id, ")");
      std::string theirs =
          absl::StrCat(what, " was also claimed by ", own_name, " (claim ", c.claim_id, ")");
      if (any) record << ", ";
      any = true;
      record.Tuple(c.claim_id, other.id, mine) << ", ";
      record.Tuple(other.id, c.claim_id, std::move(theirs));
      reasons.push_back(std::move(mine));
      flags[i]->add_related_claim_ids(other.id);
    }
    if (flags[i]) flags[i]->set_reason(absl::StrJoin(reasons, "; "));
  }
  if (any) record.Execute(s);
  return flags;
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
  SqlBuilder q(
      "SELECT CAST(SUM(l.amount) AS CHAR) FROM claims c JOIN claim_lines l ON l.claim_id = c.id"
      " WHERE c.program_id = ");
  q.Bind(program_id) << " AND c.partner_id = ";
  q.Bind(partner_id) << " AND c.status IN ";
  q.List(std::vector<int>{cim::v1::CLAIM_STATUS_APPROVED, cim::v1::CLAIM_STATUS_PAID})
      << " AND c.invoice_date BETWEEN ";
  q.Bind(FormatDate(range.first)) << " AND ";
  q.Bind(FormatDate(range.last));
  if (!skus.empty()) {
    q << " AND l.sku IN ";
    q.List(skus);
  }
  std::optional<std::string> total;
  q.Query(s, [&](const soci::row& r) {
    if (r.get_indicator(0) == soci::i_ok) total = r.get<std::string>(0);
  });
  if (!total) return Decimal();
  return Decimal::Parse(*total);
}

// A row of reward_period_totals: program, partner, rule, period start (YYYY-MM-DD).
using TotalsRow = std::tuple<int64_t, int64_t, std::string, std::string>;

// A batch of decisions in one transaction: the totals and budgets they touch are locked once
// and changed in memory, job after job, and written back at the end.
class DecisionBatch {
 public:
  explicit DecisionBatch(soci::session& s) : s_(s) {}

  soci::session& session() { return s_; }

  // Locks the rows of `keys` not locked yet, in key order, with one statement for all (and two
  // more to create zero rows where there are none yet).
  absl::Status LockTotals(std::vector<TotalsRow> keys) {
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    keys.erase(std::remove_if(keys.begin(), keys.end(),
                              [&](const TotalsRow& k) { return totals_.contains(k); }),
               keys.end());
    if (keys.empty()) return absl::OkStatus();
    CIM_RETURN_IF_ERROR(SelectForUpdate(keys));
    keys.erase(std::remove_if(keys.begin(), keys.end(),
                              [&](const TotalsRow& k) { return totals_.contains(k); }),
               keys.end());
    if (keys.empty()) return absl::OkStatus();
    // A partner's first claim in a period: create its rows, then lock them.
    SqlBuilder create(
        "INSERT IGNORE INTO reward_period_totals (program_id, partner_id, rule_id, period_start)"
        " VALUES ");
    create.Join(keys, [&](const TotalsRow& k) {
      create.Tuple(std::get<0>(k), std::get<1>(k), std::get<2>(k), std::get<3>(k));
    });
    create.Execute(s_);
    return SelectForUpdate(keys);
  }

  // The locked totals of `key` (LockTotals first).
  const RuleTotals& Totals(const TotalsRow& key) { return totals_[key]; }

  // Reads and locks the existing rows of `keys` (sorted), in key order.
  absl::Status SelectForUpdate(const std::vector<TotalsRow>& keys) {
    SqlBuilder lock(
        "SELECT program_id, partner_id, rule_id, CAST(period_start AS CHAR), CAST(volume AS CHAR),"
        " CAST(rebate_posted AS CHAR), lump_sum_posted FROM reward_period_totals WHERE ");
    for (size_t i = 0; i < keys.size(); ++i) {
      lock << (i == 0 ? "(" : " OR (") << "program_id = ";
      lock.Bind(std::get<0>(keys[i])) << " AND partner_id = ";
      lock.Bind(std::get<1>(keys[i])) << " AND rule_id = ";
      lock.Bind(std::get<2>(keys[i])) << " AND period_start = ";
      lock.Bind(std::get<3>(keys[i])) << ")";
    }
    lock << " ORDER BY program_id, partner_id, rule_id, period_start FOR UPDATE";
    absl::Status status;
    lock.Query(s_, [&](const soci::row& r) {
      absl::StatusOr<Decimal> volume = Decimal::Parse(r.get<std::string>(4));
      absl::StatusOr<Decimal> rebate = Decimal::Parse(r.get<std::string>(5));
      if (!volume.ok() || !rebate.ok()) {
        status.Update(absl::InternalError("unreadable reward_period_totals row"));
        return;
      }
      totals_[TotalsRow(r.get<long long>(0), r.get<long long>(1), r.get<std::string>(2),
                        r.get<std::string>(3))] = RuleTotals{
          .volume = *volume, .rebate_posted = *rebate, .lump_sum_posted = r.get<int>(6) != 0};
    });
    return status;
  }

  // Adds a decision's change to its totals, in memory and in what Write stores.
  absl::Status AddTotals(const TotalsRow& key, const TotalsChange& change) {
    CIM_RETURN_IF_ERROR(LockTotals({key}));
    for (RuleTotals* t : {&totals_[key], &added_[key]}) {
      t->volume += change.volume;
      t->rebate_posted += change.rebate;
      t->lump_sum_posted = t->lump_sum_posted || change.lump_sum_posted;
    }
    return absl::OkStatus();
  }

  // Draws `amount` from the program's budget, from the partner's slice. FAILED_PRECONDITION
  // (changing nothing) if the budget cannot cover it.
  absl::Status DrawBudget(int64_t program_id, int64_t partner_id, const Decimal& amount) {
    if (amount.is_zero()) return absl::OkStatus();
    CIM_RETURN_IF_ERROR(LockBudgets({program_id}));
    auto it = budgets_.find(program_id);
    CIM_RETURN_IF_ERROR(it->second.Draw(static_cast<int>(partner_id % kBudgetSlices), amount));
    drawn_.insert(program_id);
    return absl::OkStatus();
  }

  // Locks the budgets of `program_ids` not locked yet, in id order.
  absl::Status LockBudgets(const std::set<int64_t>& program_ids) {
    for (int64_t id : program_ids) {
      if (budgets_.contains(id)) continue;
      CIM_ASSIGN_OR_RETURN(LockedBudget budget, LockedBudget::Lock(s_, id));
      budgets_.emplace(id, std::move(budget));
    }
    return absl::OkStatus();
  }

  // Counts `claim` as approved for the later jobs' ApprovedSales.
  void NoteApproved(const Claim& claim) { approved_.push_back(claim); }

  // The sales of claims approved earlier in this batch that ApprovedSales would count (the
  // database does not have their new status yet).
  absl::StatusOr<Decimal> ApprovedInBatch(int64_t program_id, int64_t partner_id,
                                          const DateRange& range,
                                          const std::vector<std::string>& skus) {
    Decimal total;
    for (const Claim& c : approved_) {
      if (c.program_id() != program_id || c.partner_id() != partner_id) continue;
      CIM_ASSIGN_OR_RETURN(absl::CivilDay day, ParseDate(c.invoice_date()));
      if (day < range.first || day > range.last) continue;
      for (const cim::v1::ClaimLine& line : c.lines()) {
        if (!skus.empty() && std::find(skus.begin(), skus.end(), line.sku()) == skus.end()) {
          continue;
        }
        CIM_ASSIGN_OR_RETURN(Decimal amount, Decimal::Parse(line.amount()));
        total += amount;
      }
    }
    return total;
  }

  // Stores the totals changes and budget draws.
  void Write() {
    if (!added_.empty()) {
      SqlBuilder q(
          "INSERT INTO reward_period_totals (program_id, partner_id, rule_id, period_start,"
          " volume, rebate_posted, lump_sum_posted) VALUES ");
      q.Join(added_, [&](const auto& entry) {
        const auto& [k, t] = entry;
        q.Tuple(std::get<0>(k), std::get<1>(k), std::get<2>(k), std::get<3>(k), t.volume.ToString(),
                t.rebate_posted.ToString(), t.lump_sum_posted ? 1 : 0);
      });
      q << " ON DUPLICATE KEY UPDATE volume = volume + VALUES(volume), rebate_posted ="
           " rebate_posted + VALUES(rebate_posted), lump_sum_posted = GREATEST(lump_sum_posted,"
           " VALUES(lump_sum_posted))";
      q.Execute(s_);
    }
    for (int64_t id : drawn_) budgets_.at(id).Write(s_);
  }

 private:
  soci::session& s_;
  absl::flat_hash_map<TotalsRow, RuleTotals> totals_;  // locked, as of the current job
  std::map<TotalsRow, RuleTotals> added_;              // what the batch adds, in key order
  std::map<int64_t, LockedBudget> budgets_;
  std::set<int64_t> drawn_;  // programs whose budget a decision drew from
  std::vector<Claim> approved_;
};

// What a decision reads: the batch's state for one claim's partner and program.
class BatchDecisionContext final : public DecisionContext {
 public:
  BatchDecisionContext(DecisionBatch& batch, const Claim& claim)
      : batch_(batch), program_id_(claim.program_id()), partner_id_(claim.partner_id()) {}

  absl::StatusOr<absl::flat_hash_map<std::string, RuleTotals>> LockTotals(
      std::vector<std::string> rule_ids, absl::CivilDay period_start) override {
    std::vector<TotalsRow> keys;
    for (std::string& rule : rule_ids) {
      keys.emplace_back(program_id_, partner_id_, std::move(rule), FormatDate(period_start));
    }
    CIM_RETURN_IF_ERROR(batch_.LockTotals(keys));
    absl::flat_hash_map<std::string, RuleTotals> out;
    for (const TotalsRow& key : keys) out[std::get<2>(key)] = batch_.Totals(key);
    return out;
  }

  absl::StatusOr<Decimal> ApprovedSales(const DateRange& range,
                                        const std::vector<std::string>& skus) override {
    CIM_ASSIGN_OR_RETURN(Decimal stored,
                         SalesInRange(batch_.session(), program_id_, partner_id_, range, skus));
    CIM_ASSIGN_OR_RETURN(Decimal batched,
                         batch_.ApprovedInBatch(program_id_, partner_id_, range, skus));
    return stored + batched;
  }

 private:
  DecisionBatch& batch_;
  int64_t program_id_;
  int64_t partner_id_;
};

// Replaces a resubmitted claim's content (row fields, lines, attachments, conflicts).
absl::Status Replace(soci::session& s, Claim& claim, const NewClaim& replacement) {
  const Claim& c = replacement.claim;
  long long id = claim.id();
  s << "UPDATE claims SET invoice_number = :invoice, invoice_key = :invoice_key,"
       " invoice_date = :date, customer_name = :customer, customer_key = :customer_key,"
       " customer_country = :country, total_amount = :total, notes = :notes,"
       " resubmitted = 1 WHERE id = :id",
      soci::use(c.invoice_number()), soci::use(replacement.invoice_key),
      soci::use(c.invoice_date()), soci::use(c.customer_name()),
      soci::use(replacement.customer_key), soci::use(c.customer_country()),
      soci::use(c.total_amount()), soci::use(c.notes()), soci::use(id);
  s << "DELETE FROM claim_lines WHERE claim_id = :id", soci::use(id);
  InsertLines(s, {{claim.id(), &c}});
  CIM_RETURN_IF_ERROR(Attach(s, claim.id(), c));
  std::vector<ConflictSubject> subject{ConflictSubject{.claim_id = claim.id(),
                                                       .partner_id = claim.partner_id(),
                                                       .invoice_key = replacement.invoice_key,
                                                       .customer_key = replacement.customer_key,
                                                       .invoice_number = c.invoice_number(),
                                                       .customer_name = c.customer_name()}};
  RecordConflicts(s, subject);
  claim.set_invoice_number(c.invoice_number());
  claim.set_invoice_date(c.invoice_date());
  claim.set_customer_name(c.customer_name());
  claim.set_customer_country(c.customer_country());
  claim.set_total_amount(c.total_amount());
  claim.set_notes(c.notes());
  *claim.mutable_lines() = c.lines();
  return absl::OkStatus();
}

// The outbox event of approving `claim` with `postings`: its sales and the points it earned
// count for its submitter.
absl::StatusOr<OutboxEvent> ApprovalEvent(const Claim& claim,
                                          const std::vector<LedgerPosting>& postings,
                                          absl::Time now) {
  OutboxEvent event{.kind = cim::v1::RECOGNITION_EVENT_KIND_CLAIM_APPROVED,
                    .partner_id = claim.partner_id(),
                    .user_id = claim.submitted_by_user_id(),
                    .program_id = claim.program_id(),
                    .claim_id = claim.id(),
                    .currency_code = claim.currency_code(),
                    // As the approval's claim event and ledger entries store it.
                    .occurred_at = FromSqlTime(ToSqlTime(now)),
                    .created_at = now};
  CIM_ASSIGN_OR_RETURN(event.amount, Decimal::Parse(claim.total_amount()));
  for (const LedgerPosting& p : postings) {
    if (p.account == cim::v1::LEDGER_ACCOUNT_POINTS) event.points += p.amount;
  }
  return event;
}

// Tells the hooks that claim `id` is about to change (or was inserted) as `caller`'s change (a
// batch job's caller), else the current AuditScope's.
void NoteClaimChange(soci::session& s, int64_t id, const std::optional<AuditActor>& caller,
                     bool inserted) {
  std::optional<AuditScope> as_caller;
  if (caller) as_caller.emplace(*caller);
  const Table claims(ClaimView());
  if (inserted) {
    claims.Inserted(s, id);
  } else {
    claims.WillChange(s, id);
  }
}

// Takes every job's decision in one transaction (see ClaimRepository::DecideMany). Fails as a
// whole only for a database error.
absl::StatusOr<std::vector<absl::StatusOr<Claim>>> DecideAll(soci::session& s,
                                                             ProgramCache& program_cache,
                                                             const std::vector<DecideJob>& jobs) {
  std::vector<int64_t> ids;
  for (const DecideJob& job : jobs) ids.push_back(job.claim_id);
  absl::flat_hash_map<int64_t, Claim> claims = ReadClaimCores(s, ids, /*lock=*/true);
  if (std::any_of(jobs.begin(), jobs.end(),
                  [](const DecideJob& j) { return j.audit.has_value(); })) {
    Table(ClaimView()).WillChangeMany(s, ids);  // every claim's "before" in one query
  }
  std::vector<int64_t> program_ids;
  for (const auto& [id, claim] : claims) program_ids.push_back(claim.program_id());
  CIM_ASSIGN_OR_RETURN(auto programs, program_cache.Read(s, program_ids));
  const auto program_of = [&](const Claim& claim) -> absl::StatusOr<const Program*> {
    auto it = programs.find(claim.program_id());
    if (it == programs.end()) return absl::InternalError("a claim's program is missing");
    return &it->second;
  };

  // Everything the batch will lock is locked up front, in one order for every transaction:
  // claims (by id, above), budgets (by program id), totals (by key).
  DecisionBatch batch(s);
  std::vector<TotalsRow> prefetch;
  std::set<int64_t> budgets;
  for (const DecideJob& job : jobs) {
    auto it = claims.find(job.claim_id);
    if (it == claims.end() || !job.totals) continue;
    const Claim& claim = it->second;
    CIM_ASSIGN_OR_RETURN(const Program* program, program_of(claim));
    if (std::optional<TotalsKey> key = job.totals(claim, *program)) {
      budgets.insert(claim.program_id());
      for (const std::string& rule : key->rule_ids) {
        prefetch.emplace_back(claim.program_id(), claim.partner_id(), rule,
                              FormatDate(key->period_start));
      }
    }
  }
  CIM_RETURN_IF_ERROR(batch.LockBudgets(budgets));
  CIM_RETURN_IF_ERROR(batch.LockTotals(std::move(prefetch)));

  // What the batch changes on each claim row, by id.
  struct RowChange {
    int status = 0;
    std::optional<int64_t> reviewer;
    absl::Time updated;
    int versions = 0;
  };
  std::map<int64_t, RowChange> rows;
  std::vector<EventRow> events;
  std::vector<LedgerPosting> postings;
  std::vector<OutboxEvent> outbox;
  std::vector<absl::StatusOr<Claim>> results;
  std::vector<size_t> decided;
  std::vector<int64_t> replaced;  // claims whose content (and so conflicts) changed
  for (size_t i = 0; i < jobs.size(); ++i) {
    const DecideJob& job = jobs[i];
    results.push_back(absl::NotFoundError(absl::StrCat("claim ", job.claim_id, " not found")));
    auto it = claims.find(job.claim_id);
    if (it == claims.end()) continue;
    Claim& claim = it->second;
    CIM_ASSIGN_OR_RETURN(const Program* program, program_of(claim));
    BatchDecisionContext context(batch, claim);
    absl::StatusOr<ClaimDecision> decision = job.decide(claim, *program, context);
    if (!decision.ok()) {
      results[i] = decision.status();
      continue;
    }
    if (absl::Status drawn =
            batch.DrawBudget(claim.program_id(), claim.partner_id(), decision->budget_draw);
        !drawn.ok()) {
      results[i] = drawn;
      continue;
    }
    NoteClaimChange(s, claim.id(), job.audit, /*inserted=*/false);  // before this job changes it
    if (decision->replacement) CIM_RETURN_IF_ERROR(Replace(s, claim, *decision->replacement));
    for (const TotalsChange& change : decision->totals) {
      CIM_RETURN_IF_ERROR(
          batch.AddTotals(TotalsRow(claim.program_id(), claim.partner_id(), change.rule_id,
                                    FormatDate(change.period_start)),
                          change));
    }
    events.push_back(EventRow{.claim_id = claim.id(),
                              .from = claim.status(),
                              .to = decision->to,
                              .actor = job.actor,
                              .comment = decision->comment,
                              .at = job.now});
    RowChange& row = rows[claim.id()];
    row.status = decision->to;
    if (decision->assign_reviewer) row.reviewer = job.actor;
    row.updated = job.now;
    ++row.versions;
    claim.set_status(decision->to);
    if (decision->assign_reviewer) claim.set_reviewer_user_id(job.actor);
    claim.set_etag(absl::StrCat(std::stoll(claim.etag()) + 1));
    SetTimestamp(FromSqlTime(ToSqlTime(job.now)), claim.mutable_update_time());
    if (decision->replacement) replaced.push_back(claim.id());
    if (decision->to == cim::v1::CLAIM_STATUS_APPROVED) {
      batch.NoteApproved(claim);
      CIM_ASSIGN_OR_RETURN(OutboxEvent approved, ApprovalEvent(claim, decision->postings, job.now));
      outbox.push_back(std::move(approved));
    }
    std::move(decision->postings.begin(), decision->postings.end(), std::back_inserter(postings));
    decided.push_back(i);
    results[i] = claim;  // the row as this job left it; details are added below
  }

  if (!rows.empty()) {
    SqlBuilder update("UPDATE claims SET status = CASE id");
    for (const auto& [id, row] : rows) {
      update << " WHEN ";
      update.Bind(id) << " THEN ";
      update.Bind(row.status);
    }
    update << " END, reviewer_id = CASE id";
    for (const auto& [id, row] : rows) {
      update << " WHEN ";
      update.Bind(id) << " THEN ";
      if (row.reviewer) {
        update.Bind(*row.reviewer);
      } else {
        update << "reviewer_id";
      }
    }
    update << " END, updated_at = CASE id";
    for (const auto& [id, row] : rows) {
      update << " WHEN ";
      update.Bind(id) << " THEN ";
      update.Bind(ToSqlTime(row.updated));
    }
    update << " END, version = version + CASE id";
    for (const auto& [id, row] : rows) {
      update << " WHEN ";
      update.Bind(id) << " THEN ";
      update.Bind(row.versions);
    }
    update << " END WHERE id IN ";
    update.Join(
        rows, [&](const auto& row) { update.Bind(row.first); }, "(", ")");
    update.Execute(s);
  }
  InsertEvents(s, events);
  AppendLedgerEntries(s, postings);
  AppendOutboxEvents(s, outbox);
  batch.Write();

  // The decided claims as stored: their rows as changed above with the rest read back, or read
  // back whole where the content changed.
  absl::flat_hash_map<int64_t, Claim> stored;
  for (size_t i : decided) stored.emplace(jobs[i].claim_id, claims[jobs[i].claim_id]);
  for (int64_t id : replaced) stored.erase(id);
  ReadClaimDetails(s, stored);
  stored.merge(ReadClaims(s, replaced));
  for (size_t i : decided) {
    // Two jobs on one claim each see the row as they left it (details as the batch left them).
    Claim out = stored[jobs[i].claim_id];
    const Claim& row = *results[i];
    out.set_status(row.status());
    out.set_reviewer_user_id(row.reviewer_user_id());
    out.set_etag(row.etag());
    *out.mutable_update_time() = row.update_time();
    results[i] = std::move(out);
  }
  return results;
}

}  // namespace

absl::StatusOr<std::optional<InsertOutcome>> MysqlClaimRepository::Lookup(
    int64_t partner_id, const std::string& idempotency_key) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::optional<InsertOutcome>> {
    return FindByKey(s, partner_id, idempotency_key);
  });
}

absl::StatusOr<std::vector<InsertOutcome>> MysqlClaimRepository::InsertAll(
    const std::vector<NewClaim>& claims) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<std::vector<InsertOutcome>> {
    const int status = cim::v1::CLAIM_STATUS_SUBMITTED;
    // A reused idempotency key or invoice number fails the INSERT (unique keys); InsertOne
    // sorts out which, so the common case pays for no extra query.
    SqlBuilder insert(
        "INSERT INTO claims (program_id, partner_id, submitted_by, idempotency_key, request_hash,"
        " invoice_number, invoice_key, invoice_date, customer_name, customer_key,"
        " customer_country, currency_code, total_amount, notes, status, created_at, updated_at)"
        " VALUES ");
    insert.Join(claims, [&](const NewClaim& in) {
      const Claim& c = in.claim;
      const std::tm t = ToSqlTime(in.now);
      insert.Tuple(c.program_id(), c.partner_id(), c.submitted_by_user_id(), in.idempotency_key,
                   in.request_hash, c.invoice_number(), in.invoice_key, c.invoice_date(),
                   c.customer_name(), in.customer_key, c.customer_country(), c.currency_code(),
                   c.total_amount(), c.notes(), status, t, t);
    });
    insert.Execute(s);
    // The conflict search also finds the new claims' ids.
    std::vector<ConflictSubject> subjects;
    for (const NewClaim& in : claims) {
      subjects.push_back(ConflictSubject{.partner_id = in.claim.partner_id(),
                                         .idempotency_key = in.idempotency_key,
                                         .invoice_key = in.invoice_key,
                                         .customer_key = in.customer_key,
                                         .invoice_number = in.claim.invoice_number(),
                                         .customer_name = in.claim.customer_name()});
    }
    std::vector<std::optional<cim::v1::ClaimFlagDetail>> flags = RecordConflicts(s, subjects);
    std::vector<std::pair<int64_t, const Claim*>> lines;
    std::vector<EventRow> events;
    for (size_t i = 0; i < claims.size(); ++i) {
      const int64_t id = subjects[i].claim_id;
      if (id == 0) return absl::InternalError("a claim just stored was not found");
      NoteClaimChange(s, id, claims[i].audit, /*inserted=*/true);
      lines.emplace_back(id, &claims[i].claim);
      events.push_back(EventRow{.claim_id = id,
                                .from = cim::v1::CLAIM_STATUS_UNSPECIFIED,
                                .to = status,
                                .actor = claims[i].claim.submitted_by_user_id(),
                                .at = claims[i].now});
      CIM_RETURN_IF_ERROR(Attach(s, id, claims[i].claim));
    }
    InsertLines(s, lines);
    InsertEvents(s, events);
    // The stored claims, as ReadClaims would return them, without reading them back.
    std::vector<InsertOutcome> out;
    for (size_t i = 0; i < claims.size(); ++i) {
      const NewClaim& in = claims[i];
      const int64_t id = subjects[i].claim_id;
      Claim stored = in.claim;
      stored.set_id(id);
      stored.set_status(cim::v1::CLAIM_STATUS_SUBMITTED);
      const absl::Time stored_now = FromSqlTime(ToSqlTime(in.now));
      SetTimestamp(stored_now, stored.mutable_create_time());
      SetTimestamp(stored_now, stored.mutable_update_time());
      stored.set_etag("1");
      stored.clear_attachments();
      for (const Attachment& a : in.attachments) {
        Attachment* attached = stored.add_attachments();
        *attached = a;
        attached->set_claim_id(id);
      }
      if (flags[i]) *stored.add_flags() = *flags[i];
      cim::v1::ClaimEvent* event = stored.add_timeline();
      event->set_to_status(cim::v1::CLAIM_STATUS_SUBMITTED);
      event->set_actor_user_id(in.claim.submitted_by_user_id());
      event->set_actor_name(in.submitter_name);
      SetTimestamp(stored_now, event->mutable_time());
      out.push_back(InsertOutcome{.claim_id = id, .claim = std::move(stored)});
    }
    return out;
  });
}

absl::StatusOr<InsertOutcome> MysqlClaimRepository::InsertOne(const NewClaim& in) {
  absl::StatusOr<std::vector<InsertOutcome>> inserted = InsertAll({in});
  if (inserted.ok()) return std::move(inserted->front());
  if (!absl::IsAlreadyExists(inserted.status())) return inserted.status();
  // A concurrent submission with the same key won the race, or the invoice is taken.
  const Claim& claim = in.claim;
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

std::vector<absl::StatusOr<InsertOutcome>> MysqlClaimRepository::InsertMany(
    const std::vector<NewClaim>& claims) {
  std::vector<absl::StatusOr<InsertOutcome>> out;
  if (claims.size() > 1) {
    // Claims of one partner sharing a key or an invoice would fail together: they go one at a
    // time below, as do all claims of a batch that fails.
    absl::flat_hash_set<std::pair<int64_t, std::string>> keys, invoices;
    bool distinct = true;
    for (const NewClaim& c : claims) {
      distinct = keys.emplace(c.claim.partner_id(), c.idempotency_key).second &&
                 invoices.emplace(c.claim.partner_id(), c.invoice_key).second && distinct;
    }
    if (distinct) {
      absl::StatusOr<std::vector<InsertOutcome>> all = InsertAll(claims);
      if (all.ok()) {
        for (InsertOutcome& outcome : *all) out.push_back(std::move(outcome));
        return out;
      }
    }
  }
  for (const NewClaim& c : claims) out.push_back(InsertOne(c));
  return out;
}

absl::StatusOr<Claim> MysqlClaimRepository::Get(int64_t id) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<Claim> {
    absl::flat_hash_map<int64_t, Claim> claims = ReadClaims(s, {id});
    auto it = claims.find(id);
    if (it == claims.end()) return absl::NotFoundError(absl::StrCat("claim ", id, " not found"));
    return std::move(it->second);
  });
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

absl::StatusOr<std::vector<cim::v1::ClaimEventNotice>> MysqlClaimRepository::EventsAfter(
    int64_t after_id, int limit) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<cim::v1::ClaimEventNotice>> {
    long long after = after_id;
    soci::rowset<soci::row> rows =
        (s.prepare << absl::StrCat("SELECT e.id, e.claim_id, c.partner_id, c.program_id, ",
                                   kClaimEventColumns,
                                   " FROM claim_events e JOIN claims c ON c.id = e.claim_id"
                                   " JOIN users u ON u.id = e.actor_id WHERE e.id > :after"
                                   " ORDER BY e.id LIMIT :limit"),
         soci::use(after), soci::use(limit));
    std::vector<cim::v1::ClaimEventNotice> out;
    for (const soci::row& row : rows) {
      const NamedRow r(row);
      cim::v1::ClaimEventNotice& notice = out.emplace_back();
      notice.set_event_id(r.Integer("id"));
      notice.set_claim_id(r.Integer("claim_id"));
      notice.set_partner_id(r.Integer("partner_id"));
      notice.set_program_id(r.Integer("program_id"));
      ClaimEventFromRow(r, notice.mutable_event());
    }
    return out;
  });
}

absl::StatusOr<int64_t> MysqlClaimRepository::LastEventId() {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<int64_t> {
    long long last = 0;
    soci::indicator ind;
    s << "SELECT MAX(id) FROM claim_events", soci::into(last, ind);
    return ind == soci::i_ok ? last : 0;
  });
}

std::vector<absl::StatusOr<Claim>> MysqlClaimRepository::DecideMany(
    const std::vector<DecideJob>& jobs) {
  absl::StatusOr<std::vector<absl::StatusOr<Claim>>> batch =
      db_.Transact([&](soci::session& s) { return DecideAll(s, programs_, jobs); });
  if (batch.ok()) return *std::move(batch);
  if (jobs.size() == 1) return {batch.status()};
  // A database error failed the whole batch: each job alone, so only its own fails.
  std::vector<absl::StatusOr<Claim>> out;
  for (const DecideJob& job : jobs) out.push_back(std::move(DecideMany({job}).front()));
  return out;
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
    long long id = Table("attachments")
                       .Insert(s, Columns()
                                      .Set("partner_id", attachment.partner_id())
                                      .Set("uploaded_by", attachment.uploaded_by_user_id())
                                      .Set("filename", attachment.filename())
                                      .Set("content_type", attachment.content_type())
                                      .Set("size_bytes", static_cast<long long>(bytes.size()))
                                      .Set("sha256", attachment.sha256())
                                      .Set("created_at", FromTimestamp(attachment.create_time())));
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
