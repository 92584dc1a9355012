#include "server/engagement/mysql_engagement_repository.h"

#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "lib/dates.h"
#include "lib/proto_json.h"
#include "lib/proto_time.h"
#include "server/db/sql_builder.h"
#include "server/db/table.h"
#include "server/engagement/engagement_rules.h"
#include "server/events/mysql_outbox.h"
#include "server/money/ledger_repository.h"
#include "server/money/mysql_ledger_entries.h"

namespace cim {
namespace {

using cim::v1::Challenge;
using cim::v1::FeedEntry;
using cim::v1::Kudos;
using cim::v1::Survey;

constexpr char kFeedSelect[] =
    "SELECT f.id, f.kind, f.visibility, f.user_id, COALESCE(u.display_name, ''), f.partner_id,"
    " COALESCE(p.name, ''), f.headline, f.message, f.author_user_id,"
    " COALESCE(a.display_name, ''), CAST(f.points AS CHAR), f.badge_id, f.leaderboard_id,"
    " f.challenge_id, " CIM_MICROS_OF("f.created_at")
    " FROM feed_entries f LEFT JOIN users u ON u.id = f.user_id"
    " LEFT JOIN partners p ON p.id = f.partner_id LEFT JOIN users a ON a.id = f.author_user_id"
    " LEFT JOIN recognition_preferences rp ON rp.user_id = f.user_id";

FeedEntry FeedFromRow(const soci::row& r) {
  FeedEntry e;
  e.set_id(r.get<long long>(0));
  e.set_kind(static_cast<cim::v1::FeedEntryKind>(RowInteger(r, 1)));
  e.set_visibility(static_cast<cim::v1::FeedVisibility>(RowInteger(r, 2)));
  e.set_user_id(r.get<long long>(3));
  e.set_user_display_name(r.get<std::string>(4));
  e.set_partner_id(r.get<long long>(5));
  e.set_partner_name(r.get<std::string>(6));
  e.set_headline(r.get<std::string>(7));
  e.set_message(r.get<std::string>(8));
  e.set_author_user_id(r.get<long long>(9));
  e.set_author_display_name(r.get<std::string>(10));
  e.set_points(FromSqlDecimal(r.get<std::string>(11), 0));
  e.set_badge_id(r.get<long long>(12));
  e.set_leaderboard_id(r.get<long long>(13));
  e.set_challenge_id(r.get<long long>(14));
  SetTimestamp(absl::FromUnixMicros(RowInteger(r, 15)), e.mutable_create_time());
  return e;
}

constexpr char kKudosColumns[] =
    "id, giver_user_id, recipient_user_id, recipient_partner_id, message, CAST(points AS CHAR),"
    " visibility, feed_entry_id, " CIM_MICROS_OF("created_at");

Kudos KudosFromRow(const soci::row& r) {
  Kudos k;
  k.set_id(r.get<long long>(0));
  k.set_giver_user_id(r.get<long long>(1));
  k.set_recipient_user_id(r.get<long long>(2));
  k.set_recipient_partner_id(r.get<long long>(3));
  k.set_message(r.get<std::string>(4));
  k.set_points(FromSqlDecimal(r.get<std::string>(5), 0));
  k.set_visibility(static_cast<cim::v1::FeedVisibility>(RowInteger(r, 6)));
  k.set_feed_entry_id(r.get<long long>(7));
  SetTimestamp(absl::FromUnixMicros(RowInteger(r, 8)), k.mutable_create_time());
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

constexpr char kChallengeColumns[] =
    "c.id, c.title, c.description, c.starts_at, c.ends_at, c.program_id, c.audience, c.goal,"
    " CAST(c.reward_points AS CHAR), c.created_at,"
    " (SELECT COUNT(*) FROM challenge_progress cp WHERE cp.challenge_id = c.id"
    " AND cp.completed_at IS NOT NULL)";

absl::StatusOr<Challenge> ChallengeFromRow(const soci::row& r) {
  Challenge c;
  c.set_id(r.get<long long>(0));
  c.set_title(r.get<std::string>(1));
  c.set_description(r.get<std::string>(2));
  SetTimestamp(FromSqlTime(r.get<std::tm>(3)), c.mutable_start_time());
  SetTimestamp(FromSqlTime(r.get<std::tm>(4)), c.mutable_end_time());
  c.set_program_id(r.get<long long>(5));
  CIM_RETURN_IF_ERROR(FromStoredJson(r.get<std::string>(6), c.mutable_audience()));
  CIM_RETURN_IF_ERROR(FromStoredJson(r.get<std::string>(7), c.mutable_goal()));
  c.set_reward_points(FromSqlDecimal(r.get<std::string>(8), 0));
  SetTimestamp(FromSqlTime(r.get<std::tm>(9)), c.mutable_create_time());
  c.set_completions(RowInteger(r, 10));
  return c;
}

constexpr char kSurveyColumns[] =
    "id, title, question, comment_enabled, audience, opens_at, closes_at, created_at";

absl::StatusOr<Survey> SurveyFromRow(const soci::row& r) {
  Survey s;
  s.set_id(r.get<long long>(0));
  s.set_title(r.get<std::string>(1));
  s.set_question(r.get<std::string>(2));
  s.set_comment_enabled(RowInteger(r, 3) != 0);
  CIM_RETURN_IF_ERROR(FromStoredJson(r.get<std::string>(4), s.mutable_audience()));
  SetTimestamp(FromSqlTime(r.get<std::tm>(5)), s.mutable_open_time());
  SetTimestamp(FromSqlTime(r.get<std::tm>(6)), s.mutable_close_time());
  SetTimestamp(FromSqlTime(r.get<std::tm>(7)), s.mutable_create_time());
  return s;
}

}  // namespace

void AppendFeedEntries(soci::session& s, const std::vector<NewFeedEntry>& entries) {
  if (entries.empty()) return;
  SqlBuilder insert(absl::StrCat(kFeedInsert, "VALUES "));
  insert.Join(entries, [&](const NewFeedEntry& e) {
    insert.Tuple(static_cast<int>(e.kind), static_cast<int>(e.visibility), e.user_id, e.partner_id,
                 e.headline, e.message, e.author_user_id, e.points.ToString(), e.badge_id,
                 e.leaderboard_id, e.challenge_id, ToSqlMicros(e.created_at));
  });
  insert.Execute(s);
}

namespace {

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
    q.Query(s, [&](const soci::row& r) {
      members[r.get<long long>(0)] = {static_cast<cim::v1::PartnerType>(RowInteger(r, 1)),
                                      r.get<std::string>(2), r.get<std::string>(3)};
    });
  }
  std::set<std::pair<int64_t, int64_t>> enrolled;  // (program, partner)
  {
    SqlBuilder q("SELECT program_id, partner_id FROM enrollments WHERE partner_id IN ");
    q.List(partner_ids);
    q.Query(
        s, [&](const soci::row& r) { enrolled.emplace(r.get<long long>(0), r.get<long long>(1)); });
  }
  std::map<std::pair<int64_t, std::string>, int64_t> units;  // (claim, sku) → quantity
  if (!claim_ids.empty()) {
    SqlBuilder q(
        "SELECT claim_id, sku, CAST(SUM(quantity) AS SIGNED) FROM claim_lines"
        " WHERE claim_id IN ");
    q.List(claim_ids) << " GROUP BY claim_id, sku";
    q.Query(s, [&](const soci::row& r) {
      units[{r.get<long long>(0), r.get<std::string>(1)}] = RowInteger(r, 2);
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
        "SELECT challenge_id, user_id, partner_id, CAST(progress AS CHAR) FROM challenge_progress"
        " WHERE completed_at IS NULL AND (challenge_id, user_id) IN ");
    q.Join(
        steps, [&](const auto& entry) { q.Tuple(entry.first.first, entry.first.second); }, "(",
        ")");
    absl::Status bad;
    q.Query(s, [&](const soci::row& r) {
      const Challenge* c = by_id[r.get<long long>(0)];
      absl::StatusOr<Decimal> progress = Decimal::Parse(r.get<std::string>(3));
      absl::StatusOr<Decimal> target = Decimal::Parse(c->goal().target());
      if (!progress.ok() || !target.ok()) {
        bad = absl::InternalError("challenge progress does not parse");
        return;
      }
      if (*progress >= *target) done.push_back({c, r.get<long long>(1), r.get<long long>(2)});
    });
    CIM_RETURN_IF_ERROR(bad);
  }
  if (done.empty()) return 0;
  std::map<int64_t, std::pair<std::string, bool>> names;  // user → (name, hidden)
  {
    SqlBuilder q(
        "SELECT u.id, u.display_name, COALESCE(rp.hide_name, 0) FROM users u"
        " LEFT JOIN recognition_preferences rp ON rp.user_id = u.id WHERE u.id IN ");
    q.Join(
        done, [&](const Done& d) { q.Bind(d.user_id); }, "(", ")");
    q.Query(s, [&](const soci::row& r) {
      names[r.get<long long>(0)] = {r.get<std::string>(1), RowInteger(r, 2) != 0};
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
                        .basis = absl::StrCat("Challenge completed: ", d.challenge->title(),
                                              " (challenge ", d.challenge->id(), ")"),
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
        .headline = absl::StrCat(name, " completed the challenge ", d.challenge->title()),
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
                            " FROM challenges c WHERE c.backfilled = 1 AND c.ends_at > "));
  q.Bind(ToSqlTime(earliest));
  CIM_ASSIGN_OR_RETURN(const std::vector<Challenge> challenges, ReadChallenges(s, q));
  return ApplyToChallenges(s, challenges, relevant, now);
}

absl::StatusOr<int> BackfillChallenges(soci::session& s, absl::Time now) {
  SqlBuilder q(
      absl::StrCat("SELECT ", kChallengeColumns, " FROM challenges c WHERE c.backfilled = 0"));
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

absl::StatusOr<Kudos> MysqlEngagementRepository::GiveKudos(const NewKudos& in) {
  const bool keyed = !in.request_id.empty();
  const auto same = [&](const Kudos& stored) -> absl::StatusOr<Kudos> {
    if (stored.recipient_user_id() != in.recipient_user_id) {
      return absl::AlreadyExistsError(absl::StrCat(
          "request_id \"", in.request_id, "\" was used for other kudos (", stored.id(), ")"));
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
        return absl::ResourceExhaustedError(
            absl::StrCat("the kudos budget has ", std::max(left, Decimal()).ToString(0),
                         " points left this month; ", in.points.ToString(0), " asked"));
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
    SqlBuilder insert(
        "INSERT INTO kudos (giver_user_id, budget_partner_id, recipient_user_id,"
        " recipient_partner_id, message, points, visibility, feed_entry_id, request_id,"
        " budget_month, created_at) VALUES (");
    insert.Bind(in.giver_user_id) << ", ";
    insert.Bind(in.budget_partner_id) << ", ";
    insert.Bind(in.recipient_user_id) << ", ";
    insert.Bind(in.recipient_partner_id) << ", ";
    insert.Bind(in.message) << ", ";
    insert.Bind(in.points.ToString()) << ", ";
    insert.Bind(static_cast<int>(visibility)) << ", ";
    insert.Bind(feed_id) << ", ";
    insert.BindOrNull(in.request_id, !keyed) << ", ";
    insert.Bind(FormatDate(MonthStart(in.now))) << ", ";
    insert.Bind(ToSqlMicros(in.now)) << ")";
    insert.Execute(s);
    long long id = 0;
    s.get_last_insert_id("kudos", id);
    Table("kudos").Inserted(s, id);
    if (!in.points.is_zero()) {
      AppendLedgerEntries(s, {LedgerPosting{.partner_id = in.recipient_partner_id,
                                            .user_id = in.recipient_user_id,
                                            .account = cim::v1::LEDGER_ACCOUNT_POINTS,
                                            .kind = cim::v1::LEDGER_ENTRY_KIND_POINTS,
                                            .unit = kPointsUnit,
                                            .amount = in.points,
                                            .basis = absl::StrCat("Kudos (", id, "): ", in.message),
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
    soci::row r;
    s << absl::StrCat("SELECT ", kKudosColumns, " FROM kudos WHERE id = :id"), soci::use(id),
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

absl::StatusOr<cim::v1::KudosBudget> MysqlEngagementRepository::GetKudosBudget(int64_t partner_id,
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

absl::Status MysqlEngagementRepository::SetKudosBudget(int64_t partner_id,
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

absl::StatusOr<FeedEntry> MysqlEngagementRepository::InsertFeedEntry(const NewFeedEntry& entry) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<FeedEntry> {
    AppendFeedEntries(s, {entry});
    long long id = 0;
    s.get_last_insert_id("feed_entries", id);
    Table("feed_entries").Inserted(s, id);
    soci::row r;
    s << absl::StrCat(kFeedSelect, " WHERE f.id = :id"), soci::use(id), soci::into(r);
    return FeedFromRow(r);
  });
}

absl::StatusOr<std::vector<FeedEntry>> MysqlEngagementRepository::ListFeed(
    const FeedFilter& filter) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<FeedEntry>> {
    SqlBuilder q(kFeedSelect);
    q << " WHERE 1 = 1";
    if (filter.viewer_partner_id != 0) {
      // Other partners' public entries, unless about a user who now hides their name.
      q << " AND ((f.visibility = ";
      q.Bind(static_cast<int>(cim::v1::FEED_VISIBILITY_PUBLIC))
          << " AND COALESCE(rp.hide_name, 0) = 0) OR f.partner_id = ";
      q.Bind(filter.viewer_partner_id) << ")";
    }
    if (filter.partner_id != 0) {
      q << " AND f.partner_id = ";
      q.Bind(filter.partner_id);
    }
    if (filter.user_id != 0) {
      q << " AND f.user_id = ";
      q.Bind(filter.user_id);
    }
    if (filter.before_id != 0) {
      q << " AND f.id < ";
      q.Bind(filter.before_id);
    }
    q << " ORDER BY f.id DESC LIMIT ";
    q.Bind(filter.limit);
    std::vector<FeedEntry> out;
    q.Query(s, [&](const soci::row& r) { out.push_back(FeedFromRow(r)); });
    return out;
  });
}

absl::StatusOr<Challenge> MysqlEngagementRepository::InsertChallenge(const Challenge& c,
                                                                     int64_t created_by,
                                                                     absl::Time now) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<Challenge> {
    SqlBuilder insert(
        "INSERT INTO challenges (title, description, starts_at, ends_at, program_id, audience,"
        " goal, reward_points, created_by, created_at) VALUES ");
    insert.Tuple(c.title(), c.description(), ToSqlTime(FromTimestamp(c.start_time())),
                 ToSqlTime(FromTimestamp(c.end_time())), c.program_id(), ToStoredJson(c.audience()),
                 ToStoredJson(c.goal()),
                 c.reward_points().empty() ? std::string("0") : c.reward_points(), created_by,
                 ToSqlTime(now));
    insert.Execute(s);
    long long id = 0;
    s.get_last_insert_id("challenges", id);
    Table("challenges").Inserted(s, id);
    soci::row r;
    s << absl::StrCat("SELECT ", kChallengeColumns, " FROM challenges c WHERE c.id = :id"),
        soci::use(id), soci::into(r);
    return ChallengeFromRow(r);
  });
}

absl::StatusOr<std::vector<Challenge>> MysqlEngagementRepository::ListChallenges(
    std::optional<absl::Time> ending_after) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<Challenge>> {
    SqlBuilder q(absl::StrCat("SELECT ", kChallengeColumns, " FROM challenges c"));
    if (ending_after) {
      q << " WHERE c.ends_at > ";
      q.Bind(ToSqlTime(*ending_after));
    }
    q << " ORDER BY c.ends_at, c.id";
    CIM_ASSIGN_OR_RETURN(std::vector<Challenge> out, ReadChallenges(s, q));
    // Reward badges: those with a challenge_completed criterion.
    soci::rowset<soci::row> badges =
        s.prepare << "SELECT id, JSON_VALUE(criteria, '$.challenge_completed.challenge_id')"
                     " FROM badges WHERE JSON_EXISTS(criteria, '$.challenge_completed')";
    std::map<int64_t, int64_t> badge_of;
    for (const soci::row& r : badges) {
      if (r.get_indicator(1) == soci::i_ok) {
        badge_of[std::stoll(r.get<std::string>(1))] = r.get<long long>(0);
      }
    }
    for (Challenge& c : out) {
      if (auto it = badge_of.find(c.id()); it != badge_of.end()) {
        c.set_reward_badge_id(it->second);
      }
    }
    return out;
  });
}

absl::StatusOr<absl::flat_hash_map<int64_t, ChallengeStanding>>
MysqlEngagementRepository::Standings(int64_t user_id) {
  return db_.Run(
      [&](soci::session& s) -> absl::StatusOr<absl::flat_hash_map<int64_t, ChallengeStanding>> {
        long long user = user_id;
        soci::rowset<soci::row> rows =
            (s.prepare << "SELECT challenge_id, CAST(progress AS CHAR), "
                          "COALESCE(" CIM_MICROS_OF("completed_at") ", -1)"
                          " FROM challenge_progress WHERE user_id = :u",
             soci::use(user));
        absl::flat_hash_map<int64_t, ChallengeStanding> out;
        for (const soci::row& r : rows) {
          CIM_ASSIGN_OR_RETURN(Decimal progress, Decimal::Parse(r.get<std::string>(1)));
          ChallengeStanding& standing = out[r.get<long long>(0)];
          standing.progress = progress;
          const long long micros = RowInteger(r, 2);
          if (micros >= 0) standing.completed_at = absl::FromUnixMicros(micros);
        }
        return out;
      });
}

absl::StatusOr<bool> MysqlEngagementRepository::Enrolled(int64_t program_id, int64_t partner_id) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<bool> {
    long long program = program_id, partner = partner_id;
    int found = 0;
    s << "SELECT 1 FROM enrollments WHERE program_id = :p AND partner_id = :q", soci::use(program),
        soci::use(partner), soci::into(found);
    return s.got_data();
  });
}

absl::StatusOr<Survey> MysqlEngagementRepository::InsertSurvey(const Survey& survey,
                                                               int64_t created_by, absl::Time now) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<Survey> {
    SqlBuilder insert(
        "INSERT INTO surveys (title, question, comment_enabled, audience, opens_at, closes_at,"
        " created_by, created_at) VALUES ");
    insert.Tuple(survey.title(), survey.question(), survey.comment_enabled() ? 1 : 0,
                 ToStoredJson(survey.audience()), ToSqlTime(FromTimestamp(survey.open_time())),
                 ToSqlTime(FromTimestamp(survey.close_time())), created_by, ToSqlTime(now));
    insert.Execute(s);
    long long id = 0;
    s.get_last_insert_id("surveys", id);
    Table("surveys").Inserted(s, id);
    soci::row r;
    s << absl::StrCat("SELECT ", kSurveyColumns, " FROM surveys WHERE id = :id"), soci::use(id),
        soci::into(r);
    return SurveyFromRow(r);
  });
}

absl::StatusOr<std::vector<Survey>> MysqlEngagementRepository::ListSurveys() {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<Survey>> {
    soci::rowset<soci::row> rows =
        s.prepare << absl::StrCat("SELECT ", kSurveyColumns, " FROM surveys ORDER BY id DESC");
    std::vector<Survey> out;
    for (const soci::row& r : rows) {
      CIM_ASSIGN_OR_RETURN(Survey survey, SurveyFromRow(r));
      out.push_back(std::move(survey));
    }
    return out;
  });
}

