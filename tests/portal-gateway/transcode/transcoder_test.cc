// Transcoder on a small API of the test's own: a request is built from the JSON body (the whole
// message, a message field or a scalar/repeated field), then the path variables, then the query
// parameters (proto or JSON names, enums by name or number, repeated fields appended,
// well-known types from their JSON string); bad JSON, unknown or mistyped fields, a query on a
// whole-body route, a parameter that overrides the path or body or repeats a singular field
// are INVALID_ARGUMENT with the documented message. Responses render as canonical JSON with
// defaults (or only their response_body field); undecodable bytes for a response_body field
// are INTERNAL.
// SetFieldFromText is held to each field type's text form.
#include "portal-gateway/transcode/transcoder.h"

#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/field_mask.pb.h>
#include <google/protobuf/text_format.h>
#include <google/protobuf/timestamp.pb.h>
#include <google/protobuf/util/message_differencer.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/status_matchers.h"

namespace cim::gateway {
namespace {

using ::cim::testing::IsOk;
using ::cim::testing::IsOkAndHolds;
using ::cim::testing::StatusIs;
using ::google::protobuf::Message;
using ::testing::HasSubstr;

using Bindings = std::vector<std::pair<std::string, std::string>>;

constexpr char kApi[] = R"pb(
  name: "transcode_test.proto"
  package: "transcode"
  syntax: "proto3"
  dependency: "google/protobuf/timestamp.proto"
  dependency: "google/protobuf/field_mask.proto"
  enum_type {
    name: "Status"
    value { name: "STATUS_UNSPECIFIED" number: 0 }
    value { name: "STATUS_OPEN" number: 1 }
    value { name: "STATUS_CLOSED" number: 2 }
  }
  message_type {
    name: "Thing"
    field { name: "id" number: 1 type: TYPE_INT64 label: LABEL_OPTIONAL }
    field { name: "display_name" number: 2 type: TYPE_STRING label: LABEL_OPTIONAL }
    field {
      name: "status"
      number: 3
      type: TYPE_ENUM
      type_name: ".transcode.Status"
      label: LABEL_OPTIONAL
    }
    field { name: "tags" number: 4 type: TYPE_STRING label: LABEL_REPEATED }
  }
  message_type {
    name: "Request"
    field { name: "thing_id" number: 1 type: TYPE_INT64 label: LABEL_OPTIONAL }
    field {
      name: "thing"
      number: 2
      type: TYPE_MESSAGE
      type_name: ".transcode.Thing"
      label: LABEL_OPTIONAL
    }
    field { name: "page_size" number: 3 type: TYPE_INT32 label: LABEL_OPTIONAL }
    field {
      name: "statuses"
      number: 4
      type: TYPE_ENUM
      type_name: ".transcode.Status"
      label: LABEL_REPEATED
    }
    field {
      name: "status"
      number: 5
      type: TYPE_ENUM
      type_name: ".transcode.Status"
      label: LABEL_OPTIONAL
    }
    field { name: "only_open" number: 6 type: TYPE_BOOL label: LABEL_OPTIONAL }
    field {
      name: "after"
      number: 7
      type: TYPE_MESSAGE
      type_name: ".google.protobuf.Timestamp"
      label: LABEL_OPTIONAL
    }
    field {
      name: "update_mask"
      number: 8
      type: TYPE_MESSAGE
      type_name: ".google.protobuf.FieldMask"
      label: LABEL_OPTIONAL
    }
    field { name: "ratio" number: 9 type: TYPE_DOUBLE label: LABEL_OPTIONAL }
    field { name: "limit" number: 10 type: TYPE_UINT32 label: LABEL_OPTIONAL }
    field { name: "blob" number: 11 type: TYPE_BYTES label: LABEL_OPTIONAL }
    field { name: "ids" number: 12 type: TYPE_INT64 label: LABEL_REPEATED }
    field { name: "note" number: 13 type: TYPE_STRING label: LABEL_OPTIONAL }
    field {
      name: "things"
      number: 14
      type: TYPE_MESSAGE
      type_name: ".transcode.Thing"
      label: LABEL_REPEATED
    }
    field {
      name: "labels"
      number: 15
      type: TYPE_MESSAGE
      type_name: ".transcode.Request.LabelsEntry"
      label: LABEL_REPEATED
    }
    field { name: "big" number: 16 type: TYPE_UINT64 label: LABEL_OPTIONAL }
    nested_type {
      name: "LabelsEntry"
      field { name: "key" number: 1 type: TYPE_STRING label: LABEL_OPTIONAL }
      field { name: "value" number: 2 type: TYPE_STRING label: LABEL_OPTIONAL }
      options { map_entry: true }
    }
  }
  message_type {
    name: "Response"
    field {
      name: "things"
      number: 1
      type: TYPE_MESSAGE
      type_name: ".transcode.Thing"
      label: LABEL_REPEATED
    }
    field { name: "next_page_token" number: 2 type: TYPE_STRING label: LABEL_OPTIONAL }
    field { name: "total" number: 3 type: TYPE_INT64 label: LABEL_OPTIONAL }
    field {
      name: "thing"
      number: 4
      type: TYPE_MESSAGE
      type_name: ".transcode.Thing"
      label: LABEL_OPTIONAL
    }
    field { name: "done" number: 5 type: TYPE_BOOL label: LABEL_OPTIONAL }
  }
  service {
    name: "Things"
    method { name: "Call" input_type: ".transcode.Request" output_type: ".transcode.Response" }
  }
)pb";

class TranscoderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const google::protobuf::FileDescriptor* wkt :
         {google::protobuf::Timestamp::descriptor()->file(),
          google::protobuf::FieldMask::descriptor()->file()}) {
      google::protobuf::FileDescriptorProto proto;
      wkt->CopyTo(&proto);
      ASSERT_NE(pool_.BuildFile(proto), nullptr);
    }
    google::protobuf::FileDescriptorProto api;
    ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(kApi, &api));
    ASSERT_NE(pool_.BuildFile(api), nullptr);
    method_ = pool_.FindMethodByName("transcode.Things.Call");
    ASSERT_NE(method_, nullptr);
  }

  // A route to Things.Call with `body` ("", "*" or a field) and `response_body`.
  Route MakeRoute(const std::string& body, const std::string& response_body = "") const {
    Route route;
    route.http_method = "POST";
    route.method = method_;
    route.body = body;
    route.response_body = response_body;
    return route;
  }

  absl::StatusOr<std::unique_ptr<Message>> Build(const Route& route, const Bindings& bindings,
                                                 absl::string_view query, absl::string_view body) {
    return transcoder_.BuildRequest(RouteMatch{&route, bindings}, query, body);
  }

  // A message of the API's `type` from its text format.
  std::unique_ptr<Message> Parse(const std::string& type, const std::string& text) {
    std::unique_ptr<Message> message(
        factory_.GetPrototype(pool_.FindMessageTypeByName(type))->New());
    EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, message.get())) << text;
    return message;
  }

  // Whether `got` is the request written as `want_text`.
  void ExpectRequest(const absl::StatusOr<std::unique_ptr<Message>>& got,
                     const std::string& want_text) {
    ASSERT_THAT(got.status(), IsOk());
    std::unique_ptr<Message> want = Parse("transcode.Request", want_text);
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(**got, *want))
        << "got:  " << (*got)->ShortDebugString() << "\nwant: " << want->ShortDebugString();
  }

  google::protobuf::DescriptorPool pool_;
  google::protobuf::DynamicMessageFactory factory_;
  const google::protobuf::MethodDescriptor* method_ = nullptr;
  Transcoder transcoder_;
};

