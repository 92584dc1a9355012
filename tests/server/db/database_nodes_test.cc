// Node lists in the connection string and which Galera node states are usable.
#include "server/db/database_nodes.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr DatabaseTimeouts kTimeouts{
    .connect = absl::Seconds(2), .read = absl::Milliseconds(1500), .write = absl::Seconds(30)};

std::vector<std::string> Names(const std::vector<DatabaseNode>& nodes) {
  std::vector<std::string> out;
  for (const DatabaseNode& n : nodes) out.push_back(n.name);
  return out;
}

std::vector<std::string> Connects(const std::vector<DatabaseNode>& nodes) {
  std::vector<std::string> out;
  for (const DatabaseNode& n : nodes) out.push_back(n.connect_string);
  return out;
}

TEST(ParseDatabaseNodesTest, OneNodeKeepsTheStringAndAddsTimeouts) {
  auto nodes = ParseDatabaseNodes("db=cim user=root unix_socket=/run/m.sock", kTimeouts);
  ASSERT_TRUE(nodes.ok()) << nodes.status();
  EXPECT_THAT(Names(*nodes), ElementsAre("/run/m.sock"));
  // Timeouts are whole seconds, rounded up, at least 1.
  EXPECT_THAT(Connects(*nodes),
              ElementsAre("db=cim user=root unix_socket=/run/m.sock connect_timeout=2 "
                          "read_timeout=2 write_timeout=30"));
  // The health probe waits no longer for an answer than for a connection.
  EXPECT_EQ((*nodes)[0].probe_connect_string,
            "db=cim user=root unix_socket=/run/m.sock connect_timeout=2 read_timeout=2 "
            "write_timeout=2");
}

TEST(ParseDatabaseNodesTest, OwnTimeoutsWin) {
  auto nodes = ParseDatabaseNodes("db=cim host=db1 port=3307 read_timeout=9", kTimeouts);
  ASSERT_TRUE(nodes.ok()) << nodes.status();
  EXPECT_THAT(Names(*nodes), ElementsAre("db1:3307"));
  EXPECT_THAT(Connects(*nodes), ElementsAre("db=cim read_timeout=9 connect_timeout=2 "
                                            "write_timeout=30 host=db1 port=3307"));
}

TEST(ParseDatabaseNodesTest, OneHostWithItsPort) {
  auto nodes = ParseDatabaseNodes("db=cim user=root host=127.0.0.1:3441", kTimeouts);
  ASSERT_TRUE(nodes.ok()) << nodes.status();
  EXPECT_THAT(Names(*nodes), ElementsAre("127.0.0.1:3441"));
  EXPECT_THAT(Connects(*nodes)[0], HasSubstr("host=127.0.0.1 port=3441"));
  // An IPv6 address without brackets is a host without a port.
  nodes = ParseDatabaseNodes("db=cim host=fd00::1 port=3306", kTimeouts);
  ASSERT_TRUE(nodes.ok()) << nodes.status();
  EXPECT_THAT(Names(*nodes), ElementsAre("fd00::1:3306"));
  EXPECT_THAT(Connects(*nodes)[0], HasSubstr("host=fd00::1 port=3306"));
}

TEST(ParseDatabaseNodesTest, HostListGivesOneNodeEachInOrder) {
  auto nodes = ParseDatabaseNodes(
      "db=cim user=cim host=10.0.0.1,10.0.0.2:3307,[::1]:3308 port=3306", kTimeouts);
  ASSERT_TRUE(nodes.ok()) << nodes.status();
  EXPECT_THAT(Names(*nodes), ElementsAre("10.0.0.1:3306", "10.0.0.2:3307", "::1:3308"));
  EXPECT_THAT(Connects(*nodes)[0],
              "db=cim user=cim connect_timeout=2 read_timeout=2 write_timeout=30 "
              "host=10.0.0.1 port=3306");
  EXPECT_THAT(Connects(*nodes)[1], HasSubstr("host=10.0.0.2 port=3307"));
  EXPECT_THAT(Connects(*nodes)[2], HasSubstr("host=::1 port=3308"));
}

TEST(ParseDatabaseNodesTest, BadListsAreRefused) {
  struct Case {
    const char* name;
    const char* connect;
    const char* error;
  };
  const Case cases[] = {
      {"empty entry", "db=cim host=a,,b", "empty entry"},
      {"bad port", "db=cim host=a:99999,b", "not host, host:port"},
      {"port not a number", "db=cim host=a:x,b", "not host, host:port"},
      {"unclosed bracket", "db=cim host=[::1,b", "no ]"},
      {"with a socket", "db=cim host=a,b unix_socket=/s", "unix_socket"},
  };
  for (const Case& c : cases) {
    EXPECT_THAT(ParseDatabaseNodes(c.connect, kTimeouts),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(c.error)))
        << c.name;
  }
}

TEST(NodeUsableTest, OnlySyncedReadyPrimaryGaleraNodesAndPlainServers) {
  struct Case {
    const char* name;
    NodeStatus status;
    bool usable;
    const char* reason;
  };
  const Case cases[] = {
      {"plain server", {.wsrep_on = false}, true, ""},
      {"synced primary", {true, true, "Synced", "Primary"}, true, ""},
      {"isolated", {true, false, "Initialized", "non-Primary"}, false, "not ready"},
      {"ready but non-primary", {true, true, "Synced", "non-Primary"}, false, "primary component"},
      {"donor during state transfer",
       {true, true, "Donor/Desynced", "Primary"},
       false,
       "Donor/Desynced, not Synced"},
      {"joining", {true, true, "Joined", "Primary"}, false, "Joined"},
  };
  for (const Case& c : cases) {
    if (c.usable) {
      EXPECT_TRUE(NodeUsable(c.status).ok()) << c.name;
    } else {
      EXPECT_THAT(NodeUsable(c.status),
                  StatusIs(absl::StatusCode::kUnavailable, HasSubstr(c.reason)))
          << c.name;
    }
  }
}

}  // namespace
}  // namespace cim
