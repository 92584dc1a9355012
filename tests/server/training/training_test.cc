// Training on the real stores (MariaDB, an injected clock): only program admins define modules
// (validated; a taken title ALREADY_EXISTS); everyone else lists them without the quiz's answers
// and with their own last completion; partner users complete only their own training, the
// server grading the portal quiz (below the pass mark FAILED_PRECONDITION and counted, three
// failures a day RESOURCE_EXHAUSTED until the oldest is a day old), never certifying modules;
// an LMS records completions for active partner users with the certification's expiry; and
// certifications are listed within what the caller may read (a rep their own, an admin their
// partner's, vendor staff anyone's), expiring ones filtered, expired ones on request, by page.
// Program admins edit modules by field mask (validated as on create, at an etag, announced to
// the audit trail): new points count for first completions from then on, a new validity for
// certifications granted from then on, a new quiz for later attempts; nothing already earned
// changes. Archived modules cannot be completed (an LMS's repeat is still answered), are hidden
// from partners and listed to vendor roles on request, and can be restored.
#include "server/training/training.h"

#include <google/protobuf/text_format.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/clock.h"
#include "lib/proto_time.h"
#include "server/identity/mysql_user_repository.h"
#include "server/training/mysql_training_repository.h"
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

// Two questions, half right passes; 25 points.
constexpr char kQuiz[] = R"pb(
  title: "Selling storage"
  duration_minutes: 20
  points: "25"
  pass_mark: 50
  quiz_questions { prompt: "RAID 1?" options: "Mirror" options: "Stripe" correct_options: 0 }
  quiz_questions {
    prompt: "Flash?"
    options: "SSD"
    options: "NVMe"
    options: "Tape"
    correct_options: 0
    correct_options: 1
  }
)pb";
// Certifies storage-expert for 24 months; its quiz runs in the LMS.
constexpr char kCertifying[] = R"pb(
  title: "Storage expert"
  duration_minutes: 90
  points: "100"
  pass_mark: 80
  certification_code: "storage-expert"
  certification_valid_months: 24
)pb";

class TrainingTest : public StoreWorldTest {
 protected:
  static constexpr int64_t kLms = 6;

  void SetUp() override {
    StoreWorldTest::SetUp();
    Exec(absl::StrCat(
        "INSERT INTO users (email, display_name, role, partner_id, status, created_at,"
        " updated_at) VALUES ('lms@vendor.example', 'LMS', ",
        cim::v1::ROLE_SERVICE_ACCOUNT, ", NULL, ", cim::v1::USER_STATUS_ACTIVE, ", NOW(), NOW())"));
  }

  static Principal Lms() { return As(kLms, cim::v1::ROLE_SERVICE_ACCOUNT); }

