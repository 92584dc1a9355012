// Routes come from the descriptors only; every portal-facing RPC has an annotation and no two
// annotations collide.
#include "portal-gateway/transcode/route_table.h"

#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/text_format.h>

#include <set>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/api/annotations.pb.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace cim::gateway {
namespace {

using ::cim::testing::StatusIs;
using ::testing::HasSubstr;

// RPCs that internal systems call over gRPC only and that therefore carry no HTTP annotation.
// Streaming RPCs reach HTTP clients once the gateway streams (multipart uploads into
// UploadAttachment, downloads; the gateway issue).

ApiDescriptors ProjectApi() {
  auto api = LoadDescriptorSet(CIM_DESCRIPTOR_SET);
  EXPECT_TRUE(api.ok()) << api.status();
  return *std::move(api);
}

TEST(RouteTableTest, EveryCimRpcHasAnHttpAnnotation) {
  ApiDescriptors api = ProjectApi();
  auto table = RouteTable::Build(api.files);
  ASSERT_TRUE(table.ok()) << table.status();
  std::set<std::string> routed;
  for (const Route& r : table->routes()) routed.insert(r.method->full_name());
  int methods = 0;
  for (const auto* file : api.files) {
    if (!absl::StartsWith(file->package(), "cim.")) continue;
    for (int s = 0; s < file->service_count(); ++s) {
      for (int m = 0; m < file->service(s)->method_count(); ++m) {
        const std::string name = file->service(s)->method(m)->full_name();
        ++methods;
        EXPECT_TRUE(routed.count(name)) << name << " has no google.api.http annotation";
      }
    }
  }
  EXPECT_GE(methods, 13);
}

TEST(RouteTableTest, FindsByMethodAndPath) {
  ApiDescriptors api = ProjectApi();
  auto table = RouteTable::Build(api.files);
  ASSERT_TRUE(table.ok());
  bool path_matched = false;
  auto match = table->Find("PATCH", "/v1/partners/12", &path_matched);
  ASSERT_TRUE(match.has_value());
  EXPECT_EQ(match->route->grpc_path(), "/cim.v1.PartnerService/UpdatePartner");
  EXPECT_EQ(match->bindings,
            (std::vector<std::pair<std::string, std::string>>{{"partner.id", "12"}}));
  EXPECT_FALSE(table->Find("PUT", "/v1/partners/12", &path_matched).has_value());
  EXPECT_TRUE(path_matched);
  EXPECT_FALSE(table->Find("GET", "/v1/nothing", &path_matched).has_value());
  EXPECT_FALSE(path_matched);
  auto login = table->Find("POST", "/v1/auth/login", &path_matched);
  ASSERT_TRUE(login.has_value());
  EXPECT_EQ(login->route->session, cim::v1::SESSION_EFFECT_START);
  EXPECT_TRUE(login->route->anonymous);
  // A custom verb wins over a variable that would swallow it.
  auto watch = table->Find("GET", "/v1/leaderboards/7:watch", &path_matched);
  ASSERT_TRUE(watch.has_value());
  EXPECT_EQ(watch->route->grpc_path(), "/cim.v1.RecognitionService/WatchLeaderboard");
  EXPECT_EQ(watch->bindings,
            (std::vector<std::pair<std::string, std::string>>{{"leaderboard_id", "7"}}));
  auto board = table->Find("GET", "/v1/leaderboards/7", &path_matched);
  ASSERT_TRUE(board.has_value());
  EXPECT_EQ(board->route->grpc_path(), "/cim.v1.RecognitionService/GetLeaderboard");
}

// Builds a one-file pool with two methods annotated as given.
absl::StatusOr<RouteTable> BuildSynthetic(const google::api::HttpRule& a,
                                          const google::api::HttpRule& b,
                                          google::protobuf::DescriptorPool& pool) {
  google::protobuf::FileDescriptorProto file;
  file.set_name("synthetic.proto");
  file.set_package("synthetic");
  file.set_syntax("proto3");
  auto* msg = file.add_message_type();
  msg->set_name("Req");
  int number = 0;
  for (const char* name : {"id", "other"}) {
    auto* field = msg->add_field();
    field->set_name(name);
    field->set_number(++number);
    field->set_type(google::protobuf::FieldDescriptorProto::TYPE_INT64);
    field->set_label(google::protobuf::FieldDescriptorProto::LABEL_OPTIONAL);
  }
  auto* service = file.add_service();
  service->set_name("S");
  int n = 0;
  for (const auto* rule : {&a, &b}) {
    auto* m = service->add_method();
    m->set_name(absl::StrCat("M", ++n));
    m->set_input_type(".synthetic.Req");
    m->set_output_type(".synthetic.Req");
    *m->mutable_options()->MutableExtension(google::api::http) = *rule;
  }
  const auto* built = pool.BuildFile(file);
  EXPECT_NE(built, nullptr);
  return RouteTable::Build({built});
}

TEST(RouteTableTest, CollidingAnnotationsAreRefused) {
  google::api::HttpRule a, b;
  a.set_get("/v1/things/{id}");
  b.set_get("/v1/things/{other}");  // same shape, different variable name
  google::protobuf::DescriptorPool pool;
  EXPECT_THAT(BuildSynthetic(a, b, pool),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("annotations collide")));
  b.set_post("/v1/things/{id}");  // same path, other method: fine
  google::protobuf::DescriptorPool pool2;
  EXPECT_TRUE(BuildSynthetic(a, b, pool2).ok());
}

