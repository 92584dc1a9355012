#include "server/notification/mysql_notification_store.h"

#include <iostream>
#include <map>
#include <set>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "cim/v1/claim.pb.h"
#include "cim/v1/program.pb.h"
#include "lib/proto_json.h"
#include "lib/status_util.h"
#include "server/db/sql_builder.h"
#include "server/db/table.h"
#include "server/events/mysql_notification_events.h"
#include "server/notification/mysql_email_outbox.h"

namespace cim {
namespace {

namespace v1 = cim::v1;

constexpr char kNotificationColumns[] = "id, kind, category, link, args_json, " CIM_MICROS_OF(
    "created_at") " AS created_micros, " CIM_MICROS_OF("read_at") " AS read_micros";

const EntityView& PreferencesView() {
  static const EntityView* const view =
      new EntityView{.table = "notification_preferences", .key = {"user_id"}};
  return *view;
}

const EntityView& PartnerDefaultsView() {
  static const EntityView* const view =
      new EntityView{.table = "partner_notification_defaults", .key = {"partner_id"}};
  return *view;
}

cim::v1::NotificationArguments ArgsOf(const std::string& json, int64_t id) {
  cim::v1::NotificationArguments args;
  if (absl::Status parsed = FromStoredJson(json, &args); !parsed.ok()) {
    // Told without figures rather than never: the texts show {placeholders}.
    std::cerr << "notification " << id << ": " << parsed << "\n";
    args.Clear();
  }
  return args;
}

StoredNotification NotificationOf(const soci::row& row) {
  const NamedRow r(row);
  StoredNotification n{.id = r.Integer("id"),
                       .kind = static_cast<NotificationKind>(r.Int("kind")),
                       .category = static_cast<NotificationCategory>(r.Int("category")),
                       .link = r.Text("link"),
                       .args = ArgsOf(r.Text("args_json"), r.Integer("id")),
                       .created = absl::FromUnixMicros(r.Integer("created_micros"))};
  if (!r.IsNull("read_micros")) n.read = absl::FromUnixMicros(r.Integer("read_micros"));
  return n;
}

std::vector<StoredNotification> QueryNotifications(soci::session& s, SqlBuilder& q) {
  std::vector<StoredNotification> out;
  q.Query(s, [&](const soci::row& row) { out.push_back(NotificationOf(row)); });
  return out;
}

NotificationPreference PreferenceOf(const NamedRow& r) {
  NotificationPreference p;
  p.set_category(static_cast<NotificationCategory>(r.Int("category")));
  p.set_in_app(r.Int("in_app") != 0);
  p.set_email(r.Int("email") != 0);
  p.set_delivery(static_cast<v1::NotificationDelivery>(r.Int("delivery")));
  return p;
}

// Preference rows of `table` keyed by `key_column` for `keys`.
std::map<int64_t, PreferenceMap> ReadPreferences(soci::session& s, absl::string_view table,
                                                 absl::string_view key_column,
                                                 const std::set<int64_t>& keys) {
  std::map<int64_t, PreferenceMap> out;
  if (keys.empty()) return out;
  SqlBuilder q(absl::StrCat("SELECT ", key_column,
                            " AS owner, category, in_app, email, delivery"
                            " FROM ",
                            table, " WHERE ", key_column, " IN "));
  q.List(std::vector<long long>(keys.begin(), keys.end()));
  q.Query(s, [&](const soci::row& row) {
    const NamedRow r(row);
    out[r.Integer("owner")][r.Int("category")] = PreferenceOf(r);
  });
  return out;
}

void UpsertPreferences(soci::session& s, absl::string_view table, absl::string_view key_column,
                       int64_t key, const std::vector<NotificationPreference>& preferences,
                       absl::Time now) {
  if (preferences.empty()) return;
  SqlBuilder q(absl::StrCat("INSERT INTO ", table, " (", key_column,
                            ", category, in_app, email, delivery, updated_at) VALUES "));
  q.Join(preferences, [&](const NotificationPreference& p) {
    q.Tuple(static_cast<long long>(key), static_cast<int>(p.category()), p.in_app() ? 1 : 0,
            p.email() ? 1 : 0, static_cast<int>(p.delivery()), ToSqlMicros(now));
  });
  q << " ON DUPLICATE KEY UPDATE in_app = VALUES(in_app), email = VALUES(email),"
       " delivery = VALUES(delivery), updated_at = VALUES(updated_at)";
  q.Execute(s);
}

constexpr char kRecipientColumns[] =
    "id, email, display_name, language, role, COALESCE(partner_id, 0) AS partner_id";

NotificationRecipient RecipientOf(const soci::row& row) {
  const NamedRow r(row);
  return NotificationRecipient{.user_id = r.Integer("id"),
                               .email = r.Text("email"),
                               .name = r.Text("display_name"),
                               .language = r.Text("language"),
                               .role = static_cast<v1::Role>(r.Int("role")),
                               .partner_id = r.Integer("partner_id")};
}

// Active people (not service accounts) matching `where` (appended after "WHERE status = 1 AND").
std::vector<NotificationRecipient> ReadPeople(soci::session& s,
                                              const std::function<void(SqlBuilder&)>& where) {
  SqlBuilder q(absl::StrCat("SELECT ", kRecipientColumns, " FROM users WHERE status = "));
  q.Bind(static_cast<int>(v1::USER_STATUS_ACTIVE)) << " AND role <> ";
  q.Bind(static_cast<int>(v1::ROLE_SERVICE_ACCOUNT)) << " AND ";
  where(q);
  q << " ORDER BY id";
  std::vector<NotificationRecipient> out;
  q.Query(s, [&](const soci::row& row) { out.push_back(RecipientOf(row)); });
  return out;
}

// The people `event` concerns: its user, else its kind's audience.
std::vector<NotificationRecipient> PeopleOf(soci::session& s, const PendingEvent& event) {
  if (event.user_id != 0) {
    return ReadPeople(s, [&](SqlBuilder& q) {
      q << "id = ";
      q.Bind(static_cast<long long>(event.user_id));
    });
  }
  const auto roles = [](SqlBuilder& q, const std::vector<int>& list) {
    q << "role IN ";
    q.List(list);
  };
  switch (AudienceOf(event.kind)) {
    case Audience::kPartnerAdmins:
    case Audience::kPartnerUsers:
      return ReadPeople(s, [&](SqlBuilder& q) {
        q << "partner_id = ";
        q.Bind(static_cast<long long>(event.partner_id)) << " AND ";
        if (AudienceOf(event.kind) == Audience::kPartnerAdmins) {
          roles(q, {v1::ROLE_PARTNER_ADMIN});
        } else {
          roles(q, {v1::ROLE_PARTNER_REP, v1::ROLE_PARTNER_ADMIN});
        }
      });
    case Audience::kChannelManagers:
      return ReadPeople(s, [&](SqlBuilder& q) { roles(q, {v1::ROLE_CHANNEL_MANAGER}); });
    case Audience::kBudgetOwners:
      return ReadPeople(s, [&](SqlBuilder& q) {
        roles(q, {v1::ROLE_PROGRAM_ADMIN, v1::ROLE_FINANCE});
      });
    case Audience::kUser:
      break;
  }
  return {};
}

// Fills in each person's own choices and their partner's defaults.
void AddPreferences(soci::session& s, std::vector<NotificationRecipient*>& people) {
  std::set<int64_t> users, partners;
  for (const NotificationRecipient* p : people) {
    users.insert(p->user_id);
    if (p->partner_id != 0) partners.insert(p->partner_id);
  }
  std::map<int64_t, PreferenceMap> own =
      ReadPreferences(s, "notification_preferences", "user_id", users);
  std::map<int64_t, PreferenceMap> defaults =
      ReadPreferences(s, "partner_notification_defaults", "partner_id", partners);
  for (NotificationRecipient* p : people) {
    p->own = own[p->user_id];
    if (p->partner_id != 0) p->partner_defaults = defaults[p->partner_id];
  }
}

}  // namespace

absl::StatusOr<int> MysqlNotificationStore::ProcessEvents(absl::Time now, int limit,
                                                          const DeliveryPlanner& plan) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<int> {
    SqlBuilder q(absl::StrCat(
        "SELECT id, kind, partner_id, user_id, ref_id, link, args_json, ",
        CIM_MICROS_OF("occurred_at"),
        " AS occurred_micros FROM notification_events WHERE processed = 0 AND occurred_at <= "));
    q.Bind(ToSqlMicros(now)) << " ORDER BY id LIMIT ";
    q.Bind(limit) << " FOR UPDATE SKIP LOCKED";
    std::vector<PendingEvent> events;
    q.Query(s, [&](const soci::row& row) {
      const NamedRow r(row);
      events.push_back(
          PendingEvent{.id = r.Integer("id"),
                       .kind = static_cast<NotificationKind>(r.Int("kind")),
                       .partner_id = r.Integer("partner_id"),
                       .user_id = r.Integer("user_id"),
                       .ref_id = r.Integer("ref_id"),
                       .link = r.Text("link"),
                       .args = ArgsOf(r.Text("args_json"), r.Integer("id")),
                       .occurred_at = absl::FromUnixMicros(r.Integer("occurred_micros"))});
    });
    if (events.empty()) return 0;

    std::vector<std::vector<NotificationRecipient>> people;
    std::vector<NotificationRecipient*> everyone;
    people.reserve(events.size());
    for (const PendingEvent& event : events) people.push_back(PeopleOf(s, event));
    for (auto& list : people) {
      for (NotificationRecipient& p : list) everyone.push_back(&p);
    }
    AddPreferences(s, everyone);

    SqlBuilder insert(
        "INSERT IGNORE INTO notifications (user_id, event_id, kind, category, link, args_json,"
        " in_app, email_state, created_at) VALUES ");
    bool any = false;
    for (size_t i = 0; i < events.size(); ++i) {
      const PendingEvent& event = events[i];
      const std::string args = ToStoredJson(event.args);
      for (const Delivery& d : plan(event, people[i])) {
        if (any) insert << ", ";
        any = true;
        insert.Tuple(static_cast<long long>(d.user_id), static_cast<long long>(event.id),
                     static_cast<int>(event.kind), static_cast<int>(d.category), event.link, args,
                     d.in_app ? 1 : 0, static_cast<int>(d.email_state), ToSqlMicros(now));
        if (d.email) EnqueueEmail(s, *d.email);
      }
    }
    if (any) insert.Execute(s);
    SqlBuilder done("UPDATE notification_events SET processed = 1 WHERE id IN ");
    std::vector<long long> ids;
    for (const PendingEvent& e : events) ids.push_back(e.id);
    done.List(ids);
    done.Execute(s);
    return static_cast<int>(events.size());
  });
}

