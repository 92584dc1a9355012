#include "portal-gateway/transcode/route_table.h"

#include <google/protobuf/descriptor.pb.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "google/api/annotations.pb.h"

namespace cim::gateway {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::MethodDescriptor;

// A method's options re-parsed against the linked (generated) extensions, so that
// google.api.http and cim.v1 options read the same from any descriptor pool.
google::protobuf::MethodOptions OptionsOf(const MethodDescriptor* method) {
  google::protobuf::MethodOptions options;
  options.ParseFromString(method->options().SerializeAsString());
  return options;
}

// A field of `message` named `name` of `type` (a message field if type is TYPE_MESSAGE),
// singular. INVALID_ARGUMENT naming the option otherwise.
absl::Status CheckField(const Descriptor* message, const std::string& name,
                        absl::string_view option, bool want_message, bool want_bytes) {
  const FieldDescriptor* f = message->FindFieldByName(name);
  const bool ok = f != nullptr && !f->is_repeated() &&
                  (!want_message || f->type() == FieldDescriptor::TYPE_MESSAGE) &&
                  (!want_bytes || f->type() == FieldDescriptor::TYPE_BYTES) &&
                  (want_message || f->type() != FieldDescriptor::TYPE_MESSAGE);
  if (ok) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat("http_streaming.", option, " \"", name,
                                                 "\" is not a singular ",
                                                 want_message ? "message"
                                                 : want_bytes ? "bytes"
                                                              : "scalar",
                                                 " field of ", message->full_name()));
}

// Whether the route's streaming options fit its method.
absl::Status CheckStreaming(const Route& route) {
  const cim::v1::HttpStreaming& s = route.streaming;
  const bool file = !s.metadata_field().empty() || !s.chunk_field().empty();
  const bool events = !s.event_id_field().empty() || !s.resume_field().empty();
  if (!route.client_streaming && !route.server_streaming) {
    if (file || events) return absl::InvalidArgumentError("http_streaming on a unary RPC");
    return absl::OkStatus();
  }
  if (route.client_streaming && route.server_streaming) {
    return absl::InvalidArgumentError("bidirectional streaming cannot be carried over HTTP/1.1");
  }
  if (route.client_streaming && !file) {
    return absl::InvalidArgumentError(
        "client streaming needs http_streaming.metadata_field and chunk_field (an upload)");
  }
  if (file && events) {
    return absl::InvalidArgumentError("http_streaming: a file transfer has no events to resume");
  }
  const Descriptor* carrier =
      route.client_streaming ? route.method->input_type() : route.method->output_type();
  if (file) {
    absl::Status st = CheckField(carrier, s.metadata_field(), "metadata_field", true, false);
    if (st.ok()) st = CheckField(carrier, s.chunk_field(), "chunk_field", false, true);
    return st;
  }
  if (s.event_id_field().empty() != s.resume_field().empty()) {
    return absl::InvalidArgumentError(
        "http_streaming: event_id_field and resume_field go together");
  }
  if (!events) return absl::OkStatus();
  absl::Status st =
      CheckField(route.method->output_type(), s.event_id_field(), "event_id_field", false, false);
  if (st.ok()) {
    st = CheckField(route.method->input_type(), s.resume_field(), "resume_field", false, false);
  }
  return st;
}

absl::Status AddRule(const MethodDescriptor* method, const google::protobuf::MethodOptions& options,
                     const google::api::HttpRule& rule, std::vector<Route>& out) {
  Route route;
  route.method = method;
  std::string path;
  switch (rule.pattern_case()) {
    case google::api::HttpRule::kGet:
      route.http_method = "GET";
      path = rule.get();
      break;
    case google::api::HttpRule::kPut:
      route.http_method = "PUT";
      path = rule.put();
      break;
    case google::api::HttpRule::kPost:
      route.http_method = "POST";
      path = rule.post();
      break;
    case google::api::HttpRule::kDelete:
      route.http_method = "DELETE";
      path = rule.delete_();
      break;
    case google::api::HttpRule::kPatch:
      route.http_method = "PATCH";
      path = rule.patch();
      break;
    case google::api::HttpRule::kCustom:
      route.http_method = rule.custom().kind();
      path = rule.custom().path();
      break;
    default:
      return absl::InvalidArgumentError(
          absl::StrCat(method->full_name(), ": google.api.http rule without a pattern"));
  }
  auto tmpl = PathTemplate::Parse(path);
  if (!tmpl.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(method->full_name(), ": ", tmpl.status().message()));
  }
  route.path = *std::move(tmpl);
  const Descriptor* input = method->input_type();
  for (const std::string& var : route.path.variables()) {
    const FieldDescriptor* f = FindFieldPath(input, var);
    if (f == nullptr || f->is_repeated() || f->type() == FieldDescriptor::TYPE_MESSAGE) {
      return absl::InvalidArgumentError(absl::StrCat(method->full_name(), ": path variable \"", var,
                                                     "\" is not a singular scalar field of ",
                                                     input->full_name()));
    }
  }
  route.body = rule.body();
  if (!route.body.empty() && route.body != "*" && input->FindFieldByName(route.body) == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat(method->full_name(), ": body \"", route.body, "\" is not a field"));
  }
  route.response_body = rule.response_body();
  if (!route.response_body.empty() &&
      method->output_type()->FindFieldByName(route.response_body) == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(method->full_name(), ": response_body \"",
                                                   route.response_body, "\" is not a field"));
  }
  route.session = options.GetExtension(cim::v1::session);
  route.anonymous = options.GetExtension(cim::v1::anonymous);
  route.client_streaming = method->client_streaming();
  route.server_streaming = method->server_streaming();
  route.streaming = options.GetExtension(cim::v1::http_streaming);
  if (absl::Status st = CheckStreaming(route); !st.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(method->full_name(), ": ", st.message()));
  }
  out.push_back(std::move(route));
  return absl::OkStatus();
}

}  // namespace

