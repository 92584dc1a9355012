// Routes come from the descriptors only; every portal-facing RPC has an annotation and no two
// annotations collide.
#include "portal-gateway/route_table.h"

#include <google/protobuf/descriptor.pb.h>

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
const std::set<std::string> kGrpcOnly = {"cim.v1.ClaimService.UploadAttachment",
                                         "cim.v1.ClaimService.DownloadAttachment"};

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
        if (kGrpcOnly.count(name)) continue;
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

}  // namespace
}  // namespace cim::gateway
