// MultipartBoundary takes the boundary out of a multipart/form-data Content-Type (RFC 2046's
// 1-70 characters) and refuses anything else with INVALID_ARGUMENT. MultipartParser reports
// each part's name, filename (without a client's folder) and declared type, and its content in
// pieces whatever way the body is cut, holding back only what could begin the next boundary;
// malformed bodies and oversized headers are INVALID_ARGUMENT, a body without its closing
// boundary fails Finish, and an error from a callback stops the parse and is returned.
#include "portal-gateway/http/multipart.h"

#include <string>
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
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kBoundary[] = "----cimBoundary7MA4YWxkTrZu0gW";

// What the parser reported, in order: "part name=… file=… filename=… type=…", "data:<bytes>"
// (adjacent pieces joined) and "end".
class Recorder {
 public:
  MultipartParser::Callbacks Callbacks() {
    return {
        .part =
            [this](const MultipartPart& part) {
              events_.push_back(absl::StrCat("part name=", part.name, " file=", part.is_file,
                                             " filename=", part.filename,
                                             " type=", part.content_type));
              return part_status_;
            },
        .data =
            [this](absl::string_view data) {
              ++pieces_;
              data_bytes_ += data.size();
              if (!events_.empty() && events_.back().rfind("data:", 0) == 0) {
                events_.back().append(data.data(), data.size());
              } else {
                events_.push_back(absl::StrCat("data:", data));
              }
              return data_bytes_ > data_limit_
                         ? absl::ResourceExhaustedError("attachment larger than the limit")
                         : absl::OkStatus();
            },
        .part_end =
            [this] {
              events_.push_back("end");
              return absl::OkStatus();
            },
    };
  }

  std::vector<std::string> events_;
  int pieces_ = 0;
  size_t data_bytes_ = 0;
  size_t data_limit_ = SIZE_MAX;
  absl::Status part_status_;
};

std::string Field(const std::string& name, const std::string& value) {
  return absl::StrCat("--", kBoundary, "\r\nContent-Disposition: form-data; name=\"", name,
                      "\"\r\n\r\n", value, "\r\n");
}

std::string FilePart(const std::string& filename, const std::string& content) {
  return absl::StrCat("--", kBoundary,
                      "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"", filename,
                      "\"\r\nContent-Type: application/pdf\r\n\r\n", content, "\r\n");
}

std::string Close() { return absl::StrCat("--", kBoundary, "--\r\n"); }

TEST(MultipartBoundaryTest, TakesTheBoundaryOfAFormDataType) {
  const struct {
    const char* content_type;
    const char* boundary;
  } cases[] = {
      {"multipart/form-data; boundary=abc123", "abc123"},
      {"multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW",
       "----WebKitFormBoundary7MA4YWxkTrZu0gW"},
      {"Multipart/Form-Data; BOUNDARY=xyz", "xyz"},
      {"multipart/form-data; charset=utf-8; boundary=xyz", "xyz"},
      {"multipart/form-data; boundary=\"simple boundary\"", "simple boundary"},
      {"multipart/form-data;boundary=a'()+_,-./:=?", "a'()+_,-./:=?"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.content_type);
    EXPECT_THAT(MultipartBoundary(c.content_type), IsOkAndHolds(std::string(c.boundary)));
  }
  EXPECT_THAT(
      MultipartBoundary(absl::StrCat("multipart/form-data; boundary=", std::string(70, 'b'))),
      IsOkAndHolds(std::string(70, 'b')));
}

TEST(MultipartBoundaryTest, RefusesOtherTypesAndMalformedBoundaries) {
  const struct {
    std::string content_type;
    const char* message;
  } cases[] = {
      {"application/json", "expected Content-Type: multipart/form-data"},
      {"multipart/mixed; boundary=abc", "expected Content-Type: multipart/form-data"},
      {"", "expected Content-Type: multipart/form-data"},
      {"multipart/form-data", "multipart/form-data without a boundary"},
      {"multipart/form-data; charset=utf-8", "multipart/form-data without a boundary"},
      {"multipart/form-data; boundary=", "boundary is malformed"},
      {"multipart/form-data; boundary=\"\"", "boundary is malformed"},
      {"multipart/form-data; boundary=abc@def", "boundary is malformed"},
      {absl::StrCat("multipart/form-data; boundary=", std::string(71, 'b')),
       "boundary is malformed"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.content_type);
    EXPECT_THAT(MultipartBoundary(c.content_type),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(c.message)));
  }
}