const google::protobuf::FieldDescriptor* FindFieldPath(const google::protobuf::Descriptor* message,
                                                       absl::string_view path) {
  const google::protobuf::FieldDescriptor* field = nullptr;
  for (absl::string_view part : absl::StrSplit(path, '.')) {
    if (message == nullptr) return nullptr;
    field = message->FindFieldByName(std::string(part));
    if (field == nullptr) return nullptr;
    message = field->type() == google::protobuf::FieldDescriptor::TYPE_MESSAGE
                  ? field->message_type()
                  : nullptr;
  }
  return field;
}

std::string Route::grpc_path() const {
  return absl::StrCat("/", method->service()->full_name(), "/", method->name());
}

absl::StatusOr<RouteTable> RouteTable::Build(
    const std::vector<const google::protobuf::FileDescriptor*>& files) {
  RouteTable table;
  for (const google::protobuf::FileDescriptor* file : files) {
    for (int s = 0; s < file->service_count(); ++s) {
      const google::protobuf::ServiceDescriptor* service = file->service(s);
      for (int i = 0; i < service->method_count(); ++i) {
        const MethodDescriptor* method = service->method(i);
        const google::protobuf::MethodOptions options = OptionsOf(method);
        if (!options.HasExtension(google::api::http)) continue;
        const google::api::HttpRule& rule = options.GetExtension(google::api::http);
        absl::Status st = AddRule(method, options, rule, table.routes_);
        for (const google::api::HttpRule& extra : rule.additional_bindings()) {
          if (!st.ok()) break;
          st = AddRule(method, options, extra, table.routes_);
        }
        if (!st.ok()) return st;
      }
    }
  }
  std::map<std::string, const Route*> seen;
  for (const Route& r : table.routes_) {
    const std::string key = absl::StrCat(r.http_method, " ", r.path.shape());
    auto [it, inserted] = seen.emplace(key, &r);
    if (!inserted) {
      return absl::InvalidArgumentError(
          absl::StrCat("annotations collide: ", it->second->method->full_name(), " and ",
                       r.method->full_name(), " both map ", r.http_method, " ", r.path.text()));
    }
  }
  // Routes with a custom verb first: "/v1/boards/{id}:watch" must not be taken for
  // "/v1/boards/{id}" with id "7:watch".
  std::stable_partition(table.routes_.begin(), table.routes_.end(),
                        [](const Route& r) { return r.path.has_verb(); });
  return table;
}

absl::StatusOr<ApiDescriptors> LoadDescriptorSet(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read descriptor set ", path));
  google::protobuf::FileDescriptorSet set;
  if (!set.ParseFromIstream(&in)) {
    return absl::InvalidArgumentError(absl::StrCat("malformed descriptor set ", path));
  }
  ApiDescriptors api;
  api.pool = std::make_unique<google::protobuf::DescriptorPool>();
  for (const google::protobuf::FileDescriptorProto& file : set.file()) {
    const google::protobuf::FileDescriptor* built = api.pool->BuildFile(file);
    if (built == nullptr) {
      return absl::InvalidArgumentError(absl::StrCat("cannot build ", file.name(), " from ", path));
    }
    api.files.push_back(built);
  }
  return api;
}

std::optional<RouteMatch> RouteTable::Find(absl::string_view http_method, absl::string_view path,
                                           bool* path_matched) const {
  *path_matched = false;
  for (const Route& r : routes_) {
    auto bindings = r.path.Match(path);
    if (!bindings) continue;
    if (r.http_method != http_method) {
      *path_matched = true;
      continue;
    }
    return RouteMatch{&r, *std::move(bindings)};
  }
  return std::nullopt;
}

std::string RouteTable::AllowedMethods(absl::string_view path) const {
  std::set<std::string> methods;
  for (const Route& r : routes_) {
    if (r.path.Match(path)) methods.insert(r.http_method);
  }
  return absl::StrJoin(methods, ", ");
}

}  // namespace cim::gateway
