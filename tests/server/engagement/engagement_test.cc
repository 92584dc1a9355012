// Engagement on the real kudos, feed, challenge and survey stores (MariaDB, an injected clock):
// vendor staff and partner admins give kudos to active partner users of their reach, never to
// themselves, from their pool's budget (RESOURCE_EXHAUSTED beyond it); vendor staff post
// spotlights about a partner user or a partner; the feed shows partner callers the public
// entries and their own partner's; program admins set kudos budgets, which partner admins read
// for their own partner only; challenges are defined by program admins (their program must
// exist) and shown to partners in their audience and enrolled programs with their progress;
// surveys go to their audience, take one response within their window, and give vendor staff
// NPS results by type and region, partner admins their own partner's. Program admins edit
// challenges (the etag guards against lost updates; goal, audience, program and start are fixed
// once started; times never move into the past) and archive them away from partners; surveys
// are edited likewise (question and audience only until the first response, the opening only
// before it) and, archived, take no responses.
#include "server/engagement/engagement.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/clock.h"
#include "lib/proto_time.h"
#include "server/engagement/mysql_challenge_repository.h"
#include "server/engagement/mysql_feed_repository.h"
#include "server/engagement/mysql_kudos_repository.h"
#include "server/engagement/mysql_survey_repository.h"
#include "server/identity/mysql_partner_repository.h"
#include "server/identity/mysql_user_repository.h"
#include "server/program/program_directory.h"
#include "server/training/mysql_certification_registry.h"
#include "tests/server/program/program_store_fixture.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/store_world.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Property;

class EngagementTest : public ProgramStoreTest {
 protected:
  absl::StatusOr<cim::v1::Kudos> Give(const Principal& giver, int64_t to, const std::string& points,
                                      const std::string& message = "Great deal") {
    cim::v1::GiveKudosRequest request;
    request.set_recipient_user_id(to);
    request.set_points(points);
    request.set_message(message);
    return engagement_.GiveKudos(giver, request);
  }

  void SetBudget(int64_t partner, const std::string& points) {
    cim::v1::SetKudosBudgetRequest request;
    request.set_partner_id(partner);
    request.set_monthly_points(points);
    ASSERT_TRUE(engagement_.SetKudosBudget(Admin(), request).ok());
  }

  std::vector<std::string> Headlines(const Principal& viewer, int64_t partner = 0) {
    cim::v1::ListFeedRequest request;
    request.set_partner_id(partner);
    absl::StatusOr<cim::v1::ListFeedResponse> feed = engagement_.ListFeed(viewer, request);
    EXPECT_TRUE(feed.ok()) << feed.status();
    std::vector<std::string> out;
    if (!feed.ok()) return out;
    for (const cim::v1::FeedEntry& e : feed->entries()) out.push_back(e.headline());
    return out;
  }

  // A challenge from a day before T0 to `days` days after it.
  absl::StatusOr<cim::v1::Challenge> Challenge(const std::string& text, int days = 30,
                                               const Principal& caller = Admin()) {
    cim::v1::CreateChallengeRequest request;
    *request.mutable_challenge() = Parse<cim::v1::Challenge>(text);
    SetTimestamp(T0() - absl::Hours(24), request.mutable_challenge()->mutable_start_time());
    SetTimestamp(T0() + absl::Hours(24 * days), request.mutable_challenge()->mutable_end_time());
    return engagement_.CreateChallenge(caller, request);
  }

  // A survey open from a day before T0 for three weeks.
  cim::v1::Survey Survey(const std::string& title, const std::string& audience = "") {
    cim::v1::CreateSurveyRequest request;
    *request.mutable_survey() = Parse<cim::v1::Survey>(
        absl::StrCat("title: \"", title,
                     "\" question: \"Would you recommend us?\" comment_enabled: true ", audience));
    SetTimestamp(T0() - absl::Hours(24), request.mutable_survey()->mutable_open_time());
    SetTimestamp(T0() + absl::Hours(24 * 21), request.mutable_survey()->mutable_close_time());
    absl::StatusOr<cim::v1::Survey> s = engagement_.CreateSurvey(Manager(), request);
    EXPECT_TRUE(s.ok()) << s.status();
    return s.value_or(cim::v1::Survey());
  }

  absl::StatusOr<cim::v1::RespondToSurveyResponse> Respond(const Principal& caller, int64_t survey,
                                                           std::optional<int> score,
                                                           const std::string& comment = "") {
    cim::v1::RespondToSurveyRequest request;
    request.set_survey_id(survey);
    if (score) request.set_score(*score);
    request.set_comment(comment);
    return engagement_.RespondToSurvey(caller, request);
  }

