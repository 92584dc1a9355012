// RecognitionService through a real gRPC channel against a real server and MariaDB: approvals
// flow through the outbox into points, levels, badges (once each, within seconds, also for
// badges created later) and leaderboards (ranking, leagues, privacy, reversals, period close
// and placement badges), and who may read and define what; badges and boards edited over the
// API, a path the RPC does not take refused with its field.
#include <google/protobuf/text_format.h>

#include <atomic>
#include <functional>
#include <thread>

#include "cim/v1/auth_service.grpc.pb.h"
#include "cim/v1/claim_service.grpc.pb.h"
#include "cim/v1/ledger_service.grpc.pb.h"
#include "cim/v1/program_service.grpc.pb.h"
#include "cim/v1/recognition_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/proto_time.h"
#include "tests/server/recognition/recognition_fixture.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/test_server.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::cim::testing::TestServer;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using namespace cim::v1;  // NOLINT: the API's message names read best unqualified here

using RecognitionRpcTest = RecognitionFixture;

TEST_F(RecognitionRpcTest, LevelsAndSummaryFollowPoints) {
  SetLevelsRequest ladder;
  for (auto [name, min] : {std::pair{"Bronze", "0"}, {"Silver", "500"}, {"Gold", "2000"}}) {
    Level* l = ladder.add_levels();
    l->set_name(name);
    l->set_min_points(min);
  }
  ListLevelsResponse levels;
  EXPECT_THAT(recognition_->SetLevels(TestServer::Context(rep1_token_).get(), ladder, &levels),
              StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  SetLevelsRequest bad = ladder;
  bad.mutable_levels(1)->set_min_points("0");
  EXPECT_THAT(recognition_->SetLevels(TestServer::Context(admin_).get(), bad, &levels),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("levels[1].min_points")));
  ASSERT_TRUE(recognition_->SetLevels(TestServer::Context(admin_).get(), ladder, &levels).ok());
  ASSERT_EQ(levels.levels_size(), 3);
  // By points, not by their text ("2000" sorts before "500").
  EXPECT_EQ(levels.levels(1).name(), "Silver");
  EXPECT_EQ(levels.levels(1).min_points(), "500");
  EXPECT_EQ(levels.levels(2).name(), "Gold");
  EXPECT_EQ(levels.levels(2).min_points(), "2000");

  Approve(rep1_token_, 3);  // 300 points
  Approve(rep2_token_, 4);  // 400 points
  RecognitionSummary summary;
  ASSERT_TRUE(recognition_
                  ->GetRecognitionSummary(TestServer::Context(rep1_token_).get(),
                                          GetRecognitionSummaryRequest(), &summary)
                  .ok());
  EXPECT_EQ(summary.user_id(), rep1_.id());
  EXPECT_EQ(summary.lifetime_points(), "300");
  EXPECT_EQ(summary.level().level().name(), "Bronze");
  EXPECT_EQ(summary.level().next_level().name(), "Silver");
  EXPECT_EQ(summary.level().points_to_next_level(), "200");
  EXPECT_EQ(summary.level().progress_percent(), 60);
  EXPECT_EQ(summary.partner_lifetime_points(), "700");
  EXPECT_EQ(summary.partner_level().level().name(), "Silver");
  EXPECT_EQ(summary.partner_level().progress_percent(), 13);  // 200 of 1500
  EXPECT_TRUE(summary.show_name_on_leaderboards());
}

TEST_F(RecognitionRpcTest, WhoMayReadWhoseRecognition) {
  GetRecognitionSummaryRequest request;
  RecognitionSummary summary;
  request.set_user_id(rep2_.id());
  EXPECT_THAT(recognition_->GetRecognitionSummary(TestServer::Context(rep1_token_).get(), request,
                                                  &summary),
              StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(
      recognition_
          ->GetRecognitionSummary(TestServer::Context(server_.Login("admin@alpha.example")).get(),
                                  request, &summary)
          .ok());
  EXPECT_THAT(
      recognition_->GetRecognitionSummary(
          TestServer::Context(server_.Login("admin@bravo.example")).get(), request, &summary),
      StatusIs(grpc::StatusCode::NOT_FOUND));
  ListUserBadgesRequest badges;
  badges.set_user_id(rep1_.id());
  ListUserBadgesResponse listed;
  EXPECT_THAT(
      recognition_->ListUserBadges(TestServer::Context(bravo_token_).get(), badges, &listed),
      StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_THAT(recognition_->ListUserBadges(
                  TestServer::Context(server_.Login("admin@bravo.example")).get(), badges, &listed),
              StatusIs(grpc::StatusCode::NOT_FOUND));
  EXPECT_TRUE(
      recognition_
          ->GetRecognitionSummary(TestServer::Context(server_.Login("cm@vendor.example")).get(),
                                  request, &summary)
          .ok());
  request.set_user_id(-1);
  EXPECT_THAT(
      recognition_->GetRecognitionSummary(TestServer::Context(admin_).get(), request, &summary),
      StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("user_id")));

  // Partners cannot define badges or boards (and so cannot award themselves).
  CreateBadgeRequest badge;
  badge.mutable_badge()->set_name("Self-made");
  badge.mutable_badge()->mutable_criteria()->mutable_event_count()->set_event(
      RECOGNITION_EVENT_KIND_CLAIM_APPROVED);
  badge.mutable_badge()->mutable_criteria()->mutable_event_count()->set_count(1);
  Badge created;
  EXPECT_THAT(recognition_->CreateBadge(
                  TestServer::Context(server_.Login("admin@alpha.example")).get(), badge, &created),
              StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  CreateLeaderboardRequest board;
  Leaderboard made;
  EXPECT_THAT(recognition_->CreateLeaderboard(TestServer::Context(rep1_token_).get(), board, &made),
              StatusIs(grpc::StatusCode::PERMISSION_DENIED));
}

TEST_F(RecognitionRpcTest, BadRequestsNameTheirFields) {
  CreateLeaderboardRequest board;
  board.mutable_leaderboard()->set_name("Sales");
  board.mutable_leaderboard()->set_metric(RECOGNITION_METRIC_SALES);
  board.mutable_leaderboard()->set_scope(LEADERBOARD_SCOPE_PARTNER);
  board.mutable_leaderboard()->set_period(LEADERBOARD_PERIOD_MONTH);
  Leaderboard made;
  EXPECT_THAT(recognition_->CreateLeaderboard(TestServer::Context(admin_).get(), board, &made),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("leaderboard.currency_code")));
  board.mutable_leaderboard()->set_currency_code("USD");
  board.mutable_leaderboard()->set_program_id(program_.id());
  EXPECT_THAT(recognition_->CreateLeaderboard(TestServer::Context(admin_).get(), board, &made),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("sales are in EUR")));
  board.mutable_leaderboard()->set_program_id(987654);
  EXPECT_THAT(recognition_->CreateLeaderboard(TestServer::Context(admin_).get(), board, &made),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("leaderboard.program_id")));

  const Leaderboard partner_board = CreateBoard(
      "name: \"Partners\" metric: RECOGNITION_METRIC_POINTS scope: LEADERBOARD_SCOPE_PARTNER"
      " period: LEADERBOARD_PERIOD_MONTH");
  CreateBadgeRequest badge;
  badge.mutable_badge()->set_name("Top partner");
  badge.mutable_badge()->mutable_criteria()->mutable_placement()->set_leaderboard_id(
      partner_board.id());
  badge.mutable_badge()->mutable_criteria()->mutable_placement()->set_top(3);
  Badge created;
  EXPECT_THAT(recognition_->CreateBadge(TestServer::Context(admin_).get(), badge, &created),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT,
                       HasSubstr("badge.criteria.placement.leaderboard_id")));
  badge.mutable_badge()->mutable_criteria()->mutable_placement()->set_top(0);
  EXPECT_THAT(
      recognition_->CreateBadge(TestServer::Context(admin_).get(), badge, &created),
      StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("badge.criteria.placement.top")));
  CreateBadge(
      "name: \"Closer\" criteria { event_count { event: RECOGNITION_EVENT_KIND_CLAIM_APPROVED"
      " count: 1 } }");
  badge.mutable_badge()->set_name("Closer");
  *badge.mutable_badge()->mutable_criteria() = BadgeCriteria();
  badge.mutable_badge()->mutable_criteria()->mutable_event_count()->set_event(
      RECOGNITION_EVENT_KIND_CLAIM_APPROVED);
  badge.mutable_badge()->mutable_criteria()->mutable_event_count()->set_count(2);
  EXPECT_THAT(recognition_->CreateBadge(TestServer::Context(admin_).get(), badge, &created),
              StatusIs(grpc::StatusCode::ALREADY_EXISTS));

  GetLeaderboardRequest get;
  GetLeaderboardResponse response;
  get.set_leaderboard_id(partner_board.id());
  get.set_top(101);
  get.set_period("2026-13-01");
  grpc::Status status =
      recognition_->GetLeaderboard(TestServer::Context(rep1_token_).get(), get, &response);
  EXPECT_THAT(status, StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("top")));
  EXPECT_THAT(status.error_message(), HasSubstr("period"));
  get = GetLeaderboardRequest();
  get.set_leaderboard_id(partner_board.id() + 100);
  EXPECT_THAT(recognition_->GetLeaderboard(TestServer::Context(rep1_token_).get(), get, &response),
              StatusIs(grpc::StatusCode::NOT_FOUND));
}

