// The entities a transaction changes, as the database layer tells them to its commit hooks (the
// audit trail registers one: server/audit/mysql_audit.h). Stores describe what an entity is
// (EntityView) and say when one changes (server/db/table.h); they never name the audit trail.
#ifndef CIM_SERVER_DB_ENTITY_CHANGE_H_
#define CIM_SERVER_DB_ENTITY_CHANGE_H_

#include <string>
#include <vector>

#include "absl/strings/str_join.h"

namespace cim {

// How an entity is read: the main table as `t`, its columns (`columns`, or all of them as the
// hook chooses when empty) and `extra` select expressions, joined with `joins`, found by the
// `key` columns of `t` (each bound to the next key value). An empty key makes the whole view
// one entity (a ladder, a list of levels), read as a list in `order_by` order.
struct EntityView {
  std::string table;
  std::vector<std::string> key = {"id"};
  std::string columns;
  std::string extra;
  std::string joins;
  std::string order_by;

  // A row of `table` by its id.
  static EntityView Row(std::string table) { return EntityView{.table = std::move(table)}; }
  bool whole() const { return key.empty(); }
};

// One entity about to change (or just inserted, `inserted`), by the values of its view's key
// (for a whole view, one name for it: "all").
struct EntityChange {
  const EntityView* view = nullptr;
  std::vector<std::string> key_values;
  bool inserted = false;

  // The entity's id as recorded: the key values joined by '/'.
  std::string EntityId() const { return absl::StrJoin(key_values, "/"); }
};

}  // namespace cim

#endif  // CIM_SERVER_DB_ENTITY_CHANGE_H_