absl::StatusOr<int> MysqlNotificationStore::ScanDue(absl::Time now) {
  const absl::Duration kDay = absl::Hours(24);
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<int> {
    std::vector<NotificationEvent> due;
    SqlBuilder certs(absl::StrCat(
        "SELECT c.user_id, c.partner_id, c.certification_code, c.module_id, m.title AS name, ",
        CIM_MICROS_OF("c.expires_at"),
        " AS expires_micros FROM certifications c JOIN training_modules m ON m.id = c.module_id"
        " JOIN users u ON u.id = c.user_id WHERE u.status = "));
    certs.Bind(static_cast<int>(v1::USER_STATUS_ACTIVE)) << " AND c.expires_at > ";
    certs.Bind(ToSqlMicros(now)) << " AND c.expires_at <= ";
    certs.Bind(ToSqlMicros(now + kDay * kCertificationFirstWarningDays));
    certs.Query(s, [&](const soci::row& row) {
      const NamedRow r(row);
      const absl::Time expires = absl::FromUnixMicros(r.Integer("expires_micros"));
      const int64_t days_left =
          absl::ToInt64Hours(expires - now + kDay - absl::Nanoseconds(1)) / 24;
      const int warning = CertificationWarning(days_left);
      if (warning == 0) return;
      const absl::CivilDay day = absl::ToCivilDay(expires, absl::UTCTimeZone());
      NotificationEvent e{
          .kind = v1::NOTIFICATION_KIND_CERTIFICATION_EXPIRING,
          .partner_id = r.Integer("partner_id"),
          .user_id = r.Integer("user_id"),
          .ref_id = r.Integer("module_id"),
          .link = "/training",
          .dedupe_key = absl::StrCat("certification:", warning, ":", r.Integer("user_id"), ":",
                                     r.Text("certification_code"), ":", absl::FormatCivilTime(day)),
          .occurred_at = now};
      e.Text("module", r.Text("name")).Count("days", days_left).Day("day", day);
      due.push_back(std::move(e));
    });

    SqlBuilder claims(absl::StrCat(
        "SELECT c.id, c.invoice_number, c.partner_id, pa.name AS partner, p.name AS program, ",
        CIM_MICROS_OF("c.updated_at"),
        " AS waiting_micros FROM claims c JOIN programs p ON p.id = c.program_id"
        " JOIN partners pa ON pa.id = c.partner_id WHERE c.status IN "));
    claims.List(std::vector<int>{v1::CLAIM_STATUS_SUBMITTED, v1::CLAIM_STATUS_IN_REVIEW})
        << " AND c.updated_at < ";
    claims.Bind(ToSqlMicros(now - kDay * kReviewTargetDays)) << " ORDER BY c.id";
    claims.Query(s, [&](const soci::row& row) {
      const NamedRow r(row);
      const int64_t waiting = r.Integer("waiting_micros");
      NotificationEvent e{
          .kind = v1::NOTIFICATION_KIND_CLAIM_REVIEW_OVERDUE,
          .partner_id = r.Integer("partner_id"),
          .ref_id = r.Integer("id"),
          .link = absl::StrCat("/claims/", r.Integer("id")),
          .dedupe_key = absl::StrCat("review-overdue:", r.Integer("id"), ":", waiting),
          .occurred_at = now};
      e.Text("invoice", r.Text("invoice_number"))
          .Text("partner", r.Text("partner"))
          .Text("program", r.Text("program"))
          .Count("days", absl::ToInt64Hours(now - absl::FromUnixMicros(waiting)) / 24)
          .Count("target", kReviewTargetDays);
      due.push_back(std::move(e));
    });

    SqlBuilder budgets(
        "SELECT p.id, p.name, p.currency_code, CAST(p.budget AS CHAR) AS budget,"
        " CAST(SUM(b.drawn) AS CHAR) AS drawn FROM programs p"
        " JOIN program_budget_slices b ON b.program_id = p.id WHERE p.status = ");
    budgets.Bind(static_cast<int>(v1::PROGRAM_STATUS_ACTIVE))
        << " AND p.budget > 0 GROUP BY p.id, p.name, p.currency_code, p.budget"
           " HAVING SUM(b.drawn) * 100 >= p.budget * ";
    budgets.Bind(kBudgetWarningPercent);
    budgets.Query(s, [&](const soci::row& row) {
      const NamedRow r(row);
      const Decimal budget = Decimal::Parse(r.Text("budget")).value_or(Decimal());
      const Decimal drawn = Decimal::Parse(r.Text("drawn")).value_or(Decimal());
      if (budget.sign() <= 0) return;
      const std::string currency = r.Text("currency_code");
      NotificationEvent e{
          .kind = v1::NOTIFICATION_KIND_BUDGET_THRESHOLD,
          .ref_id = r.Integer("id"),
          .link = absl::StrCat("/programs/", r.Integer("id")),
          .dedupe_key = absl::StrCat("budget:", r.Integer("id"), ":", kBudgetWarningPercent, ":",
                                     budget.ToString(2)),
          .occurred_at = now};
      e.Text("program", r.Text("name"))
          .Count("percent", (drawn * Decimal::FromInt(100)).DividedBy(budget, 2))
          .Money("drawn", drawn.Rounded(2), currency)
          .Money("budget", budget.Rounded(2), currency)
          .Money("left", (budget - drawn).Rounded(2), currency);
      due.push_back(std::move(e));
    });

    // Only what was not written before (several servers scan; every minute).
    std::vector<std::string> keys;
    for (const NotificationEvent& e : due) keys.push_back(e.dedupe_key);
    std::set<std::string> written;
    if (!keys.empty()) {
      SqlBuilder q("SELECT dedupe_key FROM notification_events WHERE dedupe_key IN ");
      q.List(keys);
      q.Query(s, [&](const soci::row& row) { written.insert(NamedRow(row).Text("dedupe_key")); });
    }
    std::vector<NotificationEvent> fresh;
    for (NotificationEvent& e : due) {
      if (!written.contains(e.dedupe_key)) fresh.push_back(std::move(e));
    }
    AppendNotificationEvents(s, fresh);
    return static_cast<int>(fresh.size());
  });
}