  absl::StatusOr<cim::v1::Challenge> UpdateChallenge(const Principal& caller,
                                                     const cim::v1::Challenge& challenge,
                                                     const std::string& paths) {
    cim::v1::UpdateChallengeRequest request;
    *request.mutable_challenge() = challenge;
    *request.mutable_update_mask() = Parse<google::protobuf::FieldMask>(paths);
    return engagement_.UpdateChallenge(caller, request);
  }
  absl::StatusOr<cim::v1::Survey> UpdateSurvey(const Principal& caller,
                                               const cim::v1::Survey& survey,
                                               const std::string& paths) {
    cim::v1::UpdateSurveyRequest request;
    *request.mutable_survey() = survey;
    *request.mutable_update_mask() = Parse<google::protobuf::FieldMask>(paths);
    return engagement_.UpdateSurvey(caller, request);
  }
  std::vector<std::string> ChallengeTitles(const Principal& caller, bool include_archived = false) {
    cim::v1::ListChallengesRequest request;
    request.set_include_archived(include_archived);
    absl::StatusOr<cim::v1::ListChallengesResponse> listed =
        engagement_.ListChallenges(caller, request);
    EXPECT_TRUE(listed.ok()) << listed.status();
    std::vector<std::string> out;
    if (listed.ok()) {
      for (const cim::v1::Challenge& c : listed->challenges()) out.push_back(c.title());
    }
    return out;
  }
  std::vector<std::string> SurveyTitles(const Principal& caller, bool include_archived = false) {
    cim::v1::ListSurveysRequest request;
    request.set_include_archived(include_archived);
    absl::StatusOr<cim::v1::ListSurveysResponse> listed = engagement_.ListSurveys(caller, request);
    EXPECT_TRUE(listed.ok()) << listed.status();
    std::vector<std::string> out;
    if (listed.ok()) {
      for (const cim::v1::Survey& s : listed->surveys()) out.push_back(s.title());
    }
    return out;
  }
  absl::StatusOr<cim::v1::SurveyResults> Results(const Principal& caller, int64_t survey,
                                                 int64_t partner = 0) {
    cim::v1::GetSurveyResultsRequest request;
    request.set_survey_id(survey);
    request.set_partner_id(partner);
    return engagement_.GetSurveyResults(caller, request);
  }

  FakeClock clock_{T0()};
  MysqlKudosRepository kudos_{database_.db()};
  MysqlFeedRepository feed_{database_.db()};
  MysqlChallengeRepository challenges_{database_.db()};
  MysqlSurveyRepository surveys_{database_.db()};
  MysqlUserRepository users_{database_.db()};
  MysqlPartnerRepository partners_{database_.db()};
  MysqlCertificationRegistry certifications_{database_.db(), clock_};
  ProgramDirectory directory_{programs_, products_, partners_, certifications_, clock_};
  Engagement engagement_{
      {.kudos = kudos_, .feed = feed_, .challenges = challenges_, .surveys = surveys_},
      users_,
      partners_,
      directory_,
      clock_};
};

TEST_F(EngagementTest, KudosGoToActivePartnerUsersWithinReachFromTheGiversBudget) {
  SetBudget(kAlpha, "100");
  absl::StatusOr<cim::v1::Kudos> given = Give(Ann(), kRob, "60", "  Great deal  ");
  ASSERT_TRUE(given.ok()) << given.status();
  EXPECT_EQ(given->giver_user_id(), kAnn);
  EXPECT_EQ(given->recipient_user_id(), kRob);
  EXPECT_EQ(given->recipient_partner_id(), kAlpha);
  EXPECT_EQ(given->message(), "Great deal");
  EXPECT_EQ(given->points(), "60");
  EXPECT_EQ(given->visibility(), cim::v1::FEED_VISIBILITY_PUBLIC);
  EXPECT_EQ(FromTimestamp(given->create_time()), T0());
  EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM feed_entries WHERE headline = '",
                               KudosHeadline("Ann", "Rob"), "'")),
            1);
  // Alpha's budget has 40 left this month.
  EXPECT_THAT(Give(Ann(), kHid, "50"),
              StatusIs(absl::StatusCode::kResourceExhausted, HasSubstr("40 points left")));

  EXPECT_THAT(Give(Rob(), kHid, "1"), StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(Give(Ann(), kAnn, "1"),
              StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("never to yourself")));
  EXPECT_THAT(Give(Ann(), kBea, "1"),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("user 5 not found")));
  EXPECT_THAT(Give(Ann(), 999, "1"), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(Give(Ann(), kVera, "1"),
              StatusIs(absl::StatusCode::kNotFound));  // vendor staff are no partner's
  EXPECT_THAT(Give(Manager(), kVera, "0"), StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(Give(Ann(), kRob, "1.5", ""),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("message"), HasSubstr("points"))));
  Exec(absl::StrCat("UPDATE users SET status = ", cim::v1::USER_STATUS_DISABLED,
                    " WHERE id = ", kHid));
  EXPECT_THAT(Give(Ann(), kHid, "1"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("recipient_user_id: kudos go to active partner users")));

  // Vendor staff give across partners, from their own pool.
  SetBudget(0, "10");
  absl::StatusOr<cim::v1::Kudos> vendor = Give(Manager(), kBea, "10");
  ASSERT_TRUE(vendor.ok()) << vendor.status();
  EXPECT_EQ(vendor->recipient_partner_id(), kBravo);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM kudos WHERE budget_partner_id = 0"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM kudos"), 2);
}