  template <typename Message>
  static Message Parse(const std::string& text) {
    Message m;
    EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &m)) << text;
    return m;
  }

  cim::v1::TrainingModule Define(const std::string& text) {
    cim::v1::CreateTrainingModuleRequest request;
    *request.mutable_training_module() = Parse<cim::v1::TrainingModule>(text);
    absl::StatusOr<cim::v1::TrainingModule> m = training_.CreateTrainingModule(Admin(), request);
    EXPECT_TRUE(m.ok()) << m.status();
    return m.value_or(cim::v1::TrainingModule());
  }

  // Rob's (or `caller`'s) portal attempt with `answers` ({question: selected options}).
  absl::StatusOr<cim::v1::TrainingCompletion> Attempt(int64_t module,
                                                      const std::vector<std::vector<int>>& answers,
                                                      const Principal& caller = Rob()) {
    cim::v1::CompleteTrainingRequest request;
    request.set_module_id(module);
    for (const std::vector<int>& selected : answers) {
      cim::v1::QuizAnswer* a = request.add_quiz_answers();
      for (int o : selected) a->add_selected_options(o);
    }
    return training_.CompleteTraining(caller, request);
  }

  // Program admin Vera's edit of `module`: the fields `paths` name (comma-separated) from
  // `fields` (text format), at `etag` if given.
  absl::StatusOr<cim::v1::TrainingModule> Edit(int64_t module, const std::string& paths,
                                               const std::string& fields,
                                               const std::string& etag = "",
                                               const Principal& caller = Admin()) {
    cim::v1::UpdateTrainingModuleRequest request;
    *request.mutable_training_module() = Parse<cim::v1::TrainingModule>(fields);
    request.mutable_training_module()->set_id(module);
    request.mutable_training_module()->set_etag(etag);
    for (absl::string_view path : absl::StrSplit(paths, ',', absl::SkipEmpty())) {
      request.mutable_update_mask()->add_paths(std::string(path));
    }
    return training_.UpdateTrainingModule(caller, request);
  }

  // The ids of the modules `caller` lists (archived ones too when asking for them).
  std::vector<int64_t> Listed(const Principal& caller, bool include_archived = false) {
    cim::v1::ListTrainingModulesRequest request;
    request.set_include_archived(include_archived);
    absl::StatusOr<cim::v1::ListTrainingModulesResponse> listed =
        training_.ListTrainingModules(caller, request);
    EXPECT_TRUE(listed.ok()) << listed.status();
    std::vector<int64_t> out;
    if (listed.ok()) {
      for (const cim::v1::TrainingModule& m : listed->training_modules()) out.push_back(m.id());
    }
    return out;
  }

  // The LMS's record of `user` completing `module` with `score`.
  absl::StatusOr<cim::v1::TrainingCompletion> Record(int64_t module, int64_t user, int score,
                                                     const std::string& id) {
    cim::v1::CompleteTrainingRequest request;
    request.set_module_id(module);
    request.set_user_id(user);
    request.set_quiz_score(score);
    request.set_external_completion_id(id);
    return training_.CompleteTraining(Lms(), request);
  }

  absl::StatusOr<cim::v1::ListCertificationsResponse> Certifications(
      const Principal& caller,
      const std::function<void(cim::v1::ListCertificationsRequest&)>& edit = {}) {
    cim::v1::ListCertificationsRequest request;
    if (edit) edit(request);
    return training_.ListCertifications(caller, request);
  }

  static std::vector<int64_t> Holders(const cim::v1::ListCertificationsResponse& r) {
    std::vector<int64_t> out;
    for (const cim::v1::Certification& c : r.certifications()) out.push_back(c.user_id());
    return out;
  }

  FakeClock clock_{T0()};
  MysqlTrainingRepository store_{database_.db()};
  MysqlUserRepository users_{database_.db()};
  Training training_{store_, users_, clock_};
};

TEST_F(TrainingTest, ProgramAdminsDefineValidatedModules) {
  cim::v1::CreateTrainingModuleRequest request;
  *request.mutable_training_module() = Parse<cim::v1::TrainingModule>(kQuiz);
  EXPECT_THAT(training_.CreateTrainingModule(Manager(), request),
              StatusIs(absl::StatusCode::kPermissionDenied));
  const cim::v1::TrainingModule quiz = Define(kQuiz);
  EXPECT_GT(quiz.id(), 0);
  EXPECT_EQ(quiz.points(), "25");
  EXPECT_EQ(quiz.quiz_questions_size(), 2);
  EXPECT_EQ(FromTimestamp(quiz.create_time()), T0());
  EXPECT_EQ(Count("SELECT created_by FROM training_modules"), kVera);

  EXPECT_THAT(training_.CreateTrainingModule(Admin(), request),
              StatusIs(absl::StatusCode::kAlreadyExists,
                       HasSubstr("a training module titled \"Selling storage\" exists")));
  cim::v1::CreateTrainingModuleRequest bad;
  *bad.mutable_training_module() = Parse<cim::v1::TrainingModule>(
      R"pb(title: "" duration_minutes: 0 certification_code: "storage-expert")pb");
  EXPECT_THAT(training_.CreateTrainingModule(Admin(), bad),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("training_module.title"),
                             HasSubstr("training_module.duration_minutes"),
                             HasSubstr("training_module.certification_valid_months"))));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM training_modules"), 1);
}

