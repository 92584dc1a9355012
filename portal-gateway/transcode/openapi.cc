#include "portal-gateway/transcode/openapi.h"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include <map>
#include <set>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace cim::gateway {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::EnumDescriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Struct;
using google::protobuf::Value;

// Nested messages are offered as query parameters down to this depth ("a.b.c").
constexpr int kQueryDepth = 3;

Value& At(Struct& object, const std::string& key) { return (*object.mutable_fields())[key]; }
Struct& ObjectAt(Struct& object, const std::string& key) {
  return *At(object, key).mutable_struct_value();
}
void SetString(Struct& object, const std::string& key, const std::string& text) {
  At(object, key).set_string_value(text);
}
Struct& Append(Value& list) {
  return *list.mutable_list_value()->add_values()->mutable_struct_value();
}

std::string SchemaRef(const Descriptor* message) {
  return absl::StrCat("#/components/schemas/", message->full_name());
}

// Schemas of the well-known types, which JSON writes as plain values. False for other types.
bool WellKnownSchema(const Descriptor* message, Struct& schema) {
  const std::string& name = message->full_name();
  const auto set = [&](const char* type, const char* format = nullptr) {
    SetString(schema, "type", type);
    if (format != nullptr) SetString(schema, "format", format);
    return true;
  };
  if (name == "google.protobuf.Timestamp") return set("string", "date-time");
  if (name == "google.protobuf.Duration") {
    SetString(schema, "description", "seconds with up to 9 fraction digits and an 's', e.g. 1.5s");
    return set("string");
  }
  if (name == "google.protobuf.FieldMask") {
    SetString(schema, "description", "field paths in lowerCamelCase, comma-separated");
    return set("string");
  }
  if (name == "google.protobuf.Struct" || name == "google.protobuf.Empty") return set("object");
  if (name == "google.protobuf.ListValue") {
    ObjectAt(schema, "items");
    return set("array");
  }
  if (name == "google.protobuf.Value") return true;  // any JSON value
  if (name == "google.protobuf.Any") {
    SetString(ObjectAt(ObjectAt(schema, "properties"), "@type"), "type", "string");
    return set("object");
  }
  if (name == "google.protobuf.DoubleValue" || name == "google.protobuf.FloatValue") {
    return set("number");
  }
  if (name == "google.protobuf.Int64Value") return set("string", "int64");
  if (name == "google.protobuf.UInt64Value") return set("string", "uint64");
  if (name == "google.protobuf.Int32Value") return set("integer", "int32");
  if (name == "google.protobuf.UInt32Value") return set("integer", "uint32");
  if (name == "google.protobuf.BoolValue") return set("boolean");
  if (name == "google.protobuf.StringValue") return set("string");
  if (name == "google.protobuf.BytesValue") return set("string", "byte");
  return false;
}

// One value of `field` (not the list or map around it), as protobuf's JSON mapping writes it.
// Messages become references and are added to `pending`.
void ValueSchema(const FieldDescriptor* field, Struct& schema,
                 std::set<const Descriptor*>& pending) {
  switch (field->type()) {
    case FieldDescriptor::TYPE_DOUBLE:
    case FieldDescriptor::TYPE_FLOAT:
      SetString(schema, "type", "number");
      return;
    case FieldDescriptor::TYPE_INT32:
    case FieldDescriptor::TYPE_SINT32:
    case FieldDescriptor::TYPE_SFIXED32:
      SetString(schema, "type", "integer");
      SetString(schema, "format", "int32");
      return;
    case FieldDescriptor::TYPE_UINT32:
    case FieldDescriptor::TYPE_FIXED32:
      SetString(schema, "type", "integer");
      SetString(schema, "format", "uint32");
      return;
    case FieldDescriptor::TYPE_INT64:
    case FieldDescriptor::TYPE_SINT64:
    case FieldDescriptor::TYPE_SFIXED64:
      SetString(schema, "type", "string");  // 64-bit integers are JSON strings
      SetString(schema, "format", "int64");
      return;
    case FieldDescriptor::TYPE_UINT64:
    case FieldDescriptor::TYPE_FIXED64:
      SetString(schema, "type", "string");
      SetString(schema, "format", "uint64");
      return;
    case FieldDescriptor::TYPE_BOOL:
      SetString(schema, "type", "boolean");
      return;
    case FieldDescriptor::TYPE_STRING:
      SetString(schema, "type", "string");
      return;
    case FieldDescriptor::TYPE_BYTES:
      SetString(schema, "type", "string");
      SetString(schema, "format", "byte");
      return;
    case FieldDescriptor::TYPE_ENUM: {
      SetString(schema, "type", "string");
      const EnumDescriptor* e = field->enum_type();
      Value& values = At(schema, "enum");
      values.mutable_list_value();
      for (int i = 0; i < e->value_count(); ++i) {
        values.mutable_list_value()->add_values()->set_string_value(e->value(i)->name());
      }
      return;
    }
    case FieldDescriptor::TYPE_MESSAGE:
    case FieldDescriptor::TYPE_GROUP:
      if (WellKnownSchema(field->message_type(), schema)) return;
      SetString(schema, "$ref", SchemaRef(field->message_type()));
      pending.insert(field->message_type());
      return;
  }
}

