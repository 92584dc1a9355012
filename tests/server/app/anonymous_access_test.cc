// Every cim.v1 RPC refuses anonymous callers unless it is marked (cim.v1.anonymous): a guard that
// also covers RPCs added later, found from the compiled descriptors.
#include <google/protobuf/descriptor.pb.h>
#include <grpcpp/generic/generic_stub.h>

#include <fstream>

#include "absl/strings/match.h"
#include "absl/synchronization/notification.h"
#include "cim/v1/options.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/test_server.h"

namespace cim {
namespace {

TEST(AnonymousAccessTest, OnlyAnonymousRpcsAnswerWithoutCredentials) {
  google::protobuf::FileDescriptorSet set;
  std::ifstream in(CIM_DESCRIPTOR_SET, std::ios::binary);
  ASSERT_TRUE(set.ParseFromIstream(&in));
  testing::TestServer server;
  grpc::GenericStub stub(server.channel());

  int checked = 0;
  for (const auto& file : set.file()) {
    if (!absl::StartsWith(file.package(), "cim.")) continue;
    for (const auto& service : file.service()) {
      for (const auto& method : service.method()) {
        google::protobuf::MethodOptions options;
        options.ParseFromString(method.options().SerializeAsString());
        const bool anonymous = options.GetExtension(cim::v1::anonymous);
        const std::string path = "/" + file.package() + "." + service.name() + "/" + method.name();
        grpc::ClientContext context;
        context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
        grpc::Slice empty("");
        grpc::ByteBuffer request(&empty, 1), reply;
        grpc::Status status;
        absl::Notification done;
        stub.UnaryCall(&context, path, grpc::StubOptions(), &request, &reply, [&](grpc::Status s) {
          status = std::move(s);
          done.Notify();
        });
        done.WaitForNotification();
        ++checked;
        if (anonymous) {
          EXPECT_NE(status.error_code(), grpc::StatusCode::UNAUTHENTICATED) << path;
        } else {
          EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED)
              << path << " answered an anonymous caller: " << status.error_message();
        }
      }
    }
  }
  EXPECT_GE(checked, 13);
}

}  // namespace
}  // namespace cim
