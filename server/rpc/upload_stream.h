// Reading a client-streaming upload (a metadata message, then byte chunks) into memory: the
// checks every upload RPC shares (order of parts, chunk and file size, a cancelled call).
#ifndef CIM_SERVER_RPC_UPLOAD_STREAM_H_
#define CIM_SERVER_RPC_UPLOAD_STREAM_H_

#include <grpcpp/grpcpp.h>

#include <cstddef>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "lib/status_util.h"

namespace cim {

inline constexpr size_t kMaxUploadChunkBytes = 1 << 20;

// Reads `reader`'s messages (a `metadata` part first, then `chunk` parts) into `metadata` and
// `bytes`. INVALID_ARGUMENT (fields "metadata", "chunk") for parts out of order, a chunk over
// 1 MiB or a file over `max_bytes`; CANCELLED if the call ended before the stream did (a cut-off
// file is never handed on).
template <typename Request, typename Metadata>
absl::Status ReadUpload(const grpc::ServerContext& context, grpc::ServerReader<Request>& reader,
                        size_t max_bytes, Metadata& metadata, std::string& bytes) {
  const auto error = [](const char* field, std::string description) {
    FieldErrors errors;
    errors.Add(field, std::move(description));
    return errors.ToStatus();
  };
  Request message;
  if (!reader.Read(&message) || !message.has_metadata()) {
    return error("metadata", "the first message must carry the metadata");
  }
  metadata = message.metadata();
  while (reader.Read(&message)) {
    if (!message.has_chunk()) return error("chunk", "after the metadata, send only chunks");
    if (message.chunk().size() > kMaxUploadChunkBytes) {
      return error("chunk", "chunks are at most 1 MiB");
    }
    if (bytes.size() + message.chunk().size() > max_bytes) {
      return error("chunk", max_bytes >= (1 << 20)
                                ? absl::StrCat("the file is larger than ", max_bytes >> 20, " MiB")
                                : absl::StrCat("the file is larger than ", max_bytes, " bytes"));
    }
    bytes += message.chunk();
  }
  if (context.IsCancelled())
    return absl::CancelledError("the upload was cancelled before it ended");
  return absl::OkStatus();
}

}  // namespace cim

#endif  // CIM_SERVER_RPC_UPLOAD_STREAM_H_