TEST_F(RecognitionRpcTest, BadgesAreAwardedOnceWithinSecondsWithProgress) {
  const Badge first = CreateBadge(
      "name: \"First deal\" description: \"Your first approved claim\""
      " image_url: \"/badges/first-deal.svg\""
      " criteria { event_count { event: RECOGNITION_EVENT_KIND_CLAIM_APPROVED count: 1 } }");
  const Badge three = CreateBadge(
      "name: \"Hat trick\" criteria { event_count {"
      " event: RECOGNITION_EVENT_KIND_CLAIM_APPROVED count: 3 } }");
  const Badge big_month = CreateBadge(
      "name: \"Big month\" criteria { period_sum { metric: RECOGNITION_METRIC_SALES"
      " currency_code: \"EUR\" period: PROGRAM_PERIOD_MONTH threshold: \"5000\" } }");
  std::vector<BadgeStatus> badges = Badges(rep1_token_);
  ASSERT_EQ(badges.size(), 3);
  EXPECT_EQ(Earned(badges), 0);
  EXPECT_EQ(badges[1].progress_text(), "0 of 3 approved claims");

  Approve(rep1_token_, 2);
  ASSERT_TRUE(Eventually([&] { return Earned(Badges(rep1_token_)) == 1; }));
  badges = Badges(rep1_token_);
  EXPECT_EQ(badges[0].badge().id(), first.id());
  EXPECT_TRUE(badges[0].earned());
  EXPECT_EQ(badges[0].badge().image_url(), "/badges/first-deal.svg");
  EXPECT_EQ(badges[1].badge().id(), three.id());
  EXPECT_EQ(badges[1].progress_text(), "1 of 3 approved claims");
  EXPECT_EQ(badges[1].progress_percent(), 33);
  EXPECT_EQ(badges[2].progress_text(), "€2,000 of €5,000 sales this month");

  Approve(rep1_token_, 1);
  Approve(rep1_token_, 3);
  ASSERT_TRUE(Eventually([&] { return Earned(Badges(rep1_token_)) == 3; }));
  RecognitionSummary summary;
  ASSERT_TRUE(recognition_
                  ->GetRecognitionSummary(TestServer::Context(rep1_token_).get(),
                                          GetRecognitionSummaryRequest(), &summary)
                  .ok());
  EXPECT_EQ(summary.badges_earned(), 3);
  // Others did not earn anything, and a badge created now reaches those who already qualify.
  EXPECT_EQ(Earned(Badges(rep2_token_)), 0);
  CreateBadge(
      "name: \"Six units\" criteria { period_sum { metric: RECOGNITION_METRIC_POINTS"
      " period: PROGRAM_PERIOD_YEAR threshold: \"600\" } }");
  ASSERT_TRUE(Eventually([&] { return Earned(Badges(rep1_token_)) == 4; }));
  EXPECT_EQ(Earned(Badges(rep2_token_)), 0);
  // Badges are awarded once, however often the outbox is processed.
  EXPECT_EQ(server_.database().Count("SELECT COUNT(*) FROM badge_awards"), 4);
  EXPECT_EQ(server_.database().Count("SELECT COUNT(*) FROM outbox_events WHERE processed = 0"), 0);
}

