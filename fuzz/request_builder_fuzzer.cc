// Fuzzes the gateway's request builder: any path, query string and JSON body against every
// route of the real API (from the compiled descriptors). The builder must answer OK or
// INVALID_ARGUMENT, never crash, and what it builds must serialize.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "portal-gateway/transcode/route_table.h"
#include "portal-gateway/transcode/transcoder.h"

namespace {

struct Api {
  cim::gateway::ApiDescriptors descriptors;
  cim::gateway::RouteTable routes;
  cim::gateway::Transcoder transcoder;
};

Api& TheApi() {
  static Api* api = [] {
    auto* a = new Api;
    auto descriptors = cim::gateway::LoadDescriptorSet(CIM_FUZZ_DESCRIPTOR_SET);
    if (!descriptors.ok()) std::abort();
    a->descriptors = *std::move(descriptors);
    auto routes = cim::gateway::RouteTable::Build(a->descriptors.files);
    if (!routes.ok()) std::abort();
    a->routes = *std::move(routes);
    return a;
  }();
  return *api;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // "METHOD path?query\nbody"
  const std::string input(reinterpret_cast<const char*>(data), size);
  const size_t nl = input.find('\n');
  const std::string line = input.substr(0, nl);
  const std::string body = nl == std::string::npos ? "" : input.substr(nl + 1);
  const size_t space = line.find(' ');
  if (space == std::string::npos) return 0;
  const std::string method = line.substr(0, space);
  const std::string target = line.substr(space + 1);
  const size_t q = target.find('?');
  const std::string path = target.substr(0, q);
  const std::string query = q == std::string::npos ? "" : target.substr(q + 1);

  Api& api = TheApi();
  bool path_matched = false;
  auto match = api.routes.Find(method, path, &path_matched);
  if (!match) return 0;
  auto request = api.transcoder.BuildRequest(*match, query, body);
  if (request.ok()) {
    std::string bytes;
    if (!(*request)->SerializeToString(&bytes)) __builtin_trap();
    auto response = api.transcoder.NewResponse(*match->route);
    (void)api.transcoder.ResponseToJson(*match->route, *response);
  } else if (request.status().code() != absl::StatusCode::kInvalidArgument) {
    __builtin_trap();
  }
  return 0;
}
