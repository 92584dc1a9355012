#include "tests/testing/smtp_sink.h"

#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"

namespace cim::testing {
namespace {

std::string ScriptPath() {
  const char* source = std::getenv("CIM_SOURCE_DIR");
  return absl::StrCat(source != nullptr ? source : ".", "/tests/testing/smtp_sink.py");
}

}  // namespace

SmtpSink::SmtpSink(const std::string& user, const std::string& password)
    : user_(user), password_(password) {
  static std::atomic<int> sinks{0};
  folder_ = absl::StrCat(::testing::TempDir(), "smtp-sink-", getpid(), "-", sinks++);
  std::filesystem::remove_all(folder_);
  std::filesystem::create_directories(folder_);
  Start(0);
}

SmtpSink::~SmtpSink() { Stop(); }

std::string SmtpSink::Url() const {
  const std::string login = user_.empty() ? "" : absl::StrCat(user_, ":", password_, "@");
  return absl::StrCat("smtp://", login, "127.0.0.1:", port_);
}

void SmtpSink::Start(int port) {
  int out[2];
  ASSERT_EQ(pipe(out), 0);
  const std::string script = ScriptPath();
  const std::string port_text = std::to_string(port);
  pid_ = fork();
  ASSERT_GE(pid_, 0);
  if (pid_ == 0) {
    // Ends with the test, even one that crashes (else it holds ctest's output pipe open).
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    close(out[1]);
    if (user_.empty()) {
      execl("/usr/bin/python3", "python3", script.c_str(), folder_.c_str(), "--port",
            port_text.c_str(), nullptr);
    } else {
      execl("/usr/bin/python3", "python3", script.c_str(), folder_.c_str(), "--port",
            port_text.c_str(), "--user", user_.c_str(), "--password", password_.c_str(), nullptr);
    }
    _exit(127);
  }
  close(out[1]);
  // The first line says the port once it accepts connections.
  std::string line;
  pollfd fd{.fd = out[0], .events = POLLIN, .revents = 0};
  char c = 0;
  while (line.find('\n') == std::string::npos && poll(&fd, 1, 10'000) > 0 &&
         read(out[0], &c, 1) == 1) {
    line.push_back(c);
  }
  close(out[0]);
  int found = 0;
  absl::string_view answer(line);
  ASSERT_TRUE(absl::ConsumePrefix(&answer, "port ") &&
              absl::SimpleAtoi(absl::StripTrailingAsciiWhitespace(answer), &found))
      << "smtp_sink.py did not start (is python3-aiosmtpd installed?): " << line;
  port_ = found;
}

void SmtpSink::Stop() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

void SmtpSink::Restart() {
  Stop();
  Start(port_);
}

std::vector<std::string> SmtpSink::Messages() const {
  std::vector<std::pair<int, std::string>> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder_)) {
    const std::string name = entry.path().filename().string();
    int n = 0;
    if (entry.path().extension() == ".eml" && absl::SimpleAtoi(entry.path().stem().string(), &n)) {
      files.emplace_back(n, entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> out;
  for (const auto& [n, path] : files) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    out.push_back(text.str());
  }
  return out;
}

std::vector<std::string> SmtpSink::WaitForMessages(size_t count, absl::Duration timeout) const {
  const absl::Time deadline = absl::Now() + timeout;
  std::vector<std::string> messages = Messages();
  while (messages.size() < count && absl::Now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    messages = Messages();
  }
  return messages;
}

std::string SmtpSink::TextBody(const std::string& message) {
  const size_t part = message.find("Content-Type: text/plain");
  if (part == std::string::npos) return "";
  size_t start = message.find("\n\n", part);
  const size_t crlf = message.find("\r\n\r\n", part);
  if (crlf != std::string::npos && (start == std::string::npos || crlf < start)) {
    start = crlf + 4;
  } else if (start != std::string::npos) {
    start += 2;
  } else {
    return "";
  }
  std::string encoded = message.substr(start, message.find("\n--", start) - start);
  absl::StrReplaceAll({{"\r", ""}, {"\n", ""}}, &encoded);
  std::string text;
  if (!absl::Base64Unescape(encoded, &text)) return "";
  return text;
}

}  // namespace cim::testing
