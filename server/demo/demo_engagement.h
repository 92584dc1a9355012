// The demo tiers and engagement data: a tier ladder evaluated three times over the last four
// months (so partners have a tier history), kudos budgets and kudos, a spotlight post, two
// challenges (one of this month, one of the year) and an open NPS survey with responses; then
// the outbox applied so the feed, challenge progress and rewards are in place.
#ifndef CIM_SERVER_DEMO_DEMO_ENGAGEMENT_H_
#define CIM_SERVER_DEMO_DEMO_ENGAGEMENT_H_

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "server/claim/claim_repository.h"
#include "server/engagement/challenge_repository.h"
#include "server/engagement/feed_repository.h"
#include "server/engagement/kudos_repository.h"
#include "server/engagement/survey_repository.h"
#include "server/identity/partner_repository.h"
#include "server/identity/user_repository.h"
#include "server/partner_tier/partner_tier_repository.h"
#include "server/program/program_repository.h"
#include "server/recognition/recognition_repository.h"

namespace cim {

struct DemoEngagementSummary {
  int tiers = 0;
  int tier_changes = 0;
  int kudos = 0;
  int challenges = 0;
  int survey_responses = 0;
  int feed_entries = 0;
};

struct DemoEngagementStores {
  PartnerTierRepository& tiers;
  KudosRepository& kudos;
  FeedRepository& feed;
  ChallengeRepository& challenges;
  SurveyRepository& surveys;
  RecognitionRepository& recognition;
  UserRepository& users;
  PartnerRepository& partners;
  ProgramRepository& programs;
  ClaimRepository& claims;
};

// Loads the demo tiers and engagement data (defined by `program_admin`, kudos and posts by
// the demo channel manager and partner admins) into a database holding the demo recognition
// data, as of `now`.
absl::StatusOr<DemoEngagementSummary> LoadDemoEngagement(const DemoEngagementStores& stores,
                                                         int64_t program_admin, absl::Time now);

}  // namespace cim

#endif  // CIM_SERVER_DEMO_DEMO_ENGAGEMENT_H_
