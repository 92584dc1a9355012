#include "server/recognition/mysql_recognition_projection.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "lib/dates.h"
#include "lib/phrase.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "server/db/mysql_database.h"
#include "server/db/sql_builder.h"
#include "server/db/table.h"
#include "server/engagement/mysql_challenge_repository.h"
#include "server/engagement/mysql_feed_repository.h"
#include "server/events/mysql_notification_events.h"
#include "server/events/mysql_outbox.h"
#include "server/money/ledger_repository.h"
#include "server/recognition/leaderboard_rules.h"
#include "server/recognition/mysql_recognition_rows.h"

namespace cim {
namespace {

using cim::v1::Badge;
using cim::v1::Leaderboard;

// Awards each user in `user_partners` (user → partner) the badges of `badges` they now meet;
// returns how many.
absl::StatusOr<int> AwardQualifiers(soci::session& s, const OutboxRules& rules,
                                    const std::vector<Badge>& badges,
                                    const std::map<int64_t, int64_t>& user_partners,
                                    absl::Time now) {
  if (badges.empty() || user_partners.empty()) return 0;
  std::vector<int64_t> users;
  for (const auto& [user, partner] : user_partners) users.push_back(user);
  CIM_ASSIGN_OR_RETURN(auto facts, ReadFactsOf(s, users, now));
  auto awards = ReadAwardsOf(s, users);
  const absl::CivilDay today = DayOf(now);
  SqlBuilder insert(
      "INSERT IGNORE INTO badge_awards (badge_id, user_id, partner_id, earned_at, in_feed)"
      " VALUES ");
  int awarded = 0;
  for (const auto& [user, partner] : user_partners) {
    for (int64_t badge : rules.NewlyEarned(badges, awards[user], facts[user], today)) {
      if (awarded++ > 0) insert << ", ";
      insert.Tuple(badge, user, partner, ToSqlTime(now), 0);
    }
  }
  if (awarded == 0) return 0;
  return static_cast<int>(insert.Execute(s));
}

// Adds `changes` to the stored scores, numbering each row's change with the next seq.
void UpsertScores(soci::session& s, const std::vector<ScoreChange>& changes, long long* seq) {
  constexpr size_t kRowsPerStatement = 1000;
  for (size_t from = 0; from < changes.size(); from += kRowsPerStatement) {
    const size_t to = std::min(changes.size(), from + kRowsPerStatement);
    SqlBuilder upsert(
        "INSERT INTO leaderboard_scores (board_id, period_start, participant_id, partner_id,"
        " score, reached_at, seq) VALUES ");
    upsert.Join(std::vector<ScoreChange>(changes.begin() + from, changes.begin() + to),
                [&](const ScoreChange& c) {
                  upsert.Tuple(c.board_id, FormatDate(c.period_start), c.participant_id,
                               c.partner_id, c.delta.ToString(), ToSqlMicros(c.at), ++*seq);
                });
    // A score is reached when it last changed (never earlier than recorded).
    upsert << " ON DUPLICATE KEY UPDATE score = score + VALUES(score),"
              " reached_at = GREATEST(reached_at, VALUES(reached_at)), seq = VALUES(seq),"
              " partner_id = VALUES(partner_id)";
    upsert.Execute(s);
  }
  std::set<std::pair<int64_t, absl::CivilDay>> periods;
  for (const ScoreChange& c : changes) periods.emplace(c.board_id, c.period_start);
  if (periods.empty()) return;
  SqlBuilder open("INSERT IGNORE INTO leaderboard_periods (board_id, period_start) VALUES ");
  open.Join(periods, [&](const auto& p) { open.Tuple(p.first, FormatDate(p.second)); });
  open.Execute(s);
}

// Sums score changes by board, period and participant (the latest time and partner win).
class ScoreSums {
 public:
  void Add(const ScoreChange& c) {
    auto [it, fresh] = sums_.try_emplace({c.board_id, c.period_start, c.participant_id}, c);
    if (fresh) return;
    it->second.delta += c.delta;
    it->second.at = std::max(it->second.at, c.at);
    it->second.partner_id = c.partner_id;
  }
  std::vector<ScoreChange> Changes() const {
    std::vector<ScoreChange> out;
    for (const auto& [key, c] : sums_) out.push_back(c);
    return out;
  }

