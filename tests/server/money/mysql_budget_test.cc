// Program budgets against MariaDB: a budget is split exactly over 16 slices (the caps add up to
// the budget to the last 0.0001); a draw takes the slice its hint picks, or pools what every
// slice has left; a draw the budget cannot cover is FAILED_PRECONDITION naming what it needs and
// what remains in the currency's minor units, and changes nothing; refunds come back from any
// slice that drew, and one larger than all that was drawn is refused; LockedBudget draws in memory,
// in order, and writes once; and concurrent draws never spend more than the budget.
#include "server/money/mysql_budget.h"

#include <atomic>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/server/money/money_store_fixture.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::IsOk;
using ::cim::testing::StatusIs;
using ::testing::HasSubstr;

class MysqlBudgetTest : public MoneyStoreTest {
 protected:
  // DrawBudget in a transaction of its own.
  absl::Status Draw(int64_t program_id, int64_t hint, const char* amount) {
    return database_.db().Transact(
        [&](soci::session& s) { return DrawBudget(s, program_id, hint, *Decimal::Parse(amount)); });
  }

  // A column of slice `slice` of the program's budget, as stored.
  std::string Slice(int64_t program_id, int slice, const char* column) {
    return Text(absl::StrCat("SELECT CAST(", column, " AS CHAR) FROM program_budget_slices",
                             " WHERE program_id = ", program_id, " AND slice = ", slice));
  }

  // SUM(column) over the program's slices, as stored.
  std::string Sum(int64_t program_id, const char* column) {
    return Text(absl::StrCat("SELECT CAST(SUM(", column, ") AS CHAR) FROM program_budget_slices",
                             " WHERE program_id = ", program_id));
  }

  // Slices whose draw is negative or above their cap (the CHECK keeps this 0).
  long long BadSlices(int64_t program_id) {
    return Count(absl::StrCat("SELECT COUNT(*) FROM program_budget_slices WHERE program_id = ",
                              program_id, " AND (drawn < 0 OR drawn > cap)"));
  }
};

TEST_F(MysqlBudgetTest, SlicesSplitTheBudgetExactly) {
  // 1000.01 / 16 = 62.500625: each slice gets 62.5006 and slice 0 the 0.0004 left over.
  const cim::v1::Program program = BudgetProgram("EUR", "1000.01");
  EXPECT_EQ(Count(absl::StrCat("SELECT COUNT(*) FROM program_budget_slices WHERE program_id = ",
                               program.id())),
            kBudgetSlices);
  EXPECT_EQ(Slice(program.id(), 0, "cap"), "62.5010");
  for (int slice = 1; slice < kBudgetSlices; ++slice) {
    EXPECT_EQ(Slice(program.id(), slice, "cap"), "62.5006") << slice;
  }
  EXPECT_EQ(Sum(program.id(), "cap"), "1000.0100");
  EXPECT_EQ(Sum(program.id(), "drawn"), "0.0000");
}

TEST_F(MysqlBudgetTest, DrawsFromTheSliceTheHintPicks) {
  const cim::v1::Program program = BudgetProgram("EUR", "1600");  // 100 per slice
  // Hint 17 (e.g. partner 17) picks slice 17 % 16 = 1.
  ASSERT_THAT(Draw(program.id(), 17, "99.99"), IsOk());
  EXPECT_EQ(Slice(program.id(), 1, "drawn"), "99.9900");
  EXPECT_EQ(Slice(program.id(), 1, "cap"), "100.0000");  // no redistribution was needed
  EXPECT_EQ(Sum(program.id(), "drawn"), "99.9900");
  const cim::v1::Program read = ReadProgram(program.id());
  EXPECT_EQ(read.budget_drawn(), "99.99");
  EXPECT_EQ(read.budget_remaining(), "1500.01");

  // A zero draw changes nothing.
  ASSERT_THAT(Draw(program.id(), 2, "0"), IsOk());
  EXPECT_EQ(Sum(program.id(), "drawn"), "99.9900");
}

