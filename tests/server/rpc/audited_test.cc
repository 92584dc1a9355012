// Every RPC states in its proto whether it is audited: state-changing RPCs carry
// `option (cim.v1.audited) = true`, reads do not. The server's handler (server/rpc/rpc_handler.h)
// opens the audit scope from that option alone, so this test is what keeps a new RPC from
// silently dropping its trail records.
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "cim/v1/options.pb.h"
#include "gmock/gmock.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/descriptor.pb.h"
#include "gtest/gtest.h"

namespace cim {
namespace {

// Verbs of RPCs that only read (everything else changes state).
bool IsRead(const std::string& method) {
  for (const char* verb :
       {"Get", "List", "Check", "Verify", "Simulate", "Export", "Watch", "Download", "WhoAmI"}) {
    if (absl::StartsWith(method, verb)) return true;
  }
  return false;
}

class AuditedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ifstream in(CIM_DESCRIPTOR_SET, std::ios::binary);
    google::protobuf::FileDescriptorSet set;
    ASSERT_TRUE(set.ParseFromIstream(&in)) << CIM_DESCRIPTOR_SET;
    for (const auto& file : set.file()) ASSERT_NE(pool_.BuildFile(file), nullptr) << file.name();
    for (const auto& file : set.file()) {
      const google::protobuf::FileDescriptor* f = pool_.FindFileByName(file.name());
      if (f->package() != "cim.v1") continue;
      for (int s = 0; s < f->service_count(); ++s) {
        for (int m = 0; m < f->service(s)->method_count(); ++m) {
          methods_.push_back(f->service(s)->method(m));
        }
      }
    }
  }

  google::protobuf::DescriptorPool pool_;
  std::vector<const google::protobuf::MethodDescriptor*> methods_;
};

TEST_F(AuditedTest, EveryStateChangingRpcIsAuditedAndNoReadIs) {
  ASSERT_GT(methods_.size(), 100u);
  for (const google::protobuf::MethodDescriptor* method : methods_) {
    const bool audited = method->options().GetExtension(cim::v1::audited);
    EXPECT_EQ(audited, !IsRead(method->name()))
        << method->full_name()
        << (audited ? " reads but is marked audited"
                    : " changes state: add option (cim.v1.audited) = true");
  }
}

TEST_F(AuditedTest, SignInAndSignOutAreAudited) {
  for (const char* name : {"cim.v1.AuthService.Login", "cim.v1.AuthService.Logout"}) {
    const google::protobuf::MethodDescriptor* method = pool_.FindMethodByName(name);
    ASSERT_NE(method, nullptr) << name;
    EXPECT_TRUE(method->options().GetExtension(cim::v1::audited)) << name;
  }
}

}  // namespace
}  // namespace cim
