#include "server/recognition/mysql_recognition_rows.h"

#include "absl/strings/str_cat.h"
#include "cim/v1/ledger.pb.h"
#include "lib/dates.h"
#include "lib/proto_json.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "server/db/sql_builder.h"

namespace cim {
namespace {

using cim::v1::Badge;
using cim::v1::Leaderboard;

constexpr char kBadgeColumns[] = "id, name, description, image_url, criteria, created_at";

absl::StatusOr<Badge> BadgeFromRow(const soci::row& r) {
  Badge b;
  b.set_id(r.get<long long>(0));
  b.set_name(r.get<std::string>(1));
  b.set_description(r.get<std::string>(2));
  b.set_image_url(r.get<std::string>(3));
  CIM_RETURN_IF_ERROR(FromStoredJson(r.get<std::string>(4), b.mutable_criteria()));
  SetTimestamp(FromSqlTime(r.get<std::tm>(5)), b.mutable_create_time());
  return b;
}

}  // namespace

absl::StatusOr<Decimal> SumPoints(soci::session& s, absl::string_view column, int64_t id) {
  long long key = id;
  int account = cim::v1::LEDGER_ACCOUNT_POINTS;
  std::string sum;
  s << absl::StrCat("SELECT CAST(COALESCE(SUM(amount), 0) AS CHAR) FROM ledger_entries WHERE ",
                    column, " = :id AND account = :a"),
      soci::use(key), soci::use(account), soci::into(sum);
  return Decimal::Parse(sum);
}

absl::StatusOr<ScoreRow> ScoreFromRow(const soci::row& r) {
  ScoreRow row{
      .board_id = RowInteger(r, 0), .partner_id = RowInteger(r, 3), .seq = RowInteger(r, 6)};
  CIM_ASSIGN_OR_RETURN(row.period_start, ParseDate(r.get<std::string>(1)));
  row.key = RankKey{
      .score = RowInteger(r, 4), .reached_at = RowInteger(r, 5), .participant = RowInteger(r, 2)};
  return row;
}

absl::StatusOr<std::vector<Badge>> ReadBadges(soci::session& s, int64_t after_id, int limit) {
  long long after = after_id;
  int n = limit;
  soci::rowset<soci::row> rows =
      (s.prepare << absl::StrCat("SELECT ", kBadgeColumns,
                                 " FROM badges WHERE id > :after ORDER BY id LIMIT :n"),
       soci::use(after), soci::use(n));
  std::vector<Badge> out;
  for (const soci::row& r : rows) {
    CIM_ASSIGN_OR_RETURN(Badge b, BadgeFromRow(r));
    out.push_back(std::move(b));
  }
  return out;
}

Leaderboard BoardFromRow(const soci::row& r) {
  Leaderboard b;
  b.set_id(r.get<long long>(0));
  b.set_name(r.get<std::string>(1));
  b.set_program_id(r.get<long long>(2));
  b.set_metric(static_cast<cim::v1::RecognitionMetric>(r.get<int>(3)));
  b.set_currency_code(r.get<std::string>(4));
  b.set_scope(static_cast<cim::v1::LeaderboardScope>(r.get<int>(5)));
  b.set_period(static_cast<cim::v1::LeaderboardPeriod>(r.get<int>(6)));
  SetTimestamp(FromSqlTime(r.get<std::tm>(7)), b.mutable_create_time());
  return b;
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
      "SELECT user_id, kind, unit, CAST(month AS CHAR), events, CAST(amount AS CHAR)"
      " FROM recognition_tallies WHERE user_id IN ");
  tallies.List(users);
  absl::Status bad = absl::OkStatus();
  tallies.Query(s, [&](const soci::row& r) {
    absl::StatusOr<absl::CivilDay> month = ParseDate(r.get<std::string>(3));
    absl::StatusOr<Decimal> amount = Decimal::Parse(r.get<std::string>(5));
    if (!month.ok() || !amount.ok()) {
      bad = absl::InternalError("a recognition tally does not parse");
      return;
    }
    out[RowInteger(r, 0)].tallies.push_back(
        MonthlyTally{.kind = static_cast<cim::v1::RecognitionEventKind>(r.get<int>(1)),
                     .unit = r.get<std::string>(2),
                     .month = absl::CivilMonth(*month),
                     .events = RowInteger(r, 4),
                     .amount = *amount});
  });
  CIM_RETURN_IF_ERROR(bad);
  SqlBuilder placements(
      "SELECT lp.participant_id, lp.board_id, MIN(lp.placement) FROM leaderboard_placements lp"
      " JOIN leaderboards b ON b.id = lp.board_id AND b.scope = ");
  placements.Bind(static_cast<int>(cim::v1::LEADERBOARD_SCOPE_INDIVIDUAL));
  placements << " WHERE lp.participant_id IN ";
  placements.List(users);
  placements << " GROUP BY lp.participant_id, lp.board_id";
  placements.Query(s, [&](const soci::row& r) {
    out[RowInteger(r, 0)].best_placements[RowInteger(r, 1)] = static_cast<int>(RowInteger(r, 2));
  });
  SqlBuilder certifications(
      "SELECT user_id, certification_code FROM certifications WHERE expires_at > ");
  certifications.Bind(ToSqlTime(now)) << " AND user_id IN ";
  certifications.List(users);
  certifications.Query(s, [&](const soci::row& r) {
    out[RowInteger(r, 0)].certifications.insert(r.get<std::string>(1));
  });
  SqlBuilder modules("SELECT user_id, module_id FROM training_firsts WHERE user_id IN ");
  modules.List(users);
  modules.Query(s, [&](const soci::row& r) {
    out[RowInteger(r, 0)].completed_modules.insert(RowInteger(r, 1));
  });
  SqlBuilder challenges(
      "SELECT user_id, challenge_id FROM challenge_progress WHERE completed_at IS NOT NULL"
      " AND user_id IN ");
  challenges.List(users);
  challenges.Query(s, [&](const soci::row& r) {
    out[RowInteger(r, 0)].completed_challenges.insert(RowInteger(r, 1));
  });
  return out;
}

absl::flat_hash_map<int64_t, absl::flat_hash_map<int64_t, absl::Time>> ReadAwardsOf(
    soci::session& s, const std::vector<int64_t>& users) {
  absl::flat_hash_map<int64_t, absl::flat_hash_map<int64_t, absl::Time>> out;
  if (users.empty()) return out;
  SqlBuilder q("SELECT user_id, badge_id, earned_at FROM badge_awards WHERE user_id IN ");
  q.List(users);
  q.Query(s, [&](const soci::row& r) {
    out[RowInteger(r, 0)][RowInteger(r, 1)] = FromSqlTime(r.get<std::tm>(2));
  });
  return out;
}

}  // namespace cim
