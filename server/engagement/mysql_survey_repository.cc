#include "server/engagement/mysql_survey_repository.h"

#include <string>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "lib/proto_json.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "server/db/sql_builder.h"
#include "server/db/table.h"
#include "server/events/mysql_notification_events.h"

namespace cim {
namespace {

using cim::v1::Survey;

constexpr char kSurveyColumns[] =
    "id, title, question, comment_enabled, audience, opens_at, closes_at, created_at, archived,"
    " version";

absl::StatusOr<Survey> SurveyFromRow(const soci::row& row) {
  const NamedRow r(row);
  Survey s;
  s.set_id(r.Integer("id"));
  s.set_title(r.Text("title"));
  s.set_question(r.Text("question"));
  s.set_comment_enabled(r.Integer("comment_enabled") != 0);
  CIM_RETURN_IF_ERROR(FromStoredJson(r.Text("audience"), s.mutable_audience()));
  SetTimestamp(r.Time("opens_at"), s.mutable_open_time());
  SetTimestamp(r.Time("closes_at"), s.mutable_close_time());
  SetTimestamp(r.Time("created_at"), s.mutable_create_time());
  s.set_archived(r.Integer("archived") != 0);
  s.set_etag(absl::StrCat(r.Integer("version")));
  return s;
}

absl::StatusOr<Survey> GetIn(soci::session& s, int64_t id) {
  soci::row r;
  if (!Table("surveys").Get(s, kSurveyColumns, id, r)) return NotFoundError("survey", id);
  return SurveyFromRow(r);
}

// The columns a caller sets on a survey (on insert and update alike).
Columns SurveyColumns(const Survey& survey) {
  Columns columns;
  columns.Set("title", survey.title())
      .Set("question", survey.question())
      .Set("comment_enabled", survey.comment_enabled())
      .Set("audience", ToStoredJson(survey.audience()))
      .Set("opens_at", FromTimestamp(survey.open_time()))
      .Set("closes_at", FromTimestamp(survey.close_time()));
  return columns;
}

// A SURVEY_OPEN notice of survey `id` for each of `partners`, due when it opens.
std::vector<NotificationEvent> OpenNotices(const Survey& survey, int64_t id,
                                           const std::vector<int64_t>& partners) {
  std::vector<NotificationEvent> notices;
  for (int64_t partner : partners) {
    NotificationEvent& notice =
        notices.emplace_back(NotificationEvent{.kind = cim::v1::NOTIFICATION_KIND_SURVEY_OPEN,
                                               .partner_id = partner,
                                               .ref_id = id,
                                               .link = "/",
                                               .occurred_at = FromTimestamp(survey.open_time())});
    notice.Text("survey", survey.title());
  }
  return notices;
}

}  // namespace

absl::StatusOr<Survey> MysqlSurveyRepository::InsertSurvey(
    const Survey& survey, int64_t created_by, absl::Time now,
    const std::vector<int64_t>& notify_partners) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<Survey> {
    const int64_t id = Table("surveys").Insert(
        s, SurveyColumns(survey).Set("created_by", created_by).Set("created_at", now));
    AppendNotificationEvents(s, OpenNotices(survey, id, notify_partners));
    return GetIn(s, id);
  });
}

absl::StatusOr<std::vector<Survey>> MysqlSurveyRepository::ListSurveys(bool include_archived) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<Survey>> {
    soci::rowset<soci::row> rows = s.prepare
                                   << absl::StrCat("SELECT ", kSurveyColumns, " FROM surveys",
                                                   include_archived ? "" : " WHERE archived = 0",
                                                   " ORDER BY id DESC");
    std::vector<Survey> out;
    for (const soci::row& r : rows) {
      CIM_ASSIGN_OR_RETURN(Survey survey, SurveyFromRow(r));
      out.push_back(std::move(survey));
    }
    return out;
  });
}

absl::StatusOr<Survey> MysqlSurveyRepository::GetSurvey(int64_t id) {
  return db_.Run([&](soci::session& s) { return GetIn(s, id); });
}

absl::StatusOr<Survey> MysqlSurveyRepository::UpdateSurvey(
    const Survey& survey, bool only_unanswered,
    const std::optional<std::vector<int64_t>>& notify_partners) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<Survey> {
    const int64_t id = survey.id();
    long long key = id;
    // The row is locked first: a response (which reads it in share mode) either committed
    // before, and is counted below, or waits until this edit is done.
    soci::row locked;
    if (!Table("surveys").Get(s, "id", id, locked, /*lock=*/true)) {
      return NotFoundError("survey", id);
    }
    if (only_unanswered) {
      long long responses = 0;
      s << "SELECT COUNT(*) FROM survey_responses WHERE survey_id = :id LOCK IN SHARE MODE",
          soci::use(key), soci::into(responses);
      if (responses > 0) {
        return absl::FailedPreconditionError(
            "the question and audience are fixed once the survey has a response");
      }
    }
    long long version = 0;
    if (!absl::SimpleAtoi(survey.etag(), &version) ||
        Table("surveys").Update(s, id, SurveyColumns(survey).Set("archived", survey.archived()),
                                version) == 0) {
      return ChangedSinceReadError("survey", id);
    }
    if (notify_partners) {
      // Notices not sent yet (they wait for the open time) are written anew.
      int kind = cim::v1::NOTIFICATION_KIND_SURVEY_OPEN;
      s << "DELETE FROM notification_events WHERE kind = :k AND ref_id = :id AND processed = 0",
          soci::use(kind), soci::use(key);
      AppendNotificationEvents(s, OpenNotices(survey, id, *notify_partners));
    }
    return GetIn(s, id);
  });
}

