// The training store against MariaDB: modules stored and read back (quiz included), listed in
// id order and paged; a taken title is ALREADY_EXISTS, an unknown id NOT_FOUND; a user's first
// completion of a module posts its points (ledger entry and outbox event) and later ones do
// not; certifications are granted, renewed without ever shortening, and listed by expiry for
// active holders only; an LMS's repeated completion id returns what it stored; failed quiz
// attempts are read back within their window. Modules are updated at their version (etag),
// quiz included, never their certification code; archived ones are listed only on request,
// still found by id, and refuse new completions inside the completion's transaction (an LMS's
// repeat still gets what it stored); a completion computed from a module edited since is
// ABORTED. Also the certification registry programs ask.
#include "server/training/mysql_training_repository.h"

#include <google/protobuf/text_format.h>

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "cim/v1/ledger.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/clock.h"
#include "lib/proto_time.h"
#include "server/training/mysql_certification_registry.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/test_database.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Property;
using ::testing::UnorderedElementsAre;

// 2026-03-02 09:00:00 UTC (DATETIME keeps whole seconds).
const absl::Time kT0 = absl::FromUnixSeconds(1772442000);

cim::v1::TrainingModule Module(const std::string& text) {
  cim::v1::TrainingModule m;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &m)) << text;
  return m;
}

class MysqlTrainingRepositoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(database_.db()
                    .Run([&](soci::session& s) -> absl::Status {
                      s << "INSERT INTO partners (name, type, tier, region, status, created_at,"
                           " updated_at) VALUES ('Alpha', 2, 'gold', 'EMEA', 1, NOW(), NOW())";
                      // Ann (active) and Ben (disabled) of Alpha, and the LMS's account.
                      const int rep = cim::v1::ROLE_PARTNER_REP;
                      const int lms = cim::v1::ROLE_SERVICE_ACCOUNT;
                      const int active = cim::v1::USER_STATUS_ACTIVE;
                      const int disabled = cim::v1::USER_STATUS_DISABLED;
                      s << "INSERT INTO users (email, display_name, role, partner_id, status,"
                           " created_at, updated_at) VALUES"
                           " ('ann@alpha.example', 'Ann', :r1, 1, :a1, NOW(), NOW()),"
                           " ('ben@alpha.example', 'Ben', :r2, 1, :d, NOW(), NOW()),"
                           " ('lms@vendor.example', 'LMS', :l, NULL, :a2, NOW(), NOW())",
                          soci::use(rep), soci::use(rep), soci::use(disabled), soci::use(lms),
                          soci::use(active), soci::use(active);
                      return absl::OkStatus();
                    })
                    .ok());
  }

  static constexpr int64_t kAlpha = 1;
  static constexpr int64_t kAnn = 1;
  static constexpr int64_t kBen = 2;
  static constexpr int64_t kLms = 3;

  cim::v1::TrainingModule Insert(const std::string& text) {
    absl::StatusOr<cim::v1::TrainingModule> m =
        training_.InsertTrainingModule(Module(text), kAnn, kT0);
    EXPECT_TRUE(m.ok()) << m.status();
    return m.value_or(cim::v1::TrainingModule());
  }

  // The module granting "storage-expert" for 24 months, worth 50 points.
  cim::v1::TrainingModule Storage() {
    return Insert(
        "title: \"Storage\" description: \"Arrays\" duration_minutes: 45 points: \"50\""
        " certification_code: \"storage-expert\" certification_valid_months: 24 pass_mark: 80");
  }

  static NewCompletion Completion(const cim::v1::TrainingModule& module, int64_t user,
                                  absl::Time at, absl::Time expiry = absl::InfinitePast()) {
    return NewCompletion{.module = module,
                         .user_id = user,
                         .partner_id = kAlpha,
                         .quiz_score = 90,
                         .recorded_by = kLms,
                         .now = at,
                         .certification_expiry = expiry};
  }

  testing::TestDatabase database_;
  MysqlTrainingRepository training_{database_.db()};
};

