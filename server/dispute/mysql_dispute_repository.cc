#include "server/dispute/mysql_dispute_repository.h"

#include <limits>
#include <map>

#include "absl/strings/str_cat.h"
#include "lib/phrase.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "lib/text_field.h"
#include "server/claim/mysql_attachment_rows.h"
#include "server/db/sql_builder.h"
#include "server/db/table.h"
#include "server/dispute/dispute_rules.h"
#include "server/events/mysql_notification_events.h"
#include "server/money/mysql_budget.h"
#include "server/money/mysql_ledger_entries.h"

namespace cim {
namespace {

constexpr char kColumns[] =
    "d.id, d.partner_id, pa.name AS partner_name, d.opened_by, o.display_name AS opened_by_name,"
    " d.subject_kind, d.claim_id, d.entry_id, d.statement_id, d.program_id,"
    " pr.name AS program_name, d.expected, d.state, d.resolution, d.resolved_by,"
    " r.display_name AS resolved_by_name, d.opened_at, d.first_reply_at, d.resolved_at,"
    " d.version, (SELECT COUNT(*) FROM dispute_messages m WHERE m.dispute_id = d.id)"
    " AS message_count";

constexpr char kFrom[] =
    " FROM disputes d JOIN partners pa ON pa.id = d.partner_id"
    " JOIN users o ON o.id = d.opened_by LEFT JOIN users r ON r.id = d.resolved_by"
    " LEFT JOIN programs pr ON pr.id = d.program_id";

Dispute DisputeFromRow(const soci::row& row) {
  const NamedRow r(row);
  Dispute d;
  d.set_id(r.Integer("id"));
  d.set_partner_id(r.Integer("partner_id"));
  d.set_partner_name(r.Text("partner_name"));
  d.set_opened_by_user_id(r.Integer("opened_by"));
  d.set_opened_by_name(r.Text("opened_by_name"));
  DisputeSubject* s = d.mutable_subject();
  s->set_kind(static_cast<cim::v1::DisputeSubjectKind>(r.Int("subject_kind")));
  s->set_claim_id(r.Integer("claim_id"));
  s->set_entry_id(r.Integer("entry_id"));
  s->set_statement_id(r.Integer("statement_id"));
  s->set_program_id(r.Integer("program_id"));
  s->set_expected(r.Text("expected"));
  d.set_program_id(r.Integer("program_id"));
  d.set_program_name(r.Text("program_name"));
  d.set_state(static_cast<DisputeState>(r.Int("state")));
  d.set_resolution(r.Text("resolution"));
  d.set_resolved_by_user_id(r.Integer("resolved_by"));
  d.set_resolved_by_name(r.Text("resolved_by_name"));
  SetTimestamp(r.Time("opened_at"), d.mutable_open_time());
  if (!r.IsNull("first_reply_at")) {
    SetTimestamp(r.Time("first_reply_at"), d.mutable_first_reply_time());
  }
  if (!r.IsNull("resolved_at")) SetTimestamp(r.Time("resolved_at"), d.mutable_resolve_time());
  d.set_message_count(r.Int("message_count"));
  d.set_etag(absl::StrCat(r.Integer("version")));
  return d;
}

absl::StatusOr<Dispute> ReadDispute(soci::session& s, int64_t id) {
  long long key = id;
  soci::row row;
  s << absl::StrCat("SELECT ", kColumns, kFrom, " WHERE d.id = :id"), soci::use(key),
      soci::into(row);
  if (!s.got_data()) return NotFoundError("dispute", id);
  Dispute dispute = DisputeFromRow(row);

  std::map<int64_t, cim::v1::DisputeMessage*> by_id;
  soci::rowset<soci::row> messages =
      (s.prepare << "SELECT m.id, m.author_id, u.display_name, m.from_vendor, m.body,"
                    " m.created_at FROM dispute_messages m JOIN users u ON u.id = m.author_id"
                    " WHERE m.dispute_id = :id ORDER BY m.id",
       soci::use(key));
  for (const soci::row& row_m : messages) {
    const NamedRow m(row_m);
    cim::v1::DisputeMessage* message = dispute.add_thread();
    message->set_id(m.Integer("id"));
    message->set_author_user_id(m.Integer("author_id"));
    message->set_author_name(m.Text("display_name"));
    message->set_from_vendor(m.Int("from_vendor") != 0);
    message->set_body(m.Text("body"));
    SetTimestamp(m.Time("created_at"), message->mutable_create_time());
    by_id[message->id()] = message;
  }
  soci::rowset<soci::row> proof =
      (s.prepare << absl::StrCat("SELECT ", kAttachmentColumns,
                                 ", dispute_message_id FROM attachments WHERE dispute_message_id"
                                 " IN (SELECT id FROM dispute_messages WHERE dispute_id = :id)"
                                 " ORDER BY id"),
       soci::use(key));
  for (const soci::row& a : proof) {
    auto it = by_id.find(NamedRow(a).Integer("dispute_message_id"));
    if (it != by_id.end()) *it->second->add_attachments() = AttachmentFromRow(a);
  }

  soci::rowset<soci::row> entries =
      (s.prepare << absl::StrCat("SELECT ", kLedgerEntryColumns,
                                 " FROM ledger_entries WHERE dispute_id = :id"),
       soci::use(key));
  for (const soci::row& e : entries) *dispute.mutable_adjustment() = LedgerEntryFromRow(e);
  return dispute;
}

// Appends `message` to dispute `id` with its proof. FAILED_PRECONDITION if an attachment is not
// an unused upload of `partner_id`.
absl::Status InsertMessage(soci::session& s, int64_t id, int64_t partner_id,
                           const NewDisputeMessage& message, absl::Time now) {
  const int64_t message_id = Table("dispute_messages")
                                 .Insert(s, Columns()
                                                .Set("dispute_id", id)
                                                .Set("author_id", message.author_id)
                                                .Set("from_vendor", message.from_vendor)
                                                .Set("body", message.body)
                                                .Set("created_at", now));
  long long m = message_id, partner = partner_id;
  for (int64_t attachment_id : message.attachment_ids) {
    long long a = attachment_id;
    soci::statement st =
        (s.prepare << "UPDATE attachments SET dispute_message_id = :message"
                      " WHERE id = :id AND partner_id = :partner AND claim_id IS NULL"
                      " AND fund_request_id IS NULL AND dispute_message_id IS NULL",
         soci::use(m), soci::use(a), soci::use(partner));
    st.execute(true);
    if (st.get_affected_rows() == 0) {
      return absl::FailedPreconditionError(Phrase("error.attachment_not_unused")
                                               .Text("attachment", absl::StrCat(attachment_id))
                                               .str());
    }
  }
  return absl::OkStatus();
}

// What people hear of a dispute: vendor staff that it was opened, its opener that vendor staff
// answered (a message, or the resolution), with the first words.
NotificationEvent DisputeNotice(const Dispute& dispute, cim::v1::NotificationKind kind,
                                const std::string& text, absl::Time now) {
  constexpr size_t kExcerpt = 200;
  NotificationEvent notice{.kind = kind,
                           .partner_id = dispute.partner_id(),
                           .user_id = kind == cim::v1::NOTIFICATION_KIND_DISPUTE_ANSWERED
                                          ? dispute.opened_by_user_id()
                                          : 0,
                           .ref_id = dispute.id(),
                           .link = absl::StrCat("/disputes/", dispute.id()),
                           .occurred_at = now};
  std::string excerpt = TruncateCodePoints(text, kExcerpt);
  if (excerpt.size() < text.size()) excerpt += "…";
  notice.Text("partner", dispute.partner_name()).Text("excerpt", excerpt);
  return notice;
}

// The dispute `opened_by` opened with `key`, if any.
std::optional<int64_t> FindByKey(soci::session& s, int64_t opened_by, const std::string& key) {
  long long user = opened_by, id = 0;
  s << "SELECT id FROM disputes WHERE opened_by = :user AND idempotency_key = :key",
      soci::use(user), soci::use(key), soci::into(id);
  if (!s.got_data()) return std::nullopt;
  return id;
}

}  // namespace

absl::StatusOr<SubjectOwner> MysqlDisputeRepository::FindSubject(const DisputeSubject& subject) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<SubjectOwner> {
    SubjectOwner owner;
    long long partner = 0, user = 0, program = 0;
    soci::indicator user_ind = soci::i_ok, program_ind = soci::i_ok;
    switch (subject.kind()) {
      case cim::v1::DISPUTE_SUBJECT_KIND_CLAIM: {
        long long id = subject.claim_id();
        s << "SELECT partner_id, submitted_by, program_id FROM claims WHERE id = :id",
            soci::use(id), soci::into(partner), soci::into(user, user_ind),
            soci::into(program, program_ind);
        if (!s.got_data()) return NotFoundError("claim", id);
        break;
      }
      case cim::v1::DISPUTE_SUBJECT_KIND_REWARD: {
        long long id = subject.entry_id();
        s << "SELECT partner_id, user_id, program_id FROM ledger_entries WHERE id = :id",
            soci::use(id), soci::into(partner), soci::into(user, user_ind),
            soci::into(program, program_ind);
        if (!s.got_data()) {
          return NotFoundError("ledger_entry", id);
        }
        break;
      }
      case cim::v1::DISPUTE_SUBJECT_KIND_STATEMENT_LINE: {
        // The entry must be a line of the statement (or the statement's payout entry).
        long long statement = subject.statement_id(), entry = subject.entry_id();
        s << "SELECT st.partner_id, e.user_id, e.program_id FROM statements st"
             " JOIN ledger_entries e ON e.id = :entry"
             " WHERE st.id = :statement AND (e.statement_id = st.id OR EXISTS (SELECT 1 FROM"
             " statement_lines sl WHERE sl.entry_id = e.id AND sl.statement_id = st.id))",
            soci::use(entry), soci::use(statement), soci::into(partner), soci::into(user, user_ind),
            soci::into(program, program_ind);
        if (!s.got_data()) {
          return StatementLineNotFound(statement, entry);
        }
        break;
      }
      default:
        return absl::InvalidArgumentError("the subject names no claim, entry or statement line");
    }
    owner.partner_id = partner;
    owner.user_id = user_ind == soci::i_ok ? user : 0;
    owner.program_id = program_ind == soci::i_ok ? program : 0;
    return owner;
  });
}

