// A streaming gRPC call through the generic stub, driven from one thread that blocks on each
// step: what the gateway's upload, download and Server-Sent Events handlers use.
#ifndef CIM_PORTAL_GATEWAY_TRANSCODE_GRPC_STREAM_H_
#define CIM_PORTAL_GATEWAY_TRANSCODE_GRPC_STREAM_H_

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "absl/time/time.h"

namespace cim::gateway {

class GrpcStream {
 public:
  // Starts calling `method` ("/pkg.Service/Method"); `context` must outlive this object. While
  // waiting, `abandon` is asked every second: once it says true, the call is cancelled.
  GrpcStream(grpc::GenericStub& stub, grpc::ClientContext& context, const std::string& method,
             std::function<bool()> abandon = nullptr);
  // Cancels the call if it has not finished, and waits for its operations to end.
  ~GrpcStream();
  GrpcStream(const GrpcStream&) = delete;
  GrpcStream& operator=(const GrpcStream&) = delete;

  // Sends one serialized message. False if the call has ended (Finish tells why).
  bool Write(const std::string& message);
  // Tells the server that no more messages follow.
  bool WritesDone();

  enum class ReadResult { kMessage, kEnd, kTimeout };
  // The next message into *message; kEnd when the server has sent its last one (Finish tells
  // how the call ended); kTimeout if none came before `deadline` (the read stays pending: the
  // next Read waits for it).
  ReadResult Read(std::string* message, absl::Time deadline = absl::InfiniteFuture());
  // The call's status, once every message has been read (or the call failed). Later calls
  // return the same status.
  grpc::Status Finish();

 private:
  enum Tag : intptr_t { kStart = 1, kWrite, kWritesDone, kRead, kFinish };
  // Waits for `tag` (recording others that complete first) until `deadline`. Its `ok`, or
  // nullopt on timeout.
  std::optional<bool> Await(Tag tag, absl::Time deadline = absl::InfiniteFuture());

  grpc::ClientContext& context_;
  std::function<bool()> abandon_;
  bool cancelled_ = false;
  grpc::CompletionQueue queue_;
  std::unique_ptr<grpc::GenericClientAsyncReaderWriter> call_;
  int outstanding_ = 0;
  bool started_ok_ = false;
  bool read_pending_ = false;
  bool finished_ = false;
  grpc::Status status_;
  grpc::ByteBuffer read_buffer_;
  // Completions of tags nobody waited for yet: tag → ok.
  std::optional<bool> done_[kFinish + 1];
};

// A ByteBuffer's bytes, and the other way round.
std::string FromByteBuffer(const grpc::ByteBuffer& buffer);
grpc::ByteBuffer ToByteBuffer(const std::string& bytes);

}  // namespace cim::gateway

#endif  // CIM_PORTAL_GATEWAY_TRANSCODE_GRPC_STREAM_H_