TEST_F(MysqlTrainingRepositoryTest, StoresAModuleAndReadsItBack) {
  const cim::v1::TrainingModule quiz = Insert(
      "title: \"Networking\" description: \"Wi-Fi\" duration_minutes: 30 points: \"30\""
      " pass_mark: 60 quiz_questions { prompt: \"Band?\" options: \"2.4 GHz\""
      " options: \"5 GHz\" correct_options: 0 }");
  EXPECT_GT(quiz.id(), 0);
  EXPECT_EQ(quiz.title(), "Networking");
  EXPECT_EQ(quiz.description(), "Wi-Fi");
  EXPECT_EQ(quiz.duration_minutes(), 30);
  EXPECT_EQ(quiz.points(), "30");
  EXPECT_EQ(quiz.pass_mark(), 60);
  EXPECT_EQ(quiz.certification_code(), "");
  ASSERT_EQ(quiz.quiz_questions_size(), 1);
  EXPECT_EQ(quiz.quiz_questions(0).prompt(), "Band?");
  EXPECT_THAT(quiz.quiz_questions(0).options(), ElementsAre("2.4 GHz", "5 GHz"));
  EXPECT_THAT(quiz.quiz_questions(0).correct_options(), ElementsAre(0));
  EXPECT_EQ(FromTimestamp(quiz.create_time()), kT0);
  EXPECT_FALSE(quiz.archived());
  EXPECT_EQ(quiz.etag(), "1");

  absl::StatusOr<cim::v1::TrainingModule> got = training_.GetTrainingModule(quiz.id());
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->SerializeAsString(), quiz.SerializeAsString());

  // No points given: stored as 0.
  const cim::v1::TrainingModule free = Insert("title: \"Free\" duration_minutes: 5");
  EXPECT_EQ(free.points(), "0");
}

TEST_F(MysqlTrainingRepositoryTest, ListsModulesInIdOrderByPage) {
  const cim::v1::TrainingModule a = Insert("title: \"A\" duration_minutes: 5");
  const cim::v1::TrainingModule b = Insert("title: \"B\" duration_minutes: 5");
  const cim::v1::TrainingModule c = Insert("title: \"C\" duration_minutes: 5");
  absl::StatusOr<std::vector<cim::v1::TrainingModule>> first =
      training_.ListTrainingModules(0, 2, false);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_THAT(*first, ElementsAre(Property(&cim::v1::TrainingModule::title, "A"),
                                  Property(&cim::v1::TrainingModule::title, "B")));
  absl::StatusOr<std::vector<cim::v1::TrainingModule>> rest =
      training_.ListTrainingModules(b.id(), 2, false);
  ASSERT_TRUE(rest.ok()) << rest.status();
  EXPECT_THAT(*rest, ElementsAre(Property(&cim::v1::TrainingModule::id, c.id())));
  absl::StatusOr<std::vector<cim::v1::TrainingModule>> none =
      training_.ListTrainingModules(c.id(), 2, false);
  ASSERT_TRUE(none.ok()) << none.status();
  EXPECT_THAT(*none, IsEmpty());
  EXPECT_LT(a.id(), b.id());
}

TEST_F(MysqlTrainingRepositoryTest, TakenTitleIsAlreadyExistsAndUnknownIdNotFound) {
  Insert("title: \"Storage\" duration_minutes: 5");
  EXPECT_THAT(
      training_.InsertTrainingModule(Module("title: \"Storage\" duration_minutes: 9"), kAnn, kT0),
      StatusIs(absl::StatusCode::kAlreadyExists));
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM training_modules"), 1);
  EXPECT_THAT(training_.GetTrainingModule(9999),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("training module 9999")));
}

