#include "portal-gateway/transcode/transcoder.h"

#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/type_resolver_util.h>

#include <optional>
#include <set>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/mutex.h"
#include "lib/json_text.h"
#include "lib/status_util.h"

namespace cim::gateway {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

absl::Status Invalid(absl::string_view what) { return absl::InvalidArgumentError(what); }

std::string StatusText(const google::protobuf::util::Status& st) {
  return std::string(st.message());
}

constexpr char kTypeUrlPrefix[] = "type.googleapis.com";

// Responses print every field, defaults included, so clients need not know proto3's defaults.
google::protobuf::util::JsonPrintOptions WithDefaults() {
  google::protobuf::util::JsonPrintOptions options;
  options.always_print_primitive_fields = true;
  return options;
}

// Resolves each type once: later lookups copy the answer (building a type from its descriptor
// costs more than the JSON conversion it serves).
class CachingTypeResolver final : public google::protobuf::util::TypeResolver {
 public:
  explicit CachingTypeResolver(const google::protobuf::DescriptorPool* pool)
      : resolver_(google::protobuf::util::NewTypeResolverForDescriptorPool(kTypeUrlPrefix, pool)) {}

  google::protobuf::util::Status ResolveMessageType(const std::string& type_url,
                                                    google::protobuf::Type* type) override {
    return Resolve(type_url, type, messages_, &TypeResolver::ResolveMessageType);
  }
  google::protobuf::util::Status ResolveEnumType(const std::string& type_url,
                                                 google::protobuf::Enum* type) override {
    return Resolve(type_url, type, enums_, &TypeResolver::ResolveEnumType);
  }

 private:
  template <typename T>
  using Cache = absl::flat_hash_map<std::string, T>;

  template <typename T>
  google::protobuf::util::Status Resolve(
      const std::string& type_url, T* type, Cache<T>& cache,
      google::protobuf::util::Status (TypeResolver::*resolve)(const std::string&, T*)) {
    {
      absl::ReaderMutexLock lock(&mu_);
      if (auto it = cache.find(type_url); it != cache.end()) {
        *type = it->second;
        return google::protobuf::util::Status();
      }
    }
    google::protobuf::util::Status status = (resolver_.get()->*resolve)(type_url, type);
    if (status.ok()) {
      absl::MutexLock lock(&mu_);
      cache.emplace(type_url, *type);
    }
    return status;
  }

  const std::unique_ptr<TypeResolver> resolver_;
  absl::Mutex mu_;
  Cache<google::protobuf::Type> messages_ ABSL_GUARDED_BY(mu_);
  Cache<google::protobuf::Enum> enums_ ABSL_GUARDED_BY(mu_);
};

// Query strings use '+' for spaces.
std::optional<std::string> QueryDecode(absl::string_view s) {
  std::string plus_as_space(s);
  for (char& c : plus_as_space) {
    if (c == '+') c = ' ';
  }
  return PercentDecode(plus_as_space);
}

// The proto-name form ("partner.parent_partner_id") of a field path written with proto or JSON
// names; nullopt if a part names no field.
std::optional<std::string> CanonicalFieldPath(const Descriptor* message, absl::string_view path) {
  std::string out;
  for (absl::string_view part : absl::StrSplit(path, '.')) {
    if (message == nullptr) return std::nullopt;
    const FieldDescriptor* f = message->FindFieldByName(std::string(part));
    if (f == nullptr) f = message->FindFieldByCamelcaseName(std::string(part));
    if (f == nullptr) return std::nullopt;
    if (!out.empty()) out += '.';
    out += f->name();
    message = f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE ? f->message_type() : nullptr;
  }
  return out;
}

}  // namespace

