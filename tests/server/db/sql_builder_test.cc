// SqlBuilder: the statement text holds numbered placeholders and never a value (table-driven);
// against MariaDB every bound value round-trips exactly (quotes, backslashes, non-ASCII text,
// NULLs, times, ints), copies stay valid however many values are bound, Execute counts the
// affected rows and Query hands back the rows in order; phrases built in SQL are Phrase's bytes.
#include "server/db/sql_builder.h"

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/messages.h"
#include "lib/phrase.h"
#include "server/db/mysql_database.h"
#include "server/db/table.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/test_database.h"

namespace cim {
namespace {

using ::cim::testing::IsOk;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(SqlBuilderTextTest, PlaceholdersAreNumberedInOrder) {
  const struct {
    const char* name;
    std::function<void(SqlBuilder&)> build;
    const char* sql;
  } kCases[] = {
      {"text only", [](SqlBuilder& q) { q << "SELECT 1"; }, "SELECT 1"},
      {"one value",
       [](SqlBuilder& q) {
         q << "SELECT * FROM t WHERE id = ";
         q.Bind(7LL);
       },
       "SELECT * FROM t WHERE id = :b0"},
      {"in list",
       [](SqlBuilder& q) {
         q << "DELETE FROM t WHERE id IN ";
         q.List(std::vector<long long>{3, 1, 2});
       },
       "DELETE FROM t WHERE id IN (:b0, :b1, :b2)"},
      {"list of one", [](SqlBuilder& q) { q.List(std::vector<std::string>{"x"}); }, "(:b0)"},
      {"tuple of mixed values",
       [](SqlBuilder& q) { q.Tuple(std::string("a"), 5LL, 7, ToSqlTime(absl::UnixEpoch())); },
       "(:b0, :b1, :b2, :b3)"},
      {"rows of a multi-row insert",
       [](SqlBuilder& q) {
         q << "INSERT INTO t (a, b) VALUES ";
         q.Join(std::vector<std::pair<std::string, int>>{{"x", 1}, {"y", 2}, {"z", 3}},
                [&q](const auto& row) { q.Tuple(row.first, row.second); });
       },
       "INSERT INTO t (a, b) VALUES (:b0, :b1), (:b2, :b3), (:b4, :b5)"},
      {"join with brackets",
       [](SqlBuilder& q) {
         q.Join(
             std::vector<int>{1, 2},
             [&q](int v) {
               q << "f(";
               q.Bind(v);
               q << ")";
             },
             "[", "]");
       },
       "[f(:b0), f(:b1)]"},
      {"numbering continues across calls",
       [](SqlBuilder& q) {
         q << "a = ";
         q.BindOrNull(1LL, /*null=*/true);
         q << " AND b IN ";
         q.List(std::vector<std::string>{"p", "q"});
         q << " AND c = ";
         q.BindOrNull(std::string("r"), /*null=*/false);
       },
       "a = :b0 AND b IN (:b1, :b2) AND c = :b3"},
  };
  for (const auto& c : kCases) {
    SqlBuilder q;
    c.build(q);
    EXPECT_EQ(q.sql(), c.sql) << c.name;
  }
}

TEST(SqlBuilderTextTest, ValuesNeverReachTheText) {
  SqlBuilder q("SELECT * FROM users WHERE email IN ");
  q.List(std::vector<std::string>{"x' OR '1'='1", "a@b.example"});
  EXPECT_EQ(q.sql(), "SELECT * FROM users WHERE email IN (:b0, :b1)");
  EXPECT_THAT(q.sql(), Not(HasSubstr("'")));
}

class SqlBuilderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_THAT(
        Run([](soci::session& s) {
          s << "CREATE TABLE probe (id BIGINT NOT NULL PRIMARY KEY, label VARCHAR(200) NULL,"
               " amount BIGINT NULL, small INT NULL, at DATETIME NULL)";
        }),
        IsOk());
  }

  absl::Status Run(const std::function<void(soci::session&)>& fn) {
    return database_.db().Run([&](soci::session& s) -> absl::Status {
      fn(s);
      return absl::OkStatus();
    });
  }

  // "id|label|amount|small|at" per row of probe with id in `ids`, in id order, read through
  // SqlBuilder::Query.
  std::vector<std::string> Rows(const std::vector<long long>& ids) {
    std::vector<std::string> out;
    EXPECT_THAT(Run([&](soci::session& s) {
                  SqlBuilder q("SELECT id, label, amount, small, at FROM probe WHERE id IN ");
                  q.List(ids) << " ORDER BY id";
                  q.Query(s, [&](const soci::row& row) {
                    const NamedRow r(row);
                    out.push_back(absl::StrCat(
                        r.Integer("id"), "|", r.IsNull("label") ? "NULL" : r.Text("label"), "|",
                        r.IsNull("amount") ? "NULL" : absl::StrCat(r.Integer("amount")), "|",
                        r.IsNull("small") ? "NULL" : absl::StrCat(r.Int("small")), "|",
                        r.IsNull("at") ? "NULL"
                                       : absl::FormatTime(absl::RFC3339_sec, r.Time("at"),
                                                          absl::UTCTimeZone())));
                  });
                }),
                IsOk());
    return out;
  }

  testing::TestDatabase database_;
};

