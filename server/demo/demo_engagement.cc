#include "server/demo/demo_engagement.h"

#include <google/protobuf/text_format.h>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "server/engagement/engagement_rules.h"
#include "server/partner_tier/partner_tier_rules.h"
#include "server/partner_tier/partner_tiers.h"
#include "server/recognition/outbox_rules.h"

namespace cim {
namespace {

constexpr char kLadder[] = R"pb(
  currency_code: "EUR"
  tiers {
    code: "registered"
    name: "Registered"
    benefits: "Portal access, standard rebates and training."
  }
  tiers {
    code: "silver"
    name: "Silver"
    benefits: "Rebates +1%, co-op funds, partner locator listing."
    criteria { min_trailing_sales: "20000" }
  }
  tiers {
    code: "gold"
    name: "Gold"
    benefits: "Rebates +2%, MDF, deal registration priority, a named channel manager."
    criteria { min_trailing_sales: "75000" min_certified_users: 2 }
  }
  tiers {
    code: "platinum"
    name: "Platinum"
    benefits: "Rebates +3%, the largest MDF share, early access to new products."
    criteria {
      min_trailing_sales: "200000"
      min_certified_users: 3
      certification_code: "storage-expert"
    }
  }
)pb";

// Kudos: (giver email, recipient index among the giver's reps or all reps, message, points,
// days ago).
struct DemoKudos {
  const char* giver;
  const char* recipient;
  const char* message;
  const char* points;
  int days_ago;
};

constexpr DemoKudos kKudos[] = {
    {"channel.manager@vendor.example", "rosa.larsen@amstel.example",
     "Outstanding work closing the Rijnmond hospital storage deal. Textbook solution selling!",
     "150", 12},
    {"admin@amstel.example", "rosa.larsen@amstel.example",
     "Thanks for coaching the new team on the FlashArray demo.", "50", 4},
    {"cm.na@vendor.example", "", "Great pipeline review this quarter. Keep it up!", "100", 20},
    {"cm.emea@vendor.example", "", "First storage certification in your team: well done.", "75",
     33},
    {"admin@lowlands.example", "", "Record month for the team. Drinks are on me.", "40", 9},
    {"channel.manager@vendor.example", "", "Your customer case study is live on our site!", "", 2},
};

// NPS scores and comments of the survey's respondents, in turn.
constexpr int kScores[] = {10, 9, 8, 9, 7, 10, 6, 9, 10, 8, 5, 9, 3, 10, 9, 7, 10, 8, 9, 4};
constexpr const char* kComments[] = {
    "Claims are approved fast and the points are easy to follow.",
    "",
    "The leaderboards keep my team motivated.",
    "",
    "Would like more training on networking products.",
    "",
    "MDF requests take too long to approve.",
    "",
};

template <typename Message>
absl::StatusOr<Message> Parse(const std::string& text) {
  Message m;
  if (!google::protobuf::TextFormat::ParseFromString(text, &m)) {
    return absl::InternalError("demo engagement data does not parse");
  }
  return m;
}

}  // namespace