TEST_F(TrainingTest, ListsModulesWithoutAnswersAndWithOnesOwnLastCompletion) {
  const cim::v1::TrainingModule quiz = Define(kQuiz);
  const cim::v1::TrainingModule plain = Define(R"pb(title: "Plain" duration_minutes: 5)pb");
  clock_.Advance(absl::Hours(2));
  ASSERT_TRUE(Attempt(plain.id(), {}).ok());

  absl::StatusOr<cim::v1::ListTrainingModulesResponse> rob =
      training_.ListTrainingModules(Rob(), cim::v1::ListTrainingModulesRequest());
  ASSERT_TRUE(rob.ok()) << rob.status();
  ASSERT_EQ(rob->training_modules_size(), 2);
  EXPECT_THAT(rob->training_modules(0).quiz_questions(0).correct_options(), IsEmpty());
  EXPECT_THAT(rob->training_modules(0).quiz_questions(1).options(),
              ElementsAre("SSD", "NVMe", "Tape"));
  EXPECT_FALSE(rob->training_modules(0).has_my_last_completion_time());
  EXPECT_EQ(FromTimestamp(rob->training_modules(1).my_last_completion_time()),
            T0() + absl::Hours(2));
  // Bea has completed nothing; the program admin sees the answers.
  absl::StatusOr<cim::v1::ListTrainingModulesResponse> bea =
      training_.ListTrainingModules(Bea(), cim::v1::ListTrainingModulesRequest());
  ASSERT_TRUE(bea.ok()) << bea.status();
  EXPECT_FALSE(bea->training_modules(1).has_my_last_completion_time());
  absl::StatusOr<cim::v1::ListTrainingModulesResponse> admin =
      training_.ListTrainingModules(Admin(), cim::v1::ListTrainingModulesRequest());
  ASSERT_TRUE(admin.ok()) << admin.status();
  EXPECT_THAT(admin->training_modules(0).quiz_questions(1).correct_options(), ElementsAre(0, 1));

  cim::v1::ListTrainingModulesRequest page;
  page.set_page_size(1);
  absl::StatusOr<cim::v1::ListTrainingModulesResponse> first =
      training_.ListTrainingModules(Rob(), page);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_THAT(first->training_modules(),
              ElementsAre(Property(&cim::v1::TrainingModule::id, quiz.id())));
  page.set_page_token(first->next_page_token());
  absl::StatusOr<cim::v1::ListTrainingModulesResponse> second =
      training_.ListTrainingModules(Rob(), page);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_THAT(second->training_modules(),
              ElementsAre(Property(&cim::v1::TrainingModule::id, plain.id())));
  EXPECT_EQ(second->next_page_token(), "");
}

TEST_F(TrainingTest, ThePortalQuizIsGradedAndFailuresAreLimited) {
  const cim::v1::TrainingModule quiz = Define(kQuiz);
  // Half right (exactly the pass mark) completes it, with the module's points the first time.
  absl::StatusOr<cim::v1::TrainingCompletion> passed = Attempt(quiz.id(), {{0}, {0}});
  ASSERT_TRUE(passed.ok()) << passed.status();
  EXPECT_EQ(passed->quiz_score(), 50);
  EXPECT_EQ(passed->user_id(), kRob);
  EXPECT_EQ(passed->partner_id(), kAlpha);
  EXPECT_TRUE(passed->first_completion());
  EXPECT_EQ(passed->points_awarded(), "25");
  absl::StatusOr<cim::v1::TrainingCompletion> perfect = Attempt(quiz.id(), {{0}, {1, 0}});
  ASSERT_TRUE(perfect.ok()) << perfect.status();
  EXPECT_EQ(perfect->quiz_score(), 100);
  EXPECT_EQ(perfect->points_awarded(), "0");

  // Ann fails three times (none right): each counted, then she must wait a day.
  for (int i = 0; i < 3; ++i) {
    EXPECT_THAT(Attempt(quiz.id(), {{1}, {2}}, Ann()),
                StatusIs(absl::StatusCode::kFailedPrecondition,
                         HasSubstr("a quiz score of 0% is below the pass mark of 50%")));
    clock_.Advance(absl::Hours(1));
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM training_quiz_failures WHERE user_id = 2"), 3);
  EXPECT_THAT(Attempt(quiz.id(), {{0}, {0, 1}}, Ann()),
              StatusIs(absl::StatusCode::kResourceExhausted,
                       HasSubstr("try again after 2026-03-03T09:00:00Z")));
  clock_.Advance(absl::Hours(21));  // the first failure is a day old
  EXPECT_THAT(Attempt(quiz.id(), {{0}, {0, 1}}, Ann()),
              testing::IsOkAndHolds(Property(&cim::v1::TrainingCompletion::quiz_score, 100)));

  // Malformed answers change nothing.
  EXPECT_THAT(Attempt(quiz.id(), {{0}}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("quiz_answers")));
  EXPECT_THAT(
      Attempt(quiz.id(), {{0}, {5}}),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("quiz_answers[1].selected_options")));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM training_quiz_failures"), 3);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM training_completions"), 3);
}