// `field` whole: a list or map of its values where it is repeated.
void FieldSchema(const FieldDescriptor* field, Struct& schema,
                 std::set<const Descriptor*>& pending) {
  if (field->is_map()) {
    SetString(schema, "type", "object");
    ValueSchema(field->message_type()->map_value(), ObjectAt(schema, "additionalProperties"),
                pending);
  } else if (field->is_repeated()) {
    SetString(schema, "type", "array");
    ValueSchema(field, ObjectAt(schema, "items"), pending);
  } else {
    ValueSchema(field, schema, pending);
  }
}

Struct MessageSchema(const Descriptor* message, std::set<const Descriptor*>& pending) {
  Struct schema;
  SetString(schema, "type", "object");
  Struct& properties = ObjectAt(schema, "properties");
  for (int i = 0; i < message->field_count(); ++i) {
    const FieldDescriptor* field = message->field(i);
    FieldSchema(field, ObjectAt(properties, field->json_name()), pending);
  }
  return schema;
}

// A field that a query parameter can carry: a scalar, an enum, a well-known type written as a
// string, or a list of those.
bool QueryScalar(const FieldDescriptor* field) {
  if (field->is_map()) return false;
  if (field->type() != FieldDescriptor::TYPE_MESSAGE) return true;
  Struct ignored;
  return WellKnownSchema(field->message_type(), ignored) &&
         field->message_type()->full_name() != "google.protobuf.Struct" &&
         field->message_type()->full_name() != "google.protobuf.ListValue" &&
         field->message_type()->full_name() != "google.protobuf.Value" &&
         field->message_type()->full_name() != "google.protobuf.Any" &&
         field->message_type()->full_name() != "google.protobuf.Empty";
}

// Query parameters for the fields of `message` not bound otherwise: `bound` holds the proto
// field paths the path and the body already set.
void AddQueryParameters(const Descriptor* message, const std::string& proto_prefix,
                        const std::string& json_prefix, const std::set<std::string>& bound,
                        int depth, Value& parameters, std::set<const Descriptor*>& pending) {
  for (int i = 0; i < message->field_count(); ++i) {
    const FieldDescriptor* field = message->field(i);
    const std::string proto_path = absl::StrCat(proto_prefix, field->name());
    if (bound.contains(proto_path)) continue;
    const std::string json_path = absl::StrCat(json_prefix, field->json_name());
    if (QueryScalar(field)) {
      Struct& p = Append(parameters);
      SetString(p, "name", json_path);
      SetString(p, "in", "query");
      FieldSchema(field, ObjectAt(p, "schema"), pending);
      if (field->is_repeated()) At(p, "explode").set_bool_value(true);
    } else if (!field->is_repeated() && depth < kQueryDepth) {
      AddQueryParameters(field->message_type(), proto_path + ".", json_path + ".", bound, depth + 1,
                         parameters, pending);
    }
  }
}

// The schema of a request or response message (or of its named top-level field).
void BodySchema(const Descriptor* message, const std::string& field_name, Struct& schema,
                std::set<const Descriptor*>& pending) {
  if (field_name.empty() || field_name == "*") {
    if (!WellKnownSchema(message, schema)) {
      SetString(schema, "$ref", SchemaRef(message));
      pending.insert(message);
    }
    return;
  }
  FieldSchema(message->FindFieldByName(field_name), schema, pending);
}

Struct JsonResponse(const std::string& description, const Struct& schema) {
  Struct response;
  SetString(response, "description", description);
  *ObjectAt(ObjectAt(ObjectAt(response, "content"), "application/json"), "schema")
       .mutable_fields() = schema.fields();
  return response;
}

// The variable names in an OpenAPI path, in order.
std::vector<std::string> VariableNames(const std::string& path) {
  std::vector<std::string> names;
  for (size_t open = path.find('{'); open != std::string::npos; open = path.find('{', open)) {
    const size_t close = path.find('}', open);
    names.push_back(path.substr(open + 1, close - open - 1));
    open = close;
  }
  return names;
}

