// Audit scopes: none outside a call, the innermost one current while scopes nest, the outer one
// back when the inner ends, and a scope belonging to its own thread only.
#include "lib/audit_scope.h"

#include <optional>
#include <thread>

#include "gtest/gtest.h"

namespace cim {
namespace {

AuditActor Actor(int64_t user_id, const char* rpc) {
  return AuditActor{.user_id = user_id, .role = 1, .partner_id = 7, .rpc = rpc};
}

TEST(AuditScopeTest, InnermostScopeIsCurrentAndTheOuterReturns) {
  EXPECT_EQ(AuditScope::Current(), nullptr);
  EXPECT_EQ(AuditScope::CurrentActor(), std::nullopt);
  {
    AuditScope outer(Actor(11, "ApproveClaim"));
    EXPECT_EQ(AuditScope::Current(), &outer);
    {
      AuditScope inner(Actor(0, "scheduled:EvaluateTiers"));
      EXPECT_EQ(AuditScope::Current(), &inner);
      EXPECT_EQ(AuditScope::CurrentActor()->rpc, "scheduled:EvaluateTiers");
    }
    ASSERT_EQ(AuditScope::Current(), &outer);
    EXPECT_EQ(AuditScope::CurrentActor()->user_id, 11);
    EXPECT_EQ(AuditScope::CurrentActor()->partner_id, 7);
  }
  EXPECT_EQ(AuditScope::Current(), nullptr);
}

TEST(AuditScopeTest, AnotherThreadDoesNotSeeTheScope) {
  AuditScope scope(Actor(11, "SubmitClaim"));
  const AuditScope* seen = &scope;
  std::thread([&] { seen = AuditScope::Current(); }).join();
  EXPECT_EQ(seen, nullptr);
  EXPECT_EQ(AuditScope::Current(), &scope);
}

}  // namespace
}  // namespace cim