 private:
  std::map<std::tuple<int64_t, absl::CivilDay, int64_t>, ScoreChange> sums_;
};

// Counts the events processed before `board` existed on it.
absl::Status CountHistory(soci::session& s, const OutboxRules& rules, const Leaderboard& board,
                          long long* seq) {
  long long program = board.program_id();
  soci::rowset<soci::row> rows =
      (s.prepare << absl::StrCat("SELECT ", kOutboxEventColumns,
                                 " FROM outbox_events WHERE processed = 1"
                                 " AND (:p1 = 0 OR program_id = :p2)"),
       soci::use(program), soci::use(program));
  ScoreSums sums;
  for (const soci::row& r : rows) {
    CIM_ASSIGN_OR_RETURN(OutboxEvent e, OutboxEventFromRow(r));
    for (const ScoreChange& c : rules.Scores({board}, e)) sums.Add(c);
  }
  UpsertScores(s, sums.Changes(), seq);
  long long id = board.id();
  s << "UPDATE leaderboards SET backfilled = 1 WHERE id = :id", soci::use(id);
  return absl::OkStatus();
}

// Awards the oldest badge not yet backfilled to the next chunk of users who may already meet
// it; returns how many were awarded.
absl::StatusOr<int> BackfillBadges(soci::session& s, const OutboxRules& rules,
                                   const std::vector<Badge>& badges, absl::Time now) {
  constexpr int kUsersPerRun = 500;
  long long id = 0, after = 0;
  s << "SELECT id, backfill_after FROM badges WHERE backfilled = 0 AND archived = 0"
       " ORDER BY id LIMIT 1",
      soci::into(id), soci::into(after);
  if (!s.got_data()) return 0;
  auto badge =
      std::find_if(badges.begin(), badges.end(), [&](const Badge& b) { return b.id() == id; });
  if (badge == badges.end()) return 0;    // created after this run read the badges
  std::map<int64_t, int64_t> candidates;  // user → partner
  int limit = kUsersPerRun;
  if (badge->criteria().has_placement()) {
    long long board = badge->criteria().placement().leaderboard_id();
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT DISTINCT u.id, u.partner_id FROM leaderboard_placements lp"
                      " JOIN users u ON u.id = lp.participant_id WHERE lp.board_id = :b"
                      " AND u.id > :after AND u.partner_id IS NOT NULL ORDER BY u.id LIMIT :n",
         soci::use(board), soci::use(after), soci::use(limit));
    for (const soci::row& row : rows) {
      const NamedRow r(row);
      candidates[r.Integer("id")] = r.Integer("partner_id");
    }
  } else {
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT DISTINCT t.user_id, u.partner_id FROM recognition_tallies t"
                      " JOIN users u ON u.id = t.user_id WHERE t.user_id > :after"
                      " AND u.partner_id IS NOT NULL ORDER BY t.user_id LIMIT :n",
         soci::use(after), soci::use(limit));
    for (const soci::row& row : rows) {
      const NamedRow r(row);
      candidates[r.Integer("user_id")] = r.Integer("partner_id");
    }
  }
  CIM_ASSIGN_OR_RETURN(int awarded, AwardQualifiers(s, rules, {*badge}, candidates, now));
  long long last = candidates.empty() ? after : candidates.rbegin()->first;
  int done = static_cast<int>(candidates.size()) < kUsersPerRun ? 1 : 0;
  s << "UPDATE badges SET backfill_after = :last, backfilled = :done WHERE id = :id",
      soci::use(last), soci::use(done), soci::use(id);
  return awarded;
}

// Visibility of automatic feed entries about a user: their partner's only if they hide their
// name on leaderboards. SQL over users u and recognition_preferences rp.
constexpr char kAutoVisibility[] = "IF(COALESCE(rp.hide_name, 0) = 1, 2, 1)";
static_assert(cim::v1::FEED_VISIBILITY_PUBLIC == 1 && cim::v1::FEED_VISIBILITY_PARTNER == 2);