TEST_F(TrainingTest, PartnerUsersCompleteOnlyTheirOwnNonCertifyingTraining) {
  const cim::v1::TrainingModule plain = Define(R"pb(title: "Plain" duration_minutes: 5)pb");
  const cim::v1::TrainingModule certifying = Define(kCertifying);
  const cim::v1::TrainingModule lms_quiz =
      Define(R"pb(title: "LMS quiz" duration_minutes: 5 pass_mark: 70)pb");

  cim::v1::CompleteTrainingRequest for_ann;
  for_ann.set_module_id(plain.id());
  for_ann.set_user_id(kAnn);
  EXPECT_THAT(training_.CompleteTraining(Rob(), for_ann),
              StatusIs(absl::StatusCode::kPermissionDenied));
  EXPECT_THAT(training_.CompleteTraining(Manager(), for_ann),
              StatusIs(absl::StatusCode::kPermissionDenied));
  cim::v1::CompleteTrainingRequest claimed;
  claimed.set_module_id(plain.id());
  claimed.set_quiz_score(100);
  claimed.set_external_completion_id("x");
  EXPECT_THAT(training_.CompleteTraining(Rob(), claimed),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("quiz_score"), HasSubstr("external_completion_id"))));
  EXPECT_THAT(Attempt(certifying.id(), {}),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("grants a certification")));
  EXPECT_THAT(Attempt(lms_quiz.id(), {}),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("taken in the LMS")));
  EXPECT_THAT(Attempt(999, {}), StatusIs(absl::StatusCode::kNotFound));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM training_completions"), 0);

  absl::StatusOr<cim::v1::TrainingCompletion> done = Attempt(plain.id(), {});
  ASSERT_TRUE(done.ok()) << done.status();
  EXPECT_EQ(done->module_id(), plain.id());
  EXPECT_EQ(done->user_id(), kRob);
  EXPECT_EQ(FromTimestamp(done->complete_time()), T0());
  EXPECT_FALSE(done->has_certification());
}

TEST_F(TrainingTest, AnLmsRecordsCompletionsForActivePartnerUsers) {
  const cim::v1::TrainingModule certifying = Define(kCertifying);
  clock_.Advance(absl::Hours(24 * 27));  // 2026-03-29 09:00: valid for 24 months from then
  absl::StatusOr<cim::v1::TrainingCompletion> done = Record(certifying.id(), kBea, 85, "lms-1");
  ASSERT_TRUE(done.ok()) << done.status();
  EXPECT_EQ(done->user_id(), kBea);
  EXPECT_EQ(done->partner_id(), kBravo);  // the user's partner, not the LMS's
  EXPECT_EQ(done->quiz_score(), 85);
  EXPECT_EQ(done->external_completion_id(), "lms-1");
  EXPECT_EQ(done->points_awarded(), "100");
  ASSERT_TRUE(done->has_certification());
  EXPECT_EQ(done->certification().certification_code(), "storage-expert");
  EXPECT_EQ(FromTimestamp(done->certification().expire_time()),
            absl::FromCivil(absl::CivilSecond(2028, 3, 29, 9, 0, 0), absl::UTCTimeZone()));
  EXPECT_EQ(Count("SELECT recorded_by FROM training_completions"), kLms);

  EXPECT_THAT(Record(certifying.id(), kRob, 79, "lms-2"),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("below the pass mark")));
  EXPECT_THAT(Record(certifying.id(), kVera, 90, "lms-3"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("user_id: no such active partner user")));
  EXPECT_THAT(Record(certifying.id(), 999, 90, "lms-4"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("user_id")));
  Exec(absl::StrCat("UPDATE users SET status = ", cim::v1::USER_STATUS_DISABLED,
                    " WHERE id = ", kHid));
  EXPECT_THAT(Record(certifying.id(), kHid, 90, "lms-5"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("user_id")));
  EXPECT_THAT(Record(certifying.id(), kRob, 101, ""),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("quiz_score"), HasSubstr("external_completion_id"))));
  cim::v1::CompleteTrainingRequest answers;
  answers.set_module_id(certifying.id());
  answers.set_user_id(kRob);
  answers.set_external_completion_id("lms-6");
  answers.add_quiz_answers()->add_selected_options(0);
  EXPECT_THAT(training_.CompleteTraining(Lms(), answers),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("quiz_answers")));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM training_completions"), 1);
}