TEST_F(SqlBuilderTest, BoundValuesRoundTripExactly) {
  const absl::Time at = absl::FromUnixSeconds(1772442000);  // 2026-03-02 09:00:00 UTC
  long long inserted = 0;
  ASSERT_THAT(Run([&](soci::session& s) {
                SqlBuilder q("INSERT INTO probe (id, label, amount, small, at) VALUES ");
                q.Tuple(1LL, std::string("O'Brien \"quoted\" \\ back"), 9007199254740993LL, -7,
                        ToSqlTime(at));
                q << ", (";
                q.Bind(2LL) << ", ";
                q.BindOrNull(std::string("ignored"), /*null=*/true) << ", ";
                q.BindOrNull(5LL, /*null=*/true) << ", ";
                q.Bind(0) << ", NULL), ";
                q.Tuple(3LL, std::string("Zürich – 東京"), 0LL, 2147483647, ToSqlTime(at));
                inserted = q.Execute(s);
              }),
              IsOk());
  EXPECT_EQ(inserted, 3);
  EXPECT_THAT(
      Rows({3, 1, 2, 99}),
      ElementsAre("1|O'Brien \"quoted\" \\ back|9007199254740993|-7|"
                  "2026-03-02T09:00:00+00:00",
                  "2|NULL|NULL|0|NULL", "3|Zürich – 東京|0|2147483647|2026-03-02T09:00:00+00:00"));
}

TEST_F(SqlBuilderTest, ManyValuesStayBoundUntilTheStatementRuns) {
  // Enough values that the builder's storage grows many times before Execute.
  constexpr int kRows = 600;
  std::vector<long long> ids;
  ASSERT_THAT(Run([&](soci::session& s) {
                SqlBuilder q("INSERT INTO probe (id, label, amount) VALUES ");
                std::vector<int> rows(kRows);
                for (int i = 0; i < kRows; ++i) rows[i] = i + 1;
                q.Join(rows, [&q](int i) {
                  q.Tuple(static_cast<long long>(i), absl::StrCat("label-", i), i * 1000LL);
                });
                EXPECT_EQ(q.Execute(s), kRows);
              }),
              IsOk());
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM probe WHERE label = CONCAT('label-', id)"
                            " AND amount = id * 1000"),
            kRows);
  EXPECT_THAT(Rows({1, 300, 600}),
              ElementsAre("1|label-1|1000|NULL|NULL", "300|label-300|300000|NULL|NULL",
                          "600|label-600|600000|NULL|NULL"));
}

TEST_F(SqlBuilderTest, PhrasesBuiltInSqlAreTheBytesPhraseWrites) {
  // Names with multi-byte characters: lengths count bytes on both sides.
  ASSERT_THAT(Run([](soci::session& s) {
                s << "INSERT INTO probe (id, label) VALUES (1, 'Zürich – 東京'), (2, NULL),"
                     " (3, 'O''Brien')";
              }),
              IsOk());
  std::vector<std::string> built;
  ASSERT_THAT(
      Run([&](soci::session& s) {
        SqlBuilder q("SELECT ");
        q.Phrase(Phrase("feed.badge_earned").Text("badge", "First Deal"),
                 {{"name", "label"}, {"id", "CAST(id AS CHAR)"}});
        q << " AS headline FROM probe ORDER BY id";
        q.Query(s, [&](const soci::row& row) { built.push_back(NamedRow(row).Text("headline")); });
      }),
      IsOk());
  const auto expected = [](const std::string& name, const std::string& id) -> std::string {
    return Phrase("feed.badge_earned")
        .Text("badge", "First Deal")
        .Text("name", name)
        .Text("id", id);
  };
  EXPECT_THAT(built, ElementsAre(expected("Zürich – 東京", "1"), expected("", "2"),
                                 expected("O'Brien", "3")));
  EXPECT_EQ(Wording::English().Render(built[0]), "Zürich – 東京 earned the badge First Deal");
}

TEST_F(SqlBuilderTest, ExecuteCountsAffectedRowsAndQueryMayFindNone) {
  ASSERT_THAT(Run([](soci::session& s) {
                s << "INSERT INTO probe (id, amount) VALUES (1, 10), (2, 20), (3, 30), (4, 40)";
              }),
              IsOk());
  long long updated = -1;
  long long deleted = -1;
  int rows_seen = -1;
  ASSERT_THAT(Run([&](soci::session& s) {
                SqlBuilder update("UPDATE probe SET amount = amount + ");
                update.Bind(5LL) << " WHERE id IN ";
                update.List(std::vector<long long>{1, 3, 77});
                updated = update.Execute(s);
                SqlBuilder remove("DELETE FROM probe WHERE amount > ");
                remove.Bind(100LL);
                deleted = remove.Execute(s);
                SqlBuilder none("SELECT id FROM probe WHERE label = ");
                none.Bind(std::string("nobody"));
                rows_seen = 0;
                none.Query(s, [&](const soci::row&) { ++rows_seen; });
              }),
              IsOk());
  EXPECT_EQ(updated, 2);
  EXPECT_EQ(deleted, 0);
  EXPECT_EQ(rows_seen, 0);
  EXPECT_THAT(Rows({1, 2, 3, 4}), ElementsAre("1|NULL|15|NULL|NULL", "2|NULL|20|NULL|NULL",
                                              "3|NULL|35|NULL|NULL", "4|NULL|40|NULL|NULL"));
}

}  // namespace
}  // namespace cim
