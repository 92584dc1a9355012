// The in-memory ranking of leaderboards that every server keeps: each board period is loaded
// from the score table on first use and then follows the committed score changes in seq
// order (CatchUp), so every replica converges on the same ranking, which MariaDB holds.
// Queries take O(√n) for n participants: top rows, a participant's rank and the rows around
// it. Thread-safe.
#ifndef CIM_SERVER_RECOGNITION_LEADERBOARD_INDEX_H_
#define CIM_SERVER_RECOGNITION_LEADERBOARD_INDEX_H_

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/civil_time.h"
#include "server/recognition/ranked_set.h"
#include "server/recognition/recognition_repository.h"

namespace cim {

// Partners of one region, type and tier (each ignored when unset).
struct LeagueFilter {
  cim::v1::PartnerType type = cim::v1::PARTNER_TYPE_UNSPECIFIED;
  std::string region;
  std::string tier;

  bool everyone() const {
    return type == cim::v1::PARTNER_TYPE_UNSPECIFIED && region.empty() && tier.empty();
  }
  bool Matches(const PartnerLeague& league) const;
};

// A participant at a rank (1 = first).
struct Placed {
  int64_t rank = 0;
  int64_t participant_id = 0;
  int64_t partner_id = 0;
  int64_t score_units = 0;  // 0.0001s
};

struct Standing {
  int64_t participants = 0;
  std::vector<Placed> top;
  std::optional<Placed> participant;
  std::vector<Placed> around;
};

class LeaderboardIndex {
 public:
  explicit LeaderboardIndex(LeaderboardScoreSource& source) : source_(source) {}

  // The `top` first rows of one board period (within `league`), and, if `participant_id` is on
  // it, that participant's row and up to `around` rows either side. Loads the period first if
  // this server has not yet.
  absl::StatusOr<Standing> Query(int64_t board_id, absl::CivilDay period_start,
                                 const LeagueFilter& league, int top, int around,
                                 int64_t participant_id);

  // Applies every score change committed since the last call to the loaded periods.
  absl::Status CatchUp();

  // Re-reads the league of every partner seen (a region, type or tier may have changed) and
  // rebuilds the league rankings if any did.
  absl::Status RefreshLeagues();

 private:
  struct Entry {
    RankKey key;
    int64_t partner_id = 0;
    int64_t seq = 0;
  };
  struct Period {
    // reads_ when it was last read (for eviction).
    mutable std::atomic<uint64_t> last_read{0};
    RankedSet all;
    absl::flat_hash_map<int64_t, Entry> entries;
    // Rankings within leagues, built on first use, by LeagueKey.
    std::map<std::string, std::pair<LeagueFilter, std::unique_ptr<RankedSet>>> leagues;
  };
  using PeriodKey = std::pair<int64_t, absl::CivilDay>;

  static std::string LeagueKey(const LeagueFilter& league);
  // Sets applied_seq_ on first use.
  absl::Status Start() ABSL_EXCLUSIVE_LOCKS_REQUIRED(update_mu_);
  absl::Status Load(const PeriodKey& key) ABSL_EXCLUSIVE_LOCKS_REQUIRED(update_mu_);
  // Fetches the leagues of partners in `rows` not seen before.
  absl::Status LearnLeagues(const std::vector<ScoreRow>& rows)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(update_mu_);
  void Apply(Period& period, const ScoreRow& row) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // The standing in `set` (the whole board or one league).
  Standing Read(const Period& period, const RankedSet& set, int top, int around,
                int64_t participant_id, const LeagueFilter& league) const
      ABSL_SHARED_LOCKS_REQUIRED(mu_);

  LeaderboardScoreSource& source_;
  // Serialises loads, catch-ups and league refreshes (queries only take mu_).
  absl::Mutex update_mu_ ABSL_ACQUIRED_BEFORE(mu_);
  mutable absl::Mutex mu_;
  std::map<PeriodKey, std::unique_ptr<Period>> periods_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<int64_t, PartnerLeague> leagues_ ABSL_GUARDED_BY(mu_);
  int64_t applied_seq_ ABSL_GUARDED_BY(mu_) = -1;  // -1: not started
  std::atomic<uint64_t> reads_{0};
};

}  // namespace cim

#endif  // CIM_SERVER_RECOGNITION_LEADERBOARD_INDEX_H_