TEST(MultipartParserTest, ReportsFieldsAndAFileWithItsContent) {
  Recorder recorder;
  MultipartParser parser(kBoundary, recorder.Callbacks());
  const std::string body = absl::StrCat(
      "preamble, ignored\r\n", Field("partner_id", "12"), Field("note", ""),
      FilePart("Invoice 7.pdf", "%PDF-1.7\r\n--not a boundary"), Close(), "epilogue, ignored");
  EXPECT_THAT(parser.Feed(body), IsOk());
  EXPECT_THAT(parser.Finish(), IsOk());
  EXPECT_THAT(recorder.events_,
              ElementsAre("part name=partner_id file=0 filename= type=", "data:12", "end",
                          "part name=note file=0 filename= type=", "end",
                          "part name=file file=1 filename=Invoice 7.pdf type=application/pdf",
                          "data:%PDF-1.7\r\n--not a boundary", "end"));
}

TEST(MultipartParserTest, TheSameBodyCutAnywhereGivesTheSameParts) {
  const std::string body =
      absl::StrCat(Field("partner_id", "12"), FilePart("a.pdf", "%PDF\r\n-\r\n--x\r"), Close());
  Recorder whole;
  MultipartParser whole_parser(kBoundary, whole.Callbacks());
  ASSERT_THAT(whole_parser.Feed(body), IsOk());
  ASSERT_THAT(whole_parser.Finish(), IsOk());

  // Byte by byte.
  Recorder bytes;
  MultipartParser byte_parser(kBoundary, bytes.Callbacks());
  for (char c : body) ASSERT_THAT(byte_parser.Feed(absl::string_view(&c, 1)), IsOk());
  EXPECT_THAT(byte_parser.Finish(), IsOk());
  EXPECT_EQ(bytes.events_, whole.events_);
  // In two pieces, cut at every position.
  for (size_t cut = 0; cut <= body.size(); ++cut) {
    Recorder two;
    MultipartParser parser(kBoundary, two.Callbacks());
    ASSERT_THAT(parser.Feed(body.substr(0, cut)), IsOk()) << cut;
    ASSERT_THAT(parser.Feed(body.substr(cut)), IsOk()) << cut;
    EXPECT_THAT(parser.Finish(), IsOk()) << cut;
    EXPECT_EQ(two.events_, whole.events_) << cut;
  }
}

TEST(MultipartParserTest, StreamsContentHoldingBackOnlyAPossibleBoundary) {
  Recorder recorder;
  MultipartParser parser(kBoundary, recorder.Callbacks());
  const std::string head = FilePart("a.pdf", "");
  ASSERT_THAT(parser.Feed(head.substr(0, head.size() - 2)), IsOk());  // headers, no content
  const std::string content(100'000, 'x');
  ASSERT_THAT(parser.Feed(content), IsOk());
  // "\r\n--" + boundary is the delimiter: all but its length - 1 bytes are passed on at once.
  const size_t delimiter = 4 + std::string(kBoundary).size();
  EXPECT_EQ(recorder.data_bytes_, content.size() - (delimiter - 1));
  EXPECT_THAT(parser.Finish(), StatusIs(absl::StatusCode::kInvalidArgument));
  ASSERT_THAT(parser.Feed(absl::StrCat("\r\n", Close())), IsOk());
  EXPECT_EQ(recorder.data_bytes_, content.size());
  EXPECT_EQ(recorder.events_.back(), "end");
  EXPECT_THAT(parser.Finish(), IsOk());
}

TEST(MultipartParserTest, ReadsHeaderNamesAndValuesInAnyCaseAndPadding) {
  Recorder recorder;
  MultipartParser parser(kBoundary, recorder.Callbacks());
  const std::string body =
      absl::StrCat("--", kBoundary, "  \r\n",  // transport padding after the boundary
                   "content-disposition: FORM-DATA; NAME=upload ; Filename=scan.png\r\n",
                   "CONTENT-TYPE:  image/png \r\nX-Other: ignored\r\n\r\n", "png", "\r\n", Close());
  EXPECT_THAT(parser.Feed(body), IsOk());
  EXPECT_THAT(parser.Finish(), IsOk());
  EXPECT_THAT(
      recorder.events_,
      ElementsAre("part name=upload file=1 filename=scan.png type=image/png", "data:png", "end"));
}

TEST(MultipartParserTest, FilenamesLoseTheClientsFolderAndKeepTheirText) {
  const struct {
    const char* disposition_filename;
    const char* filename;
  } cases[] = {
      {R"(filename="Invoice 7.pdf")", "Invoice 7.pdf"},
      {R"(filename="Invoice März.pdf")", "Invoice März.pdf"},
      {R"(filename="say \"hi\"; now.png")", "say \"hi\"; now.png"},
      {R"(filename="/home/rep/scan.jpg")", "scan.jpg"},
      // Older browsers sent the Windows path as it was, in quotes.
      {R"(filename="C:\Users\rep\Invoice 7.pdf")", "Invoice 7.pdf"},
      {R"(filename="C:\\Users\\rep\\Invoice 7.pdf")", "Invoice 7.pdf"},
      {R"(filename=C:\Users\rep\scan.jpg)", "scan.jpg"},
      {R"(filename="")", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.disposition_filename);
    Recorder recorder;
    MultipartParser parser(kBoundary, recorder.Callbacks());
    ASSERT_THAT(parser.Feed(absl::StrCat("--", kBoundary,
                                         "\r\nContent-Disposition: form-data; name=\"file\"; ",
                                         c.disposition_filename, "\r\n\r\nx\r\n", Close())),
                IsOk());
    EXPECT_THAT(recorder.events_,
                ElementsAre(absl::StrCat("part name=file file=1 filename=", c.filename, " type="),
                            "data:x", "end"));
  }
}

