#include "server/claim/mysql_claim_decisions.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "absl/strings/str_cat.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "server/claim/mysql_claim_rows.h"
#include "server/claim/mysql_claim_view.h"
#include "server/db/mysql_database.h"
#include "server/db/sql_builder.h"
#include "server/db/table.h"
#include "server/events/mysql_notification_events.h"
#include "server/events/mysql_outbox.h"
#include "server/money/mysql_budget.h"
#include "server/money/mysql_ledger_entries.h"

namespace cim {
namespace {

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
        "SELECT program_id, partner_id, rule_id, CAST(period_start AS CHAR) AS period_start,"
        " CAST(volume AS CHAR) AS volume, CAST(rebate_posted AS CHAR) AS rebate_posted,"
        " lump_sum_posted FROM reward_period_totals WHERE ");
    for (size_t i = 0; i < keys.size(); ++i) {
      lock << (i == 0 ? "(" : " OR (") << "program_id = ";
      lock.Bind(std::get<0>(keys[i])) << " AND partner_id = ";
      lock.Bind(std::get<1>(keys[i])) << " AND rule_id = ";
      lock.Bind(std::get<2>(keys[i])) << " AND period_start = ";
      lock.Bind(std::get<3>(keys[i])) << ")";
    }
    lock << " ORDER BY program_id, partner_id, rule_id, reward_period_totals.period_start"
            " FOR UPDATE";
    absl::Status status;
    lock.Query(s_, [&](const soci::row& row) {
      const NamedRow r(row);
      absl::StatusOr<Decimal> volume = Decimal::Parse(r.Text("volume"));
      absl::StatusOr<Decimal> rebate = Decimal::Parse(r.Text("rebate_posted"));
      if (!volume.ok() || !rebate.ok()) {
        status.Update(absl::InternalError("unreadable reward_period_totals row"));
        return;
      }
      totals_[TotalsRow(r.Integer("program_id"), r.Integer("partner_id"), r.Text("rule_id"),
                        r.Text("period_start"))] =
          RuleTotals{.volume = *volume,
                     .rebate_posted = *rebate,
                     .lump_sum_posted = r.Int("lump_sum_posted") != 0};
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

  absl::StatusOr<Decimal> ApprovedSales(int64_t program_id, const DateRange& range,
                                        const std::vector<std::string>& skus) override {
    CIM_ASSIGN_OR_RETURN(Decimal stored,
                         SalesInRange(batch_.session(), program_id, partner_id_, range, skus));
    CIM_ASSIGN_OR_RETURN(Decimal batched,
                         batch_.ApprovedInBatch(program_id, partner_id_, range, skus));
    return stored + batched;
  }

  absl::StatusOr<std::string> PartnerTier() override {
    SqlBuilder q("SELECT tier FROM partners WHERE id = ");
    q.Bind(partner_id_);
    std::string tier;
    q.Query(batch_.session(), [&](const soci::row& r) { tier = r.get<std::string>(0); });
    return tier;
  }

 private:
  DecisionBatch& batch_;
  int64_t program_id_;
  int64_t partner_id_;
};

// Replaces a resubmitted claim's content: row fields and lines; its channel conflicts are
// found again for the new invoice and customer (both sides of the old ones go). Attachments
// given with it are added: proof given earlier stays with the claim.
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
  s << "DELETE FROM claim_conflicts WHERE claim_id = :mine OR other_claim_id = :theirs",
      soci::use(id), soci::use(id);
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

// What the claim's submitter hears of a decision: approved (with what it pays), rejected or
// needing information (with the reviewer's words); nothing for other moves.
std::optional<NotificationEvent> DecisionNotice(const Claim& claim, const Program& program,
                                                cim::v1::ClaimStatus to, const std::string& comment,
                                                const std::vector<LedgerPosting>& postings,
                                                absl::Time now) {
  NotificationEvent notice{.partner_id = claim.partner_id(),
                           .user_id = claim.submitted_by_user_id(),
                           .ref_id = claim.id(),
                           .link = absl::StrCat("/claims/", claim.id()),
                           .occurred_at = now};
  notice.Text("invoice", claim.invoice_number()).Text("program", program.name());
  switch (to) {
    case cim::v1::CLAIM_STATUS_APPROVED: {
      notice.kind = cim::v1::NOTIFICATION_KIND_CLAIM_APPROVED;
      Decimal money, points;
      for (const LedgerPosting& p : postings) {
        if (p.account == cim::v1::LEDGER_ACCOUNT_PAYABLE && p.unit == claim.currency_code()) {
          money += p.amount;
        } else if (p.account == cim::v1::LEDGER_ACCOUNT_POINTS) {
          points += p.amount;
        }
      }
      const bool pays = money.sign() > 0, scores = points.sign() > 0;
      notice.Text("earned", pays && scores ? "both"
                            : pays         ? "money"
                            : scores       ? "points"
                                           : "none")
          .Money("money", money, claim.currency_code())
          .Count("points", points);
      return notice;
    }
    case cim::v1::CLAIM_STATUS_REJECTED:
      notice.kind = cim::v1::NOTIFICATION_KIND_CLAIM_REJECTED;
      break;
    case cim::v1::CLAIM_STATUS_NEEDS_INFO:
      notice.kind = cim::v1::NOTIFICATION_KIND_CLAIM_NEEDS_INFO;
      notice.link = absl::StrCat("/claims/", claim.id(), "/edit");
      break;
    default:
      return std::nullopt;
  }
  notice.Text("reason", comment);
  return notice;
}

// One DecideAll call: the claims, programs and locks it needs are read first, then each job's
// decision is taken in memory (a later job sees what the earlier ones left), then every change
// is written with one statement per table.
class DecisionRun {
 public:
  DecisionRun(soci::session& s, const std::vector<DecideJob>& jobs)
      : s_(s), jobs_(jobs), batch_(s) {}

  // Reads and locks the claims, reads their programs, and locks the budgets and totals the jobs
  // will touch, in one order for every transaction: claims (by id), budgets (by program id),
  // totals (by key).
  absl::Status LockAll(ProgramCache& program_cache) {
    std::vector<int64_t> ids;
    for (const DecideJob& job : jobs_) ids.push_back(job.claim_id);
    claims_ = ReadClaimCores(s_, ids, /*lock=*/true);
    if (std::any_of(jobs_.begin(), jobs_.end(),
                    [](const DecideJob& j) { return j.audit.has_value(); })) {
      Table(ClaimView()).WillChangeMany(s_, ids);  // every claim's "before" in one query
    }
    std::vector<int64_t> program_ids;
    for (const auto& [id, claim] : claims_) program_ids.push_back(claim.program_id());
    CIM_ASSIGN_OR_RETURN(programs_, program_cache.Read(s_, program_ids));
    std::vector<TotalsRow> totals;
    std::set<int64_t> budgets;
    for (const DecideJob& job : jobs_) {
      auto it = claims_.find(job.claim_id);
      if (it == claims_.end() || !job.totals) continue;
      const Claim& claim = it->second;
      CIM_ASSIGN_OR_RETURN(const Program* program, ProgramOf(claim));
      if (std::optional<TotalsKey> key = job.totals(claim, *program)) {
        budgets.insert(claim.program_id());
        for (const std::string& rule : key->rule_ids) {
          totals.emplace_back(claim.program_id(), claim.partner_id(), rule,
                              FormatDate(key->period_start));
        }
      }
    }
    CIM_RETURN_IF_ERROR(batch_.LockBudgets(budgets));
    return batch_.LockTotals(std::move(totals));
  }

  // Takes job `i`'s decision: its result is the claim as the job leaves it, or why the job
  // changes nothing. An error here is the database's and fails the whole run.
  absl::Status Decide(size_t i) {
    const DecideJob& job = jobs_[i];
    results_.push_back(NotFoundError("claim", job.claim_id));
    auto it = claims_.find(job.claim_id);
    if (it == claims_.end()) return absl::OkStatus();
    Claim& claim = it->second;
    CIM_ASSIGN_OR_RETURN(const Program* program, ProgramOf(claim));
    BatchDecisionContext context(batch_, claim);
    absl::StatusOr<ClaimDecision> decision = job.decide(claim, *program, context);
    if (!decision.ok()) {
      results_[i] = decision.status();
      return absl::OkStatus();
    }
    if (absl::Status drawn =
            batch_.DrawBudget(claim.program_id(), claim.partner_id(), decision->budget_draw);
        !drawn.ok()) {
      results_[i] = drawn;
      return absl::OkStatus();
    }
    NoteClaimChange(s_, claim.id(), job.audit, /*inserted=*/false);  // before this job changes it
    if (decision->replacement) CIM_RETURN_IF_ERROR(Replace(s_, claim, *decision->replacement));
    for (const TotalsChange& change : decision->totals) {
      CIM_RETURN_IF_ERROR(
          batch_.AddTotals(TotalsRow(claim.program_id(), claim.partner_id(), change.rule_id,
                                     FormatDate(change.period_start)),
                           change));
    }
    events_.push_back(EventRow{.claim_id = claim.id(),
                               .from = claim.status(),
                               .to = decision->to,
                               .actor = job.actor,
                               .comment = decision->comment,
                               .at = job.now});
    RowChange& row = rows_[claim.id()];
    row.status = decision->to;
    if (decision->assign_reviewer) row.reviewer = job.actor;
    row.updated = job.now;
    ++row.versions;
    claim.set_status(decision->to);
    if (decision->assign_reviewer) claim.set_reviewer_user_id(job.actor);
    claim.set_etag(absl::StrCat(std::stoll(claim.etag()) + 1));
    SetTimestamp(FromSqlTime(ToSqlTime(job.now)), claim.mutable_update_time());
    if (decision->replacement) replaced_.push_back(claim.id());
    if (decision->to == cim::v1::CLAIM_STATUS_APPROVED) {
      batch_.NoteApproved(claim);
      CIM_ASSIGN_OR_RETURN(OutboxEvent approved, ApprovalEvent(claim, decision->postings, job.now));
      outbox_.push_back(std::move(approved));
    }
    if (std::optional<NotificationEvent> notice = DecisionNotice(
            claim, *program, decision->to, decision->comment, decision->postings, job.now)) {
      notices_.push_back(*std::move(notice));
    }
    std::move(decision->postings.begin(), decision->postings.end(), std::back_inserter(postings_));
    decided_.push_back(i);
    results_[i] = claim;  // the row as this job left it; Results adds the details
    return absl::OkStatus();
  }

  // Writes the claim rows, events, ledger postings, outbox events, totals and budget draws.
  void Write() {
    WriteClaimRows();
    InsertEvents(s_, events_);
    AppendLedgerEntries(s_, postings_);
    AppendOutboxEvents(s_, outbox_);
    AppendNotificationEvents(s_, notices_);
    batch_.Write();
  }

  // Each job's result; a decided claim as stored: its row as the job left it with the rest read
  // back, or read back whole where the content changed.
  std::vector<absl::StatusOr<Claim>> Results() && {
    absl::flat_hash_map<int64_t, Claim> stored;
    for (size_t i : decided_) stored.emplace(jobs_[i].claim_id, claims_[jobs_[i].claim_id]);
    for (int64_t id : replaced_) stored.erase(id);
    ReadClaimDetails(s_, stored);
    stored.merge(ReadClaims(s_, replaced_));
    for (size_t i : decided_) {
      // Two jobs on one claim each see the row as they left it (details as the run left them).
      Claim out = stored[jobs_[i].claim_id];
      const Claim& row = *results_[i];
      out.set_status(row.status());
      out.set_reviewer_user_id(row.reviewer_user_id());
      out.set_etag(row.etag());
      *out.mutable_update_time() = row.update_time();
      results_[i] = std::move(out);
    }
    return std::move(results_);
  }

 private:
  // What the run changes on a claim row.
  struct RowChange {
    int status = 0;
    std::optional<int64_t> reviewer;
    absl::Time updated;
    int versions = 0;
  };

  absl::StatusOr<const Program*> ProgramOf(const Claim& claim) const {
    auto it = programs_.find(claim.program_id());
    if (it == programs_.end()) return absl::InternalError("a claim's program is missing");
    return &it->second;
  }

  // One UPDATE for every changed claim row: each column set per id with CASE.
  void WriteClaimRows() {
    if (rows_.empty()) return;
    SqlBuilder update("UPDATE claims SET status = CASE id");
    const auto each_row = [&](const auto& value_of) {
      for (const auto& [id, row] : rows_) {
        update << " WHEN ";
        update.Bind(id) << " THEN ";
        value_of(row);
      }
    };
    each_row([&](const RowChange& row) { update.Bind(row.status); });
    update << " END, reviewer_id = CASE id";
    each_row([&](const RowChange& row) {
      if (row.reviewer) {
        update.Bind(*row.reviewer);
      } else {
        update << "reviewer_id";
      }
    });
    update << " END, updated_at = CASE id";
    each_row([&](const RowChange& row) { update.Bind(ToSqlTime(row.updated)); });
    update << " END, version = version + CASE id";
    each_row([&](const RowChange& row) { update.Bind(row.versions); });
    update << " END WHERE id IN ";
    update.Join(
        rows_, [&](const auto& row) { update.Bind(row.first); }, "(", ")");
    update.Execute(s_);
  }

  soci::session& s_;
  const std::vector<DecideJob>& jobs_;
  DecisionBatch batch_;
  absl::flat_hash_map<int64_t, Claim> claims_;
  absl::flat_hash_map<int64_t, Program> programs_;
  std::map<int64_t, RowChange> rows_;  // by claim id
  std::vector<EventRow> events_;
  std::vector<LedgerPosting> postings_;
  std::vector<OutboxEvent> outbox_;
  std::vector<NotificationEvent> notices_;
  std::vector<absl::StatusOr<Claim>> results_;
  std::vector<size_t> decided_;    // jobs that changed their claim
  std::vector<int64_t> replaced_;  // claims whose content (and so conflicts) changed
};

}  // namespace

absl::StatusOr<std::vector<absl::StatusOr<Claim>>> DecideAll(soci::session& s,
                                                             ProgramCache& program_cache,
                                                             const std::vector<DecideJob>& jobs) {
  DecisionRun run(s, jobs);
  CIM_RETURN_IF_ERROR(run.LockAll(program_cache));
  for (size_t i = 0; i < jobs.size(); ++i) CIM_RETURN_IF_ERROR(run.Decide(i));
  run.Write();
  return std::move(run).Results();
}

}  // namespace cim
