// A small asynchronous gRPC load generator: keeps N calls in flight for a fixed duration and
// reports throughput and latency percentiles. Later benchmarks reuse it with their own calls.
#ifndef CIM_BENCH_GRPC_LOAD_H_
#define CIM_BENCH_GRPC_LOAD_H_

#include <grpcpp/grpcpp.h>

#include <functional>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"

namespace cim::bench {

struct LoadOptions {
  int concurrency = 16;  // calls kept in flight
  absl::Duration duration = absl::Seconds(5);
  absl::Duration warmup = absl::Seconds(1);  // calls in this period are not counted
  int threads = 2;                           // completion-queue polling threads
};

struct LoadResult {
  int64_t calls = 0;
  int64_t errors = 0;
  double seconds = 0;
  double throughput = 0;  // successful calls per second
  double p50_ms = 0, p90_ms = 0, p99_ms = 0, max_ms = 0;
};

// Starts one asynchronous call on `cq` whose completion is delivered with `tag`; the call's
// state must live until then. Implementations own a context, request and response.
class AsyncCall {
 public:
  virtual ~AsyncCall() = default;
  // Starts a fresh call; Finish(tag) fires on the queue.
  virtual void Start(grpc::CompletionQueue* cq, void* tag) = 0;
  virtual const grpc::Status& status() const = 0;
  // Called once the call has completed (measured or not), before it is destroyed.
  virtual void OnDone() {}
};

using CallFactory = std::function<std::unique_ptr<AsyncCall>()>;

// One unary call of `method` on `stub` with the caller's bearer token; `on_ok` sees a
// successful response.
template <typename Stub, typename Request, typename Response>
class UnaryCall final : public AsyncCall {
 public:
  using Method = std::unique_ptr<grpc::ClientAsyncResponseReader<Response>> (Stub::*)(
      grpc::ClientContext*, const Request&, grpc::CompletionQueue*);

  UnaryCall(Stub* stub, Method method, const std::string& token, Request request,
            std::function<void(const Response&)> on_ok = nullptr)
      : stub_(stub),
        method_(method),
        token_(token),
        request_(std::move(request)),
        on_ok_(std::move(on_ok)) {}
  void Start(grpc::CompletionQueue* cq, void* tag) override {
    context_.AddMetadata("authorization", absl::StrCat("Bearer ", token_));
    reader_ = (stub_->*method_)(&context_, request_, cq);
    reader_->Finish(&response_, &status_, tag);
  }
  const grpc::Status& status() const override { return status_; }
  void OnDone() override {
    if (status_.ok() && on_ok_) on_ok_(response_);
  }

 private:
  Stub* stub_;
  Method method_;
  std::string token_;
  Request request_;
  std::function<void(const Response&)> on_ok_;
  grpc::ClientContext context_;
  Response response_;
  grpc::Status status_;
  std::unique_ptr<grpc::ClientAsyncResponseReader<Response>> reader_;
};

// Runs the load and returns its figures.
LoadResult RunLoad(const LoadOptions& options, const CallFactory& make_call);

// "calls=… errors=… throughput=… p50=… p99=…" on one line.
std::string Describe(const LoadResult& result);

}  // namespace cim::bench

#endif  // CIM_BENCH_GRPC_LOAD_H_
