#include "server/engagement/mysql_challenge_repository.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "lib/phrase.h"
#include "lib/proto_json.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "server/db/sql_builder.h"
#include "server/db/table.h"
#include "server/engagement/engagement_rules.h"
#include "server/engagement/mysql_feed_repository.h"
#include "server/events/mysql_outbox.h"
#include "server/money/ledger_repository.h"
#include "server/money/mysql_ledger_entries.h"

namespace cim {
namespace {

using cim::v1::Challenge;

// The columns ChallengeFromRow reads, over challenges c.
constexpr char kChallengeColumns[] =
    "c.id, c.title, c.description, c.starts_at, c.ends_at, c.program_id, c.audience, c.goal,"
    " CAST(c.reward_points AS CHAR) AS reward_points, c.created_at, c.archived, c.version,"
    " (SELECT COUNT(*) FROM challenge_progress cp WHERE cp.challenge_id = c.id"
    " AND cp.completed_at IS NOT NULL) AS completions";

absl::StatusOr<Challenge> ChallengeFromRow(const soci::row& row) {
  const NamedRow r(row);
  Challenge c;
  c.set_id(r.Integer("id"));
  c.set_title(r.Text("title"));
  c.set_description(r.Text("description"));
  SetTimestamp(r.Time("starts_at"), c.mutable_start_time());
  SetTimestamp(r.Time("ends_at"), c.mutable_end_time());
  c.set_program_id(r.Integer("program_id"));
  CIM_RETURN_IF_ERROR(FromStoredJson(r.Text("audience"), c.mutable_audience()));
  CIM_RETURN_IF_ERROR(FromStoredJson(r.Text("goal"), c.mutable_goal()));
  c.set_reward_points(r.Decimal("reward_points", 0));
  SetTimestamp(r.Time("created_at"), c.mutable_create_time());
  c.set_completions(r.Integer("completions"));
  c.set_archived(r.Integer("archived") != 0);
  c.set_etag(absl::StrCat(r.Integer("version")));
  return c;
}

// The columns a caller sets on a challenge (on insert and update alike).
Columns ChallengeColumns(const Challenge& c) {
  Columns columns;
  columns.Set("title", c.title())
      .Set("description", c.description())
      .Set("starts_at", FromTimestamp(c.start_time()))
      .Set("ends_at", FromTimestamp(c.end_time()))
      .Set("program_id", c.program_id())
      .Set("audience", ToStoredJson(c.audience()))
      .Set("goal", ToStoredJson(c.goal()))
      .Set("reward_points", c.reward_points().empty() ? std::string("0") : c.reward_points());
  return columns;
}

// Moves `challenges` by `events` (see ApplyChallengeEvents).
absl::StatusOr<int> ApplyToChallenges(soci::session& s, const std::vector<Challenge>& challenges,
                                      const std::vector<const OutboxEvent*>& relevant,
                                      absl::Time now) {
  if (challenges.empty() || relevant.empty()) return 0;
  std::set<int64_t> partner_ids, claim_ids;
  for (const OutboxEvent* e : relevant) {
    partner_ids.insert(e->partner_id);
    if (e->kind == cim::v1::RECOGNITION_EVENT_KIND_CLAIM_APPROVED) claim_ids.insert(e->claim_id);
  }
  std::map<int64_t, AudienceMember> members;
  {
    SqlBuilder q("SELECT id, type, region, tier FROM partners WHERE id IN ");
    q.List(partner_ids);
    q.Query(s, [&](const soci::row& row) {
      const NamedRow r(row);
      members[r.Integer("id")] = {static_cast<cim::v1::PartnerType>(r.Int("type")),
                                  r.Text("region"), r.Text("tier")};
    });
  }
  std::set<std::pair<int64_t, int64_t>> enrolled;  // (program, partner)
  {
    SqlBuilder q("SELECT program_id, partner_id FROM enrollments WHERE partner_id IN ");
    q.List(partner_ids);
    q.Query(s, [&](const soci::row& row) {
      const NamedRow r(row);
      enrolled.emplace(r.Integer("program_id"), r.Integer("partner_id"));
    });
  }
  std::map<std::pair<int64_t, std::string>, int64_t> units;  // (claim, sku) → quantity
  if (!claim_ids.empty()) {
    SqlBuilder q(
        "SELECT claim_id, sku, CAST(SUM(quantity) AS SIGNED) AS units FROM claim_lines"
        " WHERE claim_id IN ");
    q.List(claim_ids) << " GROUP BY claim_id, sku";
    q.Query(s, [&](const soci::row& row) {
      const NamedRow r(row);
      units[{r.Integer("claim_id"), r.Text("sku")}] = r.Integer("units");
    });
  }

  std::map<std::pair<int64_t, int64_t>, std::pair<int64_t, Decimal>> steps;  // → (partner, step)
  for (const Challenge& c : challenges) {
    const absl::Time start = FromTimestamp(c.start_time()), end = FromTimestamp(c.end_time());
    for (const OutboxEvent* e : relevant) {
      if (e->occurred_at < start || e->occurred_at >= end) continue;
      auto member = members.find(e->partner_id);
      if (member == members.end() || !InAudience(c.audience(), member->second)) continue;
      if (c.program_id() != 0) {
        if (!enrolled.contains({c.program_id(), e->partner_id})) continue;
        if (e->program_id != 0 && e->program_id != c.program_id()) continue;
      }
      auto u = units.find({e->claim_id, c.goal().sku()});
      const Decimal step = ChallengeStep(c.goal(), *e, u == units.end() ? 0 : u->second);
      if (step.is_zero()) continue;
      auto& [partner, sum] = steps[{c.id(), e->user_id}];
      partner = e->partner_id;
      sum += step;
    }
  }
  if (steps.empty()) return 0;
  SqlBuilder upsert(
      "INSERT INTO challenge_progress (challenge_id, user_id, partner_id, progress) VALUES ");
  upsert.Join(steps, [&](const auto& entry) {
    upsert.Tuple(entry.first.first, entry.first.second, entry.second.first,
                 entry.second.second.ToString());
  });
  upsert << " ON DUPLICATE KEY UPDATE progress = progress + VALUES(progress),"
            " partner_id = VALUES(partner_id)";
  upsert.Execute(s);

  // Those who reached a goal now.
  std::map<int64_t, const Challenge*> by_id;
  for (const Challenge& c : challenges) by_id[c.id()] = &c;
  struct Done {
    const Challenge* challenge;
    int64_t user_id, partner_id;
  };
  std::vector<Done> done;
  {
    SqlBuilder q(
        "SELECT challenge_id, user_id, partner_id, CAST(progress AS CHAR) AS progress"
        " FROM challenge_progress"
        " WHERE completed_at IS NULL AND (challenge_id, user_id) IN ");
    q.Join(
        steps, [&](const auto& entry) { q.Tuple(entry.first.first, entry.first.second); }, "(",
        ")");
    absl::Status bad;
    q.Query(s, [&](const soci::row& row) {
      const NamedRow r(row);
      const Challenge* c = by_id[r.Integer("challenge_id")];
      absl::StatusOr<Decimal> progress = Decimal::Parse(r.Text("progress"));
      absl::StatusOr<Decimal> target = Decimal::Parse(c->goal().target());
      if (!progress.ok() || !target.ok()) {
        bad = absl::InternalError("challenge progress does not parse");
        return;
      }
      if (*progress >= *target) done.push_back({c, r.Integer("user_id"), r.Integer("partner_id")});
    });
    CIM_RETURN_IF_ERROR(bad);
  }
  if (done.empty()) return 0;
  std::map<int64_t, std::pair<std::string, bool>> names;  // user → (name, hidden)
  {
    SqlBuilder q(
        "SELECT u.id, u.display_name, COALESCE(rp.hide_name, 0) AS hide_name FROM users u"
        " LEFT JOIN recognition_preferences rp ON rp.user_id = u.id WHERE u.id IN ");
    q.Join(
        done, [&](const Done& d) { q.Bind(d.user_id); }, "(", ")");
    q.Query(s, [&](const soci::row& row) {
      const NamedRow r(row);
      names[r.Integer("id")] = {r.Text("display_name"), r.Integer("hide_name") != 0};
    });
  }
  std::vector<LedgerPosting> postings;
  std::vector<OutboxEvent> completed_events;
  std::vector<NewFeedEntry> feed;
  for (const Done& d : done) {
    long long challenge = d.challenge->id(), user = d.user_id;
    const std::string at = ToSqlMicros(now);
    s << "UPDATE challenge_progress SET completed_at = :t WHERE challenge_id = :c"
         " AND user_id = :u",
        soci::use(at), soci::use(challenge), soci::use(user);
    const Decimal reward =
        Decimal::Parse(d.challenge->reward_points().empty() ? "0" : d.challenge->reward_points())
            .value_or(Decimal());
    if (!reward.is_zero()) {
      postings.push_back(
          LedgerPosting{.partner_id = d.partner_id,
                        .user_id = d.user_id,
                        .account = cim::v1::LEDGER_ACCOUNT_POINTS,
                        .kind = cim::v1::LEDGER_ENTRY_KIND_POINTS,
                        .unit = kPointsUnit,
                        .amount = reward,
                        .basis = Phrase("ledger.challenge")
                                     .Text("challenge", d.challenge->title())
                                     .Text("challenge_id", absl::StrCat(d.challenge->id())),
                        .created_at = now});
    }
    completed_events.push_back(
        OutboxEvent{.kind = cim::v1::RECOGNITION_EVENT_KIND_CHALLENGE_COMPLETED,
                    .partner_id = d.partner_id,
                    .user_id = d.user_id,
                    .points = reward,
                    .occurred_at = now,
                    .created_at = now,
                    .ref_id = d.challenge->id()});
    const auto& [name, hidden] = names[d.user_id];
    feed.push_back(NewFeedEntry{
        .kind = cim::v1::FEED_ENTRY_KIND_CHALLENGE_COMPLETED,
        .visibility = hidden ? cim::v1::FEED_VISIBILITY_PARTNER : cim::v1::FEED_VISIBILITY_PUBLIC,
        .user_id = d.user_id,
        .partner_id = d.partner_id,
        .headline = Phrase("feed.challenge_completed")
                        .Text("name", name)
                        .Text("challenge", d.challenge->title()),
        .points = reward,
        .challenge_id = d.challenge->id(),
        .created_at = now});
  }
  AppendLedgerEntries(s, postings);
  AppendOutboxEvents(s, completed_events);
  AppendFeedEntries(s, feed);
  return static_cast<int>(done.size());
}

// The challenges `query` selects (kChallengeColumns over challenges c).
absl::StatusOr<std::vector<Challenge>> ReadChallenges(soci::session& s, SqlBuilder& query) {
  std::vector<Challenge> out;
  absl::Status bad;
  query.Query(s, [&](const soci::row& r) {
    absl::StatusOr<Challenge> c = ChallengeFromRow(r);
    if (c.ok())
      out.push_back(*std::move(c));
    else
      bad = c.status();
  });
  CIM_RETURN_IF_ERROR(bad);
  return out;
}

// Sets the reward badge (one with a challenge_completed criterion) of each of `challenges`.
void SetRewardBadges(soci::session& s, std::vector<Challenge>& challenges) {
  soci::rowset<soci::row> badges =
      s.prepare << "SELECT id, JSON_VALUE(criteria, '$.challenge_completed.challenge_id')"
                   " AS challenge_id FROM badges"
                   " WHERE JSON_EXISTS(criteria, '$.challenge_completed')";
  std::map<int64_t, int64_t> badge_of;
  for (const soci::row& row : badges) {
    const NamedRow r(row);
    if (!r.IsNull("challenge_id")) {
      badge_of[std::stoll(r.Text("challenge_id"))] = r.Integer("id");
    }
  }
  for (Challenge& c : challenges) {
    if (auto it = badge_of.find(c.id()); it != badge_of.end()) {
      c.set_reward_badge_id(it->second);
    }
  }
}

// Challenge `id` with its reward badge; NOT_FOUND if there is none.
absl::StatusOr<Challenge> GetIn(soci::session& s, int64_t id) {
  SqlBuilder q(absl::StrCat("SELECT ", kChallengeColumns, " FROM challenges c WHERE c.id = "));
  q.Bind(static_cast<long long>(id));
  CIM_ASSIGN_OR_RETURN(std::vector<Challenge> found, ReadChallenges(s, q));
  if (found.empty()) return NotFoundError("challenge", id);
  SetRewardBadges(s, found);
  return std::move(found.front());
}

}  // namespace

absl::StatusOr<int> ApplyChallengeEvents(soci::session& s, const std::vector<OutboxEvent>& events,
                                         absl::Time now) {
  std::vector<const OutboxEvent*> relevant;
  absl::Time earliest = absl::InfiniteFuture();
  for (const OutboxEvent& e : events) {
    if (e.user_id == 0) continue;
    relevant.push_back(&e);
    earliest = std::min(earliest, e.occurred_at);
  }
  if (relevant.empty()) return 0;
  SqlBuilder q(absl::StrCat("SELECT ", kChallengeColumns,
                            " FROM challenges c WHERE c.backfilled = 1 AND c.archived = 0"
                            " AND c.ends_at > "));
  q.Bind(ToSqlTime(earliest));
  CIM_ASSIGN_OR_RETURN(const std::vector<Challenge> challenges, ReadChallenges(s, q));
  return ApplyToChallenges(s, challenges, relevant, now);
}

absl::StatusOr<int> BackfillChallenges(soci::session& s, absl::Time now) {
  SqlBuilder q(absl::StrCat("SELECT ", kChallengeColumns,
                            " FROM challenges c WHERE c.backfilled = 0 AND c.archived = 0"));
  CIM_ASSIGN_OR_RETURN(const std::vector<Challenge> fresh, ReadChallenges(s, q));
  int completed = 0;
  for (const Challenge& c : fresh) {
    SqlBuilder events(absl::StrCat("SELECT ", kOutboxEventColumns,
                                   " FROM outbox_events WHERE processed = 1 AND user_id <> 0"
                                   " AND occurred_at >= "));
    events.Bind(ToSqlMicros(FromTimestamp(c.start_time()))) << " AND occurred_at < ";
    events.Bind(ToSqlMicros(FromTimestamp(c.end_time()))) << " ORDER BY id";
    std::vector<OutboxEvent> stored;
    absl::Status bad;
    events.Query(s, [&](const soci::row& r) {
      absl::StatusOr<OutboxEvent> e = OutboxEventFromRow(r);
      if (e.ok())
        stored.push_back(*std::move(e));
      else
        bad = e.status();
    });
    CIM_RETURN_IF_ERROR(bad);
    std::vector<const OutboxEvent*> relevant;
    for (const OutboxEvent& e : stored) relevant.push_back(&e);
    CIM_ASSIGN_OR_RETURN(const int n, ApplyToChallenges(s, {c}, relevant, now));
    completed += n;
    long long id = c.id();
    s << "UPDATE challenges SET backfilled = 1 WHERE id = :id", soci::use(id);
  }
  return completed;
}

absl::StatusOr<Challenge> MysqlChallengeRepository::InsertChallenge(const Challenge& c,
                                                                    int64_t created_by,
                                                                    absl::Time now) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<Challenge> {
    long long id =
        Table("challenges")
            .Insert(s, ChallengeColumns(c).Set("created_by", created_by).Set("created_at", now));
    soci::row r;
    s << absl::StrCat("SELECT ", kChallengeColumns, " FROM challenges c WHERE c.id = :id"),
        soci::use(id), soci::into(r);
    return ChallengeFromRow(r);
  });
}