TEST_F(RecognitionRpcTest, LeaderboardsRankLeaguesAndPrivacy) {
  const Leaderboard people = CreateBoard(
      "name: \"Points this month\" metric: RECOGNITION_METRIC_POINTS"
      " scope: LEADERBOARD_SCOPE_INDIVIDUAL period: LEADERBOARD_PERIOD_MONTH");
  const Leaderboard partners = CreateBoard(
      absl::StrCat(
          "name: \"Storage sales\" metric: RECOGNITION_METRIC_SALES currency_code: \"EUR\""
          " scope: LEADERBOARD_SCOPE_PARTNER period: LEADERBOARD_PERIOD_QUARTER program_id: ",
          program_.id())
          .c_str());
  ListLeaderboardsResponse listed;
  ListLeaderboardsRequest list;
  list.set_program_id(program_.id());
  ASSERT_TRUE(
      recognition_->ListLeaderboards(TestServer::Context(rep1_token_).get(), list, &listed).ok());
  ASSERT_EQ(listed.leaderboards_size(), 1);
  EXPECT_EQ(listed.leaderboards(0).id(), partners.id());

  Approve(rep1_token_, 2);
  Approve(bravo_token_, 3);
  const int64_t big = Approve(rep2_token_, 5);
  ASSERT_TRUE(EventuallyOnEveryReplica(server_.replicas().size(), [&] {
    return Board(rep1_token_, people.id()).participants() == 3;
  }));
  GetLeaderboardResponse board = Board(rep1_token_, people.id());
  EXPECT_EQ(board.period_start(), "2026-03-01");
  EXPECT_EQ(board.period_end(), "2026-03-31");
  EXPECT_THAT(Names(board.top()), ElementsAre("Test rep2=500", "Test rep=300", "Test rep1=200"));
  EXPECT_EQ(board.top(1).partner_name(), "Bravo Distribution");
  EXPECT_EQ(board.caller().rank(), 3);
  EXPECT_TRUE(board.caller().is_caller());
  EXPECT_EQ(board.caller().participant_id(), rep1_.id());
  EXPECT_THAT(Names(board.around()), ElementsAre("Test rep2=500", "Test rep=300", "Test rep1=200"));

  // A league of distributors; and vendor staff have no row of their own.
  board = Board(server_.Login("cm@vendor.example"), people.id(),
                [](GetLeaderboardRequest& r) { r.set_partner_type(PARTNER_TYPE_DISTRIBUTOR); });
  EXPECT_EQ(board.participants(), 1);
  EXPECT_THAT(Names(board.top()), ElementsAre("Test rep=300"));
  EXPECT_FALSE(board.has_caller());

  // Partner board: Alpha's 7,000 EUR against Bravo's 3,000.
  board = Board(bravo_token_, partners.id());
  EXPECT_THAT(Names(board.top()),
              ElementsAre("Alpha Systems=7000.00", "Bravo Distribution=3000.00"));
  EXPECT_EQ(board.caller().participant_id(), bravo_.id());
  EXPECT_EQ(board.period_start(), "2026-01-01");

  // rep2 hides their name from others.
  SetLeaderboardPrivacyRequest hide;
  hide.set_show_name(false);
  RecognitionSummary summary;
  ASSERT_TRUE(
      recognition_->SetLeaderboardPrivacy(TestServer::Context(rep2_token_).get(), hide, &summary)
          .ok());
  EXPECT_FALSE(summary.show_name_on_leaderboards());
  // The server that took the change shows it at once; other replicas (the cluster run) within
  // the time their cached names live.
  if (server_.replicas().size() > 1) server_.clock().Advance(kNameTtl);
  board = Board(rep1_token_, people.id());
  EXPECT_EQ(board.top(0).display_name(), "Anonymous participant");
  EXPECT_EQ(board.top(0).partner_name(), "");
  board = Board(rep2_token_, people.id());
  EXPECT_EQ(board.top(0).display_name(), "Test rep2");

  // A board created now counts the history; all-time boards have no period.
  const Leaderboard ever = CreateBoard(
      "name: \"All-time points\" metric: RECOGNITION_METRIC_POINTS"
      " scope: LEADERBOARD_SCOPE_INDIVIDUAL period: LEADERBOARD_PERIOD_ALL_TIME");
  // Every replica follows the scores on its own: wait for the one that answers.
  ASSERT_TRUE(EventuallyOnEveryReplica(server_.replicas().size(), [&] {
    board = Board(rep1_token_, ever.id());
    return board.participants() == 3;
  }));
  EXPECT_THAT(Names(board.top()),
              ElementsAre("Anonymous participant=500", "Test rep=300", "Test rep1=200"));
  EXPECT_EQ(board.top(0).participant_id(), 0);
  EXPECT_EQ(board.period_start(), "");

  // Reversing rep2's points takes them off the boards.
  ListLedgerEntriesRequest entries;
  entries.set_claim_id(big);
  entries.set_account(LEDGER_ACCOUNT_POINTS);
  entries.set_partner_id(alpha_.id());
  ListLedgerEntriesResponse found;
  ASSERT_TRUE(ledger_->ListLedgerEntries(TestServer::Context(admin_).get(), entries, &found).ok());
  ASSERT_EQ(found.entries_size(), 1);
  ReverseLedgerEntryRequest reverse;
  reverse.set_entry_id(found.entries(0).id());
  reverse.set_reason("Invoice cancelled");
  LedgerEntry reversal;
  ASSERT_TRUE(
      ledger_
          ->ReverseLedgerEntry(TestServer::Context(server_.Login("fin@vendor.example")).get(),
                               reverse, &reversal)
          .ok());
  ASSERT_TRUE(EventuallyOnEveryReplica(server_.replicas().size(), [&] {
    return Board(rep1_token_, people.id()).top(0).score() == "300";
  }));
  board = Board(rep1_token_, people.id());
  EXPECT_THAT(Names(board.top()),
              ElementsAre("Test rep=300", "Test rep1=200", "Anonymous participant=0"));
  EXPECT_EQ(board.caller().rank(), 2);
}

TEST_F(RecognitionRpcTest, ReplicasOnOneDatabaseRankAlike) {
  const std::unique_ptr<ServerApp> replica = StartReplica();
  ASSERT_NE(replica, nullptr);
  auto other = RecognitionService::NewStub(ChannelTo(*replica));
  const Leaderboard people = CreateBoard(
      "name: \"Points this week\" metric: RECOGNITION_METRIC_POINTS"
      " scope: LEADERBOARD_SCOPE_INDIVIDUAL period: LEADERBOARD_PERIOD_WEEK");
  const auto ranking = [&](RecognitionService::Stub& stub) {
    GetLeaderboardRequest request;
    request.set_leaderboard_id(people.id());
    GetLeaderboardResponse response;
    grpc::Status status =
        stub.GetLeaderboard(TestServer::Context(rep1_token_).get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return Names(response.top());
  };
  // Both servers have the (empty) week loaded before the approvals arrive.
  EXPECT_TRUE(ranking(*recognition_).empty());
  EXPECT_TRUE(ranking(*other).empty());
  Approve(rep1_token_, 2);
  Approve(bravo_token_, 3);
  Approve(rep2_token_, 1);
  Approve(rep1_token_, 2);
  const std::vector<std::string> expected = {"Test rep1=400", "Test rep=300", "Test rep2=100"};
  EXPECT_TRUE(Eventually([&] { return ranking(*recognition_) == expected; }));
  EXPECT_TRUE(Eventually([&] { return ranking(*other) == expected; }));
  // Every event was applied once, whichever server processed it.
  EXPECT_EQ(server_.database().Count("SELECT COUNT(*) FROM outbox_events WHERE processed = 1"), 4);
  EXPECT_EQ(server_.database().Count("SELECT CAST(SUM(score) AS SIGNED) FROM leaderboard_scores"),
            800);
}

TEST_F(RecognitionRpcTest, PartnersDoNotSeeBoardsOfProgramsHiddenFromThem) {
  CreateProgramRequest draft;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(kProgram, draft.mutable_program()));
  draft.mutable_program()->set_name("Unannounced");
  Program hidden;
  ASSERT_TRUE(programs_->CreateProgram(TestServer::Context(admin_).get(), draft, &hidden).ok());
  const Leaderboard board = CreateBoard(
      absl::StrCat(
          "name: \"Secret race\" metric: RECOGNITION_METRIC_POINTS scope: LEADERBOARD_SCOPE_PARTNER"
          " period: LEADERBOARD_PERIOD_MONTH program_id: ",
          hidden.id())
          .c_str());
  ListLeaderboardsResponse listed;
  ASSERT_TRUE(recognition_
                  ->ListLeaderboards(TestServer::Context(rep1_token_).get(),
                                     ListLeaderboardsRequest(), &listed)
                  .ok());
  EXPECT_EQ(listed.leaderboards_size(), 0);
  GetLeaderboardRequest get;
  get.set_leaderboard_id(board.id());
  GetLeaderboardResponse response;
  EXPECT_THAT(recognition_->GetLeaderboard(TestServer::Context(rep1_token_).get(), get, &response),
              StatusIs(grpc::StatusCode::NOT_FOUND));
  EXPECT_TRUE(recognition_->GetLeaderboard(TestServer::Context(admin_).get(), get, &response).ok());
  ASSERT_TRUE(
      recognition_
          ->ListLeaderboards(TestServer::Context(admin_).get(), ListLeaderboardsRequest(), &listed)
          .ok());
  EXPECT_EQ(listed.leaderboards_size(), 1);
}