absl::StatusOr<Survey> MysqlEngagementRepository::GetSurvey(int64_t id) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<Survey> {
    long long key = id;
    soci::row r;
    s << absl::StrCat("SELECT ", kSurveyColumns, " FROM surveys WHERE id = :id"), soci::use(key),
        soci::into(r);
    if (!s.got_data()) return absl::NotFoundError(absl::StrCat("survey ", id, " not found"));
    return SurveyFromRow(r);
  });
}

absl::StatusOr<absl::flat_hash_set<int64_t>> MysqlEngagementRepository::RespondedSurveys(
    int64_t user_id) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<absl::flat_hash_set<int64_t>> {
    long long user = user_id;
    soci::rowset<long long> ids =
        (s.prepare << "SELECT survey_id FROM survey_responses WHERE user_id = :u", soci::use(user));
    return absl::flat_hash_set<int64_t>(ids.begin(), ids.end());
  });
}

absl::Status MysqlEngagementRepository::InsertResponse(int64_t survey_id, int64_t user_id,
                                                       int64_t partner_id,
                                                       cim::v1::PartnerType type,
                                                       const std::string& region, int score,
                                                       const std::string& comment, absl::Time now) {
  return db_.Transact([&](soci::session& s) -> absl::Status {
    SqlBuilder insert(
        "INSERT INTO survey_responses (survey_id, user_id, partner_id, partner_type, region,"
        " score, comment, responded_at) VALUES ");
    insert.Tuple(survey_id, user_id, partner_id, static_cast<int>(type), region, score, comment,
                 ToSqlTime(now));
    insert.Execute(s);
    NoteChange(s, EntityView{.table = "survey_responses", .key = {"survey_id", "user_id"}},
               {absl::StrCat(survey_id), absl::StrCat(user_id)}, /*inserted=*/true);
    return absl::OkStatus();
  });
}