TEST(RouteTableTest, VariablesMustNameFields) {
  google::api::HttpRule a, b;
  a.set_get("/v1/things/{missing}");
  b.set_get("/v1/other");
  google::protobuf::DescriptorPool pool;
  EXPECT_THAT(BuildSynthetic(a, b, pool),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("\"missing\"")));
}

struct StreamingCase {
  const char* name;
  bool client_streaming, server_streaming;
  const char* options;  // cim.v1.HttpStreaming in text format
  const char* error;    // "" when the route is accepted
};

TEST(RouteTableTest, StreamingRpcsNeedAWayToBeCarried) {
  const std::vector<StreamingCase> cases = {
      {"server streaming: events", false, true, "", ""},
      {"resumable events", false, true, R"(event_id_field: "id" resume_field: "id")", ""},
      {"upload", true, false, R"(metadata_field: "meta" chunk_field: "data")", ""},
      {"download", false, true, R"(metadata_field: "meta" chunk_field: "data")", ""},
      {"client streaming without file fields", true, false, "", "client streaming needs"},
      {"bidirectional", true, true, R"(metadata_field: "meta" chunk_field: "data")",
       "bidirectional"},
      {"metadata not a message", true, false, R"(metadata_field: "id" chunk_field: "data")",
       "metadata_field \"id\" is not a singular message field"},
      {"chunk not bytes", true, false, R"(metadata_field: "meta" chunk_field: "id")",
       "chunk_field \"id\" is not a singular bytes field"},
      {"event id without resume field", false, true, R"(event_id_field: "id")", "go together"},
      {"unknown resume field", false, true, R"(event_id_field: "id" resume_field: "nope")",
       "resume_field \"nope\""},
      {"file and events", false, true,
       R"(metadata_field: "meta" chunk_field: "data" event_id_field: "id" resume_field: "id")",
       "no events to resume"},
      {"options on a unary RPC", false, false, R"(event_id_field: "id" resume_field: "id")",
       "unary"},
  };
  for (const StreamingCase& c : cases) {
    SCOPED_TRACE(c.name);
    google::protobuf::FileDescriptorProto file;
    ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(
        R"pb(
          name: "streaming.proto"
          package: "streaming"
          syntax: "proto3"
          message_type {
            name: "Meta"
            field { name: "filename" number: 1 type: TYPE_STRING label: LABEL_OPTIONAL }
          }
          message_type {
            name: "Msg"
            field { name: "id" number: 1 type: TYPE_INT64 label: LABEL_OPTIONAL }
            field {
              name: "meta"
              number: 2
              type: TYPE_MESSAGE
              type_name: ".streaming.Meta"
              label: LABEL_OPTIONAL
            }
            field { name: "data" number: 3 type: TYPE_BYTES label: LABEL_OPTIONAL }
          }
          service {
            name: "S"
            method { name: "M" input_type: ".streaming.Msg" output_type: ".streaming.Msg" }
          })pb",
        &file));
    auto* method = file.mutable_service(0)->mutable_method(0);
    method->set_client_streaming(c.client_streaming);
    method->set_server_streaming(c.server_streaming);
    method->mutable_options()->MutableExtension(google::api::http)->set_post("/v1/m");
    ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(
        c.options, method->mutable_options()->MutableExtension(cim::v1::http_streaming)));
    google::protobuf::DescriptorPool pool;
    const auto* built = pool.BuildFile(file);
    ASSERT_NE(built, nullptr);
    absl::StatusOr<RouteTable> table = RouteTable::Build({built});
    if (std::string(c.error).empty()) {
      EXPECT_TRUE(table.ok()) << table.status();
    } else {
      EXPECT_THAT(table, StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(c.error)));
    }
  }
}

}  // namespace
}  // namespace cim::gateway
