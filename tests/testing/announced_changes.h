// What a transaction announces to its commit hooks (server/db/table.h), for store tests that
// check exactly which changes the audit trail hears of.
#ifndef CIM_TESTS_TESTING_ANNOUNCED_CHANGES_H_
#define CIM_TESTS_TESTING_ANNOUNCED_CHANGES_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/synchronization/mutex.h"
#include "server/db/mysql_database.h"

namespace cim::testing {

// Adds a commit hook to `db` that lists in *told every change announced in the running
// transaction, as "inserted kudos/3", "changing kudos_budgets/1" or "soon claims/1,2"; each
// transaction starts the list afresh. `told` must outlive `db`'s transactions. Safe when a test
// runs transactions on several threads (the list then mixes them; such tests do not read it).
inline void RecordAnnouncedChanges(MysqlDatabase& db, std::vector<std::string>* told) {
  auto mu = std::make_shared<absl::Mutex>();
  const auto add = [told, mu](std::string line) {
    absl::MutexLock lock(mu.get());
    told->push_back(std::move(line));
  };
  db.AddCommitHook(CommitHook{
      .begin =
          [told, mu] {
            absl::MutexLock lock(mu.get());
            told->clear();
          },
      .changing =
          [add](soci::session&, const EntityChange& change) {
            add(absl::StrCat(change.inserted ? "inserted " : "changing ", change.view->table, "/",
                             change.EntityId()));
          },
      .changing_soon =
          [add](soci::session&, const EntityView& view, const std::vector<std::string>& ids) {
            add(absl::StrCat("soon ", view.table, "/", absl::StrJoin(ids, ",")));
          },
      .before_commit = [](soci::session&) { return absl::OkStatus(); }});
}

}  // namespace cim::testing

#endif  // CIM_TESTS_TESTING_ANNOUNCED_CHANGES_H_
