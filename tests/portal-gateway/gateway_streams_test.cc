// cim-gateway's streaming routes (gateway_streams.cc) over real HTTP against a real cim-server
// and MariaDB: multipart uploads streamed into the client-streaming RPC and downloads back,
// uploads refused with precise errors or cut off by the client, Server-Sent Events that resume
// by Last-Event-ID (also on another replica), and CSV exports.
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lib/sha256.h"
#include "portal-gateway/gateway.h"
#include "tests/portal-gateway/gateway_fixture.h"
#include "tests/testing/http_client.h"
#include "tests/testing/test_server.h"

namespace cim::gateway {
namespace {

using ::cim::testing::HttpResult;
using ::cim::testing::SseClient;
using ::cim::testing::SseEvent;
using ::testing::HasSubstr;

// The shared fixture, named after the file it tests.
class GatewayStreamsTest : public GatewayHttpTest {};

// A multipart/form-data body with `fields` and one file part.
std::string MultipartBody(const std::string& boundary,
                          const std::vector<std::pair<std::string, std::string>>& fields,
                          const std::string& filename, const std::string& content) {
  std::string body;
  for (const auto& [name, value] : fields) {
    absl::StrAppend(&body, "--", boundary, "\r\nContent-Disposition: form-data; name=\"", name,
                    "\"\r\n\r\n", value, "\r\n");
  }
  absl::StrAppend(&body, "--", boundary,
                  "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"", filename,
                  "\"\r\nContent-Type: application/pdf\r\n\r\n", content, "\r\n--", boundary,
                  "--\r\n");
  return body;
}

std::string Pdf(size_t size) {
  std::string bytes = "%PDF-1.7\n";
  bytes.reserve(size);
  for (size_t i = 0; bytes.size() < size; ++i) bytes += static_cast<char>('a' + i % 26);
  return bytes;
}

constexpr char kBoundary[] = "----cimBoundary7MA4YWxkTrZu0gW";
const Headers kMultipart = {{"Content-Type", absl::StrCat("multipart/form-data; boundary=",
                                                          "----cimBoundary7MA4YWxkTrZu0gW")}};

Headers With(Headers headers, const std::string& name, const std::string& value) {
  headers.emplace_back(name, value);
  return headers;
}

TEST_F(GatewayStreamsTest, MultipartUploadStreamsANineMegabyteFileAndDownloadsItBack) {
  const std::string bearer = "Bearer " + BearerLogin("rep@gamma.example");
  const std::string pdf = Pdf(9'000'000);
  HttpResult up =
      Send("POST", "/v1/attachments", MultipartBody(kBoundary, {}, "Invoice März.pdf", pdf),
           With(kMultipart, "Authorization", bearer));
  ASSERT_EQ(up.status, 200) << up.body;
  EXPECT_EQ(JsonField(up.body, "sizeBytes"), "9000000");
  EXPECT_EQ(JsonField(up.body, "contentType"), "application/pdf");
  EXPECT_EQ(JsonField(up.body, "filename"), "Invoice März.pdf");
  EXPECT_EQ(JsonField(up.body, "sha256"), Sha256Hex(pdf));
  EXPECT_EQ(JsonField(up.body, "partnerId"), std::to_string(partner_.id()));
  const std::string id = JsonField(up.body, "id");

  HttpResult down = Send("GET", absl::StrCat("/v1/attachments/", id, ":download"), "",
                         {{"Authorization", bearer}});
  ASSERT_EQ(down.status, 200) << down.body;
  EXPECT_EQ(down.header("content-type"), "application/pdf");
  EXPECT_EQ(down.header("content-disposition"),
            "attachment; filename=\"Invoice M__rz.pdf\"; filename*=UTF-8''Invoice%20M%C3%A4rz.pdf");
  EXPECT_THAT(down.header("content-security-policy"), HasSubstr("sandbox"));
  EXPECT_EQ(down.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(down.body.size(), pdf.size());
  EXPECT_TRUE(down.body == pdf);

  // Another partner's user does not see it; an unknown id is 404 too.
  server_.CreateUser("rep@delta.example", cim::v1::ROLE_PARTNER_REP, other_.id());
  const std::string other = "Bearer " + BearerLogin("rep@delta.example");
  HttpResult hidden = Send("GET", absl::StrCat("/v1/attachments/", id, ":download"), "",
                           {{"Authorization", other}});
  EXPECT_EQ(hidden.status, 404) << hidden.body;
  EXPECT_EQ(JsonField(hidden.body, "code"), "5");
  EXPECT_EQ(Send("GET", "/v1/attachments/999999:download", "", {{"Authorization", bearer}}).status,
            404);
  EXPECT_EQ(Send("GET", "/v1/attachments/abc:download", "", {{"Authorization", bearer}}).status,
            400);
}

TEST_F(GatewayStreamsTest, UploadsPastTheLimitOrMalformedAreRefusedWithPreciseErrors) {
  const std::string bearer = "Bearer " + BearerLogin("rep@gamma.example");
  const Headers auth = With(kMultipart, "Authorization", bearer);
  // 11 MB: refused from its Content-Length, before the server is called.
  HttpResult big = Send("POST", "/v1/attachments",
                        MultipartBody(kBoundary, {}, "big.pdf", Pdf(11'000'000)), auth);
  EXPECT_EQ(big.status, 413) << big.body;
  EXPECT_EQ(JsonField(big.body, "code"), "8");
  EXPECT_THAT(big.body, HasSubstr("larger than 10551296 bytes"));
  // Within the gateway's limit but over the server's 10 MiB: the server's field error.
  HttpResult over = Send("POST", "/v1/attachments",
                         MultipartBody(kBoundary, {}, "over.pdf", Pdf(10'500'000)), auth);
  EXPECT_EQ(over.status, 400) << over.body;
  EXPECT_THAT(over.body, HasSubstr("larger than 10 MiB"));
  EXPECT_THAT(over.body, HasSubstr("\"field\":\"chunk\""));

  struct Case {
    std::string name, body;
    Headers headers;
    int status;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"not multipart",
       "{}",
       {{"Authorization", bearer}, {"Content-Type", "application/json"}},
       415,
       "multipart/form-data"},
      {"no boundary",
       "x",
       {{"Authorization", bearer}, {"Content-Type", "multipart/form-data"}},
       415,
       "without a boundary"},
      {"no file part",
       absl::StrCat("--", kBoundary,
                    "\r\nContent-Disposition: form-data; name=\"partner_id\"\r\n\r\n",
                    partner_.id(), "\r\n--", kBoundary, "--\r\n"),
       auth, 400, "no file part"},
      {"unknown form field", MultipartBody(kBoundary, {{"colour", "red"}}, "a.pdf", Pdf(100)), auth,
       400, "colour"},
      {"bad field value", MultipartBody(kBoundary, {{"partner_id", "twelve"}}, "a.pdf", Pdf(100)),
       auth, 400, "partner_id"},
      {"unterminated",
       absl::StrCat("--", kBoundary, "\r\nContent-Disposition: form-data; ",
                    "name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.7"),
       auth, 400, "closing boundary"},
      {"not a PDF, PNG or JPEG", MultipartBody(kBoundary, {}, "a.pdf", "plain text"), auth, 400,
       "PDF"},
      {"no credentials", MultipartBody(kBoundary, {}, "a.pdf", Pdf(100)), kMultipart, 401, ""},
      {"cookie without the CSRF header", MultipartBody(kBoundary, {}, "a.pdf", Pdf(100)),
       With(kMultipart, "Cookie", "cim_session=abc"), 403, "X-CIM-Client"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    HttpResult r = Send("POST", "/v1/attachments", c.body, c.headers);
    EXPECT_EQ(r.status, c.status) << r.body;
    EXPECT_THAT(r.body, HasSubstr(c.message));
    EXPECT_FALSE(JsonField(r.body, "requestId").empty()) << r.body;
  }
  // A partner rep may not upload for another partner.
  HttpResult foreign = Send(
      "POST", "/v1/attachments",
      MultipartBody(kBoundary, {{"partner_id", std::to_string(other_.id())}}, "a.pdf", Pdf(100)),
      auth);
  EXPECT_EQ(foreign.status / 100, 4) << foreign.body;
  EXPECT_NE(foreign.status, 200);
}

TEST_F(GatewayStreamsTest, ClaimEventsStreamAsServerSentEventsAndResumeByLastEventId) {
  RestartGateway([](GatewayOptions& o) { o.sse_heartbeat = absl::Milliseconds(300); });
  const int64_t program = ProgramForClaims();
  const std::string rep = "Bearer " + BearerLogin("rep@gamma.example");
  const std::string manager = "Bearer " + BearerLogin("cm@vendor.example");
  server_.CreateUser("rep@delta.example", cim::v1::ROLE_PARTNER_REP, other_.id());
  const std::string other = "Bearer " + BearerLogin("rep@delta.example");

  SseClient stream(http_->port(), "/v1/claims:watch", {{"Authorization", rep}});
  ASSERT_EQ(stream.response().status, 200) << stream.response().body;
  EXPECT_EQ(stream.response().header("content-type"), "text/event-stream");
  EXPECT_EQ(stream.response().header("cache-control"), "no-store");
  EXPECT_FALSE(stream.response().header("x-request-id").empty());
  SseClient foreign(http_->port(), "/v1/claims:watch", {{"Authorization", other}});
  ASSERT_EQ(foreign.response().status, 200);

  const int64_t claim = SubmitClaim(rep, program, "INV-SSE-1");
  std::optional<SseEvent> submitted = stream.Next(5000);
  ASSERT_TRUE(submitted.has_value());
  EXPECT_EQ(JsonField(submitted->data, "claimId"), std::to_string(claim));
  EXPECT_EQ(JsonField(submitted->data, "partnerId"), std::to_string(partner_.id()));
  EXPECT_EQ(JsonField(submitted->data, "toStatus"), "CLAIM_STATUS_SUBMITTED");
  EXPECT_EQ(submitted->id, JsonField(submitted->data, "resumeAfter"));
  EXPECT_EQ(submitted->id, JsonField(submitted->data, "eventId"));

  ASSERT_EQ(Send("POST", absl::StrCat("/v1/claims/", claim, ":startReview"), "{}",
                 {{"Authorization", manager}})
                .status,
            200);
  std::optional<SseEvent> reviewing = stream.Next(5000);
  ASSERT_TRUE(reviewing.has_value());
  EXPECT_EQ(JsonField(reviewing->data, "toStatus"), "CLAIM_STATUS_IN_REVIEW");
  EXPECT_GT(std::atoll(reviewing->id.c_str()), std::atoll(submitted->id.c_str()));
  // Heartbeats while nothing happens.
  EXPECT_FALSE(stream.Next(1000).has_value());
  EXPECT_GE(stream.comments(), 2);
  // The other partner saw none of it.
  EXPECT_FALSE(foreign.Next(200).has_value());

  // A reconnecting client resumes after the last event it saw.
  SseClient resumed(http_->port(), "/v1/claims:watch",
                    {{"Authorization", rep}, {"Last-Event-ID", submitted->id}});
  ASSERT_EQ(resumed.response().status, 200);
  std::optional<SseEvent> replayed = resumed.Next(5000);
  ASSERT_TRUE(replayed.has_value());
  EXPECT_EQ(replayed->id, reviewing->id);
  // The manager sees every partner's claims, and may filter by claim.
  SseClient all(http_->port(), absl::StrCat("/v1/claims:watch?claimId=", claim),
                {{"Authorization", manager}, {"Last-Event-ID", submitted->id}});
  std::optional<SseEvent> first = all.Next(5000);
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->id, reviewing->id);

  // Errors the server finds at once keep their HTTP status.
  EXPECT_EQ(SseClient(http_->port(), "/v1/claims:watch").response().status, 401);
  SseClient bad(http_->port(), "/v1/claims:watch",
                {{"Authorization", rep}, {"Last-Event-ID", "x"}});
  EXPECT_EQ(bad.response().status, 400);
  EXPECT_THAT(bad.response().body, HasSubstr("Last-Event-ID"));
  SseClient negative(http_->port(), "/v1/claims:watch?programId=-4", {{"Authorization", rep}});
  EXPECT_EQ(negative.response().status, 400);
  EXPECT_THAT(negative.response().body, HasSubstr("program_id"));
}

// A stream whose replica dies is resumed through the gateway on another with Last-Event-ID:
// the event ids are the database's, the same on every replica.
TEST_F(GatewayStreamsTest, AStreamResumesOnAnotherReplicaAfterItsReplicaDies) {
  const int64_t program = ProgramForClaims();
  std::unique_ptr<ServerApp> a, b;
  ASSERT_NO_FATAL_FAILURE(GatewayOverTwoReplicas(a, b));
  const std::string rep = "Bearer " + BearerLogin("rep@gamma.example");

  std::optional<SseEvent> first;
  {
    SseClient stream(http_->port(), "/v1/claims:watch", {{"Authorization", rep}});
    ASSERT_EQ(stream.response().status, 200) << stream.response().body;
    SubmitClaim(rep, program, "INV-HA-1");
    first = stream.Next(5000);
    ASSERT_TRUE(first.has_value());
    // Whichever replica served the stream, one of the two dies now; the stream may end.
    a.reset();
  }
  const int64_t second_claim = SubmitClaim(rep, program, "INV-HA-2");
  SseClient resumed(http_->port(), "/v1/claims:watch",
                    {{"Authorization", rep}, {"Last-Event-ID", first->id}});
  ASSERT_EQ(resumed.response().status, 200) << resumed.response().body;
  std::optional<SseEvent> next = resumed.Next(5000);
  ASSERT_TRUE(next.has_value());
  // The event after the last one seen, not the first again.
  EXPECT_EQ(JsonField(next->data, "claimId"), std::to_string(second_claim));
  EXPECT_GT(std::atoll(next->id.c_str()), std::atoll(first->id.c_str()));
}

TEST_F(GatewayStreamsTest, RecognitionStreamsAsServerSentEvents) {
  const std::string rep = "Bearer " + BearerLogin("rep@gamma.example");
  // The first update comes at once: the rep's standing.
  SseClient progress(http_->port(), "/v1/recognition:watch", {{"Authorization", rep}});
  ASSERT_EQ(progress.response().status, 200) << progress.response().body;
  EXPECT_EQ(progress.response().header("content-type"), "text/event-stream");
  std::optional<SseEvent> first = progress.Next(5000);
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(JsonField(first->data, "lifetimePoints"), "0");
  // Bad requests and unknown boards keep their HTTP status; a custom verb is not an id.
  SseClient bad(http_->port(), "/v1/recognition:watch?leaderboardIds=-2", {{"Authorization", rep}});
  EXPECT_EQ(bad.response().status, 400);
  EXPECT_THAT(bad.response().body, HasSubstr("leaderboard_ids[0]"));
  SseClient missing(http_->port(), "/v1/leaderboards/999:watch", {{"Authorization", rep}});
  EXPECT_EQ(missing.response().status, 404) << missing.response().body;
  EXPECT_EQ(SseClient(http_->port(), "/v1/recognition:watch").response().status, 401);
}

TEST_F(GatewayStreamsTest, AnUploadCutOffByTheClientStoresNothing) {
  const std::string bearer = "Bearer " + BearerLogin("rep@gamma.example");
  const Headers auth = With(kMultipart, "Authorization", bearer);
  const auto upload = [&] {
    HttpResult r =
        Send("POST", "/v1/attachments", MultipartBody(kBoundary, {}, "a.pdf", Pdf(1000)), auth);
    EXPECT_EQ(r.status, 200) << r.body;
    return std::atoll(JsonField(r.body, "id").c_str());
  };
  const int64_t before = upload();
  {
    // Half of a 2 MB upload, then the client goes away.
    const std::string body = MultipartBody(kBoundary, {}, "cut.pdf", Pdf(2'000'000));
    boost::asio::io_context ioc;
    boost::asio::ip::tcp::socket socket(ioc);
    socket.connect(
        {boost::asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(http_->port())});
    const std::string head = absl::StrCat(
        "POST /v1/attachments HTTP/1.1\r\nHost: x\r\nAuthorization: ", bearer,
        "\r\nContent-Type: multipart/form-data; boundary=", kBoundary,
        "\r\nContent-Length: ", body.size(), "\r\n\r\n", body.substr(0, body.size() / 2));
    boost::asio::write(socket, boost::asio::buffer(head));
    absl::SleepFor(absl::Milliseconds(300));  // the gateway has streamed some of it on
  }
  absl::SleepFor(absl::Milliseconds(500));  // the cancellation reaches the server
  // Nothing was stored in between: the next id follows the first.
  EXPECT_EQ(upload(), before + 1);
}

TEST_F(GatewayStreamsTest, ExportsDownloadAsCsvAndTheAuditTrailKeepsTheBrowsersAddress) {
  server_.CreateUser("fin@vendor.example", cim::v1::ROLE_FINANCE);
  const std::string finance = "Bearer " + BearerLogin("fin@vendor.example");
  HttpResult ledger = Send("GET", "/v1/ledger-entries:export", "", {{"Authorization", finance}});
  ASSERT_EQ(ledger.status, 200) << ledger.body;
  EXPECT_EQ(ledger.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_THAT(ledger.header("content-disposition"), HasSubstr("ledger-2026-03-02.csv"));
  EXPECT_TRUE(absl::StartsWith(ledger.body, "entry_id,posted_utc,partner_id,")) << ledger.body;
  // Errors before the first byte keep their HTTP status and JSON body.
  HttpResult bad =
      Send("GET", "/v1/claims:export?fromDate=2026-02-30", "", {{"Authorization", finance}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_THAT(bad.body, HasSubstr("from_date"));
  const std::string rep = "Bearer " + BearerLogin("rep@gamma.example");
  EXPECT_EQ(Send("GET", "/v1/claims:export", "", {{"Authorization", rep}}).status, 403);

  // Every sign-in above went through the gateway: the trail has the browser's address.
  HttpResult records = Send("GET", "/v1/audit-records?rpc=Login", "", {{"Authorization", finance}});
  ASSERT_EQ(records.status, 200) << records.body;
  EXPECT_THAT(JsonField(records.body, "clientAddress"), HasSubstr("127.0.0.1 via "));
  EXPECT_EQ(JsonField(records.body, "entityType"), "access_tokens");
  EXPECT_EQ(Send("GET", "/v1/audit-records", "", {{"Authorization", rep}}).status, 403);
  HttpResult verified =
      Send("POST", "/v1/audit-records:verify", "{}", {{"Authorization", finance}});
  ASSERT_EQ(verified.status, 200) << verified.body;
  EXPECT_EQ(JsonField(verified.body, "intact"), "true");
}

}  // namespace
}  // namespace cim::gateway