TEST_F(MysqlTrainingRepositoryTest, OnlyTheFirstCompletionPostsPoints) {
  const cim::v1::TrainingModule module =
      Insert("title: \"Selling\" duration_minutes: 60 points: \"40\"");
  absl::StatusOr<cim::v1::TrainingCompletion> first =
      training_.RecordCompletion(Completion(module, kAnn, kT0));
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_TRUE(first->first_completion());
  EXPECT_EQ(first->points_awarded(), "40");
  EXPECT_EQ(first->module_id(), module.id());
  EXPECT_EQ(first->user_id(), kAnn);
  EXPECT_EQ(first->partner_id(), kAlpha);
  EXPECT_EQ(first->quiz_score(), 90);
  EXPECT_EQ(FromTimestamp(first->complete_time()), kT0);
  EXPECT_FALSE(first->has_certification());

  absl::StatusOr<cim::v1::TrainingCompletion> again =
      training_.RecordCompletion(Completion(module, kAnn, kT0 + absl::Hours(1)));
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_FALSE(again->first_completion());
  EXPECT_EQ(again->points_awarded(), "0");
  EXPECT_NE(again->id(), first->id());

  EXPECT_EQ(database_.Count(absl::StrCat(
                "SELECT COUNT(*) FROM ledger_entries WHERE user_id = ", kAnn,
                " AND account = ", cim::v1::LEDGER_ACCOUNT_POINTS, " AND amount = 40")),
            1);
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM ledger_entries"), 1);
  EXPECT_EQ(database_.Count(
                absl::StrCat("SELECT COUNT(*) FROM outbox_events WHERE user_id = ", kAnn,
                             " AND kind = ", cim::v1::RECOGNITION_EVENT_KIND_TRAINING_COMPLETED)),
            1);
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM outbox_events"), 1);
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM training_completions"), 2);

  absl::StatusOr<absl::flat_hash_map<int64_t, absl::Time>> last =
      training_.LastCompletionTimes(kAnn, {module.id(), 9999});
  ASSERT_TRUE(last.ok()) << last.status();
  ASSERT_EQ(last->size(), 1u);
  EXPECT_EQ(last->at(module.id()), kT0 + absl::Hours(1));
  absl::StatusOr<absl::flat_hash_map<int64_t, absl::Time>> none =
      training_.LastCompletionTimes(kBen, {module.id()});
  ASSERT_TRUE(none.ok()) << none.status();
  EXPECT_TRUE(none->empty());
}