TEST(MultipartParserTest, MalformedBodiesAreInvalidArgument) {
  const std::string b = kBoundary;
  const struct {
    const char* name;
    std::string body;
    const char* message;
  } cases[] = {
      {"no boundary in the first 8 KiB", std::string(9000, 'x'),
       "multipart body does not start with its boundary"},
      {"text after the boundary", absl::StrCat("--", b, "junk\r\n"),
       "malformed multipart boundary line"},
      {"a boundary line that never ends", absl::StrCat("--", b, std::string(100, ' ')),
       "malformed multipart boundary"},
      {"a header without a colon",
       absl::StrCat("--", b, "\r\nContent-Disposition form-data; name=\"a\"\r\n\r\nx"),
       "malformed multipart part header"},
      {"not form-data",
       absl::StrCat("--", b, "\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx"),
       "multipart part is not form-data"},
      {"no Content-Disposition", absl::StrCat("--", b, "\r\nContent-Type: text/plain\r\n\r\nx"),
       "multipart part without Content-Disposition: form-data name"},
      {"no headers at all", absl::StrCat("--", b, "\r\n\r\nx"),
       "multipart part without Content-Disposition: form-data name"},
      {"no name",
       absl::StrCat("--", b, "\r\nContent-Disposition: form-data; filename=\"a.pdf\"\r\n\r\nx"),
       "multipart part without Content-Disposition: form-data name"},
      {"headers over 8 KiB",
       absl::StrCat("--", b, "\r\nContent-Disposition: form-data; name=\"a\"\r\nX-Pad: ",
                    std::string(9000, 'p')),
       "multipart part headers are too long"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    Recorder recorder;
    MultipartParser parser(kBoundary, recorder.Callbacks());
    EXPECT_THAT(parser.Feed(c.body),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(c.message)));
    EXPECT_THAT(recorder.events_, ::testing::Not(::testing::Contains("end")));
  }
}

TEST(MultipartParserTest, FinishNeedsTheClosingBoundary) {
  for (const std::string& body :
       {std::string(), Field("a", "1"), absl::StrCat(Field("a", "1"), "--", kBoundary, "-"),
        absl::StrCat(FilePart("a.pdf", "%PDF"), "--", kBoundary)}) {
    SCOPED_TRACE(body);
    Recorder recorder;
    MultipartParser parser(kBoundary, recorder.Callbacks());
    ASSERT_THAT(parser.Feed(body), IsOk());
    EXPECT_THAT(parser.Finish(),
                StatusIs(absl::StatusCode::kInvalidArgument,
                         HasSubstr("the multipart body ended before its closing boundary")));
  }
  // A body of the closing boundary alone has no parts, and is complete.
  Recorder recorder;
  MultipartParser parser(kBoundary, recorder.Callbacks());
  ASSERT_THAT(parser.Feed(Close()), IsOk());
  EXPECT_THAT(parser.Finish(), IsOk());
  EXPECT_TRUE(recorder.events_.empty());
}

TEST(MultipartParserTest, ACallbackErrorStopsTheParseAndIsReturned) {
  {
    // The receiver refuses the part (say, a field it does not know).
    Recorder recorder;
    recorder.part_status_ = absl::InvalidArgumentError("unknown form field \"colour\"");
    MultipartParser parser(kBoundary, recorder.Callbacks());
    EXPECT_THAT(parser.Feed(absl::StrCat(Field("colour", "red"), Close())),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("colour")));
    EXPECT_THAT(recorder.events_, ElementsAre("part name=colour file=0 filename= type="));
  }
  {
    // The receiver's size limit: content past it is not passed on.
    Recorder recorder;
    recorder.data_limit_ = 1000;
    MultipartParser parser(kBoundary, recorder.Callbacks());
    EXPECT_THAT(parser.Feed(absl::StrCat(FilePart("a.pdf", std::string(5000, 'x')), Field("b", "2"),
                                         Close())),
                StatusIs(absl::StatusCode::kResourceExhausted, HasSubstr("larger than the limit")));
    EXPECT_EQ(recorder.pieces_, 1);
    EXPECT_THAT(recorder.events_, ::testing::Not(::testing::Contains("end")));
  }
}

}  // namespace
}  // namespace cim::gateway
