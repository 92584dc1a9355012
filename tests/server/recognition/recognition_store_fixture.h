// The fixture the recognition store tests share: the engagement store fixture's database
// (partners Alpha and Bravo, vendor staff Vera, Ann, Rob and Hid of Alpha, Bea of Bravo), the
// recognition store on it, helpers that append outbox events, post ledger points and build badges
// and boards, and a SQL reader for text columns.
#ifndef CIM_TESTS_SERVER_RECOGNITION_RECOGNITION_STORE_FIXTURE_H_
#define CIM_TESTS_SERVER_RECOGNITION_RECOGNITION_STORE_FIXTURE_H_

#include <google/protobuf/text_format.h>
#include <soci/soci.h>

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "cim/v1/ledger.pb.h"
#include "cim/v1/recognition.pb.h"
#include "gtest/gtest.h"
#include "server/events/mysql_outbox.h"
#include "server/recognition/mysql_recognition_repository.h"
#include "server/recognition/outbox_rules.h"
#include "tests/testing/store_world.h"

namespace cim {

class RecognitionStoreTest : public StoreWorldTest {
 protected:
  // A claim of `sales` EUR approved for `user` of `partner` at `at`, earning `points`.
  static OutboxEvent Approved(int64_t user, int64_t partner, int points, int sales, absl::Time at,
                              int64_t program = 0) {
    return OutboxEvent{.kind = cim::v1::RECOGNITION_EVENT_KIND_CLAIM_APPROVED,
                       .partner_id = partner,
                       .user_id = user,
                       .program_id = program,
                       .claim_id = 1,
                       .amount = Decimal::FromInt(sales),
                       .currency_code = "EUR",
                       .points = Decimal::FromInt(points),
                       .occurred_at = at,
                       .created_at = at};
  }

  // Appends `events` to the outbox in a transaction of their own.
  void Append(const std::vector<OutboxEvent>& events) {
    const absl::Status status = database_.db().Transact([&](soci::session& s) -> absl::Status {
      AppendOutboxEvents(s, events);
      return absl::OkStatus();
    });
    ASSERT_TRUE(status.ok()) << status;
  }

  template <typename Message>
  static Message Parse(const std::string& text) {
    Message m;
    EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &m)) << text;
    return m;
  }

  // A ledger entry of `amount` on `account` (POINTS unless said) for `user` of `partner`.
  void Post(int64_t partner, int64_t user, const std::string& amount,
            int account = cim::v1::LEDGER_ACCOUNT_POINTS) {
    Exec(absl::StrCat(
        "INSERT INTO ledger_entries (partner_id, user_id, account, kind, unit, amount, basis,"
        " created_by, created_at) VALUES (",
        partner, ", ", user, ", ", account, ", ", cim::v1::LEDGER_ENTRY_KIND_POINTS, ", 'points', ",
        amount, ", 'test', 1, NOW())"));
  }

  // Stores the badge `text` describes (created by Vera at T0).
  cim::v1::Badge AddBadge(const std::string& text) {
    absl::StatusOr<cim::v1::Badge> badge =
        recognition_.InsertBadge(Parse<cim::v1::Badge>(text), kVera, T0());
    EXPECT_TRUE(badge.ok()) << badge.status();
    return badge.value_or(cim::v1::Badge());
  }

  // Stores the leaderboard `text` describes (created by Vera at T0).
  cim::v1::Leaderboard AddBoard(const std::string& text) {
    absl::StatusOr<cim::v1::Leaderboard> board =
        recognition_.InsertLeaderboard(Parse<cim::v1::Leaderboard>(text), kVera, T0());
    EXPECT_TRUE(board.ok()) << board.status();
    return board.value_or(cim::v1::Leaderboard());
  }

  // The first column of every row `sql` returns, as text.
  std::vector<std::string> Texts(const std::string& sql) {
    absl::StatusOr<std::vector<std::string>> out =
        database_.db().Run([&](soci::session& s) -> absl::StatusOr<std::vector<std::string>> {
          soci::rowset<std::string> rows = s.prepare << sql;
          return std::vector<std::string>(rows.begin(), rows.end());
        });
    EXPECT_TRUE(out.ok()) << out.status() << "\n" << sql;
    return out.value_or(std::vector<std::string>());
  }

  MysqlRecognitionRepository recognition_{database_.db()};
  OutboxRules rules_;
};

}  // namespace cim

#endif  // CIM_TESTS_SERVER_RECOGNITION_RECOGNITION_STORE_FIXTURE_H_