TEST_F(MysqlTrainingRepositoryTest, CertificationsAreGrantedRenewedNeverShortenedAndListed) {
  const cim::v1::TrainingModule storage = Storage();
  const absl::Time expiry = kT0 + absl::Hours(24 * 730);
  absl::StatusOr<cim::v1::TrainingCompletion> done =
      training_.RecordCompletion(Completion(storage, kAnn, kT0, expiry));
  ASSERT_TRUE(done.ok()) << done.status();
  ASSERT_TRUE(done->has_certification());
  EXPECT_EQ(done->certification().certification_code(), "storage-expert");
  EXPECT_EQ(done->certification().module_id(), storage.id());
  EXPECT_EQ(FromTimestamp(done->certification().earn_time()), kT0);
  EXPECT_EQ(FromTimestamp(done->certification().expire_time()), expiry);

  // A renewal with an earlier expiry keeps the longer grant.
  absl::StatusOr<cim::v1::TrainingCompletion> shorter = training_.RecordCompletion(
      Completion(storage, kAnn, kT0 + absl::Hours(1), kT0 + absl::Hours(48)));
  ASSERT_TRUE(shorter.ok()) << shorter.status();
  EXPECT_EQ(FromTimestamp(shorter->certification().earn_time()), kT0);
  EXPECT_EQ(FromTimestamp(shorter->certification().expire_time()), expiry);
  // A renewal with a later expiry extends it.
  const absl::Time later = expiry + absl::Hours(24);
  absl::StatusOr<cim::v1::TrainingCompletion> renewed =
      training_.RecordCompletion(Completion(storage, kAnn, kT0 + absl::Hours(2), later));
  ASSERT_TRUE(renewed.ok()) << renewed.status();
  EXPECT_EQ(FromTimestamp(renewed->certification().earn_time()), kT0 + absl::Hours(2));
  EXPECT_EQ(FromTimestamp(renewed->certification().expire_time()), later);

  // Ben's certification expires sooner, but Ben is disabled: he is not listed.
  ASSERT_TRUE(
      training_.RecordCompletion(Completion(storage, kBen, kT0, kT0 + absl::Hours(24))).ok());
  absl::StatusOr<std::vector<cim::v1::Certification>> all =
      training_.ListCertifications(CertificationFilter{.partner_id = kAlpha}, 0, 10);
  ASSERT_TRUE(all.ok()) << all.status();
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ((*all)[0].user_id(), kAnn);
  EXPECT_EQ((*all)[0].user_display_name(), "Ann");
  EXPECT_EQ((*all)[0].partner_id(), kAlpha);
  EXPECT_EQ(FromTimestamp((*all)[0].expire_time()), later);

  // Filters: valid at a time past the expiry, or expiring before one before it.
  absl::StatusOr<std::vector<cim::v1::Certification>> expired = training_.ListCertifications(
      CertificationFilter{.user_id = kAnn, .valid_at = later + absl::Seconds(1)}, 0, 10);
  ASSERT_TRUE(expired.ok()) << expired.status();
  EXPECT_THAT(*expired, IsEmpty());
  absl::StatusOr<std::vector<cim::v1::Certification>> not_soon = training_.ListCertifications(
      CertificationFilter{.user_id = kAnn, .expiring_before = later - absl::Seconds(1)}, 0, 10);
  ASSERT_TRUE(not_soon.ok()) << not_soon.status();
  EXPECT_THAT(*not_soon, IsEmpty());
  absl::StatusOr<std::vector<cim::v1::Certification>> soon = training_.ListCertifications(
      CertificationFilter{.user_id = kAnn, .expiring_before = later + absl::Seconds(1)}, 0, 10);
  ASSERT_TRUE(soon.ok()) << soon.status();
  EXPECT_EQ(soon->size(), 1u);
  absl::StatusOr<std::vector<cim::v1::Certification>> past_offset =
      training_.ListCertifications(CertificationFilter{}, 1, 10);
  ASSERT_TRUE(past_offset.ok()) << past_offset.status();
  EXPECT_THAT(*past_offset, IsEmpty());

  // Programs ask the registry: Alpha holds the code while Ann's certification is valid.
  FakeClock clock(kT0);
  MysqlCertificationRegistry registry(database_.db(), clock);
  absl::StatusOr<absl::flat_hash_set<std::string>> held = registry.HeldByPartner(kAlpha);
  ASSERT_TRUE(held.ok()) << held.status();
  EXPECT_THAT(*held, UnorderedElementsAre("storage-expert"));
  clock.Advance(later - kT0);
  held = registry.HeldByPartner(kAlpha);
  ASSERT_TRUE(held.ok()) << held.status();
  EXPECT_THAT(*held, IsEmpty());
}

TEST_F(MysqlTrainingRepositoryTest, RepeatedLmsCompletionIdReturnsTheStoredOne) {
  const cim::v1::TrainingModule module = Insert("title: \"Selling\" duration_minutes: 60");
  NewCompletion lms = Completion(module, kAnn, kT0);
  lms.external_completion_id = "lms-42";
  absl::StatusOr<cim::v1::TrainingCompletion> stored = training_.RecordCompletion(lms);
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ(stored->external_completion_id(), "lms-42");

  lms.now = kT0 + absl::Hours(1);
  absl::StatusOr<cim::v1::TrainingCompletion> repeated = training_.RecordCompletion(lms);
  ASSERT_TRUE(repeated.ok()) << repeated.status();
  EXPECT_EQ(repeated->id(), stored->id());
  EXPECT_EQ(FromTimestamp(repeated->complete_time()), kT0);

  NewCompletion other = Completion(module, kBen, kT0);
  other.external_completion_id = "lms-42";
  EXPECT_THAT(training_.RecordCompletion(other),
              StatusIs(absl::StatusCode::kAlreadyExists, HasSubstr("lms-42")));
  // Compared exactly: another case is another id.
  other.external_completion_id = "LMS-42";
  EXPECT_TRUE(training_.RecordCompletion(other).ok());
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM training_completions"), 2);
}