absl::StatusOr<int> MysqlNotificationStore::QueueDigests(absl::Time cutoff, int limit_people,
                                                         const DigestComposer& compose) {
  const std::string before = ToSqlMicros(cutoff);
  CIM_ASSIGN_OR_RETURN(
      const std::vector<long long> users,
      db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<long long>> {
        SqlBuilder q("SELECT DISTINCT user_id FROM notifications WHERE email_state = ");
        q.Bind(static_cast<int>(EmailState::kDigest)) << " AND created_at < ";
        q.Bind(before) << " ORDER BY user_id LIMIT ";
        q.Bind(limit_people);
        std::vector<long long> out;
        q.Query(s, [&](const soci::row& row) { out.push_back(NamedRow(row).Integer("user_id")); });
        return out;
      }));
  int queued = 0;
  for (long long user : users) {
    CIM_ASSIGN_OR_RETURN(
        const bool sent, db_.Transact([&](soci::session& s) -> absl::StatusOr<bool> {
          SqlBuilder q(absl::StrCat("SELECT ", kNotificationColumns,
                                    " FROM notifications WHERE user_id = "));
          q.Bind(user) << " AND email_state = ";
          q.Bind(static_cast<int>(EmailState::kDigest)) << " AND created_at < ";
          q.Bind(before) << " ORDER BY id FOR UPDATE";
          const std::vector<StoredNotification> items = QueryNotifications(s, q);
          if (items.empty()) return false;
          std::vector<NotificationRecipient> person = ReadPeople(s, [&](SqlBuilder& w) {
            w << "id = ";
            w.Bind(user);
          });
          std::vector<long long> ids;
          for (const StoredNotification& n : items) ids.push_back(n.id);
          SqlBuilder mark("UPDATE notifications SET email_state = ");
          // Someone no longer active gets no digest; their notifications stop waiting for one.
          mark.Bind(static_cast<int>(person.empty() ? EmailState::kNone : EmailState::kQueued))
              << " WHERE id IN ";
          mark.List(ids);
          mark.Execute(s);
          if (person.empty()) return false;
          std::vector<NotificationRecipient*> pointers = {&person[0]};
          AddPreferences(s, pointers);
          EnqueueEmail(s, compose(person[0], items));
          return true;
        }));
    queued += sent ? 1 : 0;
  }
  return queued;
}