absl::StatusOr<std::vector<SurveyResponseCount>> MysqlEngagementRepository::ResponseCounts(
    int64_t survey_id) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<SurveyResponseCount>> {
    long long survey = survey_id;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT partner_type, region, score, COUNT(*) FROM survey_responses"
                      " WHERE survey_id = :s GROUP BY partner_type, region, score",
         soci::use(survey));
    std::vector<SurveyResponseCount> out;
    for (const soci::row& r : rows) {
      out.push_back({static_cast<cim::v1::PartnerType>(RowInteger(r, 0)), r.get<std::string>(1),
                     static_cast<int>(RowInteger(r, 2)), RowInteger(r, 3)});
    }
    return out;
  });
}

absl::StatusOr<std::vector<cim::v1::SurveyComment>> MysqlEngagementRepository::Comments(
    int64_t survey_id, int limit) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<cim::v1::SurveyComment>> {
    long long survey = survey_id;
    int n = limit;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT r.score, r.comment, p.name, r.partner_type, r.region,"
                      " r.responded_at FROM survey_responses r JOIN partners p"
                      " ON p.id = r.partner_id WHERE r.survey_id = :s AND r.comment <> ''"
                      " ORDER BY r.responded_at DESC, r.user_id LIMIT :n",
         soci::use(survey), soci::use(n));
    std::vector<cim::v1::SurveyComment> out;
    for (const soci::row& r : rows) {
      cim::v1::SurveyComment& c = out.emplace_back();
      c.set_score(static_cast<int>(RowInteger(r, 0)));
      c.set_comment(r.get<std::string>(1));
      c.set_partner_name(r.get<std::string>(2));
      c.set_partner_type(static_cast<cim::v1::PartnerType>(RowInteger(r, 3)));
      c.set_region(r.get<std::string>(4));
      SetTimestamp(FromSqlTime(r.get<std::tm>(5)), c.mutable_respond_time());
    }
    return out;
  });
}

}  // namespace cim