absl::Status SetFieldFromText(Message& root, absl::string_view path, absl::string_view text) {
  Message* message = &root;
  std::vector<std::string> parts = absl::StrSplit(path, '.');
  for (size_t i = 0; i < parts.size(); ++i) {
    const Descriptor* d = message->GetDescriptor();
    const FieldDescriptor* f = d->FindFieldByName(parts[i]);
    if (f == nullptr) f = d->FindFieldByCamelcaseName(parts[i]);
    if (f == nullptr) {
      return Invalid(
          absl::StrCat("unknown field \"", path, "\" in ", root.GetDescriptor()->name()));
    }
    const Reflection* r = message->GetReflection();
    const bool last = i + 1 == parts.size();
    if (f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      if (f->is_map()) return Invalid(absl::StrCat("map field \"", path, "\" cannot be set here"));
      if (last) {
        // Well-known types and any message given as text: parse its JSON string form.
        Message* target =
            f->is_repeated() ? r->AddMessage(message, f) : r->MutableMessage(message, f);
        google::protobuf::util::JsonParseOptions options;
        auto st = google::protobuf::util::JsonStringToMessage(JsonString(text), target, options);
        if (!st.ok()) {
          return Invalid(absl::StrCat("bad value for \"", path, "\": ", StatusText(st)));
        }
        return absl::OkStatus();
      }
      if (f->is_repeated()) {
        return Invalid(absl::StrCat("\"", path, "\" goes through a repeated field"));
      }
      message = r->MutableMessage(message, f);
      continue;
    }
    if (!last) return Invalid(absl::StrCat("\"", path, "\": ", parts[i], " is not a message"));
    const bool rep = f->is_repeated();
    auto bad = [&](absl::string_view type) {
      return Invalid(absl::StrCat("\"", path, "\" must be ", type, ", got \"", text, "\""));
    };
    switch (f->cpp_type()) {
      case FieldDescriptor::CPPTYPE_STRING:
        if (f->type() == FieldDescriptor::TYPE_BYTES)
          return Invalid(absl::StrCat("bytes field \"", path, "\" cannot be set here"));
        rep ? r->AddString(message, f, std::string(text))
            : r->SetString(message, f, std::string(text));
        break;
      case FieldDescriptor::CPPTYPE_INT64: {
        int64_t v;
        if (!absl::SimpleAtoi(text, &v)) return bad("an integer");
        rep ? r->AddInt64(message, f, v) : r->SetInt64(message, f, v);
        break;
      }
      case FieldDescriptor::CPPTYPE_UINT64: {
        uint64_t v;
        if (!absl::SimpleAtoi(text, &v)) return bad("an unsigned integer");
        rep ? r->AddUInt64(message, f, v) : r->SetUInt64(message, f, v);
        break;
      }
      case FieldDescriptor::CPPTYPE_INT32: {
        int32_t v;
        if (!absl::SimpleAtoi(text, &v)) return bad("a 32-bit integer");
        rep ? r->AddInt32(message, f, v) : r->SetInt32(message, f, v);
        break;
      }
      case FieldDescriptor::CPPTYPE_UINT32: {
        uint32_t v;
        if (!absl::SimpleAtoi(text, &v)) return bad("an unsigned 32-bit integer");
        rep ? r->AddUInt32(message, f, v) : r->SetUInt32(message, f, v);
        break;
      }
      case FieldDescriptor::CPPTYPE_DOUBLE:
      case FieldDescriptor::CPPTYPE_FLOAT: {
        double v;
        if (!absl::SimpleAtod(text, &v)) return bad("a number");
        if (f->cpp_type() == FieldDescriptor::CPPTYPE_FLOAT) {
          rep ? r->AddFloat(message, f, static_cast<float>(v))
              : r->SetFloat(message, f, static_cast<float>(v));
        } else {
          rep ? r->AddDouble(message, f, v) : r->SetDouble(message, f, v);
        }
        break;
      }
      case FieldDescriptor::CPPTYPE_BOOL: {
        bool v;
        if (text == "true" || text == "1")
          v = true;
        else if (text == "false" || text == "0")
          v = false;
        else
          return bad("true or false");
        rep ? r->AddBool(message, f, v) : r->SetBool(message, f, v);
        break;
      }
      case FieldDescriptor::CPPTYPE_ENUM: {
        const auto* e = f->enum_type()->FindValueByName(std::string(text));
        int number;
        if (e == nullptr && absl::SimpleAtoi(text, &number)) {
          e = f->enum_type()->FindValueByNumber(number);
        }
        if (e == nullptr) return bad(absl::StrCat("a ", f->enum_type()->name(), " value"));
        rep ? r->AddEnum(message, f, e) : r->SetEnum(message, f, e);
        break;
      }
      default:
        return Invalid(absl::StrCat("\"", path, "\" cannot be set here"));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<Message>> Transcoder::BuildRequest(const RouteMatch& match,
                                                                  absl::string_view query,
                                                                  absl::string_view body) {
  const Route& route = *match.route;
  std::unique_ptr<Message> request(factory_.GetPrototype(route.method->input_type())->New());
  google::protobuf::util::JsonParseOptions json_options;
  json_options.ignore_unknown_fields = false;

  const bool has_body = !absl::StripAsciiWhitespace(body).empty();
  if (!route.body.empty() && has_body) {
    Message* target = request.get();
    if (route.body != "*") {
      const FieldDescriptor* f = request->GetDescriptor()->FindFieldByName(route.body);
      if (f->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE || f->is_repeated()) {
        // A scalar or repeated body field: wrap it so the JSON parser does the work.
        auto st = google::protobuf::util::JsonStringToMessage(
            absl::StrCat("{\"", f->json_name(), "\":", body, "}"), request.get(), json_options);
        if (!st.ok()) return Invalid(absl::StrCat("invalid JSON body: ", StatusText(st)));
        target = nullptr;
      } else {
        target = request->GetReflection()->MutableMessage(request.get(), f);
      }
    }
    if (target != nullptr) {
      auto st =
          google::protobuf::util::JsonStringToMessage(std::string(body), target, json_options);
      if (!st.ok()) return Invalid(absl::StrCat("invalid JSON body: ", StatusText(st)));
    }
  }

  for (const auto& [path, value] : match.bindings) {
    absl::Status st = SetFieldFromText(*request, path, value);
    if (!st.ok()) return Invalid(absl::StrCat("bad path: ", st.message()));
  }

  if (!query.empty()) {
    if (route.body == "*") {
      return Invalid("query parameters are not accepted here: the whole request is the JSON body");
    }
    std::set<std::string> bound, given;
    for (const auto& [path, value] : match.bindings) bound.insert(path);
    for (absl::string_view pair : absl::StrSplit(query, '&', absl::SkipEmpty())) {
      const size_t eq = pair.find('=');
      auto key = QueryDecode(pair.substr(0, eq));
      auto value = QueryDecode(eq == absl::string_view::npos ? "" : pair.substr(eq + 1));
      if (!key || !value) return Invalid(absl::StrCat("malformed query parameter \"", pair, "\""));
      // A query parameter may not override what the path or the body already sets.
      const std::optional<std::string> field = CanonicalFieldPath(request->GetDescriptor(), *key);
      if (field && (bound.count(*field) ||
                    (!route.body.empty() &&
                     (*field == route.body || absl::StartsWith(*field, route.body + "."))))) {
        return Invalid(
            absl::StrCat("query parameter \"", *key, "\" is already set by the path or body"));
      }
      // A field that holds one value takes one parameter: "?status=A&status=B" is refused
      // rather than silently keeping one of them.
      const google::protobuf::FieldDescriptor* target =
          field ? FindFieldPath(request->GetDescriptor(), *field) : nullptr;
      if (target != nullptr && !target->is_repeated() && !given.insert(*field).second) {
        return Invalid(absl::StrCat("query parameter \"", *key,
                                    "\" is given more than once; it takes one value"));
      }
      absl::Status st = SetFieldFromText(*request, *key, *value);
      if (!st.ok()) return Invalid(absl::StrCat("bad query parameter: ", st.message()));
    }
  }
  return request;
}

std::unique_ptr<Message> Transcoder::NewRequest(const Route& route) {
  return std::unique_ptr<Message>(factory_.GetPrototype(route.method->input_type())->New());
}

std::unique_ptr<Message> Transcoder::NewResponse(const Route& route) {
  return std::unique_ptr<Message>(factory_.GetPrototype(route.method->output_type())->New());
}

absl::StatusOr<std::string> Transcoder::BytesToJson(
    const Descriptor* type, const std::string& bytes,
    const google::protobuf::util::JsonPrintOptions& options) {
  std::call_once(resolver_once_,
                 [&] { resolver_ = std::make_unique<CachingTypeResolver>(type->file()->pool()); });
  std::string out;
  auto st = google::protobuf::util::BinaryToJsonString(
      resolver_.get(), absl::StrCat(kTypeUrlPrefix, "/", type->full_name()), bytes, &out, options);
  if (!st.ok()) {
    return absl::InternalError(
        absl::StrCat("the server's reply could not be rendered as JSON: ", StatusText(st)));
  }
  return out;
}

absl::StatusOr<std::string> Transcoder::ResponseBytesToJson(const Route& route,
                                                            const std::string& bytes) {
  if (!route.response_body.empty()) {
    std::unique_ptr<Message> response = NewResponse(route);
    if (!response->ParseFromString(bytes)) {
      return absl::InternalError("the server's reply could not be decoded");
    }
    return ResponseToJson(route, *response);
  }
  // The bytes are not parsed first: protobuf's stream converter is laxer than a parse about
  // malformed input, which the server (trusted) does not send.
  return BytesToJson(route.method->output_type(), bytes, WithDefaults());
}

absl::StatusOr<std::string> Transcoder::ResponseToJson(const Route& route,
                                                       const Message& response) {
  const Message* target = &response;
  if (!route.response_body.empty()) {
    const FieldDescriptor* f = response.GetDescriptor()->FindFieldByName(route.response_body);
    if (f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE && !f->is_repeated()) {
      target = &response.GetReflection()->GetMessage(response, f);
    } else {
      // Print the whole message and cut the field out of it.
      std::unique_ptr<Message> only(response.New());
      only->CopyFrom(response);
      std::vector<const FieldDescriptor*> fields;
      only->GetReflection()->ListFields(*only, &fields);
      for (const FieldDescriptor* other : fields) {
        if (other != f) only->GetReflection()->ClearField(only.get(), other);
      }
      // Printed sparsely: just the one field, if set.
      CIM_ASSIGN_OR_RETURN(const std::string whole,
                           BytesToJson(only->GetDescriptor(), only->SerializeAsString(), {}));
      const std::string prefix = absl::StrCat("{\"", f->json_name(), "\":");
      if (!absl::StartsWith(whole, prefix)) {
        if (f->is_repeated()) return std::string("[]");
        if (f->cpp_type() == FieldDescriptor::CPPTYPE_STRING) return std::string("\"\"");
        if (f->cpp_type() == FieldDescriptor::CPPTYPE_BOOL) return std::string("false");
        return std::string("0");
      }
      return whole.substr(prefix.size(), whole.size() - prefix.size() - 1);
    }
  }
  return BytesToJson(target->GetDescriptor(), target->SerializeAsString(), WithDefaults());
}

}  // namespace cim::gateway
