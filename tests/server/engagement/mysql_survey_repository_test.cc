// The survey store against MariaDB: a survey stored and read back, announced as inserted; an
// unknown id is NOT_FOUND; surveys listed newest first; one response per user (a second is
// ALREADY_EXISTS and announces nothing), each announced by survey and user; the surveys a user
// answered; responses counted per partner type, region and score; the latest non-empty
// comments with their partner, newest first, up to the limit; counts and comments of one
// partner. Updates at the version read (ABORTED otherwise, NOT_FOUND for an unknown id), bumping
// it; archived surveys are listed on request only and take no responses; the first response
// bumps the version and fixes question and audience; open notices not sent yet are rewritten.
#include "server/engagement/mysql_survey_repository.h"

#include <google/protobuf/text_format.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cim/v1/notification.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/proto_time.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/store_world.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Property;
using ::testing::UnorderedElementsAre;

class MysqlSurveyRepositoryTest : public StoreWorldTest {
 protected:
  cim::v1::Survey Insert(const std::string& title, absl::Time now = T0()) {
    cim::v1::Survey survey;
    EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(
        absl::StrCat("title: \"", title,
                     "\" question: \"Would you recommend us?\" comment_enabled: true"
                     " audience { regions: \"EMEA\" regions: \"NA\" }"),
        &survey));
    SetTimestamp(T0() - absl::Hours(24), survey.mutable_open_time());
    SetTimestamp(T0() + absl::Hours(24 * 21), survey.mutable_close_time());
    absl::StatusOr<cim::v1::Survey> stored = surveys_.InsertSurvey(survey, kVera, now, {});
    EXPECT_TRUE(stored.ok()) << stored.status();
    return stored.value_or(cim::v1::Survey());
  }

  absl::Status Respond(int64_t survey, int64_t user, int score, const std::string& comment,
                       int hours_after_t0) {
    const bool bravo = user == kBea;
    return surveys_.InsertResponse(
        survey, user, bravo ? kBravo : kAlpha,
        bravo ? cim::v1::PARTNER_TYPE_DISTRIBUTOR : cim::v1::PARTNER_TYPE_RESELLER,
        bravo ? "NA" : "EMEA", score, comment, T0() + absl::Hours(hours_after_t0));
  }

  MysqlSurveyRepository surveys_{database_.db()};
};

TEST_F(MysqlSurveyRepositoryTest, StoresASurveyAndReadsItBack) {
  const cim::v1::Survey pulse = Insert("Pulse");
  EXPECT_GT(pulse.id(), 0);
  EXPECT_THAT(told_, ElementsAre(absl::StrCat("inserted surveys/", pulse.id())));
  EXPECT_EQ(pulse.title(), "Pulse");
  EXPECT_EQ(pulse.question(), "Would you recommend us?");
  EXPECT_TRUE(pulse.comment_enabled());
  EXPECT_THAT(pulse.audience().regions(), ElementsAre("EMEA", "NA"));
  EXPECT_EQ(FromTimestamp(pulse.open_time()), T0() - absl::Hours(24));
  EXPECT_EQ(FromTimestamp(pulse.close_time()), T0() + absl::Hours(24 * 21));
  EXPECT_EQ(FromTimestamp(pulse.create_time()), T0());
  EXPECT_FALSE(pulse.responded());

  absl::StatusOr<cim::v1::Survey> got = surveys_.GetSurvey(pulse.id());
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->SerializeAsString(), pulse.SerializeAsString());
  EXPECT_THAT(
      surveys_.GetSurvey(pulse.id() + 1),
      StatusIs(absl::StatusCode::kNotFound, absl::StrCat("survey ", pulse.id() + 1, " not found")));
}

TEST_F(MysqlSurveyRepositoryTest, ListsSurveysNewestFirst) {
  absl::StatusOr<std::vector<cim::v1::Survey>> none = surveys_.ListSurveys(false);
  ASSERT_TRUE(none.ok()) << none.status();
  EXPECT_THAT(*none, IsEmpty());
  Insert("Q1");
  Insert("Q2");
  Insert("Q3");
  absl::StatusOr<std::vector<cim::v1::Survey>> all = surveys_.ListSurveys(false);
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_THAT(*all, ElementsAre(Property(&cim::v1::Survey::title, "Q3"),
                                Property(&cim::v1::Survey::title, "Q2"),
                                Property(&cim::v1::Survey::title, "Q1")));
}