TEST_F(MysqlTrainingRepositoryTest, UpdatesAModuleAtItsVersionQuizIncludedButNeverItsCode) {
  const cim::v1::TrainingModule quiz = Insert(
      "title: \"Networking\" duration_minutes: 30 points: \"30\" pass_mark: 60"
      " quiz_questions { prompt: \"Band?\" options: \"2.4 GHz\" options: \"5 GHz\""
      " correct_options: 0 }");
  cim::v1::TrainingModule edit = quiz;
  edit.set_title("Networking 2");
  edit.set_description("Wi-Fi 7");
  edit.set_duration_minutes(40);
  edit.set_points("45");
  edit.set_pass_mark(100);
  edit.set_certification_code("sneaked-in");  // not a column an update writes
  edit.clear_quiz_questions();
  for (const char* prompt : {"VLAN?", "ACL?"}) {
    cim::v1::QuizQuestion* q = edit.add_quiz_questions();
    q->set_prompt(prompt);
    q->add_options("yes");
    q->add_options("no");
    q->add_correct_options(0);
  }
  absl::StatusOr<cim::v1::TrainingModule> updated = training_.UpdateTrainingModule(edit, 1);
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->etag(), "2");
  EXPECT_EQ(updated->title(), "Networking 2");
  EXPECT_EQ(updated->description(), "Wi-Fi 7");
  EXPECT_EQ(updated->duration_minutes(), 40);
  EXPECT_EQ(updated->points(), "45");
  EXPECT_EQ(updated->pass_mark(), 100);
  EXPECT_EQ(updated->certification_code(), "");
  EXPECT_FALSE(updated->archived());
  EXPECT_EQ(FromTimestamp(updated->create_time()), kT0);
  ASSERT_EQ(updated->quiz_questions_size(), 2);
  EXPECT_EQ(updated->quiz_questions(1).prompt(), "ACL?");
  absl::StatusOr<cim::v1::TrainingModule> got = training_.GetTrainingModule(quiz.id());
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->SerializeAsString(), updated->SerializeAsString());

  // At the version read before: someone else changed it.
  edit.set_points("1");
  EXPECT_THAT(training_.UpdateTrainingModule(edit, 1),
              StatusIs(absl::StatusCode::kAborted,
                       HasSubstr(absl::StrCat("training module ", quiz.id(),
                                              " was changed by someone else"))));
  // The quiz removed, and the module archived, at the current version.
  edit.clear_quiz_questions();
  edit.set_pass_mark(0);
  edit.set_archived(true);
  absl::StatusOr<cim::v1::TrainingModule> archived = training_.UpdateTrainingModule(edit, 2);
  ASSERT_TRUE(archived.ok()) << archived.status();
  EXPECT_EQ(archived->etag(), "3");
  EXPECT_TRUE(archived->archived());
  EXPECT_EQ(archived->points(), "1");
  EXPECT_THAT(archived->quiz_questions(), IsEmpty());
  EXPECT_EQ(database_.Count(absl::StrCat("SELECT LENGTH(quiz_json) FROM training_modules"
                                         " WHERE id = ",
                                         quiz.id())),
            0);

  // Another module's title is taken; an unknown id is not found. Neither changes anything.
  const cim::v1::TrainingModule other = Insert("title: \"Other\" duration_minutes: 5");
  cim::v1::TrainingModule clash = other;
  clash.set_title("networking 2");  // titles compare without case, as on create
  EXPECT_THAT(training_.UpdateTrainingModule(clash, 1), StatusIs(absl::StatusCode::kAlreadyExists));
  cim::v1::TrainingModule missing = other;
  missing.set_id(9999);
  EXPECT_THAT(training_.UpdateTrainingModule(missing, 1),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("training module 9999")));
  absl::StatusOr<cim::v1::TrainingModule> unchanged = training_.GetTrainingModule(other.id());
  ASSERT_TRUE(unchanged.ok()) << unchanged.status();
  EXPECT_EQ(unchanged->SerializeAsString(), other.SerializeAsString());
}

