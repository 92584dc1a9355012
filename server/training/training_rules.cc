#include "server/training/training_rules.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "lib/decimal_field.h"
#include "lib/phrase.h"
#include "lib/text_field.h"
#include "server/program/program_rules.h"

namespace cim {

void ValidateTrainingModule(const cim::v1::TrainingModule& module, const std::string& prefix,
                            FieldErrors& errors) {
  ValidateText(module.title(), prefix + "title", 1, 120, errors);
  if (CodePoints(module.description()) > 2000) {
    errors.Add(prefix + "description", "at most 2,000 characters");
  }
  if (module.duration_minutes() < 1 || module.duration_minutes() > 10000) {
    errors.Add(prefix + "duration_minutes", "1 to 10,000");
  }
  if (!module.points().empty()) {
    ParseDecimalField(
        module.points(), prefix + "points",
        DecimalBounds{.allow_zero = true, .max_scale = 0, .max = Decimal::FromInt(1'000'000)},
        errors);
  }
  if (module.certification_code().empty()) {
    if (module.certification_valid_months() != 0) {
      errors.Add(prefix + "certification_valid_months", "only with a certification_code");
    }
  } else {
    if (!IsCertificationCode(module.certification_code())) {
      errors.Add(prefix + "certification_code", kCertificationCodeRule);
    }
    if (module.certification_valid_months() < 1 || module.certification_valid_months() > 120) {
      errors.Add(prefix + "certification_valid_months", "1 to 120");
    }
  }
  if (module.pass_mark() < 0 || module.pass_mark() > 100) {
    errors.Add(prefix + "pass_mark", "1 to 100, or 0 for no quiz");
  } else if (module.pass_mark() == 0 && module.quiz_questions_size() > 0) {
    errors.Add(prefix + "pass_mark", "1 to 100 for a module with quiz questions");
  }
  constexpr int kMaxQuestions = 20;
  if (!module.certification_code().empty() && module.quiz_questions_size() > 0) {
    // Only the LMS records completions of certifying modules, so a portal quiz would never run.
    errors.Add(prefix + "quiz_questions",
               "not with a certification: the LMS runs its quiz and records completions");
  }
  if (module.quiz_questions_size() > kMaxQuestions) {
    errors.Add(prefix + "quiz_questions", "at most 20 questions");
    return;
  }
  for (int q = 0; q < module.quiz_questions_size(); ++q) {
    const cim::v1::QuizQuestion& question = module.quiz_questions(q);
    const std::string at = absl::StrCat(prefix, "quiz_questions[", q, "].");
    ValidateText(question.prompt(), at + "prompt", 1, 500, errors);
    if (question.options_size() < 2 || question.options_size() > 8) {
      errors.Add(at + "options", "2 to 8 answers");
    }
    absl::flat_hash_set<std::string> seen;
    for (int o = 0; o < question.options_size(); ++o) {
      const std::string field = absl::StrCat(at, "options[", o, "]");
      ValidateText(question.options(o), field, 1, 200, errors);
      if (!seen.insert(question.options(o)).second) errors.Add(field, "the same as another answer");
    }
    if (question.correct_options().empty()) {
      errors.Add(at + "correct_options", "at least one correct answer");
    }
    absl::flat_hash_set<int> correct;
    for (int c : question.correct_options()) {
      if (c < 0 || c >= question.options_size() || !correct.insert(c).second) {
        errors.Add(at + "correct_options", "distinct indexes of the options, from 0");
        break;
      }
    }
  }
}

void ApplyTrainingModuleUpdate(const cim::v1::TrainingModule& update,
                               const google::protobuf::FieldMask& mask,
                               cim::v1::TrainingModule& module) {
  for (const std::string& path : mask.paths()) {
    if (path == "title") module.set_title(update.title());
    if (path == "description") module.set_description(update.description());
    if (path == "duration_minutes") module.set_duration_minutes(update.duration_minutes());
    if (path == "points") module.set_points(update.points());
    if (path == "pass_mark") module.set_pass_mark(update.pass_mark());
    if (path == "quiz_questions") *module.mutable_quiz_questions() = update.quiz_questions();
    if (path == "certification_valid_months") {
      module.set_certification_valid_months(update.certification_valid_months());
    }
    if (path == "archived") module.set_archived(update.archived());
  }
}

absl::Status CheckModuleOpen(const cim::v1::TrainingModule& module) {
  if (module.archived()) {
    return absl::FailedPreconditionError(Phrase("error.module_archived").str());
  }
  return absl::OkStatus();
}

absl::Status CheckQuizScore(const cim::v1::TrainingModule& module, int quiz_score) {
  if (quiz_score < module.pass_mark()) {
    return absl::FailedPreconditionError(Phrase("error.quiz_below_pass")
                                             .Count("score", quiz_score)
                                             .Count("pass", module.pass_mark())
                                             .str());
  }
  return absl::OkStatus();
}

void ValidateQuizAnswers(const cim::v1::TrainingModule& module,
                         const google::protobuf::RepeatedPtrField<cim::v1::QuizAnswer>& answers,
                         FieldErrors& errors) {
  if (answers.size() != module.quiz_questions_size()) {
    errors.Add("quiz_answers",
               Phrase("error.quiz_one_answer").Count("questions", module.quiz_questions_size()));
    return;
  }
  for (int q = 0; q < answers.size(); ++q) {
    const int options = module.quiz_questions(q).options_size();
    absl::flat_hash_set<int> selected;
    bool valid = !answers[q].selected_options().empty();
    for (int o : answers[q].selected_options()) {
      valid = valid && o >= 0 && o < options && selected.insert(o).second;
    }
    if (!valid) {
      errors.Add(absl::StrCat("quiz_answers[", q, "].selected_options"),
                 Phrase("error.quiz_options").Count("last", options - 1));
    }
  }
}

int GradeQuiz(const cim::v1::TrainingModule& module,
              const google::protobuf::RepeatedPtrField<cim::v1::QuizAnswer>& answers) {
  const int questions = module.quiz_questions_size();
  if (questions == 0) return 0;
  int right = 0;
  for (int q = 0; q < questions && q < answers.size(); ++q) {
    const auto& expected = module.quiz_questions(q).correct_options();
    const auto& given = answers[q].selected_options();
    const absl::flat_hash_set<int> correct(expected.begin(), expected.end());
    const absl::flat_hash_set<int> selected(given.begin(), given.end());
    if (correct == selected) ++right;
  }
  return right * 100 / questions;
}

absl::Status CheckQuizAttemptAllowed(const std::vector<absl::Time>& failures, absl::Time now) {
  if (static_cast<int>(failures.size()) < kMaxQuizFailures) return absl::OkStatus();
  // The attempt that frees a try is the oldest of the last kMaxQuizFailures.
  const absl::Time retry = failures[failures.size() - kMaxQuizFailures] + kQuizFailureWindow;
  if (retry <= now) return absl::OkStatus();
  return absl::ResourceExhaustedError(
      Phrase("error.quiz_locked")
          .Count("failures", kMaxQuizFailures)
          .Count("hours", absl::ToInt64Hours(kQuizFailureWindow))
          .Text("retry", absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", retry, absl::UTCTimeZone()))
          .str());
}

void HideQuizAnswers(cim::v1::TrainingModule& module) {
  for (cim::v1::QuizQuestion& question : *module.mutable_quiz_questions()) {
    question.clear_correct_options();
  }
}

absl::Time CertificationExpiry(absl::Time earned, int months) {
  const absl::CivilSecond at = absl::ToCivilSecond(earned, absl::UTCTimeZone());
  const absl::CivilMonth month = absl::CivilMonth(at) + months;
  const absl::CivilDay last_day = absl::CivilDay(month + 1) - 1;
  const int day = std::min(at.day(), last_day.day());
  return absl::FromCivil(
      absl::CivilSecond(month.year(), month.month(), day, at.hour(), at.minute(), at.second()),
      absl::UTCTimeZone());
}

}  // namespace cim
