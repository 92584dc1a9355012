// The connection pool on a 3-node Galera cluster (CIM_TEST_DB lists the nodes): a node that
// leaves the cluster is failed over and back in the listed order, and two writers of one row on
// different nodes both get through, the loser of certification by retrying its transaction.
#include <soci/mysql/soci-mysql.h>

#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/barrier.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "server/db/mysql_database.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/test_database.h"

namespace cim {
namespace {

class MysqlDatabaseClusterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto nodes = ParseDatabaseNodes(database_.connect_string(), DatabaseTimeouts{});
    ASSERT_TRUE(nodes.ok()) << nodes.status();
    nodes_ = *nodes;
    ASSERT_EQ(nodes_.size(), 3u) << "CIM_TEST_DB must list the cluster's three nodes";
    ASSERT_TRUE(database_.db()
                    .Run([](soci::session& s) -> absl::Status {
                      s << "CREATE TABLE guard (id INT PRIMARY KEY, v INT NOT NULL)";
                      s << "INSERT INTO guard VALUES (1, 0)";
                      return absl::OkStatus();
                    })
                    .ok());
  }

  void TearDown() override { Isolate(0, false); }

  // Cuts node `i` off from the others (or lets it back), as a network partition would.
  void Isolate(int i, bool cut) {
    soci::session admin(soci::mysql, nodes_[i].connect_string);
    admin << absl::StrCat("SET GLOBAL wsrep_provider_options = 'gmcast.isolate=", cut ? 1 : 0, "'");
  }

  // A pool on node `i` alone.
  std::unique_ptr<MysqlDatabase> Pinned(int i) {
    auto db = MysqlDatabase::Connect(nodes_[i].connect_string, 2);
    EXPECT_TRUE(db.ok()) << db.status();
    return db.ok() ? *std::move(db) : nullptr;
  }

  static int GuardValue(MysqlDatabase& db) {
    return db
        .Run([](soci::session& s) -> absl::StatusOr<int> {
          int v = -1;
          s << "SELECT v FROM guard WHERE id = 1", soci::into(v);
          return v;
        })
        .value_or(-1);
  }

  testing::TestDatabase database_;
  std::vector<DatabaseNode> nodes_;
};

TEST_F(MysqlDatabaseClusterTest, FailsOverWhenTheWrittenNodeLeavesAndBackWhenItReturns) {
  MysqlDatabase& db = database_.db();
  ASSERT_EQ(db.current_node(), 0);
  auto bump = [&db] {
    return db.Transact([](soci::session& s) -> absl::Status {
      s << "UPDATE guard SET v = v + 1 WHERE id = 1";
      return absl::OkStatus();
    });
  };
  ASSERT_TRUE(bump().ok());

  Isolate(0, true);
  // The health check notices the node outside the primary component and moves to node 1.
  absl::Time deadline = absl::Now() + absl::Seconds(30);
  while (db.current_node() == 0 && absl::Now() < deadline) {
    (void)db.CheckHealth();
    absl::SleepFor(absl::Milliseconds(100));
  }
  ASSERT_EQ(db.current_node(), 1);
  EXPECT_TRUE(db.CheckHealth().ok());
  EXPECT_TRUE(bump().ok());
  EXPECT_EQ(GuardValue(*Pinned(2)), 2);

  Isolate(0, false);
  deadline = absl::Now() + absl::Seconds(30);
  while (db.current_node() != 0 && absl::Now() < deadline) {
    (void)db.CheckHealth();
    absl::SleepFor(absl::Milliseconds(100));
  }
  EXPECT_EQ(db.current_node(), 0);
  EXPECT_GE(db.failovers(), 2);
  // The returned node caught up (state transfer) before it was used again.
  EXPECT_EQ(GuardValue(db), 2);
}

TEST_F(MysqlDatabaseClusterTest, ConcurrentWritersOnTwoNodesBothCommitOnce) {
  std::unique_ptr<MysqlDatabase> a = Pinned(0), b = Pinned(1);
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  // Both have written the row and wait for each other before committing: Galera certifies one
  // commit and aborts the other (1213), which Transact runs again.
  absl::Barrier* both_written = new absl::Barrier(2);
  auto writer = [&both_written](MysqlDatabase& db) {
    bool first = true;
    return db.Transact([&](soci::session& s) -> absl::Status {
      s << "UPDATE guard SET v = v + 1 WHERE id = 1";
      if (first) {
        first = false;
        if (both_written->Block()) delete both_written;
      }
      return absl::OkStatus();
    });
  };
  absl::Status from_a, from_b;
  std::thread ta([&] { from_a = writer(*a); });
  std::thread tb([&] { from_b = writer(*b); });
  ta.join();
  tb.join();
  EXPECT_TRUE(from_a.ok()) << from_a;
  EXPECT_TRUE(from_b.ok()) << from_b;
  EXPECT_EQ(GuardValue(*a), 2);
  EXPECT_EQ(GuardValue(*b), 2);
  EXPECT_GE(a->transaction_retries() + b->transaction_retries(), 1);
}

}  // namespace
}  // namespace cim
