// Bytes that do not parse as the method's request message are the caller's mistake:
// INVALID_ARGUMENT, not INTERNAL, before any handler runs.
#include <grpcpp/generic/generic_stub.h>

#include <string>

#include "absl/synchronization/notification.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/test_server.h"

namespace cim {
namespace {

grpc::Status CallWithBytes(grpc::GenericStub& stub, const std::string& path,
                           const std::string& bytes) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  grpc::Slice slice(bytes);
  grpc::ByteBuffer request(&slice, 1), reply;
  grpc::Status status;
  absl::Notification done;
  stub.UnaryCall(&context, path, grpc::StubOptions(), &request, &reply, [&](grpc::Status s) {
    status = std::move(s);
    done.Notify();
  });
  done.WaitForNotification();
  return status;
}

TEST(UnparsedRequestInterceptorTest, UnparsableBytesAreInvalidArgument) {
  testing::TestServer server;
  grpc::GenericStub stub(server.channel());
  struct Case {
    const char* name;
    std::string bytes;
  } cases[] = {
      {"truncated varint", std::string("\x08\xff\xff", 3)},
      {"field of wire type 7", std::string("\x0f", 1)},
      // LoginRequest.email (field 1, a string) holding bytes that are not UTF-8.
      {"string that is not UTF-8", std::string("\x0a\x02\xc3\x28", 4)},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const grpc::Status status = CallWithBytes(stub, "/cim.v1.AuthService/Login", c.bytes);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << status.error_message();
    EXPECT_THAT(status.error_message(), ::testing::HasSubstr("could not be parsed"));
  }
  // Bytes that parse reach the handler as before (an empty login is refused by validation).
  const grpc::Status empty = CallWithBytes(stub, "/cim.v1.AuthService/Login", "");
  EXPECT_EQ(empty.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(empty.error_message(), ::testing::Not(::testing::HasSubstr("could not be parsed")));
}

}  // namespace
}  // namespace cim