absl::StatusOr<absl::flat_hash_set<int64_t>> MysqlSurveyRepository::RespondedSurveys(
    int64_t user_id) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<absl::flat_hash_set<int64_t>> {
    long long user = user_id;
    soci::rowset<long long> ids =
        (s.prepare << "SELECT survey_id FROM survey_responses WHERE user_id = :u", soci::use(user));
    return absl::flat_hash_set<int64_t>(ids.begin(), ids.end());
  });
}

absl::Status MysqlSurveyRepository::InsertResponse(int64_t survey_id, int64_t user_id,
                                                   int64_t partner_id, cim::v1::PartnerType type,
                                                   const std::string& region, int score,
                                                   const std::string& comment, absl::Time now) {
  return db_.Transact([&](soci::session& s) -> absl::Status {
    long long key = survey_id;
    // Share mode: responses do not wait for one another, an UpdateSurvey waits for them (and
    // they for it).
    int archived = 0;
    s << "SELECT archived FROM surveys WHERE id = :id LOCK IN SHARE MODE", soci::use(key),
        soci::into(archived);
    if (!s.got_data()) return NotFoundError("survey", survey_id);
    if (archived != 0) {
      return absl::FailedPreconditionError("the survey is archived and takes no more responses");
    }
    long long earlier = 0;
    s << "SELECT COUNT(*) FROM survey_responses WHERE survey_id = :id", soci::use(key),
        soci::into(earlier);
    SqlBuilder insert(
        "INSERT INTO survey_responses (survey_id, user_id, partner_id, partner_type, region,"
        " score, comment, responded_at) VALUES ");
    insert.Tuple(survey_id, user_id, partner_id, static_cast<int>(type), region, score, comment,
                 ToSqlTime(now));
    insert.Execute(s);
    NoteChange(s, EntityView{.table = "survey_responses", .key = {"survey_id", "user_id"}},
               {absl::StrCat(survey_id), absl::StrCat(user_id)}, /*inserted=*/true);
    if (earlier == 0) {
      // From now on question and audience are fixed. Writing the survey's row makes an edit of
      // them certified concurrently on another Galera node conflict with this response (row
      // locks are local to a node).
      s << "UPDATE surveys SET version = version + 1 WHERE id = :id", soci::use(key);
    }
    return absl::OkStatus();
  });
}

absl::StatusOr<std::vector<SurveyResponseCount>> MysqlSurveyRepository::ResponseCounts(
    int64_t survey_id, int64_t partner_id) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<SurveyResponseCount>> {
    SqlBuilder q(
        "SELECT partner_type, region, score, COUNT(*) AS responses FROM survey_responses"
        " WHERE survey_id = ");
    q.Bind(static_cast<long long>(survey_id));
    if (partner_id != 0) {
      q << " AND partner_id = ";
      q.Bind(static_cast<long long>(partner_id));
    }
    q << " GROUP BY partner_type, region, score";
    std::vector<SurveyResponseCount> out;
    q.Query(s, [&](const soci::row& row) {
      const NamedRow r(row);
      out.push_back({static_cast<cim::v1::PartnerType>(r.Int("partner_type")), r.Text("region"),
                     r.Int("score"), r.Integer("responses")});
    });
    return out;
  });
}

absl::StatusOr<std::vector<cim::v1::SurveyComment>> MysqlSurveyRepository::Comments(
    int64_t survey_id, int64_t partner_id, int limit) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<cim::v1::SurveyComment>> {
    SqlBuilder q(
        "SELECT r.score, r.comment, p.name AS partner_name, r.partner_type, r.region,"
        " r.responded_at FROM survey_responses r JOIN partners p ON p.id = r.partner_id"
        " WHERE r.survey_id = ");
    q.Bind(static_cast<long long>(survey_id));
    if (partner_id != 0) {
      q << " AND r.partner_id = ";
      q.Bind(static_cast<long long>(partner_id));
    }
    q << " AND r.comment <> '' ORDER BY r.responded_at DESC, r.user_id LIMIT ";
    q.Bind(limit);
    std::vector<cim::v1::SurveyComment> out;
    q.Query(s, [&](const soci::row& row) {
      const NamedRow r(row);
      cim::v1::SurveyComment& c = out.emplace_back();
      c.set_score(r.Int("score"));
      c.set_comment(r.Text("comment"));
      c.set_partner_name(r.Text("partner_name"));
      c.set_partner_type(static_cast<cim::v1::PartnerType>(r.Int("partner_type")));
      c.set_region(r.Text("region"));
      SetTimestamp(r.Time("responded_at"), c.mutable_respond_time());
    });
    return out;
  });
}

}  // namespace cim