TEST_F(RecognitionRpcTest, BadgesAndBoardsAreEditedThroughTheApi) {
  const Badge badge = CreateBadge(
      R"pb(name: "Closer"
           criteria { event_count { event: RECOGNITION_EVENT_KIND_CLAIM_APPROVED count: 5 } })pb");
  UpdateBadgeRequest criteria;
  criteria.mutable_badge()->set_id(badge.id());
  criteria.mutable_update_mask()->add_paths("criteria");
  Badge updated;
  EXPECT_THAT(
      recognition_->UpdateBadge(TestServer::Context(admin_).get(), criteria, &updated),
      StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("'criteria' cannot be updated")));
  UpdateBadgeRequest archive;
  archive.mutable_badge()->set_id(badge.id());
  archive.mutable_badge()->set_etag(badge.etag());
  archive.mutable_badge()->set_archived(true);
  archive.mutable_update_mask()->add_paths("archived");
  EXPECT_THAT(recognition_->UpdateBadge(TestServer::Context(rep1_token_).get(), archive, &updated),
              StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  ASSERT_TRUE(recognition_->UpdateBadge(TestServer::Context(admin_).get(), archive, &updated).ok());
  EXPECT_TRUE(updated.archived());
  EXPECT_NE(updated.etag(), badge.etag());
  // Again with the etag read before: someone changed it since.
  EXPECT_THAT(recognition_->UpdateBadge(TestServer::Context(admin_).get(), archive, &updated),
              StatusIs(grpc::StatusCode::ABORTED));
  ListBadgesResponse badges;
  ASSERT_TRUE(
      recognition_->ListBadges(TestServer::Context(rep1_token_).get(), ListBadgesRequest(), &badges)
          .ok());
  EXPECT_EQ(badges.badges_size(), 0);

  const Leaderboard board = CreateBoard(
      "name: \"Race\" metric: RECOGNITION_METRIC_POINTS scope: LEADERBOARD_SCOPE_PARTNER"
      " period: LEADERBOARD_PERIOD_MONTH");
  UpdateLeaderboardRequest metric;
  metric.mutable_leaderboard()->set_id(board.id());
  metric.mutable_update_mask()->add_paths("metric");
  Leaderboard changed;
  EXPECT_THAT(
      recognition_->UpdateLeaderboard(TestServer::Context(admin_).get(), metric, &changed),
      StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("'metric' cannot be updated")));
  UpdateLeaderboardRequest hide;
  hide.mutable_leaderboard()->set_id(board.id());
  hide.mutable_leaderboard()->set_archived(true);
  hide.mutable_update_mask()->add_paths("archived");
  ASSERT_TRUE(
      recognition_->UpdateLeaderboard(TestServer::Context(admin_).get(), hide, &changed).ok());
  GetLeaderboardRequest get;
  get.set_leaderboard_id(board.id());
  GetLeaderboardResponse response;
  EXPECT_THAT(recognition_->GetLeaderboard(TestServer::Context(rep1_token_).get(), get, &response),
              StatusIs(grpc::StatusCode::NOT_FOUND));
}

TEST_F(RecognitionRpcTest, ClosedPeriodsAwardPlacementBadges) {
  const Leaderboard people = CreateBoard(
      "name: \"Monthly points\" metric: RECOGNITION_METRIC_POINTS"
      " scope: LEADERBOARD_SCOPE_INDIVIDUAL period: LEADERBOARD_PERIOD_MONTH");
  const Badge podium = CreateBadge(
      absl::StrCat("name: \"Podium\" criteria { placement { leaderboard_id: ", people.id(),
                   " top: 2 } }")
          .c_str());
  Approve(rep1_token_, 1);
  Approve(rep2_token_, 4);
  Approve(bravo_token_, 2);
  ASSERT_TRUE(EventuallyOnEveryReplica(server_.replicas().size(), [&] {
    return Board(rep1_token_, people.id()).participants() == 3;
  }));
  std::vector<BadgeStatus> badges = Badges(rep2_token_);
  EXPECT_EQ(badges[0].progress_text(), "Finish a period in the top 2");
  EXPECT_EQ(Earned(badges), 0);

  // March ends: its top two earn the badge. (Sessions expire meanwhile: sign in again.)
  server_.clock().Advance(absl::Hours(24 * 31));
  rep1_token_ = server_.Login("rep1@alpha.example");
  rep2_token_ = server_.Login("rep2@alpha.example");
  bravo_token_ = server_.Login("rep@bravo.example");
  ASSERT_TRUE(Eventually([&] { return Earned(Badges(rep2_token_)) == 1; }));
  EXPECT_EQ(Earned(Badges(bravo_token_)), 1);
  badges = Badges(rep1_token_);
  EXPECT_EQ(Earned(badges), 0);
  EXPECT_EQ(badges[0].progress_text(), "Best finish #3 (top 2 needed)");
  EXPECT_EQ(badges[0].badge().id(), podium.id());
  // The closed month still reads as it ended; April starts empty.
  GetLeaderboardResponse march =
      Board(rep1_token_, people.id(), [](GetLeaderboardRequest& r) { r.set_period("2026-03-15"); });
  EXPECT_EQ(march.participants(), 3);
  EXPECT_EQ(Board(rep1_token_, people.id()).participants(), 0);
}

TrainingModule Module(const std::string& text) {
  TrainingModule m;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &m)) << text;
  return m;
}

// Program admins edit a module through the API by field mask and etag; what completions earned
// stays; an archived module is hidden from partners and refuses completions.
TEST_F(RecognitionRpcTest, TrainingModulesAreEditedAndArchived) {
  CreateTrainingModuleRequest create;
  *create.mutable_training_module() =
      Module("title: \"Selling storage\" duration_minutes: 30 points: \"20\"");
  TrainingModule module;
  ASSERT_TRUE(
      recognition_->CreateTrainingModule(TestServer::Context(admin_).get(), create, &module).ok());
  EXPECT_EQ(module.etag(), "1");
  CompleteTrainingRequest complete;
  complete.set_module_id(module.id());
  TrainingCompletion done;
  ASSERT_TRUE(
      recognition_->CompleteTraining(TestServer::Context(rep1_token_).get(), complete, &done).ok());
  EXPECT_EQ(done.points_awarded(), "20");

  UpdateTrainingModuleRequest edit;
  edit.mutable_training_module()->set_id(module.id());
  edit.mutable_training_module()->set_points("40");
  edit.mutable_training_module()->set_etag("1");
  edit.mutable_update_mask()->add_paths("points");
  TrainingModule edited;
  EXPECT_THAT(
      recognition_->UpdateTrainingModule(TestServer::Context(rep1_token_).get(), edit, &edited),
      StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  // The certification a module grants is not among the paths an update takes.
  edit.mutable_update_mask()->add_paths("certification_code");
  EXPECT_THAT(recognition_->UpdateTrainingModule(TestServer::Context(admin_).get(), edit, &edited),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("update_mask")));
  edit.mutable_update_mask()->clear_paths();
  edit.mutable_update_mask()->add_paths("points");
  ASSERT_TRUE(
      recognition_->UpdateTrainingModule(TestServer::Context(admin_).get(), edit, &edited).ok());
  EXPECT_EQ(edited.points(), "40");
  EXPECT_EQ(edited.etag(), "2");
  EXPECT_EQ(edited.title(), "Selling storage");
  // The same etag again: someone (this admin) changed it since.
  EXPECT_THAT(recognition_->UpdateTrainingModule(TestServer::Context(admin_).get(), edit, &edited),
              StatusIs(grpc::StatusCode::ABORTED, HasSubstr("changed by someone else")));

  // rep2's first completion earns the new points; rep1 keeps the 20 earned before.
  ASSERT_TRUE(
      recognition_->CompleteTraining(TestServer::Context(rep2_token_).get(), complete, &done).ok());
  EXPECT_EQ(done.points_awarded(), "40");
  RecognitionSummary summary;
  ASSERT_TRUE(recognition_
                  ->GetRecognitionSummary(TestServer::Context(rep1_token_).get(),
                                          GetRecognitionSummaryRequest(), &summary)
                  .ok());
  EXPECT_EQ(summary.lifetime_points(), "20");

  // Archived: partners no longer see it or complete it; the admin lists it on request.
  edit.mutable_training_module()->set_archived(true);
  edit.mutable_training_module()->set_etag("2");
  edit.mutable_update_mask()->clear_paths();
  edit.mutable_update_mask()->add_paths("archived");
  ASSERT_TRUE(
      recognition_->UpdateTrainingModule(TestServer::Context(admin_).get(), edit, &edited).ok());
  EXPECT_TRUE(edited.archived());
  EXPECT_EQ(edited.points(), "40");
  ListTrainingModulesRequest list;
  list.set_include_archived(true);
  ListTrainingModulesResponse listed;
  ASSERT_TRUE(
      recognition_->ListTrainingModules(TestServer::Context(rep1_token_).get(), list, &listed)
          .ok());
  EXPECT_EQ(listed.training_modules_size(), 0);
  ASSERT_TRUE(
      recognition_->ListTrainingModules(TestServer::Context(admin_).get(), list, &listed).ok());
  ASSERT_EQ(listed.training_modules_size(), 1);
  EXPECT_TRUE(listed.training_modules(0).archived());
  ASSERT_TRUE(recognition_
                  ->ListTrainingModules(TestServer::Context(admin_).get(),
                                        ListTrainingModulesRequest(), &listed)
                  .ok());
  EXPECT_EQ(listed.training_modules_size(), 0);
  EXPECT_THAT(
      recognition_->CompleteTraining(TestServer::Context(bravo_token_).get(), complete, &done),
      StatusIs(grpc::StatusCode::FAILED_PRECONDITION,
               HasSubstr("this training module is archived")));
  EXPECT_EQ(server_.database().Count("SELECT COUNT(*) FROM training_completions"), 2);
}

