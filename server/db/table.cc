#include "server/db/table.h"

#include "absl/strings/str_cat.h"
#include "server/db/mysql_database.h"

namespace cim {

Columns& Columns::Set(absl::string_view column, std::string value) {
  return SetOrNull(column, std::move(value), false);
}

Columns& Columns::Set(absl::string_view column, long long value) {
  return SetOrNull(column, value, false);
}

Columns& Columns::Set(absl::string_view column, absl::Time value) {
  std::tm t = ToSqlTime(value);
  columns_.push_back({std::string(column), [t](SqlBuilder& b) { b.Bind(t); }});
  return *this;
}

Columns& Columns::SetOrNull(absl::string_view column, long long value, bool null) {
  columns_.push_back(
      {std::string(column), [value, null](SqlBuilder& b) { b.BindOrNull(value, null); }});
  return *this;
}

Columns& Columns::SetOrNull(absl::string_view column, std::string value, bool null) {
  columns_.push_back({std::string(column), [value = std::move(value), null](SqlBuilder& b) {
                        b.BindOrNull(value, null);
                      }});
  return *this;
}

Columns& Columns::SetSql(absl::string_view column, absl::string_view expression) {
  columns_.push_back(
      {std::string(column), [e = std::string(expression)](SqlBuilder& b) { b << e; }});
  return *this;
}

bool NamedRow::IsNull(const std::string& name) const {
  return row_.get_indicator(name) == soci::i_null;
}

long long NamedRow::Integer(const std::string& name) const {
  if (IsNull(name)) return 0;
  switch (row_.get_properties(name).get_data_type()) {
    case soci::dt_integer:
      return row_.get<int>(name);
    case soci::dt_unsigned_long_long:
      return static_cast<long long>(row_.get<unsigned long long>(name));
    default:
      return row_.get<long long>(name);
  }
}

std::string NamedRow::Text(const std::string& name) const {
  return IsNull(name) ? std::string() : row_.get<std::string>(name);
}

absl::Time NamedRow::Time(const std::string& name) const {
  return IsNull(name) ? absl::InfinitePast() : FromSqlTime(row_.get<std::tm>(name));
}

std::string NamedRow::Decimal(const std::string& name, int min_fraction_digits) const {
  return IsNull(name) ? std::string()
                      : FromSqlDecimal(row_.get<std::string>(name), min_fraction_digits);
}

void NoteChange(soci::session& s, const EntityView& view, std::vector<std::string> key_values,
                bool inserted) {
  const std::vector<CommitHook>* hooks = ActiveCommitHooks::Current();
  if (hooks == nullptr) return;
  const EntityChange change{
      .view = &view, .key_values = std::move(key_values), .inserted = inserted};
  for (const CommitHook& hook : *hooks) hook.changing(s, change);
}

int64_t Table::Insert(soci::session& s, const Columns& columns) const {
  SqlBuilder sql;
  sql << "INSERT INTO " << name() << " (";
  sql.Join(columns.columns_, [&](const Columns::Column& c) { sql << c.name; });
  sql << ") VALUES ";
  sql.Join(
      columns.columns_, [&](const Columns::Column& c) { c.write(sql); }, "(", ")");
  sql.Execute(s);
  long long id = 0;
  s.get_last_insert_id(name(), id);
  Inserted(s, id);
  return id;
}

long long Table::Update(soci::session& s, int64_t id, const Columns& columns,
                        std::optional<long long> version) const {
  WillChange(s, id);
  SqlBuilder sql;
  sql << "UPDATE " << name() << " SET ";
  sql.Join(columns.columns_, [&](const Columns::Column& c) {
    sql << c.name << " = ";
    c.write(sql);
  });
  if (version) sql << ", version = version + 1";
  sql << " WHERE id = ";
  sql.Bind(static_cast<long long>(id));
  if (version) {
    sql << " AND version = ";
    sql.Bind(*version);
  }
  return sql.Execute(s);
}

bool Table::Get(soci::session& s, absl::string_view columns, int64_t id, soci::row& row,
                bool lock) const {
  long long key = id;
  s << absl::StrCat("SELECT ", columns, " FROM ", name(), " WHERE id = :id",
                    lock ? " FOR UPDATE" : ""),
      soci::use(key), soci::into(row);
  return s.got_data();
}

void Table::WillChange(soci::session& s, int64_t id) const {
  NoteChange(s, view_, {absl::StrCat(id)});
}

void Table::Inserted(soci::session& s, int64_t id) const {
  NoteChange(s, view_, {absl::StrCat(id)}, /*inserted=*/true);
}

void Table::WillChangeMany(soci::session& s, const std::vector<int64_t>& ids) const {
  const std::vector<CommitHook>* hooks = ActiveCommitHooks::Current();
  if (hooks == nullptr || ids.empty()) return;
  std::vector<std::string> keys;
  keys.reserve(ids.size());
  for (int64_t id : ids) keys.push_back(absl::StrCat(id));
  for (const CommitHook& hook : *hooks) hook.changing_soon(s, view_, keys);
}

}  // namespace cim
