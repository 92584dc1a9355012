// Credentials resolved recently, kept for a short time so that not every call pays a database
// round trip for its token. Changes made through this server (logout, key revocation, user and
// partner updates) clear the cache at once; changes made through another server reach this
// one within the time to live. Expiry is checked on every call either way. Thread-safe.
#ifndef CIM_SERVER_IDENTITY_CREDENTIAL_CACHE_H_
#define CIM_SERVER_IDENTITY_CREDENTIAL_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "lib/clock.h"
#include "server/identity/access_token_repository.h"

namespace cim {

class CredentialCache {
 public:
  // Keeps credentials for `ttl` (zero: never), at most `max_entries` of them.
  CredentialCache(const Clock& clock, absl::Duration ttl, size_t max_entries = 100000)
      : clock_(clock), ttl_(ttl), max_entries_(max_entries) {}

  // The credential stored for `token_hash` less than the time to live ago, if any.
  std::optional<Credential> Find(const std::string& token_hash);
  // The cache's generation: read it before looking a credential up in the database and hand
  // it to Put, so that a lookup that raced with Clear() stores nothing.
  uint64_t generation();
  void Put(const std::string& token_hash, const Credential& credential, uint64_t generation);
  // Forgets every credential: for any change to who may call.
  void Clear();

 private:
  struct Entry {
    Credential credential;
    absl::Time stored;
  };
  const Clock& clock_;
  const absl::Duration ttl_;
  const size_t max_entries_;
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, Entry> entries_ ABSL_GUARDED_BY(mu_);
  uint64_t generation_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace cim

#endif  // CIM_SERVER_IDENTITY_CREDENTIAL_CACHE_H_
