// EngagementService through a real gRPC channel against a real server and MariaDB: kudos (who
// may give them, never to oneself, budgets under retries), the feed (scoping, automatic
// entries for badges, level-ups and challenges, privacy), challenges (audience, live progress,
// rewards once) and surveys (one response per user, NPS by partner type and region); edits and
// archiving of challenges (an archived one stops counting, keeps its completions and is hidden
// from partners) and surveys (an archived one takes no responses); partner admins' results of
// their own partner.
#include "cim/v1/engagement_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/proto_time.h"
#include "tests/server/recognition/recognition_fixture.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

class EngagementRpcTest : public RecognitionFixture {
 protected:
  void SetUp() override {
    RecognitionFixture::SetUp();
    engagement_ = EngagementService::NewStub(server_.channel());
    alpha_admin_ = server_.Login("admin@alpha.example");
    cm_ = server_.Login("cm@vendor.example");
  }

  grpc::Status Kudos(const std::string& token, int64_t recipient, const char* points,
                     cim::v1::Kudos* out, const std::string& request_id = "",
                     FeedVisibility visibility = FEED_VISIBILITY_UNSPECIFIED) {
    GiveKudosRequest request;
    request.set_recipient_user_id(recipient);
    request.set_message("Great work on the Contoso deal");
    request.set_points(points);
    request.set_request_id(request_id);
    request.set_visibility(visibility);
    return engagement_->GiveKudos(TestServer::Context(token).get(), request, out);
  }

