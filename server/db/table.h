// A table's rows by column name and id: insert-and-read, update by id (optionally at a version),
// get by id, and result rows read by column name instead of position. Every write through a
// Table, and every change a store announces with NoteChange, is told to the running
// transaction's commit hooks, so the audit trail sees it without the store naming it. Only
// mysql_* files use it.
#ifndef CIM_SERVER_DB_TABLE_H_
#define CIM_SERVER_DB_TABLE_H_

#include <soci/soci.h>

#include <cstdint>
#include <ctime>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "server/db/entity_change.h"
#include "server/db/sql_builder.h"

namespace cim {

// Named column values for an INSERT or UPDATE. Values are bound, never spliced into the text.
class Columns {
 public:
  Columns& Set(absl::string_view column, std::string value);
  Columns& Set(absl::string_view column, const char* value) {
    return Set(column, std::string(value));
  }
  Columns& Set(absl::string_view column, long long value);
  Columns& Set(absl::string_view column, long value) {
    return Set(column, static_cast<long long>(value));
  }
  Columns& Set(absl::string_view column, int value) {
    return Set(column, static_cast<long long>(value));
  }
  Columns& Set(absl::string_view column, bool value) { return Set(column, value ? 1LL : 0LL); }
  // A DATETIME (UTC, second precision).
  Columns& Set(absl::string_view column, absl::Time value);
  // NULL when `null`, else the value.
  Columns& SetOrNull(absl::string_view column, long long value, bool null);
  Columns& SetOrNull(absl::string_view column, std::string value, bool null);
  // An id column: NULL for 0.
  Columns& SetId(absl::string_view column, int64_t id) { return SetOrNull(column, id, id == 0); }
  // `column = expression` with `expression` as SQL text ("version + 1"): program text only,
  // never input.
  Columns& SetSql(absl::string_view column, absl::string_view expression);

  bool empty() const { return columns_.empty(); }

 private:
  friend class Table;
  struct Column {
    std::string name;
    std::function<void(SqlBuilder&)> write;  // binds the value or appends the expression
  };
  std::vector<Column> columns_;
};

// A result row's columns by the name (or alias) its select list gives them.
class NamedRow {
 public:
  explicit NamedRow(const soci::row& row) : row_(row) {}

  bool IsNull(const std::string& name) const;
  // Any integer type the server chose; 0 for NULL.
  long long Integer(const std::string& name) const;
  int Int(const std::string& name) const { return static_cast<int>(Integer(name)); }
  // Text; "" for NULL.
  std::string Text(const std::string& name) const;
  // A DATETIME column (UTC); absl::InfinitePast() for NULL.
  absl::Time Time(const std::string& name) const;
  // A DECIMAL column selected as text (CAST(x AS CHAR) AS x), in plain form with at least
  // `min_fraction_digits` fraction digits (FromSqlDecimal); "" for NULL.
  std::string Decimal(const std::string& name, int min_fraction_digits) const;

 private:
  const soci::row& row_;
};

// The rows of one table, each an entity with an `id` key (or read through `view`, e.g. a claim
// with its lines).
class Table {
 public:
  explicit Table(std::string name) : view_(EntityView::Row(std::move(name))) {}
  explicit Table(EntityView view) : view_(std::move(view)) {}

  const std::string& name() const { return view_.table; }
  const EntityView& view() const { return view_; }

  // INSERTs a row of `columns` and returns its id (AUTO_INCREMENT, or the id an
  // `id = LAST_INSERT_ID(id)` upsert names); the hooks learn it was inserted.
  int64_t Insert(soci::session& s, const Columns& columns) const;
  // UPDATEs row `id` (and `version`, when given, which it also increments) to `columns`, the
  // hooks told first. Returns the rows changed: 0 when no row has that id (and version).
  long long Update(soci::session& s, int64_t id, const Columns& columns,
                   std::optional<long long> version = std::nullopt) const;
  // Reads `columns` of row `id` into `row`; false when there is none. `lock`: FOR UPDATE.
  bool Get(soci::session& s, absl::string_view columns, int64_t id, soci::row& row,
           bool lock = false) const;

  // Tells the hooks that a statement of the caller's own is about to change row `id`, or has
  // just inserted it.
  void WillChange(soci::session& s, int64_t id) const;
  void Inserted(soci::session& s, int64_t id) const;
  // Tells the hooks that rows `ids` will change in this transaction (each then announced with
  // WillChange): they may read them all ahead in one query.
  void WillChangeMany(soci::session& s, const std::vector<int64_t>& ids) const;

 private:
  EntityView view_;
};

// Tells the running transaction's hooks that the entity of `view` with `key_values` is about to
// change (or was just inserted). Outside a transaction nothing is told.
void NoteChange(soci::session& s, const EntityView& view, std::vector<std::string> key_values,
                bool inserted = false);

}  // namespace cim

#endif  // CIM_SERVER_DB_TABLE_H_
