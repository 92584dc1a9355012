// What a transaction announces to its commit hooks (server/db/table.h), for store tests that
// check exactly which changes the audit trail hears of.
#ifndef CIM_TESTS_TESTING_ANNOUNCED_CHANGES_H_
#define CIM_TESTS_TESTING_ANNOUNCED_CHANGES_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "server/db/mysql_database.h"

namespace cim::testing {

// Adds a commit hook to `db` that lists in *told every change announced in the running
// transaction, as "inserted kudos/3", "changing kudos_budgets/1" or "soon claims/1,2"; each
// transaction starts the list afresh. `told` must outlive `db`'s transactions.
inline void RecordAnnouncedChanges(MysqlDatabase& db, std::vector<std::string>* told) {
  db.AddCommitHook(CommitHook{
      .begin = [told] { told->clear(); },
      .changing =
          [told](soci::session&, const EntityChange& change) {
            told->push_back(absl::StrCat(change.inserted ? "inserted " : "changing ",
                                         change.view->table, "/", change.EntityId()));
          },
      .changing_soon =
          [told](soci::session&, const EntityView& view, const std::vector<std::string>& ids) {
            told->push_back(absl::StrCat("soon ", view.table, "/", absl::StrJoin(ids, ",")));
          },
      .before_commit = [](soci::session&) { return absl::OkStatus(); }});
}

}  // namespace cim::testing

#endif  // CIM_TESTS_TESTING_ANNOUNCED_CHANGES_H_