absl::StatusOr<Challenge> MysqlChallengeRepository::GetChallenge(int64_t id) {
  return db_.Run([&](soci::session& s) { return GetIn(s, id); });
}

absl::StatusOr<Challenge> MysqlChallengeRepository::UpdateChallenge(const Challenge& c) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<Challenge> {
    long long version = 0;
    if (!absl::SimpleAtoi(c.etag(), &version) ||
        Table("challenges")
                .Update(s, c.id(), ChallengeColumns(c).Set("archived", c.archived()), version) ==
            0) {
      CIM_RETURN_IF_ERROR(GetIn(s, c.id()).status());
      return ChangedSinceReadError("challenge", c.id());
    }
    return GetIn(s, c.id());
  });
}

absl::StatusOr<std::vector<Challenge>> MysqlChallengeRepository::ListChallenges(
    std::optional<absl::Time> ending_after, bool include_archived) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<Challenge>> {
    SqlBuilder q(absl::StrCat("SELECT ", kChallengeColumns, " FROM challenges c WHERE 1 = 1"));
    if (ending_after) {
      q << " AND c.ends_at > ";
      q.Bind(ToSqlTime(*ending_after));
    }
    if (!include_archived) q << " AND c.archived = 0";
    q << " ORDER BY c.ends_at, c.id";
    CIM_ASSIGN_OR_RETURN(std::vector<Challenge> out, ReadChallenges(s, q));
    SetRewardBadges(s, out);
    return out;
  });
}

