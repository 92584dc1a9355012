#include "server/common/text_field.h"

#include "gtest/gtest.h"

namespace cim {
namespace {

TEST(TextFieldTest, TruncatesAtCharacterBoundaries) {
  EXPECT_EQ(TruncateCodePoints("abc", 5), "abc");
  EXPECT_EQ(TruncateCodePoints("abc", 2), "ab");
  EXPECT_EQ(TruncateCodePoints("a→b×c", 3), "a→b");  // multi-byte characters stay whole
  EXPECT_EQ(TruncateCodePoints("→→", 1), "→");
  EXPECT_EQ(TruncateCodePoints("", 0), "");
  EXPECT_EQ(CodePoints(TruncateCodePoints("Köln Großhandel", 6)), 6u);
}

TEST(TextFieldTest, ValidatesLengthsInCharacters) {
  FieldErrors errors;
  ValidateText("  ", "name", 1, 10, errors);
  ValidateText("Ünïcödé", "name2", 1, 7, errors);
  ValidateText("12345678", "name3", 1, 7, errors);
  ASSERT_EQ(errors.violations().size(), 2u);
  EXPECT_EQ(errors.violations()[0].first, "name");
  EXPECT_EQ(errors.violations()[1].first, "name3");
}

}  // namespace
}  // namespace cim