TEST_F(TranscoderTest, AWholeBodyRouteTakesTheRequestFromTheJson) {
  const Route route = MakeRoute("*");
  ExpectRequest(Build(route, {}, "",
                      R"({"thingId":"7","thing":{"displayName":"Gadget","status":"STATUS_OPEN",)"
                      R"("tags":["a","b"]},"statuses":[1,"STATUS_CLOSED"],"page_size":20,)"
                      R"("after":"2026-03-02T09:00:00Z","updateMask":"displayName,tags"})"),
                R"pb(
                  thing_id: 7
                  thing { display_name: "Gadget" status: STATUS_OPEN tags: "a" tags: "b" }
                  statuses: STATUS_OPEN
                  statuses: STATUS_CLOSED
                  page_size: 20
                  after { seconds: 1772442000 }
                  update_mask { paths: "display_name" paths: "tags" }
                )pb");
  // No body at all (or only whitespace) is the empty request.
  ExpectRequest(Build(route, {}, "", ""), "");
  ExpectRequest(Build(route, {}, "", " \r\n\t"), "");
}

TEST_F(TranscoderTest, PathVariablesQueryParametersAndABodyFieldMakeOneRequest) {
  const Route route = MakeRoute("thing");
  ExpectRequest(
      Build(route, {{"thing_id", "12"}, {"thing.id", "12"}},
            "onlyOpen=true&page_size=5&statuses=STATUS_OPEN&statuses=2&status=1"
            "&after=2026-03-02T09%3A00%3A00Z&updateMask=displayName,tags&note=half+%26+half"
            "&ids=3&ids=-4&ratio=0.25&limit=4000000000",
            R"({"displayName":"Gadget","tags":["x"]})"),
      R"pb(
        thing_id: 12
        thing { id: 12 display_name: "Gadget" tags: "x" }
        only_open: true
        page_size: 5
        statuses: STATUS_OPEN
        statuses: STATUS_CLOSED
        status: STATUS_OPEN
        after { seconds: 1772442000 }
        update_mask { paths: "display_name" paths: "tags" }
        note: "half & half"
        ids: 3
        ids: -4
        ratio: 0.25
        limit: 4000000000
      )pb");
}