TEST_F(EngagementTest, VendorStaffPostSpotlightsAndPartnersSeeTheirFeed) {
  cim::v1::PostSpotlightRequest about_rob;
  about_rob.set_headline("  Rob closed the big one ");
  about_rob.set_message("Well done");
  about_rob.set_user_id(kRob);
  about_rob.set_visibility(cim::v1::FEED_VISIBILITY_PARTNER);
  EXPECT_THAT(engagement_.PostSpotlight(Ann(), about_rob),
              StatusIs(absl::StatusCode::kPermissionDenied));
  absl::StatusOr<cim::v1::FeedEntry> rob = engagement_.PostSpotlight(Manager(), about_rob);
  ASSERT_TRUE(rob.ok()) << rob.status();
  EXPECT_EQ(rob->headline(), "Rob closed the big one");
  EXPECT_EQ(rob->user_id(), kRob);
  EXPECT_EQ(rob->partner_id(), kAlpha);
  EXPECT_EQ(rob->kind(), cim::v1::FEED_ENTRY_KIND_SPOTLIGHT);
  cim::v1::PostSpotlightRequest about_bravo;
  about_bravo.set_headline("Bravo joins");
  about_bravo.set_message("Welcome");
  about_bravo.set_partner_id(kBravo);
  ASSERT_TRUE(engagement_.PostSpotlight(Manager(), about_bravo).ok());

  cim::v1::PostSpotlightRequest bad = about_bravo;
  bad.set_user_id(kRob);  // both named
  EXPECT_THAT(engagement_.PostSpotlight(Manager(), bad),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("user_id")));
  bad.clear_partner_id();
  bad.set_user_id(kVera);
  EXPECT_THAT(engagement_.PostSpotlight(Manager(), bad),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("user_id: a partner user")));
  bad.set_user_id(999);
  EXPECT_THAT(engagement_.PostSpotlight(Manager(), bad),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("user 999 not found")));
  bad.clear_user_id();
  bad.set_partner_id(99);
  EXPECT_THAT(engagement_.PostSpotlight(Manager(), bad),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("partner 99 not found")));

  // Alpha's own post is for Alpha (and vendor staff); public ones for everyone; newest first.
  EXPECT_THAT(Headlines(Rob()), ElementsAre("Bravo joins", "Rob closed the big one"));
  EXPECT_THAT(Headlines(Bea()), ElementsAre("Bravo joins"));
  EXPECT_THAT(Headlines(Manager()), ElementsAre("Bravo joins", "Rob closed the big one"));
  EXPECT_THAT(Headlines(Manager(), kAlpha), ElementsAre("Rob closed the big one"));

  cim::v1::ListFeedRequest page;
  page.set_page_size(1);
  absl::StatusOr<cim::v1::ListFeedResponse> first = engagement_.ListFeed(Manager(), page);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_THAT(first->entries(),
              ElementsAre(Property(&cim::v1::FeedEntry::headline, "Bravo joins")));
  page.set_page_token(first->next_page_token());
  absl::StatusOr<cim::v1::ListFeedResponse> second = engagement_.ListFeed(Manager(), page);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_THAT(second->entries(), ElementsAre(Property(&cim::v1::FeedEntry::id, rob->id())));
  cim::v1::ListFeedRequest too_big;
  too_big.set_page_size(101);
  EXPECT_THAT(engagement_.ListFeed(Rob(), too_big),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("page_size")));
}

TEST_F(EngagementTest, ProgramAdminsSetBudgetsPartnerAdminsReadTheirOwn) {
  cim::v1::SetKudosBudgetRequest set;
  set.set_partner_id(kAlpha);
  set.set_monthly_points("500");
  EXPECT_THAT(engagement_.SetKudosBudget(Manager(), set),
              StatusIs(absl::StatusCode::kPermissionDenied));
  absl::StatusOr<cim::v1::KudosBudget> stored = engagement_.SetKudosBudget(Admin(), set);
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ(stored->partner_id(), kAlpha);
  EXPECT_EQ(stored->monthly_points(), "500");
  EXPECT_EQ(stored->month(), "2026-03");
  EXPECT_EQ(stored->remaining_points(), "500");
  set.set_monthly_points("10.5");
  set.set_partner_id(-1);
  EXPECT_THAT(engagement_.SetKudosBudget(Admin(), set),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("partner_id"), HasSubstr("monthly_points"))));
  set.set_monthly_points("10");
  set.set_partner_id(99);
  EXPECT_THAT(engagement_.SetKudosBudget(Admin(), set),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("partner 99 not found")));

  ASSERT_TRUE(Give(Ann(), kRob, "120").ok());
  cim::v1::GetKudosBudgetRequest alpha;
  alpha.set_partner_id(kAlpha);
  absl::StatusOr<cim::v1::KudosBudget> read = engagement_.GetKudosBudget(Ann(), alpha);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->spent_points(), "120");
  EXPECT_EQ(read->remaining_points(), "380");
  EXPECT_THAT(engagement_.GetKudosBudget(Rob(), alpha),
              StatusIs(absl::StatusCode::kPermissionDenied));
  cim::v1::GetKudosBudgetRequest bravo;
  bravo.set_partner_id(kBravo);
  EXPECT_THAT(engagement_.GetKudosBudget(Ann(), bravo),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("partner 2 not found")));
  EXPECT_THAT(engagement_.GetKudosBudget(Manager(), bravo),
              testing::IsOkAndHolds(Property(&cim::v1::KudosBudget::monthly_points, "0")));
}

