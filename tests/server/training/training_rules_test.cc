// Training's pure rules against hand-computed cases: certification expiry, quiz scores against
// the pass mark, grading question by question, the limit on failed attempts, and validation of
// modules.
#include "server/training/training_rules.h"

#include <google/protobuf/text_format.h>

#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::testing::HasSubstr;
using namespace cim::v1;  // NOLINT: the API's message names read best unqualified here

TEST(TrainingRulesTest, CertificationsExpireOnTheSameDayMonthsLater) {
  struct Case {
    absl::CivilSecond earned;
    int months;
    absl::CivilSecond expires;
  };
  const Case cases[] = {
      {absl::CivilSecond(2026, 3, 2, 9, 0, 0), 24, absl::CivilSecond(2028, 3, 2, 9, 0, 0)},
      {absl::CivilSecond(2026, 1, 31, 14, 30, 0), 1, absl::CivilSecond(2026, 2, 28, 14, 30, 0)},
      {absl::CivilSecond(2027, 1, 31, 8, 0, 0), 13, absl::CivilSecond(2028, 2, 29, 8, 0, 0)},
      {absl::CivilSecond(2026, 11, 30, 0, 0, 0), 3, absl::CivilSecond(2027, 2, 28, 0, 0, 0)},
      {absl::CivilSecond(2026, 8, 31, 23, 59, 59), 120, absl::CivilSecond(2036, 8, 31, 23, 59, 59)},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(CertificationExpiry(absl::FromCivil(c.earned, absl::UTCTimeZone()), c.months),
              absl::FromCivil(c.expires, absl::UTCTimeZone()))
        << c.earned << " + " << c.months;
  }
}

TEST(TrainingRulesTest, QuizScoresAgainstThePassMark) {
  TrainingModule quiz;
  quiz.set_pass_mark(80);
  EXPECT_THAT(CheckQuizScore(quiz, 79),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("pass mark of 80%")));
  EXPECT_TRUE(CheckQuizScore(quiz, 80).ok());
  EXPECT_TRUE(CheckQuizScore(TrainingModule(), 0).ok());
}

TEST(TrainingRulesTest, QuizzesAreGradedQuestionByQuestion) {
  TrainingModule module;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(
      "pass_mark: 50"
      " quiz_questions { prompt: \"A\" options: \"x\" options: \"y\" correct_options: 1 }"
      " quiz_questions { prompt: \"B\" options: \"x\" options: \"y\" options: \"z\""
      "   correct_options: 0 correct_options: 2 }"
      " quiz_questions { prompt: \"C\" options: \"x\" options: \"y\" correct_options: 0 }",
      &module));
  struct Case {
    std::vector<std::vector<int>> answers;
    int score;
    const char* bad_field;  // nullptr: valid
  };
  const Case cases[] = {
      {{{1}, {0, 2}, {0}}, 100, nullptr},
      {{{1}, {2, 0}, {1}}, 66, nullptr},  // rounded down
      {{{1}, {0}, {0}}, 66, nullptr},     // part of a multiple answer is wrong
      {{{1}, {0, 1, 2}, {0}}, 66, nullptr},
      {{{0}, {1}, {1}}, 0, nullptr},
      {{{1}, {0, 2}}, 0, "quiz_answers"},
      {{{1}, {0, 2}, {0}, {0}}, 0, "quiz_answers"},
      {{{1}, {0, 0}, {0}}, 0, "quiz_answers[1].selected_options"},
      {{{1}, {3}, {0}}, 0, "quiz_answers[1].selected_options"},
      {{{-1}, {0}, {0}}, 0, "quiz_answers[0].selected_options"},
      {{{}, {0}, {0}}, 0, "quiz_answers[0].selected_options"},
  };
  for (const Case& c : cases) {
    google::protobuf::RepeatedPtrField<cim::v1::QuizAnswer> answers;
    for (const auto& selected : c.answers) {
      answers.Add()->mutable_selected_options()->Add(selected.begin(), selected.end());
    }
    FieldErrors errors;
    ValidateQuizAnswers(module, answers, errors);
    if (c.bad_field != nullptr) {
      ASSERT_EQ(errors.violations().size(), 1) << c.bad_field;
      EXPECT_EQ(errors.violations()[0].first, c.bad_field);
      continue;
    }
    EXPECT_TRUE(errors.violations().empty()) << errors.ToStatus();
    EXPECT_EQ(GradeQuiz(module, answers), c.score) << errors.ToStatus();
  }
  HideQuizAnswers(module);
  EXPECT_TRUE(module.quiz_questions(1).correct_options().empty());
  EXPECT_EQ(module.quiz_questions(1).options(2), "z");
}

