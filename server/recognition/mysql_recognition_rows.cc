#include "server/recognition/mysql_recognition_rows.h"

#include "absl/strings/str_cat.h"
#include "cim/v1/ledger.pb.h"
#include "lib/dates.h"
#include "lib/proto_json.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "server/db/sql_builder.h"
#include "server/db/table.h"

namespace cim {
namespace {

using cim::v1::Badge;
using cim::v1::Leaderboard;

constexpr char kBadgeColumns[] =
    "id, name, description, image_url, criteria, created_at, archived, version";

absl::StatusOr<Badge> BadgeFromRow(const soci::row& row) {
  const NamedRow r(row);
  Badge b;
  b.set_id(r.Integer("id"));
  b.set_name(r.Text("name"));
  b.set_description(r.Text("description"));
  b.set_image_url(r.Text("image_url"));
  CIM_RETURN_IF_ERROR(FromStoredJson(r.Text("criteria"), b.mutable_criteria()));
  SetTimestamp(r.Time("created_at"), b.mutable_create_time());
  b.set_archived(r.Int("archived") != 0);
  b.set_etag(absl::StrCat(r.Integer("version")));
  return b;
}

}  // namespace

absl::StatusOr<Decimal> SumPoints(soci::session& s, absl::string_view column, int64_t id) {
  long long key = id;
  int account = cim::v1::LEDGER_ACCOUNT_POINTS;
  std::string sum;
  s << absl::StrCat("SELECT CAST(COALESCE(SUM(amount), 0) AS CHAR) FROM ledger_entries WHERE ",
                    column, " = :id AND account = :a AND redemption_order_id IS NULL"),
      soci::use(key), soci::use(account), soci::into(sum);
  return Decimal::Parse(sum);
}

absl::StatusOr<ScoreRow> ScoreFromRow(const soci::row& row) {
  const NamedRow r(row);
  ScoreRow score{.board_id = r.Integer("board_id"),
                 .partner_id = r.Integer("partner_id"),
                 .seq = r.Integer("seq")};
  CIM_ASSIGN_OR_RETURN(score.period_start, ParseDate(r.Text("period_start")));
  score.key = RankKey{.score = r.Integer("score_e4"),
                      .reached_at = r.Integer("reached_micros"),
                      .participant = r.Integer("participant_id")};
  return score;
}

absl::StatusOr<std::vector<Badge>> ReadBadges(soci::session& s, int64_t after_id, int limit,
                                              bool include_archived) {
  long long after = after_id;
  int n = limit;
  int archived = include_archived ? 1 : 0;
  soci::rowset<soci::row> rows =
      (s.prepare << absl::StrCat("SELECT ", kBadgeColumns,
                                 " FROM badges WHERE id > :after AND archived <= :archived"
                                 " ORDER BY id LIMIT :n"),
       soci::use(after), soci::use(archived), soci::use(n));
  std::vector<Badge> out;
  for (const soci::row& r : rows) {
    CIM_ASSIGN_OR_RETURN(Badge b, BadgeFromRow(r));
    out.push_back(std::move(b));
  }
  return out;
}

absl::StatusOr<Badge> ReadBadge(soci::session& s, int64_t id) {
  long long key = id;
  soci::row r;
  s << absl::StrCat("SELECT ", kBadgeColumns, " FROM badges WHERE id = :id"), soci::use(key),
      soci::into(r);
  if (!s.got_data()) return NotFoundError("badge", id);
  return BadgeFromRow(r);
}

Leaderboard BoardFromRow(const soci::row& row) {
  const NamedRow r(row);
  Leaderboard b;
  b.set_id(r.Integer("id"));
  b.set_name(r.Text("name"));
  b.set_program_id(r.Integer("program_id"));
  b.set_metric(static_cast<cim::v1::RecognitionMetric>(r.Int("metric")));
  b.set_currency_code(r.Text("currency_code"));
  b.set_scope(static_cast<cim::v1::LeaderboardScope>(r.Int("scope")));
  b.set_period(static_cast<cim::v1::LeaderboardPeriod>(r.Int("period")));
  SetTimestamp(r.Time("created_at"), b.mutable_create_time());
  b.set_archived(r.Int("archived") != 0);
  b.set_etag(absl::StrCat(r.Integer("version")));
  return b;
}

absl::StatusOr<Leaderboard> ReadBoard(soci::session& s, int64_t id) {
  long long key = id;
  soci::row r;
  s << absl::StrCat("SELECT ", kBoardColumns, " FROM leaderboards WHERE id = :id"), soci::use(key),
      soci::into(r);
  if (!s.got_data()) return NotFoundError("leaderboard", id);
  return BoardFromRow(r);
}

std::vector<Leaderboard> ReadBoards(soci::session& s, int64_t program_id) {
  long long program = program_id;
  soci::rowset<soci::row> rows =
      (s.prepare << absl::StrCat("SELECT ", kBoardColumns,
                                 " FROM leaderboards WHERE (:p1 = 0 OR program_id = :p2)"
                                 " ORDER BY id"),
       soci::use(program), soci::use(program));
  std::vector<Leaderboard> out;
  for (const soci::row& r : rows) out.push_back(BoardFromRow(r));
  return out;
}

absl::StatusOr<absl::flat_hash_map<int64_t, RecognitionFacts>> ReadFactsOf(
    soci::session& s, const std::vector<int64_t>& users, absl::Time now) {
  absl::flat_hash_map<int64_t, RecognitionFacts> out;
  if (users.empty()) return out;
  for (int64_t user : users) out[user];
  SqlBuilder tallies(
      "SELECT user_id, kind, unit, CAST(month AS CHAR) AS month, events,"
      " CAST(amount AS CHAR) AS amount"
      " FROM recognition_tallies WHERE user_id IN ");
  tallies.List(users);
  absl::Status bad = absl::OkStatus();
  tallies.Query(s, [&](const soci::row& row) {
    const NamedRow r(row);
    absl::StatusOr<absl::CivilDay> month = ParseDate(r.Text("month"));
    absl::StatusOr<Decimal> amount = Decimal::Parse(r.Text("amount"));
    if (!month.ok() || !amount.ok()) {
      bad = absl::InternalError("a recognition tally does not parse");
      return;
    }
    out[r.Integer("user_id")].tallies.push_back(
        MonthlyTally{.kind = static_cast<cim::v1::RecognitionEventKind>(r.Int("kind")),
                     .unit = r.Text("unit"),
                     .month = absl::CivilMonth(*month),
                     .events = r.Integer("events"),
                     .amount = *amount});
  });
  CIM_RETURN_IF_ERROR(bad);
  SqlBuilder placements(
      "SELECT lp.participant_id, lp.board_id, MIN(lp.placement) AS best_placement"
      " FROM leaderboard_placements lp"
      " JOIN leaderboards b ON b.id = lp.board_id AND b.scope = ");
  placements.Bind(static_cast<int>(cim::v1::LEADERBOARD_SCOPE_INDIVIDUAL));
  placements << " WHERE lp.participant_id IN ";
  placements.List(users);
  placements << " GROUP BY lp.participant_id, lp.board_id";
  placements.Query(s, [&](const soci::row& row) {
    const NamedRow r(row);
    out[r.Integer("participant_id")].best_placements[r.Integer("board_id")] =
        r.Int("best_placement");
  });
  SqlBuilder certifications(
      "SELECT user_id, certification_code FROM certifications WHERE expires_at > ");
  certifications.Bind(ToSqlTime(now)) << " AND user_id IN ";
  certifications.List(users);
  certifications.Query(s, [&](const soci::row& row) {
    const NamedRow r(row);
    out[r.Integer("user_id")].certifications.insert(r.Text("certification_code"));
  });
  SqlBuilder modules("SELECT user_id, module_id FROM training_firsts WHERE user_id IN ");
  modules.List(users);
  modules.Query(s, [&](const soci::row& row) {
    const NamedRow r(row);
    out[r.Integer("user_id")].completed_modules.insert(r.Integer("module_id"));
  });
  SqlBuilder challenges(
      "SELECT user_id, challenge_id FROM challenge_progress WHERE completed_at IS NOT NULL"
      " AND user_id IN ");
  challenges.List(users);
  challenges.Query(s, [&](const soci::row& row) {
    const NamedRow r(row);
    out[r.Integer("user_id")].completed_challenges.insert(r.Integer("challenge_id"));
  });
  return out;
}

absl::flat_hash_map<int64_t, absl::flat_hash_map<int64_t, absl::Time>> ReadAwardsOf(
    soci::session& s, const std::vector<int64_t>& users) {
  absl::flat_hash_map<int64_t, absl::flat_hash_map<int64_t, absl::Time>> out;
  if (users.empty()) return out;
  SqlBuilder q("SELECT user_id, badge_id, earned_at FROM badge_awards WHERE user_id IN ");
  q.List(users);
  q.Query(s, [&](const soci::row& row) {
    const NamedRow r(row);
    out[r.Integer("user_id")][r.Integer("badge_id")] = r.Time("earned_at");
  });
  return out;
}

}  // namespace cim
