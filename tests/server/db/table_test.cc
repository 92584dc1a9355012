// Rows by name and id against MariaDB: insert-and-read, update by id and version, get by id,
// named columns (NULLs included), and the changes a transaction's commit hooks are told.
#include "server/db/table.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/db/mysql_database.h"
#include "tests/testing/announced_changes.h"
#include "tests/testing/test_database.h"

namespace cim {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class TableTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::Status created = database_.db().Run([](soci::session& s) -> absl::Status {
      s << "CREATE TABLE widgets (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(40) NOT NULL,"
           " owner_id BIGINT NULL, price DECIMAL(12,4) NOT NULL DEFAULT 0,"
           " made_at DATETIME NULL, version BIGINT NOT NULL DEFAULT 1,"
           " UNIQUE KEY (name))";
      return absl::OkStatus();
    });
    ASSERT_TRUE(created.ok()) << created;
    testing::RecordAnnouncedChanges(database_.db(), &told_);
  }

  testing::TestDatabase database_;
  std::vector<std::string> told_;
};

TEST_F(TableTest, InsertReturnsTheIdAndTellsTheHooks) {
  const Table widgets("widgets");
  absl::StatusOr<int64_t> first = database_.db().Transact([&](soci::session& s) {
    return absl::StatusOr<int64_t>(
        widgets.Insert(s, Columns().Set("name", "bolt").Set("price", "1.5000")));
  });
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_THAT(told_, ElementsAre(absl::StrCat("inserted widgets/", *first)));
  absl::StatusOr<int64_t> second = database_.db().Transact([&](soci::session& s) {
    return absl::StatusOr<int64_t>(widgets.Insert(s, Columns().Set("name", "nut")));
  });
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(*second, *first + 1);
}

TEST_F(TableTest, NamedColumnsReadValuesAndNulls) {
  const Table widgets("widgets");
  const absl::Time made = absl::FromUnixSeconds(1767225600);  // 2026-01-01 00:00:00 UTC
  absl::Status status = database_.db().Transact([&](soci::session& s) -> absl::Status {
    const int64_t with = widgets.Insert(s, Columns()
                                               .Set("name", "gear")
                                               .SetId("owner_id", 42)
                                               .Set("price", "12.5")
                                               .Set("made_at", made));
    const int64_t without = widgets.Insert(s, Columns().Set("name", "cog").SetId("owner_id", 0));
    constexpr char kColumns[] =
        "id, name, owner_id, CAST(price AS CHAR) AS price, made_at, version";
    soci::row row;
    EXPECT_TRUE(widgets.Get(s, kColumns, with, row));
    NamedRow r(row);
    EXPECT_EQ(r.Integer("id"), with);
    EXPECT_EQ(r.Text("name"), "gear");
    EXPECT_EQ(r.Integer("owner_id"), 42);
    EXPECT_EQ(r.Decimal("price", 2), "12.50");
    EXPECT_EQ(r.Time("made_at"), made);
    EXPECT_EQ(r.Int("version"), 1);
    EXPECT_FALSE(r.IsNull("owner_id"));
    soci::row other;
    EXPECT_TRUE(widgets.Get(s, kColumns, without, other));
    NamedRow n(other);
    EXPECT_TRUE(n.IsNull("owner_id"));
    EXPECT_EQ(n.Integer("owner_id"), 0);
    EXPECT_TRUE(n.IsNull("made_at"));
    EXPECT_EQ(n.Time("made_at"), absl::InfinitePast());
    soci::row none;
    EXPECT_FALSE(widgets.Get(s, kColumns, without + 100, none));
    return absl::OkStatus();
  });
  EXPECT_TRUE(status.ok()) << status;
}

TEST_F(TableTest, UpdateAtAVersionChangesOnlyThatVersion) {
  const Table widgets("widgets");
  int64_t id = 0;
  ASSERT_TRUE(database_.db()
                  .Transact([&](soci::session& s) -> absl::Status {
                    id = widgets.Insert(s, Columns().Set("name", "washer"));
                    return absl::OkStatus();
                  })
                  .ok());
  absl::Status status = database_.db().Transact([&](soci::session& s) -> absl::Status {
    EXPECT_EQ(widgets.Update(s, id, Columns().Set("name", "washer2"), /*version=*/1), 1);
    EXPECT_EQ(widgets.Update(s, id, Columns().Set("name", "washer3"), /*version=*/1), 0);
    EXPECT_EQ(widgets.Update(s, id + 100, Columns().Set("name", "ghost")), 0);
    EXPECT_EQ(widgets.Update(s, id, Columns().SetSql("price", "price + 2")), 1);
    return absl::OkStatus();
  });
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_THAT(told_, ElementsAre(absl::StrCat("changing widgets/", id),
                                 absl::StrCat("changing widgets/", id),
                                 absl::StrCat("changing widgets/", id + 100),
                                 absl::StrCat("changing widgets/", id)));
  EXPECT_EQ(database_.Count(absl::StrCat("SELECT version FROM widgets WHERE id = ", id)), 2);
  EXPECT_EQ(database_.Count(absl::StrCat("SELECT COUNT(*) FROM widgets WHERE name = 'washer2'"
                                         " AND price = 2")),
            1);
}

TEST_F(TableTest, KeyedAndWholeViewsAreToldByTheirKeys) {
  const EntityView by_owner{.table = "widgets", .key = {"owner_id", "name"}};
  const EntityView all{.table = "widgets", .key = {}};
  absl::Status status = database_.db().Transact([&](soci::session& s) -> absl::Status {
    NoteChange(s, by_owner, {"7", "bolt"});
    NoteChange(s, all, {"all"}, /*inserted=*/true);
    Table("widgets").WillChangeMany(s, {3, 4});
    Table("widgets").WillChangeMany(s, {});
    return absl::OkStatus();
  });
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_THAT(told_,
              ElementsAre("changing widgets/7/bolt", "inserted widgets/all", "soon widgets/3,4"));
}

TEST_F(TableTest, OutsideATransactionNothingIsTold) {
  absl::Status status = database_.db().Run([&](soci::session& s) -> absl::Status {
    Table("widgets").Insert(s, Columns().Set("name", "loose"));
    return absl::OkStatus();
  });
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_THAT(told_, IsEmpty());
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM widgets WHERE name = 'loose'"), 1);
}

}  // namespace
}  // namespace cim