// A feed entry for the winner (first place) of a board period that just closed.
void PostWinner(soci::session& s, const Leaderboard& board, absl::CivilDay start, absl::Time now) {
  const long long id = board.id();
  const bool all_time = board.period() == cim::v1::LEADERBOARD_PERIOD_ALL_TIME;
  Phrase headline(all_time ? "feed.all_time_winner" : "feed.period_winner");
  headline.Text("board", board.name());
  if (!all_time) headline.Text("period", PeriodLabel(board.period(), start));
  const bool individual = board.scope() == cim::v1::LEADERBOARD_SCOPE_INDIVIDUAL;
  SqlBuilder q(absl::StrCat(kFeedInsert, "SELECT "));
  q.Bind(static_cast<int>(cim::v1::FEED_ENTRY_KIND_PERIOD_WINNER));
  if (individual) {
    q << ", " << kAutoVisibility << ", u.id, COALESCE(u.partner_id, 0), ";
    q.Phrase(headline, {{"name", "u.display_name"}});
  } else {
    q << ", 1, 0, p.id, ";
    q.Phrase(headline, {{"name", "p.name"}});
  }
  q << ", '', 0, 0, 0, ";
  q.Bind(id) << ", 0, ";
  q.Bind(ToSqlMicros(now));
  if (individual) {
    q << " FROM leaderboard_placements lp JOIN users u ON u.id = lp.participant_id"
         " LEFT JOIN recognition_preferences rp ON rp.user_id = u.id";
  } else {
    q << " FROM leaderboard_placements lp JOIN partners p ON p.id = lp.participant_id";
  }
  q << " WHERE lp.board_id = ";
  q.Bind(id) << " AND lp.period_start = ";
  q.Bind(FormatDate(start)) << " AND lp.placement = 1";
  q.Execute(s);
}

// Feed entries and notifications for the badges awarded since the last run (in_feed = 0).
// Returns how many.
long long PostNewAwards(soci::session& s) {
  std::vector<NotificationEvent> notices;
  SqlBuilder awards(
      "SELECT ba.badge_id, ba.user_id, ba.partner_id, b.name, b.description, " CIM_MICROS_OF(
          "ba.earned_at") " AS earned_micros FROM badge_awards ba JOIN badges b ON b.id ="
                          " ba.badge_id WHERE ba.in_feed = 0 ORDER BY ba.earned_at, ba.badge_id");
  awards.Query(s, [&](const soci::row& row) {
    const NamedRow r(row);
    NotificationEvent notice{.kind = cim::v1::NOTIFICATION_KIND_BADGE_EARNED,
                             .partner_id = r.Integer("partner_id"),
                             .user_id = r.Integer("user_id"),
                             .ref_id = r.Integer("badge_id"),
                             .link = "/badges",
                             .occurred_at = absl::FromUnixMicros(r.Integer("earned_micros"))};
    notice.Text("badge", r.Text("name")).Text("description", r.Text("description"));
    notices.push_back(std::move(notice));
  });
  AppendNotificationEvents(s, notices);
  SqlBuilder feed(absl::StrCat(kFeedInsert, "SELECT "));
  feed.Bind(static_cast<int>(cim::v1::FEED_ENTRY_KIND_BADGE_EARNED));
  feed << ", " << kAutoVisibility << ", ba.user_id, ba.partner_id, ";
  feed.Phrase(Phrase("feed.badge_earned"), {{"name", "u.display_name"}, {"badge", "b.name"}});
  feed << ", '', 0, 0, b.id, 0, 0, ba.earned_at FROM badge_awards ba"
          " JOIN badges b ON b.id = ba.badge_id JOIN users u ON u.id = ba.user_id"
          " LEFT JOIN recognition_preferences rp ON rp.user_id = ba.user_id"
          " WHERE ba.in_feed = 0 ORDER BY ba.earned_at, ba.badge_id, ba.user_id";
  feed.Execute(s);
  soci::statement posted = (s.prepare << "UPDATE badge_awards SET in_feed = 1 WHERE in_feed = 0");
  posted.execute(true);
  return posted.get_affected_rows();
}

