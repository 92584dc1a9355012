#include "server/partner_tier/mysql_partner_tier_repository.h"

#include "absl/strings/str_cat.h"
#include "lib/dates.h"
#include "lib/phrase.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "server/db/sql_builder.h"
#include "server/db/table.h"
#include "server/events/mysql_notification_events.h"
#include "server/events/mysql_outbox.h"

namespace cim {
namespace {

using cim::v1::TierChange;
using cim::v1::TierLadder;

constexpr char kChangeColumns[] =
    "c.id, c.partner_id, p.name AS partner_name, c.from_tier, c.to_tier, c.promotion, c.reason,"
    " c.trigger_kind, c.evaluated_by, " CIM_MICROS_OF("c.changed_at") " AS changed_micros";

TierChange ChangeFromRow(const soci::row& row) {
  const NamedRow r(row);
  TierChange c;
  c.set_id(r.Integer("id"));
  c.set_partner_id(r.Integer("partner_id"));
  c.set_partner_name(r.Text("partner_name"));
  c.set_from_tier(r.Text("from_tier"));
  c.set_to_tier(r.Text("to_tier"));
  c.set_promotion(r.Integer("promotion") != 0);
  c.set_reason(r.Text("reason"));
  c.set_trigger(static_cast<cim::v1::TierChangeTrigger>(r.Int("trigger_kind")));
  c.set_evaluated_by(r.Integer("evaluated_by"));
  SetTimestamp(absl::FromUnixMicros(r.Integer("changed_micros")), c.mutable_change_time());
  return c;
}

std::string DecimalOrEmpty(const std::string& stored) {
  const std::string d = FromSqlDecimal(stored, 0);
  return d == "0" ? "" : d;
}

}  // namespace

absl::StatusOr<TierLadder> MysqlPartnerTierRepository::GetLadder() {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<TierLadder> {
    TierLadder out;
    std::string currency;
    std::tm updated{};
    soci::indicator updated_ind = soci::i_null;
    s << "SELECT currency_code, updated_at FROM tier_settings WHERE id = 1", soci::into(currency),
        soci::into(updated, updated_ind);
    out.set_currency_code(currency);
    if (s.got_data() && updated_ind == soci::i_ok) {
      SetTimestamp(FromSqlTime(updated), out.mutable_update_time());
    }
    soci::rowset<soci::row> rows = s.prepare
                                   << "SELECT rank_no, code, name, benefits,"
                                      " CAST(min_trailing_sales AS CHAR) AS min_trailing_sales,"
                                      " min_certified_users, certification_code,"
                                      " CAST(min_trailing_points AS CHAR) AS min_trailing_points"
                                      " FROM tiers ORDER BY rank_no";
    for (const soci::row& row : rows) {
      const NamedRow r(row);
      cim::v1::Tier& t = *out.add_tiers();
      t.set_rank(r.Int("rank_no"));
      t.set_code(r.Text("code"));
      t.set_name(r.Text("name"));
      t.set_benefits(r.Text("benefits"));
      t.mutable_criteria()->set_min_trailing_sales(DecimalOrEmpty(r.Text("min_trailing_sales")));
      t.mutable_criteria()->set_min_certified_users(r.Int("min_certified_users"));
      t.mutable_criteria()->set_certification_code(r.Text("certification_code"));
      t.mutable_criteria()->set_min_trailing_points(DecimalOrEmpty(r.Text("min_trailing_points")));
    }
    return out;
  });
}

absl::Status MysqlPartnerTierRepository::ReplaceLadder(const TierLadder& ladder, absl::Time now) {
  return db_.Transact([&](soci::session& s) -> absl::Status {
    // The ladder changes as one entity: every tier, with the ladder's currency.
    NoteChange(s,
               EntityView{.table = "tiers",
                          .key = {},
                          .extra = "ts.currency_code",
                          .joins = "JOIN tier_settings ts ON ts.id = 1",
                          .order_by = "t.rank_no"},
               {"ladder"});
    std::tm t = ToSqlTime(now);
    s << "UPDATE tier_settings SET currency_code = :c, updated_at = :t WHERE id = 1",
        soci::use(ladder.currency_code()), soci::use(t);
    s << "DELETE FROM tiers";
    if (ladder.tiers().empty()) return absl::OkStatus();
    SqlBuilder insert(
        "INSERT INTO tiers (rank_no, code, name, benefits, min_trailing_sales,"
        " min_certified_users, certification_code, min_trailing_points) VALUES ");
    insert.Join(ladder.tiers(), [&](const cim::v1::Tier& tier) {
      const cim::v1::TierCriteria& c = tier.criteria();
      insert.Tuple(tier.rank(), tier.code(), tier.name(), tier.benefits(),
                   c.min_trailing_sales().empty() ? "0" : c.min_trailing_sales(),
                   c.min_certified_users(), c.certification_code(),
                   c.min_trailing_points().empty() ? "0" : c.min_trailing_points());
    });
    insert.Execute(s);
    return absl::OkStatus();
  });
}