// Adds `route` to `paths` under `path` (its own path, or an equal one whose variables another
// route named: OpenAPI allows one name per position). Its operation id is the method's,
// numbered when other routes (additional_bindings) have taken it.
void AddOperation(const Route& route, const std::string& path, Struct& paths,
                  std::set<std::string>& operation_ids, std::set<const Descriptor*>& pending) {
  const auto* method = route.method;
  Struct& operation = ObjectAt(ObjectAt(paths, path), absl::AsciiStrToLower(route.http_method));
  std::string id = absl::StrCat(method->service()->name(), "_", method->name());
  for (int n = 2; !operation_ids.insert(id).second; ++n) {
    id = absl::StrCat(method->service()->name(), "_", method->name(), "_", n);
  }
  SetString(operation, "operationId", id);
  At(operation, "tags")
      .mutable_list_value()
      ->add_values()
      ->set_string_value(method->service()->name());
  SetString(operation, "summary", method->full_name());
  if (route.anonymous) At(operation, "security").mutable_list_value();  // none needed

  Value& parameters = At(operation, "parameters");
  parameters.mutable_list_value();
  std::set<std::string> bound;
  const std::vector<std::string> variables = route.path.variables();
  const std::vector<std::string> names = VariableNames(path);
  for (size_t i = 0; i < variables.size(); ++i) {
    const std::string& variable = variables[i];
    bound.insert(variable);
    Struct& p = Append(parameters);
    const std::string name = i < names.size() ? names[i] : variable;
    SetString(p, "name", name);
    if (name != variable) SetString(p, "description", absl::StrCat("sets ", variable));
    SetString(p, "in", "path");
    At(p, "required").set_bool_value(true);
    if (const FieldDescriptor* field = FindFieldPath(method->input_type(), variable)) {
      ValueSchema(field, ObjectAt(p, "schema"), pending);
    } else {
      SetString(ObjectAt(p, "schema"), "type", "string");
    }
  }
  if (route.body != "*") {
    if (!route.body.empty()) bound.insert(route.body);
    AddQueryParameters(method->input_type(), "", "", bound, 1, parameters, pending);
  }
  if (!route.streaming.resume_field().empty()) {
    Struct& p = Append(parameters);
    SetString(p, "name", "Last-Event-ID");
    SetString(p, "in", "header");
    SetString(p, "description",
              absl::StrCat("a reconnecting client's last event id: sets ",
                           route.streaming.resume_field()));
    SetString(ObjectAt(p, "schema"), "type", "string");
  }
  if (route.client_streaming) {
    // An upload: the metadata message's fields as form fields, then the file.
    Struct& body = ObjectAt(operation, "requestBody");
    At(body, "required").set_bool_value(true);
    Struct& schema = ObjectAt(ObjectAt(ObjectAt(body, "content"), "multipart/form-data"), "schema");
    Value& all_of = At(schema, "allOf");
    FieldSchema(method->input_type()->FindFieldByName(route.streaming.metadata_field()),
                Append(all_of), pending);
    Struct& file = Append(all_of);
    SetString(file, "type", "object");
    Struct& file_schema = ObjectAt(ObjectAt(file, "properties"), "file");
    SetString(file_schema, "type", "string");
    SetString(file_schema, "format", "binary");
    At(file, "required").mutable_list_value()->add_values()->set_string_value("file");
  } else if (!route.body.empty()) {
    Struct& body = ObjectAt(operation, "requestBody");
    At(body, "required").set_bool_value(true);
    BodySchema(method->input_type(), route.body,
               ObjectAt(ObjectAt(ObjectAt(body, "content"), "application/json"), "schema"),
               pending);
  }
  Struct& responses = ObjectAt(operation, "responses");
  if (route.is_download()) {
    Struct& ok = ObjectAt(responses, "200");
    SetString(ok, "description", "The file, with its Content-Type and Content-Disposition");
    Struct& schema =
        ObjectAt(ObjectAt(ObjectAt(ok, "content"), "application/octet-stream"), "schema");
    SetString(schema, "type", "string");
    SetString(schema, "format", "binary");
  } else if (route.server_streaming) {
    Struct& ok = ObjectAt(responses, "200");
    SetString(ok, "description",
              "Server-Sent Events: each event's data is one message (x-event-schema) as JSON; "
              "': heartbeat' comments keep the stream alive; a late error arrives as "
              "'event: error' with the error body");
    Struct& media = ObjectAt(ObjectAt(ok, "content"), "text/event-stream");
    SetString(ObjectAt(media, "schema"), "type", "string");
    BodySchema(method->output_type(), "", ObjectAt(media, "x-event-schema"), pending);
  } else {
    Struct ok;
    BodySchema(method->output_type(), route.response_body, ok, pending);
    ObjectAt(responses, "200") = JsonResponse("OK", ok);
  }
  Struct error;
  SetString(error, "$ref", "#/components/schemas/Error");
  ObjectAt(responses, "default") = JsonResponse(
      "An error: the HTTP status follows the gRPC code (400, 401, 403, 404, 409, "
      "429 with Retry-After, 503, 504, ...)",
      error);
}

