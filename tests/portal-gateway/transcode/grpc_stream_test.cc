// GrpcStream against an in-process echo server of the test's own (a generic gRPC service, no
// cim-server): messages written come back in order and the call ends with the server's
// status, which Finish returns again when asked again; a Read with a deadline returns kTimeout
// and its read stays pending for the next Read; `abandon` cancels a call that waits; the
// destructor cancels a call that has not finished; a call to an address where nothing listens
// ends UNAVAILABLE. ToByteBuffer and FromByteBuffer keep every byte.
#include "portal-gateway/transcode/grpc_stream.h"

#include <grpcpp/generic/async_generic_service.h>

#include <atomic>
#include <memory>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace cim::gateway {
namespace {

using ::cim::testing::StatusIs;
using ::testing::HasSubstr;
using ReadResult = GrpcStream::ReadResult;

constexpr char kEcho[] = "/test.Echo/Shout";  // each message back in capitals
constexpr char kRefuse[] = "/test.Echo/Refuse";

// Echoes each message of kEcho in capitals and ends OK once the client is done writing; ends
// kRefuse at once with FAILED_PRECONDITION. Notes calls the client cancelled.
class EchoService final : public grpc::CallbackGenericService {
 public:
  absl::Notification cancelled;

 private:
  class Reactor final : public grpc::ServerGenericBidiReactor {
   public:
    Reactor(EchoService* service, const std::string& method) : service_(service) {
      if (method == kRefuse) {
        Finish(grpc::Status(grpc::StatusCode::FAILED_PRECONDITION, "budget exhausted"));
        return;
      }
      StartRead(&in_);
    }
    void OnReadDone(bool ok) override {
      if (!ok) {
        Finish(grpc::Status::OK);
        return;
      }
      out_ = ToByteBuffer(absl::AsciiStrToUpper(FromByteBuffer(in_)));
      StartWrite(&out_);
    }
    void OnWriteDone(bool ok) override {
      if (!ok) {
        Finish(grpc::Status::CANCELLED);
        return;
      }
      StartRead(&in_);
    }
    void OnCancel() override {
      if (!service_->cancelled.HasBeenNotified()) service_->cancelled.Notify();
    }
    void OnDone() override { delete this; }

   private:
    EchoService* service_;
    grpc::ByteBuffer in_, out_;
  };

  grpc::ServerGenericBidiReactor* CreateReactor(grpc::GenericCallbackServerContext* ctx) override {
    return new Reactor(this, ctx->method());
  }
};

class GrpcStreamTest : public ::testing::Test {
 protected:
  void SetUp() override {
    grpc::ServerBuilder builder;
    int port = 0;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
    builder.RegisterCallbackGenericService(&service_);
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    ASSERT_GT(port, 0);
    stub_ = std::make_unique<grpc::GenericStub>(
        grpc::CreateChannel(absl::StrCat("127.0.0.1:", port), grpc::InsecureChannelCredentials()));
    context_.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(30)));
  }
  void TearDown() override { server_->Shutdown(); }

  EchoService service_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<grpc::GenericStub> stub_;
  grpc::ClientContext context_;
};

TEST(ByteBufferTest, KeepsEveryByteBothWays) {
  for (const std::string& bytes :
       {std::string(), std::string("\0\x01\xff\r\n", 5), std::string(1 << 20, 'z')}) {
    EXPECT_EQ(FromByteBuffer(ToByteBuffer(bytes)), bytes);
  }
  // A buffer of several slices reads as their concatenation.
  grpc::Slice slices[] = {grpc::Slice(std::string("ab")), grpc::Slice(std::string("")),
                          grpc::Slice(std::string("c\0d", 3))};
  EXPECT_EQ(FromByteBuffer(grpc::ByteBuffer(slices, 3)), std::string("abc\0d", 5));
}

