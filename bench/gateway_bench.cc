// The gateway's cost: the same read RPC (GetPartner, a one-row read) and the same write RPC
// (UpdateUser, a display-name change) called directly over gRPC and through cim-gateway
// (HTTP/1.1 keep-alive, driven by wrk), at the same concurrency in the same run, in alternating
// rounds. Prints the median gateway/direct throughput ratio and the p99 latency the gateway
// adds.
//
// Runs cim-server and the gateway in process (release build, real gRPC and HTTP over loopback)
// on a fresh database of the MariaDB named by --db. See bench/run_gateway_bench.sh.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "bench/bench_server.h"
#include "bench/grpc_load.h"
#include "cim/v1/auth_service.grpc.pb.h"
#include "cim/v1/partner_service.grpc.pb.h"
#include "portal-gateway/gateway.h"
#include "portal-gateway/http/http_server.h"

ABSL_FLAG(std::string, db, "", "SOCI connect string of the MariaDB server (without db=)");
ABSL_FLAG(int, concurrency, 16, "calls in flight (gRPC) and connections (HTTP)");
ABSL_FLAG(absl::Duration, duration, absl::Seconds(3), "measured duration of each phase");
ABSL_FLAG(int, rounds, 5,
          "rounds of each comparison, direct then gateway in each; the figures are medians");
ABSL_FLAG(std::string, wrk, "wrk", "the wrk HTTP benchmarking tool");

namespace {

using namespace cim::v1;  // NOLINT: the API's message names read best unqualified here

constexpr char kPassword[] = "bench-password-1";

[[noreturn]] void Die(const std::string& what) {
  std::cerr << "gateway_bench: " << what << std::endl;
  std::exit(1);
}

// What wrk measured.
struct HttpResult {
  double throughput = 0;  // requests per second
  double p99_ms = 0;
  int64_t errors = 0;         // non-2xx answers and socket errors
  double gateway_cpu_us = 0;  // CPU time of the gateway's threads per request
  double server_cpu_us = 0;   // CPU time of the server's threads per request
};

// Thread names: the gateway's HTTP and completion threads; gRPC's synchronous server threads.
const std::vector<std::string> kGatewayThreads = {"cim-http", "cim-grpc-done"};
const std::vector<std::string> kServerThreads = {"grpcpp_sync_ser"};

// On-CPU time so far, in microseconds, of this process's threads whose names start with one
// of `names` (threads that ended meanwhile are not counted).
double ThreadCpuMicros(const std::vector<std::string>& names) {
  double total = 0;
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/task")) {
    std::string name;
    std::getline(std::ifstream(entry.path() / "comm"), name);
    if (std::none_of(names.begin(), names.end(),
                     [&](const std::string& n) { return absl::StartsWith(name, n); })) {
      continue;
    }
    int64_t nanos = 0;
    std::ifstream(entry.path() / "schedstat") >> nanos;
    total += nanos / 1000.0;
  }
  return total;
}

// A wrk duration ("812.00us", "1.23ms", "2.01s") in milliseconds.
double WrkMillis(const std::string& value, const std::string& unit) {
  double v = 0;
  if (!absl::SimpleAtod(value, &v)) Die(absl::StrCat("wrk printed a bad duration: ", value));
  if (unit == "us") return v / 1000;
  if (unit == "s") return v * 1000;
  if (unit == "m") return v * 60000;
  return v;
}

// Marks every descriptor above stderr close-on-exec. wrk sizes its event loop by its connection
// count and fails connections whose descriptor numbers lie beyond it, which inherited
// descriptors (database and gRPC sockets) would push them to.
void CloseOnExec() {
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) {
    int fd = 0;
    if (absl::SimpleAtoi(entry.path().filename().string(), &fd) && fd > 2) {
      fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC);
    }
  }
}

