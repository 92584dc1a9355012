// Recognition's rules for callers: who may read and define levels, badges and leaderboards,
// request validation, and the answers (standing, badge progress, board rows). No gRPC, no SQL.
// Training and certifications are server/training/'s (Training).
#ifndef CIM_SERVER_RECOGNITION_RECOGNITION_H_
#define CIM_SERVER_RECOGNITION_RECOGNITION_H_

#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "cim/v1/recognition_service.pb.h"
#include "lib/clock.h"
#include "lib/principal.h"
#include "server/identity/user_repository.h"
#include "server/program/program_directory.h"
#include "server/recognition/leaderboard_index.h"
#include "server/recognition/recognition_repository.h"
#include "server/training/training_repository.h"

namespace cim {

// The label others see for a user who hides their name.
inline constexpr char kAnonymousName[] = "Anonymous participant";
// How long a server reuses a participant's name and privacy choice.
inline constexpr absl::Duration kNameTtl = absl::Seconds(2);
// How long a server reuses a board's definition: an edit made on another server (its name,
// archiving) shows here within this time, on the server that made it at once.
inline constexpr absl::Duration kBoardTtl = absl::Seconds(2);

class Recognition {
 public:
  // `training_modules` answers whether a badge's `module_completed` criterion names a module.
  Recognition(RecognitionRepository& repository, LeaderboardIndex& index, UserRepository& users,
              ProgramDirectory& programs, TrainingModuleLookup& training_modules,
              const Clock& clock)
      : repository_(repository),
        index_(index),
        users_(users),
        programs_(programs),
        training_modules_(training_modules),
        clock_(clock) {}

  // Every RPC: PERMISSION_DENIED where the caller's role or partner does not allow it,
  // INVALID_ARGUMENT with field violations for bad requests, NOT_FOUND for unknown ids.
  absl::StatusOr<cim::v1::ListLevelsResponse> ListLevels(const Principal& caller);
  absl::StatusOr<cim::v1::ListLevelsResponse> SetLevels(const Principal& caller,
                                                        const cim::v1::SetLevelsRequest& request);
  absl::StatusOr<cim::v1::RecognitionSummary> Summary(
      const Principal& caller, const cim::v1::GetRecognitionSummaryRequest& request);
  absl::StatusOr<cim::v1::RecognitionSummary> SetLeaderboardPrivacy(
      const Principal& caller, const cim::v1::SetLeaderboardPrivacyRequest& request);
  // ALREADY_EXISTS if the name is taken.
  absl::StatusOr<cim::v1::Badge> CreateBadge(const Principal& caller,
                                             const cim::v1::CreateBadgeRequest& request);
  // Program admins. ABORTED if a given etag is not the badge's; ALREADY_EXISTS if the new name
  // is taken. Archiving stops awards (holders keep the badge); restoring looks again, within
  // seconds, for users who meet it.
  absl::StatusOr<cim::v1::Badge> UpdateBadge(const Principal& caller,
                                             const cim::v1::UpdateBadgeRequest& request);
  // Partner users never see archived badges in the catalog; vendor roles with
  // include_archived do.
  absl::StatusOr<cim::v1::ListBadgesResponse> ListBadges(const Principal& caller,
                                                         const cim::v1::ListBadgesRequest& request);
  // Earned badges include archived ones (kept); locked ones leave them out.
  absl::StatusOr<cim::v1::ListUserBadgesResponse> ListUserBadges(
      const Principal& caller, const cim::v1::ListUserBadgesRequest& request);
  absl::StatusOr<cim::v1::Leaderboard> CreateLeaderboard(
      const Principal& caller, const cim::v1::CreateLeaderboardRequest& request);
  // Program admins. ABORTED if a given etag is not the board's.
  absl::StatusOr<cim::v1::Leaderboard> UpdateLeaderboard(
      const Principal& caller, const cim::v1::UpdateLeaderboardRequest& request);
  // Archived boards only for vendor roles asking for them.
  absl::StatusOr<cim::v1::ListLeaderboardsResponse> ListLeaderboards(
      const Principal& caller, const cim::v1::ListLeaderboardsRequest& request);
  absl::StatusOr<cim::v1::GetLeaderboardResponse> GetLeaderboard(
      const Principal& caller, const cim::v1::GetLeaderboardRequest& request);

  // The streams: call `emit` with a first update at once, then with each change, checking
  // every `poll`. Return OK when `wait(poll)` returns false (the caller went away) or `emit`
  // does; the errors of the matching unary RPCs (validation, visibility) before the first.
  using WaitFn = std::function<bool(absl::Duration)>;
  // PERMISSION_DENIED for service accounts (no standing of their own).
  absl::Status WatchProgress(const Principal& caller, const cim::v1::WatchProgressRequest& request,
                             absl::Duration poll, const WaitFn& wait,
                             const std::function<bool(const cim::v1::ProgressUpdate&)>& emit);
  absl::Status WatchLeaderboard(
      const Principal& caller, const cim::v1::GetLeaderboardRequest& request, absl::Duration poll,
      const WaitFn& wait, const std::function<bool(const cim::v1::GetLeaderboardResponse&)>& emit);

 private:
  // The user `user_id` names (0: the caller) if the caller may read their recognition.
  absl::StatusOr<cim::v1::User> ReadableUser(const Principal& caller, int64_t user_id);
  absl::StatusOr<cim::v1::RecognitionSummary> SummaryOf(const cim::v1::User& user);
  // A board's definition, reused for kBoardTtl.
  absl::StatusOr<cim::v1::Leaderboard> Board(int64_t id);
  // OK if the caller may see `board`: for partner callers it must not be archived and its
  // program must be visible to them (not a draft, not a deal for other named partners).
  // NOT_FOUND otherwise.
  absl::Status CheckVisible(const Principal& caller, const cim::v1::Leaderboard& board);
  // Names of board participants, kept per server for kNameTtl (a privacy change on this server
  // shows at once; on others within kNameTtl).
  absl::StatusOr<absl::flat_hash_map<int64_t, ParticipantName>> Names(
      cim::v1::LeaderboardScope scope, const std::vector<int64_t>& ids);

  RecognitionRepository& repository_;
  LeaderboardIndex& index_;
  UserRepository& users_;
  ProgramDirectory& programs_;
  TrainingModuleLookup& training_modules_;
  const Clock& clock_;
  struct CachedBoard {
    cim::v1::Leaderboard board;
    absl::Time fetched;
  };
  absl::Mutex boards_mu_;
  absl::flat_hash_map<int64_t, CachedBoard> boards_ ABSL_GUARDED_BY(boards_mu_);
  struct CachedName {
    ParticipantName name;
    absl::Time fetched;
  };
  absl::Mutex names_mu_;
  // By (scope, participant id).
  absl::flat_hash_map<std::pair<int, int64_t>, CachedName> names_ ABSL_GUARDED_BY(names_mu_);
};

}  // namespace cim

#endif  // CIM_SERVER_RECOGNITION_RECOGNITION_H_
