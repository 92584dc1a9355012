// Recognition on the real stores (MariaDB, the leaderboard index, an injected clock): only
// program admins set levels, badges and boards, each validated with field violations (unknown,
// partner or all-time boards, unknown modules and challenges named by a badge; a taken badge
// name ALREADY_EXISTS); summaries and badge lists of one's own, a partner's (admins) or anyone's
// (vendor staff), another partner's user NOT_FOUND; a user's badges earned first, then locked
// with their progress; boards of draft programs hidden from partners; board rows ranked with
// names, a hidden name shown as anonymous to everyone but its owner, filtered by league and
// period; the streams emitting a first update and then only changes; badges and boards edited
// and archived by program admins only (criteria and what a board counts never change; a stale
// etag ABORTED), archived badges kept by who earned them but no longer shown locked, archived
// boards hidden from partners and shown to vendor staff who ask.
#include "server/recognition/recognition.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/clock.h"
#include "lib/proto_time.h"
#include "server/identity/mysql_partner_repository.h"
#include "server/identity/mysql_user_repository.h"
#include "server/program/mysql_product_repository.h"
#include "server/program/mysql_program_repository.h"
#include "server/training/mysql_certification_registry.h"
#include "server/training/mysql_training_repository.h"
#include "tests/server/recognition/recognition_store_fixture.h"
#include "tests/testing/phrase_matchers.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::InEnglish;

using ::cim::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Property;

constexpr char kRepsBoard[] =
    R"pb(name: "Reps"
         metric: RECOGNITION_METRIC_POINTS
         scope: LEADERBOARD_SCOPE_INDIVIDUAL
         period: LEADERBOARD_PERIOD_MONTH)pb";

class RecognitionTest : public RecognitionStoreTest {
 protected:
  cim::v1::Badge CreateBadge(const std::string& text) {
    cim::v1::CreateBadgeRequest request;
    *request.mutable_badge() = Parse<cim::v1::Badge>(text);
    absl::StatusOr<cim::v1::Badge> badge = recognition_domain_.CreateBadge(Admin(), request);
    EXPECT_TRUE(badge.ok()) << badge.status();
    return badge.value_or(cim::v1::Badge());
  }
  absl::StatusOr<cim::v1::Badge> TryBadge(const std::string& text) {
    cim::v1::CreateBadgeRequest request;
    *request.mutable_badge() = Parse<cim::v1::Badge>(text);
    return recognition_domain_.CreateBadge(Admin(), request);
  }
  absl::StatusOr<cim::v1::Leaderboard> TryBoard(const std::string& text,
                                                const Principal& caller = Admin()) {
    cim::v1::CreateLeaderboardRequest request;
    *request.mutable_leaderboard() = Parse<cim::v1::Leaderboard>(text);
    return recognition_domain_.CreateLeaderboard(caller, request);
  }
  // A program stored with `status` (EUR).
  int64_t StoreProgram(cim::v1::ProgramStatus status) {
    cim::v1::Program p = Parse<cim::v1::Program>(
        R"pb(name: "Storage points"
             currency_code: "EUR"
             budget: "1000"
             start_date: "2026-01-01"
             end_date: "2026-12-31"
             period: PROGRAM_PERIOD_MONTH
             terms: "Terms"
             terms_version: 1
             rules_version: 1)pb");
    p.set_status(status);
    absl::StatusOr<cim::v1::Program> stored = programs_.Create(p, kVera, T0());
    EXPECT_TRUE(stored.ok()) << stored.status();
    return stored.ok() ? stored->id() : 0;
  }
  void Process(absl::Time now = T0()) {
    absl::StatusOr<OutboxRun> run = recognition_.ProcessOutbox(rules_, 100, now);
    ASSERT_TRUE(run.ok()) << run.status();
    ASSERT_TRUE(index_.CatchUp().ok());
  }
  absl::StatusOr<cim::v1::GetLeaderboardResponse> Board(
      const Principal& caller, int64_t id,
      const std::function<void(cim::v1::GetLeaderboardRequest&)>& edit = {}) {
    cim::v1::GetLeaderboardRequest request;
    request.set_leaderboard_id(id);
    if (edit) edit(request);
    return recognition_domain_.GetLeaderboard(caller, request);
  }
  static std::vector<std::string> Rows(
      const google::protobuf::RepeatedPtrField<cim::v1::LeaderboardRow>& rows) {
    std::vector<std::string> out;
    for (const cim::v1::LeaderboardRow& r : rows) {
      out.push_back(absl::StrCat(r.rank(), " ", r.participant_id(), " ", r.display_name(), " (",
                                 r.partner_name(), ") ", r.score(), r.is_caller() ? " me" : ""));
    }
    return out;
  }

