#include "server/events/mysql_outbox.h"

#include "absl/strings/str_cat.h"
#include "server/db/mysql_database.h"
#include "server/db/sql_builder.h"

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

absl::StatusOr<OutboxEvent> OutboxEventFromRow(const soci::row& r) {
  OutboxEvent e{.id = r.get<long long>(0),
                .kind = static_cast<cim::v1::RecognitionEventKind>(RowInteger(r, 1)),
                .partner_id = r.get<long long>(2),
                .user_id = r.get<long long>(3),
                .program_id = r.get<long long>(4),
                .claim_id = r.get<long long>(5),
                .currency_code = r.get<std::string>(7),
                .occurred_at = absl::FromUnixMicros(RowInteger(r, 9)),
                .created_at = absl::FromUnixMicros(RowInteger(r, 10)),
                .ref_id = r.get<long long>(11)};
  absl::StatusOr<Decimal> amount = Decimal::Parse(r.get<std::string>(6));
  absl::StatusOr<Decimal> points = Decimal::Parse(r.get<std::string>(8));
  if (!amount.ok() || !points.ok()) {
    return absl::InternalError(absl::StrCat("outbox event ", e.id, " does not parse"));
  }
  e.amount = *amount;
  e.points = *points;
  return e;
}

}  // namespace cim