TEST_F(MysqlSurveyRepositoryTest, OneResponsePerUser) {
  const cim::v1::Survey pulse = Insert("Pulse");
  const cim::v1::Survey other = Insert("Other");
  ASSERT_TRUE(Respond(pulse.id(), kRob, 9, "Great", 0).ok());
  EXPECT_THAT(told_, ElementsAre(absl::StrCat("inserted survey_responses/", pulse.id(), "/3")));
  EXPECT_THAT(Respond(pulse.id(), kRob, 2, "Changed my mind", 1),
              StatusIs(absl::StatusCode::kAlreadyExists));
  EXPECT_THAT(told_, IsEmpty());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM survey_responses"), 1);
  EXPECT_EQ(Count("SELECT score FROM survey_responses WHERE user_id = 3"), 9);
  // Another survey is another question.
  ASSERT_TRUE(Respond(other.id(), kRob, 7, "", 1).ok());

  absl::StatusOr<absl::flat_hash_set<int64_t>> rob = surveys_.RespondedSurveys(kRob);
  ASSERT_TRUE(rob.ok()) << rob.status();
  EXPECT_THAT(*rob, UnorderedElementsAre(pulse.id(), other.id()));
  absl::StatusOr<absl::flat_hash_set<int64_t>> bea = surveys_.RespondedSurveys(kBea);
  ASSERT_TRUE(bea.ok()) << bea.status();
  EXPECT_THAT(*bea, IsEmpty());
}

TEST_F(MysqlSurveyRepositoryTest, CountsResponsesAndReadsTheLatestComments) {
  const cim::v1::Survey pulse = Insert("Pulse");
  const cim::v1::Survey other = Insert("Other");
  ASSERT_TRUE(Respond(pulse.id(), kRob, 9, "Great", 0).ok());
  ASSERT_TRUE(Respond(pulse.id(), kAnn, 10, "", 1).ok());
  ASSERT_TRUE(Respond(pulse.id(), kBea, 3, "Too slow", 2).ok());
  ASSERT_TRUE(Respond(pulse.id(), kHid, 9, "Fine", 3).ok());
  ASSERT_TRUE(Respond(other.id(), kBea, 0, "Elsewhere", 4).ok());

  absl::StatusOr<std::vector<SurveyResponseCount>> counts = surveys_.ResponseCounts(pulse.id(), 0);
  ASSERT_TRUE(counts.ok()) << counts.status();
  std::vector<std::string> rows;
  for (const SurveyResponseCount& c : *counts) {
    rows.push_back(
        absl::StrCat(static_cast<int>(c.type), "/", c.region, "/", c.score, ": ", c.count));
  }
  EXPECT_THAT(rows, UnorderedElementsAre("2/EMEA/9: 2", "2/EMEA/10: 1", "1/NA/3: 1"));

  absl::StatusOr<std::vector<cim::v1::SurveyComment>> comments =
      surveys_.Comments(pulse.id(), 0, 10);
  ASSERT_TRUE(comments.ok()) << comments.status();
  ASSERT_THAT(*comments, ElementsAre(Property(&cim::v1::SurveyComment::comment, "Fine"),
                                     Property(&cim::v1::SurveyComment::comment, "Too slow"),
                                     Property(&cim::v1::SurveyComment::comment, "Great")));
  const cim::v1::SurveyComment& slow = (*comments)[1];
  EXPECT_EQ(slow.score(), 3);
  EXPECT_EQ(slow.partner_name(), "Bravo");
  EXPECT_EQ(slow.partner_type(), cim::v1::PARTNER_TYPE_DISTRIBUTOR);
  EXPECT_EQ(slow.region(), "NA");
  EXPECT_EQ(FromTimestamp(slow.respond_time()), T0() + absl::Hours(2));
  EXPECT_EQ((*comments)[0].partner_name(), "Alpha");

  absl::StatusOr<std::vector<cim::v1::SurveyComment>> latest = surveys_.Comments(pulse.id(), 0, 2);
  ASSERT_TRUE(latest.ok()) << latest.status();
  EXPECT_THAT(*latest, ElementsAre(Property(&cim::v1::SurveyComment::comment, "Fine"),
                                   Property(&cim::v1::SurveyComment::comment, "Too slow")));

  absl::StatusOr<std::vector<SurveyResponseCount>> unanswered =
      surveys_.ResponseCounts(pulse.id() + other.id(), 0);
  ASSERT_TRUE(unanswered.ok()) << unanswered.status();
  EXPECT_THAT(*unanswered, IsEmpty());

  // One partner's responses only.
  absl::StatusOr<std::vector<SurveyResponseCount>> alpha =
      surveys_.ResponseCounts(pulse.id(), kAlpha);
  ASSERT_TRUE(alpha.ok()) << alpha.status();
  rows.clear();
  for (const SurveyResponseCount& c : *alpha) {
    rows.push_back(
        absl::StrCat(static_cast<int>(c.type), "/", c.region, "/", c.score, ": ", c.count));
  }
  EXPECT_THAT(rows, UnorderedElementsAre("2/EMEA/9: 2", "2/EMEA/10: 1"));
  absl::StatusOr<std::vector<cim::v1::SurveyComment>> bravo =
      surveys_.Comments(pulse.id(), kBravo, 10);
  ASSERT_TRUE(bravo.ok()) << bravo.status();
  EXPECT_THAT(*bravo, ElementsAre(Property(&cim::v1::SurveyComment::comment, "Too slow")));
  absl::StatusOr<std::vector<cim::v1::SurveyComment>> alpha_comments =
      surveys_.Comments(pulse.id(), kAlpha, 10);
  ASSERT_TRUE(alpha_comments.ok()) << alpha_comments.status();
  EXPECT_THAT(*alpha_comments, ElementsAre(Property(&cim::v1::SurveyComment::comment, "Fine"),
                                           Property(&cim::v1::SurveyComment::comment, "Great")));
}