absl::StatusOr<Dispute> MysqlDisputeRepository::Open(const NewDispute& in, absl::Time now) {
  absl::StatusOr<Dispute> opened = db_.Transact([&](soci::session& s) -> absl::StatusOr<Dispute> {
    if (std::optional<int64_t> id = FindByKey(s, in.opened_by, in.idempotency_key)) {
      return ReadDispute(s, *id);
    }
    const DisputeSubject& subject = in.subject;
    const int64_t id =
        Table("disputes")
            .Insert(s, Columns()
                           .Set("partner_id", in.partner_id)
                           .Set("opened_by", in.opened_by)
                           .Set("idempotency_key", in.idempotency_key)
                           .Set("subject_kind", static_cast<int>(subject.kind()))
                           .SetId("claim_id", subject.claim_id())
                           .SetId("entry_id", subject.entry_id())
                           .SetId("statement_id", subject.statement_id())
                           .SetId("program_id", in.program_id)
                           .Set("expected", subject.expected())
                           .Set("state", static_cast<int>(cim::v1::DISPUTE_STATE_OPEN))
                           .Set("resolution", "")
                           .Set("opened_at", now));
    CIM_RETURN_IF_ERROR(InsertMessage(s, id, in.partner_id, in.message, now));
    CIM_ASSIGN_OR_RETURN(Dispute opened, ReadDispute(s, id));
    AppendNotificationEvents(s, {DisputeNotice(opened, cim::v1::NOTIFICATION_KIND_DISPUTE_OPENED,
                                               in.message.body, now)});
    return opened;
  });
  if (absl::IsAlreadyExists(opened.status())) {
    // A concurrent call with the same key stored it first: answer with that one.
    return db_.Run([&](soci::session& s) -> absl::StatusOr<Dispute> {
      std::optional<int64_t> id = FindByKey(s, in.opened_by, in.idempotency_key);
      if (!id) return opened.status();
      return ReadDispute(s, *id);
    });
  }
  return opened;
}

