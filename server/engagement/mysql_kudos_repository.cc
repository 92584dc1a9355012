#include "server/engagement/mysql_kudos_repository.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "lib/dates.h"
#include "lib/phrase.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "server/db/table.h"
#include "server/engagement/mysql_feed_repository.h"
#include "server/events/mysql_outbox.h"
#include "server/money/ledger_repository.h"
#include "server/money/mysql_ledger_entries.h"

namespace cim {
namespace {

using cim::v1::Kudos;

constexpr char kKudosColumns[] =
    "id, giver_user_id, recipient_user_id, recipient_partner_id, message,"
    " CAST(points AS CHAR) AS points, visibility, feed_entry_id, " CIM_MICROS_OF(
        "created_at") " AS created_micros";

Kudos KudosFromRow(const soci::row& row) {
  const NamedRow r(row);
  Kudos k;
  k.set_id(r.Integer("id"));
  k.set_giver_user_id(r.Integer("giver_user_id"));
  k.set_recipient_user_id(r.Integer("recipient_user_id"));
  k.set_recipient_partner_id(r.Integer("recipient_partner_id"));
  k.set_message(r.Text("message"));
  k.set_points(r.Decimal("points", 0));
  k.set_visibility(static_cast<cim::v1::FeedVisibility>(r.Int("visibility")));
  k.set_feed_entry_id(r.Integer("feed_entry_id"));
  SetTimestamp(absl::FromUnixMicros(r.Integer("created_micros")), k.mutable_create_time());
  return k;
}

std::optional<Kudos> FindKudos(soci::session& s, int64_t giver, const std::string& request_id) {
  long long g = giver;
  soci::row r;
  s << absl::StrCat("SELECT ", kKudosColumns,
                    " FROM kudos WHERE giver_user_id = :g AND request_id = :r"),
      soci::use(g), soci::use(request_id), soci::into(r);
  if (!s.got_data()) return std::nullopt;
  return KudosFromRow(r);
}

absl::CivilDay MonthStart(absl::Time now) {
  return absl::CivilDay(absl::ToCivilMonth(now, absl::UTCTimeZone()));
}

// Monthly budget (nullopt: none set) and what was given this month, read in `s`.
absl::StatusOr<std::pair<std::optional<Decimal>, Decimal>> BudgetUse(soci::session& s,
                                                                     int64_t partner_id,
                                                                     absl::Time now, bool lock) {
  long long partner = partner_id;
  std::string monthly;
  if (lock) {
    // Kudos drawing on the budget queue on its row, which each of them changes so that Galera
    // certifies it across nodes (0015_galera_guards); without a budget nothing is drawn.
    s << "UPDATE kudos_budgets SET draw_guard = draw_guard + 1 WHERE partner_id = :p",
        soci::use(partner);
  }
  s << "SELECT CAST(monthly_points AS CHAR) FROM kudos_budgets WHERE partner_id = :p",
      soci::use(partner), soci::into(monthly);
  std::optional<Decimal> budget;
  if (s.got_data()) {
    CIM_ASSIGN_OR_RETURN(budget, Decimal::Parse(monthly));
  }
  std::string spent;
  soci::indicator ind = soci::i_null;
  const std::string month = FormatDate(MonthStart(now));
  s << "SELECT CAST(SUM(points) AS CHAR) FROM kudos WHERE budget_partner_id = :p"
       " AND budget_month = :m",
      soci::use(partner), soci::use(month), soci::into(spent, ind);
  Decimal used;
  if (ind == soci::i_ok) {
    CIM_ASSIGN_OR_RETURN(used, Decimal::Parse(spent));
  }
  return std::make_pair(budget, used);
}

}  // namespace

absl::StatusOr<Kudos> MysqlKudosRepository::GiveKudos(const NewKudos& in) {
  const bool keyed = !in.request_id.empty();
  const auto same = [&](const Kudos& stored) -> absl::StatusOr<Kudos> {
    if (stored.recipient_user_id() != in.recipient_user_id) {
      return absl::AlreadyExistsError(Phrase("error.kudos_request_reused")
                                          .Text("request", in.request_id)
                                          .Text("kudos", absl::StrCat(stored.id()))
                                          .str());
    }
    return stored;
  };
  absl::StatusOr<Kudos> result = db_.Transact([&](soci::session& s) -> absl::StatusOr<Kudos> {
    if (keyed) {
      if (auto stored = FindKudos(s, in.giver_user_id, in.request_id)) return same(*stored);
    }
    if (!in.points.is_zero()) {
      // The budget row's lock serialises gifts from one budget.
      CIM_ASSIGN_OR_RETURN(auto use, BudgetUse(s, in.budget_partner_id, in.now, /*lock=*/true));
      // A retry that waited for the lock behind its original: answer with the original.
      if (keyed) {
        if (auto stored = FindKudos(s, in.giver_user_id, in.request_id)) return same(*stored);
      }
      const Decimal left = use.first.value_or(Decimal()) - use.second;
      if (in.points > left) {
        return absl::ResourceExhaustedError(Phrase("error.kudos_budget")
                                                .Count("left", std::max(left, Decimal()))
                                                .Count("asked", in.points)
                                                .str());
      }
    }
    // Kudos to someone who hides their name on leaderboards stay within their partner.
    long long recipient = in.recipient_user_id;
    int hidden = 0;
    s << "SELECT hide_name FROM recognition_preferences WHERE user_id = :u", soci::use(recipient),
        soci::into(hidden);
    const cim::v1::FeedVisibility visibility =
        s.got_data() && hidden != 0 ? cim::v1::FEED_VISIBILITY_PARTNER : in.visibility;
    AppendFeedEntries(s, {NewFeedEntry{.kind = cim::v1::FEED_ENTRY_KIND_KUDOS,
                                       .visibility = visibility,
                                       .user_id = in.recipient_user_id,
                                       .partner_id = in.recipient_partner_id,
                                       .headline = in.headline,
                                       .message = in.message,
                                       .author_user_id = in.giver_user_id,
                                       .points = in.points,
                                       .created_at = in.now}});
    long long feed_id = 0;
    s.get_last_insert_id("feed_entries", feed_id);
    const int64_t id =
        Table("kudos").Insert(s, Columns()
                                     .Set("giver_user_id", in.giver_user_id)
                                     .Set("budget_partner_id", in.budget_partner_id)
                                     .Set("recipient_user_id", in.recipient_user_id)
                                     .Set("recipient_partner_id", in.recipient_partner_id)
                                     .Set("message", in.message)
                                     .Set("points", in.points.ToString())
                                     .Set("visibility", static_cast<int>(visibility))
                                     .Set("feed_entry_id", feed_id)
                                     .SetOrNull("request_id", in.request_id, !keyed)
                                     .Set("budget_month", FormatDate(MonthStart(in.now)))
                                     // DATETIME(6): the microseconds as text.
                                     .Set("created_at", ToSqlMicros(in.now)));
    if (!in.points.is_zero()) {
      AppendLedgerEntries(s, {LedgerPosting{.partner_id = in.recipient_partner_id,
                                            .user_id = in.recipient_user_id,
                                            .account = cim::v1::LEDGER_ACCOUNT_POINTS,
                                            .kind = cim::v1::LEDGER_ENTRY_KIND_POINTS,
                                            .unit = kPointsUnit,
                                            .amount = in.points,
                                            .basis = Phrase("ledger.kudos")
                                                         .Text("kudos", absl::StrCat(id))
                                                         .Text("message", in.message),
                                            .created_by = in.giver_user_id,
                                            .created_at = in.now}});
    }
    AppendOutboxEvents(s, {OutboxEvent{.kind = cim::v1::RECOGNITION_EVENT_KIND_KUDOS_RECEIVED,
                                       .partner_id = in.recipient_partner_id,
                                       .user_id = in.recipient_user_id,
                                       .points = in.points,
                                       .occurred_at = in.now,
                                       .created_at = in.now,
                                       .ref_id = id}});
    long long key = id;
    soci::row r;
    s << absl::StrCat("SELECT ", kKudosColumns, " FROM kudos WHERE id = :id"), soci::use(key),
        soci::into(r);
    return KudosFromRow(r);
  });
  if (keyed && absl::IsAlreadyExists(result.status())) {
    // The same request id committed by a concurrent call: answer with what it stored.
    absl::StatusOr<std::optional<Kudos>> stored =
        db_.Run([&](soci::session& s) -> absl::StatusOr<std::optional<Kudos>> {
          return FindKudos(s, in.giver_user_id, in.request_id);
        });
    if (stored.ok() && stored->has_value()) return same(**stored);
  }
  return result;
}

absl::StatusOr<cim::v1::KudosBudget> MysqlKudosRepository::GetKudosBudget(int64_t partner_id,
                                                                          absl::Time now) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<cim::v1::KudosBudget> {
    CIM_ASSIGN_OR_RETURN(auto use, BudgetUse(s, partner_id, now, /*lock=*/false));
    const Decimal monthly = use.first.value_or(Decimal());
    cim::v1::KudosBudget out;
    out.set_partner_id(partner_id);
    out.set_monthly_points(monthly.ToString(0));
    out.set_month(FormatDate(MonthStart(now)).substr(0, 7));
    out.set_spent_points(use.second.ToString(0));
    out.set_remaining_points(std::max(monthly - use.second, Decimal()).ToString(0));
    return out;
  });
}

absl::Status MysqlKudosRepository::SetKudosBudget(int64_t partner_id,
                                                  const Decimal& monthly_points) {
  return db_.Transact([&](soci::session& s) -> absl::Status {
    long long partner = partner_id;
    const std::string monthly = monthly_points.ToString();
    NoteChange(s, EntityView{.table = "kudos_budgets", .key = {"partner_id"}},
               {absl::StrCat(partner_id)});
    s << "INSERT INTO kudos_budgets (partner_id, monthly_points) VALUES (:p, :m)"
         " ON DUPLICATE KEY UPDATE monthly_points = VALUES(monthly_points)",
        soci::use(partner), soci::use(monthly);
    return absl::OkStatus();
  });
}

}  // namespace cim
