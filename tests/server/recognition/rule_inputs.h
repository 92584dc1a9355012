// Inputs the recognition rule tests build by hand: decimals, badge criteria in text format,
// monthly tallies of approved claims and points, and leaderboards.
#ifndef CIM_TESTS_SERVER_RECOGNITION_RULE_INPUTS_H_
#define CIM_TESTS_SERVER_RECOGNITION_RULE_INPUTS_H_

#include <google/protobuf/text_format.h>

#include <cstdint>

#include "absl/time/civil_time.h"
#include "cim/v1/recognition.pb.h"
#include "gtest/gtest.h"
#include "lib/decimal.h"
#include "server/recognition/badge_rules.h"
#include "tests/testing/decimals.h"

namespace cim::testing {

// The criteria `text` (a cim.v1.BadgeCriteria in text format); fails the test if unparsable.
inline cim::v1::BadgeCriteria Criteria(const char* text) {
  cim::v1::BadgeCriteria c;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &c)) << text;
  return c;
}

// `count` approved claims worth `sales` in `currency` during the month.
inline MonthlyTally Claims(int year, int month, int count, const char* sales = "0",
                           const char* currency = "EUR") {
  return MonthlyTally{.kind = cim::v1::RECOGNITION_EVENT_KIND_CLAIM_APPROVED,
                      .unit = currency,
                      .month = absl::CivilMonth(year, month),
                      .events = count,
                      .amount = D(sales)};
}

// `points` earned during the month.
inline MonthlyTally Points(int year, int month, const char* points) {
  return MonthlyTally{.kind = kPointsTallyKind,
                      .unit = "points",
                      .month = absl::CivilMonth(year, month),
                      .amount = D(points)};
}

inline cim::v1::Leaderboard Board(int64_t id, int64_t program, cim::v1::RecognitionMetric metric,
                                  cim::v1::LeaderboardScope scope,
                                  cim::v1::LeaderboardPeriod period, const char* currency = "") {
  cim::v1::Leaderboard b;
  b.set_id(id);
  b.set_program_id(program);
  b.set_metric(metric);
  b.set_scope(scope);
  b.set_period(period);
  b.set_currency_code(currency);
  return b;
}

}  // namespace cim::testing

#endif  // CIM_TESTS_SERVER_RECOGNITION_RULE_INPUTS_H_