TEST_F(RecognitionRpcTest, TrainingValidationAndWhoRecordsIt) {
  CreateTrainingModuleRequest create;
  *create.mutable_training_module() = Module(
      "title: \"Storage fundamentals\" duration_minutes: 45 points: \"50\""
      " certification_code: \"storage-expert\" pass_mark: 80");
  TrainingModule module;
  EXPECT_THAT(
      recognition_->CreateTrainingModule(TestServer::Context(rep1_token_).get(), create, &module),
      StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  grpc::Status status =
      recognition_->CreateTrainingModule(TestServer::Context(admin_).get(), create, &module);
  EXPECT_THAT(status, StatusIs(grpc::StatusCode::INVALID_ARGUMENT,
                               HasSubstr("training_module.certification_valid_months")));
  create.mutable_training_module()->set_certification_valid_months(24);
  create.mutable_training_module()->set_points("12.5");
  create.mutable_training_module()->set_pass_mark(101);
  status = recognition_->CreateTrainingModule(TestServer::Context(admin_).get(), create, &module);
  EXPECT_THAT(status,
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("training_module.points")));
  EXPECT_THAT(status.error_message(), HasSubstr("training_module.pass_mark"));
  create.mutable_training_module()->set_points("50");
  create.mutable_training_module()->set_pass_mark(80);
  ASSERT_TRUE(
      recognition_->CreateTrainingModule(TestServer::Context(admin_).get(), create, &module).ok());
  EXPECT_THAT(
      recognition_->CreateTrainingModule(TestServer::Context(admin_).get(), create, &module),
      StatusIs(grpc::StatusCode::ALREADY_EXISTS));
  CreateBadgeRequest badge;
  badge.mutable_badge()->set_name("Orphan");
  badge.mutable_badge()->mutable_criteria()->mutable_module_completed()->set_module_id(module.id() +
                                                                                       100);
  Badge made;
  EXPECT_THAT(recognition_->CreateBadge(TestServer::Context(admin_).get(), badge, &made),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT,
                       HasSubstr("badge.criteria.module_completed.module_id")));

  CompleteTrainingRequest complete;
  complete.set_module_id(module.id());
  complete.set_quiz_score(90);
  TrainingCompletion done;
  // Users do not report their own scores: the server grades portal quizzes.
  EXPECT_THAT(
      recognition_->CompleteTraining(TestServer::Context(rep1_token_).get(), complete, &done),
      StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("quiz_score")));
  complete.set_quiz_score(0);
  // A certification is the LMS's to grant.
  EXPECT_THAT(
      recognition_->CompleteTraining(TestServer::Context(rep1_token_).get(), complete, &done),
      StatusIs(grpc::StatusCode::FAILED_PRECONDITION, HasSubstr("recorded by the LMS")));
  // Nobody records training for someone else but an LMS.
  complete.set_user_id(rep2_.id());
  EXPECT_THAT(
      recognition_->CompleteTraining(TestServer::Context(rep1_token_).get(), complete, &done),
      StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_THAT(recognition_->CompleteTraining(
                  TestServer::Context(server_.Login("admin@alpha.example")).get(), complete, &done),
              StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  EXPECT_THAT(recognition_->CompleteTraining(TestServer::Context(admin_).get(), complete, &done),
              StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  complete.set_user_id(0);
  complete.set_external_completion_id("lms-1");
  EXPECT_THAT(
      recognition_->CompleteTraining(TestServer::Context(rep1_token_).get(), complete, &done),
      StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("external_completion_id")));
  complete.set_module_id(module.id() + 100);
  complete.clear_external_completion_id();
  EXPECT_THAT(
      recognition_->CompleteTraining(TestServer::Context(rep1_token_).get(), complete, &done),
      StatusIs(grpc::StatusCode::NOT_FOUND));
  EXPECT_EQ(server_.database().Count("SELECT COUNT(*) FROM training_completions"), 0);
}

TEST_F(RecognitionRpcTest, TrainingEarnsPointsBadgesAndCertificationsThatGateEnrollment) {
  const std::string lms = LmsKey();
  const Badge expert = CreateBadge(
      "name: \"Storage expert\" criteria { certification { certification_code:"
      " \"storage-expert\" } }");
  const Badge graduate = CreateBadge(
      "name: \"Graduate\" criteria { event_count {"
      " event: RECOGNITION_EVENT_KIND_TRAINING_COMPLETED count: 1 } }");
  CreateBadge(
      "name: \"Scholar\" criteria { event_count {"
      " event: RECOGNITION_EVENT_KIND_TRAINING_COMPLETED count: 100 } }");
  CreateTrainingModuleRequest create;
  *create.mutable_training_module() = Module(
      "title: \"Storage fundamentals\" duration_minutes: 45 points: \"50\""
      " certification_code: \"storage-expert\" certification_valid_months: 24"
      " pass_mark: 80");
  TrainingModule module;
  ASSERT_TRUE(
      recognition_->CreateTrainingModule(TestServer::Context(admin_).get(), create, &module).ok());
  const Badge module_badge = CreateBadge(
      absl::StrCat("name: \"Storage class of 2026\" criteria { module_completed { module_id: ",
                   module.id(), " } }")
          .c_str());

  // A program open only to partners with a storage expert.
  CreateProgramRequest gated;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(kProgram, gated.mutable_program()));
  gated.mutable_program()->set_name("Experts only");
  gated.mutable_program()->mutable_eligibility()->add_required_certifications("storage-expert");
  Program experts;
  ASSERT_TRUE(programs_->CreateProgram(TestServer::Context(admin_).get(), gated, &experts).ok());
  ChangeProgramStatusRequest activate;
  activate.set_program_id(experts.id());
  ASSERT_TRUE(
      programs_->ActivateProgram(TestServer::Context(admin_).get(), activate, &experts).ok());
  const auto eligible = [&] {
    CheckEligibilityRequest check;
    check.set_program_id(experts.id());
    check.set_partner_id(alpha_.id());
    CheckEligibilityResponse response;
    EXPECT_TRUE(
        programs_->CheckEligibility(TestServer::Context(admin_).get(), check, &response).ok());
    return response.eligible();
  };
  EXPECT_FALSE(eligible());

  CompleteTrainingRequest complete;
  complete.set_module_id(module.id());
  complete.set_quiz_score(85);
  complete.set_user_id(rep1_.id());
  complete.set_external_completion_id("lms-storage-1");
  TrainingCompletion done;
  ASSERT_TRUE(recognition_->CompleteTraining(TestServer::Context(lms).get(), complete, &done).ok());
  EXPECT_TRUE(done.first_completion());
  EXPECT_EQ(done.points_awarded(), "50");
  EXPECT_EQ(done.user_id(), rep1_.id());
  EXPECT_EQ(done.partner_id(), alpha_.id());
  EXPECT_EQ(done.certification().certification_code(), "storage-expert");
  EXPECT_EQ(absl::FormatTime("%Y-%m-%d", FromTimestamp(done.certification().expire_time()),
                             absl::UTCTimeZone()),
            "2028-03-02");
  // The certification opens the program to rep1's partner.
  EXPECT_TRUE(eligible());

  // Points reach the summary; the badges follow within seconds.
  RecognitionSummary summary;
  ASSERT_TRUE(recognition_
                  ->GetRecognitionSummary(TestServer::Context(rep1_token_).get(),
                                          GetRecognitionSummaryRequest(), &summary)
                  .ok());
  EXPECT_EQ(summary.lifetime_points(), "50");
  ASSERT_TRUE(Eventually([&] { return Earned(Badges(rep1_token_)) == 3; }));
  for (const BadgeStatus& b : Badges(rep1_token_)) {
    EXPECT_EQ(b.earned(), b.badge().id() == expert.id() || b.badge().id() == graduate.id() ||
                              b.badge().id() == module_badge.id())
        << b.badge().name();
  }
  ListLedgerEntriesRequest entries;
  entries.set_user_id(rep1_.id());
  entries.set_partner_id(alpha_.id());
  ListLedgerEntriesResponse found;
  ASSERT_TRUE(ledger_->ListLedgerEntries(TestServer::Context(admin_).get(), entries, &found).ok());
  ASSERT_EQ(found.entries_size(), 1);
  EXPECT_EQ(found.entries(0).basis(),
            absl::StrCat("Training completed: Storage fundamentals (module ", module.id(),
                         ", completion ", done.id(), ")"));

  // Completing again 300 days later renews the certification, without points.
  server_.clock().Advance(absl::Hours(24 * 300));
  rep1_token_ = server_.Login("rep1@alpha.example");
  rep2_token_ = server_.Login("rep2@alpha.example");
  admin_ = server_.Login("pa@vendor.example");
  complete.set_external_completion_id("lms-storage-2");
  ASSERT_TRUE(recognition_->CompleteTraining(TestServer::Context(lms).get(), complete, &done).ok());
  EXPECT_FALSE(done.first_completion());
  EXPECT_EQ(done.points_awarded(), "0");
  EXPECT_EQ(absl::FormatTime("%Y-%m-%d", FromTimestamp(done.certification().expire_time()),
                             absl::UTCTimeZone()),
            "2028-12-27");
  // A shorter refresher of the same certification does not cut it short.
  *create.mutable_training_module() = Module(
      "title: \"Storage refresher\" duration_minutes: 15"
      " certification_code: \"storage-expert\" certification_valid_months: 6");
  TrainingModule refresher;
  ASSERT_TRUE(
      recognition_->CreateTrainingModule(TestServer::Context(admin_).get(), create, &refresher)
          .ok());
  complete.set_module_id(refresher.id());
  complete.set_quiz_score(0);
  complete.set_external_completion_id("lms-refresh-1");
  ASSERT_TRUE(recognition_->CompleteTraining(TestServer::Context(lms).get(), complete, &done).ok());
  EXPECT_EQ(absl::FormatTime("%Y-%m-%d", FromTimestamp(done.certification().expire_time()),
                             absl::UTCTimeZone()),
            "2028-12-27");
  EXPECT_EQ(done.certification().module_id(), module.id());

  // Certifications: a rep sees their own; an admin their partner's; none of another partner.
  ListCertificationsRequest list;
  ListCertificationsResponse certs;
  ASSERT_TRUE(
      recognition_->ListCertifications(TestServer::Context(rep1_token_).get(), list, &certs).ok());
  ASSERT_EQ(certs.certifications_size(), 1);
  EXPECT_EQ(certs.certifications(0).user_display_name(), "Test rep1");
  list.set_user_id(rep1_.id());
  EXPECT_THAT(
      recognition_->ListCertifications(TestServer::Context(rep2_token_).get(), list, &certs),
      StatusIs(grpc::StatusCode::PERMISSION_DENIED));
  const std::string bravo_admin = server_.Login("admin@bravo.example");
  ASSERT_TRUE(
      recognition_->ListCertifications(TestServer::Context(bravo_admin).get(), list, &certs).ok());
  EXPECT_EQ(certs.certifications_size(), 0);
  list.set_partner_id(alpha_.id());
  EXPECT_THAT(
      recognition_->ListCertifications(TestServer::Context(bravo_admin).get(), list, &certs),
      StatusIs(grpc::StatusCode::NOT_FOUND, HasSubstr("not found")));
  // Expiring soon: not within 60 days, but within 800.
  list.clear_user_id();
  list.clear_partner_id();
  list.set_expiring_within_days(60);
  ASSERT_TRUE(
      recognition_->ListCertifications(TestServer::Context(admin_).get(), list, &certs).ok());
  EXPECT_EQ(certs.certifications_size(), 0);
  list.set_expiring_within_days(800);
  ASSERT_TRUE(
      recognition_->ListCertifications(TestServer::Context(admin_).get(), list, &certs).ok());
  EXPECT_EQ(certs.certifications_size(), 1);

  // Once it expires, the program closes again and the certification leaves the list.
  server_.clock().Advance(absl::Hours(24 * 800));
  admin_ = server_.Login("pa@vendor.example");
  EXPECT_FALSE(eligible());
  ASSERT_TRUE(recognition_
                  ->ListCertifications(TestServer::Context(admin_).get(),
                                       ListCertificationsRequest(), &certs)
                  .ok());
  EXPECT_EQ(certs.certifications_size(), 0);
}