absl::StatusOr<std::vector<StoredNotification>> MysqlNotificationStore::List(int64_t user_id,
                                                                             bool unread_only,
                                                                             int64_t before_id,
                                                                             int limit) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<StoredNotification>> {
    SqlBuilder q(
        absl::StrCat("SELECT ", kNotificationColumns, " FROM notifications WHERE user_id = "));
    q.Bind(static_cast<long long>(user_id)) << " AND in_app = 1";
    if (unread_only) q << " AND read_at IS NULL";
    if (before_id > 0) {
      q << " AND id < ";
      q.Bind(static_cast<long long>(before_id));
    }
    q << " ORDER BY id DESC LIMIT ";
    q.Bind(limit);
    return QueryNotifications(s, q);
  });
}

absl::StatusOr<std::vector<StoredNotification>> MysqlNotificationStore::Since(int64_t user_id,
                                                                              int64_t after_id,
                                                                              int limit) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<StoredNotification>> {
    SqlBuilder q(
        absl::StrCat("SELECT ", kNotificationColumns, " FROM notifications WHERE user_id = "));
    q.Bind(static_cast<long long>(user_id)) << " AND in_app = 1 AND id > ";
    q.Bind(static_cast<long long>(after_id)) << " ORDER BY id LIMIT ";
    q.Bind(limit);
    return QueryNotifications(s, q);
  });
}