  FakeClock clock_{T0()};
  MysqlUserRepository users_{database_.db()};
  MysqlPartnerRepository partners_{database_.db()};
  MysqlProductRepository products_{database_.db()};
  MysqlProgramRepository programs_{database_.db()};
  MysqlCertificationRegistry certifications_{database_.db(), clock_};
  MysqlTrainingRepository training_{database_.db()};
  ProgramDirectory directory_{programs_, products_, partners_, certifications_, clock_};
  LeaderboardIndex index_{recognition_};
  Recognition recognition_domain_{recognition_, index_, users_, directory_, training_, clock_};
};

TEST_F(RecognitionTest, ProgramAdminsSetTheLevelLadder) {
  cim::v1::SetLevelsRequest request = Parse<cim::v1::SetLevelsRequest>(
      R"pb(levels { name: "Gold" min_points: "1000" }
           levels { name: "Bronze" min_points: "0" }
           levels { name: "Silver" min_points: "100" })pb");
  EXPECT_THAT(recognition_domain_.SetLevels(Manager(), request),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(recognition_domain_.SetLevels(
                  Admin(), Parse<cim::v1::SetLevelsRequest>(
                               R"pb(levels { name: "Silver" min_points: "100" })pb")),
              StatusIs(absl::StatusCode::kInvalidArgument));  // no level starts at 0
  EXPECT_EQ(Count("SELECT COUNT(*) FROM levels"), 0);

  absl::StatusOr<cim::v1::ListLevelsResponse> set = recognition_domain_.SetLevels(Admin(), request);
  ASSERT_TRUE(set.ok()) << set.status();
  EXPECT_THAT(set->levels(), ElementsAre(Property(&cim::v1::Level::name, "Bronze"),
                                         Property(&cim::v1::Level::name, "Silver"),
                                         Property(&cim::v1::Level::name, "Gold")));
  EXPECT_EQ(set->levels(2).rank(), 3);
  // Anyone reads it.
  absl::StatusOr<cim::v1::ListLevelsResponse> read = recognition_domain_.ListLevels(Bea());
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->SerializeAsString(), set->SerializeAsString());
}

TEST_F(RecognitionTest, SummariesAreOfOnesOwnOrWithinThePartner) {
  ASSERT_TRUE(recognition_domain_
                  .SetLevels(Admin(), Parse<cim::v1::SetLevelsRequest>(
                                          R"pb(levels { name: "Bronze" min_points: "0" }
                                               levels { name: "Silver" min_points: "100" }
                                               levels { name: "Gold" min_points: "1000" })pb"))
                  .ok());
  Post(kAlpha, kRob, "250");
  Post(kAlpha, kAnn, "800");
  Post(kBravo, kBea, "5");

  absl::StatusOr<cim::v1::RecognitionSummary> rob =
      recognition_domain_.Summary(Rob(), cim::v1::GetRecognitionSummaryRequest());
  ASSERT_TRUE(rob.ok()) << rob.status();
  EXPECT_EQ(rob->user_id(), kRob);
  EXPECT_EQ(rob->partner_id(), kAlpha);
  EXPECT_EQ(rob->lifetime_points(), "250");
  EXPECT_EQ(rob->level().level().name(), "Silver");
  EXPECT_EQ(rob->level().next_level().name(), "Gold");
  EXPECT_EQ(rob->level().points_to_next_level(), "750");
  EXPECT_EQ(rob->partner_lifetime_points(), "1050");
  EXPECT_EQ(rob->partner_level().level().name(), "Gold");
  EXPECT_EQ(rob->badges_earned(), 0);
  EXPECT_TRUE(rob->show_name_on_leaderboards());

  cim::v1::GetRecognitionSummaryRequest of_ann;
  of_ann.set_user_id(kAnn);
  EXPECT_THAT(recognition_domain_.Summary(Rob(), of_ann),
              StatusIs(absl::StatusCode::kPermissionDenied));
  // A partner admin reads their partner's users; another partner's is unknown to them.
  cim::v1::GetRecognitionSummaryRequest of_rob;
  of_rob.set_user_id(kRob);
  EXPECT_THAT(
      recognition_domain_.Summary(Ann(), of_rob),
      testing::IsOkAndHolds(Property(&cim::v1::RecognitionSummary::lifetime_points, "250")));
  cim::v1::GetRecognitionSummaryRequest of_bea;
  of_bea.set_user_id(kBea);
  EXPECT_THAT(recognition_domain_.Summary(Ann(), of_bea),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("user 5 not found")));
  EXPECT_THAT(recognition_domain_.Summary(Manager(), of_bea),
              testing::IsOkAndHolds(Property(&cim::v1::RecognitionSummary::lifetime_points, "5")));
  cim::v1::GetRecognitionSummaryRequest unknown;
  unknown.set_user_id(999);
  EXPECT_THAT(recognition_domain_.Summary(Manager(), unknown),
              StatusIs(absl::StatusCode::kNotFound));
  cim::v1::GetRecognitionSummaryRequest negative;
  negative.set_user_id(-1);
  EXPECT_THAT(recognition_domain_.Summary(Manager(), negative),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("user_id")));

  // Privacy is one's own choice, shown in the summary; service accounts have none.
  cim::v1::SetLeaderboardPrivacyRequest hide;
  hide.set_show_name(false);
  EXPECT_THAT(
      recognition_domain_.SetLeaderboardPrivacy(As(kVera, cim::v1::ROLE_SERVICE_ACCOUNT), hide),
      StatusIs(absl::StatusCode::kPermissionDenied));
  absl::StatusOr<cim::v1::RecognitionSummary> hidden =
      recognition_domain_.SetLeaderboardPrivacy(Rob(), hide);
  ASSERT_TRUE(hidden.ok()) << hidden.status();
  EXPECT_EQ(hidden->user_id(), kRob);
  EXPECT_FALSE(hidden->show_name_on_leaderboards());
  EXPECT_EQ(Count("SELECT hide_name FROM recognition_preferences WHERE user_id = 3"), 1);
}

