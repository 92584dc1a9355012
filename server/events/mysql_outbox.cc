#include "server/events/mysql_outbox.h"

#include "absl/strings/str_cat.h"
#include "server/db/mysql_database.h"
#include "server/db/sql_builder.h"
#include "server/db/table.h"

namespace cim {

void AppendOutboxEvents(soci::session& s, const std::vector<OutboxEvent>& events) {
  if (events.empty()) return;
  SqlBuilder insert(
      "INSERT INTO outbox_events (kind, partner_id, user_id, program_id, claim_id, amount,"
      " currency_code, points, occurred_at, created_at, ref_id) VALUES ");
  insert.Join(events, [&](const OutboxEvent& e) {
    insert.Tuple(static_cast<int>(e.kind), e.partner_id, e.user_id, e.program_id, e.claim_id,
                 e.amount.ToString(), e.currency_code, e.points.ToString(),
                 ToSqlMicros(e.occurred_at), ToSqlMicros(e.created_at), e.ref_id);
  });
  insert.Execute(s);
}

absl::StatusOr<OutboxEvent> OutboxEventFromRow(const soci::row& row) {
  const NamedRow r(row);
  OutboxEvent e{.id = r.Integer("id"),
                .kind = static_cast<cim::v1::RecognitionEventKind>(r.Int("kind")),
                .partner_id = r.Integer("partner_id"),
                .user_id = r.Integer("user_id"),
                .program_id = r.Integer("program_id"),
                .claim_id = r.Integer("claim_id"),
                .currency_code = r.Text("currency_code"),
                .occurred_at = absl::FromUnixMicros(r.Integer("occurred_micros")),
                .created_at = absl::FromUnixMicros(r.Integer("created_micros")),
                .ref_id = r.Integer("ref_id")};
  absl::StatusOr<Decimal> amount = Decimal::Parse(r.Text("amount"));
  absl::StatusOr<Decimal> points = Decimal::Parse(r.Text("points"));
  if (!amount.ok() || !points.ok()) {
    return absl::InternalError(absl::StrCat("outbox event ", e.id, " does not parse"));
  }
  e.amount = *amount;
  e.points = *points;
  return e;
}

}  // namespace cim
