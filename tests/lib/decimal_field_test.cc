// Decimal request fields: the parsed value when within bounds, else exactly one violation on the
// field saying what is wrong (required, not a decimal, negative, zero, too many places, too big).
#include "lib/decimal_field.h"

#include <optional>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/decimals.h"
#include "tests/testing/phrase_matchers.h"

namespace cim {
namespace {

using ::cim::testing::D;
using ::cim::testing::ReadsInEnglish;
using ::testing::HasSubstr;

TEST(DecimalFieldTest, ValuesWithinBounds) {
  const DecimalBounds money{.max_scale = 2};
  for (const char* text : {"0.01", "1250", "1250.50", "1250.500", "1000000000000000"}) {
    FieldErrors errors;
    EXPECT_EQ(ParseDecimalField(text, "amount", money, errors), D(text)) << text;
    EXPECT_TRUE(errors.empty()) << text << ": " << errors.ToStatus();
  }
  FieldErrors errors;
  EXPECT_EQ(ParseDecimalField("0", "rate", DecimalBounds{.allow_zero = true}, errors), D("0"));
  EXPECT_TRUE(errors.empty());
}

TEST(DecimalFieldTest, EachProblemIsOneViolationOnTheField) {
  struct Case {
    const char* value;
    DecimalBounds bounds;
    const char* problem;
  };
  const Case cases[] = {
      {"", {}, "is required"},
      {"12,50", {}, "decimal"},
      {"1e3", {}, "decimal"},
      {"-0.01", {.allow_zero = true}, "must not be negative"},
      {"0", {}, "must be greater than zero"},
      {"0.00", {}, "must be greater than zero"},
      {"1.005", {.max_scale = 2}, "has more than 2 decimal places"},
      {"100.5", {.max_scale = 0}, "has more than 0 decimal places"},
      {"1000000000000000.01", {}, "must be at most 1,000,000,000,000,000"},
      {"501", {.max = D("500")}, "must be at most 500"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.value);
    FieldErrors errors;
    EXPECT_EQ(ParseDecimalField(c.value, "lines[2].unit_price", c.bounds, errors), std::nullopt);
    ASSERT_EQ(errors.violations().size(), 1);
    EXPECT_EQ(errors.violations()[0].first, "lines[2].unit_price");
    EXPECT_THAT(errors.violations()[0].second, ReadsInEnglish(HasSubstr(c.problem)));
  }
}

}  // namespace
}  // namespace cim
