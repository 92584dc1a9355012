// The email outbox on MariaDB: queueing twice queues once; leases go oldest first, each email to
// one lease at a time (also from concurrent leasers of one owner), come back when they run out,
// and only the lease that holds an email records its outcome; a retry waits for its time; sent
// and failed emails stay out of leases.
#include "server/notification/mysql_email_outbox.h"

#include <set>
#include <thread>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"
#include "tests/testing/test_database.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

const absl::Time kT0 = absl::FromUnixSeconds(1772442000);

class MysqlEmailOutboxTest : public ::testing::Test {
 protected:
  void Queue(const std::string& key, absl::Time at = kT0) {
    const absl::Status status = database_.db().Transact([&](soci::session& s) -> absl::Status {
      EnqueueEmail(s, NewEmail{.user_id = 4,
                               .category = 1,
                               .dedupe_key = key,
                               .to_address = key + "@amstel.example",
                               .to_name = "Rosa",
                               .subject = "Subject " + key,
                               .text = "Text",
                               .html = "<p>HTML</p>",
                               .unsubscribe_url = "https://portal.example/u",
                               .now = at});
      return absl::OkStatus();
    });
    ASSERT_TRUE(status.ok()) << status;
  }

  std::vector<std::string> Lease(const std::string& owner, absl::Time now, int limit = 10) {
    absl::StatusOr<std::vector<QueuedEmail>> leased =
        outbox_.Lease(owner, now, absl::Minutes(5), limit);
    EXPECT_TRUE(leased.ok()) << leased.status();
    std::vector<std::string> out;
    absl::MutexLock lock(&mu_);
    for (const QueuedEmail& q : leased.value_or(std::vector<QueuedEmail>())) {
      out.push_back(absl::StrCat(q.email.subject, " #", q.attempt));
      EXPECT_TRUE(absl::StartsWith(q.lease, owner + "/")) << q.lease;
      leases_[q.email.subject] = q.lease;
    }
    return out;
  }

  // The lease that last took the email with `subject`.
  std::string LeaseOf(const std::string& subject) {
    absl::MutexLock lock(&mu_);
    return leases_[subject];
  }

  long long Id(const std::string& key) {
    return database_.Count(
        absl::StrCat("SELECT id FROM email_outbox WHERE dedupe_key = '", key, "'"));
  }

  testing::TestDatabase database_;
  MysqlEmailOutbox outbox_{database_.db()};
  absl::Mutex mu_;
  absl::flat_hash_map<std::string, std::string> leases_ ABSL_GUARDED_BY(mu_);
};

TEST_F(MysqlEmailOutboxTest, QueueingTheSameEmailTwiceQueuesItOnce) {
  Queue("a");
  Queue("a");
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM email_outbox"), 1);
  absl::StatusOr<std::vector<QueuedEmail>> leased = outbox_.Lease("s1", kT0, absl::Minutes(5), 10);
  ASSERT_TRUE(leased.ok()) << leased.status();
  ASSERT_EQ(leased->size(), 1u);
  const Email& e = (*leased)[0].email;
  EXPECT_EQ(e.to_address, "a@amstel.example");
  EXPECT_EQ(e.to_name, "Rosa");
  EXPECT_EQ(e.text, "Text");
  EXPECT_EQ(e.html, "<p>HTML</p>");
  EXPECT_EQ(e.unsubscribe_url, "https://portal.example/u");
}

TEST_F(MysqlEmailOutboxTest, LeasesGoOldestFirstToOneOwnerUntilTheyRunOut) {
  Queue("a");
  Queue("b");
  Queue("c");
  EXPECT_THAT(Lease("s1", kT0, 2), ElementsAre("Subject a #1", "Subject b #1"));
  const std::string first_lease_of_a = LeaseOf("Subject a");
  EXPECT_THAT(Lease("s2", kT0), ElementsAre("Subject c #1"));
  EXPECT_THAT(Lease("s3", kT0 + absl::Minutes(4)), IsEmpty());
  // Only the owner settles; s1's lease ran out and s3 took "a" over, a second attempt.
  EXPECT_THAT(Lease("s3", kT0 + absl::Minutes(6), 1), ElementsAre("Subject a #2"));
  EXPECT_THAT(outbox_.MarkSent(Id("a"), first_lease_of_a, kT0),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_TRUE(outbox_.MarkSent(Id("a"), LeaseOf("Subject a"), kT0 + absl::Minutes(6)).ok());
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM email_outbox WHERE status = 2 AND"
                            " lease_owner IS NULL AND sent_at IS NOT NULL"),
            1);
  // A retry waits for its time; a failure stays failed with its reason.
  ASSERT_TRUE(
      outbox_.Retry(Id("c"), LeaseOf("Subject c"), kT0 + absl::Minutes(30), "451 later").ok());
  ASSERT_TRUE(outbox_.MarkFailed(Id("b"), LeaseOf("Subject b"), "550 no such mailbox").ok());
  EXPECT_THAT(Lease("s4", kT0 + absl::Minutes(29)), IsEmpty());
  EXPECT_THAT(Lease("s4", kT0 + absl::Minutes(30)), ElementsAre("Subject c #2"));
  EXPECT_EQ(database_.Count("SELECT COUNT(*) FROM email_outbox WHERE status = 3 AND"
                            " last_error = '550 no such mailbox'"),
            1);
  EXPECT_THAT(Lease("s5", kT0 + absl::Minutes(34)), IsEmpty());  // c is s4's for 5 minutes
}

TEST_F(MysqlEmailOutboxTest, ConcurrentLeasersNeverShareAnEmail) {
  for (int i = 0; i < 40; ++i) Queue(absl::StrCat("m", i));
  std::vector<std::vector<std::string>> got(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 5; ++round) {
        for (const std::string& s : Lease(absl::StrCat("s", t), kT0, 3)) got[t].push_back(s);
      }
    });
  }
  for (std::thread& t : threads) t.join();
  std::set<std::string> all;
  size_t total = 0;
  for (const auto& g : got) {
    total += g.size();
    all.insert(g.begin(), g.end());
  }
  EXPECT_EQ(total, all.size()) << "an email was leased twice";
  EXPECT_EQ(all.size(), 40u);
}

}  // namespace
}  // namespace cim
