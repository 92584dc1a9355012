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
#include "lib/phrase.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "server/claim/mysql_attachment_rows.h"
#include "server/claim/mysql_claim_decisions.h"
#include "server/claim/mysql_claim_rows.h"
#include "server/claim/mysql_claim_view.h"
#include "server/db/sql_builder.h"
#include "server/db/table.h"
#include "server/events/mysql_outbox.h"
#include "server/money/mysql_budget.h"
#include "server/money/mysql_ledger_entries.h"
#include "server/program/mysql_program_repository.h"

namespace cim {
namespace {

constexpr size_t kChunkBytes = 1 << 20;

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
        Phrase("error.invoice_claimed")
            .Text("invoice", claim.invoice_number())
            .Text("claim", s.got_data() ? absl::StrCat(existing) : "none")
            .str());
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
    if (it == claims.end()) return NotFoundError("claim", id);
    return std::move(it->second);
  });
}

absl::StatusOr<std::vector<Claim>> MysqlClaimRepository::List(const ClaimFilter& filter,
                                                              int64_t before_id, int limit) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<Claim>> {
    long long before = before_id > 0 ? before_id : std::numeric_limits<long long>::max();
    long long program = filter.program_id, partner = filter.partner_id;
    int status = filter.status, flagged = filter.flagged_only ? 1 : 0;
    soci::rowset<long long> rows =
        (s.prepare << absl::StrCat(
             "SELECT c.id FROM claims c WHERE c.id < :before"
             " AND (:status1 = 0 OR c.status = :status2)"
             " AND (:program1 = 0 OR c.program_id = :program2)"
             " AND (:partner1 = 0 OR c.partner_id = :partner2)"
             " AND (:flagged = 0 OR c.resubmitted = 1 OR"
             " EXISTS(SELECT 1 FROM claim_conflicts k WHERE k.claim_id = c.id))"
             " ORDER BY c.id DESC LIMIT :limit"),
         soci::use(before), soci::use(status), soci::use(status), soci::use(program),
         soci::use(program), soci::use(partner), soci::use(partner), soci::use(flagged),
         soci::use(limit));
    const std::vector<int64_t> ids(rows.begin(), rows.end());
    absl::flat_hash_map<int64_t, Claim> claims = ReadClaimCores(s, ids, /*lock=*/false);
    std::vector<Claim> out;
    out.reserve(ids.size());
    for (int64_t id : ids) out.push_back(std::move(claims[id]));
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
    if (!s.got_data()) return NotFoundError("attachment", id);
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
