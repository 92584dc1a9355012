// An ordered set of leaderboard positions with rank queries in O(√n): sorted blocks of a few
// hundred keys, so inserting, erasing and ranking touch one block plus a scan of block sizes.
// 1,000,000 participants take about 24 MB. Not thread-safe.
#ifndef CIM_SERVER_RECOGNITION_RANKED_SET_H_
#define CIM_SERVER_RECOGNITION_RANKED_SET_H_

#include <compare>
#include <cstdint>
#include <optional>
#include <vector>

namespace cim {

// A participant's position. Order (best first): higher score, then earlier reached_at, then
// lower participant id — so every participant has a distinct rank.
struct RankKey {
  int64_t score = 0;       // in units of 0.0001
  int64_t reached_at = 0;  // microseconds since the Unix epoch
  int64_t participant = 0;

  std::strong_ordering operator<=>(const RankKey& o) const {
    if (score != o.score) return o.score <=> score;
    if (reached_at != o.reached_at) return reached_at <=> o.reached_at;
    return participant <=> o.participant;
  }
  bool operator==(const RankKey& o) const = default;
};

class RankedSet {
 public:
  // Adds `key`; false if it is already in.
  bool Insert(const RankKey& key);
  // Removes `key`; false if it was not in.
  bool Erase(const RankKey& key);
  // The number of keys before `key` (its 0-based rank), or nullopt if it is not in.
  std::optional<int64_t> Rank(const RankKey& key) const;
  // Up to `count` keys from 0-based rank `first` on, best first.
  std::vector<RankKey> Range(int64_t first, int64_t count) const;
  int64_t size() const { return size_; }

  // Replaces the contents with `sorted` (ascending, no duplicates): faster than inserting.
  void Assign(std::vector<RankKey> sorted);

 private:
  // Blocks hold up to 2 × kBlock keys, and (unless there is only one) at least kBlock / 2.
  static constexpr size_t kBlock = 512;
  // The block `key` belongs in (the first whose last key is not below it; else the last).
  size_t BlockFor(const RankKey& key) const;

  std::vector<std::vector<RankKey>> blocks_;
  int64_t size_ = 0;
};

}  // namespace cim

#endif  // CIM_SERVER_RECOGNITION_RANKED_SET_H_