// Runs wrk with the Lua `script` against `url` and reads its figures.
HttpResult RunWrk(const std::string& url, const std::string& script, int connections,
                  absl::Duration duration) {
  const std::string script_path = absl::StrCat("/tmp/gateway_bench_", getpid(), ".lua");
  std::ofstream(script_path) << script;
  const std::string command = absl::StrCat(
      absl::GetFlag(FLAGS_wrk), " --latency -t", std::min(2, connections), " -c", connections,
      " -d", absl::ToInt64Seconds(duration), "s -s ", script_path, " '", url, "' 2>&1");
  CloseOnExec();
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) Die("cannot run wrk");
  std::string output;
  char buffer[4096];
  while (size_t n = fread(buffer, 1, sizeof(buffer), pipe)) output.append(buffer, n);
  if (pclose(pipe) != 0) Die(absl::StrCat("wrk failed:\n", output));
  std::remove(script_path.c_str());

  HttpResult result;
  bool throughput = false, p99 = false;
  for (absl::string_view line : absl::StrSplit(output, '\n')) {
    std::vector<std::string> words = absl::StrSplit(line, absl::ByAnyChar(" ,"), absl::SkipEmpty());
    if (words.size() == 2 && words[0] == "Requests/sec:") {
      throughput = absl::SimpleAtod(words[1], &result.throughput);
    } else if (words.size() == 2 && words[0] == "99%") {
      const size_t unit = words[1].find_first_not_of("0123456789.");
      result.p99_ms = WrkMillis(words[1].substr(0, unit), words[1].substr(unit));
      p99 = true;
    } else if (absl::StartsWith(line, "  Non-2xx or 3xx responses:") ||
               absl::StartsWith(line, "  Socket errors:")) {
      for (const std::string& word : words) {
        int64_t n = 0;
        if (absl::SimpleAtoi(word, &n)) result.errors += n;
      }
    }
  }
  if (!throughput || !p99) Die(absl::StrCat("unexpected wrk output:\n", output));
  return result;
}

// A wrk script sending `method` with the bearer token (and a JSON body if not empty).
std::string WrkScript(const std::string& method, const std::string& token,
                      const std::string& body) {
  std::string script = absl::StrCat("wrk.method = \"", method, "\"\n",
                                    "wrk.headers[\"Authorization\"] = \"Bearer ", token, "\"\n");
  if (!body.empty()) {
    absl::StrAppend(&script, "wrk.headers[\"Content-Type\"] = \"application/json\"\n",
                    "wrk.body = '", body, "'\n");
  }
  return script;
}