TEST_F(TranscoderTest, AScalarOrRepeatedBodyFieldTakesTheBodyAsItsValue) {
  ExpectRequest(Build(MakeRoute("note"), {{"thing_id", "1"}}, "", R"("hello")"),
                R"pb(thing_id: 1 note: "hello")pb");
  ExpectRequest(Build(MakeRoute("ids"), {}, "", R"(["1", 2])"), "ids: 1 ids: 2");
  ExpectRequest(Build(MakeRoute("things"), {}, "", R"([{"id":"1"},{"displayName":"B"}])"),
                R"pb(things { id: 1 }
                     things { display_name: "B" })pb");
  EXPECT_THAT(Build(MakeRoute("note"), {}, "", "5"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("invalid JSON body")));
}

TEST_F(TranscoderTest, BadRequestsAreInvalidArgumentWithTheDocumentedMessage) {
  const struct {
    const char* name;
    std::string route_body;
    Bindings bindings;
    std::string query, body;
    std::string message;
  } cases[] = {
      {"malformed JSON", "*", {}, "", R"({"thingId": )", "invalid JSON body: "},
      {"unknown JSON field", "*", {}, "", R"({"thingID":"1"})", "thingID"},
      {"mistyped JSON field", "*", {}, "", R"({"pageSize":"many"})", "invalid JSON body: "},
      {"unknown field in a body field", "thing", {}, "", R"({"colour":"red"})", "colour"},
      {"bad path variable",
       "",
       {{"thing_id", "abc"}},
       "",
       "",
       R"(bad path: "thing_id" must be an integer, got "abc")"},
      {"query on a whole-body route",
       "*",
       {},
       "note=x",
       "{}",
       "query parameters are not accepted here: the whole request is the JSON body"},
      {"unknown query parameter",
       "",
       {},
       "pageSiz=3",
       "",
       R"(bad query parameter: unknown field "pageSiz" in Request)"},
      {"bad enum",
       "",
       {},
       "status=STATUS_SPACESHIP",
       "",
       R"("status" must be a Status value, got "STATUS_SPACESHIP")"},
      {"bad integer", "", {}, "pageSize=lots", "", R"("pageSize" must be a 32-bit integer)"},
      {"bad timestamp", "", {}, "after=yesterday", "", R"(bad value for "after")"},
      {"malformed escape", "", {}, "note=%zz", "", R"(malformed query parameter "note=%zz")"},
      {"singular parameter twice",
       "",
       {},
       "pageSize=1&pageSize=2",
       "",
       R"(query parameter "pageSize" is given more than once; it takes one value)"},
      {"singular parameter under both names",
       "",
       {},
       "page_size=1&pageSize=2",
       "",
       R"(query parameter "pageSize" is given more than once; it takes one value)"},
      {"parameter overriding a path variable",
       "",
       {{"thing_id", "7"}},
       "thingId=8",
       "",
       R"(query parameter "thingId" is already set by the path or body)"},
      {"parameter overriding the body field",
       "thing",
       {},
       "thing.displayName=x",
       R"({"id":"1"})",
       R"(query parameter "thing.displayName" is already set by the path or body)"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const Route route = MakeRoute(c.route_body);
    EXPECT_THAT(Build(route, c.bindings, c.query, c.body),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(c.message)));
  }
}

