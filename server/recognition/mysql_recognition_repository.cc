#include "server/recognition/mysql_recognition_repository.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "lib/dates.h"
#include "lib/proto_json.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "server/db/sql_builder.h"
#include "server/db/table.h"
#include "server/events/mysql_outbox.h"
#include "server/money/ledger_repository.h"
#include "server/recognition/leaderboard_rules.h"
#include "server/recognition/mysql_recognition_projection.h"
#include "server/recognition/mysql_recognition_rows.h"
#include "server/recognition/outbox_rules.h"

namespace cim {

using cim::v1::Badge;
using cim::v1::Leaderboard;

absl::StatusOr<int64_t> MysqlRecognitionRepository::CurrentSeq() {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<int64_t> {
    long long seq = 0;
    s << "SELECT score_seq FROM recognition_state WHERE id = 1", soci::into(seq);
    return seq;
  });
}

absl::StatusOr<std::vector<ScoreRow>> MysqlRecognitionRepository::LoadPeriod(
    int64_t board_id, absl::CivilDay period_start) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<ScoreRow>> {
    long long board = board_id;
    std::string period = FormatDate(period_start);
    // Bulk fetches: a board period can hold a million rows.
    constexpr int kChunk = 10000;
    std::vector<long long> participant(kChunk), partner(kChunk), units(kChunk), reached(kChunk),
        seq(kChunk);
    soci::statement st =
        (s.prepare << "SELECT participant_id, partner_id, CAST(score * 10000 AS SIGNED), "
                      CIM_MICROS_OF("reached_at") ", seq FROM leaderboard_scores"
                      " WHERE board_id = :b AND period_start = :p",
         soci::into(participant), soci::into(partner), soci::into(units), soci::into(reached),
         soci::into(seq), soci::use(board), soci::use(period));
    std::vector<ScoreRow> out;
    st.execute();
    while (st.fetch()) {
      for (size_t i = 0; i < participant.size(); ++i) {
        out.push_back(ScoreRow{
            .board_id = board_id,
            .period_start = period_start,
            .partner_id = partner[i],
            .key =
                RankKey{.score = units[i], .reached_at = reached[i], .participant = participant[i]},
            .seq = seq[i]});
      }
      participant.resize(kChunk);
      partner.resize(kChunk);
      units.resize(kChunk);
      reached.resize(kChunk);
      seq.resize(kChunk);
    }
    return out;
  });
}

absl::StatusOr<std::vector<ScoreRow>> MysqlRecognitionRepository::ChangesAfter(int64_t after,
                                                                               int limit) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<ScoreRow>> {
    long long from = after;
    int n = limit;
    soci::rowset<soci::row> rows =
        (s.prepare << absl::StrCat("SELECT ", kScoreColumns,
                                   " FROM leaderboard_scores WHERE seq > :after"
                                   " ORDER BY seq LIMIT :n"),
         soci::use(from), soci::use(n));
    std::vector<ScoreRow> out;
    for (const soci::row& r : rows) {
      CIM_ASSIGN_OR_RETURN(ScoreRow row, ScoreFromRow(r));
      out.push_back(row);
    }
    return out;
  });
}

absl::StatusOr<absl::flat_hash_map<int64_t, PartnerLeague>> MysqlRecognitionRepository::Leagues(
    const std::vector<int64_t>& ids) {
  absl::flat_hash_map<int64_t, PartnerLeague> out;
  if (ids.empty()) return out;
  return db_.Run(
      [&](soci::session& s) -> absl::StatusOr<absl::flat_hash_map<int64_t, PartnerLeague>> {
        SqlBuilder q("SELECT id, type, region, tier FROM partners WHERE id IN ");
        q.List(ids);
        q.Query(s, [&](const soci::row& row) {
          const NamedRow r(row);
          out[r.Integer("id")] =
              PartnerLeague{.type = static_cast<cim::v1::PartnerType>(r.Int("type")),
                            .region = r.Text("region"),
                            .tier = r.Text("tier")};
        });
        return out;
      });
}

absl::StatusOr<std::vector<cim::v1::Level>> MysqlRecognitionRepository::ListLevels() {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<cim::v1::Level>> {
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT CAST(min_points AS CHAR) AS min_points, name FROM levels"
                      " ORDER BY levels.min_points");
    std::vector<cim::v1::Level> out;
    for (const soci::row& row : rows) {
      const NamedRow r(row);
      cim::v1::Level level;
      level.set_rank(static_cast<int>(out.size()) + 1);
      level.set_name(r.Text("name"));
      level.set_min_points(r.Decimal("min_points", 0));
      out.push_back(std::move(level));
    }
    return out;
  });
}