TEST_F(EngagementTest, ChallengesAreShownToTheirAudienceWithProgress) {
  const Program program = StoreProgram(cim::v1::PROGRAM_STATUS_ACTIVE);
  EXPECT_THAT(Challenge(R"pb(title: "Deals"
                             goal { kind: CHALLENGE_GOAL_KIND_APPROVED_CLAIMS target: "3" })pb",
                        30, Manager()),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(Challenge(R"pb(title: ""
                             goal { kind: CHALLENGE_GOAL_KIND_SALES target: "0" })pb"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("challenge.title"), HasSubstr("challenge.goal.target"),
                             HasSubstr("challenge.goal.currency_code"))));
  EXPECT_THAT(Challenge(R"pb(title: "X"
                             program_id: 999
                             goal { kind: CHALLENGE_GOAL_KIND_APPROVED_CLAIMS target: "3" })pb"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("challenge.program_id: no such program")));

  absl::StatusOr<cim::v1::Challenge> everyone = Challenge(
      R"pb(title: "  Three deals  "
           goal { kind: CHALLENGE_GOAL_KIND_APPROVED_CLAIMS target: "3" }
           reward_points: "50")pb");
  ASSERT_TRUE(everyone.ok()) << everyone.status();
  EXPECT_EQ(everyone->title(), "Three deals");
  ASSERT_TRUE(Challenge(R"pb(title: "NA only"
                             audience { regions: "NA" }
                             goal { kind: CHALLENGE_GOAL_KIND_APPROVED_CLAIMS target: "1" })pb")
                  .ok());
  ASSERT_TRUE(Challenge(absl::StrCat("title: \"Program\" program_id: ", program.id(),
                                     " goal { kind: CHALLENGE_GOAL_KIND_APPROVED_CLAIMS"
                                     " target: \"2\" }"))
                  .ok());
  ASSERT_TRUE(Challenge(R"pb(title: "Short"
                             goal { kind: CHALLENGE_GOAL_KIND_APPROVED_CLAIMS target: "1" })pb",
                        1)
                  .ok());
  // Rob has one of three deals.
  Exec(absl::StrCat(
      "INSERT INTO challenge_progress (challenge_id, user_id, partner_id, progress) VALUES (",
      everyone->id(), ", 3, 1, 1)"));
  // Alpha is enrolled in the program, Bravo is not.
  ASSERT_TRUE(directory_
                  .EnrollPartner(Ann(),
                                 [&] {
                                   cim::v1::EnrollPartnerRequest r;
                                   r.set_program_id(program.id());
                                   r.set_accepted_terms_version(1);
                                   return r;
                                 }())
                  .ok());
  clock_.Advance(absl::Hours(48));  // "Short" has ended

  absl::StatusOr<cim::v1::ListChallengesResponse> rob =
      engagement_.ListChallenges(Rob(), cim::v1::ListChallengesRequest());
  ASSERT_TRUE(rob.ok()) << rob.status();
  ASSERT_EQ(rob->challenges_size(), 2);
  EXPECT_EQ(rob->challenges(0).title(), "Three deals");
  EXPECT_EQ(rob->challenges(0).progress().current(), "1");
  EXPECT_EQ(rob->challenges(0).progress().target(), "3");
  EXPECT_EQ(rob->challenges(0).progress().percent(), 33);
  EXPECT_EQ(rob->challenges(1).title(), "Program");
  EXPECT_EQ(rob->challenges(1).progress().current(), "0");
  absl::StatusOr<cim::v1::ListChallengesResponse> bea =
      engagement_.ListChallenges(Bea(), cim::v1::ListChallengesRequest());
  ASSERT_TRUE(bea.ok()) << bea.status();
  EXPECT_THAT(bea->challenges(), ElementsAre(Property(&cim::v1::Challenge::title, "Three deals"),
                                             Property(&cim::v1::Challenge::title, "NA only")));
  cim::v1::ListChallengesRequest ended;
  ended.set_include_ended(true);
  absl::StatusOr<cim::v1::ListChallengesResponse> vendor =
      engagement_.ListChallenges(Manager(), ended);
  ASSERT_TRUE(vendor.ok()) << vendor.status();
  EXPECT_EQ(vendor->challenges_size(), 4);
  EXPECT_FALSE(vendor->challenges(0).has_progress());
}