// Feed entries for the promotions among the tier changes in `events`, and notifications to
// the promoted partners' people.
void PostPromotions(soci::session& s, const std::vector<OutboxEvent>& events) {
  std::vector<int64_t> changes;
  for (const OutboxEvent& e : events) {
    if (e.kind == cim::v1::RECOGNITION_EVENT_KIND_TIER_CHANGED) changes.push_back(e.ref_id);
  }
  if (changes.empty()) return;
  std::vector<NotificationEvent> notices;
  SqlBuilder promoted(
      "SELECT tc.id, tc.partner_id, p.name AS partner, COALESCE(t.name, tc.to_tier) AS tier,"
      " COALESCE(f.name, tc.from_tier) AS from_tier, " CIM_MICROS_OF(
          "tc.changed_at") " AS changed_micros FROM tier_changes tc"
                           " JOIN partners p ON p.id = tc.partner_id"
                           " LEFT JOIN tiers t ON t.code = tc.to_tier"
                           " LEFT JOIN tiers f ON f.code = tc.from_tier"
                           " WHERE tc.promotion = 1 AND tc.id IN ");
  promoted.List(changes) << " ORDER BY tc.id";
  promoted.Query(s, [&](const soci::row& row) {
    const NamedRow r(row);
    NotificationEvent notice{.kind = cim::v1::NOTIFICATION_KIND_TIER_PROMOTED,
                             .partner_id = r.Integer("partner_id"),
                             .ref_id = r.Integer("id"),
                             .link = "/",
                             .occurred_at = absl::FromUnixMicros(r.Integer("changed_micros"))};
    notice.Text("partner", r.Text("partner"))
        .Text("tier", r.Text("tier"))
        .Text("from_tier", r.Text("from_tier"));
    notices.push_back(std::move(notice));
  });
  AppendNotificationEvents(s, notices);
  // The reason's figures (sales, certified users) are the partner's own: not in the feed.
  SqlBuilder q(absl::StrCat(kFeedInsert, "SELECT "));
  q.Bind(static_cast<int>(cim::v1::FEED_ENTRY_KIND_TIER_PROMOTION));
  q << ", 1, 0, p.id, ";
  q.Phrase(Phrase("feed.tier_promotion"),
           {{"name", "p.name"}, {"tier", "COALESCE(t.name, tc.to_tier)"}});
  q << ", '', 0, 0, 0, 0, 0, tc.changed_at FROM tier_changes tc"
       " JOIN partners p ON p.id = tc.partner_id LEFT JOIN tiers t ON t.code = tc.to_tier"
       " WHERE tc.promotion = 1 AND tc.id IN ";
  q.List(changes) << " ORDER BY tc.id";
  q.Execute(s);
}

// Lifetime points (tallied) of each user in `users`.
absl::StatusOr<std::map<int64_t, Decimal>> TalliedPoints(soci::session& s,
                                                         const std::vector<int64_t>& users) {
  std::map<int64_t, Decimal> out;
  if (users.empty()) return out;
  SqlBuilder q(
      "SELECT user_id, CAST(SUM(amount) AS CHAR) AS points FROM recognition_tallies"
      " WHERE kind = ");
  q.Bind(static_cast<int>(kPointsTallyKind)) << " AND unit = ";
  q.Bind(std::string(kPointsUnit)) << " AND user_id IN ";
  q.List(users) << " GROUP BY user_id";
  absl::Status bad;
  q.Query(s, [&](const soci::row& row) {
    const NamedRow r(row);
    absl::StatusOr<Decimal> d = Decimal::Parse(r.Text("points"));
    if (d.ok())
      out[r.Integer("user_id")] = *d;
    else
      bad = d.status();
  });
  CIM_RETURN_IF_ERROR(bad);
  return out;
}

