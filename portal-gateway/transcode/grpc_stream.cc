#include "portal-gateway/transcode/grpc_stream.h"

#include <algorithm>
#include <vector>

#include "absl/time/clock.h"

namespace cim::gateway {

std::string FromByteBuffer(const grpc::ByteBuffer& buffer) {
  std::vector<grpc::Slice> slices;
  std::string out;
  if (!buffer.Dump(&slices).ok()) return out;
  for (const grpc::Slice& s : slices) {
    out.append(reinterpret_cast<const char*>(s.begin()), s.size());
  }
  return out;
}

grpc::ByteBuffer ToByteBuffer(const std::string& bytes) {
  grpc::Slice slice(bytes);
  return grpc::ByteBuffer(&slice, 1);
}

GrpcStream::GrpcStream(grpc::GenericStub& stub, grpc::ClientContext& context,
                       const std::string& method, std::function<bool()> abandon)
    : context_(context),
      abandon_(std::move(abandon)),
      call_(stub.PrepareCall(&context, method, &queue_)) {
  ++outstanding_;
  call_->StartCall(reinterpret_cast<void*>(kStart));
  started_ok_ = Await(kStart).value_or(false);
}

GrpcStream::~GrpcStream() {
  if (!finished_) {
    context_.TryCancel();
    Finish();
  }
  // Pending reads end once the call is cancelled or finished.
  while (outstanding_ > 0) {
    void* tag;
    bool ok;
    if (!queue_.Next(&tag, &ok)) break;
    --outstanding_;
  }
  queue_.Shutdown();
  void* tag;
  bool ok;
  while (queue_.Next(&tag, &ok)) {
  }
}

std::optional<bool> GrpcStream::Await(Tag tag, absl::Time deadline) {
  while (!done_[tag].has_value()) {
    void* got;
    bool ok;
    const absl::Time wake = std::min(deadline, absl::Now() + absl::Seconds(1));
    const auto status = queue_.AsyncNext(&got, &ok, absl::ToChronoTime(wake));
    if (status == grpc::CompletionQueue::TIMEOUT) {
      if (!cancelled_ && abandon_ && abandon_()) {
        cancelled_ = true;
        context_.TryCancel();
      }
      if (absl::Now() >= deadline) return std::nullopt;
      continue;
    }
    if (status == grpc::CompletionQueue::SHUTDOWN) return false;
    --outstanding_;
    done_[reinterpret_cast<intptr_t>(got)] = ok;
  }
  const bool ok = *done_[tag];
  done_[tag].reset();
  return ok;
}

bool GrpcStream::Write(const std::string& message) {
  if (!started_ok_) return false;
  ++outstanding_;
  call_->Write(ToByteBuffer(message), reinterpret_cast<void*>(kWrite));
  return Await(kWrite).value_or(false);
}

bool GrpcStream::WritesDone() {
  if (!started_ok_) return false;
  ++outstanding_;
  call_->WritesDone(reinterpret_cast<void*>(kWritesDone));
  return Await(kWritesDone).value_or(false);
}

GrpcStream::ReadResult GrpcStream::Read(std::string* message, absl::Time deadline) {
  if (!started_ok_) return ReadResult::kEnd;
  if (!read_pending_) {
    ++outstanding_;
    read_pending_ = true;
    call_->Read(&read_buffer_, reinterpret_cast<void*>(kRead));
  }
  std::optional<bool> ok = Await(kRead, deadline);
  if (!ok.has_value()) return ReadResult::kTimeout;
  read_pending_ = false;
  if (!*ok) return ReadResult::kEnd;
  *message = FromByteBuffer(read_buffer_);
  return ReadResult::kMessage;
}

grpc::Status GrpcStream::Finish() {
  if (finished_) return status_;
  finished_ = true;
  ++outstanding_;
  call_->Finish(&status_, reinterpret_cast<void*>(kFinish));
  Await(kFinish);
  // A read still pending has ended with the call.
  if (read_pending_) {
    Await(kRead);
    read_pending_ = false;
  }
  return status_;
}

}  // namespace cim::gateway
