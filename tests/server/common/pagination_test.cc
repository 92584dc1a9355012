#include "server/common/pagination.h"

#include "cim/v1/identity.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;
using ::testing::HasSubstr;

TEST(PaginationTest, PageSize) {
  struct Case {
    int requested;
    int want;
    bool violation;
  } cases[] = {{0, 50, false}, {1, 1, false}, {500, 500, false}, {501, 501, true}, {-1, -1, true}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.requested);
    FieldErrors errors;
    EXPECT_EQ(PageSize(c.requested, errors), c.want);
    EXPECT_EQ(errors.empty(), !c.violation);
  }
}

TEST(PaginationTest, TokensRoundTripAndRejectForgeries) {
  EXPECT_EQ(*DecodePageToken(EncodePageToken(12345)), 12345);
  EXPECT_EQ(*DecodePageToken(""), 0);
  for (const std::string& bad :
       std::vector<std::string>{"garbage!", EncodePageToken(0), EncodePageToken(-4), "YWZ0ZXI6"}) {
    SCOPED_TRACE(bad);
    EXPECT_THAT(DecodePageToken(bad),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("page_token")));
  }
}

TEST(PaginationTest, FillPageKeepsPageSizeRowsAndPointsAfterTheLast) {
  std::vector<cim::v1::Partner> rows(4);
  for (int i = 0; i < 4; ++i) rows[i].set_id(10 + i);
  google::protobuf::RepeatedPtrField<cim::v1::Partner> items;
  const std::string next = FillPage(rows, 3, &items);
  ASSERT_EQ(items.size(), 3);
  EXPECT_EQ(items[2].id(), 12);
  EXPECT_EQ(*DecodePageToken(next), 12);

  google::protobuf::RepeatedPtrField<cim::v1::Partner> last;
  EXPECT_EQ(FillPage(std::vector<cim::v1::Partner>(rows.begin(), rows.begin() + 2), 3, &last), "");
  EXPECT_EQ(last.size(), 2);
}

}  // namespace
}  // namespace cim