// Feed entries for users whose level rose from `before` to `after` points.
void PostLevelUps(soci::session& s, const std::map<int64_t, Decimal>& before,
                  const std::map<int64_t, Decimal>& after, const std::map<int64_t, int64_t>& users,
                  absl::Time now) {
  std::vector<cim::v1::Level> ladder;
  soci::rowset<soci::row> rows =
      s.prepare << "SELECT name, CAST(min_points AS CHAR) AS min_points FROM levels"
                   " ORDER BY levels.min_points";
  for (const soci::row& row : rows) {
    const NamedRow r(row);
    cim::v1::Level& l = ladder.emplace_back();
    l.set_name(r.Text("name"));
    l.set_min_points(r.Text("min_points"));
  }
  if (ladder.empty()) return;
  const auto level_of = [&](const Decimal& points) {
    int level = -1;
    for (size_t i = 0; i < ladder.size(); ++i) {
      if (points >= Decimal::Parse(ladder[i].min_points()).value_or(Decimal())) level = i;
    }
    return level;
  };
  std::vector<NotificationEvent> notices;
  SqlBuilder q(absl::StrCat(kFeedInsert, "SELECT "));
  q.Bind(static_cast<int>(cim::v1::FEED_ENTRY_KIND_LEVEL_UP)) << ", ";
  q << kAutoVisibility << ", u.id, COALESCE(u.partner_id, 0), ";
  q.Phrase(Phrase("feed.level_up"), {{"name", "u.display_name"}, {"level", "lv.name"}});
  q << ", '', 0, 0, 0, 0, 0, ";
  q.Bind(ToSqlMicros(now));
  q << " FROM (";
  int n = 0;
  for (const auto& [user, partner] : users) {
    auto b = before.find(user);
    auto a = after.find(user);
    const int from = level_of(b == before.end() ? Decimal() : b->second);
    const int to = level_of(a == after.end() ? Decimal() : a->second);
    if (to <= from) continue;
    NotificationEvent notice{.kind = cim::v1::NOTIFICATION_KIND_LEVEL_UP,
                             .partner_id = partner,
                             .user_id = user,
                             .ref_id = to + 1,
                             .link = "/badges",
                             .occurred_at = now};
    notice.Text("level", ladder[to].name())
        .Count("points", a == after.end() ? Decimal() : a->second);
    notices.push_back(std::move(notice));
    if (n++ > 0) q << " UNION ALL ";
    q << "SELECT ";
    q.Bind(user) << " AS user_id, ";
    q.Bind(ladder[to].name()) << " AS name";
  }
  if (n == 0) return;
  q << ") lv JOIN users u ON u.id = lv.user_id"
       " LEFT JOIN recognition_preferences rp ON rp.user_id = u.id";
  q.Execute(s);
  AppendNotificationEvents(s, notices);
}