TEST_F(TranscoderTest, SetFieldFromTextTakesEachTypesTextForm) {
  const struct {
    const char* path;
    const char* text;
    const char* want;  // the request in text format
  } cases[] = {
      {"thing_id", "-5", "thing_id: -5"},
      {"thingId", "9223372036854775807", "thing_id: 9223372036854775807"},
      {"big", "18446744073709551615", "big: 18446744073709551615"},
      {"limit", "0", "limit: 0"},
      {"page_size", "-2147483648", "page_size: -2147483648"},
      {"ratio", "1e3", "ratio: 1000"},
      {"only_open", "1", "only_open: true"},
      {"only_open", "false", "only_open: false"},
      {"status", "STATUS_CLOSED", "status: STATUS_CLOSED"},
      {"status", "2", "status: STATUS_CLOSED"},
      {"statuses", "0", "statuses: STATUS_UNSPECIFIED"},
      {"note", "", "note: \"\""},
      {"thing.display_name", "Gadget", R"pb(thing { display_name: "Gadget" })pb"},
      {"thing.tags", "red", R"pb(thing { tags: "red" })pb"},
      {"after", "2026-03-02T10:00:00+01:00", "after { seconds: 1772442000 }"},
      {"update_mask", "thing.displayName", R"pb(update_mask { paths: "thing.display_name" })pb"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(absl::StrCat(c.path, "=", c.text));
    std::unique_ptr<Message> request = transcoder_.NewRequest(MakeRoute(""));
    ASSERT_THAT(SetFieldFromText(*request, c.path, c.text), IsOk());
    std::unique_ptr<Message> want = Parse("transcode.Request", c.want);
    EXPECT_TRUE(google::protobuf::util::MessageDifferencer::Equals(*request, *want))
        << request->ShortDebugString();
  }
  // Repeated fields append.
  std::unique_ptr<Message> request = transcoder_.NewRequest(MakeRoute(""));
  ASSERT_THAT(SetFieldFromText(*request, "ids", "1"), IsOk());
  ASSERT_THAT(SetFieldFromText(*request, "ids", "1"), IsOk());
  EXPECT_EQ(request->ShortDebugString(), "ids: 1 ids: 1");
}

TEST_F(TranscoderTest, SetFieldFromTextRefusesWhatTheTextCannotSet) {
  const struct {
    const char* path;
    const char* text;
    const char* message;
  } cases[] = {
      {"nope", "1", R"(unknown field "nope" in Request)"},
      {"thing.nope", "1", R"(unknown field "thing.nope" in Request)"},
      {"page_size", "3000000000", R"("page_size" must be a 32-bit integer, got "3000000000")"},
      {"limit", "-1", R"("limit" must be an unsigned 32-bit integer, got "-1")"},
      {"big", "-1", R"("big" must be an unsigned integer, got "-1")"},
      {"thing_id", "1.5", R"("thing_id" must be an integer, got "1.5")"},
      {"ratio", "half", R"("ratio" must be a number, got "half")"},
      {"only_open", "yes", R"("only_open" must be true or false, got "yes")"},
      {"status", "9", R"("status" must be a Status value, got "9")"},
      {"blob", "AAAA", R"(bytes field "blob" cannot be set here)"},
      {"labels", "a", R"(map field "labels" cannot be set here)"},
      {"things.id", "1", R"("things.id" goes through a repeated field)"},
      {"note.x", "1", R"("note.x": note is not a message)"},
      {"after", "tomorrow", R"(bad value for "after")"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.path);
    std::unique_ptr<Message> request = transcoder_.NewRequest(MakeRoute(""));
    EXPECT_THAT(SetFieldFromText(*request, c.path, c.text),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(c.message)));
  }
}