absl::StatusOr<std::vector<TierPartner>> MysqlPartnerTierRepository::ActivePartners(
    int64_t after_id, int limit) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<TierPartner>> {
    long long after = after_id;
    int n = limit, active = cim::v1::PARTNER_STATUS_ACTIVE;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id, name, tier FROM partners WHERE status = :s AND id > :a"
                      " ORDER BY id LIMIT :n",
         soci::use(active), soci::use(after), soci::use(n));
    std::vector<TierPartner> out;
    for (const soci::row& row : rows) {
      const NamedRow r(row);
      out.push_back({r.Integer("id"), r.Text("name"), r.Text("tier")});
    }
    return out;
  });
}

absl::StatusOr<TierPartner> MysqlPartnerTierRepository::GetPartner(int64_t id) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<TierPartner> {
    long long key = id;
    TierPartner p{.id = id};
    s << "SELECT name, tier FROM partners WHERE id = :id", soci::use(key), soci::into(p.name),
        soci::into(p.tier);
    if (!s.got_data()) return NotFoundError("partner", id);
    return p;
  });
}

absl::StatusOr<absl::flat_hash_map<int64_t, TierFigures>> MysqlPartnerTierRepository::Figures(
    const std::vector<int64_t>& partner_ids, const std::string& currency_code, absl::Time now) {
  absl::flat_hash_map<int64_t, TierFigures> out;
  if (partner_ids.empty()) return out;
  for (int64_t id : partner_ids) out[id];
  return db_.Run([&](soci::session& s)
                     -> absl::StatusOr<absl::flat_hash_map<int64_t, TierFigures>> {
    const std::string from = ToSqlMicros(TrailingYearStart(now)), to = ToSqlMicros(now);
    absl::Status status;
    // Approved sales in the ladder's currency, by approval time.
    SqlBuilder sales(
        "SELECT partner_id, CAST(SUM(amount) AS CHAR) AS sales FROM outbox_events WHERE kind = ");
    sales.Bind(static_cast<int>(cim::v1::RECOGNITION_EVENT_KIND_CLAIM_APPROVED));
    sales << " AND currency_code = ";
    sales.Bind(currency_code) << " AND occurred_at >= ";
    sales.Bind(from) << " AND occurred_at <= ";
    sales.Bind(to) << " AND partner_id IN ";
    sales.List(partner_ids) << " GROUP BY partner_id";
    sales.Query(s, [&](const soci::row& row) {
      const NamedRow r(row);
      absl::StatusOr<Decimal> d = Decimal::Parse(r.Text("sales"));
      if (!d.ok())
        status = d.status();
      else
        out[r.Integer("partner_id")].trailing_sales = *d;
    });
    // Points net of reversals, from every kind of event.
    SqlBuilder points(
        "SELECT partner_id, CAST(SUM(points) AS CHAR) AS points FROM outbox_events"
        " WHERE occurred_at >= ");
    points.Bind(from) << " AND occurred_at <= ";
    points.Bind(to) << " AND partner_id IN ";
    points.List(partner_ids) << " GROUP BY partner_id";
    points.Query(s, [&](const soci::row& row) {
      const NamedRow r(row);
      absl::StatusOr<Decimal> d = Decimal::Parse(r.Text("points"));
      if (!d.ok())
        status = d.status();
      else
        out[r.Integer("partner_id")].trailing_points = *d;
    });
    CIM_RETURN_IF_ERROR(status);
    SqlBuilder certs(
        "SELECT c.partner_id, c.user_id, c.certification_code, c.expires_at, u.display_name"
        " FROM certifications c JOIN users u ON u.id = c.user_id"
        " AND u.partner_id = c.partner_id AND u.status = ");
    certs.Bind(static_cast<int>(cim::v1::USER_STATUS_ACTIVE)) << " WHERE c.expires_at > ";
    certs.Bind(ToSqlTime(now)) << " AND c.partner_id IN ";
    certs.List(partner_ids) << " ORDER BY c.expires_at, c.user_id, c.certification_code";
    certs.Query(s, [&](const soci::row& row) {
      const NamedRow r(row);
      out[r.Integer("partner_id")].certifications.push_back(
          HeldCertification{.user_id = r.Integer("user_id"),
                            .code = r.Text("certification_code"),
                            .expires_at = r.Time("expires_at"),
                            .user_display_name = r.Text("display_name")});
    });
    return out;
  });
}

