// Environment overrides for Abseil flags, and the one-shot commands of cim-server
// (--migrate, --seed_demo, --verify_audit).
#ifndef CIM_SERVER_APP_COMMANDS_H_
#define CIM_SERVER_APP_COMMANDS_H_

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "server/app/server_app.h"

namespace cim {

// For each {flag, ENV} pair whose environment variable is set, makes its value the flag's
// default; a flag given on the command line still wins. Exits with a message on a bad value.
void ApplyEnvironmentOverrides(const std::vector<std::pair<std::string, std::string>>& pairs);

// Applies pending migrations and prints what it applied.
absl::Status MigrateOnly(const ServerOptions& options);

// Verifies the audit trail's hash chain and prints the result. Returns whether it is intact;
// an error only when the database cannot be read.
absl::StatusOr<bool> VerifyAudit(const ServerOptions& options, std::ostream& out);

// Migrates, then loads the demo data set if the database has no users; prints the demo logins.
absl::Status SeedDemo(const ServerOptions& options, std::ostream& out);

}  // namespace cim

#endif  // CIM_SERVER_APP_COMMANDS_H_