  std::vector<FeedEntry> Feed(const std::string& token) {
    ListFeedRequest request;
    request.set_page_size(100);
    ListFeedResponse response;
    grpc::Status status =
        engagement_->ListFeed(TestServer::Context(token).get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return {response.entries().begin(), response.entries().end()};
  }

  static std::vector<std::string> Headlines(const std::vector<FeedEntry>& entries) {
    std::vector<std::string> out;
    for (const FeedEntry& e : entries) out.push_back(e.headline());
    return out;
  }

  std::string Points(const std::string& token) {
    RecognitionSummary summary;
    EXPECT_TRUE(recognition_
                    ->GetRecognitionSummary(TestServer::Context(token).get(),
                                            GetRecognitionSummaryRequest(), &summary)
                    .ok());
    return summary.lifetime_points();
  }

  void SetBudget(int64_t partner_id, const char* monthly) {
    SetKudosBudgetRequest request;
    request.set_partner_id(partner_id);
    request.set_monthly_points(monthly);
    KudosBudget budget;
    grpc::Status status =
        engagement_->SetKudosBudget(TestServer::Context(admin_).get(), request, &budget);
    ASSERT_TRUE(status.ok()) << status.error_message();
  }

  std::unique_ptr<EngagementService::Stub> engagement_;
  std::string alpha_admin_, cm_;
};

TEST_F(EngagementRpcTest, KudosComeFromABudgetAndNeverToOneself) {
  cim::v1::Kudos kudos;
  // Partner reps and service accounts give no kudos; nobody gives them to themselves.
  EXPECT_THAT(Kudos(rep1_token_, rep2_.id(), "", &kudos),
              StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  const User alpha_admin =
      server_.CreateUser("admin2@alpha.example", ROLE_PARTNER_ADMIN, alpha_.id());
  const std::string admin2 = server_.Login("admin2@alpha.example");
  EXPECT_THAT(Kudos(admin2, alpha_admin.id(), "", &kudos),
              StatusIs(grpc::StatusCode::PERMISSION_DENIED, HasSubstr("yourself")));
  // Partner admins reach only their own partner's users.
  EXPECT_THAT(Kudos(alpha_admin_, bravo_rep_.id(), "", &kudos),
              StatusIs(grpc::StatusCode::NOT_FOUND));
  // Partner admins cannot give their partner a budget either.
  SetKudosBudgetRequest own_budget;
  own_budget.set_partner_id(alpha_.id());
  own_budget.set_monthly_points("1000000");
  KudosBudget budget;
  EXPECT_THAT(
      engagement_->SetKudosBudget(TestServer::Context(alpha_admin_).get(), own_budget, &budget),
      StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  // Without a budget: kudos without points only.
  EXPECT_THAT(Kudos(alpha_admin_, rep1_.id(), "10", &kudos),
              StatusIs(grpc::StatusCode::RESOURCE_EXHAUSTED));
  ASSERT_TRUE(Kudos(alpha_admin_, rep1_.id(), "", &kudos).ok());
  EXPECT_EQ(kudos.points(), "0");

  SetBudget(alpha_.id(), "100");
  ASSERT_TRUE(Kudos(alpha_admin_, rep1_.id(), "60", &kudos, "kudos-1").ok());
  EXPECT_EQ(kudos.points(), "60");
  EXPECT_EQ(kudos.recipient_partner_id(), alpha_.id());
  // A retry gives nothing twice.
  cim::v1::Kudos again;
  ASSERT_TRUE(Kudos(alpha_admin_, rep1_.id(), "60", &again, "kudos-1").ok());
  EXPECT_EQ(again.id(), kudos.id());
  EXPECT_THAT(Kudos(alpha_admin_, rep2_.id(), "60", &again, "kudos-1"),
              StatusIs(grpc::StatusCode::ALREADY_EXISTS));
  EXPECT_EQ(Points(rep1_token_), "60");
  EXPECT_THAT(Kudos(alpha_admin_, rep2_.id(), "50", &again),
              StatusIs(grpc::StatusCode::RESOURCE_EXHAUSTED, HasSubstr("40 points left")));
  ASSERT_TRUE(Kudos(alpha_admin_, rep2_.id(), "40", &again).ok());
  GetKudosBudgetRequest read;
  read.set_partner_id(alpha_.id());
  ASSERT_TRUE(
      engagement_->GetKudosBudget(TestServer::Context(alpha_admin_).get(), read, &budget).ok());
  EXPECT_EQ(budget.monthly_points(), "100");
  EXPECT_EQ(budget.spent_points(), "100");
  EXPECT_EQ(budget.remaining_points(), "0");
  read.set_partner_id(bravo_.id());
  EXPECT_THAT(engagement_->GetKudosBudget(TestServer::Context(alpha_admin_).get(), read, &budget),
              StatusIs(grpc::StatusCode::NOT_FOUND));

  // Vendor staff give from the vendor budget (partner 0) to any partner's users.
  SetBudget(0, "500");
  ASSERT_TRUE(Kudos(cm_, bravo_rep_.id(), "500", &kudos).ok());
  EXPECT_EQ(Points(bravo_token_), "500");
  // Bad input names the fields.
  GiveKudosRequest bad;
  bad.set_points("abc");
  EXPECT_THAT(engagement_->GiveKudos(TestServer::Context(cm_).get(), bad, &kudos),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("recipient_user_id")));
}

TEST_F(EngagementRpcTest, ConcurrentKudosNeverOverspendTheBudget) {
  SetBudget(alpha_.id(), "100");
  std::atomic<int> given{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      cim::v1::Kudos k;
      if (Kudos(alpha_admin_, i % 2 == 0 ? rep1_.id() : rep2_.id(), "30", &k).ok()) ++given;
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(given.load(), 3);  // 3 × 30 ≤ 100 < 4 × 30
}

TEST_F(EngagementRpcTest, FeedIsScopedAndFollowsRecognition) {
  SetLevelsRequest levels;
  for (auto [name, min] : {std::pair{"Bronze", "0"}, {"Silver", "150"}}) {
    Level* l = levels.add_levels();
    l->set_name(name);
    l->set_min_points(min);
  }
  ListLevelsResponse ladder;
  ASSERT_TRUE(recognition_->SetLevels(TestServer::Context(admin_).get(), levels, &ladder).ok());
  CreateBadge(
      "name: \"First deal\" criteria { event_count { event: RECOGNITION_EVENT_KIND_CLAIM_APPROVED"
      " count: 1 } }");
  // rep2 hides their name: their entries stay within Alpha.
  SetLeaderboardPrivacyRequest hide;
  hide.set_show_name(false);
  RecognitionSummary summary;
  ASSERT_TRUE(
      recognition_->SetLeaderboardPrivacy(TestServer::Context(rep2_token_).get(), hide, &summary)
          .ok());

  cim::v1::Kudos kudos;
  ASSERT_TRUE(Kudos(alpha_admin_, rep1_.id(), "", &kudos, "", FEED_VISIBILITY_PARTNER).ok());
  ASSERT_TRUE(Kudos(cm_, bravo_rep_.id(), "", &kudos).ok());
  Approve(rep1_token_, 2);  // 200 points: Silver
  Approve(rep2_token_, 1);

  const std::string rep1_badge = "Test rep1 earned the badge First deal";
  ASSERT_TRUE(Eventually([&] {
    const auto headlines = Headlines(Feed(rep1_token_));
    return std::count(headlines.begin(), headlines.end(), rep1_badge) == 1 &&
           std::count(headlines.begin(), headlines.end(),
                      "Test rep2 earned the badge First deal") == 1;
  })) << ::testing::PrintToString(Headlines(Feed(rep1_token_)));
  const std::vector<std::string> alpha_view = Headlines(Feed(rep1_token_));
  EXPECT_THAT(alpha_view, Contains("Test rep1 reached Silver level"));
  EXPECT_THAT(alpha_view, Contains("Test admin gave kudos to Test rep1"));
  EXPECT_THAT(alpha_view, Contains("Test cm gave kudos to Test rep"));
  // Bravo sees public recognition only: not Alpha's partner kudos, not hidden rep2's badge.
  const std::vector<std::string> bravo_view = Headlines(Feed(bravo_token_));
  EXPECT_THAT(bravo_view, Contains(rep1_badge));
  EXPECT_THAT(bravo_view, Contains("Test cm gave kudos to Test rep"));
  EXPECT_THAT(bravo_view, Not(Contains("Test admin gave kudos to Test rep1")));
  EXPECT_THAT(bravo_view, Not(Contains("Test rep2 earned the badge First deal")));
  for (const FeedEntry& e : Feed(bravo_token_)) {
    EXPECT_TRUE(e.visibility() == FEED_VISIBILITY_PUBLIC || e.partner_id() == bravo_.id());
  }

  // Once rep1 hides their name, other partners no longer see entries about them.
  hide.set_show_name(false);
  ASSERT_TRUE(
      recognition_->SetLeaderboardPrivacy(TestServer::Context(rep1_token_).get(), hide, &summary)
          .ok());
  EXPECT_THAT(Headlines(Feed(bravo_token_)), Not(Contains(rep1_badge)));
  EXPECT_THAT(Headlines(Feed(rep2_token_)), Contains(rep1_badge));

  // Spotlights are vendor staff's.
  PostSpotlightRequest post;
  post.set_headline("Partner of the month: Bravo Distribution");
  post.set_message("Record quarter in storage.");
  post.set_partner_id(bravo_.id());
  FeedEntry spotlight;
  EXPECT_THAT(engagement_->PostSpotlight(TestServer::Context(alpha_admin_).get(), post, &spotlight),
              StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  ASSERT_TRUE(engagement_->PostSpotlight(TestServer::Context(cm_).get(), post, &spotlight).ok());
  EXPECT_EQ(spotlight.kind(), FEED_ENTRY_KIND_SPOTLIGHT);
  EXPECT_EQ(spotlight.partner_name(), "Bravo Distribution");
  EXPECT_EQ(Feed(rep1_token_).front().headline(), "Partner of the month: Bravo Distribution");
  post.set_user_id(rep1_.id());
  EXPECT_THAT(engagement_->PostSpotlight(TestServer::Context(cm_).get(), post, &spotlight),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("user_id")));

  // Pages follow one another without repeats.
  ListFeedRequest page;
  page.set_page_size(2);
  ListFeedResponse first, second;
  ASSERT_TRUE(engagement_->ListFeed(TestServer::Context(rep1_token_).get(), page, &first).ok());
  ASSERT_EQ(first.entries_size(), 2);
  page.set_page_token(first.next_page_token());
  ASSERT_TRUE(engagement_->ListFeed(TestServer::Context(rep1_token_).get(), page, &second).ok());
  EXPECT_LT(second.entries(0).id(), first.entries(1).id());
}

TEST_F(EngagementRpcTest, ChallengesShowProgressAndRewardOnce) {
  const absl::Time now = server_.clock().Now();
  // A sale before the challenge exists but within its window counts too.
  Approve(rep1_token_, 1);
  ASSERT_TRUE(Eventually([&] {
    return server_.database().Count("SELECT COUNT(*) FROM outbox_events WHERE processed = 0") == 0;
  }));
  CreateChallengeRequest create;
  Challenge* c = create.mutable_challenge();
  c->set_title("Sell 3 storage units this month");
  SetTimestamp(now - absl::Hours(1), c->mutable_start_time());
  SetTimestamp(now + absl::Hours(24 * 20), c->mutable_end_time());
  c->mutable_goal()->set_kind(CHALLENGE_GOAL_KIND_PRODUCT_UNITS);
  c->mutable_goal()->set_target("3");
  c->mutable_goal()->set_sku("ST-200");
  c->set_reward_points("500");
  c->set_program_id(program_.id());
  Challenge challenge;
  EXPECT_THAT(
      engagement_->CreateChallenge(TestServer::Context(rep1_token_).get(), create, &challenge),
      StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  ASSERT_TRUE(
      engagement_->CreateChallenge(TestServer::Context(admin_).get(), create, &challenge).ok());
  const Badge badge =
      CreateBadge(absl::StrCat("name: \"Storage sprinter\" criteria { challenge_completed {"
                               " challenge_id: ",
                               challenge.id(), " } }")
                      .c_str());
  // One for distributors only: Alpha (a reseller) does not see it.
  c->set_title("Distributor drive");
  c->clear_program_id();
  c->mutable_audience()->add_partner_types(PARTNER_TYPE_DISTRIBUTOR);
  Challenge distributors;
  ASSERT_TRUE(
      engagement_->CreateChallenge(TestServer::Context(admin_).get(), create, &distributors).ok());
  c->mutable_goal()->set_target("0");
  EXPECT_THAT(
      engagement_->CreateChallenge(TestServer::Context(admin_).get(), create, &distributors),
      StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("challenge.goal.target")));

  const auto mine = [&](const std::string& token) {
    ListChallengesResponse response;
    EXPECT_TRUE(
        engagement_
            ->ListChallenges(TestServer::Context(token).get(), ListChallengesRequest(), &response)
            .ok());
    return std::vector<Challenge>(response.challenges().begin(), response.challenges().end());
  };
  ASSERT_EQ(mine(rep1_token_).size(), 1);
  EXPECT_EQ(mine(rep1_token_)[0].reward_badge_id(), badge.id());
  ASSERT_TRUE(Eventually([&] { return mine(rep1_token_)[0].progress().current() == "1"; }));
  EXPECT_EQ(mine(rep1_token_)[0].progress().text(), "1 of 3 units of ST-200");
  EXPECT_EQ(mine(bravo_token_).size(), 2);
  EXPECT_EQ(mine(admin_).size(), 2);

  Approve(rep1_token_, 1);
  ASSERT_TRUE(Eventually([&] { return mine(rep1_token_)[0].progress().current() == "2"; }));
  EXPECT_EQ(mine(rep1_token_)[0].progress().text(), "2 of 3 units of ST-200");
  EXPECT_EQ(mine(rep1_token_)[0].progress().percent(), 66);
  Approve(rep1_token_, 2);
  ASSERT_TRUE(Eventually([&] { return mine(rep1_token_)[0].progress().completed(); }));
  // 400 points from the claims and 500 from the challenge, once.
  ASSERT_TRUE(Eventually([&] { return Earned(Badges(rep1_token_)) == 1; }));
  Approve(rep1_token_, 1);
  ASSERT_TRUE(Eventually([&] { return mine(rep1_token_)[0].progress().current() == "5"; }));
  EXPECT_EQ(Points(rep1_token_), "1000");
  EXPECT_EQ(mine(admin_)[0].completions(), 1);
  EXPECT_THAT(Headlines(Feed(bravo_token_)),
              Contains("Test rep1 completed the challenge Sell 3 storage units this "
                       "month"));
  // rep2 made no progress.
  EXPECT_EQ(mine(rep2_token_)[0].progress().current(), "0");
}

TEST_F(EngagementRpcTest, SurveysTakeOneResponseEachAndReportNps) {
  const absl::Time now = server_.clock().Now();
  CreateSurveyRequest create;
  Survey* s = create.mutable_survey();
  s->set_title("Q1 partner pulse");
  s->set_question("How likely are you to recommend our partner program to a colleague?");
  s->set_comment_enabled(true);
  SetTimestamp(now - absl::Hours(1), s->mutable_open_time());
  SetTimestamp(now + absl::Hours(24 * 7), s->mutable_close_time());
  Survey survey;
  EXPECT_THAT(engagement_->CreateSurvey(TestServer::Context(rep1_token_).get(), create, &survey),
              StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  ASSERT_TRUE(engagement_->CreateSurvey(TestServer::Context(cm_).get(), create, &survey).ok());

  const auto respond = [&](const std::string& token, int64_t id, std::optional<int> score,
                           const char* comment = "") {
    RespondToSurveyRequest request;
    request.set_survey_id(id);
    if (score) request.set_score(*score);
    request.set_comment(comment);
    RespondToSurveyResponse response;
    return engagement_->RespondToSurvey(TestServer::Context(token).get(), request, &response);
  };
  EXPECT_THAT(respond(rep1_token_, survey.id(), std::nullopt),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("score")));
  EXPECT_THAT(respond(cm_, survey.id(), 9), StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_THAT(respond(rep1_token_, 0, 9),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("survey_id")));
  ASSERT_TRUE(respond(rep1_token_, survey.id(), 9, "Fast claim approvals").ok());
  EXPECT_THAT(respond(rep1_token_, survey.id(), 10), StatusIs(grpc::StatusCode::ALREADY_EXISTS));
  ASSERT_TRUE(respond(rep2_token_, survey.id(), 6, "Portal is slow on mobile").ok());
  ASSERT_TRUE(respond(bravo_token_, survey.id(), 10).ok());

  ListSurveysRequest open;
  open.set_open_only(true);
  ListSurveysResponse listed;
  ASSERT_TRUE(engagement_->ListSurveys(TestServer::Context(rep1_token_).get(), open, &listed).ok());
  EXPECT_EQ(listed.surveys_size(), 0) << "answered";
  ASSERT_TRUE(
      engagement_
          ->ListSurveys(TestServer::Context(rep1_token_).get(), ListSurveysRequest(), &listed)
          .ok());
  ASSERT_EQ(listed.surveys_size(), 1);
  EXPECT_TRUE(listed.surveys(0).responded());

  GetSurveyResultsRequest results_request;
  results_request.set_survey_id(survey.id());
  SurveyResults results;
  EXPECT_THAT(engagement_->GetSurveyResults(TestServer::Context(rep1_token_).get(), results_request,
                                            &results),
              StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  ASSERT_TRUE(
      engagement_->GetSurveyResults(TestServer::Context(cm_).get(), results_request, &results)
          .ok());
  EXPECT_EQ(results.overall().responses(), 3);
  EXPECT_EQ(results.overall().promoters(), 2);
  EXPECT_EQ(results.overall().detractors(), 1);
  EXPECT_EQ(results.overall().nps(), "33.3");
  ASSERT_EQ(results.by_partner_type_size(), 2);
  // In the enum's order: distributors, then resellers.
  EXPECT_EQ(results.by_partner_type(0).group(), "DISTRIBUTOR");
  EXPECT_EQ(results.by_partner_type(0).nps(), "100.0");
  EXPECT_EQ(results.by_partner_type(1).group(), "RESELLER");
  EXPECT_EQ(results.by_partner_type(1).responses(), 2);
  EXPECT_EQ(results.by_partner_type(1).nps(), "0.0");
  ASSERT_EQ(results.by_region_size(), 1);
  EXPECT_EQ(results.by_region(0).group(), "EMEA-NL");
  ASSERT_EQ(results.comments_size(), 2);
  EXPECT_EQ(results.comments(0).partner_name(), "Alpha Systems");

  // A survey for distributors is not Alpha's to answer; a closed one takes no responses.
  s->mutable_audience()->add_partner_types(PARTNER_TYPE_DISTRIBUTOR);
  Survey distributors;
  ASSERT_TRUE(
      engagement_->CreateSurvey(TestServer::Context(cm_).get(), create, &distributors).ok());
  EXPECT_THAT(respond(rep1_token_, distributors.id(), 8), StatusIs(grpc::StatusCode::NOT_FOUND));
  s->clear_audience();
  SetTimestamp(now - absl::Hours(48), s->mutable_open_time());
  SetTimestamp(now - absl::Hours(24), s->mutable_close_time());
  Survey closed;
  ASSERT_TRUE(engagement_->CreateSurvey(TestServer::Context(cm_).get(), create, &closed).ok());
  EXPECT_THAT(respond(rep1_token_, closed.id(), 8),
              StatusIs(grpc::StatusCode::FAILED_PRECONDITION));
  s->set_comment_enabled(false);
  SetTimestamp(now + absl::Hours(48), s->mutable_close_time());
  Survey no_comments;
  ASSERT_TRUE(engagement_->CreateSurvey(TestServer::Context(cm_).get(), create, &no_comments).ok());
  EXPECT_THAT(respond(rep1_token_, no_comments.id(), 8, "hi"),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("comment")));
}

TEST_F(EngagementRpcTest, ChallengesAreEditedAndArchivedAwayFromPartners) {
  const absl::Time now = server_.clock().Now();
  CreateChallengeRequest create;
  Challenge* c = create.mutable_challenge();
  c->set_title("First deal");
  SetTimestamp(now - absl::Hours(1), c->mutable_start_time());
  SetTimestamp(now + absl::Hours(24 * 20), c->mutable_end_time());
  c->mutable_goal()->set_kind(CHALLENGE_GOAL_KIND_APPROVED_CLAIMS);
  c->mutable_goal()->set_target("1");
  c->set_reward_points("100");
  Challenge challenge;
  ASSERT_TRUE(
      engagement_->CreateChallenge(TestServer::Context(admin_).get(), create, &challenge).ok());

  const auto update = [&](const std::string& token, const Challenge& in,
                          std::vector<std::string> paths, Challenge* out) {
    UpdateChallengeRequest request;
    *request.mutable_challenge() = in;
    for (const std::string& p : paths) request.mutable_update_mask()->add_paths(p);
    return engagement_->UpdateChallenge(TestServer::Context(token).get(), request, out);
  };
  const auto listed = [&](const std::string& token, bool include_archived) {
    ListChallengesRequest request;
    request.set_include_archived(include_archived);
    ListChallengesResponse response;
    EXPECT_TRUE(
        engagement_->ListChallenges(TestServer::Context(token).get(), request, &response).ok());
    return std::vector<Challenge>(response.challenges().begin(), response.challenges().end());
  };

  Challenge edit = challenge;
  edit.set_title("First deal of the month");
  Challenge edited;
  EXPECT_THAT(update(cm_, edit, {"title"}, &edited), StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_THAT(update(admin_, edit, {"create_time"}, &edited),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("create_time")));
  Challenge bad = edit;
  bad.mutable_goal()->set_target("-1");
  EXPECT_THAT(update(admin_, bad, {"goal", "title"}, &edited),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("challenge.goal.target")));
  ASSERT_TRUE(update(admin_, edit, {"title"}, &edited).ok());
  EXPECT_EQ(edited.title(), "First deal of the month");
  EXPECT_NE(edited.etag(), challenge.etag());
  EXPECT_THAT(update(admin_, edit, {"title"}, &edited), StatusIs(grpc::StatusCode::ABORTED));
  // Running: the goal is fixed.
  bad = edited;
  bad.mutable_goal()->set_target("2");
  EXPECT_THAT(update(admin_, bad, {"goal"}, &bad),
              StatusIs(grpc::StatusCode::FAILED_PRECONDITION, HasSubstr("goal")));

  // rep1 completes it; once archived, rep2's approval counts no more.
  Approve(rep1_token_, 1);
  ASSERT_TRUE(Eventually([&] {
    const std::vector<Challenge> mine = listed(rep1_token_, false);
    return mine.size() == 1 && mine[0].progress().completed();
  }));
  // 100 from the claim, 100 from the challenge.
  ASSERT_TRUE(Eventually([&] { return Points(rep1_token_) == "200"; }));
  edited.set_archived(true);
  Challenge archived;
  ASSERT_TRUE(update(admin_, edited, {"archived"}, &archived).ok());
  EXPECT_TRUE(archived.archived());
  EXPECT_EQ(archived.completions(), 1);
  EXPECT_TRUE(listed(rep1_token_, false).empty());
  EXPECT_TRUE(listed(rep2_token_, true).empty()) << "partners never see archived ones";
  EXPECT_TRUE(listed(cm_, false).empty());
  ASSERT_EQ(listed(cm_, true).size(), 1u);
  Approve(rep2_token_, 1);
  ASSERT_TRUE(Eventually([&] {
    return server_.database().Count("SELECT COUNT(*) FROM outbox_events WHERE processed = 0") == 0;
  }));
  ASSERT_TRUE(Eventually([&] { return Points(rep2_token_) == "100"; }));  // the claim's only
  EXPECT_EQ(Points(rep1_token_), "200");
  const std::vector<Challenge> vendor = listed(cm_, true);
  ASSERT_EQ(vendor.size(), 1u);
  EXPECT_EQ(vendor[0].completions(), 1);
  EXPECT_EQ(server_.database().Count(absl::StrCat(
                "SELECT COUNT(*) FROM challenge_progress WHERE challenge_id = ", challenge.id())),
            1);
}

TEST_F(EngagementRpcTest, PartnerAdminsReadTheirPartnersResultsAndArchivedSurveysTakeNoAnswers) {
  const absl::Time now = server_.clock().Now();
  CreateSurveyRequest create;
  Survey* s = create.mutable_survey();
  s->set_title("Pulse");
  s->set_question("How likely are you to recommend us?");
  s->set_comment_enabled(true);
  SetTimestamp(now - absl::Hours(1), s->mutable_open_time());
  SetTimestamp(now + absl::Hours(24 * 7), s->mutable_close_time());
  Survey survey;
  ASSERT_TRUE(engagement_->CreateSurvey(TestServer::Context(cm_).get(), create, &survey).ok());
  const auto respond = [&](const std::string& token, int score, const char* comment = "") {
    RespondToSurveyRequest request;
    request.set_survey_id(survey.id());
    request.set_score(score);
    request.set_comment(comment);
    RespondToSurveyResponse response;
    return engagement_->RespondToSurvey(TestServer::Context(token).get(), request, &response);
  };
  ASSERT_TRUE(respond(rep1_token_, 10, "Great").ok());
  ASSERT_TRUE(respond(rep2_token_, 8).ok());
  ASSERT_TRUE(respond(bravo_token_, 2, "Slow").ok());
  const std::string bravo_admin = server_.Login("admin@bravo.example");
  ASSERT_TRUE(respond(bravo_admin, 4).ok());

  const auto results = [&](const std::string& token, int64_t partner_id, SurveyResults* out) {
    GetSurveyResultsRequest request;
    request.set_survey_id(survey.id());
    request.set_partner_id(partner_id);
    return engagement_->GetSurveyResults(TestServer::Context(token).get(), request, out);
  };
  SurveyResults alpha;
  ASSERT_TRUE(results(alpha_admin_, 0, &alpha).ok());
  EXPECT_EQ(alpha.overall().responses(), 2);
  EXPECT_EQ(alpha.overall().promoters(), 1);
  EXPECT_EQ(alpha.overall().passives(), 1);
  ASSERT_EQ(alpha.comments_size(), 1);
  EXPECT_EQ(alpha.comments(0).partner_name(), "Alpha Systems");
  SurveyResults bravo;
  ASSERT_TRUE(results(bravo_admin, bravo_.id(), &bravo).ok());
  EXPECT_EQ(bravo.overall().responses(), 2);
  EXPECT_EQ(bravo.overall().detractors(), 2);
  EXPECT_THAT(results(alpha_admin_, bravo_.id(), &bravo), StatusIs(grpc::StatusCode::NOT_FOUND));
  EXPECT_THAT(results(rep1_token_, 0, &bravo), StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  SurveyResults all;
  ASSERT_TRUE(results(cm_, 0, &all).ok());
  EXPECT_EQ(all.overall().responses(), 4);
  ASSERT_TRUE(results(admin_, alpha_.id(), &all).ok());
  EXPECT_EQ(all.overall().responses(), 2);

  // Edits: bad input names the fields; the question is fixed now; archived, it takes no answers.
  UpdateSurveyRequest update;
  update.mutable_survey()->set_id(survey.id());
  update.mutable_survey()->set_title("");
  update.mutable_update_mask()->add_paths("title");
  Survey updated;
  EXPECT_THAT(engagement_->UpdateSurvey(TestServer::Context(cm_).get(), update, &updated),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("survey.title")));
  EXPECT_THAT(engagement_->UpdateSurvey(TestServer::Context(alpha_admin_).get(), update, &updated),
              StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  update.mutable_survey()->set_question("Another?");
  update.mutable_update_mask()->Clear();
  update.mutable_update_mask()->add_paths("question");
  EXPECT_THAT(engagement_->UpdateSurvey(TestServer::Context(cm_).get(), update, &updated),
              StatusIs(grpc::StatusCode::FAILED_PRECONDITION, HasSubstr("has a response")));
  update.mutable_survey()->set_archived(true);
  update.mutable_update_mask()->Clear();
  update.mutable_update_mask()->add_paths("archived");
  ASSERT_TRUE(engagement_->UpdateSurvey(TestServer::Context(cm_).get(), update, &updated).ok());
  EXPECT_TRUE(updated.archived());
  server_.CreateUser("rep3@alpha.example", ROLE_PARTNER_REP, alpha_.id());
  EXPECT_THAT(respond(server_.Login("rep3@alpha.example"), 9),
              StatusIs(grpc::StatusCode::FAILED_PRECONDITION, HasSubstr("archived")));
  ListSurveysResponse listed;
  ASSERT_TRUE(
      engagement_
          ->ListSurveys(TestServer::Context(rep1_token_).get(), ListSurveysRequest(), &listed)
          .ok());
  EXPECT_EQ(listed.surveys_size(), 0);
  ASSERT_TRUE(results(cm_, 0, &all).ok());
  EXPECT_EQ(all.overall().responses(), 4);
}

}  // namespace
}  // namespace cim