// Closes the periods of `boards` that ended more than kCloseGrace before `now` (so approvals
// decided before the end have committed): records the top places, then awards the placement
// badges. Returns how many periods closed; adds the awards to *awards.
absl::StatusOr<int> ClosePeriods(soci::session& s, const OutboxRules& rules,
                                 const std::vector<Leaderboard>& boards,
                                 const std::vector<Badge>& badges, absl::Time now, int* awards) {
  constexpr absl::Duration kCloseGrace = absl::Minutes(10);
  std::map<int64_t, const Leaderboard*> by_id;
  for (const Leaderboard& b : boards) by_id[b.id()] = &b;
  std::vector<std::pair<int64_t, absl::CivilDay>> ended;
  soci::rowset<soci::row> open =
      (s.prepare << "SELECT board_id, CAST(period_start AS CHAR) AS period_start"
                    " FROM leaderboard_periods WHERE closed_at IS NULL");
  for (const soci::row& row : open) {
    const NamedRow r(row);
    auto it = by_id.find(r.Integer("board_id"));
    if (it == by_id.end()) continue;
    CIM_ASSIGN_OR_RETURN(absl::CivilDay start, ParseDate(r.Text("period_start")));
    const absl::CivilDay last = BoardPeriodOf(it->second->period(), start).last;
    if (absl::FromCivil(last + 1, absl::UTCTimeZone()) + kCloseGrace <= now) {
      ended.emplace_back(it->first, start);
    }
  }
  for (const auto& [board, start] : ended) {
    long long id = board;
    std::string period = FormatDate(start);
    int places = rules.PlacesToRecord(badges, board);
    s << "INSERT IGNORE INTO leaderboard_placements (board_id, period_start, placement,"
         " participant_id, score)"
         " SELECT :b, :p, ROW_NUMBER() OVER (ORDER BY score DESC, reached_at, participant_id),"
         " participant_id, score FROM (SELECT participant_id, score, reached_at"
         " FROM leaderboard_scores WHERE board_id = :b2 AND period_start = :p2"
         " ORDER BY score DESC, reached_at, participant_id LIMIT :n) top",
        soci::use(id), soci::use(period), soci::use(id), soci::use(period), soci::use(places);
    std::tm closed = ToSqlTime(now);
    s << "UPDATE leaderboard_periods SET closed_at = :now WHERE board_id = :b"
         " AND period_start = :p",
        soci::use(closed), soci::use(id), soci::use(period);
    PostWinner(s, *by_id[board], start, now);
    if (by_id[board]->scope() != cim::v1::LEADERBOARD_SCOPE_INDIVIDUAL) continue;
    for (const Badge& badge : badges) {
      if (!badge.criteria().has_placement() ||
          badge.criteria().placement().leaderboard_id() != board) {
        continue;
      }
      long long badge_id = badge.id();
      int top = badge.criteria().placement().top();
      soci::statement st =
          (s.prepare << "INSERT IGNORE INTO badge_awards (badge_id, user_id, partner_id,"
                        " earned_at, in_feed) SELECT :badge, lp.participant_id, u.partner_id,"
                        " :now, 0"
                        " FROM leaderboard_placements lp JOIN users u ON u.id = lp.participant_id"
                        " WHERE lp.board_id = :b AND lp.period_start = :p AND lp.placement <= :top"
                        " AND u.partner_id IS NOT NULL",
           soci::use(badge_id), soci::use(closed), soci::use(id), soci::use(period),
           soci::use(top));
      st.execute(true);
      *awards += static_cast<int>(st.get_affected_rows());
    }
  }
  return static_cast<int>(ended.size());
}

// Projects `events` (not yet processed): monthly tallies, leaderboard scores (numbered from
// *seq on), level-ups, promotions, challenge progress and the badges they now qualify for; marks
// them processed. Returns the badges awarded.
absl::StatusOr<int> ProjectEvents(soci::session& s, const OutboxRules& rules,
                                  const std::vector<Leaderboard>& boards,
                                  const std::vector<Badge>& badges,
                                  const std::vector<OutboxEvent>& events, absl::Time now,
                                  long long* seq) {
  using TallyKey = std::tuple<int64_t, int, std::string, absl::CivilMonth>;
  std::map<TallyKey, MonthlyTally> tallies;
  ScoreSums scores;
  std::map<int64_t, int64_t> users;  // user → partner
  for (const OutboxEvent& e : events) {
    for (const MonthlyTally& t : rules.Tallies(e)) {
      MonthlyTally& sum = tallies[{e.user_id, static_cast<int>(t.kind), t.unit, t.month}];
      sum.events += t.events;
      sum.amount += t.amount;
    }
    for (const ScoreChange& c : rules.Scores(boards, e)) scores.Add(c);
    if (e.user_id != 0) users[e.user_id] = e.partner_id;
  }
  std::vector<int64_t> user_ids;
  for (const auto& [user, partner] : users) user_ids.push_back(user);
  CIM_ASSIGN_OR_RETURN(const auto points_before, TalliedPoints(s, user_ids));
  if (!tallies.empty()) {
    SqlBuilder tally(
        "INSERT INTO recognition_tallies (user_id, kind, unit, month, events, amount)"
        " VALUES ");
    tally.Join(tallies, [&](const auto& entry) {
      const auto& [key, t] = entry;
      tally.Tuple(std::get<0>(key), std::get<1>(key), std::get<2>(key),
                  FormatDate(absl::CivilDay(std::get<3>(key))), t.events, t.amount.ToString());
    });
    tally << " ON DUPLICATE KEY UPDATE events = events + VALUES(events),"
             " amount = amount + VALUES(amount)";
    tally.Execute(s);
  }
  UpsertScores(s, scores.Changes(), seq);
  CIM_ASSIGN_OR_RETURN(const auto points_after, TalliedPoints(s, user_ids));
  PostLevelUps(s, points_before, points_after, users, now);
  PostPromotions(s, events);
  CIM_RETURN_IF_ERROR(ApplyChallengeEvents(s, events, now).status());
  std::vector<Badge> tally_badges;
  for (const Badge& b : badges) {
    if (!b.criteria().has_placement()) tally_badges.push_back(b);
  }
  CIM_ASSIGN_OR_RETURN(const int awards, AwardQualifiers(s, rules, tally_badges, users, now));
  SqlBuilder done("UPDATE outbox_events SET processed = 1 WHERE id IN ");
  done.Join(
      events, [&](const OutboxEvent& e) { done.Bind(e.id); }, "(", ")");
  done.Execute(s);
  return awards;
}

}  // namespace

