#include "server/recognition/leaderboard_index.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "lib/status_util.h"

namespace cim {
namespace {

constexpr int kChangesPerFetch = 10000;
// Board periods and leagues per period kept in memory; more evict the least recently read.
constexpr size_t kMaxPeriods = 64;
constexpr size_t kMaxLeagues = 16;

}  // namespace

bool LeagueFilter::Matches(const PartnerLeague& league) const {
  return (type == cim::v1::PARTNER_TYPE_UNSPECIFIED || league.type == type) &&
         (region.empty() || league.region == region) && (tier.empty() || league.tier == tier);
}

std::string LeaderboardIndex::LeagueKey(const LeagueFilter& league) {
  return absl::StrCat(static_cast<int>(league.type), "\x1f", league.region, "\x1f", league.tier);
}

absl::Status LeaderboardIndex::Start() {
  {
    absl::ReaderMutexLock lock(&mu_);
    if (applied_seq_ >= 0) return absl::OkStatus();
  }
  CIM_ASSIGN_OR_RETURN(int64_t seq, source_.CurrentSeq());
  absl::MutexLock lock(&mu_);
  applied_seq_ = seq;
  return absl::OkStatus();
}

absl::Status LeaderboardIndex::LearnLeagues(const std::vector<ScoreRow>& rows) {
  std::vector<int64_t> unknown;
  {
    absl::ReaderMutexLock lock(&mu_);
    for (const ScoreRow& row : rows) {
      if (!leagues_.contains(row.partner_id)) unknown.push_back(row.partner_id);
    }
  }
  if (unknown.empty()) return absl::OkStatus();
  std::sort(unknown.begin(), unknown.end());
  unknown.erase(std::unique(unknown.begin(), unknown.end()), unknown.end());
  CIM_ASSIGN_OR_RETURN(auto fetched, source_.Leagues(unknown));
  absl::MutexLock lock(&mu_);
  for (auto& [id, league] : fetched) leagues_[id] = std::move(league);
  return absl::OkStatus();
}

void LeaderboardIndex::Apply(Period& period, const ScoreRow& row) {
  auto [it, fresh] = period.entries.try_emplace(row.key.participant);
  Entry& entry = it->second;
  if (!fresh) {
    if (row.seq <= entry.seq) return;  // already as new
    period.all.Erase(entry.key);
    for (auto& [name, league] : period.leagues) league.second->Erase(entry.key);
  }
  entry = Entry{.key = row.key, .partner_id = row.partner_id, .seq = row.seq};
  period.all.Insert(entry.key);
  auto league = leagues_.find(entry.partner_id);
  for (auto& [name, set] : period.leagues) {
    if (league != leagues_.end() && set.first.Matches(league->second)) {
      set.second->Insert(entry.key);
    }
  }
}

absl::Status LeaderboardIndex::Load(const PeriodKey& key) {
  {
    absl::ReaderMutexLock lock(&mu_);
    if (periods_.contains(key)) return absl::OkStatus();
  }
  // Every change up to applied_seq_ committed before these rows are read, so the rows hold
  // it; later changes may or may not be in them, and the next CatchUp applies those (an entry
  // takes only changes newer than its own seq).
  CIM_RETURN_IF_ERROR(Start());
  CIM_ASSIGN_OR_RETURN(std::vector<ScoreRow> rows, source_.LoadPeriod(key.first, key.second));
  CIM_RETURN_IF_ERROR(LearnLeagues(rows));
  auto period = std::make_unique<Period>();
  std::vector<RankKey> keys;
  keys.reserve(rows.size());
  period->entries.reserve(rows.size());
  for (const ScoreRow& row : rows) {
    period->entries[row.key.participant] =
        Entry{.key = row.key, .partner_id = row.partner_id, .seq = row.seq};
    keys.push_back(row.key);
  }
  std::sort(keys.begin(), keys.end());
  period->all.Assign(std::move(keys));
  absl::MutexLock lock(&mu_);
  if (periods_.size() >= kMaxPeriods) {
    // The period read longest ago makes room.
    auto oldest = std::min_element(
        periods_.begin(), periods_.end(),
        [](const auto& a, const auto& b) { return a.second->last_read < b.second->last_read; });
    periods_.erase(oldest);
  }
  period->last_read = ++reads_;
  periods_[key] = std::move(period);
  return absl::OkStatus();
}

absl::Status LeaderboardIndex::CatchUp() {
  absl::MutexLock update(&update_mu_);
  CIM_RETURN_IF_ERROR(Start());
  for (;;) {
    int64_t after;
    {
      absl::ReaderMutexLock lock(&mu_);
      after = applied_seq_;
    }
    CIM_ASSIGN_OR_RETURN(std::vector<ScoreRow> changes,
                         source_.ChangesAfter(after, kChangesPerFetch));
    if (changes.empty()) return absl::OkStatus();
    CIM_RETURN_IF_ERROR(LearnLeagues(changes));
    absl::MutexLock lock(&mu_);
    for (const ScoreRow& row : changes) {
      auto it = periods_.find({row.board_id, row.period_start});
      if (it != periods_.end()) Apply(*it->second, row);
    }
    applied_seq_ = changes.back().seq;
    if (changes.size() < kChangesPerFetch) return absl::OkStatus();
  }
}

absl::Status LeaderboardIndex::RefreshLeagues() {
  absl::MutexLock update(&update_mu_);
  std::vector<int64_t> ids;
  {
    absl::ReaderMutexLock lock(&mu_);
    for (const auto& [id, league] : leagues_) ids.push_back(id);
  }
  if (ids.empty()) return absl::OkStatus();
  CIM_ASSIGN_OR_RETURN(auto fetched, source_.Leagues(ids));
  absl::MutexLock lock(&mu_);
  bool changed = false;
  for (auto& [id, league] : fetched) {
    PartnerLeague& known = leagues_[id];
    if (!(known == league)) {
      known = std::move(league);
      changed = true;
    }
  }
  if (changed) {
    for (auto& [key, period] : periods_) period->leagues.clear();
  }
  return absl::OkStatus();
}

Standing LeaderboardIndex::Read(const Period& period, const RankedSet& set, int top, int around,
                                int64_t participant_id, const LeagueFilter& league) const {
  Standing out;
  out.participants = set.size();
  const auto placed = [&](const RankKey& key, int64_t rank) {
    const Entry& entry = period.entries.at(key.participant);
    return Placed{.rank = rank + 1,
                  .participant_id = key.participant,
                  .partner_id = entry.partner_id,
                  .score_units = key.score};
  };
  int64_t rank = 0;
  for (const RankKey& key : set.Range(0, top)) out.top.push_back(placed(key, rank++));
  auto it = period.entries.find(participant_id);
  if (participant_id == 0 || it == period.entries.end()) return out;
  if (!league.everyone()) {
    auto l = leagues_.find(it->second.partner_id);
    if (l == leagues_.end() || !league.Matches(l->second)) return out;
  }
  std::optional<int64_t> at = set.Rank(it->second.key);
  if (!at) return out;
  out.participant = placed(it->second.key, *at);
  const int64_t first = std::max<int64_t>(0, *at - around);
  rank = first;
  for (const RankKey& key : set.Range(first, *at - first + around + 1)) {
    out.around.push_back(placed(key, rank++));
  }
  return out;
}

absl::StatusOr<Standing> LeaderboardIndex::Query(int64_t board_id, absl::CivilDay period_start,
                                                 const LeagueFilter& league, int top, int around,
                                                 int64_t participant_id) {
  const PeriodKey key{board_id, period_start};
  const std::string league_key = LeagueKey(league);
  for (int attempt = 0; attempt < 3; ++attempt) {
    {
      absl::ReaderMutexLock lock(&mu_);
      auto it = periods_.find(key);
      if (it != periods_.end()) {
        const Period& period = *it->second;
        period.last_read.store(reads_.fetch_add(1, std::memory_order_relaxed) + 1,
                               std::memory_order_relaxed);
        if (league.everyone()) return Read(period, period.all, top, around, participant_id, league);
        auto l = period.leagues.find(league_key);
        if (l != period.leagues.end()) {
          return Read(period, *l->second.second, top, around, participant_id, league);
        }
      }
    }
    {
      absl::MutexLock update(&update_mu_);
      CIM_RETURN_IF_ERROR(Load(key));
    }
    if (!league.everyone()) {
      absl::MutexLock lock(&mu_);
      Period& period = *periods_.at(key);
      if (period.leagues.size() >= kMaxLeagues && !period.leagues.contains(league_key)) {
        period.leagues.clear();
      }
      auto& slot = period.leagues[league_key];
      if (slot.second == nullptr) {
        std::vector<RankKey> keys;
        for (const auto& [participant, entry] : period.entries) {
          auto l = leagues_.find(entry.partner_id);
          if (l != leagues_.end() && league.Matches(l->second)) keys.push_back(entry.key);
        }
        std::sort(keys.begin(), keys.end());
        slot.first = league;
        slot.second = std::make_unique<RankedSet>();
        slot.second->Assign(std::move(keys));
      }
    }
  }
  return absl::InternalError("leaderboard period vanished while loading");
}

}  // namespace cim