TEST_F(TrainingTest, CertificationsAreListedWithinWhatTheCallerMayRead) {
  const cim::v1::TrainingModule certifying = Define(kCertifying);
  ASSERT_TRUE(Record(certifying.id(), kRob, 90, "r").ok());  // expires 2028-03-02
  clock_.Advance(absl::Hours(24));
  ASSERT_TRUE(Record(certifying.id(), kAnn, 90, "a").ok());  // expires 2028-03-03
  ASSERT_TRUE(Record(certifying.id(), kBea, 90, "b").ok());  // expires 2028-03-03
  Exec(
      "INSERT INTO certifications (user_id, certification_code, partner_id, module_id, earned_at,"
      " expires_at) VALUES (4, 'old', 1, 1, '2024-01-01', '2026-01-01')");

  // A rep: their own only.
  absl::StatusOr<cim::v1::ListCertificationsResponse> rob = Certifications(Rob());
  ASSERT_TRUE(rob.ok()) << rob.status();
  EXPECT_THAT(Holders(*rob), ElementsAre(kRob));
  EXPECT_THAT(Certifications(Rob(), [](auto& r) { r.set_user_id(kAnn); }),
              StatusIs(absl::StatusCode::kPermissionDenied));
  // A partner admin: their partner's, soonest expiry first; expired ones on request.
  absl::StatusOr<cim::v1::ListCertificationsResponse> alpha = Certifications(Ann());
  ASSERT_TRUE(alpha.ok()) << alpha.status();
  EXPECT_THAT(Holders(*alpha), ElementsAre(kRob, kAnn));
  absl::StatusOr<cim::v1::ListCertificationsResponse> with_expired =
      Certifications(Ann(), [](auto& r) { r.set_include_expired(true); });
  ASSERT_TRUE(with_expired.ok()) << with_expired.status();
  EXPECT_THAT(Holders(*with_expired), ElementsAre(kHid, kRob, kAnn));
  EXPECT_THAT(Certifications(Ann(), [](auto& r) { r.set_partner_id(kBravo); }),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("partner 2 not found")));
  // Vendor staff: anyone's; expiring within 731 days of 2026-03-03 09:00, that is before
  // 2028-03-03 09:00: Rob's only.
  absl::StatusOr<cim::v1::ListCertificationsResponse> all = Certifications(Manager());
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_EQ(all->certifications_size(), 3);
  absl::StatusOr<cim::v1::ListCertificationsResponse> soon =
      Certifications(Manager(), [](auto& r) { r.set_expiring_within_days(731); });
  ASSERT_TRUE(soon.ok()) << soon.status();
  EXPECT_THAT(Holders(*soon), ElementsAre(kRob));
  absl::StatusOr<cim::v1::ListCertificationsResponse> first =
      Certifications(Manager(), [](auto& r) { r.set_page_size(2); });
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->certifications_size(), 2);
  absl::StatusOr<cim::v1::ListCertificationsResponse> rest =
      Certifications(Manager(), [&](auto& r) {
        r.set_page_size(2);
        r.set_page_token(first->next_page_token());
      });
  ASSERT_TRUE(rest.ok()) << rest.status();
  EXPECT_EQ(rest->certifications_size(), 1);
  EXPECT_EQ(rest->next_page_token(), "");

  EXPECT_THAT(Certifications(Manager(),
                             [](auto& r) {
                               r.set_user_id(-1);
                               r.set_expiring_within_days(3651);
                             }),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("user_id"), HasSubstr("expiring_within_days"))));
}

