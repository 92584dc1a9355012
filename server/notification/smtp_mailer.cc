#include "server/notification/smtp_mailer.h"

#include <curl/curl.h>

#include <algorithm>
#include <mutex>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "lib/text_field.h"

namespace cim {
namespace {

// Between the text and HTML parts: '_' never occurs in base64, so no body line matches.
constexpr char kBoundary[] = "=_cim_alternative";

void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// The message libcurl reads as the DATA of the transaction.
struct Upload {
  std::string data;
  size_t offset = 0;
};

size_t ReadMessage(char* buffer, size_t size, size_t count, void* user) {
  Upload& upload = *static_cast<Upload*>(user);
  const size_t n = std::min(size * count, upload.data.size() - upload.offset);
  std::copy_n(upload.data.data() + upload.offset, n, buffer);
  upload.offset += n;
  return n;
}

// Replies that say the relay refused our login or wants one: the configuration, not the
// email, is at fault, so the email waits for it to be fixed.
bool IsLoginReply(long code) { return code == 530 || code == 534 || code == 535 || code == 538; }

bool IsLoopback(absl::string_view host) {
  return host == "localhost" || host == "::1" || host == "[::1]" || absl::StartsWith(host, "127.");
}

}  // namespace

absl::StatusOr<std::unique_ptr<SmtpMailer>> SmtpMailer::Create(SmtpConfig config) {
  const bool smtps = absl::StartsWith(config.url, "smtps://");
  if (!smtps && !absl::StartsWith(config.url, "smtp://")) {
    return absl::InvalidArgumentError(
        "--smtp_url: smtp://[user:password@]host[:port] or smtps://…");
  }
  if (!IsEmailAddress(config.from_address)) {
    return absl::InvalidArgumentError("--smtp_from: an email address");
  }
  GlobalInit();
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> url(curl_url(), curl_url_cleanup);
  if (curl_url_set(url.get(), CURLUPART_URL, config.url.c_str(), 0) != CURLUE_OK) {
    return absl::InvalidArgumentError("--smtp_url does not parse as a URL");
  }
  char* host = nullptr;
  char* user = nullptr;
  if (curl_url_get(url.get(), CURLUPART_HOST, &host, 0) != CURLUE_OK || host == nullptr ||
      *host == '\0') {
    curl_free(host);
    return absl::InvalidArgumentError("--smtp_url names no host");
  }
  const bool has_login = curl_url_get(url.get(), CURLUPART_USER, &user, 0) == CURLUE_OK &&
                         user != nullptr && *user != '\0';
  const bool require_tls = !smtps && has_login && !IsLoopback(host);
  curl_free(host);
  curl_free(user);
  return std::unique_ptr<SmtpMailer>(new SmtpMailer(std::move(config), require_tls));
}

absl::Status SmtpMailer::Send(const Email& in, absl::Time now) {
  Email email = in;
  email.from_address = config_.from_address;
  email.from_name = config_.from_name;
  absl::StatusOr<std::string> message = MimeMessage(email, now, kBoundary);
  if (!message.ok()) return message.status();
  Upload upload{.data = *std::move(message)};

  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (curl == nullptr) return absl::UnavailableError("SMTP: libcurl could not start");
  const std::string from = absl::StrCat("<", email.from_address, ">");
  const std::string to = absl::StrCat("<", email.to_address, ">");
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> recipients(
      curl_slist_append(nullptr, to.c_str()), curl_slist_free_all);
  char error[CURL_ERROR_SIZE] = {0};
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, config_.url.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(c, CURLOPT_READFUNCTION, ReadMessage);
  curl_easy_setopt(c, CURLOPT_READDATA, &upload);
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(upload.data.size()));
  curl_easy_setopt(c, CURLOPT_USE_SSL,
                   static_cast<long>(require_tls_ ? CURLUSESSL_ALL : CURLUSESSL_TRY));
  const long timeout_ms = static_cast<long>(absl::ToInt64Milliseconds(config_.timeout));
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, timeout_ms);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, std::min(timeout_ms, 10'000L));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  const CURLcode result = curl_easy_perform(c);
  if (result == CURLE_OK) return absl::OkStatus();
  long reply = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply);
  const std::string what =
      absl::StrCat("SMTP relay: ", *error != '\0' ? error : curl_easy_strerror(result),
                   reply != 0 ? absl::StrCat(" (reply ", reply, ")") : "");
  if (reply >= 500 && reply < 600 && !IsLoginReply(reply) && result != CURLE_LOGIN_DENIED) {
    return absl::FailedPreconditionError(what);
  }
  return absl::UnavailableError(what);
}

}  // namespace cim
