// A real SMTP relay for tests: tests/testing/smtp_sink.py (Debian's python3-aiosmtpd) on a
// free loopback port, writing what it accepts into a folder. Recipients starting "later" get a
// 451 reply, "never" a 550 (smtp_sink.py). Stopped (SIGTERM) when destroyed.
#ifndef CIM_TESTS_TESTING_SMTP_SINK_H_
#define CIM_TESTS_TESTING_SMTP_SINK_H_

#include <sys/types.h>

#include <string>
#include <vector>

#include "absl/time/time.h"

namespace cim::testing {

class SmtpSink {
 public:
  // Starts the relay, writing into a new folder under the test's temporary directory; with a
  // user and password it requires AUTH. Fails the test if it does not start.
  explicit SmtpSink(const std::string& user = "", const std::string& password = "");
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  int port() const { return port_; }
  // "smtp://127.0.0.1:<port>", with the login when given.
  std::string Url() const;
  // Stops the relay (a later Url() points nowhere until Restart()).
  void Stop();
  // Starts it again on the same port and folder.
  void Restart();
  // The messages accepted so far, oldest first: the stored files (envelope headers first).
  std::vector<std::string> Messages() const;
  // Waits until at least `count` messages arrived or `timeout` passed; returns Messages().
  std::vector<std::string> WaitForMessages(size_t count, absl::Duration timeout) const;

  // The decoded text/plain part of a stored `message` ("" if it has none).
  static std::string TextBody(const std::string& message);

 private:
  void Start(int port);

  std::string user_;
  std::string password_;
  std::string folder_;
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace cim::testing

#endif  // CIM_TESTS_TESTING_SMTP_SINK_H_