TEST_F(MysqlBudgetTest, PoolsWhatEverySliceHasLeftWhenTheSliceCannotCover) {
  const cim::v1::Program program = BudgetProgram("EUR", "1600");
  ASSERT_THAT(Draw(program.id(), 3, "250.00"), IsOk());  // slice 3 has a cap of 100
  // Slice 3 holds the draw; the 1350 left is spread evenly: 84.375 on every slice's draw.
  EXPECT_EQ(Slice(program.id(), 3, "drawn"), "250.0000");
  EXPECT_EQ(Slice(program.id(), 3, "cap"), "334.3750");
  EXPECT_EQ(Slice(program.id(), 4, "drawn"), "0.0000");
  EXPECT_EQ(Slice(program.id(), 4, "cap"), "84.3750");
  EXPECT_EQ(Sum(program.id(), "cap"), "1600.0000");
  EXPECT_EQ(Sum(program.id(), "drawn"), "250.0000");
  EXPECT_EQ(BadSlices(program.id()), 0);

  // Almost all of it, across slices, to the cent.
  ASSERT_THAT(Draw(program.id(), 9, "1349.99"), IsOk());
  EXPECT_EQ(ReadProgram(program.id()).budget_remaining(), "0.01");
  EXPECT_EQ(Sum(program.id(), "cap"), "1600.0000");
}

TEST_F(MysqlBudgetTest, ExhaustedBudgetNamesWhatRemainsAndChangesNothing) {
  const cim::v1::Program eur = BudgetProgram("EUR", "1000");
  ASSERT_THAT(Draw(eur.id(), 1, "999.99"), IsOk());
  EXPECT_THAT(Draw(eur.id(), 1, "0.02"), StatusIs(absl::StatusCode::kFailedPrecondition,
                                                  HasSubstr("it needs €0.02 and €0.01 remain")));
  EXPECT_EQ(Sum(eur.id(), "drawn"), "999.9900");
  ASSERT_THAT(Draw(eur.id(), 2, "0.01"), IsOk());
  EXPECT_EQ(ReadProgram(eur.id()).budget_remaining(), "0.00");
  EXPECT_THAT(Draw(eur.id(), 3, "0.01"), StatusIs(absl::StatusCode::kFailedPrecondition,
                                                  HasSubstr("it needs €0.01 and €0 remain")));
  EXPECT_EQ(Sum(eur.id(), "drawn"), "1000.0000");

  // Amounts are named as money in the currency: yen have no minor units.
  const cim::v1::Program jpy = BudgetProgram("JPY", "5000");
  EXPECT_THAT(Draw(jpy.id(), 0, "5001"),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("it needs JP¥5,001 and JP¥5,000 remain")));
  EXPECT_EQ(Sum(jpy.id(), "drawn"), "0.0000");

  // An unknown program is NOT_FOUND when the draw has to look at the whole budget.
  EXPECT_THAT(Draw(999, 0, "1"), StatusIs(absl::StatusCode::kNotFound, HasSubstr("999")));
}

TEST_F(MysqlBudgetTest, RefundsComeBackFromAnySliceThatDrew) {
  const cim::v1::Program program = BudgetProgram("EUR", "1600");
  ASSERT_THAT(Draw(program.id(), 1, "90.00"), IsOk());
  ASSERT_THAT(Draw(program.id(), 2, "90.00"), IsOk());
  // 150 back through slice 1, which drew only 90: the other 60 come out of slice 2.
  ASSERT_THAT(Draw(program.id(), 1, "-150.00"), IsOk());
  EXPECT_EQ(Slice(program.id(), 1, "drawn"), "0.0000");
  EXPECT_EQ(Slice(program.id(), 2, "drawn"), "30.0000");
  EXPECT_EQ(Sum(program.id(), "drawn"), "30.0000");
  EXPECT_EQ(Sum(program.id(), "cap"), "1600.0000");
  EXPECT_EQ(BadSlices(program.id()), 0);
  EXPECT_EQ(ReadProgram(program.id()).budget_remaining(), "1570.00");
}

