#include "server/engagement/mysql_feed_repository.h"

#include "absl/strings/str_cat.h"
#include "lib/proto_time.h"
#include "server/db/sql_builder.h"
#include "server/db/table.h"

namespace cim {
namespace {

using cim::v1::FeedEntry;

constexpr char kFeedSelect[] =
    "SELECT f.id, f.kind, f.visibility, f.user_id,"
    " COALESCE(u.display_name, '') AS user_display_name, f.partner_id,"
    " COALESCE(p.name, '') AS partner_name, f.headline, f.message, f.author_user_id,"
    " COALESCE(a.display_name, '') AS author_display_name, CAST(f.points AS CHAR) AS points,"
    " f.badge_id, f.leaderboard_id, f.challenge_id, " CIM_MICROS_OF("f.created_at")
    " AS created_micros"
    " FROM feed_entries f LEFT JOIN users u ON u.id = f.user_id"
    " LEFT JOIN partners p ON p.id = f.partner_id LEFT JOIN users a ON a.id = f.author_user_id"
    " LEFT JOIN recognition_preferences rp ON rp.user_id = f.user_id";

FeedEntry FeedFromRow(const soci::row& row) {
  const NamedRow r(row);
  FeedEntry e;
  e.set_id(r.Integer("id"));
  e.set_kind(static_cast<cim::v1::FeedEntryKind>(r.Int("kind")));
  e.set_visibility(static_cast<cim::v1::FeedVisibility>(r.Int("visibility")));
  e.set_user_id(r.Integer("user_id"));
  e.set_user_display_name(r.Text("user_display_name"));
  e.set_partner_id(r.Integer("partner_id"));
  e.set_partner_name(r.Text("partner_name"));
  e.set_headline(r.Text("headline"));
  e.set_message(r.Text("message"));
  e.set_author_user_id(r.Integer("author_user_id"));
  e.set_author_display_name(r.Text("author_display_name"));
  e.set_points(r.Decimal("points", 0));
  e.set_badge_id(r.Integer("badge_id"));
  e.set_leaderboard_id(r.Integer("leaderboard_id"));
  e.set_challenge_id(r.Integer("challenge_id"));
  SetTimestamp(absl::FromUnixMicros(r.Integer("created_micros")), e.mutable_create_time());
  return e;
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

absl::StatusOr<FeedEntry> MysqlFeedRepository::InsertFeedEntry(const NewFeedEntry& entry) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<FeedEntry> {
    // Through the one feed writer (a single row), announced as inserted.
    AppendFeedEntries(s, {entry});
    long long id = 0;
    s.get_last_insert_id("feed_entries", id);
    Table("feed_entries").Inserted(s, id);
    soci::row r;
    s << absl::StrCat(kFeedSelect, " WHERE f.id = :id"), soci::use(id), soci::into(r);
    return FeedFromRow(r);
  });
}

absl::StatusOr<std::vector<FeedEntry>> MysqlFeedRepository::ListFeed(const FeedFilter& filter) {
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

}  // namespace cim
