#include "portal-gateway/transcode/path_template.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace cim::gateway {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsFieldPath(absl::string_view s) {
  if (s.empty()) return false;
  for (absl::string_view part : absl::StrSplit(s, '.')) {
    if (part.empty() || absl::ascii_isdigit(part[0])) return false;
    for (char c : part) {
      if (!absl::ascii_isalnum(c) && c != '_') return false;
    }
  }
  return true;
}

}  // namespace

std::optional<std::string> PercentDecode(absl::string_view s, bool keep_slash_encoded) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out += s[i];
      continue;
    }
    if (i + 2 >= s.size()) return std::nullopt;
    const int hi = HexValue(s[i + 1]), lo = HexValue(s[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    const char c = static_cast<char>(hi * 16 + lo);
    if (keep_slash_encoded && c == '/') {
      out.append(s.substr(i, 3).data(), 3);
    } else {
      out += c;
    }
    i += 2;
  }
  return out;
}

absl::StatusOr<PathTemplate> PathTemplate::Parse(absl::string_view text) {
  PathTemplate t;
  t.text_ = std::string(text);
  auto error = [&](absl::string_view why) {
    return absl::InvalidArgumentError(absl::StrCat("bad path template \"", text, "\": ", why));
  };
  if (text.empty() || text[0] != '/') return error("must start with '/'");
  absl::string_view rest = text.substr(1);
  // The verb is a ':' after the last '/' and outside braces.
  size_t depth = 0, verb_at = absl::string_view::npos;
  for (size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '{') ++depth;
    if (rest[i] == '}') --depth;
    if (rest[i] == '/') verb_at = absl::string_view::npos;
    if (rest[i] == ':' && depth == 0) verb_at = i;
  }
  if (verb_at != absl::string_view::npos) {
    t.verb_ = std::string(rest.substr(verb_at + 1));
    if (t.verb_.empty()) return error("empty verb");
    rest = rest.substr(0, verb_at);
  }
  size_t i = 0;
  bool deep_seen = false;
  auto add_segment = [&](absl::string_view seg) -> absl::Status {
    if (seg.empty()) return error("empty segment");
    if (deep_seen) return error("'**' must be the last segment");
    if (seg == "*") {
      t.segments_.push_back({Kind::kWildcard, ""});
    } else if (seg == "**") {
      t.segments_.push_back({Kind::kDeepWildcard, ""});
      deep_seen = true;
    } else {
      for (char c : seg) {
        if (c == '{' || c == '}' || c == '*' || c == '=') return error("unexpected character");
      }
      t.segments_.push_back({Kind::kLiteral, std::string(seg)});
    }
    return absl::OkStatus();
  };
  while (i <= rest.size()) {
    if (i < rest.size() && rest[i] == '{') {
      const size_t close = rest.find('}', i);
      if (close == absl::string_view::npos) return error("unclosed '{'");
      absl::string_view inner = rest.substr(i + 1, close - i - 1);
      if (inner.find('{') != absl::string_view::npos) return error("nested variables");
      const size_t eq = inner.find('=');
      const absl::string_view field = inner.substr(0, eq);
      if (!IsFieldPath(field)) return error(absl::StrCat("bad field path \"", field, "\""));
      for (const Variable& v : t.variables_) {
        if (v.field_path == field) return error(absl::StrCat("\"", field, "\" bound twice"));
      }
      Variable var{std::string(field), t.segments_.size(), 0};
      if (eq == absl::string_view::npos) {
        auto st = add_segment("*");
        if (!st.ok()) return st;
      } else {
        for (absl::string_view seg : absl::StrSplit(inner.substr(eq + 1), '/')) {
          auto st = add_segment(seg);
          if (!st.ok()) return st;
        }
      }
      var.end = t.segments_.size();
      t.variables_.push_back(std::move(var));
      i = close + 1;
      if (i < rest.size() && rest[i] != '/') return error("a variable must end its segment");
      ++i;
      continue;
    }
    size_t slash = rest.find('/', i);
    if (slash == absl::string_view::npos) slash = rest.size();
    auto st = add_segment(rest.substr(i, slash - i));
    if (!st.ok()) return st;
    i = slash + 1;
  }
  return t;
}

std::optional<std::vector<std::pair<std::string, std::string>>> PathTemplate::Match(
    absl::string_view path) const {
  if (path.empty() || path[0] != '/') return std::nullopt;
  absl::string_view rest = path.substr(1);
  if (!verb_.empty()) {
    const size_t colon = rest.rfind(':');
    const size_t slash = rest.rfind('/');
    if (colon == absl::string_view::npos || (slash != absl::string_view::npos && colon < slash) ||
        rest.substr(colon + 1) != verb_) {
      return std::nullopt;
    }
    rest = rest.substr(0, colon);
  }
  std::vector<absl::string_view> parts = absl::StrSplit(rest, '/');
  // Map each template segment to a range of path parts.
  std::vector<std::pair<size_t, size_t>> spans(segments_.size());
  size_t p = 0;
  for (size_t s = 0; s < segments_.size(); ++s) {
    const Segment& seg = segments_[s];
    if (seg.kind == Kind::kDeepWildcard) {
      // Takes the rest (must be last); an empty remainder is allowed.
      spans[s] = {p, parts.size()};
      p = parts.size();
      continue;
    }
    if (p >= parts.size() || parts[p].empty()) return std::nullopt;
    if (seg.kind == Kind::kLiteral) {
      auto decoded = PercentDecode(parts[p]);
      if (!decoded || *decoded != seg.literal) return std::nullopt;
    }
    spans[s] = {p, p + 1};
    ++p;
  }
  if (p != parts.size()) return std::nullopt;

  std::vector<std::pair<std::string, std::string>> bindings;
  for (const Variable& v : variables_) {
    if (v.begin == v.end) continue;
    const size_t from = spans[v.begin].first, to = spans[v.end - 1].second;
    const bool multi = to - from != 1 || segments_[v.begin].kind == Kind::kDeepWildcard;
    std::vector<std::string> decoded_parts;
    for (size_t k = from; k < to; ++k) {
      auto decoded = PercentDecode(parts[k], /*keep_slash_encoded=*/multi);
      if (!decoded) return std::nullopt;
      decoded_parts.push_back(*std::move(decoded));
    }
    bindings.emplace_back(v.field_path, absl::StrJoin(decoded_parts, "/"));
  }
  return bindings;
}

std::vector<std::string> PathTemplate::variables() const {
  std::vector<std::string> out;
  for (const Variable& v : variables_) out.push_back(v.field_path);
  return out;
}

std::string PathTemplate::shape() const {
  std::string out;
  for (const Segment& s : segments_) {
    absl::StrAppend(&out, "/",
                    s.kind == Kind::kLiteral    ? s.literal
                    : s.kind == Kind::kWildcard ? "*"
                                                : "**");
  }
  if (!verb_.empty()) absl::StrAppend(&out, ":", verb_);
  return out;
}

}  // namespace cim::gateway
