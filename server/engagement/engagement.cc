#include "server/engagement/engagement.h"

#include <map>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "lib/decimal_field.h"
#include "lib/pagination.h"
#include "lib/phrase.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "lib/text_field.h"
#include "lib/update_mask.h"

namespace cim {
namespace {

constexpr int kDefaultFeedPage = 20;
constexpr int kMaxFeedPage = 100;
constexpr int kResultComments = 100;

}  // namespace

absl::StatusOr<Partner> Engagement::CallerPartner(const Principal& caller) {
  return partners_.Get(caller.partner_id);
}

absl::Status Engagement::CheckChallengeProgram(const Principal& caller, int64_t program_id,
                                               FieldErrors& errors) {
  if (program_id <= 0) return absl::OkStatus();
  absl::Status program = programs_.GetProgram(caller, program_id).status();
  if (absl::IsNotFound(program)) {
    errors.Add("challenge.program_id", "no such program");
    return absl::OkStatus();
  }
  return program;
}

absl::StatusOr<std::vector<int64_t>> Engagement::AudiencePartners(
    const cim::v1::Audience& audience) {
  std::vector<int64_t> out;
  CIM_RETURN_IF_ERROR(
      ForEachPartner(partners_, {.status = cim::v1::PARTNER_STATUS_ACTIVE}, [&](const Partner& p) {
        if (InAudience(audience, MemberOf(p))) out.push_back(p.id());
        return absl::OkStatus();
      }));
  return out;
}

absl::StatusOr<cim::v1::Kudos> Engagement::GiveKudos(const Principal& caller,
                                                     const cim::v1::GiveKudosRequest& request) {
  if (!IsVendorRole(caller.role) && caller.role != cim::v1::ROLE_PARTNER_ADMIN) {
    return absl::PermissionDeniedError("vendor staff and partner admins give kudos");
  }
  FieldErrors errors;
  const std::optional<Decimal> points = ValidateKudos(request, errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  if (request.recipient_user_id() == caller.user_id) {
    return absl::PermissionDeniedError("kudos go to someone else, never to yourself");
  }
  absl::StatusOr<UserRecord> recipient = users_.Get(request.recipient_user_id());
  if (absl::IsNotFound(recipient.status()) || (recipient.ok() && IsPartnerRole(caller.role) &&
                                               recipient->user.partner_id() != caller.partner_id)) {
    return NotFoundError("user", request.recipient_user_id());
  }
  CIM_RETURN_IF_ERROR(recipient.status());
  if (!IsPartnerRole(recipient->user.role()) ||
      recipient->user.status() != cim::v1::USER_STATUS_ACTIVE) {
    errors.Add("recipient_user_id", "kudos go to active partner users");
    return errors.ToStatus();
  }
  CIM_ASSIGN_OR_RETURN(const UserRecord giver, users_.Get(caller.user_id));
  return kudos_.GiveKudos(
      NewKudos{.giver_user_id = caller.user_id,
               .budget_partner_id = IsPartnerRole(caller.role) ? caller.partner_id : 0,
               .recipient_user_id = recipient->user.id(),
               .recipient_partner_id = recipient->user.partner_id(),
               .message = std::string(absl::StripAsciiWhitespace(request.message())),
               .points = *points,
               .visibility = VisibilityOrPublic(request.visibility()),
               .request_id = request.request_id(),
               .headline = KudosHeadline(giver.user.display_name(), recipient->user.display_name()),
               .now = clock_.Now()});
}

absl::StatusOr<cim::v1::FeedEntry> Engagement::PostSpotlight(
    const Principal& caller, const cim::v1::PostSpotlightRequest& request) {
  if (!IsVendorRole(caller.role)) {
    return absl::PermissionDeniedError("vendor staff post spotlights");
  }
  FieldErrors errors;
  ValidateSpotlight(request, errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  NewFeedEntry entry{.kind = cim::v1::FEED_ENTRY_KIND_SPOTLIGHT,
                     .visibility = VisibilityOrPublic(request.visibility()),
                     .headline = std::string(absl::StripAsciiWhitespace(request.headline())),
                     .message = request.message(),
                     .author_user_id = caller.user_id,
                     .created_at = clock_.Now()};
  if (request.user_id() > 0) {
    absl::StatusOr<UserRecord> user = users_.Get(request.user_id());
    if (absl::IsNotFound(user.status())) return NotFoundError("user", request.user_id());
    CIM_RETURN_IF_ERROR(user.status());
    if (!IsPartnerRole(user->user.role())) {
      errors.Add("user_id", "a partner user");
      return errors.ToStatus();
    }
    entry.user_id = user->user.id();
    entry.partner_id = user->user.partner_id();
  } else {
    absl::StatusOr<Partner> partner = partners_.Get(request.partner_id());
    if (absl::IsNotFound(partner.status())) return NotFoundError("partner", request.partner_id());
    CIM_RETURN_IF_ERROR(partner.status());
    entry.partner_id = partner->id();
  }
  return feed_.InsertFeedEntry(entry);
}

absl::StatusOr<cim::v1::ListFeedResponse> Engagement::ListFeed(
    const Principal& caller, const cim::v1::ListFeedRequest& request) {
  FieldErrors errors;
  if (request.page_size() < 0 || request.page_size() > kMaxFeedPage) {
    errors.Add("page_size", Phrase("error.zero_to").Count("max", kMaxFeedPage));
  }
  if (request.partner_id() < 0) errors.Add("partner_id", "a partner id, or 0");
  if (request.user_id() < 0) errors.Add("user_id", "a user id, or 0");
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(const int64_t before, DecodePageToken(request));
  const int page_size = request.page_size() == 0 ? kDefaultFeedPage : request.page_size();
  CIM_ASSIGN_OR_RETURN(auto rows,
                       feed_.ListFeed(FeedFilter{
                           .viewer_partner_id = IsPartnerRole(caller.role) ? caller.partner_id : 0,
                           .partner_id = request.partner_id(),
                           .user_id = request.user_id(),
                           .before_id = before,
                           .limit = page_size + 1}));
  cim::v1::ListFeedResponse out;
  out.set_next_page_token(FillPage(std::move(rows), page_size, out.mutable_entries(), request));
  return out;
}

absl::StatusOr<cim::v1::KudosBudget> Engagement::SetKudosBudget(
    const Principal& caller, const cim::v1::SetKudosBudgetRequest& request) {
  CIM_RETURN_IF_ERROR(RequireRole(caller, {cim::v1::ROLE_PROGRAM_ADMIN}));
  FieldErrors errors;
  if (request.partner_id() < 0) errors.Add("partner_id", "a partner id, or 0 for vendor staff");
  const std::optional<Decimal> monthly = ParseDecimalField(
      request.monthly_points(), "monthly_points",
      {.allow_zero = true, .max_scale = 0, .max = Decimal::FromInt(kMaxKudosBudget)}, errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  if (request.partner_id() > 0) {
    absl::StatusOr<Partner> partner = partners_.Get(request.partner_id());
    if (absl::IsNotFound(partner.status())) return NotFoundError("partner", request.partner_id());
    CIM_RETURN_IF_ERROR(partner.status());
  }
  CIM_RETURN_IF_ERROR(kudos_.SetKudosBudget(request.partner_id(), *monthly));
  return kudos_.GetKudosBudget(request.partner_id(), clock_.Now());
}

absl::StatusOr<cim::v1::KudosBudget> Engagement::GetKudosBudget(
    const Principal& caller, const cim::v1::GetKudosBudgetRequest& request) {
  if (!IsVendorRole(caller.role) && caller.role != cim::v1::ROLE_PARTNER_ADMIN) {
    return absl::PermissionDeniedError("vendor staff and partner admins read kudos budgets");
  }
  if (request.partner_id() < 0) {
    FieldErrors errors;
    errors.Add("partner_id", "a partner id, or 0 for vendor staff");
    return errors.ToStatus();
  }
  CIM_RETURN_IF_ERROR(PartnerReadScope(caller, request.partner_id()).status());
  return kudos_.GetKudosBudget(request.partner_id(), clock_.Now());
}

absl::StatusOr<cim::v1::Challenge> Engagement::CreateChallenge(
    const Principal& caller, const cim::v1::CreateChallengeRequest& request) {
  CIM_RETURN_IF_ERROR(RequireRole(caller, {cim::v1::ROLE_PROGRAM_ADMIN}));
  FieldErrors errors;
  ValidateChallenge(request.challenge(), errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_RETURN_IF_ERROR(CheckChallengeProgram(caller, request.challenge().program_id(), errors));
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  cim::v1::Challenge challenge = request.challenge();
  challenge.set_title(std::string(absl::StripAsciiWhitespace(challenge.title())));
  return challenges_.InsertChallenge(challenge, caller.user_id, clock_.Now());
}

absl::StatusOr<cim::v1::Challenge> Engagement::UpdateChallenge(
    const Principal& caller, const cim::v1::UpdateChallengeRequest& request) {
  CIM_RETURN_IF_ERROR(RequireRole(caller, {cim::v1::ROLE_PROGRAM_ADMIN}));
  const cim::v1::Challenge& in = request.challenge();
  FieldErrors errors;
  if (in.id() <= 0) errors.Add("challenge.id", "required");
  RequireMaskPaths(request.update_mask(), errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(const cim::v1::Challenge current, challenges_.GetChallenge(in.id()));
  if (!in.etag().empty() && in.etag() != current.etag()) {
    return ChangedSinceReadError("challenge", in.id());
  }
  const cim::v1::Challenge edited = EditedChallenge(current, in, request.update_mask());
  ValidateChallenge(edited, errors);
  const absl::Status fixed = CheckChallengeEdit(current, edited, clock_.Now(), errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_RETURN_IF_ERROR(fixed);
  if (edited.program_id() != current.program_id()) {
    CIM_RETURN_IF_ERROR(CheckChallengeProgram(caller, edited.program_id(), errors));
    CIM_RETURN_IF_ERROR(errors.ToStatus());
  }
  return challenges_.UpdateChallenge(edited);
}

absl::StatusOr<cim::v1::ListChallengesResponse> Engagement::ListChallenges(
    const Principal& caller, const cim::v1::ListChallengesRequest& request) {
  const absl::Time now = clock_.Now();
  // Partners never see archived challenges.
  CIM_ASSIGN_OR_RETURN(std::vector<cim::v1::Challenge> challenges,
                       challenges_.ListChallenges(
                           request.include_ended() ? std::nullopt : std::optional<absl::Time>(now),
                           request.include_archived() && !IsPartnerRole(caller.role)));
  cim::v1::ListChallengesResponse out;
  if (!IsPartnerRole(caller.role)) {
    for (cim::v1::Challenge& c : challenges) *out.add_challenges() = std::move(c);
    return out;
  }
  CIM_ASSIGN_OR_RETURN(const Partner partner, CallerPartner(caller));
  const AudienceMember member = MemberOf(partner);
  CIM_ASSIGN_OR_RETURN(const auto standings, challenges_.Standings(caller.user_id));
  for (cim::v1::Challenge& c : challenges) {
    if (!InAudience(c.audience(), member)) continue;
    if (c.program_id() != 0) {
      CIM_ASSIGN_OR_RETURN(const bool enrolled,
                           challenges_.Enrolled(c.program_id(), caller.partner_id));
      if (!enrolled) continue;
    }
    auto it = standings.find(c.id());
    *c.mutable_progress() =
        it == standings.end()
            ? ChallengeProgressOf(c.goal(), Decimal(), std::nullopt)
            : ChallengeProgressOf(c.goal(), it->second.progress, it->second.completed_at);
    *out.add_challenges() = std::move(c);
  }
  return out;
}

absl::StatusOr<cim::v1::Survey> Engagement::CreateSurvey(
    const Principal& caller, const cim::v1::CreateSurveyRequest& request) {
  CIM_RETURN_IF_ERROR(
      RequireRole(caller, {cim::v1::ROLE_PROGRAM_ADMIN, cim::v1::ROLE_CHANNEL_MANAGER}));
  FieldErrors errors;
  ValidateSurvey(request.survey(), errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  // The partners in its audience hear of it when it opens.
  CIM_ASSIGN_OR_RETURN(const std::vector<int64_t> audience,
                       AudiencePartners(request.survey().audience()));
  return surveys_.InsertSurvey(request.survey(), caller.user_id, clock_.Now(), audience);
}

absl::StatusOr<cim::v1::Survey> Engagement::UpdateSurvey(
    const Principal& caller, const cim::v1::UpdateSurveyRequest& request) {
  CIM_RETURN_IF_ERROR(
      RequireRole(caller, {cim::v1::ROLE_PROGRAM_ADMIN, cim::v1::ROLE_CHANNEL_MANAGER}));
  const cim::v1::Survey& in = request.survey();
  FieldErrors errors;
  if (in.id() <= 0) errors.Add("survey.id", "required");
  RequireMaskPaths(request.update_mask(), errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(const cim::v1::Survey current, surveys_.GetSurvey(in.id()));
  if (!in.etag().empty() && in.etag() != current.etag()) {
    return ChangedSinceReadError("survey", in.id());
  }
  const cim::v1::Survey edited = EditedSurvey(current, in, request.update_mask());
  ValidateSurvey(edited, errors);
  const absl::Time now = clock_.Now();
  const absl::Status fixed = CheckSurveyEdit(current, edited, now, errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_RETURN_IF_ERROR(fixed);
  // Until it opens, its audience is told again when it opens (what the notice says, to whom
  // and when may have changed).
  std::optional<std::vector<int64_t>> notify;
  if (now < FromTimestamp(current.open_time())) {
    notify.emplace();
    if (!edited.archived()) {
      CIM_ASSIGN_OR_RETURN(notify, AudiencePartners(edited.audience()));
    }
  }
  return surveys_.UpdateSurvey(edited, AsksSomethingElse(current, edited), notify);
}

absl::StatusOr<cim::v1::ListSurveysResponse> Engagement::ListSurveys(
    const Principal& caller, const cim::v1::ListSurveysRequest& request) {
  const absl::Time now = clock_.Now();
  // Partners never see archived surveys.
  CIM_ASSIGN_OR_RETURN(
      std::vector<cim::v1::Survey> surveys,
      surveys_.ListSurveys(request.include_archived() && !IsPartnerRole(caller.role)));
  std::optional<AudienceMember> member;
  absl::flat_hash_set<int64_t> responded;
  if (IsPartnerRole(caller.role)) {
    CIM_ASSIGN_OR_RETURN(const Partner partner, CallerPartner(caller));
    member = MemberOf(partner);
    CIM_ASSIGN_OR_RETURN(responded, surveys_.RespondedSurveys(caller.user_id));
  }
  cim::v1::ListSurveysResponse out;
  for (cim::v1::Survey& s : surveys) {
    if (member && !InAudience(s.audience(), *member)) continue;
    s.set_responded(responded.contains(s.id()));
    const bool open = FromTimestamp(s.open_time()) <= now && now < FromTimestamp(s.close_time());
    if (request.open_only() && (!open || s.responded())) continue;
    *out.add_surveys() = std::move(s);
  }
  return out;
}

absl::StatusOr<cim::v1::RespondToSurveyResponse> Engagement::RespondToSurvey(
    const Principal& caller, const cim::v1::RespondToSurveyRequest& request) {
  if (!IsPartnerRole(caller.role)) {
    return absl::PermissionDeniedError("partner users answer surveys");
  }
  if (request.survey_id() <= 0) {
    FieldErrors errors;
    errors.Add("survey_id", "required");
    return errors.ToStatus();
  }
  absl::StatusOr<cim::v1::Survey> survey = surveys_.GetSurvey(request.survey_id());
  CIM_RETURN_IF_ERROR(survey.status());
  CIM_ASSIGN_OR_RETURN(const Partner partner, CallerPartner(caller));
  if (!InAudience(survey->audience(), MemberOf(partner))) {
    return NotFoundError("survey", request.survey_id());
  }
  FieldErrors errors;
  ValidateResponse(*survey, request, errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  const absl::Time now = clock_.Now();
  if (now < FromTimestamp(survey->open_time()) || now >= FromTimestamp(survey->close_time())) {
    return absl::FailedPreconditionError("the survey is not open for responses");
  }
  // (The store checks again, in the insert's transaction.)
  if (survey->archived()) {
    return absl::FailedPreconditionError("the survey is archived and takes no more responses");
  }
  absl::Status stored = surveys_.InsertResponse(
      survey->id(), caller.user_id, partner.id(), partner.type(), partner.region(), request.score(),
      std::string(absl::StripAsciiWhitespace(request.comment())), now);
  if (absl::IsAlreadyExists(stored)) {
    return absl::AlreadyExistsError("you already answered this survey");
  }
  CIM_RETURN_IF_ERROR(stored);
  cim::v1::RespondToSurveyResponse out;
  out.set_survey_id(survey->id());
  out.set_score(request.score());
  return out;
}

absl::StatusOr<cim::v1::SurveyResults> Engagement::GetSurveyResults(
    const Principal& caller, const cim::v1::GetSurveyResultsRequest& request) {
  if (!IsVendorRole(caller.role) && caller.role != cim::v1::ROLE_PARTNER_ADMIN) {
    return absl::PermissionDeniedError("vendor staff and partner admins read survey results");
  }
  FieldErrors errors;
  if (request.survey_id() <= 0) errors.Add("survey_id", "required");
  if (request.partner_id() < 0) errors.Add("partner_id", "a partner id, or 0");
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(const int64_t partner_id, PartnerReadScope(caller, request.partner_id()));
  CIM_ASSIGN_OR_RETURN(cim::v1::Survey survey, surveys_.GetSurvey(request.survey_id()));
  if (IsPartnerRole(caller.role)) {
    // Partners see only the surveys they are asked, never archived ones.
    CIM_ASSIGN_OR_RETURN(const Partner partner, CallerPartner(caller));
    if (survey.archived() || !InAudience(survey.audience(), MemberOf(partner))) {
      return NotFoundError("survey", survey.id());
    }
  } else if (partner_id > 0) {
    absl::Status partner = partners_.Get(partner_id).status();
    if (absl::IsNotFound(partner)) return NotFoundError("partner", partner_id);
    CIM_RETURN_IF_ERROR(partner);
  }
  CIM_ASSIGN_OR_RETURN(const auto counts, surveys_.ResponseCounts(survey.id(), partner_id));
  ScoreCounts all = {};
  std::map<int, ScoreCounts> by_type;
  std::map<std::string, ScoreCounts> by_region;
  for (const SurveyResponseCount& c : counts) {
    all[c.score] += c.count;
    by_type[c.type][c.score] += c.count;
    by_region[c.region][c.score] += c.count;
  }
  cim::v1::SurveyResults out;
  *out.mutable_survey() = std::move(survey);
  *out.mutable_overall() = Nps("all", all);
  for (const auto& [type, scores] : by_type) {
    *out.add_by_partner_type() =
        Nps(WithoutPrefix(cim::v1::PartnerType_Name(type), "PARTNER_TYPE_"), scores);
  }
  for (const auto& [region, scores] : by_region) {
    *out.add_by_region() = Nps(region.empty() ? "(none)" : region, scores);
  }
  CIM_ASSIGN_OR_RETURN(auto comments,
                       surveys_.Comments(request.survey_id(), partner_id, kResultComments));
  for (cim::v1::SurveyComment& c : comments) *out.add_comments() = std::move(c);
  return out;
}

}  // namespace cim
