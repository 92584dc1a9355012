#include "portal-gateway/http/multipart.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace cim::gateway {
namespace {

constexpr size_t kMaxHeaderBytes = 8 * 1024;

// RFC 2046: 1 to 70 characters from a restricted set.
bool ValidBoundary(absl::string_view b) {
  if (b.empty() || b.size() > 70) return false;
  for (char c : b) {
    if (!absl::ascii_isalnum(c) && !absl::StrContains("'()+_,-./:=? ", c)) return false;
  }
  return true;
}

// A header parameter value: a token or a quoted string (a backslash escapes a quote or a
// backslash; before anything else it is itself, as in the Windows paths older browsers sent).
std::string ParamValue(absl::string_view v) {
  v = absl::StripAsciiWhitespace(v);
  if (v.size() < 2 || v.front() != '"' || v.back() != '"') return std::string(v);
  std::string out;
  for (size_t i = 1; i + 1 < v.size(); ++i) {
    if (v[i] == '\\' && i + 2 < v.size() && (v[i + 1] == '"' || v[i + 1] == '\\')) ++i;
    out += v[i];
  }
  return out;
}

// Splits "type; a=1; b=\"x;y\"" at semicolons outside quotes.
std::vector<absl::string_view> SplitParams(absl::string_view header) {
  std::vector<absl::string_view> out;
  bool quoted = false;
  size_t start = 0;
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == '\\' && quoted) {
      ++i;
    } else if (header[i] == '"') {
      quoted = !quoted;
    } else if (header[i] == ';' && !quoted) {
      out.push_back(header.substr(start, i - start));
      start = i + 1;
    }
  }
  out.push_back(header.substr(start));
  return out;
}

}  // namespace

absl::StatusOr<std::string> MultipartBoundary(absl::string_view content_type) {
  std::vector<absl::string_view> params = SplitParams(content_type);
  if (!absl::EqualsIgnoreCase(absl::StripAsciiWhitespace(params[0]), "multipart/form-data")) {
    return absl::InvalidArgumentError("expected Content-Type: multipart/form-data");
  }
  for (size_t i = 1; i < params.size(); ++i) {
    std::pair<absl::string_view, absl::string_view> kv =
        absl::StrSplit(params[i], absl::MaxSplits('=', 1));
    if (!absl::EqualsIgnoreCase(absl::StripAsciiWhitespace(kv.first), "boundary")) continue;
    std::string boundary = ParamValue(kv.second);
    if (!ValidBoundary(boundary)) {
      return absl::InvalidArgumentError("multipart/form-data boundary is malformed");
    }
    return boundary;
  }
  return absl::InvalidArgumentError("multipart/form-data without a boundary");
}

MultipartParser::MultipartParser(const std::string& boundary, Callbacks callbacks)
    : delimiter_(absl::StrCat("\r\n--", boundary)),
      callbacks_(std::move(callbacks)),
      // The first boundary may open the body, without the CRLF that precedes the others.
      pending_("\r\n") {}