absl::StatusOr<Dispute> MysqlDisputeRepository::Get(int64_t id) {
  return db_.Run([&](soci::session& s) { return ReadDispute(s, id); });
}

absl::StatusOr<std::vector<Dispute>> MysqlDisputeRepository::List(const DisputeFilter& filter,
                                                                  int64_t after_id, int limit) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<Dispute>> {
    SqlBuilder q(absl::StrCat("SELECT ", kColumns, kFrom, " WHERE d.id "));
    if (filter.oldest_first) {
      q << "> ";
      q.Bind(static_cast<long long>(after_id));
    } else {
      q << "< ";
      q.Bind(after_id > 0 ? static_cast<long long>(after_id)
                          : std::numeric_limits<long long>::max());
    }
    if (filter.state != cim::v1::DISPUTE_STATE_UNSPECIFIED) {
      q << " AND d.state = ";
      q.Bind(static_cast<int>(filter.state));
    }
    if (filter.partner_id != 0) {
      q << " AND d.partner_id = ";
      q.Bind(static_cast<long long>(filter.partner_id));
    }
    if (filter.program_id != 0) {
      q << " AND d.program_id = ";
      q.Bind(static_cast<long long>(filter.program_id));
    }
    if (filter.opened_by != 0) {
      q << " AND d.opened_by = ";
      q.Bind(static_cast<long long>(filter.opened_by));
    }
    q << (filter.oldest_first ? " ORDER BY d.id ASC" : " ORDER BY d.id DESC") << " LIMIT ";
    q.Bind(limit);
    std::vector<Dispute> out;
    q.Query(s, [&](const soci::row& row) { out.push_back(DisputeFromRow(row)); });
    return out;
  });
}