TEST_F(EngagementTest, SurveysTakeOneResponseFromTheirAudienceWithinTheWindow) {
  const cim::v1::Survey all = Survey("Pulse");
  const cim::v1::Survey emea = Survey("EMEA pulse", "audience { regions: \"EMEA\" }");
  cim::v1::CreateSurveyRequest bad;
  EXPECT_THAT(engagement_.CreateSurvey(Rob(), bad), StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(engagement_.CreateSurvey(Admin(), bad),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("survey.title"), HasSubstr("survey.question"))));

  EXPECT_THAT(Respond(Manager(), all.id(), 9), StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(Respond(Bea(), emea.id(), 9),
              StatusIs(absl::StatusCode::kNotFound,
                       HasSubstr(absl::StrCat("survey ", emea.id(), " not found"))));
  EXPECT_THAT(Respond(Rob(), all.id(), std::nullopt),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("score")));
  EXPECT_THAT(Respond(Rob(), all.id(), 11),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("score")));
  absl::StatusOr<cim::v1::RespondToSurveyResponse> rob = Respond(Rob(), all.id(), 10, " Great ");
  ASSERT_TRUE(rob.ok()) << rob.status();
  EXPECT_EQ(rob->score(), 10);
  EXPECT_THAT(Respond(Rob(), all.id(), 3),
              StatusIs(absl::StatusCode::kAlreadyExists, HasSubstr("already answered")));
  ASSERT_TRUE(Respond(Ann(), all.id(), 7).ok());
  ASSERT_TRUE(Respond(Bea(), all.id(), 2, "Slow payouts").ok());

  // Listed for partners within their audience, marked answered; open_only hides those.
  absl::StatusOr<cim::v1::ListSurveysResponse> listed =
      engagement_.ListSurveys(Rob(), cim::v1::ListSurveysRequest());
  ASSERT_TRUE(listed.ok()) << listed.status();
  ASSERT_EQ(listed->surveys_size(), 2);
  cim::v1::ListSurveysRequest open_only;
  open_only.set_open_only(true);
  absl::StatusOr<cim::v1::ListSurveysResponse> open = engagement_.ListSurveys(Rob(), open_only);
  ASSERT_TRUE(open.ok()) << open.status();
  EXPECT_THAT(open->surveys(), ElementsAre(Property(&cim::v1::Survey::id, emea.id())));
  absl::StatusOr<cim::v1::ListSurveysResponse> bea = engagement_.ListSurveys(Bea(), open_only);
  ASSERT_TRUE(bea.ok()) << bea.status();
  EXPECT_THAT(bea->surveys(), IsEmpty());

  // After it closes, no more answers.
  clock_.Advance(absl::Hours(24 * 21));  // closes three weeks after T0 - 1 day
  EXPECT_THAT(Respond(Hid(), all.id(), 9),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("not open")));

  EXPECT_THAT(engagement_.GetSurveyResults(Rob(),
                                           [&] {
                                             cim::v1::GetSurveyResultsRequest r;
                                             r.set_survey_id(all.id());
                                             return r;
                                           }()),
              StatusIs(absl::StatusCode::kPermissionDenied));
  cim::v1::GetSurveyResultsRequest request;
  request.set_survey_id(all.id());
  absl::StatusOr<cim::v1::SurveyResults> results = engagement_.GetSurveyResults(Manager(), request);
  ASSERT_TRUE(results.ok()) << results.status();
  // One promoter, one passive, one detractor: NPS 0.
  EXPECT_EQ(results->overall().ShortDebugString(),
            R"(group: "all" responses: 3 promoters: 1 passives: 1 detractors: 1 nps: "0.0")");
  ASSERT_EQ(results->by_partner_type_size(), 2);
  EXPECT_EQ(results->by_partner_type(0).group(), "DISTRIBUTOR");
  EXPECT_EQ(results->by_partner_type(0).nps(), "-100.0");
  EXPECT_EQ(results->by_partner_type(1).group(), "RESELLER");
  EXPECT_EQ(results->by_partner_type(1).nps(), "50.0");
  ASSERT_EQ(results->by_region_size(), 2);
  EXPECT_EQ(results->by_region(0).group(), "EMEA");
  EXPECT_EQ(results->by_region(1).group(), "NA");
  EXPECT_EQ(results->comments_size(), 2);
  request.set_survey_id(999);
  EXPECT_THAT(engagement_.GetSurveyResults(Manager(), request),
              StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(EngagementTest, ProgramAdminsEditChallengesWithinTheirRules) {
  const Program program = StoreProgram(cim::v1::PROGRAM_STATUS_ACTIVE);
  // "Deals" starts in two days and runs four weeks.
  cim::v1::CreateChallengeRequest create;
  *create.mutable_challenge() = Parse<cim::v1::Challenge>(
      R"pb(title: "Deals"
           goal { kind: CHALLENGE_GOAL_KIND_APPROVED_CLAIMS target: "3" }
           reward_points: "50")pb");
  SetTimestamp(T0() + absl::Hours(48), create.mutable_challenge()->mutable_start_time());
  SetTimestamp(T0() + absl::Hours(24 * 30), create.mutable_challenge()->mutable_end_time());
  absl::StatusOr<cim::v1::Challenge> deals = engagement_.CreateChallenge(Admin(), create);
  ASSERT_TRUE(deals.ok()) << deals.status();
  EXPECT_EQ(deals->etag(), "1");

  // Who and what.
  cim::v1::Challenge edit = *deals;
  edit.set_title("  Four deals ");
  edit.mutable_goal()->set_target("4");
  EXPECT_THAT(UpdateChallenge(Manager(), edit, "paths: 'title'"),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(UpdateChallenge(Admin(), edit, ""),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("update_mask: name at least one field to update")));
  cim::v1::Challenge no_id = edit;
  no_id.clear_id();
  EXPECT_THAT(UpdateChallenge(Admin(), no_id, "paths: 'title'"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("challenge.id: required")));
  cim::v1::Challenge unknown = edit;
  unknown.set_id(999);
  EXPECT_THAT(UpdateChallenge(Admin(), unknown, "paths: 'title'"),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("challenge 999 not found")));
  // Validated as on create: each bad field named.
  cim::v1::Challenge bad = edit;
  bad.set_title("");
  bad.mutable_goal()->set_target("0");
  bad.set_reward_points("1.5");
  EXPECT_THAT(UpdateChallenge(Admin(), bad, "paths: 'title' paths: 'goal' paths: 'reward_points'"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("challenge.title"), HasSubstr("challenge.goal.target"),
                             HasSubstr("challenge.reward_points"))));
  bad = edit;
  bad.set_program_id(999);
  EXPECT_THAT(UpdateChallenge(Admin(), bad, "paths: 'program_id'"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("challenge.program_id: no such program")));
  bad = edit;
  SetTimestamp(T0() - absl::Hours(1), bad.mutable_start_time());
  EXPECT_THAT(UpdateChallenge(Admin(), bad, "paths: 'start_time'"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("challenge.start_time: must not be in the past")));

  // Before it starts, everything may change.
  edit.set_program_id(program.id());
  SetTimestamp(T0() + absl::Hours(24), edit.mutable_start_time());
  absl::StatusOr<cim::v1::Challenge> edited = UpdateChallenge(
      Admin(), edit, "paths: 'title' paths: 'goal' paths: 'program_id' paths: 'start_time'");
  ASSERT_TRUE(edited.ok()) << edited.status();
  EXPECT_EQ(edited->title(), "Four deals");
  EXPECT_EQ(edited->goal().target(), "4");
  EXPECT_EQ(edited->program_id(), program.id());
  EXPECT_EQ(FromTimestamp(edited->start_time()), T0() + absl::Hours(24));
  EXPECT_EQ(edited->reward_points(), "50");
  EXPECT_EQ(edited->etag(), "2");
  // An edit of what was read before is refused: someone changed it since.
  EXPECT_THAT(UpdateChallenge(Admin(), edit, "paths: 'title'"),
              StatusIs(absl::StatusCode::kAborted,
                       HasSubstr(absl::StrCat("challenge ", deals->id(),
                                              " was changed by someone else; reload and retry"))));

  // Once started, goal, audience, program and start are fixed; title, reward and end are not.
  clock_.Advance(absl::Hours(48));
  cim::v1::Challenge started = *edited;
  started.mutable_goal()->set_target("5");
  EXPECT_THAT(UpdateChallenge(Admin(), started, "paths: 'goal'"),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "goal is fixed once the challenge has started"));
  started = *edited;
  started.mutable_audience()->add_regions("NA");
  EXPECT_THAT(UpdateChallenge(Admin(), started, "paths: 'audience'"),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "audience is fixed once the challenge has started"));
  started = *edited;
  started.set_program_id(0);
  EXPECT_THAT(UpdateChallenge(Admin(), started, "paths: 'program_id'"),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "program_id is fixed once the challenge has started"));
  started = *edited;
  SetTimestamp(T0() + absl::Hours(72), started.mutable_start_time());
  EXPECT_THAT(UpdateChallenge(Admin(), started, "paths: 'start_time'"),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "start_time is fixed once the challenge has started"));
  started = *edited;
  SetTimestamp(T0() + absl::Hours(47), started.mutable_end_time());
  EXPECT_THAT(UpdateChallenge(Admin(), started, "paths: 'end_time'"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("challenge.end_time: must not be in the past")));
  EXPECT_EQ(Count(absl::StrCat("SELECT version FROM challenges WHERE id = ", deals->id())), 2);
  started = *edited;
  started.clear_etag();  // no etag: whatever is stored now
  started.set_title("Four deals, double points");
  started.set_reward_points("100");
  SetTimestamp(T0() + absl::Hours(24 * 40), started.mutable_end_time());
  // The goal is sent unchanged with the rest of the form: no change, no refusal.
  absl::StatusOr<cim::v1::Challenge> running = UpdateChallenge(
      Admin(), started,
      "paths: 'title' paths: 'reward_points' paths: 'end_time' paths: 'goal' paths: 'audience'");
  ASSERT_TRUE(running.ok()) << running.status();
  EXPECT_EQ(running->title(), "Four deals, double points");
  EXPECT_EQ(running->reward_points(), "100");
  EXPECT_EQ(FromTimestamp(running->end_time()), T0() + absl::Hours(24 * 40));
  EXPECT_EQ(running->etag(), "3");
}

