#include "server/claim/mysql_claim_rows.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "lib/phrase.h"
#include "lib/proto_time.h"
#include "server/claim/mysql_attachment_rows.h"
#include "server/claim/mysql_claim_view.h"
#include "server/db/mysql_database.h"
#include "server/db/sql_builder.h"
#include "server/money/mysql_ledger_entries.h"

namespace cim {
namespace {

using cim::v1::ClaimStatus;

constexpr int kRejected = cim::v1::CLAIM_STATUS_REJECTED;

}  // namespace

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
    flag->set_reason(Phrase("claim.resubmitted"));
  }
  c.set_reviewer_user_id(r.Integer("reviewer_id"));
  SetTimestamp(r.Time("created_at"), c.mutable_create_time());
  SetTimestamp(r.Time("updated_at"), c.mutable_update_time());
  c.set_etag(absl::StrCat(r.Integer("version")));
  if (r.Int("in_conflict") != 0) c.add_flags()->set_flag(cim::v1::CLAIM_FLAG_CHANNEL_CONFLICT);
  return c;
}

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

void ClaimEventFromRow(const NamedRow& r, cim::v1::ClaimEvent* event) {
  event->set_from_status(static_cast<ClaimStatus>(r.Int("from_status")));
  event->set_to_status(static_cast<ClaimStatus>(r.Int("to_status")));
  event->set_actor_user_id(r.Integer("actor_id"));
  event->set_actor_name(r.Text("display_name"));
  event->set_comment(r.Text("comment"));
  SetTimestamp(r.Time("created_at"), event->mutable_time());
}

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
      flag.set_reason(Phrase("claim.conflicts").List("conflicts", reasons));
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

absl::flat_hash_map<int64_t, Claim> ReadClaims(soci::session& s, const std::vector<int64_t>& ids) {
  absl::flat_hash_map<int64_t, Claim> claims = ReadClaimCores(s, ids, /*lock=*/false);
  ReadClaimDetails(s, claims);
  return claims;
}

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

absl::Status Attach(soci::session& s, int64_t claim_id, const Claim& claim) {
  long long id = claim_id, partner = claim.partner_id();
  for (int64_t attachment_id : claim.attachment_ids()) {
    long long a = attachment_id;
    soci::statement st =
        (s.prepare
             << "UPDATE attachments SET claim_id = :claim WHERE id = :id AND"
                " partner_id = :partner AND fund_request_id IS NULL AND dispute_message_id IS NULL"
                " AND (claim_id IS NULL OR claim_id = :same)",
         soci::use(id), soci::use(a), soci::use(partner), soci::use(id));
    st.execute(true);
    if (st.get_affected_rows() == 0) {
      return absl::FailedPreconditionError(Phrase("error.attachment_not_unattached")
                                               .Text("attachment", absl::StrCat(attachment_id))
                                               .str());
    }
  }
  return absl::OkStatus();
}

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
    std::vector<std::string> reasons;
    for (const Live& other : same[i]) {
      if (other.partner == c.partner_id) continue;
      if (!flags[i]) {
        flags[i].emplace();
        flags[i]->set_flag(cim::v1::CLAIM_FLAG_CHANNEL_CONFLICT);
      }
      // "invoice INV-1 for Acme B.V. was also claimed by Bravo (claim 12)", both ways.
      const auto conflict = [&](absl::string_view partner, int64_t claim) -> std::string {
        return Phrase("claim.conflict")
            .Text("invoice", c.invoice_number)
            .Text("customer", c.customer_name)
            .Text("partner", partner)
            .Text("claim", absl::StrCat(claim));
      };
      std::string mine = conflict(other.partner_name, other.id);
      std::string theirs = conflict(own_name, c.claim_id);
      if (any) record << ", ";
      any = true;
      record.Tuple(c.claim_id, other.id, mine) << ", ";
      record.Tuple(other.id, c.claim_id, std::move(theirs));
      reasons.push_back(std::move(mine));
      flags[i]->add_related_claim_ids(other.id);
    }
    if (flags[i]) flags[i]->set_reason(Phrase("claim.conflicts").List("conflicts", reasons));
  }
  if (any) record.Execute(s);
  return flags;
}

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

}  // namespace cim