TEST_F(MysqlSurveyRepositoryTest, UpdatesAtTheVersionReadAndBumpsIt) {
  const cim::v1::Survey pulse = Insert("Pulse");
  EXPECT_EQ(pulse.etag(), "1");
  EXPECT_FALSE(pulse.archived());
  cim::v1::Survey edit = pulse;
  edit.set_title("Pulse, Q1");
  edit.set_question("How likely are you to recommend us?");
  edit.set_comment_enabled(false);
  edit.mutable_audience()->clear_regions();
  SetTimestamp(T0() + absl::Hours(24 * 30), edit.mutable_close_time());
  edit.set_archived(true);
  absl::StatusOr<cim::v1::Survey> updated = surveys_.UpdateSurvey(edit, true, std::nullopt);
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_THAT(told_, ElementsAre(absl::StrCat("changing surveys/", pulse.id())));
  EXPECT_EQ(updated->etag(), "2");
  EXPECT_EQ(updated->title(), "Pulse, Q1");
  EXPECT_EQ(updated->question(), "How likely are you to recommend us?");
  EXPECT_FALSE(updated->comment_enabled());
  EXPECT_THAT(updated->audience().regions(), IsEmpty());
  EXPECT_EQ(FromTimestamp(updated->close_time()), T0() + absl::Hours(24 * 30));
  EXPECT_TRUE(updated->archived());

  EXPECT_THAT(surveys_.UpdateSurvey(edit, false, std::nullopt),
              StatusIs(absl::StatusCode::kAborted,
                       absl::StrCat("survey ", pulse.id(),
                                    " was changed by someone else; reload and retry")));
  edit.set_id(pulse.id() + 1);
  EXPECT_THAT(surveys_.UpdateSurvey(edit, false, std::nullopt),
              StatusIs(absl::StatusCode::kNotFound));

  // Archived surveys are listed on request only.
  const cim::v1::Survey other = Insert("Other");
  absl::StatusOr<std::vector<cim::v1::Survey>> shown = surveys_.ListSurveys(false);
  ASSERT_TRUE(shown.ok()) << shown.status();
  EXPECT_THAT(*shown, ElementsAre(Property(&cim::v1::Survey::id, other.id())));
  absl::StatusOr<std::vector<cim::v1::Survey>> all = surveys_.ListSurveys(true);
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_THAT(*all, ElementsAre(Property(&cim::v1::Survey::id, other.id()),
                                Property(&cim::v1::Survey::id, pulse.id())));
}