absl::Status MultipartParser::Feed(absl::string_view data) {
  pending_.append(data.data(), data.size());
  size_t pos = 0;  // consumed from pending_
  absl::Status status;
  while (status.ok()) {
    const absl::string_view rest = absl::string_view(pending_).substr(pos);
    if (state_ == State::kDelimiter) {
      // The preamble (ignored) up to the first delimiter.
      const size_t at = rest.find(delimiter_);
      if (at == absl::string_view::npos) {
        if (rest.size() > kMaxHeaderBytes) {
          return absl::InvalidArgumentError("multipart body does not start with its boundary");
        }
        break;
      }
      pos += at + delimiter_.size();
      state_ = State::kAfterDelimiter;
    } else if (state_ == State::kAfterDelimiter) {
      // "--" closes the body; otherwise optional whitespace and CRLF open a part.
      if (rest.size() < 2) break;
      if (rest.substr(0, 2) == "--") {
        state_ = State::kDone;
        pos = pending_.size();
        break;
      }
      const size_t eol = rest.find("\r\n");
      if (eol == absl::string_view::npos) {
        if (rest.size() > 64) return absl::InvalidArgumentError("malformed multipart boundary");
        break;
      }
      if (!absl::StripAsciiWhitespace(rest.substr(0, eol)).empty()) {
        return absl::InvalidArgumentError("malformed multipart boundary line");
      }
      pos += eol + 2;
      state_ = State::kHeaders;
    } else if (state_ == State::kHeaders) {
      size_t end = rest.find("\r\n\r\n");
      size_t skip = 4;
      if (absl::StartsWith(rest, "\r\n")) end = 0, skip = 2;  // a part without headers
      if (end == absl::string_view::npos) {
        if (rest.size() > kMaxHeaderBytes) {
          return absl::InvalidArgumentError("multipart part headers are too long");
        }
        break;
      }
      status = ParseHeaders(rest.substr(0, end));
      pos += end + skip;
      state_ = State::kBody;
    } else if (state_ == State::kBody) {
      const size_t at = rest.find(delimiter_);
      if (at == absl::string_view::npos) {
        // All but what could be the start of a delimiter.
        const size_t safe =
            rest.size() >= delimiter_.size() ? rest.size() - delimiter_.size() + 1 : 0;
        if (safe > 0) status = callbacks_.data(rest.substr(0, safe));
        pos += safe;
        break;
      }
      if (at > 0) status = callbacks_.data(rest.substr(0, at));
      if (status.ok()) status = callbacks_.part_end();
      pos += at + delimiter_.size();
      state_ = State::kAfterDelimiter;
    } else {  // kDone: the epilogue is ignored
      pos = pending_.size();
      break;
    }
  }
  pending_.erase(0, pos);
  return status;
}

absl::Status MultipartParser::Finish() const {
  if (state_ == State::kDone) return absl::OkStatus();
  return absl::InvalidArgumentError("the multipart body ended before its closing boundary");
}

absl::Status MultipartParser::ParseHeaders(absl::string_view block) {
  MultipartPart part;
  bool disposition = false;
  for (absl::string_view line : absl::StrSplit(block, "\r\n", absl::SkipEmpty())) {
    const size_t colon = line.find(':');
    if (colon == absl::string_view::npos) {
      return absl::InvalidArgumentError("malformed multipart part header");
    }
    const absl::string_view name = absl::StripAsciiWhitespace(line.substr(0, colon));
    const absl::string_view value = line.substr(colon + 1);
    if (absl::EqualsIgnoreCase(name, "Content-Type")) {
      part.content_type = std::string(absl::StripAsciiWhitespace(value));
    } else if (absl::EqualsIgnoreCase(name, "Content-Disposition")) {
      std::vector<absl::string_view> params = SplitParams(value);
      if (!absl::EqualsIgnoreCase(absl::StripAsciiWhitespace(params[0]), "form-data")) {
        return absl::InvalidArgumentError("multipart part is not form-data");
      }
      disposition = true;
      for (size_t i = 1; i < params.size(); ++i) {
        std::pair<absl::string_view, absl::string_view> kv =
            absl::StrSplit(params[i], absl::MaxSplits('=', 1));
        const absl::string_view key = absl::StripAsciiWhitespace(kv.first);
        if (absl::EqualsIgnoreCase(key, "name")) {
          part.name = ParamValue(kv.second);
        } else if (absl::EqualsIgnoreCase(key, "filename")) {
          part.filename = ParamValue(kv.second);
          part.is_file = true;
        }
      }
    }
  }
  if (!disposition || part.name.empty()) {
    return absl::InvalidArgumentError("multipart part without Content-Disposition: form-data name");
  }
  // Browsers send the name alone; older ones sent a Windows path.
  if (const size_t slash = part.filename.find_last_of("/\\"); slash != std::string::npos) {
    part.filename.erase(0, slash + 1);
  }
  return callbacks_.part(part);
}

}  // namespace cim::gateway
