#include "lib/pagination.h"

#include "cim/v1/partner_service.pb.h"
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

// A ListUsersRequest for partner `partner_id` continuing from `token`.
cim::v1::ListUsersRequest Users(int64_t partner_id, std::string token = "", int page_size = 0) {
  cim::v1::ListUsersRequest request;
  request.set_partner_id(partner_id);
  request.set_page_token(std::move(token));
  request.set_page_size(page_size);
  return request;
}

TEST(PaginationTest, TokensRoundTripAndRejectForgeries) {
  const cim::v1::ListUsersRequest first = Users(7);
  EXPECT_EQ(*DecodePageToken(Users(7, EncodePageToken(12345, first))), 12345);
  EXPECT_EQ(*DecodePageToken(first), 0);
  for (const std::string& bad :
       std::vector<std::string>{"garbage!", EncodePageToken(0, first), EncodePageToken(-4, first),
                                "YWZ0ZXI6", "YWZ0ZXI6MTI="}) {
    SCOPED_TRACE(bad);
    EXPECT_THAT(DecodePageToken(Users(7, bad)),
                StatusIs(absl::StatusCode::kInvalidArgument,
                         HasSubstr("page_token: not a token from a previous response")));
  }
}

TEST(PaginationTest, TokensContinueOnlyTheListAndFiltersThatIssuedThem) {
  const std::string token = EncodePageToken(40, Users(7, "", 10));
  // The page size may change from page to page.
  EXPECT_EQ(*DecodePageToken(Users(7, token, 25)), 40);
  // Other filters, or another list with the same fields, refuse it.
  EXPECT_THAT(DecodePageToken(Users(8, token)),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("other filters")));
  cim::v1::ListPartnersRequest partners;
  partners.set_page_token(token);
  EXPECT_THAT(DecodePageToken(partners),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("another list")));
}

TEST(PaginationTest, FillPageKeepsPageSizeRowsAndPointsAfterTheLast) {
  const cim::v1::ListUsersRequest request = Users(7);
  std::vector<cim::v1::Partner> rows(4);
  for (int i = 0; i < 4; ++i) rows[i].set_id(10 + i);
  google::protobuf::RepeatedPtrField<cim::v1::Partner> items;
  const std::string next = FillPage(rows, 3, &items, request);
  ASSERT_EQ(items.size(), 3);
  EXPECT_EQ(items[2].id(), 12);
  EXPECT_EQ(*DecodePageToken(Users(7, next)), 12);

  google::protobuf::RepeatedPtrField<cim::v1::Partner> last;
  EXPECT_EQ(
      FillPage(std::vector<cim::v1::Partner>(rows.begin(), rows.begin() + 2), 3, &last, request),
      "");
  EXPECT_EQ(last.size(), 2);
}

}  // namespace
}  // namespace cim