absl::StatusOr<int64_t> MysqlNotificationStore::UnreadCount(int64_t user_id) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<int64_t> {
    long long user = user_id, count = 0;
    s << "SELECT COUNT(*) FROM notifications WHERE user_id = :u AND in_app = 1"
         " AND read_at IS NULL",
        soci::use(user), soci::into(count);
    return count;
  });
}

absl::StatusOr<int64_t> MysqlNotificationStore::NewestId(int64_t user_id) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<int64_t> {
    long long user = user_id, newest = 0;
    s << "SELECT COALESCE(MAX(id), 0) FROM notifications WHERE user_id = :u AND in_app = 1",
        soci::use(user), soci::into(newest);
    return newest;
  });
}

absl::Status MysqlNotificationStore::MarkRead(int64_t user_id, const std::vector<int64_t>& ids,
                                              bool all, absl::Time now) {
  return db_.Transact([&](soci::session& s) -> absl::Status {
    const std::set<long long> wanted(ids.begin(), ids.end());
    if (!all) {
      SqlBuilder q("SELECT id FROM notifications WHERE user_id = ");
      q.Bind(static_cast<long long>(user_id)) << " AND in_app = 1 AND id IN ";
      q.List(std::vector<long long>(wanted.begin(), wanted.end()));
      std::set<long long> found;
      q.Query(s, [&](const soci::row& row) { found.insert(NamedRow(row).Integer("id")); });
      for (long long id : wanted) {
        if (!found.contains(id)) {
          return NotFoundError("notification", id);
        }
      }
    }
    SqlBuilder update("UPDATE notifications SET read_at = ");
    update.Bind(ToSqlMicros(now)) << " WHERE user_id = ";
    update.Bind(static_cast<long long>(user_id)) << " AND read_at IS NULL";
    if (!all) {
      update << " AND id IN ";
      update.List(std::vector<long long>(wanted.begin(), wanted.end()));
    }
    update.Execute(s);
    return absl::OkStatus();
  });
}