TEST(TrainingRulesTest, FailedQuizAttemptsAreLimitedPerRollingDay) {
  const absl::Time t0 =
      absl::FromCivil(absl::CivilSecond(2026, 12, 1, 9, 0, 0), absl::UTCTimeZone());
  const absl::Time now = t0 + absl::Hours(5);
  struct Case {
    std::vector<absl::Time> failures;
    const char* retry;  // nullptr: allowed
  };
  const Case cases[] = {
      {{}, nullptr},
      {{t0, t0 + absl::Hours(1)}, nullptr},
      {{t0, t0 + absl::Hours(1), t0 + absl::Hours(2)}, "try again after 2026-12-02T09:00:00Z"},
      {{t0, t0 + absl::Hours(1), t0 + absl::Hours(2), t0 + absl::Hours(3)},
       "try again after 2026-12-02T10:00:00Z"},
      // A day after the oldest of the last three, a try is free again.
      {{now - absl::Hours(24), now - absl::Hours(2), now - absl::Hours(1)}, nullptr},
  };
  for (const Case& c : cases) {
    const absl::Status status = CheckQuizAttemptAllowed(c.failures, now);
    if (c.retry == nullptr) {
      EXPECT_TRUE(status.ok()) << status;
    } else {
      EXPECT_THAT(status, StatusIs(absl::StatusCode::kResourceExhausted, HasSubstr(c.retry)));
    }
  }
}

TEST(TrainingRulesTest, ValidationNamesEachBadField) {
  struct Case {
    const char* name;
    const char* module;
    const char* field;
  };
  const Case cases[] = {
      {"no title", "duration_minutes: 10", "training_module.title"},
      {"no duration", "title: \"A\"", "training_module.duration_minutes"},
      {"fractional points", "title: \"A\" duration_minutes: 10 points: \"1.5\"",
       "training_module.points"},
      {"months without certification",
       "title: \"A\" duration_minutes: 10 certification_valid_months: 12",
       "training_module.certification_valid_months"},
      {"certification without months",
       "title: \"A\" duration_minutes: 10 certification_code: \"net-pro\"",
       "training_module.certification_valid_months"},
      {"bad certification code",
       "title: \"A\" duration_minutes: 10 certification_code: \"Net Pro\""
       " certification_valid_months: 12",
       "training_module.certification_code"},
      {"pass mark above 100", "title: \"A\" duration_minutes: 10 pass_mark: 101",
       "training_module.pass_mark"},
      {"quiz without a pass mark",
       "title: \"A\" duration_minutes: 10 quiz_questions { prompt: \"Q\" options: \"x\""
       " options: \"y\" correct_options: 0 }",
       "training_module.pass_mark"},
      {"portal quiz on a certification",
       "title: \"A\" duration_minutes: 10 pass_mark: 50 certification_code: \"net-pro\""
       " certification_valid_months: 12 quiz_questions { prompt: \"Q\" options: \"x\""
       " options: \"y\" correct_options: 0 }",
       "training_module.quiz_questions"},
      {"question without a prompt",
       "title: \"A\" duration_minutes: 10 pass_mark: 50 quiz_questions { options: \"x\""
       " options: \"y\" correct_options: 0 }",
       "training_module.quiz_questions[0].prompt"},
      {"one option",
       "title: \"A\" duration_minutes: 10 pass_mark: 50 quiz_questions { prompt: \"Q\""
       " options: \"x\" correct_options: 0 }",
       "training_module.quiz_questions[0].options"},
      {"the same option twice",
       "title: \"A\" duration_minutes: 10 pass_mark: 50 quiz_questions { prompt: \"Q\""
       " options: \"x\" options: \"x\" correct_options: 0 }",
       "training_module.quiz_questions[0].options[1]"},
      {"no correct option",
       "title: \"A\" duration_minutes: 10 pass_mark: 50 quiz_questions { prompt: \"Q\""
       " options: \"x\" options: \"y\" }",
       "training_module.quiz_questions[0].correct_options"},
      {"a correct option that does not exist",
       "title: \"A\" duration_minutes: 10 pass_mark: 50 quiz_questions { prompt: \"Q\""
       " options: \"x\" options: \"y\" correct_options: 2 }",
       "training_module.quiz_questions[0].correct_options"},
  };
  for (const Case& c : cases) {
    TrainingModule module;
    ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(c.module, &module)) << c.name;
    FieldErrors errors;
    ValidateTrainingModule(module, "training_module.", errors);
    ASSERT_EQ(errors.violations().size(), 1) << c.name << ": " << errors.ToStatus();
    EXPECT_EQ(errors.violations()[0].first, c.field) << c.name;
  }
}

