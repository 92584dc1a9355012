#include "server/recognition/ranked_set.h"

#include <algorithm>

namespace cim {

size_t RankedSet::BlockFor(const RankKey& key) const {
  auto it = std::lower_bound(
      blocks_.begin(), blocks_.end(), key,
      [](const std::vector<RankKey>& block, const RankKey& k) { return block.back() < k; });
  if (it == blocks_.end()) return blocks_.size() - 1;
  return static_cast<size_t>(it - blocks_.begin());
}

bool RankedSet::Insert(const RankKey& key) {
  if (blocks_.empty()) {
    blocks_.push_back({key});
    size_ = 1;
    return true;
  }
  const size_t b = BlockFor(key);
  std::vector<RankKey>& block = blocks_[b];
  auto pos = std::lower_bound(block.begin(), block.end(), key);
  if (pos != block.end() && *pos == key) return false;
  block.insert(pos, key);
  ++size_;
  if (block.size() > 2 * kBlock) {
    std::vector<RankKey> upper(block.begin() + kBlock, block.end());
    block.resize(kBlock);
    blocks_.insert(blocks_.begin() + b + 1, std::move(upper));
  }
  return true;
}

bool RankedSet::Erase(const RankKey& key) {
  if (blocks_.empty()) return false;
  const size_t b = BlockFor(key);
  std::vector<RankKey>& block = blocks_[b];
  auto pos = std::lower_bound(block.begin(), block.end(), key);
  if (pos == block.end() || *pos != key) return false;
  block.erase(pos);
  --size_;
  // A block that fell below half joins a neighbour (split again if that is too big), so the
  // number of blocks follows the number of keys, not the number of changes.
  if (block.size() < kBlock / 2 && blocks_.size() > 1) {
    const size_t left = b + 1 < blocks_.size() ? b : b - 1;
    std::vector<RankKey>& into = blocks_[left];
    std::vector<RankKey>& from = blocks_[left + 1];
    into.insert(into.end(), from.begin(), from.end());
    blocks_.erase(blocks_.begin() + left + 1);
    if (into.size() > 2 * kBlock) {
      std::vector<RankKey> upper(into.begin() + into.size() / 2, into.end());
      into.resize(into.size() / 2);
      blocks_.insert(blocks_.begin() + left + 1, std::move(upper));
    }
  } else if (block.empty()) {
    blocks_.erase(blocks_.begin() + b);
  }
  return true;
}

std::optional<int64_t> RankedSet::Rank(const RankKey& key) const {
  if (blocks_.empty()) return std::nullopt;
  const size_t b = BlockFor(key);
  const std::vector<RankKey>& block = blocks_[b];
  auto pos = std::lower_bound(block.begin(), block.end(), key);
  if (pos == block.end() || *pos != key) return std::nullopt;
  int64_t rank = pos - block.begin();
  for (size_t i = 0; i < b; ++i) rank += static_cast<int64_t>(blocks_[i].size());
  return rank;
}

std::vector<RankKey> RankedSet::Range(int64_t first, int64_t count) const {
  std::vector<RankKey> out;
  if (first < 0 || count <= 0) return out;
  size_t b = 0;
  while (b < blocks_.size() && first >= static_cast<int64_t>(blocks_[b].size())) {
    first -= static_cast<int64_t>(blocks_[b].size());
    ++b;
  }
  for (; b < blocks_.size() && static_cast<int64_t>(out.size()) < count; ++b, first = 0) {
    const std::vector<RankKey>& block = blocks_[b];
    for (size_t i = first; i < block.size() && static_cast<int64_t>(out.size()) < count; ++i) {
      out.push_back(block[i]);
    }
  }
  return out;
}

void RankedSet::Assign(std::vector<RankKey> sorted) {
  blocks_.clear();
  size_ = static_cast<int64_t>(sorted.size());
  for (size_t i = 0; i < sorted.size(); i += kBlock) {
    const size_t end = std::min(sorted.size(), i + kBlock);
    blocks_.emplace_back(sorted.begin() + i, sorted.begin() + end);
  }
}

}  // namespace cim