TEST_F(EngagementTest, ArchivedChallengesAreHiddenFromPartners) {
  absl::StatusOr<cim::v1::Challenge> deals = Challenge(
      R"pb(title: "Deals"
           goal { kind: CHALLENGE_GOAL_KIND_APPROVED_CLAIMS target: "3" })pb");
  ASSERT_TRUE(deals.ok()) << deals.status();
  ASSERT_TRUE(Challenge(R"pb(title: "Modules"
                             goal { kind: CHALLENGE_GOAL_KIND_MODULES_COMPLETED target: "2" })pb",
                        40)
                  .ok());
  cim::v1::Challenge archive = *deals;
  archive.set_archived(true);
  absl::StatusOr<cim::v1::Challenge> archived =
      UpdateChallenge(Admin(), archive, "paths: 'archived'");
  ASSERT_TRUE(archived.ok()) << archived.status();
  EXPECT_TRUE(archived->archived());

  EXPECT_THAT(ChallengeTitles(Rob()), ElementsAre("Modules"));
  EXPECT_THAT(ChallengeTitles(Rob(), /*include_archived=*/true), ElementsAre("Modules"));
  EXPECT_THAT(ChallengeTitles(Manager()), ElementsAre("Modules"));
  EXPECT_THAT(ChallengeTitles(Manager(), /*include_archived=*/true),
              ElementsAre("Deals", "Modules"));

  archived->set_archived(false);
  ASSERT_TRUE(UpdateChallenge(Admin(), *archived, "paths: 'archived'").ok());
  EXPECT_THAT(ChallengeTitles(Rob()), ElementsAre("Deals", "Modules"));
}