TEST_F(TrainingTest, OnlyProgramAdminsEditModulesAndBadEditsChangeNothing) {
  const cim::v1::TrainingModule quiz = Define(kQuiz);
  const cim::v1::TrainingModule certifying = Define(kCertifying);
  ASSERT_EQ(quiz.etag(), "1");
  for (const Principal& caller : {Manager(), Rob(), Ann(), Lms()}) {
    EXPECT_THAT(Edit(quiz.id(), "points", R"pb(points: "5")pb", "", caller),
                StatusIs(absl::StatusCode::kPermissionDenied));
  }
  EXPECT_THAT(Edit(0, "", ""), StatusIs(absl::StatusCode::kInvalidArgument,
                                        AllOf(HasSubstr("training_module.id: required"),
                                              HasSubstr("update_mask: name at least one field"))));
  EXPECT_THAT(Edit(999, "points", R"pb(points: "5")pb"),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("training module 999 not found")));
  // Invalid as they would be on create: each field named.
  EXPECT_THAT(Edit(quiz.id(), "title,duration_minutes,points,pass_mark",
                   R"pb(title: "" duration_minutes: 0 points: "1.5" pass_mark: 0)pb"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("training_module.title"),
                             HasSubstr("training_module.duration_minutes"),
                             HasSubstr("training_module.points"),
                             HasSubstr("training_module.pass_mark: 1 to 100 for a module with"
                                       " quiz questions"))));
  EXPECT_THAT(Edit(quiz.id(), "certification_valid_months", "certification_valid_months: 12"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("training_module.certification_valid_months: only with a"
                                 " certification_code")));
  EXPECT_THAT(
      Edit(certifying.id(), "certification_valid_months,quiz_questions",
           R"pb(certification_valid_months: 121
                quiz_questions { prompt: "Q" options: "x" options: "y" correct_options: 0 })pb"),
      StatusIs(absl::StatusCode::kInvalidArgument,
               AllOf(HasSubstr("training_module.certification_valid_months: 1 to 120"),
                     HasSubstr("training_module.quiz_questions: not with a certification"))));
  // A title another module has; an etag someone else's edit moved past.
  EXPECT_THAT(Edit(quiz.id(), "title", R"pb(title: "storage EXPERT")pb"),
              StatusIs(absl::StatusCode::kAlreadyExists,
                       HasSubstr("a training module titled \"storage EXPERT\" exists")));
  EXPECT_THAT(Edit(quiz.id(), "points", R"pb(points: "5")pb", "7"),
              StatusIs(absl::StatusCode::kAborted,
                       HasSubstr(absl::StrCat("training module ", quiz.id(),
                                              " was changed by someone else; reload and retry"))));
  absl::StatusOr<cim::v1::TrainingModule> unchanged = store_.GetTrainingModule(quiz.id());
  ASSERT_TRUE(unchanged.ok()) << unchanged.status();
  EXPECT_EQ(unchanged->SerializeAsString(), quiz.SerializeAsString());

  // A valid edit changes only the masked fields, bumps the etag, and the audit trail sees it.
  absl::StatusOr<cim::v1::TrainingModule> edited =
      Edit(quiz.id(), "title,points", R"pb(title: "Selling flash" points: "40" description: "x")pb",
           "1");
  ASSERT_TRUE(edited.ok()) << edited.status();
  EXPECT_THAT(told_, ElementsAre(absl::StrCat("changing training_modules/", quiz.id())));
  EXPECT_EQ(edited->title(), "Selling flash");
  EXPECT_EQ(edited->points(), "40");
  EXPECT_EQ(edited->description(), "");
  EXPECT_EQ(edited->pass_mark(), 50);
  EXPECT_EQ(edited->quiz_questions_size(), 2);
  EXPECT_EQ(edited->etag(), "2");
  // Without an etag, an edit applies to the module as it is.
  absl::StatusOr<cim::v1::TrainingModule> again =
      Edit(quiz.id(), "duration_minutes", "duration_minutes: 25");
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->etag(), "3");
  EXPECT_EQ(again->points(), "40");
  EXPECT_EQ(again->duration_minutes(), 25);
}

TEST_F(TrainingTest, EditedPointsCountForFirstCompletionsFromThenOn) {
  const cim::v1::TrainingModule plain =
      Define(R"pb(title: "Plain" duration_minutes: 5 points: "10")pb");
  absl::StatusOr<cim::v1::TrainingCompletion> rob = Attempt(plain.id(), {});
  ASSERT_TRUE(rob.ok()) << rob.status();
  EXPECT_EQ(rob->points_awarded(), "10");
  ASSERT_TRUE(Edit(plain.id(), "points", R"pb(points: "30")pb").ok());

  absl::StatusOr<cim::v1::TrainingCompletion> bea = Attempt(plain.id(), {}, Bea());
  ASSERT_TRUE(bea.ok()) << bea.status();
  EXPECT_TRUE(bea->first_completion());
  EXPECT_EQ(bea->points_awarded(), "30");
  // Rob keeps the 10 he earned: nothing is posted again, and his repeat earns nothing.
  absl::StatusOr<cim::v1::TrainingCompletion> rob_again = Attempt(plain.id(), {});
  ASSERT_TRUE(rob_again.ok()) << rob_again.status();
  EXPECT_EQ(rob_again->points_awarded(), "0");
  EXPECT_EQ(Count(absl::StrCat("SELECT CAST(SUM(amount) AS SIGNED) FROM ledger_entries"
                               " WHERE user_id = ",
                               kRob)),
            10);
  EXPECT_EQ(Count(absl::StrCat("SELECT CAST(SUM(amount) AS SIGNED) FROM ledger_entries"
                               " WHERE user_id = ",
                               kBea)),
            30);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ledger_entries"), 2);
  EXPECT_EQ(Count(absl::StrCat("SELECT CAST(points AS SIGNED) FROM training_completions"
                               " WHERE id = ",
                               rob->id())),
            10);
}