absl::StatusOr<DemoEngagementSummary> LoadDemoEngagement(const DemoEngagementStores& stores,
                                                         int64_t program_admin, absl::Time now) {
  DemoEngagementSummary summary;

  // PartnerTiers, evaluated four months ago, two months ago and today.
  CIM_ASSIGN_OR_RETURN(cim::v1::TierLadder ladder, Parse<cim::v1::TierLadder>(kLadder));
  CIM_ASSIGN_OR_RETURN(ladder, ValidateTierLadder(ladder));
  CIM_RETURN_IF_ERROR(stores.tiers.ReplaceLadder(ladder, now - absl::Hours(24 * 130)));
  summary.tiers = ladder.tiers_size();
  const Principal admin{.user_id = program_admin, .role = cim::v1::ROLE_PROGRAM_ADMIN};
  for (int days_ago : {120, 60, 0}) {
    FakeClock at(now - absl::Hours(24 * days_ago));
    PartnerTiers tiers(stores.tiers, stores.programs, stores.claims, at);
    CIM_ASSIGN_OR_RETURN(cim::v1::EvaluateTiersResponse run,
                         tiers.Evaluate(admin, cim::v1::EvaluateTiersRequest()));
    summary.tier_changes += run.changes_size();
  }

  // Kudos budgets: vendor staff share 5,000 points a month; each partner's admins 500.
  CIM_RETURN_IF_ERROR(stores.kudos.SetKudosBudget(0, Decimal::FromInt(5000)));
  CIM_ASSIGN_OR_RETURN(std::vector<Partner> partners, stores.partners.List({}, 0, 500));
  for (const Partner& p : partners) {
    CIM_RETURN_IF_ERROR(stores.kudos.SetKudosBudget(p.id(), Decimal::FromInt(500)));
  }
  CIM_ASSIGN_OR_RETURN(std::vector<cim::v1::User> reps,
                       stores.users.List({.role = cim::v1::ROLE_PARTNER_REP}, 0, 500));
  for (size_t i = 0; i < std::size(kKudos); ++i) {
    const DemoKudos& k = kKudos[i];
    CIM_ASSIGN_OR_RETURN(UserRecord giver, stores.users.GetByEmail(k.giver));
    // A named recipient, or a rep of the giver's partner (any rep for vendor staff).
    const cim::v1::User* recipient = nullptr;
    for (size_t r = 0; r < reps.size() && recipient == nullptr; ++r) {
      const cim::v1::User& rep = reps[(r + i * 7) % reps.size()];
      if (*k.recipient != '\0'
              ? rep.email() == k.recipient
              : giver.user.partner_id() == 0 || rep.partner_id() == giver.user.partner_id()) {
        recipient = &rep;
      }
    }
    if (recipient == nullptr) continue;
    CIM_ASSIGN_OR_RETURN(Decimal points, Decimal::Parse(*k.points ? k.points : "0"));
    CIM_RETURN_IF_ERROR(
        stores.kudos
            .GiveKudos(NewKudos{
                .giver_user_id = giver.user.id(),
                .budget_partner_id = giver.user.partner_id(),
                .recipient_user_id = recipient->id(),
                .recipient_partner_id = recipient->partner_id(),
                .message = k.message,
                .points = points,
                .headline = KudosHeadline(giver.user.display_name(), recipient->display_name()),
                .now = now - absl::Hours(24 * k.days_ago)})
            .status());
    ++summary.kudos;
  }
  CIM_ASSIGN_OR_RETURN(UserRecord cm, stores.users.GetByEmail("channel.manager@vendor.example"));
  for (const Partner& p : partners) {
    if (p.name() != "Amstel Systems") continue;
    CIM_RETURN_IF_ERROR(
        stores.feed
            .InsertFeedEntry(NewFeedEntry{
                .kind = cim::v1::FEED_ENTRY_KIND_SPOTLIGHT,
                .partner_id = p.id(),
                .headline = "Partner of the month: Amstel Systems",
                .message = "Amstel doubled its storage sales this quarter and its storage "
                           "engineers are certified. Congratulations to the whole team!",
                .author_user_id = cm.user.id(),
                .created_at = now - absl::Hours(24 * 6)})
            .status());
  }

  // Challenges: storage units over eight weeks (half gone), and training modules this year
  // (with a badge).
  const absl::CivilYear year = absl::ToCivilYear(now, absl::UTCTimeZone());
  const auto at = [](auto civil) { return absl::FromCivil(civil, absl::UTCTimeZone()); };
  struct DemoChallenge {
    std::string text;
    absl::Time start, end;
  };
  const DemoChallenge challenges[] = {
      {"title: \"Winter storage sprint\" description: \"Sell 4 FlashArray 2000 units in eight"
       " weeks.\" goal { kind: CHALLENGE_GOAL_KIND_PRODUCT_UNITS target: \"4\""
       " sku: \"ST-2000\" } reward_points: \"250\"",
       now - absl::Hours(24 * 28), now + absl::Hours(24 * 28)},
      {"title: \"Learning year\" description: \"Complete two training modules this year.\""
       " goal { kind: CHALLENGE_GOAL_KIND_MODULES_COMPLETED target: \"2\" }"
       " reward_points: \"100\"",
       at(year), at(year + 1)},
  };
  int64_t learning = 0;
  for (const DemoChallenge& d : challenges) {
    CIM_ASSIGN_OR_RETURN(cim::v1::Challenge c, Parse<cim::v1::Challenge>(d.text));
    SetTimestamp(d.start, c.mutable_start_time());
    SetTimestamp(d.end, c.mutable_end_time());
    CIM_ASSIGN_OR_RETURN(c, stores.challenges.InsertChallenge(c, program_admin, d.start));
    learning = c.id();
    ++summary.challenges;
  }
  CIM_ASSIGN_OR_RETURN(
      cim::v1::Badge learner,
      Parse<cim::v1::Badge>(absl::StrCat(
          "name: \"Learning year\" description: \"Completed the Learning year challenge.\""
          " image_url: \"/badges/learning-year.svg\" criteria { challenge_completed {"
          " challenge_id: ",
          learning, " } }")));
  CIM_RETURN_IF_ERROR(stores.recognition.InsertBadge(learner, program_admin, now).status());

  // The partner pulse survey: open for three more weeks; most reps answered, the demo rep not.
  CIM_ASSIGN_OR_RETURN(
      cim::v1::Survey survey,
      Parse<cim::v1::Survey>(
          "title: \"Partner pulse, Q4\" question: \"How likely are you to recommend our partner"
          " program to a colleague?\" comment_enabled: true"));
  SetTimestamp(now - absl::Hours(24 * 10), survey.mutable_open_time());
  SetTimestamp(now + absl::Hours(24 * 21), survey.mutable_close_time());
  CIM_ASSIGN_OR_RETURN(
      survey, stores.surveys.InsertSurvey(survey, cm.user.id(), now - absl::Hours(24 * 10), {}));
  absl::flat_hash_map<int64_t, Partner> by_id;
  for (const Partner& p : partners) by_id[p.id()] = p;
  for (size_t i = 0; i < reps.size(); ++i) {
    const cim::v1::User& rep = reps[i];
    if (rep.email() == "rosa.larsen@amstel.example" || i % 3 == 2) continue;
    const Partner& p = by_id[rep.partner_id()];
    const size_t n = summary.survey_responses;
    CIM_RETURN_IF_ERROR(stores.surveys.InsertResponse(
        survey.id(), rep.id(), p.id(), p.type(), p.region(), kScores[n % std::size(kScores)],
        kComments[n % std::size(kComments)],
        now - absl::Hours(24 * 9) + absl::Hours(5 * static_cast<int64_t>(n))));
    ++summary.survey_responses;
  }

  // Apply what the kudos, tier changes and challenges put in the outbox.
  OutboxRules rules;
  for (;;) {
    CIM_ASSIGN_OR_RETURN(OutboxRun run, stores.recognition.ProcessOutbox(rules, 1000, now));
    if (run.events == 0) break;
  }
  CIM_ASSIGN_OR_RETURN(std::vector<cim::v1::FeedEntry> feed,
                       stores.feed.ListFeed(FeedFilter{.limit = 10'000}));
  summary.feed_entries = static_cast<int>(feed.size());
  return summary;
}

}  // namespace cim