TEST_F(RecognitionRpcTest, PortalQuizzesAreGradedByTheServerWithoutRevealingAnswers) {
  CreateTrainingModuleRequest create;
  *create.mutable_training_module() = Module(
      "title: \"Wi-Fi basics\" duration_minutes: 20 points: \"25\""
      " quiz_questions { prompt: \"Furthest band?\" options: \"2.4 GHz\" options: \"5 GHz\""
      "   correct_options: 0 }"
      " quiz_questions { prompt: \"Which separate traffic?\" options: \"VLANs\""
      "   options: \"Hubs\" options: \"ACLs\" correct_options: 0 correct_options: 2 }");
  TrainingModule module;
  EXPECT_THAT(
      recognition_->CreateTrainingModule(TestServer::Context(admin_).get(), create, &module),
      StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("training_module.pass_mark")));
  create.mutable_training_module()->set_pass_mark(100);
  ASSERT_TRUE(
      recognition_->CreateTrainingModule(TestServer::Context(admin_).get(), create, &module).ok());
  ASSERT_EQ(module.quiz_questions_size(), 2);
  EXPECT_THAT(module.quiz_questions(1).correct_options(), ElementsAre(0, 2));

  // The admin sees the answers; a partner rep sees the questions only.
  const auto listed = [&](const std::string& token) {
    ListTrainingModulesResponse response;
    EXPECT_TRUE(recognition_
                    ->ListTrainingModules(TestServer::Context(token).get(),
                                          ListTrainingModulesRequest(), &response)
                    .ok());
    EXPECT_EQ(response.training_modules_size(), 1);
    return response.training_modules_size() == 1 ? response.training_modules(0) : TrainingModule();
  };
  EXPECT_THAT(listed(admin_).quiz_questions(1).correct_options(), ElementsAre(0, 2));
  const TrainingModule seen = listed(rep1_token_);
  ASSERT_EQ(seen.quiz_questions_size(), 2);
  EXPECT_EQ(seen.quiz_questions(1).options(2), "ACLs");
  EXPECT_TRUE(seen.quiz_questions(1).correct_options().empty());
  EXPECT_FALSE(seen.has_my_last_completion_time());

  CompleteTrainingRequest complete;
  complete.set_module_id(module.id());
  TrainingCompletion done;
  const auto answer = [&](std::vector<std::vector<int>> answers) {
    complete.clear_quiz_answers();
    for (const auto& selected : answers) {
      complete.add_quiz_answers()->mutable_selected_options()->Add(selected.begin(),
                                                                   selected.end());
    }
    return recognition_->CompleteTraining(TestServer::Context(rep1_token_).get(), complete, &done);
  };
  EXPECT_THAT(answer({{0}}), StatusIs(grpc::StatusCode::INVALID_ARGUMENT,
                                      HasSubstr("one answer per question (2)")));
  EXPECT_THAT(answer({{0}, {0, 3}}), StatusIs(grpc::StatusCode::INVALID_ARGUMENT,
                                              HasSubstr("quiz_answers[1].selected_options")));
  EXPECT_THAT(answer({{0}, {}}), StatusIs(grpc::StatusCode::INVALID_ARGUMENT,
                                          HasSubstr("quiz_answers[1].selected_options")));
  // Half of a multiple-answer question is wrong: 1 of 2 right.
  EXPECT_THAT(answer({{0}, {0}}),
              StatusIs(grpc::StatusCode::FAILED_PRECONDITION,
                       HasSubstr("a quiz score of 50% is below the pass mark of 100%")));
  EXPECT_EQ(server_.database().Count("SELECT COUNT(*) FROM training_completions"), 0);
  ASSERT_TRUE(answer({{0}, {2, 0}}).ok());
  EXPECT_EQ(done.quiz_score(), 100);
  EXPECT_EQ(done.points_awarded(), "25");
  EXPECT_EQ(FromTimestamp(listed(rep1_token_).my_last_completion_time()),
            FromTimestamp(done.complete_time()));
  EXPECT_FALSE(listed(rep2_token_).has_my_last_completion_time());

  // An LMS reports a score; answers are for the portal's users.
  complete.set_user_id(rep2_.id());
  complete.set_external_completion_id("lms-quiz-1");
  EXPECT_THAT(recognition_->CompleteTraining(TestServer::Context(LmsKey()).get(), complete, &done),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("quiz_answers")));

  // A pass mark without questions: the quiz is the LMS's, and so is the completion.
  *create.mutable_training_module() =
      Module("title: \"LMS quiz\" duration_minutes: 20 pass_mark: 70");
  ASSERT_TRUE(
      recognition_->CreateTrainingModule(TestServer::Context(admin_).get(), create, &module).ok());
  CompleteTrainingRequest lms_only;
  lms_only.set_module_id(module.id());
  EXPECT_THAT(
      recognition_->CompleteTraining(TestServer::Context(rep1_token_).get(), lms_only, &done),
      StatusIs(grpc::StatusCode::FAILED_PRECONDITION, HasSubstr("taken in the LMS")));
}

