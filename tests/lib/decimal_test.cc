#include "lib/decimal.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/decimals.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::D;
using ::cim::testing::StatusIs;
using ::testing::HasSubstr;

TEST(DecimalTest, ParsesAndPrintsPlainDecimals) {
  struct Case {
    const char* text;
    const char* printed;
    int scale;
  } cases[] = {
      {"0", "0", 0},
      {"12", "12", 0},
      {"-0.5", "-0.5", 1},
      {"+3.10", "3.10", 2},
      {"0007.25", "7.25", 2},
      {"1234567890123456789012345678.1234", "1234567890123456789012345678.1234", 4},
      {"0.000000000000000001", "0.000000000000000001", 18},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    CIM_ASSERT_OK_AND_ASSIGN(Decimal d, Decimal::Parse(c.text));
    EXPECT_EQ(d.ToString(), c.printed);
    EXPECT_EQ(d.scale(), c.scale);
  }
}

TEST(DecimalTest, RefusesWhatIsNotAPlainDecimal) {
  for (const char* bad : {"", "-", ".5", "5.", "1e5", "1,000", "12.3.4", " 1", "0x10", "NaN",
                          "1234567890123456789012345678901", "0.0000000000000000001",
                          "123456789012345678901234567890.123456789"}) {
    SCOPED_TRACE(bad);
    EXPECT_THAT(Decimal::Parse(bad), StatusIs(absl::StatusCode::kInvalidArgument));
  }
  EXPECT_THAT(Decimal::Parse("1e5"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("not a decimal number")));
}

TEST(DecimalTest, ToStringWithMinimumFractionDigits) {
  EXPECT_EQ(D("12.5000").ToString(2), "12.50");
  EXPECT_EQ(D("12").ToString(2), "12.00");
  EXPECT_EQ(D("12.125").ToString(2), "12.125");
  EXPECT_EQ(D("-0.10").ToString(0), "-0.1");
  EXPECT_EQ(D("100").ToString(0), "100");
}

TEST(DecimalTest, ArithmeticIsExact) {
  EXPECT_EQ(D("0.1") + D("0.2"), D("0.3"));
  EXPECT_EQ((D("0.1") + D("0.2")).ToString(), "0.3");
  EXPECT_EQ(D("10") - D("0.01"), D("9.99"));
  EXPECT_EQ(D("-1.5") * D("2.25"), D("-3.375"));
  EXPECT_EQ(D("19.99") * D("3"), D("59.97"));
  EXPECT_EQ(D("12000.00").PercentOf(D("2.5")), D("300"));
  EXPECT_EQ(D("0.01").PercentOf(D("0.0001")), D("0.00000001"));
  EXPECT_EQ(-D("4.20"), D("-4.2"));
  Decimal sum;
  for (int i = 0; i < 1000; ++i) sum += D("0.001");
  EXPECT_EQ(sum, D("1"));
}

TEST(DecimalTest, HugeAndTinyAmountsStayExact) {
  // A trillion-euro sale at a 0.0001% rate, and a cent at 99.9999%.
  EXPECT_EQ(D("999999999999999.9999").PercentOf(D("0.0001")).ToString(), "999999999.9999999999");
  EXPECT_EQ(D("0.01").PercentOf(D("99.9999")).ToString(), "0.00999999");
  EXPECT_EQ(D("999999999999999.9999") * D("999999.999999"), D("999999999998999999900.0000000001"));
}

TEST(DecimalTest, RoundsHalfAwayFromZero) {
  struct Case {
    const char* value;
    int scale;
    const char* rounded;
    const char* truncated;
  } cases[] = {
      {"2.345", 2, "2.35", "2.34"},
      {"2.344999", 2, "2.34", "2.34"},
      {"-2.345", 2, "-2.35", "-2.34"},
      {"-2.3449", 2, "-2.34", "-2.34"},
      {"0.5", 0, "1", "0"},
      {"-0.5", 0, "-1", "0"},
      {"1.4999999", 0, "1", "1"},
      {"9.995", 2, "10.00", "9.99"},
      {"0.004999", 2, "0.00", "0.00"},
      {"12.3", 4, "12.3000", "12.3000"},
      {"1234.5", 0, "1235", "1234"},
      {"0.0000005", 6, "0.000001", "0.000000"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(absl::StrCat(c.value, " @", c.scale));
    EXPECT_EQ(D(c.value).Rounded(c.scale).ToString(), c.rounded);
    EXPECT_EQ(D(c.value).Truncated(c.scale).ToString(), c.truncated);
  }
}

TEST(DecimalTest, DividesToANamedPrecision) {
  EXPECT_EQ(D("10").DividedBy(D("3"), 4).ToString(), "3.3333");
  EXPECT_EQ(D("20").DividedBy(D("3"), 2).ToString(), "6.67");
  EXPECT_EQ(D("-20").DividedBy(D("3"), 2).ToString(), "-6.67");
  EXPECT_EQ(D("1.5").DividedBy(D("0.25"), 0).ToString(), "6");
  EXPECT_EQ(D("125").DividedBy(D("1000"), 2).ToString(), "0.13");
}

TEST(DecimalTest, ComparesAcrossScales) {
  EXPECT_EQ(D("1.50"), D("1.5"));
  EXPECT_LT(D("1.4999"), D("1.5"));
  EXPECT_GT(D("-1"), D("-1.01"));
  EXPECT_EQ(D("0.00").sign(), 0);
  EXPECT_EQ(D("-0.01").sign(), -1);
  EXPECT_EQ(D("12.30").SignificantScale(), 1);
}

TEST(DecimalTest, CurrencyMinorUnits) {
  EXPECT_EQ(*CurrencyMinorUnits("EUR"), 2);
  EXPECT_EQ(*CurrencyMinorUnits("JPY"), 0);
  EXPECT_EQ(*CurrencyMinorUnits("KWD"), 3);
  EXPECT_THAT(CurrencyMinorUnits("eur"), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(CurrencyMinorUnits("XXX"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("ISO 4217")));
}

}  // namespace
}  // namespace cim