absl::Status MysqlRecognitionRepository::ReplaceLevels(const std::vector<cim::v1::Level>& levels) {
  return db_.Transact([&](soci::session& s) -> absl::Status {
    // The levels change as one entity: the whole ladder (without row ids, which every
    // replacement renews).
    NoteChange(s,
               EntityView{.table = "levels",
                          .key = {},
                          .columns = "CAST(t.min_points AS CHAR) AS min_points, t.name",
                          .order_by = "t.min_points"},
               {"all"});
    s << "DELETE FROM levels";
    SqlBuilder insert("INSERT INTO levels (min_points, name) VALUES ");
    insert.Join(levels, [&](const cim::v1::Level& l) { insert.Tuple(l.min_points(), l.name()); });
    insert.Execute(s);
    return absl::OkStatus();
  });
}

absl::StatusOr<Decimal> MysqlRecognitionRepository::UserPoints(int64_t user_id) {
  return db_.Run([&](soci::session& s) { return SumPoints(s, "user_id", user_id); });
}

absl::StatusOr<Decimal> MysqlRecognitionRepository::PartnerPoints(int64_t partner_id) {
  return db_.Run([&](soci::session& s) { return SumPoints(s, "partner_id", partner_id); });
}

absl::StatusOr<RecognitionFacts> MysqlRecognitionRepository::Facts(int64_t user_id,
                                                                   absl::Time now) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<RecognitionFacts> {
    CIM_ASSIGN_OR_RETURN(auto facts, ReadFactsOf(s, {user_id}, now));
    return std::move(facts[user_id]);
  });
}

absl::StatusOr<Badge> MysqlRecognitionRepository::InsertBadge(const Badge& badge,
                                                              int64_t created_by, absl::Time now) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<Badge> {
    long long by = created_by;
    std::tm at = ToSqlTime(now);
    std::string criteria = ToStoredJson(badge.criteria());
    s << "INSERT INTO badges (name, description, image_url, criteria, created_by, created_at)"
         " VALUES (:n, :d, :i, :c, :by, :at)",
        soci::use(badge.name()), soci::use(badge.description()), soci::use(badge.image_url()),
        soci::use(criteria), soci::use(by), soci::use(at);
    long long id = 0;
    s.get_last_insert_id("badges", id);
    Table("badges").Inserted(s, id);
    return ReadBadge(s, id);
  });
}

absl::StatusOr<std::vector<Badge>> MysqlRecognitionRepository::ListBadges(int64_t after_id,
                                                                          int limit,
                                                                          bool include_archived) {
  return db_.Run(
      [&](soci::session& s) { return ReadBadges(s, after_id, limit, include_archived); });
}

absl::StatusOr<Badge> MysqlRecognitionRepository::GetBadge(int64_t id) {
  return db_.Run([&](soci::session& s) { return ReadBadge(s, id); });
}

namespace {

// The row version an update names (the etag it read); ABORTED for an etag that is none.
absl::StatusOr<long long> ExpectedVersion(const std::string& etag, absl::string_view what,
                                          int64_t id) {
  long long version = 0;
  if (!absl::SimpleAtoi(etag, &version)) return ChangedSinceReadError(what, id);
  return version;
}

}  // namespace

absl::StatusOr<Badge> MysqlRecognitionRepository::UpdateBadge(const Badge& badge,
                                                              bool award_again) {
  CIM_ASSIGN_OR_RETURN(const long long version, ExpectedVersion(badge.etag(), "badge", badge.id()));
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<Badge> {
    Columns columns;
    columns.Set("name", badge.name())
        .Set("description", badge.description())
        .Set("image_url", badge.image_url())
        .Set("archived", badge.archived());
    if (award_again) columns.Set("backfilled", 0).Set("backfill_after", 0);
    if (Table("badges").Update(s, badge.id(), columns, version) == 0) {
      CIM_RETURN_IF_ERROR(ReadBadge(s, badge.id()).status());
      return ChangedSinceReadError("badge", badge.id());
    }
    return ReadBadge(s, badge.id());
  });
}

absl::StatusOr<absl::flat_hash_map<int64_t, absl::Time>> MysqlRecognitionRepository::Awards(
    int64_t user_id) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<absl::flat_hash_map<int64_t, absl::Time>> {
    return std::move(ReadAwardsOf(s, {user_id})[user_id]);
  });
}

absl::StatusOr<bool> MysqlRecognitionRepository::NameHidden(int64_t user_id) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<bool> {
    long long user = user_id;
    int hidden = 0;
    s << "SELECT hide_name FROM recognition_preferences WHERE user_id = :u", soci::use(user),
        soci::into(hidden);
    return s.got_data() && hidden != 0;
  });
}

absl::Status MysqlRecognitionRepository::SetNameHidden(int64_t user_id, bool hidden) {
  return db_.Transact([&](soci::session& s) -> absl::Status {
    long long user = user_id;
    NoteChange(s, EntityView{.table = "recognition_preferences", .key = {"user_id"}},
               {absl::StrCat(user_id)});
    int hide = hidden ? 1 : 0;
    s << "INSERT INTO recognition_preferences (user_id, hide_name) VALUES (:u, :h)"
         " ON DUPLICATE KEY UPDATE hide_name = VALUES(hide_name)",
        soci::use(user), soci::use(hide);
    return absl::OkStatus();
  });
}

