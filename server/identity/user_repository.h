// Storage of users and their password hashes.
#ifndef CIM_SERVER_IDENTITY_USER_REPOSITORY_H_
#define CIM_SERVER_IDENTITY_USER_REPOSITORY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "cim/v1/identity.pb.h"

namespace cim {

using cim::v1::User;

struct UserRecord {
  User user;
  std::optional<std::string> password_hash;  // none for service accounts
};

struct UserFilter {
  int64_t partner_id = 0;
  cim::v1::Role role = cim::v1::ROLE_UNSPECIFIED;
  cim::v1::UserStatus status = cim::v1::USER_STATUS_UNSPECIFIED;
  std::string query;         // substring of email or display name
  std::vector<int64_t> ids;  // only these users, when not empty
};

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  // Inserts `user` (id ignored); returns it with its id. ALREADY_EXISTS if the email is taken.
  virtual absl::StatusOr<User> Create(const User& user,
                                      const std::optional<std::string>& password_hash,
                                      absl::Time now) = 0;
  // NOT_FOUND if no user has `id`.
  virtual absl::StatusOr<UserRecord> Get(int64_t id) = 0;
  // `email` must be normalised (lowercase). NOT_FOUND if no user has it.
  virtual absl::StatusOr<UserRecord> GetByEmail(const std::string& email) = 0;
  // Up to `limit` users matching `filter` with id > `after_id`, ordered by id.
  virtual absl::StatusOr<std::vector<User>> List(const UserFilter& filter, int64_t after_id,
                                                 int limit) = 0;
  // Stores display_name, role, partner_id and status of `user` (by id) if its stored etag is
  // still `user.etag()`. NOT_FOUND if absent; ABORTED if changed since that etag was read.
  virtual absl::StatusOr<User> Update(const User& user, absl::Time now) = 0;
};

}  // namespace cim

#endif  // CIM_SERVER_IDENTITY_USER_REPOSITORY_H_