Struct ErrorSchema() {
  Struct schema;
  SetString(schema, "type", "object");
  Struct& properties = ObjectAt(schema, "properties");
  SetString(ObjectAt(properties, "code"), "type", "integer");
  SetString(ObjectAt(properties, "code"), "description", "the gRPC status code");
  SetString(ObjectAt(properties, "message"), "type", "string");
  Struct& details = ObjectAt(properties, "details");
  SetString(details, "type", "array");
  SetString(ObjectAt(details, "items"), "type", "object");
  SetString(details, "description",
            "google.rpc error details as JSON (e.g. google.rpc.BadRequest with fieldViolations)");
  SetString(ObjectAt(properties, "requestId"), "type", "string");
  return schema;
}

}  // namespace

std::string OpenApiPath(const std::string& template_text) {
  std::string out;
  for (size_t i = 0; i < template_text.size(); ++i) {
    if (template_text[i] != '{') {
      out += template_text[i];
      continue;
    }
    const size_t close = template_text.find('}', i);
    const std::string inner = template_text.substr(i + 1, close - i - 1);
    absl::StrAppend(&out, "{", inner.substr(0, inner.find('=')), "}");
    i = close;
  }
  return out;
}

std::string OpenApiDocument(const RouteTable& routes) {
  Struct document;
  SetString(document, "openapi", "3.0.3");
  Struct& info = ObjectAt(document, "info");
  SetString(info, "title", "CIM API");
  SetString(info, "version", "v1");
  SetString(info, "description",
            "Channel incentive management: the HTTP/JSON face of the cim.v1 gRPC services, "
            "generated from their google.api.http annotations. JSON follows protobuf's "
            "canonical mapping (lowerCamelCase names, 64-bit integers and decimals as strings, "
            "enums by name); unknown fields are refused.");

  Struct& components = ObjectAt(document, "components");
  Struct& schemes = ObjectAt(components, "securitySchemes");
  Struct& bearer = ObjectAt(schemes, "bearer");
  SetString(bearer, "type", "http");
  SetString(bearer, "scheme", "bearer");
  SetString(bearer, "description", "a session token from POST /v1/auth/login, or an API key");
  Struct& cookie = ObjectAt(schemes, "cookie");
  SetString(cookie, "type", "apiKey");
  SetString(cookie, "in", "cookie");
  SetString(cookie, "name", "cim_session");
  SetString(cookie, "description",
            "browsers: the session cookie; requests that change state must also send the "
            "X-CIM-Client header");
  Value& security = At(document, "security");  // either will do
  for (const char* scheme : {"bearer", "cookie"}) At(Append(security), scheme).mutable_list_value();

  std::set<const Descriptor*> pending;
  std::set<std::string> operation_ids;
  std::map<std::string, std::string> path_of_shape;  // the first route's path for each shape
  Struct& paths = ObjectAt(document, "paths");
  for (const Route& route : routes.routes()) {
    const std::string method = absl::AsciiStrToLower(route.http_method);
    if (method != "get" && method != "put" && method != "post" && method != "delete" &&
        method != "patch") {
      continue;  // a custom verb: OpenAPI has no place for it
    }
    const std::string& path =
        path_of_shape.emplace(route.path.shape(), OpenApiPath(route.path.text())).first->second;
    AddOperation(route, path, paths, operation_ids, pending);
  }

  Struct& schemas = ObjectAt(components, "schemas");
  ObjectAt(schemas, "Error") = ErrorSchema();
  std::set<const Descriptor*> done;
  while (!pending.empty()) {
    const Descriptor* message = *pending.begin();
    pending.erase(pending.begin());
    if (!done.insert(message).second) continue;
    ObjectAt(schemas, message->full_name()) = MessageSchema(message, pending);
  }

  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  (void)google::protobuf::util::MessageToJsonString(document, &json, options);
  return json;
}

}  // namespace cim::gateway
