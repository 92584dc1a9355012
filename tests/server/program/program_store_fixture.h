// The fixture the program store tests share: the engagement store fixture's database (partners
// Alpha, gold EMEA reseller, and Bravo, silver NA distributor; vendor staff Vera; Ann, Rob and
// Hid of Alpha; Bea of Bravo), the program and product stores on it, the products ST-200 and
// SV-1, and a points program to store in any status.
#ifndef CIM_TESTS_SERVER_PROGRAM_PROGRAM_STORE_FIXTURE_H_
#define CIM_TESTS_SERVER_PROGRAM_PROGRAM_STORE_FIXTURE_H_

#include <google/protobuf/text_format.h>

#include <string>

#include "absl/status/statusor.h"
#include "cim/v1/program.pb.h"
#include "gtest/gtest.h"
#include "server/program/mysql_product_repository.h"
#include "server/program/mysql_program_repository.h"
#include "tests/testing/store_world.h"

namespace cim {

// 1 point per 10 EUR of ST-200 sales, quarterly, budget 10,000 EUR.
inline constexpr char kPointsProgram[] = R"pb(
  name: "Storage points"
  description: "Points for storage"
  objectives: "Grow storage"
  currency_code: "EUR"
  budget: "10000"
  start_date: "2026-01-01"
  end_date: "2026-12-31"
  period: PROGRAM_PERIOD_QUARTER
  terms: "Terms v1"
  terms_version: 1
  rules_version: 1
  eligible_skus: "ST-200"
  targets { metric: "sales" target: "50000" description: "EUR sales" }
  eligibility { regions: "EMEA" regions: "NA" }
  rules {
    id: "points"
    name: "Points"
    points { skus: "ST-200" points_per_currency_unit: "0.1" }
  }
)pb";

class ProgramStoreTest : public StoreWorldTest {
 protected:
  void SetUp() override {
    StoreWorldTest::SetUp();
    for (const char* sku : {"ST-200", "SV-1"}) {
      Product p;
      p.set_sku(sku);
      p.set_name(std::string("Product ") + sku);
      p.set_category("Storage");
      p.set_currency_code("EUR");
      p.set_list_price("1000");
      p.set_unit_cost("600");
      p.set_status(cim::v1::PRODUCT_STATUS_ACTIVE);
      ASSERT_TRUE(products_.Create(p, T0()).ok());
    }
  }

  template <typename Message>
  static Message Parse(const std::string& text) {
    Message m;
    EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &m)) << text;
    return m;
  }

  // kPointsProgram (edited by `edit`, if given) with `status`, as the program admin Vera
  // stores it at `at`.
  Program StoreProgram(cim::v1::ProgramStatus status, absl::Time at = T0(),
                       const std::function<void(Program&)>& edit = {}) {
    Program p = Parse<Program>(kPointsProgram);
    p.set_status(status);
    if (edit) edit(p);
    absl::StatusOr<Program> stored = programs_.Create(p, kVera, at);
    EXPECT_TRUE(stored.ok()) << stored.status();
    return stored.value_or(Program());
  }

  MysqlProductRepository products_{database_.db()};
  MysqlProgramRepository programs_{database_.db()};
};

}  // namespace cim

#endif  // CIM_TESTS_SERVER_PROGRAM_PROGRAM_STORE_FIXTURE_H_