TEST_F(EngagementTest, SurveysAreEditedWithinTheirRulesAndArchived) {
  const cim::v1::Survey pulse = Survey("Pulse");
  EXPECT_EQ(pulse.etag(), "1");
  cim::v1::Survey edit = pulse;
  edit.set_title(" Partner pulse ");
  edit.set_question("How likely are you to recommend our program?");
  EXPECT_THAT(UpdateSurvey(Rob(), edit, "paths: 'title'"),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(UpdateSurvey(Manager(), edit, ""),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("update_mask")));
  cim::v1::Survey bad = edit;
  bad.set_question("");
  bad.mutable_audience()->add_partner_types(cim::v1::PARTNER_TYPE_UNSPECIFIED);
  EXPECT_THAT(
      UpdateSurvey(Admin(), bad, "paths: 'question' paths: 'audience'"),
      StatusIs(absl::StatusCode::kInvalidArgument,
               AllOf(HasSubstr("survey.question"), HasSubstr("survey.audience.partner_types[0]"))));
  bad = edit;
  bad.set_id(999);
  EXPECT_THAT(UpdateSurvey(Admin(), bad, "paths: 'title'"),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("survey 999 not found")));

  // Until the first response the question may change.
  absl::StatusOr<cim::v1::Survey> edited =
      UpdateSurvey(Manager(), edit, "paths: 'title' paths: 'question'");
  ASSERT_TRUE(edited.ok()) << edited.status();
  EXPECT_EQ(edited->title(), "Partner pulse");
  EXPECT_EQ(edited->question(), "How likely are you to recommend our program?");
  EXPECT_EQ(edited->etag(), "2");
  EXPECT_THAT(UpdateSurvey(Manager(), edit, "paths: 'title'"),
              StatusIs(absl::StatusCode::kAborted, HasSubstr("changed by someone else")));

  ASSERT_TRUE(Respond(Rob(), pulse.id(), 9).ok());
  cim::v1::Survey after = *edited;
  after.clear_etag();
  after.set_question("Something else?");
  EXPECT_THAT(UpdateSurvey(Admin(), after, "paths: 'question'"),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "the question and audience are fixed once the survey has a response"));
  after = *edited;
  after.clear_etag();
  after.mutable_audience()->add_regions("NA");
  EXPECT_THAT(UpdateSurvey(Admin(), after, "paths: 'audience'"),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("fixed")));
  // It opened a day before T0: the opening is fixed; the close may not move into the past.
  after = *edited;
  after.clear_etag();
  SetTimestamp(T0() + absl::Hours(1), after.mutable_open_time());
  EXPECT_THAT(UpdateSurvey(Admin(), after, "paths: 'open_time'"),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "open_time is fixed once the survey has opened"));
  after = *edited;
  after.clear_etag();
  SetTimestamp(T0() - absl::Hours(1), after.mutable_close_time());
  EXPECT_THAT(UpdateSurvey(Admin(), after, "paths: 'close_time'"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("survey.close_time: must not be in the past")));
  after = *edited;
  after.clear_etag();
  after.set_title("Pulse, renamed");
  after.set_comment_enabled(false);
  SetTimestamp(T0() + absl::Hours(24 * 30), after.mutable_close_time());
  absl::StatusOr<cim::v1::Survey> renamed =
      UpdateSurvey(Admin(), after, "paths: 'title' paths: 'comment_enabled' paths: 'close_time'");
  ASSERT_TRUE(renamed.ok()) << renamed.status();
  EXPECT_EQ(renamed->title(), "Pulse, renamed");
  EXPECT_EQ(FromTimestamp(renamed->close_time()), T0() + absl::Hours(24 * 30));

  // Archived: gone from partners' lists, no more responses; vendor staff still read results.
  const cim::v1::Survey other = Survey("Other");
  cim::v1::Survey archive = *renamed;
  archive.set_archived(true);
  ASSERT_TRUE(UpdateSurvey(Manager(), archive, "paths: 'archived'").ok());
  EXPECT_THAT(SurveyTitles(Ann()), ElementsAre("Other"));
  EXPECT_THAT(SurveyTitles(Ann(), /*include_archived=*/true), ElementsAre("Other"));
  EXPECT_THAT(SurveyTitles(Manager()), ElementsAre("Other"));
  EXPECT_THAT(SurveyTitles(Manager(), /*include_archived=*/true),
              ElementsAre("Other", "Pulse, renamed"));
  EXPECT_THAT(Respond(Hid(), pulse.id(), 7),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       "the survey is archived and takes no more responses"));
  absl::StatusOr<cim::v1::SurveyResults> results = Results(Manager(), pulse.id());
  ASSERT_TRUE(results.ok()) << results.status();
  EXPECT_EQ(results->overall().responses(), 1);
  EXPECT_THAT(Results(Ann(), pulse.id()), StatusIs(absl::StatusCode::kNotFound));
  ASSERT_TRUE(Respond(Hid(), other.id(), 7).ok());
}