absl::StatusOr<Dispute> MysqlDisputeRepository::Change(int64_t id, int64_t actor, absl::Time now,
                                                       const DisputeChangeFn& change) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<Dispute> {
    // The dispute row serialises every change of the dispute; each change writes it (version),
    // so Galera certifies concurrent ones on two nodes too.
    soci::row locked;
    if (!Table("disputes").Get(s, "id", id, locked, /*lock=*/true)) {
      return NotFoundError("dispute", id);
    }
    CIM_ASSIGN_OR_RETURN(const Dispute current, ReadDispute(s, id));
    CIM_ASSIGN_OR_RETURN(const DisputeChange decided, change(current));

    Columns columns;
    columns.Set("state", static_cast<int>(decided.to)).SetSql("version", "version + 1");
    if (decided.message && decided.message->from_vendor && !current.has_first_reply_time()) {
      columns.Set("first_reply_at", now);
    }
    if (decided.resolution) {
      columns.Set("resolution", *decided.resolution)
          .Set("resolved_by", actor)
          .Set("resolved_at", now);
    }
    Table("disputes").Update(s, id, columns);
    if (decided.message) {
      CIM_RETURN_IF_ERROR(InsertMessage(s, id, current.partner_id(), *decided.message, now));
    }
    if (decided.adjustment) {
      AppendLedgerEntries(s, {*decided.adjustment});
      CIM_RETURN_IF_ERROR(DrawBudget(s, decided.adjustment->program_id,
                                     decided.adjustment->partner_id, decided.budget_draw));
    }
    // The opener hears of the vendor's message, else of the vendor's resolution (not of their
    // own withdrawal).
    const bool vendor_message = decided.message && decided.message->from_vendor;
    const bool resolved = decided.resolution && !decided.resolution->empty() &&
                          decided.to != cim::v1::DISPUTE_STATE_WITHDRAWN;
    if (vendor_message || resolved) {
      AppendNotificationEvents(
          s, {DisputeNotice(current, cim::v1::NOTIFICATION_KIND_DISPUTE_ANSWERED,
                            vendor_message ? decided.message->body : *decided.resolution, now)});
    }
    return ReadDispute(s, id);
  });
}

}  // namespace cim
