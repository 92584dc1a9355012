// google.api.http path templates: parsing and matching.
//
//   Template = "/" Segments [ Verb ] ;
//   Segments = Segment { "/" Segment } ;
//   Segment  = "*" | "**" | LITERAL | Variable ;
//   Variable = "{" FieldPath [ "=" Segments ] "}" ;
//   Verb     = ":" LITERAL ;
#ifndef CIM_PORTAL_GATEWAY_TRANSCODE_PATH_TEMPLATE_H_
#define CIM_PORTAL_GATEWAY_TRANSCODE_PATH_TEMPLATE_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace cim::gateway {

class PathTemplate {
 public:
  // INVALID_ARGUMENT describing the first syntax error.
  static absl::StatusOr<PathTemplate> Parse(absl::string_view text);

  // Bindings of variables (field path → percent-decoded value) if `path` (without query)
  // matches; nullopt otherwise. Single-segment captures decode everything; multi-segment
  // captures keep "%2F" encoded, as the HttpRule spec says.
  std::optional<std::vector<std::pair<std::string, std::string>>> Match(
      absl::string_view path) const;

  const std::string& text() const { return text_; }
  // Whether the template ends in a custom verb (":watch").
  bool has_verb() const { return !verb_.empty(); }
  // Field paths bound by the template, in order.
  std::vector<std::string> variables() const;
  // A canonical form where every variable is written "{}" and literals stay: two templates
  // that match the same paths have the same shape (used to detect colliding annotations).
  std::string shape() const;

 private:
  enum class Kind { kLiteral, kWildcard, kDeepWildcard };
  struct Segment {
    Kind kind;
    std::string literal;
  };
  struct Variable {
    std::string field_path;
    size_t begin;  // first segment index
    size_t end;    // one past the last segment index
  };

  std::string text_;
  std::vector<Segment> segments_;
  std::vector<Variable> variables_;
  std::string verb_;
};

// Percent-decodes `s` ('+' is kept). nullopt for a malformed escape.
std::optional<std::string> PercentDecode(absl::string_view s, bool keep_slash_encoded = false);

}  // namespace cim::gateway

#endif  // CIM_PORTAL_GATEWAY_TRANSCODE_PATH_TEMPLATE_H_