TEST_F(EngagementTest, ChangesBeforeTheOpeningRewriteItsNotices) {
  cim::v1::CreateSurveyRequest create;
  *create.mutable_survey() = Parse<cim::v1::Survey>(
      "title: 'Soon' question: 'Recommend us?' audience { regions: 'EMEA' }");
  SetTimestamp(T0() + absl::Hours(24), create.mutable_survey()->mutable_open_time());
  SetTimestamp(T0() + absl::Hours(24 * 8), create.mutable_survey()->mutable_close_time());
  absl::StatusOr<cim::v1::Survey> soon = engagement_.CreateSurvey(Admin(), create);
  ASSERT_TRUE(soon.ok()) << soon.status();
  const std::string notices = absl::StrCat(
      "SELECT COUNT(*) FROM notification_events WHERE processed = 0 AND ref_id = ", soon->id(),
      " AND partner_id = ");
  EXPECT_EQ(Count(absl::StrCat(notices, kAlpha)), 1);
  EXPECT_EQ(Count(absl::StrCat(notices, kBravo)), 0);

  cim::v1::Survey edit = *soon;
  edit.mutable_audience()->clear_regions();
  SetTimestamp(T0() - absl::Hours(1), edit.mutable_open_time());
  EXPECT_THAT(UpdateSurvey(Admin(), edit, "paths: 'audience' paths: 'open_time'"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("survey.open_time: must not be in the past")));
  SetTimestamp(T0() + absl::Hours(48), edit.mutable_open_time());
  ASSERT_TRUE(UpdateSurvey(Admin(), edit, "paths: 'audience' paths: 'open_time'").ok());
  EXPECT_EQ(Count(absl::StrCat(notices, kAlpha)), 1);
  EXPECT_EQ(Count(absl::StrCat(notices, kBravo)), 1);
  EXPECT_EQ(Count(absl::StrCat(notices, kBravo, " AND occurred_at = '",
                               ToSqlMicros(T0() + absl::Hours(48)), "'")),
            1);
}

TEST_F(EngagementTest, PartnerAdminsReadTheirOwnPartnersResults) {
  const cim::v1::Survey pulse = Survey("Pulse");
  const cim::v1::Survey emea = Survey("EMEA pulse", "audience { regions: \"EMEA\" }");
  // Alpha: two promoters and a detractor; Bravo: a detractor.
  ASSERT_TRUE(Respond(Rob(), pulse.id(), 10, "Great").ok());
  ASSERT_TRUE(Respond(Hid(), pulse.id(), 9).ok());
  ASSERT_TRUE(Respond(Ann(), pulse.id(), 3, "Slow claims").ok());
  ASSERT_TRUE(Respond(Bea(), pulse.id(), 0, "Bravo is unhappy").ok());

  absl::StatusOr<cim::v1::SurveyResults> alpha = Results(Ann(), pulse.id());
  ASSERT_TRUE(alpha.ok()) << alpha.status();
  EXPECT_EQ(alpha->overall().ShortDebugString(),
            R"(group: "all" responses: 3 promoters: 2 detractors: 1 nps: "33.3")");
  ASSERT_EQ(alpha->by_partner_type_size(), 1);
  EXPECT_EQ(alpha->by_partner_type(0).group(), "RESELLER");
  ASSERT_EQ(alpha->by_region_size(), 1);
  EXPECT_EQ(alpha->by_region(0).group(), "EMEA");
  EXPECT_THAT(alpha->comments(),
              ElementsAre(Property(&cim::v1::SurveyComment::comment, "Slow claims"),
                          Property(&cim::v1::SurveyComment::comment, "Great")));
  // Naming their own partner is the same; another partner's is NOT_FOUND.
  absl::StatusOr<cim::v1::SurveyResults> own = Results(Ann(), pulse.id(), kAlpha);
  ASSERT_TRUE(own.ok()) << own.status();
  EXPECT_EQ(own->overall().responses(), 3);
  EXPECT_THAT(Results(Ann(), pulse.id(), kBravo),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("partner 2 not found")));
  // Bravo's admin sees Bravo's; not a survey Bravo is not asked.
  absl::StatusOr<cim::v1::SurveyResults> bravo = Results(BeaAsAdmin(), pulse.id());
  ASSERT_TRUE(bravo.ok()) << bravo.status();
  EXPECT_EQ(bravo->overall().responses(), 1);
  EXPECT_EQ(bravo->overall().nps(), "-100.0");
  EXPECT_THAT(Results(BeaAsAdmin(), emea.id()),
              StatusIs(absl::StatusCode::kNotFound,
                       HasSubstr(absl::StrCat("survey ", emea.id(), " not found"))));
  // Reps read no results.
  EXPECT_THAT(Results(Rob(), pulse.id()),
              StatusIs(absl::StatusCode::kPermissionDenied,
                       "vendor staff and partner admins read survey results"));
  EXPECT_THAT(Results(Bea(), pulse.id()), StatusIs(absl::StatusCode::kPermissionDenied));

  // Vendor staff read everyone's, or one partner's.
  absl::StatusOr<cim::v1::SurveyResults> all = Results(Manager(), pulse.id());
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_EQ(all->overall().responses(), 4);
  absl::StatusOr<cim::v1::SurveyResults> only_bravo = Results(Admin(), pulse.id(), kBravo);
  ASSERT_TRUE(only_bravo.ok()) << only_bravo.status();
  EXPECT_EQ(only_bravo->overall().responses(), 1);
  EXPECT_THAT(only_bravo->comments(),
              ElementsAre(Property(&cim::v1::SurveyComment::comment, "Bravo is unhappy")));
  EXPECT_THAT(Results(Manager(), pulse.id(), 99),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("partner 99 not found")));
  EXPECT_THAT(Results(Manager(), pulse.id(), -1),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("partner_id")));
}

}  // namespace
}  // namespace cim
