#include "server/engagement/engagement_rules.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "google/protobuf/util/message_differencer.h"
#include "lib/decimal.h"
#include "lib/decimal_field.h"
#include "lib/phrase.h"
#include "lib/proto_time.h"
#include "lib/text_field.h"

namespace cim {
namespace {

using cim::v1::ChallengeGoal;

constexpr int kMaxAudienceEntries = 50;
constexpr absl::Duration kMaxChallengeLength = absl::Hours(24 * 366);

void ValidateVisibility(cim::v1::FeedVisibility v, FieldErrors& errors) {
  if (v != cim::v1::FEED_VISIBILITY_UNSPECIFIED && v != cim::v1::FEED_VISIBILITY_PUBLIC &&
      v != cim::v1::FEED_VISIBILITY_PARTNER) {
    errors.Add("visibility", "PUBLIC or PARTNER");
  }
}

// Start and end times: both set, end after start, at most `max_length` apart.
void ValidateWindow(const google::protobuf::Timestamp* start,
                    const google::protobuf::Timestamp* end, const std::string& start_field,
                    const std::string& end_field, absl::Duration max_length, FieldErrors& errors) {
  if (start == nullptr) errors.Add(start_field, "required");
  if (end == nullptr) errors.Add(end_field, "required");
  if (start == nullptr || end == nullptr) return;
  // What the database holds: 2000 to 2199.
  const absl::Time min = absl::FromCivil(absl::CivilDay(2000, 1, 1), absl::UTCTimeZone());
  const absl::Time max = absl::FromCivil(absl::CivilDay(2200, 1, 1), absl::UTCTimeZone());
  const absl::Time from = FromTimestamp(*start), to = FromTimestamp(*end);
  if (from < min || from >= max) {
    errors.Add(start_field, "a time in the years 2000 to 2199");
    return;
  }
  if (to < min || to >= max) {
    errors.Add(end_field, "a time in the years 2000 to 2199");
    return;
  }
  if (to <= from) {
    errors.Add(end_field, "after the start");
  } else if (to - from > max_length) {
    errors.Add(end_field,
               Phrase("error.days_after_start").Count("days", absl::ToInt64Hours(max_length) / 24));
  }
}

bool SameMessage(const google::protobuf::Message& a, const google::protobuf::Message& b) {
  return google::protobuf::util::MessageDifferencer::Equals(a, b);
}

}  // namespace

void ValidateAudience(const cim::v1::Audience& audience, const std::string& prefix,
                      FieldErrors& errors) {
  if (audience.partner_types_size() > kMaxAudienceEntries ||
      audience.regions_size() > kMaxAudienceEntries ||
      audience.tiers_size() > kMaxAudienceEntries) {
    errors.Add(prefix + "audience",
               Phrase("error.at_most_per_list").Count("max", kMaxAudienceEntries));
  }
  for (int i = 0; i < audience.partner_types_size(); ++i) {
    const int t = audience.partner_types(i);
    if (t == cim::v1::PARTNER_TYPE_UNSPECIFIED || !cim::v1::PartnerType_IsValid(t)) {
      errors.Add(absl::StrCat(prefix, "audience.partner_types[", i, "]"), "a partner type");
    }
  }
  for (int i = 0; i < audience.regions_size(); ++i) {
    ValidateRegionCode(audience.regions(i), absl::StrCat(prefix, "audience.regions[", i, "]"),
                       errors);
  }
  for (int i = 0; i < audience.tiers_size(); ++i) {
    ValidateTierCode(audience.tiers(i), absl::StrCat(prefix, "audience.tiers[", i, "]"), errors);
  }
}

bool InAudience(const cim::v1::Audience& audience, const AudienceMember& member) {
  const auto has = [](const auto& list, const auto& value) {
    return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
  };
  return has(audience.partner_types(), static_cast<int>(member.type)) &&
         has(audience.regions(), member.region) && has(audience.tiers(), member.tier);
}

std::optional<Decimal> ValidateKudos(const cim::v1::GiveKudosRequest& request,
                                     FieldErrors& errors) {
  const size_t before = errors.violations().size();
  if (request.recipient_user_id() <= 0) errors.Add("recipient_user_id", "required");
  ValidateText(request.message(), "message", 1, 280, errors);
  Decimal points;
  if (!request.points().empty()) {
    if (auto p = ParseDecimalField(
            request.points(), "points",
            {.allow_zero = true, .max_scale = 0, .max = Decimal::FromInt(kMaxKudosPoints)},
            errors)) {
      points = *p;
    }
  }
  ValidateVisibility(request.visibility(), errors);
  if (!request.request_id().empty() && !IsPrintableKey(request.request_id(), 1, 100)) {
    errors.Add("request_id", "1 to 100 printable characters");
  }
  if (errors.violations().size() != before) return std::nullopt;
  return points;
}

void ValidateSpotlight(const cim::v1::PostSpotlightRequest& request, FieldErrors& errors) {
  ValidateText(request.headline(), "headline", 1, 120, errors);
  ValidateText(request.message(), "message", 1, 2000, errors);
  if (request.user_id() < 0) errors.Add("user_id", "a user id");
  if (request.partner_id() < 0) errors.Add("partner_id", "a partner id");
  if ((request.user_id() > 0) == (request.partner_id() > 0)) {
    errors.Add("user_id", "name the user or the partner the post is about (one of them)");
  }
  ValidateVisibility(request.visibility(), errors);
}

cim::v1::FeedVisibility VisibilityOrPublic(cim::v1::FeedVisibility v) {
  return v == cim::v1::FEED_VISIBILITY_UNSPECIFIED ? cim::v1::FEED_VISIBILITY_PUBLIC : v;
}

void ValidateChallenge(const cim::v1::Challenge& c, FieldErrors& errors) {
  ValidateText(c.title(), "challenge.title", 1, 120, errors);
  ValidateText(c.description(), "challenge.description", 0, 2000, errors);
  ValidateWindow(c.has_start_time() ? &c.start_time() : nullptr,
                 c.has_end_time() ? &c.end_time() : nullptr, "challenge.start_time",
                 "challenge.end_time", kMaxChallengeLength, errors);
  if (c.program_id() < 0)
    errors.Add("challenge.program_id", "a program id, or 0 for every program");
  ValidateAudience(c.audience(), "challenge.", errors);
  const ChallengeGoal& goal = c.goal();
  const bool counted = goal.kind() != cim::v1::CHALLENGE_GOAL_KIND_SALES;
  switch (goal.kind()) {
    case cim::v1::CHALLENGE_GOAL_KIND_APPROVED_CLAIMS:
    case cim::v1::CHALLENGE_GOAL_KIND_SALES:
    case cim::v1::CHALLENGE_GOAL_KIND_PRODUCT_UNITS:
    case cim::v1::CHALLENGE_GOAL_KIND_MODULES_COMPLETED:
    case cim::v1::CHALLENGE_GOAL_KIND_POINTS:
      break;
    default:
      errors.Add("challenge.goal.kind", "a goal kind");
  }
  ParseDecimalField(goal.target(), "challenge.goal.target",
                    {.allow_zero = false, .max_scale = counted ? 0 : 4}, errors);
  if (goal.kind() == cim::v1::CHALLENGE_GOAL_KIND_SALES) {
    if (!CurrencyMinorUnits(goal.currency_code()).ok()) {
      errors.Add("challenge.goal.currency_code", "a supported ISO 4217 code for a sales goal");
    }
  } else if (!goal.currency_code().empty()) {
    errors.Add("challenge.goal.currency_code", "only for sales goals");
  }
  if (goal.kind() == cim::v1::CHALLENGE_GOAL_KIND_PRODUCT_UNITS) {
    if (!IsPrintableKey(goal.sku(), 1, 64)) errors.Add("challenge.goal.sku", "the product's SKU");
  } else if (!goal.sku().empty()) {
    errors.Add("challenge.goal.sku", "only for product unit goals");
  }
  if (!c.reward_points().empty()) {
    ParseDecimalField(c.reward_points(), "challenge.reward_points",
                      {.allow_zero = true, .max_scale = 0, .max = Decimal::FromInt(1'000'000)},
                      errors);
  }
}

void ValidateSurvey(const cim::v1::Survey& s, FieldErrors& errors) {
  ValidateText(s.title(), "survey.title", 1, 120, errors);
  ValidateText(s.question(), "survey.question", 1, 500, errors);
  ValidateAudience(s.audience(), "survey.", errors);
  ValidateWindow(s.has_open_time() ? &s.open_time() : nullptr,
                 s.has_close_time() ? &s.close_time() : nullptr, "survey.open_time",
                 "survey.close_time", absl::Hours(24 * 366), errors);
}

cim::v1::Challenge EditedChallenge(const cim::v1::Challenge& current, const cim::v1::Challenge& in,
                                   const google::protobuf::FieldMask& mask) {
  cim::v1::Challenge out = current;
  for (const std::string& path : mask.paths()) {
    if (path == "title") out.set_title(std::string(absl::StripAsciiWhitespace(in.title())));
    if (path == "description") out.set_description(in.description());
    if (path == "start_time") {
      if (in.has_start_time()) {
        *out.mutable_start_time() = in.start_time();
      } else {
        out.clear_start_time();
      }
    }
    if (path == "end_time") {
      if (in.has_end_time()) {
        *out.mutable_end_time() = in.end_time();
      } else {
        out.clear_end_time();
      }
    }
    if (path == "program_id") out.set_program_id(in.program_id());
    if (path == "audience") *out.mutable_audience() = in.audience();
    if (path == "goal") *out.mutable_goal() = in.goal();
    if (path == "reward_points") out.set_reward_points(in.reward_points());
    if (path == "archived") out.set_archived(in.archived());
  }
  return out;
}

absl::Status CheckChallengeEdit(const cim::v1::Challenge& before, const cim::v1::Challenge& after,
                                absl::Time now, FieldErrors& errors) {
  const bool start_moved = !SameMessage(before.start_time(), after.start_time());
  const bool started = FromTimestamp(before.start_time()) <= now;
  if (!started && start_moved && after.has_start_time() &&
      FromTimestamp(after.start_time()) < now) {
    errors.Add("challenge.start_time", "must not be in the past");
  }
  if (!SameMessage(before.end_time(), after.end_time()) && after.has_end_time() &&
      FromTimestamp(after.end_time()) < now) {
    errors.Add("challenge.end_time", "must not be in the past");
  }
  if (!started) return absl::OkStatus();
  for (const auto& [changed, field] :
       {std::pair{!SameMessage(before.goal(), after.goal()), "goal"},
        std::pair{!SameMessage(before.audience(), after.audience()), "audience"},
        std::pair{before.program_id() != after.program_id(), "program_id"},
        std::pair{start_moved, "start_time"}}) {
    if (changed) {
      return absl::FailedPreconditionError(
          Phrase("error.challenge_started").Text("field", field).str());
    }
  }
  return absl::OkStatus();
}

cim::v1::Survey EditedSurvey(const cim::v1::Survey& current, const cim::v1::Survey& in,
                             const google::protobuf::FieldMask& mask) {
  cim::v1::Survey out = current;
  for (const std::string& path : mask.paths()) {
    if (path == "title") out.set_title(std::string(absl::StripAsciiWhitespace(in.title())));
    if (path == "question") out.set_question(in.question());
    if (path == "comment_enabled") out.set_comment_enabled(in.comment_enabled());
    if (path == "audience") *out.mutable_audience() = in.audience();
    if (path == "open_time") {
      if (in.has_open_time()) {
        *out.mutable_open_time() = in.open_time();
      } else {
        out.clear_open_time();
      }
    }
    if (path == "close_time") {
      if (in.has_close_time()) {
        *out.mutable_close_time() = in.close_time();
      } else {
        out.clear_close_time();
      }
    }
    if (path == "archived") out.set_archived(in.archived());
  }
  return out;
}

absl::Status CheckSurveyEdit(const cim::v1::Survey& before, const cim::v1::Survey& after,
                             absl::Time now, FieldErrors& errors) {
  const bool open_moved = !SameMessage(before.open_time(), after.open_time());
  const bool opened = FromTimestamp(before.open_time()) <= now;
  if (!opened && open_moved && after.has_open_time() && FromTimestamp(after.open_time()) < now) {
    errors.Add("survey.open_time", "must not be in the past");
  }
  if (!SameMessage(before.close_time(), after.close_time()) && after.has_close_time() &&
      FromTimestamp(after.close_time()) < now) {
    errors.Add("survey.close_time", "must not be in the past");
  }
  if (opened && open_moved) {
    return absl::FailedPreconditionError(
        Phrase("error.survey_opened").Text("field", "open_time").str());
  }
  return absl::OkStatus();
}

bool AsksSomethingElse(const cim::v1::Survey& before, const cim::v1::Survey& after) {
  return before.question() != after.question() || !SameMessage(before.audience(), after.audience());
}

void ValidateResponse(const cim::v1::Survey& survey, const cim::v1::RespondToSurveyRequest& request,
                      FieldErrors& errors) {
  if (!request.has_score() || request.score() < 0 || request.score() > 10) {
    errors.Add("score", "required: 0 to 10");
  }
  if (!survey.comment_enabled() && !request.comment().empty()) {
    errors.Add("comment", "this survey takes no comments");
  } else {
    ValidateText(request.comment(), "comment", 0, 1000, errors);
  }
}

cim::v1::NpsResult Nps(const std::string& group, const ScoreCounts& counts) {
  cim::v1::NpsResult out;
  out.set_group(group);
  int64_t promoters = 0, passives = 0, detractors = 0;
  for (int score = 0; score <= 10; ++score) {
    (score >= 9 ? promoters : score >= 7 ? passives : detractors) += counts[score];
  }
  const int64_t n = promoters + passives + detractors;
  out.set_responses(n);
  out.set_promoters(promoters);
  out.set_passives(passives);
  out.set_detractors(detractors);
  if (n > 0) {
    out.set_nps(Decimal::FromInt((promoters - detractors) * 100)
                    .DividedBy(Decimal::FromInt(n), 1)
                    .ToString(1));
  }
  return out;
}

Decimal ChallengeStep(const ChallengeGoal& goal, const OutboxEvent& event, int64_t units_of_sku) {
  const bool approval = event.kind == cim::v1::RECOGNITION_EVENT_KIND_CLAIM_APPROVED;
  switch (goal.kind()) {
    case cim::v1::CHALLENGE_GOAL_KIND_APPROVED_CLAIMS:
      return approval ? Decimal::FromInt(1) : Decimal();
    case cim::v1::CHALLENGE_GOAL_KIND_SALES:
      return approval && event.currency_code == goal.currency_code() ? event.amount : Decimal();
    case cim::v1::CHALLENGE_GOAL_KIND_PRODUCT_UNITS:
      return approval ? Decimal::FromInt(units_of_sku) : Decimal();
    case cim::v1::CHALLENGE_GOAL_KIND_MODULES_COMPLETED:
      return event.kind == cim::v1::RECOGNITION_EVENT_KIND_TRAINING_COMPLETED ? Decimal::FromInt(1)
                                                                              : Decimal();
    case cim::v1::CHALLENGE_GOAL_KIND_POINTS:
      // A challenge's own reward does not count toward a points challenge.
      return event.kind == cim::v1::RECOGNITION_EVENT_KIND_CHALLENGE_COMPLETED ? Decimal()
                                                                               : event.points;
    default:
      return Decimal();
  }
}

cim::v1::ChallengeProgress ChallengeProgressOf(const ChallengeGoal& goal, const Decimal& progress,
                                               std::optional<absl::Time> completed_at) {
  cim::v1::ChallengeProgress out;
  const Decimal target = Decimal::Parse(goal.target()).value_or(Decimal::FromInt(1));
  const Decimal current = std::max(progress, Decimal());
  out.set_current(current.ToString(0));
  // The words stop at the goal ("2 of 2", not "3 of 2").
  const Decimal shown = std::min(current, target);
  out.set_target(target.ToString(0));
  out.set_completed(completed_at.has_value());
  out.set_percent(completed_at ? 100 : PercentOfWay(Decimal(), target, current));
  if (completed_at) SetTimestamp(*completed_at, out.mutable_complete_time());
  std::string text;
  switch (goal.kind()) {
    case cim::v1::CHALLENGE_GOAL_KIND_APPROVED_CLAIMS:
      text = Phrase("challenge.claims").Number("current", shown).Number("target", target);
      break;
    case cim::v1::CHALLENGE_GOAL_KIND_SALES:
      text = Phrase("challenge.sales")
                 .Money("current", shown, goal.currency_code())
                 .Money("target", target, goal.currency_code());
      break;
    case cim::v1::CHALLENGE_GOAL_KIND_PRODUCT_UNITS:
      text = Phrase("challenge.units")
                 .Number("current", shown)
                 .Number("target", target)
                 .Text("sku", goal.sku());
      break;
    case cim::v1::CHALLENGE_GOAL_KIND_MODULES_COMPLETED:
      text = Phrase("challenge.modules").Number("current", shown).Number("target", target);
      break;
    default:
      text = Phrase("challenge.points").Number("current", shown).Number("target", target);
  }
  out.set_text(text);
  return out;
}

std::string KudosHeadline(absl::string_view giver, absl::string_view recipient) {
  return Phrase("feed.kudos").Text("giver", giver).Text("recipient", recipient);
}

}  // namespace cim