TEST_F(RecognitionTest, BadgesAreValidatedAgainstWhatTheyName) {
  cim::v1::CreateBadgeRequest request;
  *request.mutable_badge() = Parse<cim::v1::Badge>(R"pb(name: "Any")pb");
  EXPECT_THAT(recognition_domain_.CreateBadge(Manager(), request),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(TryBadge(R"pb(name: "" image_url: "http://insecure/x.png")pb"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       ::testing::AllOf(HasSubstr("badge.name"), HasSubstr("badge.image_url"))));

  const int64_t partner_board = TryBoard(R"pb(name: "Partners"
                                              metric: RECOGNITION_METRIC_POINTS
                                              scope: LEADERBOARD_SCOPE_PARTNER
                                              period: LEADERBOARD_PERIOD_MONTH)pb")
                                    ->id();
  const int64_t all_time = TryBoard(R"pb(name: "Ever"
                                         metric: RECOGNITION_METRIC_POINTS
                                         scope: LEADERBOARD_SCOPE_INDIVIDUAL
                                         period: LEADERBOARD_PERIOD_ALL_TIME)pb")
                               ->id();
  const std::string placement = "badge.criteria.placement.leaderboard_id: ";
  EXPECT_THAT(
      TryBadge(R"pb(name: "P"
                    criteria { placement { leaderboard_id: 999 top: 3 } })pb"),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(placement + "no such leaderboard")));
  EXPECT_THAT(
      TryBadge(absl::StrCat("name: \"P\" criteria { placement { leaderboard_id: ", partner_board,
                            " top: 3 } }")),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(placement + "badges go to users")));
  EXPECT_THAT(TryBadge(absl::StrCat("name: \"P\" criteria { placement { leaderboard_id: ", all_time,
                                    " top: 3 } }")),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr(placement + "all-time boards never close")));
  EXPECT_THAT(TryBadge(R"pb(name: "M"
                            criteria { module_completed { module_id: 42 } })pb"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("badge.criteria.module_completed.module_id: no such training")));
  EXPECT_THAT(TryBadge(R"pb(name: "C"
                            criteria { challenge_completed { challenge_id: 42 } })pb"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("badge.criteria.challenge_completed.challenge_id: no such")));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM badges"), 0);

  // What exists may be named; a name is taken once.
  const int64_t monthly = TryBoard(kRepsBoard)->id();
  const cim::v1::Badge podium = CreateBadge(absl::StrCat(
      "name: \"Podium\" criteria { placement { leaderboard_id: ", monthly, " top: 3 } }"));
  EXPECT_GT(podium.id(), 0);
  EXPECT_EQ(FromTimestamp(podium.create_time()), T0());
  absl::StatusOr<cim::v1::TrainingModule> module = training_.InsertTrainingModule(
      Parse<cim::v1::TrainingModule>(R"pb(title: "Storage" duration_minutes: 5)pb"), kVera, T0());
  ASSERT_TRUE(module.ok()) << module.status();
  CreateBadge(absl::StrCat(
      "name: \"Trained\" criteria { module_completed { module_id: ", module->id(), " } }"));
  EXPECT_THAT(TryBadge(R"pb(name: "Podium"
                            criteria { certification { certification_code: "sx" } })pb"),
              StatusIs(absl::StatusCode::kAlreadyExists, HasSubstr("a badge named \"Podium\"")));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM badges"), 2);
}

TEST_F(RecognitionTest, UserBadgesListEarnedFirstThenProgress) {
  const cim::v1::Badge first = CreateBadge(
      R"pb(name: "First deal"
           criteria { event_count { event: RECOGNITION_EVENT_KIND_CLAIM_APPROVED count: 1 } })pb");
  const cim::v1::Badge three = CreateBadge(
      R"pb(name: "Three deals"
           criteria { event_count { event: RECOGNITION_EVENT_KIND_CLAIM_APPROVED count: 3 } })pb");
  CreateBadge(R"pb(name: "Certified"
                   criteria { certification { certification_code: "storage" } })pb");
  Append({Approved(kRob, kAlpha, 10, 100, T0())});
  Process(T0() + absl::Minutes(1));

  absl::StatusOr<cim::v1::ListUserBadgesResponse> mine =
      recognition_domain_.ListUserBadges(Rob(), cim::v1::ListUserBadgesRequest());
  ASSERT_TRUE(mine.ok()) << mine.status();
  ASSERT_EQ(mine->badges_size(), 3);
  const cim::v1::BadgeStatus& earned = mine->badges(0);
  EXPECT_EQ(earned.badge().id(), first.id());
  EXPECT_TRUE(earned.earned());
  EXPECT_EQ(earned.progress_percent(), 100);
  EXPECT_EQ(FromTimestamp(earned.earn_time()), T0() + absl::Minutes(1));
  const cim::v1::BadgeStatus& locked = mine->badges(1);
  EXPECT_EQ(locked.badge().id(), three.id());
  EXPECT_FALSE(locked.earned());
  EXPECT_EQ(locked.current(), "1");
  EXPECT_EQ(locked.target(), "3");
  EXPECT_EQ(locked.progress_percent(), 33);
  EXPECT_EQ(InEnglish(locked.progress_text()), "1 of 3 approved claims");
  EXPECT_EQ(InEnglish(mine->badges(2).progress_text()), "Certification storage not held yet");

  // Within the partner for its admin; not across partners; never another's for a rep.
  cim::v1::ListUserBadgesRequest of_rob;
  of_rob.set_user_id(kRob);
  absl::StatusOr<cim::v1::ListUserBadgesResponse> by_admin =
      recognition_domain_.ListUserBadges(Ann(), of_rob);
  ASSERT_TRUE(by_admin.ok()) << by_admin.status();
  EXPECT_EQ(by_admin->SerializeAsString(), mine->SerializeAsString());
  EXPECT_THAT(recognition_domain_.ListUserBadges(Bea(), of_rob),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(
      recognition_domain_.ListUserBadges(As(6, cim::v1::ROLE_PARTNER_ADMIN, kBravo), of_rob),
      StatusIs(absl::StatusCode::kNotFound, HasSubstr("user 3 not found")));
}

TEST_F(RecognitionTest, BoardsAreValidatedAndDraftProgramsHiddenFromPartners) {
  const int64_t draft = StoreProgram(cim::v1::PROGRAM_STATUS_DRAFT);
  const int64_t active = StoreProgram(cim::v1::PROGRAM_STATUS_ACTIVE);
  EXPECT_THAT(TryBoard(kRepsBoard, Manager()), StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(TryBoard(R"pb(name: ""
                            metric: RECOGNITION_METRIC_SALES
                            scope: LEADERBOARD_SCOPE_INDIVIDUAL
                            period: LEADERBOARD_PERIOD_MONTH)pb"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       ::testing::AllOf(HasSubstr("leaderboard.name"),
                                        HasSubstr("leaderboard.currency_code"))));
  EXPECT_THAT(TryBoard(R"pb(name: "X"
                            program_id: 999
                            metric: RECOGNITION_METRIC_POINTS
                            scope: LEADERBOARD_SCOPE_INDIVIDUAL
                            period: LEADERBOARD_PERIOD_MONTH)pb"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("leaderboard.program_id: no such program")));
  EXPECT_THAT(
      TryBoard(absl::StrCat("name: \"USD\" program_id: ", active,
                            " metric: RECOGNITION_METRIC_SALES currency_code: \"USD\""
                            " scope: LEADERBOARD_SCOPE_PARTNER"
                            " period: LEADERBOARD_PERIOD_MONTH")),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("the program's sales are in EUR")));

  absl::StatusOr<cim::v1::Leaderboard> secret =
      TryBoard(absl::StrCat("name: \"Secret\" program_id: ", draft,
                            " metric: RECOGNITION_METRIC_POINTS scope: LEADERBOARD_SCOPE_INDIVIDUAL"
                            " period: LEADERBOARD_PERIOD_MONTH"));
  ASSERT_TRUE(secret.ok()) << secret.status();
  absl::StatusOr<cim::v1::Leaderboard> open = TryBoard(absl::StrCat(
      "name: \"Open\" program_id: ", active,
      " metric: RECOGNITION_METRIC_SALES currency_code: \"EUR\" scope: LEADERBOARD_SCOPE_PARTNER"
      " period: LEADERBOARD_PERIOD_QUARTER"));
  ASSERT_TRUE(open.ok()) << open.status();
  EXPECT_EQ(open->program_id(), active);
  EXPECT_EQ(FromTimestamp(open->create_time()), T0());

  absl::StatusOr<cim::v1::ListLeaderboardsResponse> vendor =
      recognition_domain_.ListLeaderboards(Manager(), cim::v1::ListLeaderboardsRequest());
  ASSERT_TRUE(vendor.ok()) << vendor.status();
  EXPECT_THAT(vendor->leaderboards(), ElementsAre(Property(&cim::v1::Leaderboard::name, "Secret"),
                                                  Property(&cim::v1::Leaderboard::name, "Open")));
  absl::StatusOr<cim::v1::ListLeaderboardsResponse> partner =
      recognition_domain_.ListLeaderboards(Rob(), cim::v1::ListLeaderboardsRequest());
  ASSERT_TRUE(partner.ok()) << partner.status();
  EXPECT_THAT(partner->leaderboards(), ElementsAre(Property(&cim::v1::Leaderboard::name, "Open")));
  EXPECT_THAT(Board(Rob(), secret->id()),
              StatusIs(absl::StatusCode::kNotFound,
                       HasSubstr(absl::StrCat("leaderboard ", secret->id(), " not found"))));
  EXPECT_THAT(Board(Manager(), secret->id()),
              testing::IsOkAndHolds(Property(&cim::v1::GetLeaderboardResponse::participants, 0)));
  cim::v1::ListLeaderboardsRequest negative;
  negative.set_program_id(-1);
  EXPECT_THAT(recognition_domain_.ListLeaderboards(Manager(), negative),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("program_id")));
}

TEST_F(RecognitionTest, BadgesAreEditedAndArchivedKeepingWhatWasEarned) {
  const cim::v1::Badge first = CreateBadge(
      R"pb(name: "First deal"
           criteria { event_count { event: RECOGNITION_EVENT_KIND_CLAIM_APPROVED count: 1 } })pb");
  const cim::v1::Badge three = CreateBadge(
      R"pb(name: "Three deals"
           criteria { event_count { event: RECOGNITION_EVENT_KIND_CLAIM_APPROVED count: 3 } })pb");
  Append({Approved(kRob, kAlpha, 10, 100, T0())});
  Process(T0() + absl::Minutes(1));
  const auto update = [&](const Principal& caller, const std::string& text,
                          std::vector<std::string> paths) {
    cim::v1::UpdateBadgeRequest request;
    *request.mutable_badge() = Parse<cim::v1::Badge>(text);
    for (std::string& p : paths) request.mutable_update_mask()->add_paths(std::move(p));
    return recognition_domain_.UpdateBadge(caller, request);
  };
  const std::string first_id = absl::StrCat("id: ", first.id());

  EXPECT_THAT(update(Manager(), first_id + " name: \"X\"", {"name"}),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(update(Admin(), "name: \"X\"", {"name"}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("badge.id")));
  EXPECT_THAT(update(Admin(), first_id, {}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("update_mask")));
  EXPECT_THAT(update(Admin(), first_id + " name: \"\"", {"name"}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("badge.name")));
  EXPECT_THAT(update(Admin(), "id: 999 name: \"X\"", {"name"}),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("badge 999 not found")));
  EXPECT_THAT(update(Admin(), first_id + " name: \"Three deals\"", {"name"}),
              StatusIs(absl::StatusCode::kAlreadyExists, HasSubstr("Three deals")));
  EXPECT_THAT(update(Admin(), first_id + " etag: \"7\" name: \"X\"", {"name"}),
              StatusIs(absl::StatusCode::kAborted));

  // Criteria sent along are not taken: only the masked fields change.
  absl::StatusOr<cim::v1::Badge> renamed =
      update(Admin(),
             first_id +
                 " etag: \"1\" name: \"First win\" description: \"Welcome aboard\""
                 " criteria { certification { certification_code: \"x\" } }",
             {"name", "description"});
  ASSERT_TRUE(renamed.ok()) << renamed.status();
  EXPECT_EQ(renamed->name(), "First win");
  EXPECT_EQ(renamed->description(), "Welcome aboard");
  EXPECT_EQ(renamed->criteria().event_count().count(), 1);
  EXPECT_EQ(renamed->etag(), "2");

  // Archived: Rob keeps the one he earned; the one he has not is no longer shown to him.
  for (const cim::v1::Badge& b : {first, three}) {
    ASSERT_TRUE(
        update(Admin(), absl::StrCat("id: ", b.id(), " archived: true"), {"archived"}).ok());
  }
  absl::StatusOr<cim::v1::ListUserBadgesResponse> mine =
      recognition_domain_.ListUserBadges(Rob(), cim::v1::ListUserBadgesRequest());
  ASSERT_TRUE(mine.ok()) << mine.status();
  ASSERT_EQ(mine->badges_size(), 1);
  EXPECT_EQ(mine->badges(0).badge().name(), "First win");
  EXPECT_TRUE(mine->badges(0).earned());
  EXPECT_TRUE(mine->badges(0).badge().archived());
  absl::StatusOr<cim::v1::RecognitionSummary> summary =
      recognition_domain_.Summary(Rob(), cim::v1::GetRecognitionSummaryRequest());
  ASSERT_TRUE(summary.ok()) << summary.status();
  EXPECT_EQ(summary->badges_earned(), 1);

  // The catalog: partners never see archived badges; vendor staff when they ask.
  cim::v1::ListBadgesRequest with_archived;
  with_archived.set_include_archived(true);
  EXPECT_THAT(recognition_domain_.ListBadges(Rob(), with_archived),
              testing::IsOkAndHolds(Property(&cim::v1::ListBadgesResponse::badges, IsEmpty())));
  EXPECT_THAT(recognition_domain_.ListBadges(Manager(), cim::v1::ListBadgesRequest()),
              testing::IsOkAndHolds(Property(&cim::v1::ListBadgesResponse::badges, IsEmpty())));
  absl::StatusOr<cim::v1::ListBadgesResponse> vendor =
      recognition_domain_.ListBadges(Manager(), with_archived);
  ASSERT_TRUE(vendor.ok()) << vendor.status();
  EXPECT_EQ(vendor->badges_size(), 2);
}

TEST_F(RecognitionTest, BoardsAreRenamedAndArchivedOutOfPartnersSight) {
  absl::StatusOr<cim::v1::Leaderboard> board = TryBoard(kRepsBoard);
  ASSERT_TRUE(board.ok()) << board.status();
  const auto update = [&](const Principal& caller, const std::string& text,
                          std::vector<std::string> paths) {
    cim::v1::UpdateLeaderboardRequest request;
    *request.mutable_leaderboard() = Parse<cim::v1::Leaderboard>(text);
    for (std::string& p : paths) request.mutable_update_mask()->add_paths(std::move(p));
    return recognition_domain_.UpdateLeaderboard(caller, request);
  };
  const std::string id = absl::StrCat("id: ", board->id());
  EXPECT_THAT(update(Rob(), id + " name: \"X\"", {"name"}),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(update(Admin(), id + " name: \"\"", {"name"}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("leaderboard.name")));
  EXPECT_THAT(update(Admin(), "id: 999 name: \"X\"", {"name"}),
              StatusIs(absl::StatusCode::kNotFound));
  EXPECT_THAT(update(Admin(), id + " etag: \"9\" name: \"X\"", {"name"}),
              StatusIs(absl::StatusCode::kAborted));
  // The period sent along is not taken.
  absl::StatusOr<cim::v1::Leaderboard> renamed =
      update(Admin(), id + " name: \"Top reps\" period: LEADERBOARD_PERIOD_YEAR", {"name"});
  ASSERT_TRUE(renamed.ok()) << renamed.status();
  EXPECT_EQ(renamed->name(), "Top reps");
  EXPECT_EQ(renamed->period(), cim::v1::LEADERBOARD_PERIOD_MONTH);
  // This server shows the new name at once.
  EXPECT_THAT(Board(Rob(), board->id()),
              testing::IsOkAndHolds(Property(&cim::v1::GetLeaderboardResponse::leaderboard,
                                             Property(&cim::v1::Leaderboard::name, "Top reps"))));

  ASSERT_TRUE(update(Admin(), id + " archived: true", {"archived"}).ok());
  EXPECT_THAT(Board(Rob(), board->id()), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_TRUE(Board(Manager(), board->id()).ok());
  cim::v1::ListLeaderboardsRequest with_archived;
  with_archived.set_include_archived(true);
  EXPECT_THAT(
      recognition_domain_.ListLeaderboards(Rob(), with_archived),
      testing::IsOkAndHolds(Property(&cim::v1::ListLeaderboardsResponse::leaderboards, IsEmpty())));
  EXPECT_THAT(
      recognition_domain_.ListLeaderboards(Manager(), cim::v1::ListLeaderboardsRequest()),
      testing::IsOkAndHolds(Property(&cim::v1::ListLeaderboardsResponse::leaderboards, IsEmpty())));
  absl::StatusOr<cim::v1::ListLeaderboardsResponse> vendor =
      recognition_domain_.ListLeaderboards(Manager(), with_archived);
  ASSERT_TRUE(vendor.ok()) << vendor.status();
  EXPECT_THAT(vendor->leaderboards(), ElementsAre(Property(&cim::v1::Leaderboard::archived, true)));

  ASSERT_TRUE(update(Admin(), id + " archived: false", {"archived"}).ok());
  EXPECT_TRUE(Board(Rob(), board->id()).ok());
}

TEST_F(RecognitionTest, BoardRowsAreRankedNamedAndFiltered) {
  const cim::v1::Leaderboard reps = *TryBoard(kRepsBoard);
  const cim::v1::Leaderboard sales = *TryBoard(
      R"pb(name: "Sales"
           metric: RECOGNITION_METRIC_SALES
           currency_code: "EUR"
           scope: LEADERBOARD_SCOPE_PARTNER
           period: LEADERBOARD_PERIOD_MONTH)pb");
  Append({Approved(kRob, kAlpha, 100, 1000, T0()), Approved(kHid, kAlpha, 150, 500, T0()),
          Approved(kAnn, kAlpha, 50, 250, T0()), Approved(kBea, kBravo, 80, 1200, T0())});
  Process(T0() + absl::Minutes(1));

  absl::StatusOr<cim::v1::GetLeaderboardResponse> rob = Board(Rob(), reps.id());
  ASSERT_TRUE(rob.ok()) << rob.status();
  EXPECT_EQ(rob->period_start(), "2026-03-01");
  EXPECT_EQ(rob->period_end(), "2026-03-31");
  EXPECT_EQ(rob->participants(), 4);
  // Hid hides their name: anonymous to others, without an id to follow across boards.
  EXPECT_THAT(Rows(rob->top()),
              ElementsAre("1 0 Anonymous participant () 150", "2 3 Rob (Alpha) 100 me",
                          "3 5 Bea (Bravo) 80", "4 2 Ann (Alpha) 50"));
  EXPECT_EQ(rob->caller().rank(), 2);
  EXPECT_TRUE(rob->caller().is_caller());
  absl::StatusOr<cim::v1::GetLeaderboardResponse> hid = Board(Hid(), reps.id());
  ASSERT_TRUE(hid.ok()) << hid.status();
  EXPECT_EQ(Rows(hid->top())[0], "1 4 Hid (Alpha) 150 me");

  // Partner boards rank partners, with the sales currency's digits.
  absl::StatusOr<cim::v1::GetLeaderboardResponse> partners = Board(Bea(), sales.id());
  ASSERT_TRUE(partners.ok()) << partners.status();
  EXPECT_THAT(Rows(partners->top()),
              ElementsAre("1 1 Alpha (Alpha) 1750.00", "2 2 Bravo (Bravo) 1200.00 me"));
  EXPECT_EQ(partners->caller().participant_id(), kBravo);

  // A league (Bravo's region) and another period.
  absl::StatusOr<cim::v1::GetLeaderboardResponse> na =
      Board(Rob(), reps.id(), [](auto& r) { r.set_region("NA"); });
  ASSERT_TRUE(na.ok()) << na.status();
  EXPECT_THAT(Rows(na->top()), ElementsAre("1 5 Bea (Bravo) 80"));
  EXPECT_FALSE(na->has_caller());
  absl::StatusOr<cim::v1::GetLeaderboardResponse> february =
      Board(Rob(), reps.id(), [](auto& r) { r.set_period("2026-02-14"); });
  ASSERT_TRUE(february.ok()) << february.status();
  EXPECT_EQ(february->period_start(), "2026-02-01");
  EXPECT_EQ(february->participants(), 0);
  EXPECT_THAT(february->top(), IsEmpty());
  absl::StatusOr<cim::v1::GetLeaderboardResponse> narrow = Board(Rob(), reps.id(), [](auto& r) {
    r.set_top(1);
    r.set_around(1);
  });
  ASSERT_TRUE(narrow.ok()) << narrow.status();
  EXPECT_EQ(narrow->top_size(), 1);
  EXPECT_THAT(Rows(narrow->around()), ElementsAre("1 0 Anonymous participant () 150",
                                                  "2 3 Rob (Alpha) 100 me", "3 5 Bea (Bravo) 80"));

  EXPECT_THAT(Board(Rob(), reps.id(),
                    [](auto& r) {
                      r.set_top(101);
                      r.set_around(-1);
                      r.set_period("March");
                      r.set_partner_type(static_cast<cim::v1::PartnerType>(99));
                    }),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       ::testing::AllOf(HasSubstr("top"), HasSubstr("around"), HasSubstr("period"),
                                        HasSubstr("partner_type"))));
  EXPECT_THAT(Board(Rob(), 0),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("leaderboard_id: required")));
  EXPECT_THAT(Board(Rob(), 999), StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(RecognitionTest, StreamsEmitAFirstUpdateThenOnlyChanges) {
  ASSERT_TRUE(recognition_domain_
                  .SetLevels(Admin(), Parse<cim::v1::SetLevelsRequest>(
                                          R"pb(levels { name: "Bronze" min_points: "0" }
                                               levels { name: "Silver" min_points: "100" })pb"))
                  .ok());
  const cim::v1::Leaderboard reps = *TryBoard(kRepsBoard);
  const cim::v1::Badge first = CreateBadge(
      R"pb(name: "First deal"
           criteria { event_count { event: RECOGNITION_EVENT_KIND_CLAIM_APPROVED count: 1 } })pb");
  Append({Approved(kBea, kBravo, 80, 0, T0())});
  Process();

  // The board: emitted at once, then when Rob's claim moves it, and not when nothing does.
  std::vector<cim::v1::GetLeaderboardResponse> boards;
  int waits = 0;
  cim::v1::GetLeaderboardRequest board_request;
  board_request.set_leaderboard_id(reps.id());
  ASSERT_TRUE(recognition_domain_
                  .WatchLeaderboard(
                      Rob(), board_request, absl::Milliseconds(1),
                      [&](absl::Duration) {
                        if (++waits == 1) {
                          Append({Approved(kRob, kAlpha, 100, 0, T0())});
                          Process();
                        }
                        return waits < 3;
                      },
                      [&](const cim::v1::GetLeaderboardResponse& r) {
                        boards.push_back(r);
                        return true;
                      })
                  .ok());
  ASSERT_EQ(boards.size(), 2u);
  EXPECT_THAT(Rows(boards[0].top()), ElementsAre("1 5 Bea (Bravo) 80"));
  EXPECT_THAT(Rows(boards[1].top()), ElementsAre("1 3 Rob (Alpha) 100 me", "2 5 Bea (Bravo) 80"));

  // Progress: Rob's standing first, then the claim's badge, level-up and new rank.
  EXPECT_THAT(recognition_domain_.WatchProgress(
                  As(kVera, cim::v1::ROLE_SERVICE_ACCOUNT), cim::v1::WatchProgressRequest(),
                  absl::Milliseconds(1), [](absl::Duration) { return false; },
                  [](const cim::v1::ProgressUpdate&) { return true; }),
              StatusIs(absl::StatusCode::kPermissionDenied));
  cim::v1::WatchProgressRequest unknown;
  unknown.add_leaderboard_ids(999);
  EXPECT_THAT(recognition_domain_.WatchProgress(
                  Ann(), unknown, absl::Milliseconds(1), [](absl::Duration) { return false; },
                  [](const cim::v1::ProgressUpdate&) { return true; }),
              StatusIs(absl::StatusCode::kNotFound));
  std::vector<cim::v1::ProgressUpdate> updates;
  cim::v1::WatchProgressRequest progress_request;
  progress_request.add_leaderboard_ids(reps.id());
  waits = 0;
  ASSERT_TRUE(recognition_domain_
                  .WatchProgress(
                      Ann(), progress_request, absl::Milliseconds(1),
                      [&](absl::Duration) {
                        if (++waits == 1) {
                          Post(kAlpha, kAnn, "120");
                          Append({Approved(kAnn, kAlpha, 120, 0, T0())});
                          Process();
                        }
                        return waits < 3;
                      },
                      [&](const cim::v1::ProgressUpdate& u) {
                        updates.push_back(u);
                        return true;
                      })
                  .ok());
  ASSERT_EQ(updates.size(), 2u);
  EXPECT_EQ(updates[0].summary().lifetime_points(), "0");
  EXPECT_EQ(updates[0].ranks(0).rank(), 0);  // not on the board yet
  EXPECT_EQ(updates[0].ranks(0).participants(), 2);
  EXPECT_THAT(updates[0].new_badges(), IsEmpty());
  EXPECT_EQ(updates[1].summary().lifetime_points(), "120");
  EXPECT_TRUE(updates[1].level_up());
  ASSERT_EQ(updates[1].new_badges_size(), 1);
  EXPECT_EQ(updates[1].new_badges(0).badge().id(), first.id());
  EXPECT_EQ(updates[1].ranks(0).rank(), 1);
  EXPECT_EQ(updates[1].ranks(0).score(), "120");
  EXPECT_EQ(updates[1].ranks(0).participants(), 3);
}

}  // namespace
}  // namespace cim