TEST_F(TrainingTest, EditedValidityCountsForCertificationsGrantedFromThenOn) {
  const cim::v1::TrainingModule certifying = Define(kCertifying);
  ASSERT_TRUE(Record(certifying.id(), kRob, 90, "r").ok());  // 24 months: 2028-03-02 09:00
  ASSERT_TRUE(
      Edit(certifying.id(), "certification_valid_months", "certification_valid_months: 6").ok());
  clock_.Advance(absl::Hours(24));
  absl::StatusOr<cim::v1::TrainingCompletion> bea = Record(certifying.id(), kBea, 90, "b");
  ASSERT_TRUE(bea.ok()) << bea.status();
  EXPECT_EQ(FromTimestamp(bea->certification().expire_time()),
            absl::FromCivil(absl::CivilSecond(2026, 9, 3, 9, 0, 0), absl::UTCTimeZone()));
  absl::StatusOr<cim::v1::ListCertificationsResponse> all = Certifications(Manager());
  ASSERT_TRUE(all.ok()) << all.status();
  ASSERT_EQ(all->certifications_size(), 2);
  EXPECT_EQ(all->certifications(0).user_id(), kBea);
  EXPECT_EQ(all->certifications(1).user_id(), kRob);
  EXPECT_EQ(FromTimestamp(all->certifications(1).expire_time()),
            absl::FromCivil(absl::CivilSecond(2028, 3, 2, 9, 0, 0), absl::UTCTimeZone()));
  EXPECT_EQ(all->certifications(1).certification_code(), "storage-expert");
}

TEST_F(TrainingTest, ANewQuizAppliesToAttemptsFromThenOn) {
  const cim::v1::TrainingModule quiz = Define(kQuiz);
  ASSERT_TRUE(
      Edit(quiz.id(), "quiz_questions,pass_mark", R"pb(
        pass_mark: 100
        quiz_questions { prompt: "Tape?" options: "Fast" options: "Cheap" correct_options: 1 }
      )pb")
          .ok());
  // Answers to the old two questions no longer fit; the new answer must be right.
  EXPECT_THAT(Attempt(quiz.id(), {{0}, {0}}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("quiz_answers")));
  EXPECT_THAT(Attempt(quiz.id(), {{0}}),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("a quiz score of 0% is below the pass mark of 100%")));
  EXPECT_THAT(Attempt(quiz.id(), {{1}}),
              testing::IsOkAndHolds(Property(&cim::v1::TrainingCompletion::quiz_score, 100)));
  // Removing the quiz (and its pass mark) makes it a module completed without one.
  ASSERT_TRUE(Edit(quiz.id(), "quiz_questions,pass_mark", "pass_mark: 0").ok());
  EXPECT_TRUE(Attempt(quiz.id(), {}, Ann()).ok());
}

TEST_F(TrainingTest, ArchivedModulesAreHiddenFromPartnersAndCannotBeCompleted) {
  const cim::v1::TrainingModule plain =
      Define(R"pb(title: "Plain" duration_minutes: 5 points: "10")pb");
  const cim::v1::TrainingModule certifying = Define(kCertifying);
  ASSERT_TRUE(Attempt(plain.id(), {}).ok());
  absl::StatusOr<cim::v1::TrainingCompletion> recorded = Record(certifying.id(), kRob, 90, "lms-1");
  ASSERT_TRUE(recorded.ok()) << recorded.status();
  for (int64_t id : {plain.id(), certifying.id()}) {
    absl::StatusOr<cim::v1::TrainingModule> archived = Edit(id, "archived", "archived: true");
    ASSERT_TRUE(archived.ok()) << archived.status();
    EXPECT_TRUE(archived->archived());
  }

  // Partner users and the LMS alike are refused; the LMS's repeat is answered as recorded.
  EXPECT_THAT(Attempt(plain.id(), {}, Ann()),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("this training module is archived")));
  EXPECT_THAT(Attempt(plain.id(), {}),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("archived")));
  EXPECT_THAT(Record(certifying.id(), kBea, 90, "lms-2"),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("this training module is archived")));
  EXPECT_THAT(Record(certifying.id(), kRob, 90, "lms-1"),
              testing::IsOkAndHolds(Property(&cim::v1::TrainingCompletion::id, recorded->id())));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM training_completions"), 2);

  // What was earned stays: points, the certification, and the module for badge criteria.
  EXPECT_EQ(Count(absl::StrCat("SELECT CAST(SUM(amount) AS SIGNED) FROM ledger_entries"
                               " WHERE user_id = ",
                               kRob)),
            110);
  absl::StatusOr<cim::v1::ListCertificationsResponse> certs = Certifications(Rob());
  ASSERT_TRUE(certs.ok()) << certs.status();
  EXPECT_THAT(Holders(*certs), ElementsAre(kRob));
  EXPECT_THAT(store_.GetTrainingModule(certifying.id()),
              testing::IsOkAndHolds(Property(&cim::v1::TrainingModule::archived, true)));

  // Partners never list them, even asking; vendor roles when they ask; the LMS never.
  EXPECT_THAT(Listed(Rob()), IsEmpty());
  EXPECT_THAT(Listed(Rob(), true), IsEmpty());
  EXPECT_THAT(Listed(Ann(), true), IsEmpty());
  EXPECT_THAT(Listed(Admin()), IsEmpty());
  EXPECT_THAT(Listed(Admin(), true), ElementsAre(plain.id(), certifying.id()));
  EXPECT_THAT(Listed(Manager(), true), ElementsAre(plain.id(), certifying.id()));
  EXPECT_THAT(Listed(Lms(), true), IsEmpty());

  // Restored, the module is listed and completed again (Rob's repeat earns no points).
  ASSERT_TRUE(Edit(plain.id(), "archived", "archived: false").ok());
  EXPECT_THAT(Listed(Rob()), ElementsAre(plain.id()));
  EXPECT_THAT(Attempt(plain.id(), {}),
              testing::IsOkAndHolds(Property(&cim::v1::TrainingCompletion::points_awarded, "0")));
}