TEST_F(MysqlTrainingRepositoryTest, ArchivedModulesAreListedOnlyOnRequestAndStillFoundById) {
  const cim::v1::TrainingModule a = Insert("title: \"A\" duration_minutes: 5");
  cim::v1::TrainingModule b = Insert("title: \"B\" duration_minutes: 5");
  const cim::v1::TrainingModule c = Insert("title: \"C\" duration_minutes: 5");
  b.set_archived(true);
  ASSERT_TRUE(training_.UpdateTrainingModule(b, 1).ok());
  absl::StatusOr<std::vector<cim::v1::TrainingModule>> open =
      training_.ListTrainingModules(0, 10, false);
  ASSERT_TRUE(open.ok()) << open.status();
  EXPECT_THAT(*open, ElementsAre(Property(&cim::v1::TrainingModule::id, a.id()),
                                 Property(&cim::v1::TrainingModule::id, c.id())));
  // Pages still count only what is listed.
  absl::StatusOr<std::vector<cim::v1::TrainingModule>> page =
      training_.ListTrainingModules(0, 2, false);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(page->size(), 2u);
  absl::StatusOr<std::vector<cim::v1::TrainingModule>> all =
      training_.ListTrainingModules(0, 10, true);
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_THAT(*all, ElementsAre(Property(&cim::v1::TrainingModule::archived, false),
                                Property(&cim::v1::TrainingModule::archived, true),
                                Property(&cim::v1::TrainingModule::archived, false)));
  // What badge criteria look up.
  EXPECT_THAT(training_.GetTrainingModule(b.id()),
              testing::IsOkAndHolds(Property(&cim::v1::TrainingModule::archived, true)));
}

TEST_F(MysqlTrainingRepositoryTest, ArchivedModulesRefuseNewCompletionsButAnLmsRepeatIsAnswered) {
  cim::v1::TrainingModule module = Storage();
  NewCompletion lms = Completion(module, kAnn, kT0, kT0 + absl::Hours(24 * 730));
  lms.external_completion_id = "lms-1";
  absl::StatusOr<cim::v1::TrainingCompletion> stored = training_.RecordCompletion(lms);
  ASSERT_TRUE(stored.ok()) << stored.status();
  module.set_archived(true);
  absl::StatusOr<cim::v1::TrainingModule> archived = training_.UpdateTrainingModule(module, 1);
  ASSERT_TRUE(archived.ok()) << archived.status();

  // The repeat finds what it stored, even with the module as read before it was archived.
  lms.now = kT0 + absl::Hours(1);
  absl::StatusOr<cim::v1::TrainingCompletion> repeated = training_.RecordCompletion(lms);
  ASSERT_TRUE(repeated.ok()) << repeated.status();
  EXPECT_EQ(repeated->id(), stored->id());
  // A new one is refused, whether the caller read the module before or after archiving.
  for (const cim::v1::TrainingModule& read : {module, *archived}) {
    NewCompletion fresh = Completion(read, kBen, kT0 + absl::Hours(2), kT0 + absl::Hours(24 * 730));
    fresh.external_completion_id = "lms-2";
    EXPECT_THAT(training_.RecordCompletion(fresh),
                StatusIs(absl::StatusCode::kFailedPrecondition,
                         HasSubstr("this training module is archived")));
    fresh.external_completion_id.clear();
    EXPECT_THAT(training_.RecordCompletion(fresh),
                StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("archived")));
  }
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM training_completions"), 1);
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM ledger_entries"), 1);
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM certifications"), 1);

  // Restored, it is completed again.
  cim::v1::TrainingModule restore = *archived;
  restore.set_archived(false);
  absl::StatusOr<cim::v1::TrainingModule> restored = training_.UpdateTrainingModule(restore, 2);
  ASSERT_TRUE(restored.ok()) << restored.status();
  EXPECT_EQ(restored->etag(), "3");
  EXPECT_TRUE(training_
                  .RecordCompletion(Completion(*restored, kBen, kT0 + absl::Hours(3),
                                               kT0 + absl::Hours(24 * 730)))
                  .ok());
}

