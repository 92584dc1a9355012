// Engagement's pure rules against hand-computed cases: NPS maths, audiences, what each event
// adds to each challenge goal and the progress texts, validation of kudos, spotlights,
// challenges, surveys and responses, and what an edit of a challenge or survey may change
// before and after it starts.
#include "server/engagement/engagement_rules.h"

#include <google/protobuf/text_format.h>

#include <functional>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/proto_time.h"
#include "tests/testing/decimals.h"
#include "tests/testing/phrase_matchers.h"

namespace cim {
namespace {

using ::cim::testing::InEnglish;

using ::cim::testing::D;
using ::testing::Contains;
using namespace cim::v1;  // NOLINT: the API's message names read best unqualified here

template <typename Message>
Message Parse(const std::string& text) {
  Message m;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &m)) << text;
  return m;
}

// The fields with violations.
std::vector<std::string> Fields(const FieldErrors& errors) {
  std::vector<std::string> out;
  for (const auto& [field, description] : errors.violations()) out.push_back(field);
  return out;
}

TEST(NpsTest, PromotersMinusDetractors) {
  struct Case {
    ScoreCounts counts;
    int64_t promoters, passives, detractors;
    const char* nps;
  };
  const Case cases[] = {
      // 10, 9 | 8, 7 | 6, 0: 2 promoters, 2 passives, 2 detractors → 0.
      {{1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1}, 2, 2, 2, "0.0"},
      // 3 promoters, 3 passives, 1 detractor of 7: 42.857… − 14.285… = 28.571… → 28.6.
      {{0, 0, 0, 0, 0, 1, 0, 2, 1, 1, 2}, 3, 3, 1, "28.6"},
      // Only detractors.
      {{4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 0, 0, 4, "-100.0"},
      // Only promoters.
      {{0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 5}, 10, 0, 0, "100.0"},
      // 1 promoter, 2 detractors of 3: −33.333… → −33.3.
      {{1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1}, 1, 0, 2, "-33.3"},
      // 1 promoter of 8 (rest passives): 12.5 stays 12.5.
      {{0, 0, 0, 0, 0, 0, 0, 7, 0, 1, 0}, 1, 7, 0, "12.5"},
      // Half away from zero: 1 − 0 of 16 = 6.25 → 6.3; 0 − 1 of 16 → −6.3.
      {{0, 0, 0, 0, 0, 0, 0, 15, 0, 0, 1}, 1, 15, 0, "6.3"},
      {{1, 0, 0, 0, 0, 0, 0, 15, 0, 0, 0}, 0, 15, 1, "-6.3"},
  };
  for (const Case& c : cases) {
    const NpsResult r = Nps("all", c.counts);
    EXPECT_EQ(r.promoters(), c.promoters);
    EXPECT_EQ(r.passives(), c.passives);
    EXPECT_EQ(r.detractors(), c.detractors);
    EXPECT_EQ(r.responses(), c.promoters + c.passives + c.detractors);
    EXPECT_EQ(r.nps(), c.nps);
  }
  EXPECT_EQ(Nps("empty", ScoreCounts{}).nps(), "");
  EXPECT_EQ(Nps("empty", ScoreCounts{}).group(), "empty");
}

TEST(AudienceTest, EachListNarrows) {
  const AudienceMember reseller{PARTNER_TYPE_RESELLER, "EMEA-NL", "gold"};
  EXPECT_TRUE(InAudience(Audience(), reseller));
  EXPECT_TRUE(InAudience(Parse<Audience>("partner_types: PARTNER_TYPE_RESELLER"), reseller));
  EXPECT_FALSE(InAudience(Parse<Audience>("partner_types: PARTNER_TYPE_DISTRIBUTOR"), reseller));
  EXPECT_TRUE(InAudience(Parse<Audience>("regions: 'EMEA-DE' regions: 'EMEA-NL'"), reseller));
  EXPECT_FALSE(InAudience(Parse<Audience>("regions: 'EMEA-NL' tiers: 'silver'"), reseller));
  FieldErrors errors;
  ValidateAudience(Parse<Audience>("partner_types: PARTNER_TYPE_UNSPECIFIED regions: 'bad region'"
                                   " tiers: 'Gold'"),
                   "survey.", errors);
  EXPECT_THAT(Fields(errors),
              ::testing::ElementsAre("survey.audience.partner_types[0]",
                                     "survey.audience.regions[0]", "survey.audience.tiers[0]"));
}

TEST(ChallengeTest, EachGoalCountsItsEvents) {
  const OutboxEvent approval{.kind = RECOGNITION_EVENT_KIND_CLAIM_APPROVED,
                             .amount = D("2500"),
                             .currency_code = "EUR",
                             .points = D("250")};
  const OutboxEvent training{.kind = RECOGNITION_EVENT_KIND_TRAINING_COMPLETED, .points = D("50")};
  const OutboxEvent reversal{.kind = RECOGNITION_EVENT_KIND_POINTS_REVERSED, .points = D("-100")};
  const OutboxEvent reward{.kind = RECOGNITION_EVENT_KIND_CHALLENGE_COMPLETED, .points = D("500")};
  struct Case {
    const char* goal;
    const OutboxEvent& event;
    int64_t units;
    const char* step;
  };
  const Case cases[] = {
      {"kind: CHALLENGE_GOAL_KIND_APPROVED_CLAIMS target: '5'", approval, 0, "1"},
      {"kind: CHALLENGE_GOAL_KIND_APPROVED_CLAIMS target: '5'", training, 0, "0"},
      {"kind: CHALLENGE_GOAL_KIND_SALES target: '10000' currency_code: 'EUR'", approval, 0, "2500"},
      {"kind: CHALLENGE_GOAL_KIND_SALES target: '10000' currency_code: 'USD'", approval, 0, "0"},
      {"kind: CHALLENGE_GOAL_KIND_PRODUCT_UNITS target: '20' sku: 'SRV-100'", approval, 7, "7"},
      {"kind: CHALLENGE_GOAL_KIND_PRODUCT_UNITS target: '20' sku: 'SRV-100'", training, 7, "0"},
      {"kind: CHALLENGE_GOAL_KIND_MODULES_COMPLETED target: '3'", training, 0, "1"},
      {"kind: CHALLENGE_GOAL_KIND_MODULES_COMPLETED target: '3'", approval, 0, "0"},
      {"kind: CHALLENGE_GOAL_KIND_POINTS target: '1000'", approval, 0, "250"},
      {"kind: CHALLENGE_GOAL_KIND_POINTS target: '1000'", reversal, 0, "-100"},
      {"kind: CHALLENGE_GOAL_KIND_POINTS target: '1000'", reward, 0, "0"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ChallengeStep(Parse<ChallengeGoal>(c.goal), c.event, c.units), D(c.step)) << c.goal;
  }
}

TEST(ChallengeTest, ProgressInWords) {
  struct Case {
    const char* goal;
    const char* progress;
    const char* text;
    int percent;
  };
  const Case cases[] = {
      {"kind: CHALLENGE_GOAL_KIND_PRODUCT_UNITS target: '20' sku: 'SRV-100'", "12",
       "12 of 20 units of SRV-100", 60},
      {"kind: CHALLENGE_GOAL_KIND_SALES target: '5000' currency_code: 'EUR'", "2000",
       "€2,000 of €5,000 sales", 40},
      {"kind: CHALLENGE_GOAL_KIND_APPROVED_CLAIMS target: '3'", "1", "1 of 3 approved claims", 33},
      {"kind: CHALLENGE_GOAL_KIND_MODULES_COMPLETED target: '3'", "0", "0 of 3 modules completed",
       0},
      {"kind: CHALLENGE_GOAL_KIND_POINTS target: '1500'", "-50", "0 of 1,500 points", 0},
  };
  for (const Case& c : cases) {
    const ChallengeProgress p =
        ChallengeProgressOf(Parse<ChallengeGoal>(c.goal), D(c.progress), std::nullopt);
    EXPECT_EQ(InEnglish(p.text()), c.text);
    EXPECT_EQ(p.percent(), c.percent) << c.text;
    EXPECT_FALSE(p.completed());
  }
  const ChallengeProgress done = ChallengeProgressOf(
      Parse<ChallengeGoal>("kind: CHALLENGE_GOAL_KIND_APPROVED_CLAIMS target: '3'"), D("4"),
      absl::FromUnixSeconds(1'800'000'000));
  EXPECT_TRUE(done.completed());
  EXPECT_EQ(done.percent(), 100);
  EXPECT_EQ(done.current(), "4");
  EXPECT_EQ(InEnglish(done.text()), "3 of 3 approved claims");
  EXPECT_EQ(done.complete_time().seconds(), 1'800'000'000);
}

TEST(ValidationTest, ChallengesNameEveryBadField) {
  const Challenge good = Parse<Challenge>(R"pb(
    title: "Sell 20 servers in November"
    start_time { seconds: 1793491200 }
    end_time { seconds: 1796083200 }
    goal { kind: CHALLENGE_GOAL_KIND_PRODUCT_UNITS target: "20" sku: "SRV-100" }
    reward_points: "500"
  )pb");
  FieldErrors ok;
  ValidateChallenge(good, ok);
  EXPECT_TRUE(ok.empty()) << ok.ToStatus();
  struct Case {
    std::function<void(Challenge&)> edit;
    const char* field;
  };
  const Case cases[] = {
      {[](Challenge& c) { c.clear_title(); }, "challenge.title"},
      {[](Challenge& c) { c.mutable_end_time()->set_seconds(1793491200); }, "challenge.end_time"},
      {[](Challenge& c) { c.mutable_end_time()->set_seconds(1893491200); }, "challenge.end_time"},
      {[](Challenge& c) { c.clear_start_time(); }, "challenge.start_time"},
      {[](Challenge& c) { c.mutable_start_time()->set_seconds(0); }, "challenge.start_time"},
      {[](Challenge& c) { c.set_program_id(-1); }, "challenge.program_id"},
      {[](Challenge& c) { c.mutable_goal()->clear_kind(); }, "challenge.goal.kind"},
      {[](Challenge& c) { c.mutable_goal()->set_target("2.5"); }, "challenge.goal.target"},
      {[](Challenge& c) { c.mutable_goal()->set_target("0"); }, "challenge.goal.target"},
      {[](Challenge& c) { c.mutable_goal()->clear_sku(); }, "challenge.goal.sku"},
      {[](Challenge& c) { c.mutable_goal()->set_currency_code("EUR"); },
       "challenge.goal.currency_code"},
      {[](Challenge& c) {
         c.mutable_goal()->set_kind(CHALLENGE_GOAL_KIND_SALES);
         c.mutable_goal()->clear_sku();
       },
       "challenge.goal.currency_code"},
      {[](Challenge& c) { c.set_reward_points("1.5"); }, "challenge.reward_points"},
      {[](Challenge& c) { c.mutable_audience()->add_tiers("Gold!"); },
       "challenge.audience.tiers[0]"},
  };
  for (const Case& c : cases) {
    Challenge bad = good;
    c.edit(bad);
    FieldErrors errors;
    ValidateChallenge(bad, errors);
    EXPECT_THAT(Fields(errors), Contains(c.field)) << bad.ShortDebugString();
  }
}

TEST(ValidationTest, KudosSpotlightsSurveysAndResponses) {
  FieldErrors errors;
  EXPECT_EQ(ValidateKudos(Parse<GiveKudosRequest>("recipient_user_id: 4 message: 'Great deal!'"
                                                  " points: '50'"),
                          errors),
            D("50"));
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(
      ValidateKudos(Parse<GiveKudosRequest>("recipient_user_id: 4 message: 'Thanks'"), errors),
      D("0"));
  EXPECT_FALSE(ValidateKudos(Parse<GiveKudosRequest>("message: '' points: '10001' request_id: 'a b'"
                                                     " visibility: 9"),
                             errors)
                   .has_value());
  EXPECT_THAT(Fields(errors), ::testing::ElementsAre("recipient_user_id", "message", "points",
                                                     "visibility", "request_id"));

  FieldErrors spotlight;
  ValidateSpotlight(Parse<PostSpotlightRequest>("headline: 'Partner of the month' message: 'x'"
                                                " user_id: 3 partner_id: 2"),
                    spotlight);
  EXPECT_THAT(Fields(spotlight), ::testing::ElementsAre("user_id"));

  FieldErrors survey;
  ValidateSurvey(
      Parse<Survey>("title: 'Q4 pulse' question: ''"
                    " open_time { seconds: 1793491200 } close_time { seconds: 1793491100 }"),
      survey);
  EXPECT_THAT(Fields(survey), ::testing::ElementsAre("survey.question", "survey.close_time"));

  const Survey no_comments = Parse<Survey>("title: 'Q4 pulse' question: 'Recommend us?'");
  FieldErrors response;
  ValidateResponse(no_comments, Parse<RespondToSurveyRequest>("score: 11 comment: 'hi'"), response);
  EXPECT_THAT(Fields(response), ::testing::ElementsAre("score", "comment"));
  FieldErrors missing;
  ValidateResponse(no_comments, RespondToSurveyRequest(), missing);
  EXPECT_THAT(Fields(missing), ::testing::ElementsAre("score"));
  FieldErrors zero;
  ValidateResponse(no_comments, Parse<RespondToSurveyRequest>("score: 0"), zero);
  EXPECT_TRUE(zero.empty()) << "0 is a score";
}

// A challenge starting a day after T and running four weeks (T: 1793491200, 2026-11-01 UTC).
constexpr int64_t kT = 1793491200;
constexpr int64_t kDay = 24 * 3600;

Challenge Upcoming() {
  return Parse<Challenge>(R"pb(
    id: 7
    etag: "3"
    title: "Sell 20 servers in November"
    start_time { seconds: 1793577600 }
    end_time { seconds: 1795996800 }
    program_id: 2
    audience { regions: "EMEA" }
    goal { kind: CHALLENGE_GOAL_KIND_PRODUCT_UNITS target: "20" sku: "SRV-100" }
    reward_points: "500"
  )pb");
}

TEST(ChallengeEditTest, TakesTheMaskedFieldsOnly) {
  const Challenge in = Parse<Challenge>(R"pb(
    id: 99
    etag: "1"
    title: "  Sell 30 servers  "
    description: "More"
    reward_points: "800"
    archived: true
    goal { kind: CHALLENGE_GOAL_KIND_APPROVED_CLAIMS target: "3" }
  )pb");
  const Challenge edited = EditedChallenge(
      Upcoming(), in, Parse<google::protobuf::FieldMask>("paths: 'title' paths: 'archived'"));
  EXPECT_EQ(edited.id(), 7);
  EXPECT_EQ(edited.etag(), "3");
  EXPECT_EQ(edited.title(), "Sell 30 servers");
  EXPECT_TRUE(edited.archived());
  EXPECT_EQ(edited.description(), "");
  EXPECT_EQ(edited.reward_points(), "500");
  EXPECT_EQ(edited.goal().kind(), CHALLENGE_GOAL_KIND_PRODUCT_UNITS);
  // A cleared time in the mask clears it (and validation then asks for it).
  const Challenge no_end = EditedChallenge(Upcoming(), Challenge(),
                                           Parse<google::protobuf::FieldMask>("paths: 'end_time'"));
  EXPECT_FALSE(no_end.has_end_time());
  FieldErrors errors;
  ValidateChallenge(no_end, errors);
  EXPECT_THAT(Fields(errors), ::testing::ElementsAre("challenge.end_time"));
}

TEST(ChallengeEditTest, WhatMayChangeBeforeAndAfterTheStart) {
  struct Case {
    const char* name;
    int64_t now;
    std::function<void(Challenge&)> edit;
    // The violation expected, or "" for none.
    const char* field;
    // The FAILED_PRECONDITION's English, or "" for OK.
    const char* fixed;
  };
  const Case cases[] = {
      {"before the start, the goal may change", kT,
       [](Challenge& c) { c.mutable_goal()->set_target("25"); }, "", ""},
      {"before the start, audience and program may change", kT,
       [](Challenge& c) {
         c.clear_audience();
         c.set_program_id(0);
       },
       "", ""},
      {"before the start, it may start later", kT,
       [](Challenge& c) { c.mutable_start_time()->set_seconds(kT + 2 * kDay); }, "", ""},
      {"before the start, it may start now", kT,
       [](Challenge& c) { c.mutable_start_time()->set_seconds(kT); }, "", ""},
      {"but not in the past", kT, [](Challenge& c) { c.mutable_start_time()->set_seconds(kT - 1); },
       "challenge.start_time", ""},
      {"once started, the title and reward may change", kT + 2 * kDay,
       [](Challenge& c) {
         c.set_title("New");
         c.set_reward_points("900");
         c.set_description("x");
         c.set_archived(true);
       },
       "", ""},
      {"once started, the end may move later", kT + 2 * kDay,
       [](Challenge& c) { c.mutable_end_time()->set_seconds(kT + 40 * kDay); }, "", ""},
      {"or earlier, but not into the past", kT + 2 * kDay,
       [](Challenge& c) { c.mutable_end_time()->set_seconds(kT + kDay); }, "challenge.end_time",
       ""},
      {"once started, the goal is fixed", kT + kDay,
       [](Challenge& c) { c.mutable_goal()->set_target("25"); }, "",
       "goal is fixed once the challenge has started"},
      {"the audience too", kT + 2 * kDay,
       [](Challenge& c) { c.mutable_audience()->add_tiers("gold"); }, "",
       "audience is fixed once the challenge has started"},
      {"the program too", kT + 2 * kDay, [](Challenge& c) { c.set_program_id(3); }, "",
       "program_id is fixed once the challenge has started"},
      {"and the start", kT + 2 * kDay,
       [](Challenge& c) { c.mutable_start_time()->set_seconds(kT + 3 * kDay); }, "",
       "start_time is fixed once the challenge has started"},
      {"values sent unchanged are no change", kT + 2 * kDay, [](Challenge&) {}, "", ""},
  };
  for (const Case& c : cases) {
    Challenge after = Upcoming();
    c.edit(after);
    FieldErrors errors;
    const absl::Status status =
        CheckChallengeEdit(Upcoming(), after, absl::FromUnixSeconds(c.now), errors);
    if (*c.field == 0) {
      EXPECT_TRUE(errors.empty()) << c.name << ": " << errors.ToStatus();
    } else {
      EXPECT_THAT(Fields(errors), ::testing::ElementsAre(c.field)) << c.name;
    }
    if (*c.fixed == 0) {
      EXPECT_TRUE(status.ok()) << c.name << ": " << status;
    } else {
      EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition) << c.name;
      EXPECT_EQ(InEnglish(std::string(status.message())), c.fixed) << c.name;
    }
  }
}

Survey Scheduled() {
  return Parse<Survey>(R"pb(
    id: 4
    etag: "1"
    title: "Q4 pulse"
    question: "Recommend us?"
    audience { partner_types: PARTNER_TYPE_RESELLER }
    open_time { seconds: 1793577600 }
    close_time { seconds: 1794787200 }
  )pb");
}

TEST(SurveyEditTest, WhatMayChangeBeforeAndAfterItOpens) {
  struct Case {
    const char* name;
    int64_t now;
    std::function<void(Survey&)> edit;
    const char* field;
    bool fixed;
    bool asks_something_else;
  };
  const Case cases[] = {
      {"before it opens, the opening may move", kT,
       [](Survey& s) { s.mutable_open_time()->set_seconds(kT + 2 * kDay); }, "", false, false},
      {"but not into the past", kT,
       [](Survey& s) { s.mutable_open_time()->set_seconds(kT - kDay); }, "survey.open_time", false,
       false},
      {"once open, the opening is fixed", kT + 2 * kDay,
       [](Survey& s) { s.mutable_open_time()->set_seconds(kT + 3 * kDay); }, "", true, false},
      {"the close may move later", kT + 2 * kDay,
       [](Survey& s) { s.mutable_close_time()->set_seconds(kT + 30 * kDay); }, "", false, false},
      {"but not into the past", kT + 2 * kDay,
       [](Survey& s) { s.mutable_close_time()->set_seconds(kT + kDay); }, "survey.close_time",
       false, false},
      {"a new question asks something else", kT + 2 * kDay,
       [](Survey& s) { s.set_question("Would you recommend us?"); }, "", false, true},
      {"so does a new audience", kT + 2 * kDay,
       [](Survey& s) { s.mutable_audience()->clear_partner_types(); }, "", false, true},
      {"title, comments and archiving do not", kT + 2 * kDay,
       [](Survey& s) {
         s.set_title("Pulse");
         s.set_comment_enabled(true);
         s.set_archived(true);
       },
       "", false, false},
  };
  for (const Case& c : cases) {
    Survey after = Scheduled();
    c.edit(after);
    FieldErrors errors;
    const absl::Status status =
        CheckSurveyEdit(Scheduled(), after, absl::FromUnixSeconds(c.now), errors);
    if (*c.field == 0) {
      EXPECT_TRUE(errors.empty()) << c.name << ": " << errors.ToStatus();
    } else {
      EXPECT_THAT(Fields(errors), ::testing::ElementsAre(c.field)) << c.name;
    }
    if (c.fixed) {
      EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition) << c.name;
      EXPECT_EQ(InEnglish(std::string(status.message())),
                "open_time is fixed once the survey has opened");
    } else {
      EXPECT_TRUE(status.ok()) << c.name << ": " << status;
    }
    EXPECT_EQ(AsksSomethingElse(Scheduled(), after), c.asks_something_else) << c.name;
  }
  const Survey renamed =
      EditedSurvey(Scheduled(), Parse<Survey>("title: ' Pulse ' question: 'ignored'"),
                   Parse<google::protobuf::FieldMask>("paths: 'title'"));
  EXPECT_EQ(renamed.title(), "Pulse");
  EXPECT_EQ(renamed.question(), "Recommend us?");
  EXPECT_EQ(renamed.etag(), "1");
}

}  // namespace
}  // namespace cim