TEST_F(GrpcStreamTest, MessagesGoBothWaysAndTheCallEndsWithTheServersStatus) {
  GrpcStream stream(*stub_, context_, kEcho);
  std::string message;
  for (const char* text : {"first", "", "third"}) {
    SCOPED_TRACE(text);
    ASSERT_TRUE(stream.Write(text));
    ASSERT_EQ(stream.Read(&message), ReadResult::kMessage);
    EXPECT_EQ(message, absl::AsciiStrToUpper(text));
  }
  ASSERT_TRUE(stream.WritesDone());
  EXPECT_EQ(stream.Read(&message), ReadResult::kEnd);
  EXPECT_TRUE(stream.Finish().ok());
  EXPECT_TRUE(stream.Finish().ok());
}

TEST_F(GrpcStreamTest, AServerErrorEndsTheReadsAndIsWhatFinishReturns) {
  GrpcStream stream(*stub_, context_, kRefuse);
  std::string message = "untouched";
  EXPECT_EQ(stream.Read(&message), ReadResult::kEnd);
  EXPECT_EQ(message, "untouched");
  // The call has ended: writing fails, and Finish tells why (again when asked again).
  EXPECT_FALSE(stream.Write("late"));
  EXPECT_THAT(stream.Finish(),
              StatusIs(grpc::StatusCode::FAILED_PRECONDITION, HasSubstr("budget exhausted")));
  EXPECT_THAT(stream.Finish(),
              StatusIs(grpc::StatusCode::FAILED_PRECONDITION, HasSubstr("budget exhausted")));
}

TEST_F(GrpcStreamTest, AReadThatTimesOutStaysPendingForTheNextRead) {
  GrpcStream stream(*stub_, context_, kEcho);
  std::string message = "untouched";
  const absl::Time start = absl::Now();
  EXPECT_EQ(stream.Read(&message, absl::Now() + absl::Milliseconds(200)), ReadResult::kTimeout);
  EXPECT_GE(absl::Now() - start, absl::Milliseconds(200));
  EXPECT_EQ(message, "untouched");
  EXPECT_EQ(stream.Read(&message, absl::Now() + absl::Milliseconds(50)), ReadResult::kTimeout);
  // The message that answers this write is what the pending read receives.
  ASSERT_TRUE(stream.Write("ping"));
  EXPECT_EQ(stream.Read(&message, absl::Now() + absl::Seconds(10)), ReadResult::kMessage);
  EXPECT_EQ(message, "PING");
  ASSERT_TRUE(stream.WritesDone());
  EXPECT_EQ(stream.Read(&message), ReadResult::kEnd);
  EXPECT_TRUE(stream.Finish().ok());
}

TEST_F(GrpcStreamTest, AbandonCancelsACallThatWaits) {
  std::atomic<int> asked = 0;
  GrpcStream stream(*stub_, context_, kEcho, [&] { return ++asked >= 2; });
  std::string message;
  // Nothing comes (the server waits for a message): the second question cancels the call.
  EXPECT_EQ(stream.Read(&message), ReadResult::kEnd);
  EXPECT_EQ(asked.load(), 2);
  EXPECT_THAT(stream.Finish(), StatusIs(grpc::StatusCode::CANCELLED));
  EXPECT_TRUE(service_.cancelled.WaitForNotificationWithTimeout(absl::Seconds(10)));
}

TEST_F(GrpcStreamTest, TheDestructorCancelsAnUnfinishedCall) {
  {
    GrpcStream stream(*stub_, context_, kEcho);
    ASSERT_TRUE(stream.Write("hello"));
    std::string message;
    ASSERT_EQ(stream.Read(&message), ReadResult::kMessage);
    // A read left pending, and no Finish.
    EXPECT_EQ(stream.Read(&message, absl::Now()), ReadResult::kTimeout);
  }
  EXPECT_TRUE(service_.cancelled.WaitForNotificationWithTimeout(absl::Seconds(10)));
}

TEST(GrpcStreamUnreachableTest, ACallWhereNothingListensIsUnavailable) {
  // Port 1: nothing listens there.
  grpc::GenericStub stub(grpc::CreateChannel("127.0.0.1:1", grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(30)));
  GrpcStream stream(stub, context, kEcho);
  EXPECT_FALSE(stream.Write("hello"));
  std::string message;
  EXPECT_EQ(stream.Read(&message), ReadResult::kEnd);
  EXPECT_THAT(stream.Finish(), StatusIs(grpc::StatusCode::UNAVAILABLE));
}

}  // namespace
}  // namespace cim::gateway