absl::StatusOr<Leaderboard> MysqlRecognitionRepository::InsertLeaderboard(const Leaderboard& board,
                                                                          int64_t created_by,
                                                                          absl::Time now) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<Leaderboard> {
    long long by = created_by, program = board.program_id();
    int metric = board.metric(), scope = board.scope(), period = board.period();
    std::tm at = ToSqlTime(now);
    s << "INSERT INTO leaderboards (name, program_id, metric, currency_code, scope, period,"
         " created_by, created_at) VALUES (:n, :p, :m, :c, :s, :per, :by, :at)",
        soci::use(board.name()), soci::use(program), soci::use(metric),
        soci::use(board.currency_code()), soci::use(scope), soci::use(period), soci::use(by),
        soci::use(at);
    long long id = 0;
    s.get_last_insert_id("leaderboards", id);
    Table("leaderboards").Inserted(s, id);
    return ReadBoard(s, id);
  });
}

absl::StatusOr<Leaderboard> MysqlRecognitionRepository::UpdateLeaderboard(
    const Leaderboard& board) {
  CIM_ASSIGN_OR_RETURN(const long long version,
                       ExpectedVersion(board.etag(), "leaderboard", board.id()));
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<Leaderboard> {
    Columns columns;
    columns.Set("name", board.name()).Set("archived", board.archived());
    if (Table("leaderboards").Update(s, board.id(), columns, version) == 0) {
      CIM_RETURN_IF_ERROR(ReadBoard(s, board.id()).status());
      return ChangedSinceReadError("leaderboard", board.id());
    }
    return ReadBoard(s, board.id());
  });
}

absl::StatusOr<std::vector<Leaderboard>> MysqlRecognitionRepository::ListLeaderboards(
    int64_t program_id) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<Leaderboard>> {
    return ReadBoards(s, program_id);
  });
}

absl::StatusOr<Leaderboard> MysqlRecognitionRepository::GetLeaderboard(int64_t id) {
  return db_.Run([&](soci::session& s) { return ReadBoard(s, id); });
}

absl::StatusOr<absl::flat_hash_map<int64_t, ParticipantName>>
MysqlRecognitionRepository::ParticipantNames(cim::v1::LeaderboardScope scope,
                                             const std::vector<int64_t>& ids) {
  absl::flat_hash_map<int64_t, ParticipantName> out;
  if (ids.empty()) return out;
  return db_.Run(
      [&](soci::session& s) -> absl::StatusOr<absl::flat_hash_map<int64_t, ParticipantName>> {
        SqlBuilder q(scope == cim::v1::LEADERBOARD_SCOPE_INDIVIDUAL
                         ? "SELECT u.id, u.display_name, COALESCE(p.name, '') AS partner_name,"
                           " COALESCE(rp.hide_name, 0) AS hidden FROM users u"
                           " LEFT JOIN partners p ON p.id = u.partner_id"
                           " LEFT JOIN recognition_preferences rp ON rp.user_id = u.id"
                           " WHERE u.id IN "
                         : "SELECT id, name AS display_name, name AS partner_name, 0 AS hidden"
                           " FROM partners WHERE id IN ");
        q.List(ids);
        q.Query(s, [&](const soci::row& row) {
          const NamedRow r(row);
          out[r.Integer("id")] = ParticipantName{.display_name = r.Text("display_name"),
                                                 .partner_name = r.Text("partner_name"),
                                                 .hidden = r.Integer("hidden") != 0};
        });
        return out;
      });
}

absl::StatusOr<bool> MysqlRecognitionRepository::ChallengeExists(int64_t challenge_id) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<bool> {
    long long id = challenge_id;
    int found = 0;
    s << "SELECT 1 FROM challenges WHERE id = :id", soci::use(id), soci::into(found);
    return s.got_data();
  });
}

absl::StatusOr<std::string> MysqlRecognitionRepository::ProgressVersion(int64_t user_id,
                                                                        int64_t partner_id) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::string> {
    long long user = user_id, partner = partner_id, user_event = 0, partner_event = 0, awards = 0;
    // The user's events are counted (ids may commit out of order); a partner's may be many, so
    // its newest id stands in (WatchProgress also refreshes every few seconds).
    s << "SELECT (SELECT COUNT(*) FROM outbox_events WHERE user_id = :u),"
         " COALESCE((SELECT MAX(id) FROM outbox_events WHERE partner_id = :p), 0),"
         " (SELECT COUNT(*) FROM badge_awards WHERE user_id = :u2)",
        soci::use(user), soci::use(partner), soci::use(user), soci::into(user_event),
        soci::into(partner_event), soci::into(awards);
    return absl::StrCat(user_event, "/", partner_event, "/", awards);
  });
}

absl::StatusOr<OutboxRun> MysqlRecognitionRepository::ProcessOutbox(const OutboxRules& rules,
                                                                    int limit, absl::Time now) {
  return db_.Transact([&](soci::session& s) { return ProjectOutbox(s, rules, limit, now); });
}

}  // namespace cim