TEST_F(TranscoderTest, ResponsesRenderAsCanonicalJsonWithDefaults) {
  const Route route = MakeRoute("*");
  EXPECT_EQ(transcoder_.NewRequest(route)->GetDescriptor()->full_name(), "transcode.Request");
  std::unique_ptr<Message> empty = transcoder_.NewResponse(route);
  EXPECT_EQ(empty->GetDescriptor()->full_name(), "transcode.Response");
  EXPECT_EQ(empty->ByteSizeLong(), 0u);

  EXPECT_THAT(transcoder_.ResponseToJson(route, *empty),
              IsOkAndHolds(R"({"things":[],"nextPageToken":"","total":"0","done":false})"));
  std::unique_ptr<Message> response =
      Parse("transcode.Response", R"pb(things { id: 1 display_name: "A" }
                                       total: 12)pb");
  const std::string want =
      R"({"things":[{"id":"1","displayName":"A","status":"STATUS_UNSPECIFIED","tags":[]}],)"
      R"("nextPageToken":"","total":"12","done":false})";
  EXPECT_THAT(transcoder_.ResponseToJson(route, *response), IsOkAndHolds(want));
  // The wire form renders the same.
  EXPECT_THAT(transcoder_.ResponseBytesToJson(route, response->SerializeAsString()),
              IsOkAndHolds(want));
}

TEST_F(TranscoderTest, AResponseBodyFieldRendersThatFieldAlone) {
  std::unique_ptr<Message> response = Parse("transcode.Response", R"pb(
    things { id: 1 display_name: "A" status: STATUS_OPEN tags: "x" }
    next_page_token: "p2"
    thing { id: 3 }
    done: true
  )pb");
  const struct {
    const char* field;
    const char* set;    // rendered from `response`
    const char* unset;  // rendered from an empty response
  } cases[] = {
      {"thing", R"({"id":"3","displayName":"","status":"STATUS_UNSPECIFIED","tags":[]})",
       R"({"id":"0","displayName":"","status":"STATUS_UNSPECIFIED","tags":[]})"},
      {"things", R"([{"id":"1","displayName":"A","status":"STATUS_OPEN","tags":["x"]}])", "[]"},
      {"next_page_token", R"("p2")", R"("")"},
      {"done", "true", "false"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.field);
    const Route route = MakeRoute("*", c.field);
    EXPECT_THAT(transcoder_.ResponseToJson(route, *response), IsOkAndHolds(std::string(c.set)));
    EXPECT_THAT(transcoder_.ResponseBytesToJson(route, response->SerializeAsString()),
                IsOkAndHolds(std::string(c.set)));
    EXPECT_THAT(transcoder_.ResponseToJson(route, *transcoder_.NewResponse(route)),
                IsOkAndHolds(std::string(c.unset)));
  }
}

TEST_F(TranscoderTest, UndecodableReplyBytesForAResponseBodyAreInternal) {
  // Field 1 (things), length-delimited, with a length running past the end.
  const std::string truncated("\x0a\x05\x08", 3);
  for (const char* field : {"things", "thing", "done"}) {
    SCOPED_TRACE(field);
    EXPECT_THAT(transcoder_.ResponseBytesToJson(MakeRoute("*", field), truncated),
                StatusIs(absl::StatusCode::kInternal,
                         HasSubstr("the server's reply could not be decoded")));
  }
}

}  // namespace
}  // namespace cim::gateway