absl::StatusOr<OutboxRun> ProjectOutbox(soci::session& s, const OutboxRules& rules, int limit,
                                        absl::Time now) {
  OutboxRun run;
  // Another server processing right now: leave this round to it.
  long long seq = 0;
  s << "SELECT score_seq FROM recognition_state WHERE id = 1 FOR UPDATE SKIP LOCKED",
      soci::into(seq);
  if (!s.got_data()) {
    run.skipped = true;
    return run;
  }
  const long long seq_before = seq;
  const std::vector<Leaderboard> boards = ReadBoards(s, 0);
  // Archived badges are no longer awarded.
  CIM_ASSIGN_OR_RETURN(const std::vector<Badge> badges,
                       ReadBadges(s, 0, 1 << 30, /*include_archived=*/false));

  // Boards created since the last run count the events processed before them.
  {
    std::vector<long long> fresh;
    soci::rowset<long long> ids = s.prepare << "SELECT id FROM leaderboards WHERE backfilled = 0";
    for (long long id : ids) fresh.push_back(id);
    for (const Leaderboard& board : boards) {
      if (std::find(fresh.begin(), fresh.end(), board.id()) != fresh.end()) {
        CIM_RETURN_IF_ERROR(CountHistory(s, rules, board, &seq));
      }
    }
  }
  // So do challenges (within their windows).
  CIM_ASSIGN_OR_RETURN(const int challenges_backfilled, BackfillChallenges(s, now));

  std::vector<OutboxEvent> events;
  {
    int n = limit;
    soci::rowset<soci::row> rows =
        (s.prepare << absl::StrCat("SELECT ", kOutboxEventColumns,
                                   " FROM outbox_events WHERE processed = 0"
                                   " ORDER BY id LIMIT :n"),
         soci::use(n));
    for (const soci::row& r : rows) {
      CIM_ASSIGN_OR_RETURN(OutboxEvent e, OutboxEventFromRow(r));
      events.push_back(std::move(e));
    }
  }
  if (!events.empty()) {
    CIM_ASSIGN_OR_RETURN(run.awards, ProjectEvents(s, rules, boards, badges, events, now, &seq));
    run.events = static_cast<int>(events.size());
  }
  CIM_ASSIGN_OR_RETURN(int backfilled, BackfillBadges(s, rules, badges, now));
  run.awards += backfilled;
  // Periods close only once the events before them are in.
  if (run.events < limit) {
    int closing_awards = 0;
    CIM_ASSIGN_OR_RETURN(run.periods_closed,
                         ClosePeriods(s, rules, boards, badges, now, &closing_awards));
    run.awards += closing_awards;
  }
  const long long feed_posts = PostNewAwards(s);
  // The row lock above keeps processors apart on one database node only. A run that changed
  // anything also changes this row, so that Galera certifies it against a run on another
  // node: one commits, the other is aborted and runs again on what the first did. Idle runs
  // write nothing.
  const int worked = seq != seq_before || run.events > 0 || run.awards > 0 ||
                     run.periods_closed > 0 || challenges_backfilled > 0 || feed_posts > 0;
  s << "UPDATE recognition_state SET score_seq = :seq, run_guard = run_guard + :worked WHERE id "
       "= 1",
      soci::use(seq), soci::use(worked);
  return run;
}

}  // namespace cim
