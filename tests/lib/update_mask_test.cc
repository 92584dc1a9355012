// An update mask must name a field: an empty one is the violation "update_mask: …"; one that
// names any field adds nothing (which fields a call takes is the RPC handler's check).
#include "lib/update_mask.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace cim {
namespace {

using ::cim::testing::StatusIs;

TEST(UpdateMaskTest, AnEmptyMaskIsAViolationOfItsField) {
  FieldErrors errors;
  RequireMaskPaths(google::protobuf::FieldMask(), errors);
  EXPECT_THAT(errors.ToStatus(),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       "invalid request: update_mask: name at least one field to update"));
}

TEST(UpdateMaskTest, AMaskNamingAFieldAddsNothing) {
  FieldErrors errors;
  google::protobuf::FieldMask mask;
  mask.add_paths("name");
  RequireMaskPaths(mask, errors);
  EXPECT_TRUE(errors.empty());
}

}  // namespace
}  // namespace cim
