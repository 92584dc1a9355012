// Statements whose text is built at run time with any number of bound values: multi-row
// INSERTs and IN lists. Every value is bound (never spliced into the text), and the builder
// keeps a copy of each value alive until the statement has run. Only mysql_* files use it.
#ifndef CIM_SERVER_DB_SQL_BUILDER_H_
#define CIM_SERVER_DB_SQL_BUILDER_H_

#include <soci/soci.h>

#include <ctime>
#include <deque>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"

namespace cim {

class SqlBuilder {
 public:
  SqlBuilder() = default;
  explicit SqlBuilder(absl::string_view text) : sql_(text) {}
  SqlBuilder(const SqlBuilder&) = delete;
  SqlBuilder& operator=(const SqlBuilder&) = delete;

  // Appends statement text.
  SqlBuilder& operator<<(absl::string_view text);

  // Binds a copy of the value and appends its placeholder.
  SqlBuilder& Bind(std::string value);
  SqlBuilder& Bind(long long value);
  SqlBuilder& Bind(long value) { return Bind(static_cast<long long>(value)); }
  SqlBuilder& Bind(int value);
  SqlBuilder& Bind(const std::tm& value);
  // Binds NULL, or the value when `null` is false.
  SqlBuilder& BindOrNull(long long value, bool null);
  SqlBuilder& BindOrNull(std::string value, bool null);

  // Appends "(v1, v2, …)", binding each value.
  template <typename... Values>
  SqlBuilder& Tuple(Values&&... values) {
    sql_ += '(';
    bool first = true;
    ((sql_ += first ? "" : ", ", first = false, Bind(std::forward<Values>(values))), ...);
    sql_ += ')';
    return *this;
  }

  // Appends "(v1, v2, …)", binding each element of `values` (not empty): an IN list.
  template <typename Container>
  SqlBuilder& List(const Container& values) {
    return Join(
        values, [this](const auto& v) { Bind(v); }, "(", ")");
  }

  // Appends open, then add(item) for each of `items` separated by ", ", then close: e.g. the
  // rows of a multi-row INSERT.
  template <typename Container, typename Fn>
  SqlBuilder& Join(const Container& items, Fn add, absl::string_view open = "",
                   absl::string_view close = "") {
    *this << open;
    bool first = true;
    for (const auto& item : items) {
      if (!first) sql_ += ", ";
      first = false;
      add(item);
    }
    return *this << close;
  }

  // Appends an expression for `phrase` (lib/phrase.h) with a text argument added per (name, SQL
  // expression) from each row: a feed headline naming a user whose name the statement reads.
  // The phrase's own parts are bound; a NULL expression reads as empty text.
  SqlBuilder& Phrase(const std::string& phrase,
                     const std::vector<std::pair<std::string, std::string>>& text_columns);

  // Runs the statement; returns the number of affected rows.
  long long Execute(soci::session& s);
  // Runs the query and calls `on_row` with each row, in order.
  void Query(soci::session& s, const std::function<void(const soci::row&)>& on_row);

  const std::string& sql() const { return sql_; }

 private:
  // Appends the next placeholder.
  void Mark();

  std::string sql_;
  std::deque<std::string> strings_;
  std::deque<long long> longs_;
  std::deque<int> ints_;
  std::deque<std::tm> times_;
  std::deque<soci::indicator> indicators_;
  std::vector<std::function<void(soci::statement&)>> binds_;
};

}  // namespace cim

#endif  // CIM_SERVER_DB_SQL_BUILDER_H_