TEST_F(MysqlBudgetTest, ARefundLargerThanAllThatWasDrawnIsRefused) {
  const cim::v1::Program program = BudgetProgram("EUR", "1600");
  ASSERT_THAT(Draw(program.id(), 1, "90.00"), IsOk());
  EXPECT_THAT(Draw(program.id(), 1, "-200.00"),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("cannot return €200 to the program budget: only €90 was drawn")));
  EXPECT_EQ(Sum(program.id(), "drawn"), "90.0000");
  EXPECT_EQ(BadSlices(program.id()), 0);
}

TEST_F(MysqlBudgetTest, LockedBudgetDrawsInOrderAndWritesOnce) {
  const cim::v1::Program program = BudgetProgram("EUR", "1000");
  const absl::Status status = database_.db().Transact([&](soci::session& s) -> absl::Status {
    absl::StatusOr<LockedBudget> budget = LockedBudget::Lock(s, program.id());
    EXPECT_THAT(budget, IsOk());
    if (!budget.ok()) return budget.status();
    EXPECT_THAT(budget->Draw(0, *Decimal::Parse("600")), IsOk());
    EXPECT_THAT(budget->Draw(5, *Decimal::Parse("300")), IsOk());
    // The third draw sees the two before it, and changes nothing when refused.
    EXPECT_THAT(budget->Draw(7, *Decimal::Parse("200")),
                StatusIs(absl::StatusCode::kFailedPrecondition,
                         HasSubstr("it needs €200 and €100 remain")));
    EXPECT_THAT(budget->SetBudget(*Decimal::Parse("899.99")),
                StatusIs(absl::StatusCode::kFailedPrecondition,
                         HasSubstr("budget €899.99 is below the €900 already drawn")));
    EXPECT_THAT(budget->SetBudget(*Decimal::Parse("1200")), IsOk());
    EXPECT_THAT(budget->Draw(7, *Decimal::Parse("200")), IsOk());
    // Nothing is stored until Write.
    EXPECT_EQ(Sum(program.id(), "drawn"), "0.0000");
    budget->Write(s);
    return absl::OkStatus();
  });
  ASSERT_THAT(status, IsOk());
  EXPECT_EQ(Slice(program.id(), 0, "drawn"), "600.0000");
  EXPECT_EQ(Slice(program.id(), 5, "drawn"), "300.0000");
  EXPECT_EQ(Slice(program.id(), 7, "drawn"), "200.0000");
  EXPECT_EQ(Sum(program.id(), "drawn"), "1100.0000");
  EXPECT_EQ(Sum(program.id(), "cap"), "1200.0000");  // the new budget, spread over the caps
  EXPECT_EQ(BadSlices(program.id()), 0);

  const absl::Status missing = database_.db().Transact(
      [&](soci::session& s) { return LockedBudget::Lock(s, 999).status(); });
  EXPECT_THAT(missing, StatusIs(absl::StatusCode::kNotFound, HasSubstr("program 999")));
}

TEST_F(MysqlBudgetTest, ConcurrentDrawsNeverOverspend) {
  // 8 writers want 30.00 ten times each (2,400.00) from 1,000.00: 33 draws fit (990.00).
  const cim::v1::Program program = BudgetProgram("EUR", "1000");
  std::atomic<int> drawn{0}, refused{0}, other{0};
  std::vector<std::thread> writers;
  for (int w = 0; w < 8; ++w) {
    writers.emplace_back([&, w] {
      for (int i = 0; i < 10; ++i) {
        // Half the writers share slice 0; the others draw on slices of their own.
        const absl::Status status = Draw(program.id(), w % 2 == 0 ? 0 : w, "30.00");
        if (status.ok()) {
          ++drawn;
        } else if (absl::IsFailedPrecondition(status)) {
          ++refused;
        } else {
          ADD_FAILURE() << status;
          ++other;
        }
      }
    });
  }
  for (std::thread& t : writers) t.join();
  EXPECT_EQ(drawn.load(), 33);
  EXPECT_EQ(refused.load(), 47);
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(Sum(program.id(), "drawn"), "990.0000");
  EXPECT_EQ(Sum(program.id(), "cap"), "1000.0000");
  EXPECT_EQ(BadSlices(program.id()), 0);
}

}  // namespace
}  // namespace cim