TEST_F(MysqlTrainingRepositoryTest, ACompletionOfAModuleEditedSinceItWasReadIsAborted) {
  const cim::v1::TrainingModule before =
      Insert("title: \"Selling\" duration_minutes: 60 points: \"40\"");
  cim::v1::TrainingModule edit = before;
  edit.set_points("60");
  absl::StatusOr<cim::v1::TrainingModule> after = training_.UpdateTrainingModule(edit, 1);
  ASSERT_TRUE(after.ok()) << after.status();
  EXPECT_THAT(training_.RecordCompletion(Completion(before, kAnn, kT0)),
              StatusIs(absl::StatusCode::kAborted, HasSubstr("changed by someone else")));
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM training_completions"), 0);
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM training_firsts"), 0);
  absl::StatusOr<cim::v1::TrainingCompletion> done =
      training_.RecordCompletion(Completion(*after, kAnn, kT0));
  ASSERT_TRUE(done.ok()) << done.status();
  EXPECT_EQ(done->points_awarded(), "60");
}

TEST_F(MysqlTrainingRepositoryTest, QuizFailuresAreReadWithinTheirWindow) {
  const cim::v1::TrainingModule quiz = Insert(
      "title: \"Quiz\" duration_minutes: 5 pass_mark: 50 quiz_questions { prompt: \"Q\""
      " options: \"x\" options: \"y\" correct_options: 0 }");
  const cim::v1::TrainingModule other = Insert("title: \"Other\" duration_minutes: 5");
  for (absl::Duration after : {absl::ZeroDuration(), absl::Hours(1), absl::Hours(25)}) {
    ASSERT_TRUE(training_.RecordQuizFailure(kAnn, quiz.id(), 30, kT0 + after).ok());
  }
  ASSERT_TRUE(training_.RecordQuizFailure(kBen, quiz.id(), 0, kT0 + absl::Hours(2)).ok());
  ASSERT_TRUE(training_.RecordQuizFailure(kAnn, other.id(), 0, kT0 + absl::Hours(2)).ok());

  absl::StatusOr<std::vector<absl::Time>> since =
      training_.QuizFailuresSince(kAnn, quiz.id(), kT0 + absl::Hours(1));
  ASSERT_TRUE(since.ok()) << since.status();
  EXPECT_THAT(*since, ElementsAre(kT0 + absl::Hours(1), kT0 + absl::Hours(25)));
  absl::StatusOr<std::vector<absl::Time>> all =
      training_.QuizFailuresSince(kAnn, quiz.id(), kT0 - absl::Hours(1));
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_EQ(all->size(), 3u);
  absl::StatusOr<std::vector<absl::Time>> later =
      training_.QuizFailuresSince(kAnn, quiz.id(), kT0 + absl::Hours(26));
  ASSERT_TRUE(later.ok()) << later.status();
  EXPECT_THAT(*later, IsEmpty());
  EXPECT_EQ(database_.Count("SELECT quiz_score FROM training_quiz_failures WHERE user_id = 1"
                            " ORDER BY id LIMIT 1"),
            30);
}

}  // namespace
}  // namespace cim