TEST_F(RecognitionRpcTest, QuizAttemptsAreLimitedSoAnswersCannotBeFoundByTrying) {
  CreateTrainingModuleRequest create;
  *create.mutable_training_module() = Module(
      "title: \"Wi-Fi basics\" duration_minutes: 20 points: \"25\" pass_mark: 100"
      " quiz_questions { prompt: \"Furthest band?\" options: \"2.4 GHz\" options: \"5 GHz\""
      "   options: \"6 GHz\" correct_options: 0 }");
  TrainingModule module;
  ASSERT_TRUE(
      recognition_->CreateTrainingModule(TestServer::Context(admin_).get(), create, &module).ok());
  const auto attempt = [&](int option) {
    CompleteTrainingRequest complete;
    complete.set_module_id(module.id());
    complete.add_quiz_answers()->add_selected_options(option);
    TrainingCompletion done;
    return recognition_->CompleteTraining(TestServer::Context(rep1_token_).get(), complete, &done);
  };
  EXPECT_THAT(attempt(1), StatusIs(grpc::StatusCode::FAILED_PRECONDITION));
  server_.clock().Advance(absl::Hours(1));
  EXPECT_THAT(attempt(2), StatusIs(grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_THAT(attempt(1), StatusIs(grpc::StatusCode::FAILED_PRECONDITION));
  // Three failures within a day: even the right answer waits until the first one is a day old.
  const grpc::Status blocked = attempt(0);
  EXPECT_THAT(blocked,
              StatusIs(grpc::StatusCode::RESOURCE_EXHAUSTED, HasSubstr("try again after")));
  EXPECT_EQ(server_.database().Count("SELECT COUNT(*) FROM training_completions"), 0);
  EXPECT_EQ(server_.database().Count("SELECT COUNT(*) FROM training_quiz_failures"), 3);
  // Another user is not held back.
  CompleteTrainingRequest other;
  other.set_module_id(module.id());
  other.add_quiz_answers()->add_selected_options(0);
  TrainingCompletion done;
  EXPECT_TRUE(
      recognition_->CompleteTraining(TestServer::Context(rep2_token_).get(), other, &done).ok());
  server_.clock().Advance(absl::Hours(23));
  rep1_token_ = server_.Login("rep1@alpha.example");
  EXPECT_TRUE(attempt(0).ok());
}

TEST_F(RecognitionRpcTest, AnLmsRecordsCompletionsIdempotently) {
  const std::string lms = LmsKey();
  CreateTrainingModuleRequest create;
  *create.mutable_training_module() =
      Module("title: \"Networking essentials\" duration_minutes: 30 points: \"30\"");
  TrainingModule module;
  ASSERT_TRUE(
      recognition_->CreateTrainingModule(TestServer::Context(admin_).get(), create, &module).ok());

  CompleteTrainingRequest complete;
  complete.set_module_id(module.id());
  TrainingCompletion done;
  EXPECT_THAT(recognition_->CompleteTraining(TestServer::Context(lms).get(), complete, &done),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("user_id")));
  complete.set_user_id(
      server_.database().Count("SELECT id FROM users WHERE email = 'pa@vendor.example'"));
  complete.set_external_completion_id("LMS-2026-0000");
  EXPECT_THAT(recognition_->CompleteTraining(TestServer::Context(lms).get(), complete, &done),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("active partner user")));
  complete.set_user_id(bravo_rep_.id());
  complete.set_external_completion_id("LMS-2026-0001");
  ASSERT_TRUE(recognition_->CompleteTraining(TestServer::Context(lms).get(), complete, &done).ok());
  EXPECT_EQ(done.partner_id(), bravo_.id());
  EXPECT_EQ(done.points_awarded(), "30");
  TrainingCompletion again;
  ASSERT_TRUE(
      recognition_->CompleteTraining(TestServer::Context(lms).get(), complete, &again).ok());
  EXPECT_EQ(again.id(), done.id());
  EXPECT_EQ(again.points_awarded(), "30");
  complete.set_user_id(rep1_.id());
  EXPECT_THAT(recognition_->CompleteTraining(TestServer::Context(lms).get(), complete, &again),
              StatusIs(grpc::StatusCode::ALREADY_EXISTS, HasSubstr("LMS-2026-0001")));
  // Ids that differ only in case are different completions.
  complete.set_external_completion_id("lms-2026-0001");
  ASSERT_TRUE(
      recognition_->CompleteTraining(TestServer::Context(lms).get(), complete, &again).ok());
  EXPECT_NE(again.id(), done.id());
  EXPECT_EQ(again.points_awarded(), "30");

  // The same user's first completion sent many times at once, with different ids: points once.
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      CompleteTrainingRequest request = complete;
      request.set_user_id(rep2_.id());
      request.set_external_completion_id(absl::StrCat("burst-", i));
      TrainingCompletion result;
      if (recognition_->CompleteTraining(TestServer::Context(lms).get(), request, &result).ok()) {
        ++ok;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(ok.load(), 8);
  EXPECT_EQ(
      server_.database().Count(absl::StrCat(
          "SELECT COUNT(*) FROM ledger_entries WHERE account = 2 AND user_id = ", rep2_.id())),
      1);
  EXPECT_EQ(server_.database().Count(absl::StrCat(
                "SELECT COUNT(*) FROM outbox_events WHERE kind = 3 AND user_id = ", rep2_.id())),
            1);
  EXPECT_EQ(server_.database().Count(
                "SELECT CAST(SUM(amount) AS SIGNED) FROM ledger_entries WHERE account = 2"),
            90);
}

// Reads updates from `reader` until `done` holds for one (returned) or the stream ends.
template <typename Update>
std::optional<Update> ReadUntil(grpc::ClientReaderInterface<Update>& reader,
                                const std::function<bool(const Update&)>& done,
                                std::vector<Update>* seen = nullptr) {
  Update update;
  while (reader.Read(&update)) {
    if (seen != nullptr) seen->push_back(update);
    if (done(update)) return update;
  }
  return std::nullopt;
}

TEST_F(RecognitionRpcTest, ProgressStreamsFollowChangesMadeOnAnotherServer) {
  SetLevelsRequest ladder;
  for (auto [name, min] : {std::pair{"Bronze", "0"}, {"Silver", "150"}}) {
    Level* l = ladder.add_levels();
    l->set_name(name);
    l->set_min_points(min);
  }
  ListLevelsResponse levels;
  ASSERT_TRUE(recognition_->SetLevels(TestServer::Context(admin_).get(), ladder, &levels).ok());
  const Badge first_deal = CreateBadge(
      "name: \"First deal\" criteria { event_count { event: RECOGNITION_EVENT_KIND_CLAIM_APPROVED"
      " count: 1 } }");
  const Leaderboard board = CreateBoard(
      "name: \"Points this month\" metric: RECOGNITION_METRIC_POINTS"
      " scope: LEADERBOARD_SCOPE_INDIVIDUAL period: LEADERBOARD_PERIOD_MONTH");
  Approve(rep2_token_, 3);  // rep2 leads with 300

  // rep1 watches through a replica; the approval happens on the first server.
  const std::unique_ptr<ServerApp> replica = StartReplica();
  ASSERT_NE(replica, nullptr);
  auto other = RecognitionService::NewStub(ChannelTo(*replica));
  auto context = TestServer::Context(rep1_token_);
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  WatchProgressRequest watch;
  watch.add_leaderboard_ids(board.id());
  auto reader = other->WatchProgress(context.get(), watch);
  ProgressUpdate first;
  ASSERT_TRUE(reader->Read(&first));
  EXPECT_EQ(first.summary().lifetime_points(), "0");
  EXPECT_EQ(first.summary().level().level().name(), "Bronze");
  ASSERT_EQ(first.ranks_size(), 1);
  EXPECT_EQ(first.ranks(0).rank(), 0);
  EXPECT_FALSE(first.level_up());

  Approve(rep1_token_, 4);  // 400 points: Silver, first deal, rank 1
  std::vector<ProgressUpdate> seen;
  const std::optional<ProgressUpdate> settled = ReadUntil<ProgressUpdate>(
      *reader,
      [](const ProgressUpdate& u) {
        return u.summary().lifetime_points() == "400" && u.summary().badges_earned() == 1 &&
               u.ranks(0).rank() == 1;
      },
      &seen);
  ASSERT_TRUE(settled.has_value());
  EXPECT_EQ(settled->summary().level().level().name(), "Silver");
  EXPECT_EQ(settled->ranks(0).score(), "400");
  EXPECT_EQ(settled->ranks(0).participants(), 2);
  bool leveled = false, badged = false;
  int64_t previous_rank = -1;
  for (const ProgressUpdate& u : seen) {
    leveled |= u.level_up();
    for (const BadgeStatus& b : u.new_badges()) badged |= b.badge().id() == first_deal.id();
    if (u.ranks(0).rank() == 1 && previous_rank < 0) previous_rank = u.ranks(0).previous_rank();
  }
  EXPECT_TRUE(leveled);
  EXPECT_TRUE(badged);
  EXPECT_EQ(previous_rank, 0) << "rank 1 reached from off the board";
  context->TryCancel();
}

TEST_F(RecognitionRpcTest, BoardStreamsPushTopRowChanges) {
  const Leaderboard board = CreateBoard(
      "name: \"Points this month\" metric: RECOGNITION_METRIC_POINTS"
      " scope: LEADERBOARD_SCOPE_INDIVIDUAL period: LEADERBOARD_PERIOD_MONTH");
  auto context = TestServer::Context(bravo_token_);
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  GetLeaderboardRequest watch;
  watch.set_leaderboard_id(board.id());
  watch.set_top(3);
  auto reader = recognition_->WatchLeaderboard(context.get(), watch);
  GetLeaderboardResponse first;
  ASSERT_TRUE(reader->Read(&first));
  EXPECT_EQ(first.participants(), 0);
  Approve(rep1_token_, 1);
  std::optional<GetLeaderboardResponse> next = ReadUntil<GetLeaderboardResponse>(
      *reader, [](const GetLeaderboardResponse& r) { return r.top_size() == 1; });
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(next->top(0).display_name(), "Test rep1");
  EXPECT_EQ(next->top(0).score(), "100");
  Approve(bravo_token_, 2);
  next = ReadUntil<GetLeaderboardResponse>(
      *reader, [](const GetLeaderboardResponse& r) { return r.top_size() == 2; });
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(next->top(0).display_name(), "Test rep");
  EXPECT_TRUE(next->top(0).is_caller());
  context->TryCancel();
}

TEST_F(RecognitionRpcTest, StreamsRejectBadRequests) {
  WatchProgressRequest watch;
  watch.add_leaderboard_ids(-1);
  auto context = TestServer::Context(rep1_token_);
  auto reader = recognition_->WatchProgress(context.get(), watch);
  ProgressUpdate update;
  EXPECT_FALSE(reader->Read(&update));
  EXPECT_THAT(reader->Finish(),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("leaderboard_ids[0]")));
  watch.set_leaderboard_ids(0, 999);
  context = TestServer::Context(rep1_token_);
  reader = recognition_->WatchProgress(context.get(), watch);
  EXPECT_FALSE(reader->Read(&update));
  EXPECT_THAT(reader->Finish(), StatusIs(grpc::StatusCode::NOT_FOUND));
  GetLeaderboardRequest board;
  board.set_leaderboard_id(1);
  board.set_top(500);
  context = TestServer::Context(rep1_token_);
  auto board_reader = recognition_->WatchLeaderboard(context.get(), board);
  GetLeaderboardResponse response;
  EXPECT_FALSE(board_reader->Read(&response));
  EXPECT_THAT(board_reader->Finish(),
              StatusIs(grpc::StatusCode::INVALID_ARGUMENT, HasSubstr("top")));
  context = TestServer::Context(LmsKey());
  reader = recognition_->WatchProgress(context.get(), WatchProgressRequest());
  EXPECT_FALSE(reader->Read(&update));
  EXPECT_THAT(reader->Finish(), StatusIs(grpc::StatusCode::PERMISSION_DENIED));
}

}  // namespace
}  // namespace cim