absl::StatusOr<TierChange> MysqlPartnerTierRepository::ApplyChange(const NewTierChange& in) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<TierChange> {
    long long partner = in.partner_id;
    Table("partners").WillChange(s, partner);
    std::tm t = ToSqlTime(in.now);
    soci::statement update =
        (s.prepare << "UPDATE partners SET tier = :to, updated_at = :t, version = version + 1"
                      " WHERE id = :id AND tier = :from",
         soci::use(in.to_tier), soci::use(t), soci::use(partner), soci::use(in.from_tier));
    update.execute(true);
    if (update.get_affected_rows() == 0) {
      return absl::AbortedError(
          Phrase("error.tier_changed_during").Text("partner", absl::StrCat(in.partner_id)).str());
    }
    SqlBuilder insert(
        "INSERT INTO tier_changes (partner_id, from_tier, to_tier, promotion, reason,"
        " trigger_kind, evaluated_by, changed_at) VALUES ");
    insert.Tuple(in.partner_id, in.from_tier, in.to_tier, in.promotion ? 1 : 0, in.reason,
                 static_cast<int>(in.trigger), in.evaluated_by, ToSqlMicros(in.now));
    insert.Execute(s);
    long long id = 0;
    s.get_last_insert_id("tier_changes", id);
    AppendOutboxEvents(s, {OutboxEvent{.kind = cim::v1::RECOGNITION_EVENT_KIND_TIER_CHANGED,
                                       .partner_id = in.partner_id,
                                       .occurred_at = in.now,
                                       .created_at = in.now,
                                       .ref_id = id}});
    soci::row r;
    s << absl::StrCat("SELECT ", kChangeColumns,
                      " FROM tier_changes c JOIN partners p ON p.id = c.partner_id"
                      " WHERE c.id = :id"),
        soci::use(id), soci::into(r);
    return ChangeFromRow(r);
  });
}

absl::StatusOr<std::vector<TierChange>> MysqlPartnerTierRepository::ListChanges(int64_t partner_id,
                                                                                int64_t before_id,
                                                                                int limit) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<TierChange>> {
    SqlBuilder q(absl::StrCat("SELECT ", kChangeColumns,
                              " FROM tier_changes c JOIN partners p ON p.id = c.partner_id"
                              " WHERE 1 = 1"));
    if (partner_id != 0) {
      q << " AND c.partner_id = ";
      q.Bind(partner_id);
    }
    if (before_id != 0) {
      q << " AND c.id < ";
      q.Bind(before_id);
    }
    q << " ORDER BY c.id DESC LIMIT ";
    q.Bind(limit);
    std::vector<TierChange> out;
    q.Query(s, [&](const soci::row& r) { out.push_back(ChangeFromRow(r)); });
    return out;
  });
}

absl::StatusOr<bool> MysqlPartnerTierRepository::ClaimScheduledDay(absl::CivilDay day) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<bool> {
    const std::string d = FormatDate(day);
    soci::statement claim = (s.prepare << "UPDATE tier_settings SET last_scheduled_day = :d"
                                          " WHERE id = 1 AND last_scheduled_day < :d2",
                             soci::use(d), soci::use(d));
    claim.execute(true);
    return claim.get_affected_rows() == 1;
  });
}

absl::Status MysqlPartnerTierRepository::ReleaseScheduledDay(absl::CivilDay day) {
  return db_.Run([&](soci::session& s) -> absl::Status {
    const std::string d = FormatDate(day), before = FormatDate(day - 1);
    s << "UPDATE tier_settings SET last_scheduled_day = :b WHERE id = 1"
         " AND last_scheduled_day = :d",
        soci::use(before), soci::use(d);
    return absl::OkStatus();
  });
}

absl::Status MysqlPartnerTierRepository::Notify(const std::vector<NotificationEvent>& events) {
  if (events.empty()) return absl::OkStatus();
  return db_.Transact([&](soci::session& s) -> absl::Status {
    AppendNotificationEvents(s, events);
    return absl::OkStatus();
  });
}

}  // namespace cim