// The store, with an edit by another program admin committed between CompleteTraining's read of
// the module and its RecordCompletion.
class EditRacingStore final : public TrainingRepository {
 public:
  EditRacingStore(TrainingRepository& store, std::function<void()> edit)
      : store_(store), edit_(std::move(edit)) {}
  absl::StatusOr<cim::v1::TrainingModule> GetTrainingModule(int64_t id) override {
    return store_.GetTrainingModule(id);
  }
  absl::StatusOr<cim::v1::TrainingModule> InsertTrainingModule(const cim::v1::TrainingModule& m,
                                                               int64_t by,
                                                               absl::Time now) override {
    return store_.InsertTrainingModule(m, by, now);
  }
  absl::StatusOr<cim::v1::TrainingModule> UpdateTrainingModule(const cim::v1::TrainingModule& m,
                                                               int64_t version) override {
    return store_.UpdateTrainingModule(m, version);
  }
  absl::StatusOr<std::vector<cim::v1::TrainingModule>> ListTrainingModules(
      int64_t after, int limit, bool include_archived) override {
    return store_.ListTrainingModules(after, limit, include_archived);
  }
  absl::StatusOr<std::vector<absl::Time>> QuizFailuresSince(int64_t user, int64_t module,
                                                            absl::Time since) override {
    return store_.QuizFailuresSince(user, module, since);
  }
  absl::Status RecordQuizFailure(int64_t user, int64_t module, int score, absl::Time at) override {
    return store_.RecordQuizFailure(user, module, score, at);
  }
  absl::StatusOr<absl::flat_hash_map<int64_t, absl::Time>> LastCompletionTimes(
      int64_t user, const std::vector<int64_t>& modules) override {
    return store_.LastCompletionTimes(user, modules);
  }
  absl::StatusOr<cim::v1::TrainingCompletion> RecordCompletion(const NewCompletion& c) override {
    if (edit_) std::exchange(edit_, nullptr)();
    return store_.RecordCompletion(c);
  }
  absl::StatusOr<std::vector<cim::v1::Certification>> ListCertifications(
      const CertificationFilter& filter, int64_t offset, int limit) override {
    return store_.ListCertifications(filter, offset, limit);
  }

 private:
  TrainingRepository& store_;
  std::function<void()> edit_;
};

TEST_F(TrainingTest, AnEditCommittedDuringACompletionAppliesToIt) {
  const cim::v1::TrainingModule plain =
      Define(R"pb(title: "Plain" duration_minutes: 5 points: "10")pb");
  EditRacingStore racing(
      store_, [&] { ASSERT_TRUE(Edit(plain.id(), "points", R"pb(points: "20")pb").ok()); });
  Training training(racing, users_, clock_);
  cim::v1::CompleteTrainingRequest request;
  request.set_module_id(plain.id());
  absl::StatusOr<cim::v1::TrainingCompletion> done = training.CompleteTraining(Rob(), request);
  ASSERT_TRUE(done.ok()) << done.status();
  EXPECT_EQ(done->points_awarded(), "20");

  // An archive committed meanwhile refuses it.
  EditRacingStore archiving(
      store_, [&] { ASSERT_TRUE(Edit(plain.id(), "archived", "archived: true").ok()); });
  Training archived(archiving, users_, clock_);
  EXPECT_THAT(archived.CompleteTraining(Bea(), request),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("archived")));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM training_completions"), 1);
}

}  // namespace
}  // namespace cim