absl::StatusOr<NotificationRecipient> MysqlNotificationStore::Recipient(int64_t user_id) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<NotificationRecipient> {
    SqlBuilder q(absl::StrCat("SELECT ", kRecipientColumns, " FROM users WHERE id = "));
    q.Bind(static_cast<long long>(user_id));
    std::vector<NotificationRecipient> found;
    q.Query(s, [&](const soci::row& row) { found.push_back(RecipientOf(row)); });
    if (found.empty()) return NotFoundError("user", user_id);
    std::vector<NotificationRecipient*> pointers = {&found[0]};
    AddPreferences(s, pointers);
    return found[0];
  });
}

absl::StatusOr<PreferenceMap> MysqlNotificationStore::PartnerDefaults(int64_t partner_id) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<PreferenceMap> {
    long long partner = partner_id, found = 0;
    s << "SELECT COUNT(*) FROM partners WHERE id = :p", soci::use(partner), soci::into(found);
    if (found == 0) return NotFoundError("partner", partner_id);
    return ReadPreferences(s, "partner_notification_defaults", "partner_id",
                           {partner_id})[partner_id];
  });
}

absl::Status MysqlNotificationStore::SaveSettings(int64_t user_id,
                                                  const std::optional<std::string>& language,
                                                  const std::vector<NotificationPreference>& own,
                                                  const std::vector<NotificationCategory>& reset,
                                                  absl::Time now) {
  return db_.Transact([&](soci::session& s) -> absl::Status {
    if (language) {
      const Table users("users");
      users.WillChange(s, user_id);
      SqlBuilder q("UPDATE users SET language = ");
      q.Bind(*language) << " WHERE id = ";
      q.Bind(static_cast<long long>(user_id));
      q.Execute(s);
    }
    if (own.empty() && reset.empty()) return absl::OkStatus();
    NoteChange(s, PreferencesView(), {absl::StrCat(user_id)});
    UpsertPreferences(s, "notification_preferences", "user_id", user_id, own, now);
    if (!reset.empty()) {
      SqlBuilder q("DELETE FROM notification_preferences WHERE user_id = ");
      q.Bind(static_cast<long long>(user_id)) << " AND category IN ";
      std::vector<int> categories(reset.begin(), reset.end());
      q.List(categories);
      q.Execute(s);
    }
    return absl::OkStatus();
  });
}

absl::Status MysqlNotificationStore::SavePartnerDefaults(
    int64_t partner_id, const std::vector<NotificationPreference>& defaults, absl::Time now) {
  return db_.Transact([&](soci::session& s) -> absl::Status {
    long long partner = partner_id, found = 0;
    s << "SELECT COUNT(*) FROM partners WHERE id = :p", soci::use(partner), soci::into(found);
    if (found == 0) return NotFoundError("partner", partner_id);
    NoteChange(s, PartnerDefaultsView(), {absl::StrCat(partner_id)});
    UpsertPreferences(s, "partner_notification_defaults", "partner_id", partner_id, defaults, now);
    return absl::OkStatus();
  });
}

absl::StatusOr<UnsubscribeTarget> MysqlNotificationStore::FindUnsubscribe(const std::string& hash) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<UnsubscribeTarget> {
    SqlBuilder q(
        "SELECT user_id, category, to_address FROM email_outbox WHERE unsubscribe_hash = ");
    q.Bind(hash);
    std::optional<UnsubscribeTarget> found;
    q.Query(s, [&](const soci::row& row) {
      const NamedRow r(row);
      found = UnsubscribeTarget{.user_id = r.Integer("user_id"),
                                .category = r.Int("category"),
                                .to_address = r.Text("to_address")};
    });
    if (!found || found->user_id == 0) return absl::NotFoundError("unsubscribe link not found");
    return *found;
  });
}

}  // namespace cim
