#include "server/identity/credential_cache.h"

namespace cim {

std::optional<Credential> CredentialCache::Find(const std::string& token_hash) {
  if (ttl_ <= absl::ZeroDuration()) return std::nullopt;
  const absl::Time now = clock_.Now();
  absl::MutexLock lock(&mu_);
  auto it = entries_.find(token_hash);
  if (it == entries_.end()) return std::nullopt;
  if (now - it->second.stored >= ttl_ || now < it->second.stored) {
    entries_.erase(it);
    return std::nullopt;
  }
  return it->second.credential;
}

uint64_t CredentialCache::generation() {
  absl::MutexLock lock(&mu_);
  return generation_;
}

void CredentialCache::Put(const std::string& token_hash, const Credential& credential,
                          uint64_t generation) {
  if (ttl_ <= absl::ZeroDuration()) return;
  const absl::Time now = clock_.Now();
  absl::MutexLock lock(&mu_);
  if (generation != generation_) return;  // cleared since the lookup began
  // Simplest bound: start afresh when full (entries live for a second or so anyway).
  if (entries_.size() >= max_entries_) entries_.clear();
  entries_[token_hash] = Entry{credential, now};
}

void CredentialCache::Clear() {
  absl::MutexLock lock(&mu_);
  entries_.clear();
  ++generation_;
}

}  // namespace cim
