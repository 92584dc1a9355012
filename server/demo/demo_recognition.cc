#include "server/demo/demo_recognition.h"

#include <google/protobuf/text_format.h>

#include "absl/strings/str_cat.h"
#include "lib/status_util.h"
#include "server/recognition/levels.h"
#include "server/recognition/outbox_rules.h"
#include "server/training/training_rules.h"

namespace cim {
namespace {

constexpr const char* kLevels[][2] = {
    {"Explorer", "0"}, {"Bronze", "250"},    {"Silver", "1000"},
    {"Gold", "2500"},  {"Platinum", "5000"}, {"Diamond", "10000"},
};

template <typename Message>
absl::StatusOr<Message> Parse(const std::string& text) {
  Message m;
  if (!google::protobuf::TextFormat::ParseFromString(text, &m)) {
    return absl::InternalError(absl::StrCat("bad demo definition: ", text));
  }
  return m;
}

}  // namespace

absl::StatusOr<DemoRecognitionSummary> LoadDemoRecognition(RecognitionRepository& recognition,
                                                           TrainingRepository& training,
                                                           ProgramRepository& programs,
                                                           UserRepository& users,
                                                           int64_t program_admin, absl::Time now) {
  DemoRecognitionSummary summary;
  std::vector<cim::v1::Level> levels;
  for (const auto& [name, min] : kLevels) {
    cim::v1::Level& level = levels.emplace_back();
    level.set_name(name);
    level.set_min_points(min);
  }
  CIM_ASSIGN_OR_RETURN(levels, ValidateLevels(levels));
  CIM_RETURN_IF_ERROR(recognition.ReplaceLevels(levels));
  summary.levels = static_cast<int>(levels.size());

  // The rebate program's partner sales board.
  int64_t rebate_program = 0;
  CIM_ASSIGN_OR_RETURN(std::vector<cim::v1::Program> all, programs.List({}, 0, 100));
  for (const cim::v1::Program& p : all) {
    if (p.name() == "Storage & Server Growth Rebate 2026") rebate_program = p.id();
  }
  std::vector<std::string> boards = {
      "name: \"Points this month\" metric: RECOGNITION_METRIC_POINTS"
      " scope: LEADERBOARD_SCOPE_INDIVIDUAL period: LEADERBOARD_PERIOD_MONTH",
      "name: \"All-time points\" metric: RECOGNITION_METRIC_POINTS"
      " scope: LEADERBOARD_SCOPE_INDIVIDUAL period: LEADERBOARD_PERIOD_ALL_TIME",
      "name: \"Partner points this quarter\" metric: RECOGNITION_METRIC_POINTS"
      " scope: LEADERBOARD_SCOPE_PARTNER period: LEADERBOARD_PERIOD_QUARTER",
  };
  if (rebate_program != 0) {
    boards.push_back(absl::StrCat(
        "name: \"Storage & Server sales this quarter\" metric: RECOGNITION_METRIC_SALES"
        " currency_code: \"EUR\" scope: LEADERBOARD_SCOPE_PARTNER"
        " period: LEADERBOARD_PERIOD_QUARTER program_id: ",
        rebate_program));
  }
  int64_t monthly_board = 0;
  for (const std::string& text : boards) {
    CIM_ASSIGN_OR_RETURN(cim::v1::Leaderboard board, Parse<cim::v1::Leaderboard>(text));
    CIM_ASSIGN_OR_RETURN(board, recognition.InsertLeaderboard(board, program_admin, now));
    if (monthly_board == 0) monthly_board = board.id();
    ++summary.leaderboards;
  }

  // Each badge is one text-format message split over several literals.
  // NOLINTBEGIN(bugprone-suspicious-missing-comma)
  const std::vector<std::string> badges = {
      "name: \"First deal\" description: \"Your first approved claim.\""
      " image_url: \"/badges/first-deal.svg\" criteria { event_count {"
      " event: RECOGNITION_EVENT_KIND_CLAIM_APPROVED count: 1 } }",
      "name: \"Deal maker\" description: \"Three approved claims.\""
      " image_url: \"/badges/deal-maker.svg\" criteria { event_count {"
      " event: RECOGNITION_EVENT_KIND_CLAIM_APPROVED count: 3 } }",
      "name: \"Quarter champion\" description: \"EUR 100,000 of approved sales in one quarter.\""
      " image_url: \"/badges/quarter-champion.svg\" criteria { period_sum {"
      " metric: RECOGNITION_METRIC_SALES currency_code: \"EUR\" period: PROGRAM_PERIOD_QUARTER"
      " threshold: \"100000\" } }",
      "name: \"Points sprinter\" description: \"500 points in one month.\""
      " image_url: \"/badges/points-sprinter.svg\" criteria { period_sum {"
      " metric: RECOGNITION_METRIC_POINTS period: PROGRAM_PERIOD_MONTH threshold: \"500\" } }",
      "name: \"On a roll\" description: \"An approved claim two months in a row.\""
      " image_url: \"/badges/on-a-roll.svg\" criteria { streak {"
      " event: RECOGNITION_EVENT_KIND_CLAIM_APPROVED months: 2 } }",
      "name: \"Storage certified\" description: \"Hold the storage expert certification.\""
      " image_url: \"/badges/storage-certified.svg\" criteria { certification {"
      " certification_code: \"storage-expert\" } }",
      "name: \"Lifelong learner\" description: \"Three training modules completed.\""
      " image_url: \"/badges/lifelong-learner.svg\" criteria { event_count {"
      " event: RECOGNITION_EVENT_KIND_TRAINING_COMPLETED count: 3 } }",
      absl::StrCat("name: \"Podium\" description: \"Finish a month in the top 3 for points.\""
                   " image_url: \"/badges/podium.svg\" criteria { placement { leaderboard_id: ",
                   monthly_board, " top: 3 } }"),
  };
  // NOLINTEND(bugprone-suspicious-missing-comma)
  for (const std::string& text : badges) {
    CIM_ASSIGN_OR_RETURN(cim::v1::Badge badge, Parse<cim::v1::Badge>(text));
    CIM_RETURN_IF_ERROR(recognition.InsertBadge(badge, program_admin, now).status());
    ++summary.badges;
  }

  // Training: three modules, completed through the year by a share of the partner reps (and
  // by the demo rep, Rosa), as the portal and an LMS would record them. Amstel keeps Gold on two
  // storage experts: Rosa, and a colleague whose certification runs out 58 days from now, within
  // the tier warning's window, so Amstel sees what losing Gold would cost.
  const std::vector<std::string> modules = {
      "title: \"Storage fundamentals\" description: \"Arrays, tiers and sizing for mid-size"
      " customers; ends with a quiz.\" duration_minutes: 45 points: \"50\""
      " certification_code: \"storage-expert\" certification_valid_months: 24 pass_mark: 80",
      "title: \"Networking essentials\" description: \"Campus switching and Wi-Fi basics;"
      " ends with a short quiz.\" duration_minutes: 30 points: \"30\" pass_mark: 60"
      " quiz_questions { prompt: \"Which Wi-Fi band reaches furthest through walls?\""
      " options: \"2.4 GHz\" options: \"5 GHz\" options: \"6 GHz\" correct_options: 0 }"
      " quiz_questions { prompt: \"What does PoE deliver to an access point?\""
      " options: \"Power and data over one cable\" options: \"Only data\""
      " options: \"A backup battery\" correct_options: 0 }"
      " quiz_questions { prompt: \"Which of these separate traffic on one switch?\""
      " options: \"VLANs\" options: \"Hubs\" options: \"Access control lists\""
      " correct_options: 0 correct_options: 2 }",
      "title: \"Selling the platform\" description: \"Positioning, pricing and objection"
      " handling.\" duration_minutes: 60 points: \"40\"",
  };
  std::vector<cim::v1::TrainingModule> stored_modules;
  for (const std::string& text : modules) {
    CIM_ASSIGN_OR_RETURN(cim::v1::TrainingModule module, Parse<cim::v1::TrainingModule>(text));
    CIM_ASSIGN_OR_RETURN(module, training.InsertTrainingModule(module, program_admin, now));
    stored_modules.push_back(std::move(module));
    ++summary.training_modules;
  }
  // The sales module's own badge.
  CIM_ASSIGN_OR_RETURN(
      cim::v1::Badge academy,
      Parse<cim::v1::Badge>(absl::StrCat(
          "name: \"Sales academy\" description: \"Completed Selling the platform.\""
          " image_url: \"/badges/sales-academy.svg\" criteria { module_completed { module_id: ",
          stored_modules.back().id(), " } }")));
  CIM_RETURN_IF_ERROR(recognition.InsertBadge(academy, program_admin, now).status());
  ++summary.badges;
  CIM_ASSIGN_OR_RETURN(std::vector<cim::v1::User> reps,
                       users.List({.role = cim::v1::ROLE_PARTNER_REP}, 0, 60));
  const absl::CivilDay today = absl::ToCivilDay(now, absl::UTCTimeZone());
  int64_t amstel = 0;
  for (const cim::v1::User& rep : reps) {
    if (rep.email() == "rosa.larsen@amstel.example") amstel = rep.partner_id();
  }
  bool amstel_expiring_done = false;
  for (size_t i = 0; i < reps.size(); ++i) {
    const cim::v1::User& rep = reps[i];
    const bool rosa = rep.email() == "rosa.larsen@amstel.example";
    for (size_t m = 0; m < stored_modules.size(); ++m) {
      if (!rosa && (i + m) % (m + 2) != 0) continue;
      if (rosa && m == 1) continue;  // the networking quiz is left for her to take in the portal
      // Spread over the year up to last month.
      absl::CivilDay day(today.year(), 1 + static_cast<int>((i * 5 + m * 3) % 11),
                         1 + static_cast<int>((i * 7 + m) % 27));
      const bool storage = !stored_modules[m].certification_code().empty();
      if (storage && !rosa && rep.partner_id() == amstel) {
        if (amstel_expiring_done) continue;
        amstel_expiring_done = true;
        // Certified for 24 months: it expires 58 days from today.
        const absl::CivilDay expiry = today + 58;
        day = absl::CivilDay(expiry.year() - 2, expiry.month(), expiry.day());
      }
      if (day >= today) continue;
      const absl::Time at = absl::FromCivil(
          absl::CivilSecond(day.year(), day.month(), day.day(), 14, 30, 0), absl::UTCTimeZone());
      const cim::v1::TrainingModule& module = stored_modules[m];
      NewCompletion completion{
          .module = module,
          .user_id = rep.id(),
          .partner_id = rep.partner_id(),
          .quiz_score = module.pass_mark() > 0 ? 80 + static_cast<int>(i % 21) : 0,
          .recorded_by = rep.id(),
          .now = at};
      if (!module.certification_code().empty()) {
        completion.certification_expiry =
            CertificationExpiry(at, module.certification_valid_months());
      }
      CIM_RETURN_IF_ERROR(training.RecordCompletion(completion).status());
      ++summary.completions;
    }
  }

  // The demo year's approvals are in the outbox: apply them all now.
  OutboxRules rules;
  for (;;) {
    CIM_ASSIGN_OR_RETURN(OutboxRun run, recognition.ProcessOutbox(rules, 1000, now));
    summary.events += run.events;
    summary.awards += run.awards;
    if (run.events == 0) break;
  }
  return summary;
}

}  // namespace cim