// Adds to `script` a request function that walks through `paths`, each of wrk's two threads
// through its own half, so the requests in flight address different paths.
std::string WalkPaths(std::string script, const std::vector<std::string>& paths) {
  absl::StrAppend(&script, "paths = {");
  for (const std::string& path : paths) absl::StrAppend(&script, "\"", path, "\", ");
  absl::StrAppend(&script,
                  "}\n"
                  "local threads = 0\n"
                  "function setup(thread)\n"
                  "  thread:set(\"at\", threads)\n"
                  "  threads = threads + 1\n"
                  "end\n"
                  "function request()\n"
                  "  at = (at + 2) % #paths\n"
                  "  return wrk.format(nil, paths[at + 1])\n"
                  "end\n");
  return script;
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// Runs `direct` then `gateway` `rounds` times (the machine's speed drifts: each round compares
// the two under the same conditions) and prints the medians. False if any call failed.
bool Compare(const std::string& what, int rounds, double warmup_seconds,
             const std::function<cim::bench::LoadResult()>& direct,
             const std::function<HttpResult()>& gateway) {
  std::vector<double> direct_throughput, direct_p99, gateway_throughput, gateway_p99, ratios, added,
      gateway_cpu, server_cpu_direct, server_cpu_gateway;
  int64_t errors = 0;
  for (int i = 0; i < rounds; ++i) {
    const double server_cpu = ThreadCpuMicros(kServerThreads);
    const cim::bench::LoadResult d = direct();
    // RunLoad's warm-up calls are not in its count; they ran at about the same rate.
    server_cpu_direct.push_back((ThreadCpuMicros(kServerThreads) - server_cpu) /
                                (d.throughput * (d.seconds + warmup_seconds)));
    const HttpResult g = gateway();
    gateway_cpu.push_back(g.gateway_cpu_us);
    server_cpu_gateway.push_back(g.server_cpu_us);
    errors += d.errors + g.errors;
    direct_throughput.push_back(d.throughput);
    direct_p99.push_back(d.p99_ms);
    gateway_throughput.push_back(g.throughput);
    gateway_p99.push_back(g.p99_ms);
    ratios.push_back(g.throughput / d.throughput);
    added.push_back(g.p99_ms - d.p99_ms);
  }
  std::string each;
  for (double ratio : ratios) absl::StrAppendFormat(&each, " %.2f", ratio);
  std::cout << absl::StrFormat(
                   "%s: direct gRPC %.0f/s p99 %.2fms; gateway %.0f/s p99 %.2fms; throughput "
                   "ratio %.2f (rounds:%s), p99 added %.2fms; errors %d\n"
                   "  CPU per request: gateway %.0fus; server %.0fus direct, %.0fus through the "
                   "gateway",
                   what, Median(direct_throughput), Median(direct_p99), Median(gateway_throughput),
                   Median(gateway_p99), Median(ratios), each, Median(added), errors,
                   Median(gateway_cpu), Median(server_cpu_direct), Median(server_cpu_gateway))
            << std::endl;
  return errors == 0;
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  // Debian builds Abseil without NDEBUG, which leaves Mutex deadlock detection (a global lock
  // graph updated on every lock) on; tests keep it, running binaries do not pay for it.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  const std::string server = absl::GetFlag(FLAGS_db);
  if (server.empty()) Die("--db is required");
  const int concurrency = absl::GetFlag(FLAGS_concurrency);
  const absl::Duration duration = absl::GetFlag(FLAGS_duration);
  cim::bench::BenchServer bench_server(server, "cim_gateway_bench");
  cim::ServerApp* app = &bench_server.app();
  const std::string backend = bench_server.address();

  // A partner and its rep, signed in.
  const absl::Time now = absl::Now();
  Partner partner;
  partner.set_name("Bench partner");
  partner.set_type(PARTNER_TYPE_RESELLER);
  partner.set_tier("silver");
  partner.set_region("EMEA-NL");
  partner.set_status(PARTNER_STATUS_ACTIVE);
  auto stored = app->partners().Create(partner, now);
  if (!stored.ok()) Die("create partner");
  User rep;
  rep.set_email("rep@bench.example");
  rep.set_display_name("Bench rep");
  rep.set_role(ROLE_PARTNER_REP);
  rep.set_partner_id(stored->id());
  rep.set_status(USER_STATUS_ACTIVE);
  if (!app->users().Create(rep, *app->password_hasher().Hash(kPassword), now).ok()) {
    Die("create user");
  }
  auto channel = grpc::CreateChannel(backend, grpc::InsecureChannelCredentials());
  auto auth = AuthService::NewStub(channel);
  auto partners = PartnerService::NewStub(channel);
  LoginRequest login;
  login.set_email(rep.email());
  login.set_password(kPassword);
  LoginResponse session;
  {
    grpc::ClientContext context;
    if (!auth->Login(&context, login, &session).ok()) Die("login");
  }
  const std::string& token = session.token();

  // The write: an admin renames users, a different one for each call in flight (renaming one
  // user from many calls at once would measure its row-version conflicts instead).
  User admin;
  admin.set_email("admin@bench.example");
  admin.set_display_name("Bench admin");
  admin.set_role(ROLE_PROGRAM_ADMIN);
  admin.set_status(USER_STATUS_ACTIVE);
  if (!app->users().Create(admin, *app->password_hasher().Hash(kPassword), now).ok()) {
    Die("create admin");
  }
  login.set_email(admin.email());
  LoginResponse admin_session;
  {
    grpc::ClientContext context;
    if (!auth->Login(&context, login, &admin_session).ok()) Die("admin login");
  }
  const std::string& admin_token = admin_session.token();
  std::vector<int64_t> renamed;
  for (int i = 0; i < 4 * concurrency; ++i) {
    User u = rep;
    u.set_email(absl::StrCat("renamed", i, "@bench.example"));
    auto created = app->users().Create(u, *app->password_hasher().Hash(kPassword), now);
    if (!created.ok()) Die("create user");
    renamed.push_back(created->id());
  }

  cim::gateway::GatewayOptions gateway_options;
  gateway_options.backend = backend;
  gateway_options.descriptor_set = CIM_DESCRIPTOR_SET;
  gateway_options.write_limit.per_second = 0;  // one client sends every write: no rate limit
  auto gateway = cim::gateway::Gateway::Create(gateway_options);
  if (!gateway.ok()) Die(absl::StrCat("gateway: ", gateway.status().ToString()));
  cim::gateway::HttpServerOptions http;
  http.port = 0;
  http.add_headers = cim::gateway::AddSecurityHeaders;
  auto http_server = cim::gateway::HttpServer::Start(
      http, [g = gateway->get()](cim::gateway::HttpRequest request, const std::string& peer,
                                 cim::gateway::Responder respond) {
        g->Handle(std::move(request), peer, std::move(respond));
      });
  if (!http_server.ok()) Die(absl::StrCat("http: ", http_server.status().ToString()));
  const std::string origin = absl::StrCat("http://127.0.0.1:", (*http_server)->port());

  const int rounds = absl::GetFlag(FLAGS_rounds);
  cim::bench::LoadOptions load;
  load.concurrency = concurrency;
  load.duration = duration;
  load.warmup = absl::Seconds(0.5);
  cim::bench::LoadOptions single = load;
  single.concurrency = 1;
  const auto wrk = [&](int connections, const std::string& url, const std::string& script) {
    return [=] {
      RunWrk(url, script, connections, absl::Seconds(1));  // warm-up, as RunLoad's
      const double gateway_cpu = ThreadCpuMicros(kGatewayThreads);
      const double server_cpu = ThreadCpuMicros(kServerThreads);
      HttpResult result = RunWrk(url, script, connections, duration);
      const double requests = result.throughput * absl::ToDoubleSeconds(duration);
      result.gateway_cpu_us = (ThreadCpuMicros(kGatewayThreads) - gateway_cpu) / requests;
      result.server_cpu_us = (ThreadCpuMicros(kServerThreads) - server_cpu) / requests;
      return result;
    };
  };
  bool clean = true;

  GetPartnerRequest read;
  read.set_partner_id(stored->id());
  const auto read_call = [&] {
    return std::make_unique<
        cim::bench::UnaryCall<PartnerService::Stub, GetPartnerRequest, Partner>>(
        partners.get(), &PartnerService::Stub::AsyncGetPartner, token, read);
  };
  const std::string read_url = absl::StrCat(origin, "/v1/partners/", stored->id());
  clean &= Compare(
      absl::StrFormat("read (GetPartner) concurrency=%d", concurrency), rounds,
      absl::ToDoubleSeconds(load.warmup), [&] { return cim::bench::RunLoad(load, read_call); },
      wrk(concurrency, read_url, WrkScript("GET", token, "")));
  // One call at a time: the latency the gateway itself adds, without queueing for the CPU.
  clean &= Compare(
      "read (GetPartner) concurrency=1", rounds, absl::ToDoubleSeconds(load.warmup),
      [&] { return cim::bench::RunLoad(single, read_call); },
      wrk(1, read_url, WrkScript("GET", token, "")));

  std::atomic<size_t> next{0};
  const auto write_call = [&] {
    UpdateUserRequest write;
    write.mutable_user()->set_id(renamed[next++ % renamed.size()]);
    write.mutable_user()->set_display_name("Renamed rep");
    write.mutable_update_mask()->add_paths("display_name");
    return std::make_unique<cim::bench::UnaryCall<PartnerService::Stub, UpdateUserRequest, User>>(
        partners.get(), &PartnerService::Stub::AsyncUpdateUser, admin_token, std::move(write));
  };
  std::vector<std::string> paths;
  for (int64_t id : renamed)
    paths.push_back(absl::StrCat("/v1/users/", id, "?updateMask=displayName"));
  clean &= Compare(
      absl::StrFormat("write (UpdateUser) concurrency=%d", concurrency), rounds,
      absl::ToDoubleSeconds(load.warmup), [&] { return cim::bench::RunLoad(load, write_call); },
      wrk(concurrency, origin,
          WalkPaths(WrkScript("PATCH", admin_token, R"({"displayName":"Renamed rep"})"), paths)));

  (*http_server)->Shutdown(absl::Seconds(1));
  (*http_server)->Wait();
  return clean ? 0 : 1;
}
