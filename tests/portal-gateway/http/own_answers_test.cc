// The server's own answers: 413 and 400 and 503 (with Retry-After) in the gateway's JSON error
// format, each closing the connection and carrying the configured headers.
#include "portal-gateway/http/own_answers.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace cim::gateway {
namespace {

using ::testing::HasSubstr;

void AddTestHeader(http::fields& fields) { fields.set("X-Content-Type-Options", "nosniff"); }

TEST(OwnAnswersTest, BodyTooLarge) {
  const HttpResponse answer = BodyTooLargeAnswer(1048576, AddTestHeader);
  EXPECT_EQ(answer.result_int(), 413);
  EXPECT_FALSE(answer.keep_alive());
  EXPECT_EQ(answer["X-Content-Type-Options"], "nosniff");
  EXPECT_EQ(answer[http::field::content_type], "application/json");
  EXPECT_THAT(answer.body(), HasSubstr("\"code\":8"));
  EXPECT_THAT(answer.body(), HasSubstr("request body larger than 1048576 bytes"));
  EXPECT_EQ(answer[http::field::content_length], std::to_string(answer.body().size()));
}

TEST(OwnAnswersTest, MalformedRequest) {
  const HttpResponse answer = MalformedRequestAnswer("bad method", nullptr);
  EXPECT_EQ(answer.result_int(), 400);
  EXPECT_FALSE(answer.keep_alive());
  EXPECT_THAT(answer.body(), HasSubstr("\"code\":3"));
  EXPECT_THAT(answer.body(), HasSubstr("malformed HTTP request: bad method"));
}

TEST(OwnAnswersTest, BusyAsksToRetryInASecond) {
  const HttpResponse answer = BusyAnswer("too many streams in progress", AddTestHeader);
  EXPECT_EQ(answer.result_int(), 503);
  EXPECT_EQ(answer[http::field::retry_after], "1");
  EXPECT_FALSE(answer.keep_alive());
  EXPECT_EQ(answer["X-Content-Type-Options"], "nosniff");
  EXPECT_THAT(answer.body(), HasSubstr("\"code\":14"));
  EXPECT_THAT(answer.body(), HasSubstr("too many streams in progress"));
}

}  // namespace
}  // namespace cim::gateway