absl::StatusOr<absl::flat_hash_map<int64_t, ChallengeStanding>> MysqlChallengeRepository::Standings(
    int64_t user_id) {
  return db_.Run(
      [&](soci::session& s) -> absl::StatusOr<absl::flat_hash_map<int64_t, ChallengeStanding>> {
        long long user = user_id;
        soci::rowset<soci::row> rows =
            (s.prepare << "SELECT challenge_id, CAST(progress AS CHAR) AS progress,"
                          " COALESCE(" CIM_MICROS_OF("completed_at") ", -1) AS completed_micros"
                          " FROM challenge_progress WHERE user_id = :u",
             soci::use(user));
        absl::flat_hash_map<int64_t, ChallengeStanding> out;
        for (const soci::row& row : rows) {
          const NamedRow r(row);
          CIM_ASSIGN_OR_RETURN(Decimal progress, Decimal::Parse(r.Text("progress")));
          ChallengeStanding& standing = out[r.Integer("challenge_id")];
          standing.progress = progress;
          const long long micros = r.Integer("completed_micros");
          if (micros >= 0) standing.completed_at = absl::FromUnixMicros(micros);
        }
        return out;
      });
}

absl::StatusOr<bool> MysqlChallengeRepository::Enrolled(int64_t program_id, int64_t partner_id) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<bool> {
    long long program = program_id, partner = partner_id;
    int found = 0;
    s << "SELECT 1 FROM enrollments WHERE program_id = :p AND partner_id = :q", soci::use(program),
        soci::use(partner), soci::into(found);
    return s.got_data();
  });
}

}  // namespace cim
