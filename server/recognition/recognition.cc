#include "server/recognition/recognition.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "lib/dates.h"
#include "lib/pagination.h"
#include "lib/phrase.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "lib/update_mask.h"
#include "server/recognition/badge_rules.h"
#include "server/recognition/leaderboard_rules.h"
#include "server/recognition/levels.h"

namespace cim {

using cim::v1::Badge;
using cim::v1::Leaderboard;

absl::StatusOr<cim::v1::ListLevelsResponse> Recognition::ListLevels(const Principal&) {
  CIM_ASSIGN_OR_RETURN(std::vector<cim::v1::Level> levels, repository_.ListLevels());
  cim::v1::ListLevelsResponse out;
  for (cim::v1::Level& l : levels) *out.add_levels() = std::move(l);
  return out;
}

absl::StatusOr<cim::v1::ListLevelsResponse> Recognition::SetLevels(
    const Principal& caller, const cim::v1::SetLevelsRequest& request) {
  CIM_RETURN_IF_ERROR(RequireRole(caller, {cim::v1::ROLE_PROGRAM_ADMIN}));
  CIM_ASSIGN_OR_RETURN(std::vector<cim::v1::Level> levels,
                       ValidateLevels(std::vector<cim::v1::Level>(request.levels().begin(),
                                                                  request.levels().end())));
  CIM_RETURN_IF_ERROR(repository_.ReplaceLevels(levels));
  return ListLevels(caller);
}

absl::StatusOr<cim::v1::User> Recognition::ReadableUser(const Principal& caller, int64_t user_id) {
  if (user_id < 0) {
    FieldErrors errors;
    errors.Add("user_id", "a user id, or 0 for yourself");
    return errors.ToStatus();
  }
  const int64_t id = user_id == 0 ? caller.user_id : user_id;
  if (caller.role == cim::v1::ROLE_PARTNER_REP && id != caller.user_id) {
    return absl::PermissionDeniedError("partner reps see only their own recognition");
  }
  absl::StatusOr<UserRecord> record = users_.Get(id);
  if (absl::IsNotFound(record.status()) || (record.ok() && IsPartnerRole(caller.role) &&
                                            record->user.partner_id() != caller.partner_id)) {
    // Another partner's user is as unknown as a missing one.
    return NotFoundError("user", id);
  }
  CIM_RETURN_IF_ERROR(record.status());
  return record->user;
}

absl::StatusOr<cim::v1::RecognitionSummary> Recognition::SummaryOf(const cim::v1::User& user) {
  CIM_ASSIGN_OR_RETURN(std::vector<cim::v1::Level> ladder, repository_.ListLevels());
  cim::v1::RecognitionSummary out;
  out.set_user_id(user.id());
  out.set_partner_id(user.partner_id());
  CIM_ASSIGN_OR_RETURN(Decimal points, repository_.UserPoints(user.id()));
  out.set_lifetime_points(points.ToString(0));
  *out.mutable_level() = ProgressOnLadder(ladder, points);
  if (user.partner_id() != 0) {
    CIM_ASSIGN_OR_RETURN(Decimal partner_points, repository_.PartnerPoints(user.partner_id()));
    out.set_partner_lifetime_points(partner_points.ToString(0));
    *out.mutable_partner_level() = ProgressOnLadder(ladder, partner_points);
  }
  CIM_ASSIGN_OR_RETURN(auto awards, repository_.Awards(user.id()));
  out.set_badges_earned(static_cast<int>(awards.size()));
  CIM_ASSIGN_OR_RETURN(bool hidden, repository_.NameHidden(user.id()));
  out.set_show_name_on_leaderboards(!hidden);
  return out;
}

absl::StatusOr<cim::v1::RecognitionSummary> Recognition::Summary(
    const Principal& caller, const cim::v1::GetRecognitionSummaryRequest& request) {
  CIM_ASSIGN_OR_RETURN(cim::v1::User user, ReadableUser(caller, request.user_id()));
  return SummaryOf(user);
}

absl::StatusOr<cim::v1::RecognitionSummary> Recognition::SetLeaderboardPrivacy(
    const Principal& caller, const cim::v1::SetLeaderboardPrivacyRequest& request) {
  if (caller.role == cim::v1::ROLE_SERVICE_ACCOUNT) {
    return absl::PermissionDeniedError("service accounts are not on leaderboards");
  }
  CIM_RETURN_IF_ERROR(repository_.SetNameHidden(caller.user_id, !request.show_name()));
  {
    absl::MutexLock lock(&names_mu_);
    names_.erase({cim::v1::LEADERBOARD_SCOPE_INDIVIDUAL, caller.user_id});
  }
  CIM_ASSIGN_OR_RETURN(cim::v1::User user, ReadableUser(caller, 0));
  return SummaryOf(user);
}

absl::StatusOr<Badge> Recognition::CreateBadge(const Principal& caller,
                                               const cim::v1::CreateBadgeRequest& request) {
  CIM_RETURN_IF_ERROR(RequireRole(caller, {cim::v1::ROLE_PROGRAM_ADMIN}));
  FieldErrors errors;
  ValidateBadge(request.badge(), "badge.", errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  if (request.badge().criteria().has_placement()) {
    absl::StatusOr<Leaderboard> board =
        Board(request.badge().criteria().placement().leaderboard_id());
    if (absl::IsNotFound(board.status())) {
      errors.Add("badge.criteria.placement.leaderboard_id", "no such leaderboard");
    } else if (!board.ok()) {
      return board.status();
    } else if (board->scope() != cim::v1::LEADERBOARD_SCOPE_INDIVIDUAL) {
      errors.Add("badge.criteria.placement.leaderboard_id",
                 "badges go to users: name an individual leaderboard");
    } else if (board->period() == cim::v1::LEADERBOARD_PERIOD_ALL_TIME) {
      errors.Add("badge.criteria.placement.leaderboard_id",
                 "all-time boards never close: name a board with periods");
    }
    CIM_RETURN_IF_ERROR(errors.ToStatus());
  }
  if (request.badge().criteria().has_module_completed()) {
    absl::Status module =
        training_modules_
            .GetTrainingModule(request.badge().criteria().module_completed().module_id())
            .status();
    if (absl::IsNotFound(module)) {
      errors.Add("badge.criteria.module_completed.module_id", "no such training module");
      return errors.ToStatus();
    }
    CIM_RETURN_IF_ERROR(module);
  }
  if (request.badge().criteria().has_challenge_completed()) {
    CIM_ASSIGN_OR_RETURN(const bool exists,
                         repository_.ChallengeExists(
                             request.badge().criteria().challenge_completed().challenge_id()));
    if (!exists) {
      errors.Add("badge.criteria.challenge_completed.challenge_id", "no such challenge");
      return errors.ToStatus();
    }
  }
  absl::StatusOr<Badge> created =
      repository_.InsertBadge(request.badge(), caller.user_id, clock_.Now());
  if (absl::IsAlreadyExists(created.status())) {
    return absl::AlreadyExistsError(
        Phrase("error.badge_exists").Text("name", request.badge().name()).str());
  }
  return created;
}

absl::StatusOr<Badge> Recognition::UpdateBadge(const Principal& caller,
                                               const cim::v1::UpdateBadgeRequest& request) {
  CIM_RETURN_IF_ERROR(RequireRole(caller, {cim::v1::ROLE_PROGRAM_ADMIN}));
  const Badge& in = request.badge();
  FieldErrors errors;
  if (in.id() <= 0) errors.Add("badge.id", "required");
  RequireMaskPaths(request.update_mask(), errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(Badge badge, repository_.GetBadge(in.id()));
  if (!in.etag().empty() && in.etag() != badge.etag()) {
    return ChangedSinceReadError("badge", in.id());
  }
  const bool was_archived = badge.archived();
  for (const std::string& path : request.update_mask().paths()) {
    if (path == "name") badge.set_name(in.name());
    if (path == "description") badge.set_description(in.description());
    if (path == "image_url") badge.set_image_url(in.image_url());
    if (path == "archived") badge.set_archived(in.archived());
  }
  ValidateBadge(badge, "badge.", errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  absl::StatusOr<Badge> updated =
      repository_.UpdateBadge(badge, /*award_again=*/was_archived && !badge.archived());
  if (absl::IsAlreadyExists(updated.status())) {
    return absl::AlreadyExistsError(Phrase("error.badge_exists").Text("name", badge.name()).str());
  }
  return updated;
}

absl::StatusOr<cim::v1::ListBadgesResponse> Recognition::ListBadges(
    const Principal& caller, const cim::v1::ListBadgesRequest& request) {
  FieldErrors errors;
  const int page_size = PageSize(request.page_size(), errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(int64_t after, DecodePageToken(request));
  CIM_ASSIGN_OR_RETURN(
      std::vector<Badge> rows,
      repository_.ListBadges(after, page_size + 1,
                             request.include_archived() && ReadsAllPartners(caller)));
  cim::v1::ListBadgesResponse out;
  out.set_next_page_token(FillPage(std::move(rows), page_size, out.mutable_badges(), request));
  return out;
}

absl::StatusOr<cim::v1::ListUserBadgesResponse> Recognition::ListUserBadges(
    const Principal& caller, const cim::v1::ListUserBadgesRequest& request) {
  CIM_ASSIGN_OR_RETURN(cim::v1::User user, ReadableUser(caller, request.user_id()));
  CIM_ASSIGN_OR_RETURN(std::vector<Badge> badges,
                       repository_.ListBadges(0, 1 << 30, /*include_archived=*/true));
  CIM_ASSIGN_OR_RETURN(auto awards, repository_.Awards(user.id()));
  CIM_ASSIGN_OR_RETURN(RecognitionFacts facts, repository_.Facts(user.id(), clock_.Now()));
  const absl::CivilDay today = DayOf(clock_.Now());
  std::vector<cim::v1::BadgeStatus> earned, locked;
  for (Badge& badge : badges) {
    cim::v1::BadgeStatus status;
    const CriterionProgress progress = EvaluateCriteria(badge.criteria(), facts, today);
    status.set_current(progress.current.ToString(0));
    status.set_target(progress.target.ToString(0));
    status.set_progress_percent(progress.percent);
    status.set_progress_text(progress.text);
    auto award = awards.find(badge.id());
    if (award != awards.end()) {
      status.set_earned(true);
      status.set_progress_percent(100);
      SetTimestamp(award->second, status.mutable_earn_time());
    }
    if (!status.earned() && badge.archived()) continue;  // no longer to be earned
    *status.mutable_badge() = std::move(badge);
    (status.earned() ? earned : locked).push_back(std::move(status));
  }
  std::stable_sort(earned.begin(), earned.end(), [](const auto& a, const auto& b) {
    return FromTimestamp(a.earn_time()) > FromTimestamp(b.earn_time());
  });
  cim::v1::ListUserBadgesResponse out;
  for (auto* list : {&earned, &locked}) {
    for (cim::v1::BadgeStatus& s : *list) *out.add_badges() = std::move(s);
  }
  return out;
}

absl::StatusOr<Leaderboard> Recognition::CreateLeaderboard(
    const Principal& caller, const cim::v1::CreateLeaderboardRequest& request) {
  CIM_RETURN_IF_ERROR(RequireRole(caller, {cim::v1::ROLE_PROGRAM_ADMIN}));
  FieldErrors errors;
  ValidateLeaderboard(request.leaderboard(), "leaderboard.", errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  if (request.leaderboard().program_id() != 0) {
    absl::StatusOr<cim::v1::Program> program =
        programs_.GetProgram(caller, request.leaderboard().program_id());
    if (absl::IsNotFound(program.status())) {
      errors.Add("leaderboard.program_id", "no such program");
      return errors.ToStatus();
    }
    CIM_RETURN_IF_ERROR(program.status());
    if (request.leaderboard().metric() == cim::v1::RECOGNITION_METRIC_SALES &&
        program->currency_code() != request.leaderboard().currency_code()) {
      errors.Add("leaderboard.currency_code",
                 Phrase("error.program_sales_currency").Text("currency", program->currency_code()));
      return errors.ToStatus();
    }
  }
  return repository_.InsertLeaderboard(request.leaderboard(), caller.user_id, clock_.Now());
}

absl::StatusOr<Leaderboard> Recognition::UpdateLeaderboard(
    const Principal& caller, const cim::v1::UpdateLeaderboardRequest& request) {
  CIM_RETURN_IF_ERROR(RequireRole(caller, {cim::v1::ROLE_PROGRAM_ADMIN}));
  const Leaderboard& in = request.leaderboard();
  FieldErrors errors;
  if (in.id() <= 0) errors.Add("leaderboard.id", "required");
  RequireMaskPaths(request.update_mask(), errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(Leaderboard board, repository_.GetLeaderboard(in.id()));
  if (!in.etag().empty() && in.etag() != board.etag()) {
    return ChangedSinceReadError("leaderboard", in.id());
  }
  for (const std::string& path : request.update_mask().paths()) {
    if (path == "name") board.set_name(in.name());
    if (path == "archived") board.set_archived(in.archived());
  }
  ValidateLeaderboard(board, "leaderboard.", errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(Leaderboard updated, repository_.UpdateLeaderboard(board));
  absl::MutexLock lock(&boards_mu_);
  boards_.erase(updated.id());
  return updated;
}

absl::Status Recognition::CheckVisible(const Principal& caller, const Leaderboard& board) {
  if (ReadsAllPartners(caller)) return absl::OkStatus();
  if (board.archived()) return NotFoundError("leaderboard", board.id());
  if (board.program_id() == 0) return absl::OkStatus();
  absl::Status visible = programs_.GetProgram(caller, board.program_id()).status();
  if (absl::IsNotFound(visible)) {
    return NotFoundError("leaderboard", board.id());
  }
  return visible;
}

absl::StatusOr<cim::v1::ListLeaderboardsResponse> Recognition::ListLeaderboards(
    const Principal& caller, const cim::v1::ListLeaderboardsRequest& request) {
  if (request.program_id() < 0) {
    FieldErrors errors;
    errors.Add("program_id", "a program id, or 0 for every board");
    return errors.ToStatus();
  }
  CIM_ASSIGN_OR_RETURN(std::vector<Leaderboard> boards,
                       repository_.ListLeaderboards(request.program_id()));
  cim::v1::ListLeaderboardsResponse out;
  for (Leaderboard& b : boards) {
    if (b.archived() && !request.include_archived()) continue;
    absl::Status visible = CheckVisible(caller, b);
    if (absl::IsNotFound(visible)) continue;
    CIM_RETURN_IF_ERROR(visible);
    *out.add_leaderboards() = std::move(b);
  }
  return out;
}

absl::StatusOr<Leaderboard> Recognition::Board(int64_t id) {
  const absl::Time now = clock_.Now();
  {
    absl::MutexLock lock(&boards_mu_);
    auto it = boards_.find(id);
    if (it != boards_.end() && now - it->second.fetched < kBoardTtl) return it->second.board;
  }
  CIM_ASSIGN_OR_RETURN(Leaderboard board, repository_.GetLeaderboard(id));
  absl::MutexLock lock(&boards_mu_);
  boards_[id] = CachedBoard{.board = board, .fetched = now};
  return board;
}

absl::StatusOr<absl::flat_hash_map<int64_t, ParticipantName>> Recognition::Names(
    cim::v1::LeaderboardScope scope, const std::vector<int64_t>& ids) {
  constexpr size_t kMaxCachedNames = 200'000;
  const absl::Time now = clock_.Now();
  absl::flat_hash_map<int64_t, ParticipantName> out;
  std::vector<int64_t> missing;
  {
    absl::MutexLock lock(&names_mu_);
    for (int64_t id : ids) {
      auto it = names_.find({scope, id});
      if (it != names_.end() && now - it->second.fetched < kNameTtl) {
        out[id] = it->second.name;
      } else {
        missing.push_back(id);
      }
    }
  }
  if (missing.empty()) return out;
  CIM_ASSIGN_OR_RETURN(auto fetched, repository_.ParticipantNames(scope, missing));
  absl::MutexLock lock(&names_mu_);
  if (names_.size() + fetched.size() > kMaxCachedNames) names_.clear();
  for (auto& [id, name] : fetched) {
    names_[{scope, id}] = CachedName{.name = name, .fetched = now};
    out[id] = std::move(name);
  }
  return out;
}

absl::StatusOr<cim::v1::GetLeaderboardResponse> Recognition::GetLeaderboard(
    const Principal& caller, const cim::v1::GetLeaderboardRequest& request) {
  FieldErrors errors;
  if (request.leaderboard_id() <= 0) errors.Add("leaderboard_id", "required");
  if (request.top() < 0 || request.top() > 100) errors.Add("top", "0 to 100 (0: 10)");
  if (request.around() < 0 || request.around() > 50) errors.Add("around", "0 to 50 (0: 5)");
  absl::CivilDay day = DayOf(clock_.Now());
  if (!request.period().empty()) {
    absl::StatusOr<absl::CivilDay> parsed = ParseDate(request.period());
    if (parsed.ok()) {
      day = *parsed;
    } else {
      errors.Add("period", "a date, YYYY-MM-DD");
    }
  }
  if (!cim::v1::PartnerType_IsValid(request.partner_type())) {
    errors.Add("partner_type", "unknown partner type");
  }
  if (request.region().size() > 32) errors.Add("region", "at most 32 characters");
  if (request.tier().size() > 32) errors.Add("tier", "at most 32 characters");
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(Leaderboard board, Board(request.leaderboard_id()));
  CIM_RETURN_IF_ERROR(CheckVisible(caller, board));

  const DateRange period = BoardPeriodOf(board.period(), day);
  const bool individual = board.scope() == cim::v1::LEADERBOARD_SCOPE_INDIVIDUAL;
  const int64_t me = individual ? caller.user_id : caller.partner_id;
  const LeagueFilter league{
      .type = request.partner_type(), .region = request.region(), .tier = request.tier()};
  CIM_ASSIGN_OR_RETURN(
      Standing standing,
      index_.Query(board.id(), period.first, league, request.top() == 0 ? 10 : request.top(),
                   request.around() == 0 ? 5 : request.around(), me));

  std::vector<int64_t> ids;
  for (const auto* rows : {&standing.top, &standing.around}) {
    for (const Placed& p : *rows) ids.push_back(p.participant_id);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  CIM_ASSIGN_OR_RETURN(auto names, Names(board.scope(), ids));
  const int score_digits = board.metric() == cim::v1::RECOGNITION_METRIC_SALES
                               ? StoredCurrencyScale(board.currency_code())
                               : 0;
  const auto row = [&](const Placed& p, cim::v1::LeaderboardRow* out) {
    out->set_rank(p.rank);
    out->set_participant_id(p.participant_id);
    out->set_score(ScoreFromUnits(p.score_units).ToString(score_digits));
    out->set_is_caller(me != 0 && p.participant_id == me);
    auto name = names.find(p.participant_id);
    if (name == names.end()) return;
    if (name->second.hidden && !out->is_caller()) {
      // Nothing that identifies the user across boards.
      out->set_display_name(kAnonymousName);
      out->set_participant_id(0);
    } else {
      out->set_display_name(name->second.display_name);
      out->set_partner_name(name->second.partner_name);
    }
  };

  cim::v1::GetLeaderboardResponse out;
  *out.mutable_leaderboard() = board;
  if (board.period() != cim::v1::LEADERBOARD_PERIOD_ALL_TIME) {
    out.set_period_start(FormatDate(period.first));
    out.set_period_end(FormatDate(period.last));
  }
  out.set_participants(standing.participants);
  for (const Placed& p : standing.top) row(p, out.add_top());
  if (standing.participant) row(*standing.participant, out.mutable_caller());
  for (const Placed& p : standing.around) row(p, out.add_around());
  return out;
}

absl::Status Recognition::WatchProgress(
    const Principal& caller, const cim::v1::WatchProgressRequest& request, absl::Duration poll,
    const WaitFn& wait, const std::function<bool(const cim::v1::ProgressUpdate&)>& emit) {
  constexpr int kMaxWatchedBoards = 10;
  if (caller.role == cim::v1::ROLE_SERVICE_ACCOUNT) {
    return absl::PermissionDeniedError("service accounts have no progress to watch");
  }
  FieldErrors errors;
  if (request.leaderboard_ids_size() > kMaxWatchedBoards) {
    errors.Add("leaderboard_ids", Phrase("error.at_most").Count("max", kMaxWatchedBoards));
  }
  for (int i = 0; i < request.leaderboard_ids_size(); ++i) {
    if (request.leaderboard_ids(i) <= 0) {
      errors.Add(absl::StrCat("leaderboard_ids[", i, "]"), "a leaderboard id");
    }
  }
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  for (int64_t id : request.leaderboard_ids()) {
    CIM_ASSIGN_OR_RETURN(const Leaderboard board, Board(id));
    CIM_RETURN_IF_ERROR(CheckVisible(caller, board));
  }
  CIM_ASSIGN_OR_RETURN(const cim::v1::User user, ReadableUser(caller, 0));

  // The summary is recomputed when the version moves, and at least this often.
  constexpr absl::Duration kRefresh = absl::Seconds(5);
  std::string version;
  absl::Time refreshed;
  absl::flat_hash_map<int64_t, absl::Time> earned;
  cim::v1::ProgressUpdate last;
  for (bool first = true;; first = false) {
    CIM_ASSIGN_OR_RETURN(std::string now_version,
                         repository_.ProgressVersion(user.id(), user.partner_id()));
    cim::v1::ProgressUpdate update;
    bool changed = first;
    if (first || now_version != version || absl::Now() - refreshed >= kRefresh) {
      version = std::move(now_version);
      refreshed = absl::Now();
      CIM_ASSIGN_OR_RETURN(*update.mutable_summary(), SummaryOf(user));
      changed = first || update.summary().SerializeAsString() != last.summary().SerializeAsString();
      CIM_ASSIGN_OR_RETURN(auto awards, repository_.Awards(user.id()));
      if (!first) {
        std::vector<int64_t> fresh;
        for (const auto& [badge, at] : awards) {
          if (!earned.contains(badge)) fresh.push_back(badge);
        }
        if (!fresh.empty()) {
          CIM_ASSIGN_OR_RETURN(std::vector<Badge> catalog,
                               repository_.ListBadges(0, 1 << 30, /*include_archived=*/true));
          for (const Badge& b : catalog) {
            if (std::find(fresh.begin(), fresh.end(), b.id()) == fresh.end()) continue;
            cim::v1::BadgeStatus& status = *update.add_new_badges();
            *status.mutable_badge() = b;
            status.set_earned(true);
            SetTimestamp(awards[b.id()], status.mutable_earn_time());
            status.set_progress_percent(100);
          }
        }
        update.set_level_up(update.summary().level().level().rank() >
                            last.summary().level().level().rank());
        changed |= update.new_badges_size() > 0;
      }
      earned = std::move(awards);
    } else {
      *update.mutable_summary() = last.summary();
    }
    for (int i = 0; i < request.leaderboard_ids_size(); ++i) {
      cim::v1::GetLeaderboardRequest one;
      one.set_leaderboard_id(request.leaderboard_ids(i));
      one.set_top(1);
      one.set_around(0);
      CIM_ASSIGN_OR_RETURN(const cim::v1::GetLeaderboardResponse board,
                           GetLeaderboard(caller, one));
      cim::v1::BoardRank& rank = *update.add_ranks();
      rank.set_leaderboard_id(board.leaderboard().id());
      rank.set_period_start(board.period_start());
      rank.set_participants(board.participants());
      if (board.has_caller()) {
        rank.set_rank(board.caller().rank());
        rank.set_score(board.caller().score());
      }
      if (!first) {
        const cim::v1::BoardRank& before = last.ranks(i);
        rank.set_previous_rank(before.rank());
        if (before.rank() != rank.rank() || before.score() != rank.score() ||
            before.period_start() != rank.period_start()) {
          changed = true;
        }
      }
    }
    if (changed) {
      if (!emit(update)) return absl::OkStatus();
      last = std::move(update);
    }
    if (!wait(poll)) return absl::OkStatus();
  }
}

absl::Status Recognition::WatchLeaderboard(
    const Principal& caller, const cim::v1::GetLeaderboardRequest& request, absl::Duration poll,
    const WaitFn& wait, const std::function<bool(const cim::v1::GetLeaderboardResponse&)>& emit) {
  std::string last;
  for (;;) {
    CIM_ASSIGN_OR_RETURN(const cim::v1::GetLeaderboardResponse board,
                         GetLeaderboard(caller, request));
    std::string now = board.SerializeAsString();
    if (now != last) {
      if (!emit(board)) return absl::OkStatus();
      last = std::move(now);
    }
    if (!wait(poll)) return absl::OkStatus();
  }
}

}  // namespace cim
