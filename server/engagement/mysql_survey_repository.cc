#include "server/engagement/mysql_survey_repository.h"

#include <string>
#include <utility>

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
    "id, title, question, comment_enabled, audience, opens_at, closes_at, created_at";

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
  return s;
}

}  // namespace

absl::StatusOr<Survey> MysqlSurveyRepository::InsertSurvey(
    const Survey& survey, int64_t created_by, absl::Time now,
    const std::vector<int64_t>& notify_partners) {
  return db_.Transact([&](soci::session& s) -> absl::StatusOr<Survey> {
    long long id =
        Table("surveys").Insert(s, Columns()
                                       .Set("title", survey.title())
                                       .Set("question", survey.question())
                                       .Set("comment_enabled", survey.comment_enabled())
                                       .Set("audience", ToStoredJson(survey.audience()))
                                       .Set("opens_at", FromTimestamp(survey.open_time()))
                                       .Set("closes_at", FromTimestamp(survey.close_time()))
                                       .Set("created_by", created_by)
                                       .Set("created_at", now));
    std::vector<NotificationEvent> notices;
    for (int64_t partner : notify_partners) {
      NotificationEvent& notice =
          notices.emplace_back(NotificationEvent{.kind = cim::v1::NOTIFICATION_KIND_SURVEY_OPEN,
                                                 .partner_id = partner,
                                                 .ref_id = id,
                                                 .link = "/",
                                                 .occurred_at = FromTimestamp(survey.open_time())});
      notice.Text("survey", survey.title());
    }
    AppendNotificationEvents(s, notices);
    soci::row r;
    s << absl::StrCat("SELECT ", kSurveyColumns, " FROM surveys WHERE id = :id"), soci::use(id),
        soci::into(r);
    return SurveyFromRow(r);
  });
}

absl::StatusOr<std::vector<Survey>> MysqlSurveyRepository::ListSurveys() {
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

absl::StatusOr<Survey> MysqlSurveyRepository::GetSurvey(int64_t id) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<Survey> {
    long long key = id;
    soci::row r;
    s << absl::StrCat("SELECT ", kSurveyColumns, " FROM surveys WHERE id = :id"), soci::use(key),
        soci::into(r);
    if (!s.got_data()) return NotFoundError("survey", id);
    return SurveyFromRow(r);
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

absl::StatusOr<std::vector<SurveyResponseCount>> MysqlSurveyRepository::ResponseCounts(
    int64_t survey_id) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<SurveyResponseCount>> {
    long long survey = survey_id;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT partner_type, region, score, COUNT(*) AS responses"
                      " FROM survey_responses"
                      " WHERE survey_id = :s GROUP BY partner_type, region, score",
         soci::use(survey));
    std::vector<SurveyResponseCount> out;
    for (const soci::row& row : rows) {
      const NamedRow r(row);
      out.push_back({static_cast<cim::v1::PartnerType>(r.Int("partner_type")), r.Text("region"),
                     r.Int("score"), r.Integer("responses")});
    }
    return out;
  });
}

absl::StatusOr<std::vector<cim::v1::SurveyComment>> MysqlSurveyRepository::Comments(
    int64_t survey_id, int limit) {
  return db_.Run([&](soci::session& s) -> absl::StatusOr<std::vector<cim::v1::SurveyComment>> {
    long long survey = survey_id;
    int n = limit;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT r.score, r.comment, p.name AS partner_name, r.partner_type, r.region,"
                      " r.responded_at FROM survey_responses r JOIN partners p"
                      " ON p.id = r.partner_id WHERE r.survey_id = :s AND r.comment <> ''"
                      " ORDER BY r.responded_at DESC, r.user_id LIMIT :n",
         soci::use(survey), soci::use(n));
    std::vector<cim::v1::SurveyComment> out;
    for (const soci::row& row : rows) {
      const NamedRow r(row);
      cim::v1::SurveyComment& c = out.emplace_back();
      c.set_score(r.Int("score"));
      c.set_comment(r.Text("comment"));
      c.set_partner_name(r.Text("partner_name"));
      c.set_partner_type(static_cast<cim::v1::PartnerType>(r.Int("partner_type")));
      c.set_region(r.Text("region"));
      SetTimestamp(r.Time("responded_at"), c.mutable_respond_time());
    }
    return out;
  });
}

}  // namespace cim