TEST(TrainingRulesTest, AnUpdateCopiesOnlyTheMaskedFieldsAndNeverTheCertification) {
  TrainingModule stored;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(
      "id: 7 title: \"Storage\" description: \"Arrays\" duration_minutes: 45 points: \"50\""
      " certification_code: \"storage-expert\" certification_valid_months: 24 pass_mark: 80"
      " etag: \"3\"",
      &stored));
  TrainingModule update;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(
      "id: 7 title: \"Storage 2\" description: \"\" duration_minutes: 1 points: \"75\""
      " certification_code: \"other\" certification_valid_months: 6 pass_mark: 90"
      " archived: true quiz_questions { prompt: \"Q\" options: \"x\" options: \"y\" }",
      &update));
  struct Case {
    std::string paths;
    std::string expected;  // the stored module after the update, as text
  };
  const Case cases[] = {
      {"points", "points: \"75\""},
      {"title,description", "title: \"Storage 2\" description: \"\""},
      {"certification_valid_months,archived", "certification_valid_months: 6 archived: true"},
      {"pass_mark,quiz_questions,duration_minutes",
       "pass_mark: 90 duration_minutes: 1"
       " quiz_questions { prompt: \"Q\" options: \"x\" options: \"y\" }"},
      // Not an updatable path (the RPC refuses it): nothing changes.
      {"certification_code", ""},
  };
  for (const Case& c : cases) {
    google::protobuf::FieldMask mask;
    for (absl::string_view path : absl::StrSplit(c.paths, ',')) mask.add_paths(std::string(path));
    TrainingModule module = stored;
    ApplyTrainingModuleUpdate(update, mask, module);
    TrainingModule expected = stored;
    ASSERT_TRUE(google::protobuf::TextFormat::MergeFromString(c.expected, &expected)) << c.paths;
    EXPECT_EQ(module.DebugString(), expected.DebugString()) << c.paths;
    EXPECT_EQ(module.certification_code(), "storage-expert") << c.paths;
  }
  // Clearing the quiz: the masked empty list replaces it.
  TrainingModule with_quiz = stored;
  with_quiz.add_quiz_questions()->set_prompt("Old");
  google::protobuf::FieldMask quiz;
  quiz.add_paths("quiz_questions");
  ApplyTrainingModuleUpdate(TrainingModule(), quiz, with_quiz);
  EXPECT_EQ(with_quiz.quiz_questions_size(), 0);
}

TEST(TrainingRulesTest, ArchivedModulesAreClosed) {
  TrainingModule module;
  EXPECT_TRUE(CheckModuleOpen(module).ok());
  module.set_archived(true);
  EXPECT_THAT(CheckModuleOpen(module), StatusIs(absl::StatusCode::kFailedPrecondition,
                                                HasSubstr("this training module is archived")));
}

}  // namespace
}  // namespace cim