TEST_F(MysqlSurveyRepositoryTest, TheFirstResponseFixesQuestionAndAudience) {
  const cim::v1::Survey pulse = Insert("Pulse");
  ASSERT_TRUE(Respond(pulse.id(), kRob, 9, "", 0).ok());
  // The first response bumps the version: an edit read before it is stale.
  absl::StatusOr<cim::v1::Survey> answered = surveys_.GetSurvey(pulse.id());
  ASSERT_TRUE(answered.ok()) << answered.status();
  EXPECT_EQ(answered->etag(), "2");
  ASSERT_TRUE(Respond(pulse.id(), kBea, 3, "", 0).ok());
  EXPECT_EQ(Count(absl::StrCat("SELECT version FROM surveys WHERE id = ", pulse.id())), 2);

  cim::v1::Survey edit = *answered;
  edit.set_question("Another question");
  EXPECT_THAT(surveys_.UpdateSurvey(edit, true, std::nullopt),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "the question and audience are fixed once the survey has a response"));
  EXPECT_EQ(Count(absl::StrCat("SELECT version FROM surveys WHERE id = ", pulse.id())), 2);
  edit.set_question(answered->question());
  edit.set_title("Renamed");
  ASSERT_TRUE(surveys_.UpdateSurvey(edit, false, std::nullopt).ok());
}

TEST_F(MysqlSurveyRepositoryTest, AnArchivedSurveyTakesNoResponses) {
  const cim::v1::Survey pulse = Insert("Pulse");
  ASSERT_TRUE(Respond(pulse.id(), kRob, 9, "Great", 0).ok());
  absl::StatusOr<cim::v1::Survey> current = surveys_.GetSurvey(pulse.id());
  ASSERT_TRUE(current.ok()) << current.status();
  cim::v1::Survey archived = *current;
  archived.set_archived(true);
  ASSERT_TRUE(surveys_.UpdateSurvey(archived, false, std::nullopt).ok());
  EXPECT_THAT(Respond(pulse.id(), kBea, 3, "", 1),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "the survey is archived and takes no more responses"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM survey_responses"), 1);
  EXPECT_THAT(Respond(pulse.id() + 1, kBea, 3, "", 1), StatusIs(absl::StatusCode::kNotFound));
  // Its results stay.
  absl::StatusOr<std::vector<SurveyResponseCount>> counts = surveys_.ResponseCounts(pulse.id(), 0);
  ASSERT_TRUE(counts.ok()) << counts.status();
  EXPECT_EQ(counts->size(), 1u);
}

TEST_F(MysqlSurveyRepositoryTest, OpenNoticesNotSentYetAreWrittenAnew) {
  cim::v1::Survey survey;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(
      "title: \"Soon\" question: \"Recommend us?\"", &survey));
  SetTimestamp(T0() + absl::Hours(24), survey.mutable_open_time());
  SetTimestamp(T0() + absl::Hours(24 * 8), survey.mutable_close_time());
  absl::StatusOr<cim::v1::Survey> stored =
      surveys_.InsertSurvey(survey, kVera, T0(), {kAlpha, kBravo});
  ASSERT_TRUE(stored.ok()) << stored.status();
  const std::string notices =
      absl::StrCat("SELECT COUNT(*) FROM notification_events WHERE processed = 0 AND kind = ",
                   cim::v1::NOTIFICATION_KIND_SURVEY_OPEN, " AND ref_id = ", stored->id());
  EXPECT_EQ(Count(notices), 2);

  cim::v1::Survey later = *stored;
  SetTimestamp(T0() + absl::Hours(48), later.mutable_open_time());
  absl::StatusOr<cim::v1::Survey> moved =
      surveys_.UpdateSurvey(later, false, std::vector<int64_t>{kBravo});
  ASSERT_TRUE(moved.ok()) << moved.status();
  EXPECT_EQ(Count(notices), 1);
  EXPECT_EQ(Count(absl::StrCat(notices, " AND partner_id = ", kBravo, " AND occurred_at = '",
                               ToSqlMicros(T0() + absl::Hours(48)), "'")),
            1);
  // Archived before it opens: nobody is told.
  moved->set_archived(true);
  ASSERT_TRUE(surveys_.UpdateSurvey(*moved, false, std::vector<int64_t>{}).ok());
  EXPECT_EQ(Count(notices), 0);
}

}  // namespace
}  // namespace cim
