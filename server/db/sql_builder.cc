#include "server/db/sql_builder.h"

#include "absl/strings/str_cat.h"
#include "lib/phrase.h"

namespace cim {

SqlBuilder& SqlBuilder::operator<<(absl::string_view text) {
  sql_.append(text.data(), text.size());
  return *this;
}

void SqlBuilder::Mark() { absl::StrAppend(&sql_, ":b", binds_.size()); }

SqlBuilder& SqlBuilder::Bind(std::string value) { return BindOrNull(std::move(value), false); }

SqlBuilder& SqlBuilder::Bind(long long value) { return BindOrNull(value, false); }

SqlBuilder& SqlBuilder::Bind(int value) {
  Mark();
  int& v = ints_.emplace_back(value);
  binds_.push_back([&v](soci::statement& st) { st.exchange(soci::use(v)); });
  return *this;
}

SqlBuilder& SqlBuilder::Bind(const std::tm& value) {
  Mark();
  std::tm& v = times_.emplace_back(value);
  binds_.push_back([&v](soci::statement& st) { st.exchange(soci::use(v)); });
  return *this;
}

SqlBuilder& SqlBuilder::BindOrNull(long long value, bool null) {
  Mark();
  long long& v = longs_.emplace_back(value);
  soci::indicator& ind = indicators_.emplace_back(null ? soci::i_null : soci::i_ok);
  binds_.push_back([&v, &ind](soci::statement& st) { st.exchange(soci::use(v, ind)); });
  return *this;
}

SqlBuilder& SqlBuilder::BindOrNull(std::string value, bool null) {
  Mark();
  std::string& v = strings_.emplace_back(std::move(value));
  soci::indicator& ind = indicators_.emplace_back(null ? soci::i_null : soci::i_ok);
  binds_.push_back([&v, &ind](soci::statement& st) { st.exchange(soci::use(v, ind)); });
  return *this;
}

SqlBuilder& SqlBuilder::Phrase(
    const std::string& phrase,
    const std::vector<std::pair<std::string, std::string>>& text_columns) {
  *this << "CONCAT(";
  Bind(phrase);
  for (const auto& [name, column] : text_columns) {
    *this << ", ";
    Bind(PhraseTextHead(name));
    const std::string value = absl::StrCat("COALESCE(", column, ", '')");
    *this << ", LENGTH(" << value << "), ':', " << value;
  }
  return *this << ")";
}

long long SqlBuilder::Execute(soci::session& s) {
  soci::statement st(s);
  for (const auto& bind : binds_) bind(st);
  st.alloc();
  st.prepare(sql_);
  st.define_and_bind();
  st.execute(true);
  return st.get_affected_rows();
}

void SqlBuilder::Query(soci::session& s, const std::function<void(const soci::row&)>& on_row) {
  soci::row row;
  soci::statement st(s);
  st.exchange(soci::into(row));
  for (const auto& bind : binds_) bind(st);
  st.alloc();
  st.prepare(sql_);
  st.define_and_bind();
  st.execute(false);
  while (st.fetch()) on_row(row);
}

}  // namespace cim
