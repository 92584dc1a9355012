// The gateway's streaming routes: multipart uploads into client-streaming RPCs, downloads from
// server-streaming RPCs that carry a file, and Server-Sent Events for the other
// server-streaming RPCs. Each runs on the stream's own thread and blocks on each step.
#include <google/protobuf/message.h>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "portal-gateway/gateway.h"
#include "portal-gateway/http/http_server.h"
#include "portal-gateway/http/http_status.h"
#include "portal-gateway/http/multipart.h"
#include "portal-gateway/transcode/grpc_stream.h"

namespace cim::gateway {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

// Upload chunks sent to the server (it takes up to 1 MiB per message).
constexpr size_t kUploadChunkBytes = 256 * 1024;
constexpr size_t kMaxFormFieldBytes = 64 * 1024;
// How long an event stream waits for an error the server finds at once (credentials, a bad
// request) before it answers 200 and starts streaming.
constexpr absl::Duration kEventsSettle = absl::Milliseconds(250);

// A singular string or integer field's value as text; "" if absent or of another type.
std::string FieldText(const Message& message, absl::string_view name) {
  const FieldDescriptor* f = message.GetDescriptor()->FindFieldByName(std::string(name));
  if (f == nullptr || f->is_repeated()) return "";
  const auto* r = message.GetReflection();
  switch (f->cpp_type()) {
    case FieldDescriptor::CPPTYPE_STRING:
      return r->GetString(message, f);
    case FieldDescriptor::CPPTYPE_INT64:
      return std::to_string(r->GetInt64(message, f));
    case FieldDescriptor::CPPTYPE_UINT64:
      return std::to_string(r->GetUInt64(message, f));
    case FieldDescriptor::CPPTYPE_INT32:
      return std::to_string(r->GetInt32(message, f));
    case FieldDescriptor::CPPTYPE_UINT32:
      return std::to_string(r->GetUInt32(message, f));
    default:
      return "";
  }
}

// Content-Disposition for a download: an ASCII fallback name and the exact one (RFC 6266).
std::string ContentDisposition(absl::string_view filename) {
  std::string ascii, encoded;
  for (unsigned char c : filename) {
    ascii += (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '/') ? c : '_';
    if (absl::ascii_isalnum(c) || absl::StrContains("-._~", c)) {
      encoded += c;
    } else {
      constexpr char kHex[] = "0123456789ABCDEF";
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
  }
  if (ascii.empty()) return "attachment";
  return absl::StrCat("attachment; filename=\"", ascii, "\"; filename*=UTF-8''", encoded);
}

// A status the upload's parser callbacks return when the gRPC call has ended early (the
// server refused the upload): its status says why.
absl::Status CallEnded() { return absl::AbortedError("the call ended"); }

}  // namespace

std::optional<StreamingRoute> Gateway::RouteStream(const HttpRequestHeader& request,
                                                   const std::string& peer) {
  const absl::string_view target(request.target().data(), request.target().size());
  const size_t q = target.find('?');
  const absl::string_view path = target.substr(0, q);
  if (!absl::StartsWith(path, "/v1/")) return std::nullopt;
  bool path_matched = false;
  std::optional<RouteMatch> match =
      routes_.Find(std::string(request.method_string()), path, &path_matched);
  if (!match || (!match->route->client_streaming && !match->route->server_streaming)) {
    return std::nullopt;
  }
  StreamingRoute route;
  route.max_body_bytes = match->route->client_streaming ? options_.max_upload_bytes : 64 * 1024;
  route.handle = [this, match = *std::move(match),
                  query = std::string(q == absl::string_view::npos ? "" : target.substr(q + 1)),
                  client = ClientAddress(request, peer)](HttpStream& stream) {
    HandleStream(stream, match, query, client);
  };
  return route;
}

void Gateway::HandleStream(HttpStream& stream, const RouteMatch& match, const std::string& query,
                           const std::string& client) {
  metrics_.Start();
  const absl::Time start = absl::Now();
  const std::string request_id = NewRequestId();
  const HttpRequestHeader& request = stream.request();
  const Route& route = *match.route;
  std::optional<HttpResponse> response;
  std::variant<CallSetup, HttpResponse> admitted = Admit(request, route, client, request_id);
  if (auto* refused = std::get_if<HttpResponse>(&admitted)) {
    response = std::move(*refused);
  } else if (route.client_streaming) {
    response = Upload(stream, match, query, std::get<CallSetup>(admitted));
  } else if (route.is_download()) {
    response = Download(stream, match, query, std::get<CallSetup>(admitted));
  } else {
    response = ServeEvents(stream, match, query, std::get<CallSetup>(admitted));
  }
  int status = 200;  // a streamed answer
  if (response) {
    Decorate(request, request_id, *response);
    status = response->result_int();
    stream.Respond(*std::move(response)).IgnoreError();  // the client may be gone
  }
  metrics_.Finish({absl::StrCat(route.http_method, " ", route.path.text()), std::to_string(status)},
                  absl::Now() - start);
}

std::optional<HttpResponse> Gateway::Upload(HttpStream& stream, const RouteMatch& match,
                                            const std::string& query, const CallSetup& setup) {
  const HttpRequestHeader& request = stream.request();
  const Route& route = *match.route;
  const std::string& id = setup.request_id;
  absl::StatusOr<std::string> boundary = MultipartBoundary(HeaderValue(request, "Content-Type"));
  if (!boundary.ok()) return JsonError(request, 3, boundary.status().message(), id, 415);
  // The first message: path variables and query parameters, then the form's fields.
  absl::StatusOr<std::unique_ptr<Message>> first = transcoder_.BuildRequest(match, query, "");
  if (!first.ok()) return JsonError(request, 3, first.status().message(), id);
  const google::protobuf::Descriptor* input = route.method->input_type();
  Message* metadata = (*first)->GetReflection()->MutableMessage(
      first->get(), input->FindFieldByName(route.streaming.metadata_field()));
  const FieldDescriptor* chunk_field = input->FindFieldByName(route.streaming.chunk_field());

  grpc::ClientContext context;
  PrepareContext(setup, context);
  std::optional<GrpcStream> call;
  MultipartPart part;
  bool file_seen = false;
  std::string field_value, chunk;
  const auto send_chunk = [&]() -> absl::Status {
    std::unique_ptr<Message> message(transcoder_.NewRequest(route));
    message->GetReflection()->SetString(message.get(), chunk_field, std::move(chunk));
    chunk.clear();
    return call->Write(message->SerializeAsString()) ? absl::OkStatus() : CallEnded();
  };
  MultipartParser parser(
      *boundary,
      {.part = [&](const MultipartPart& p) -> absl::Status {
         part = p;
         field_value.clear();
         if (!part.is_file) {
           if (file_seen) {
             return absl::InvalidArgumentError("form fields must come before the file");
           }
           return absl::OkStatus();
         }
         if (file_seen) return absl::InvalidArgumentError("send one file per upload");
         file_seen = true;
         if (!part.filename.empty() && FieldText(*metadata, "filename").empty()) {
           SetFieldFromText(*metadata, "filename", part.filename).IgnoreError();
         }
         call.emplace(*stub_, context, route.grpc_path(), [&stream] { return stream.abandoned(); });
         return call->Write((*first)->SerializeAsString()) ? absl::OkStatus() : CallEnded();
       },
       .data = [&](absl::string_view data) -> absl::Status {
         if (part.is_file) {
           chunk.append(data.data(), data.size());
           return chunk.size() >= kUploadChunkBytes ? send_chunk() : absl::OkStatus();
         }
         field_value.append(data.data(), data.size());
         if (field_value.size() > kMaxFormFieldBytes) {
           return absl::InvalidArgumentError(
               absl::StrCat("form field ", part.name, " is longer than 64 KiB"));
         }
         return absl::OkStatus();
       },
       .part_end = [&]() -> absl::Status {
         if (part.is_file) return chunk.empty() ? absl::OkStatus() : send_chunk();
         absl::Status set = SetFieldFromText(*metadata, part.name, field_value);
         if (set.ok()) return set;
         return absl::InvalidArgumentError(
             absl::StrCat("form field ", part.name, ": ", set.message()));
       }});

  absl::Status status;
  while (status.ok()) {
    absl::StatusOr<std::string> piece = stream.ReadBody();
    if (!piece.ok()) {
      status = piece.status();
    } else if (piece->empty()) {
      status = parser.Finish();
      break;
    } else {
      status = parser.Feed(*piece);
    }
  }
  if (status.ok() && !file_seen) {
    status = absl::InvalidArgumentError(
        "the form has no file part (Content-Disposition: form-data; name=\"file\"; filename=...)");
  }
  if (absl::IsOutOfRange(status)) {
    return JsonError(
        request, 8, absl::StrCat("the upload is larger than ", options_.max_upload_bytes, " bytes"),
        id, 413);
  }
  if (!status.ok() && !absl::IsAborted(status)) {
    return JsonError(request, 3, status.message(), id);  // the call (if any) is cancelled
  }
  std::string reply;
  if (status.ok() && call->WritesDone() && call->Read(&reply) == GrpcStream::ReadResult::kMessage) {
    grpc::Status finished = call->Finish();
    if (finished.ok()) return RenderReply(request, route, reply, id);
    return GrpcError(request, finished, id);
  }
  return GrpcError(request, call->Finish(), id);
}

std::optional<HttpResponse> Gateway::Download(HttpStream& stream, const RouteMatch& match,
                                              const std::string& query, const CallSetup& setup) {
  const HttpRequestHeader& request = stream.request();
  const Route& route = *match.route;
  const std::string& id = setup.request_id;
  absl::StatusOr<std::unique_ptr<Message>> message = transcoder_.BuildRequest(match, query, "");
  if (!message.ok()) return JsonError(request, 3, message.status().message(), id);
  grpc::ClientContext context;
  PrepareContext(setup, context);
  GrpcStream call(*stub_, context, route.grpc_path(), [&stream] { return stream.abandoned(); });
  call.Write((*message)->SerializeAsString());
  call.WritesDone();

  std::string bytes;
  std::unique_ptr<Message> reply = transcoder_.NewResponse(route);
  if (call.Read(&bytes) != GrpcStream::ReadResult::kMessage) {
    grpc::Status status = call.Finish();
    if (!status.ok()) return GrpcError(request, status, id);
    return JsonError(request, 13, "the server sent no file", id);
  }
  const FieldDescriptor* metadata_field =
      reply->GetDescriptor()->FindFieldByName(route.streaming.metadata_field());
  const FieldDescriptor* chunk_field =
      reply->GetDescriptor()->FindFieldByName(route.streaming.chunk_field());
  if (!reply->ParseFromString(bytes) || !reply->GetReflection()->HasField(*reply, metadata_field)) {
    return JsonError(request, 13, "the server's first message carries no file metadata", id);
  }
  const Message& metadata = reply->GetReflection()->GetMessage(*reply, metadata_field);
  HttpResponseHeader header;
  header.version(request.version());
  header.result(http::status::ok);
  const std::string content_type = FieldText(metadata, "content_type");
  header.set(http::field::content_type,
             content_type.empty() ? "application/octet-stream" : content_type);
  header.set(http::field::content_disposition, ContentDisposition(FieldText(metadata, "filename")));
  header.set(http::field::cache_control, "private, no-store");
  Decorate(request, id, header);
  // Never run what was uploaded as a page of ours, even if a browser is asked to show it.
  header.set("Content-Security-Policy", "sandbox; default-src 'none'");
  if (!stream.StartChunked(std::move(header)).ok()) return std::nullopt;
  while (true) {
    const GrpcStream::ReadResult read = call.Read(&bytes);
    if (read == GrpcStream::ReadResult::kEnd) break;
    if (!reply->ParseFromString(bytes)) {
      stream.Abort();
      return std::nullopt;
    }
    const std::string data = reply->GetReflection()->GetString(*reply, chunk_field);
    if (!stream.WriteChunk(data).ok()) return std::nullopt;
  }
  if (call.Finish().ok()) {
    stream.FinishChunked().IgnoreError();
  } else {
    stream.Abort();  // the client sees a body cut short, never a complete-looking file
  }
  return std::nullopt;
}

std::optional<HttpResponse> Gateway::ServeEvents(HttpStream& stream, const RouteMatch& match,
                                                 const std::string& query, const CallSetup& setup) {
  const HttpRequestHeader& request = stream.request();
  const Route& route = *match.route;
  const std::string& id = setup.request_id;
  absl::StatusOr<std::unique_ptr<Message>> message = transcoder_.BuildRequest(match, query, "");
  if (!message.ok()) return JsonError(request, 3, message.status().message(), id);
  const std::string last_event_id = HeaderValue(request, "Last-Event-ID");
  if (!route.streaming.resume_field().empty() && !last_event_id.empty()) {
    absl::Status set = SetFieldFromText(**message, route.streaming.resume_field(), last_event_id);
    if (!set.ok()) {
      return JsonError(request, 3, absl::StrCat("Last-Event-ID: ", set.message()), id);
    }
  }
  grpc::ClientContext context;
  PrepareContext(setup, context);
  GrpcStream call(*stub_, context, route.grpc_path(), [&stream] { return stream.abandoned(); });
  call.Write((*message)->SerializeAsString());
  call.WritesDone();

  std::string bytes;
  GrpcStream::ReadResult read = call.Read(&bytes, absl::Now() + kEventsSettle);
  if (read == GrpcStream::ReadResult::kEnd) {
    grpc::Status status = call.Finish();
    if (!status.ok()) return GrpcError(request, status, id);
  }
  HttpResponseHeader header;
  header.version(request.version());
  header.result(http::status::ok);
  header.set(http::field::content_type, "text/event-stream");
  header.set(http::field::cache_control, "no-store");
  header.set("X-Accel-Buffering", "no");  // proxies such as nginx: pass events on at once
  Decorate(request, id, header);
  if (!stream.StartChunked(std::move(header)).ok()) return std::nullopt;
  // Clients reconnect after 3 s if the connection drops.
  if (!stream.WriteChunk("retry: 3000\n\n").ok()) return std::nullopt;
  std::unique_ptr<Message> reply = transcoder_.NewResponse(route);
  absl::Time last_write = absl::Now();
  while (read != GrpcStream::ReadResult::kEnd) {
    std::string event;
    if (read == GrpcStream::ReadResult::kMessage) {
      absl::StatusOr<std::string> json = reply->ParseFromString(bytes)
                                             ? transcoder_.ResponseToJson(route, *reply)
                                             : absl::InternalError("undecodable reply");
      if (!json.ok()) {
        stream.Abort();
        return std::nullopt;
      }
      if (!route.streaming.event_id_field().empty()) {
        absl::StrAppend(&event, "id: ", FieldText(*reply, route.streaming.event_id_field()), "\n");
      }
      absl::StrAppend(&event, "data: ", *json, "\n\n");
    } else if (stream.stopping()) {
      break;  // the client reconnects, to another gateway if this one is gone
    } else if (absl::Now() - last_write >= options_.sse_heartbeat) {
      event = ": heartbeat\n\n";
    }
    if (!event.empty()) {
      if (!stream.WriteChunk(event).ok()) return std::nullopt;  // the client left: cancel
      last_write = absl::Now();
    }
    // Wake at least every second to notice a shutdown.
    read = call.Read(&bytes,
                     std::min(last_write + options_.sse_heartbeat, absl::Now() + absl::Seconds(1)));
  }
  if (read == GrpcStream::ReadResult::kEnd) {
    const grpc::Status status = call.Finish();
    if (!status.ok()) {
      const std::string error = ErrorBody(static_cast<int>(status.error_code()),
                                          status.error_message(), status.error_details(), id);
      if (!stream.WriteChunk(absl::StrCat("event: error\ndata: ", error, "\n\n")).ok()) {
        return std::nullopt;
      }
    }
  }
  stream.FinishChunked().IgnoreError();
  return std::nullopt;
}

}  // namespace cim::gateway
