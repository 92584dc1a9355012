#include "server/notification/notifications.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "lib/pagination.h"
#include "lib/phrase.h"
#include "lib/proto_time.h"
#include "lib/status_util.h"
#include "server/identity/access_token.h"

namespace cim {
namespace {

namespace v1 = cim::v1;

constexpr int kEventBatch = 200;
constexpr int kDigestBatch = 100;
constexpr int kMaxMarked = 100;
constexpr int kFirstWatchItems = 5;
constexpr int kDefaultNotificationPage = 20;
constexpr int kMaxNotificationPage = 100;
// Unsubscribe tokens start so, like the other secrets (access_token.h).
constexpr absl::string_view kUnsubscribePrefix = "cimu_";

absl::Status RequirePerson(const Principal& caller) {
  if (caller.role == v1::ROLE_SERVICE_ACCOUNT || caller.user_id <= 0) {
    return absl::PermissionDeniedError("service accounts have no notifications");
  }
  return absl::OkStatus();
}

std::string LanguageOr(absl::string_view language) {
  return language.empty() ? std::string("en") : std::string(language);
}

// The categories a partner's people may have: those of a partner admin.
std::vector<NotificationCategory> PartnerCategories() {
  return CategoriesFor(v1::ROLE_PARTNER_ADMIN);
}

}  // namespace

Notifications::Notifications(NotificationStore& store, const MessageCatalogs& catalogs,
                             const Clock& clock, NotificationsOptions options,
                             CredentialCache* credentials)
    : store_(store),
      catalogs_(catalogs),
      clock_(clock),
      options_(std::move(options)),
      credentials_(credentials) {}

NewEmail Notifications::EmailTo(const NotificationRecipient& person, int category,
                                std::string dedupe_key, const EmailContent& content,
                                const EmailLinks& links, std::string unsubscribe_hash) const {
  return NewEmail{.user_id = person.user_id,
                  .category = category,
                  .dedupe_key = std::move(dedupe_key),
                  .to_address = person.email,
                  .to_name = person.name,
                  .subject = content.subject,
                  .text = content.text,
                  .html = content.html,
                  .unsubscribe_url = links.OneClickUrl(),
                  .unsubscribe_hash = std::move(unsubscribe_hash),
                  .now = clock_.Now()};
}

EmailLinks Notifications::NewLinks(std::string& hash) const {
  NewSecret secret = GenerateSecret(kUnsubscribePrefix);
  hash = std::move(secret.hash);
  return EmailLinks{.portal_url = options_.portal_url, .unsubscribe_token = secret.secret};
}

std::vector<Delivery> Notifications::Plan(
    const PendingEvent& event, const std::vector<NotificationRecipient>& recipients) const {
  const NotificationCategory category = CategoryOf(event.kind);
  std::vector<Delivery> out;
  for (const NotificationRecipient& person : recipients) {
    const NotificationPreference preference =
        EffectivePreference(category, person.partner_defaults, person.own);
    Delivery delivery{
        .user_id = person.user_id, .category = category, .in_app = preference.in_app()};
    if (preference.email()) {
      if (preference.delivery() == v1::NOTIFICATION_DELIVERY_DAILY_DIGEST) {
        delivery.email_state = EmailState::kDigest;
      } else {
        const std::string language = LanguageOr(person.language);
        std::string hash;
        const EmailLinks links = NewLinks(hash);
        const EmailContent content = ComposeNotificationEmail(
            catalogs_, language, person.name, category,
            RenderNotification(catalogs_, language, event.kind, event.args), event.link, links);
        delivery.email_state = EmailState::kQueued;
        delivery.email = EmailTo(person, static_cast<int>(category),
                                 absl::StrCat("notification:", event.id, ":user:", person.user_id),
                                 content, links, std::move(hash));
      }
    }
    if (delivery.in_app || delivery.email_state != EmailState::kNone) {
      out.push_back(std::move(delivery));
    }
  }
  return out;
}

NewEmail Notifications::Digest(const NotificationRecipient& person,
                               const std::vector<StoredNotification>& items) const {
  const std::string language = LanguageOr(person.language);
  std::vector<DigestItem> digest;
  for (const StoredNotification& item : items) {
    digest.push_back(DigestItem{
        .text = RenderNotification(catalogs_, language, item.kind, item.args), .link = item.link});
  }
  std::string hash;
  const EmailLinks links = NewLinks(hash);
  const EmailContent content = ComposeDigestEmail(catalogs_, language, person.name, digest, links);
  const absl::CivilDay day = absl::ToCivilDay(clock_.Now(), absl::UTCTimeZone());
  return EmailTo(person, 0,
                 absl::StrCat("digest:", person.user_id, ":", absl::FormatCivilTime(day), ":",
                              items.back().id),
                 content, links, std::move(hash));
}

absl::Status Notifications::RunOnce() {
  const absl::Time now = clock_.Now();
  if (now - last_scan_ >= options_.scan_interval) {
    CIM_RETURN_IF_ERROR(store_.ScanDue(now).status());
    last_scan_ = now;
  }
  const DeliveryPlanner plan = [this](const PendingEvent& event,
                                      const std::vector<NotificationRecipient>& recipients) {
    return Plan(event, recipients);
  };
  for (;;) {
    CIM_ASSIGN_OR_RETURN(const int processed, store_.ProcessEvents(now, kEventBatch, plan));
    if (processed < kEventBatch) break;
  }
  // The digest of a day holds what arrived before that day's digest hour (UTC).
  const absl::CivilHour hour = absl::ToCivilHour(now, absl::UTCTimeZone());
  absl::CivilHour cutoff = absl::CivilHour(absl::CivilDay(hour)) + options_.digest_hour;
  if (cutoff > hour) cutoff -= 24;
  const DigestComposer compose = [this](const NotificationRecipient& person,
                                        const std::vector<StoredNotification>& items) {
    return Digest(person, items);
  };
  for (;;) {
    CIM_ASSIGN_OR_RETURN(
        const int queued,
        store_.QueueDigests(absl::FromCivil(cutoff, absl::UTCTimeZone()), kDigestBatch, compose));
    if (queued < kDigestBatch) break;
  }
  return absl::OkStatus();
}

v1::Notification Notifications::ToProto(const StoredNotification& stored,
                                        absl::string_view language) const {
  v1::Notification out;
  out.set_id(stored.id);
  out.set_kind(stored.kind);
  out.set_category(stored.category);
  NotificationText text = RenderNotification(catalogs_, language, stored.kind, stored.args);
  out.set_title(std::move(text.title));
  out.set_body(std::move(text.body));
  out.set_link(stored.link);
  SetTimestamp(stored.created, out.mutable_create_time());
  if (stored.read) SetTimestamp(*stored.read, out.mutable_read_time());
  return out;
}

absl::StatusOr<v1::ListNotificationsResponse> Notifications::List(
    const Principal& caller, const v1::ListNotificationsRequest& request) {
  CIM_RETURN_IF_ERROR(RequirePerson(caller));
  FieldErrors errors;
  int page_size = request.page_size() == 0 ? kDefaultNotificationPage : request.page_size();
  if (page_size < 1 || page_size > kMaxNotificationPage) {
    errors.Add("page_size", Phrase("error.zero_to").Count("max", kMaxNotificationPage));
  }
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(const int64_t before, DecodePageToken(request));
  CIM_ASSIGN_OR_RETURN(std::vector<StoredNotification> rows,
                       store_.List(caller.user_id, request.unread_only(), before, page_size + 1));
  const std::string language = LanguageOr(caller.language);
  std::vector<v1::Notification> page;
  for (const StoredNotification& row : rows) page.push_back(ToProto(row, language));
  v1::ListNotificationsResponse out;
  out.set_next_page_token(
      FillPage(std::move(page), page_size, out.mutable_notifications(), request));
  CIM_ASSIGN_OR_RETURN(const int64_t unread, store_.UnreadCount(caller.user_id));
  out.set_unread_count(unread);
  return out;
}

absl::StatusOr<v1::MarkNotificationsReadResponse> Notifications::MarkRead(
    const Principal& caller, const v1::MarkNotificationsReadRequest& request) {
  CIM_RETURN_IF_ERROR(RequirePerson(caller));
  FieldErrors errors;
  if (request.all() && request.notification_ids_size() > 0) {
    errors.Add("notification_ids", "none with `all`");
  } else if (!request.all() && request.notification_ids_size() == 0) {
    errors.Add("notification_ids", "at least one, or `all`");
  }
  if (request.notification_ids_size() > kMaxMarked) {
    errors.Add("notification_ids", Phrase("error.at_most").Count("max", kMaxMarked));
  }
  for (int i = 0; i < request.notification_ids_size(); ++i) {
    if (request.notification_ids(i) <= 0) {
      errors.Add(absl::StrCat("notification_ids[", i, "]"), "a notification id");
    }
  }
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_RETURN_IF_ERROR(store_.MarkRead(
      caller.user_id, {request.notification_ids().begin(), request.notification_ids().end()},
      request.all(), clock_.Now()));
  v1::MarkNotificationsReadResponse out;
  CIM_ASSIGN_OR_RETURN(const int64_t unread, store_.UnreadCount(caller.user_id));
  out.set_unread_count(unread);
  return out;
}

absl::Status Notifications::Watch(const Principal& caller, absl::Duration poll,
                                  const std::function<bool(absl::Duration)>& wait,
                                  const std::function<bool(const v1::NotificationsUpdate&)>& emit) {
  CIM_RETURN_IF_ERROR(RequirePerson(caller));
  const std::string language = LanguageOr(caller.language);
  int64_t newest = 0;
  int64_t unread = -1;
  for (bool first = true;; first = false) {
    v1::NotificationsUpdate update;
    std::vector<StoredNotification> fresh;
    if (first) {
      CIM_ASSIGN_OR_RETURN(fresh, store_.List(caller.user_id, false, 0, kFirstWatchItems));
      std::reverse(fresh.begin(), fresh.end());
    } else {
      CIM_ASSIGN_OR_RETURN(const int64_t now_newest, store_.NewestId(caller.user_id));
      if (now_newest > newest) {
        CIM_ASSIGN_OR_RETURN(fresh, store_.Since(caller.user_id, newest, kMaxNotificationPage));
      }
    }
    for (const StoredNotification& n : fresh) {
      *update.add_notifications() = ToProto(n, language);
      newest = std::max(newest, n.id);
    }
    CIM_ASSIGN_OR_RETURN(const int64_t now_unread, store_.UnreadCount(caller.user_id));
    update.set_unread_count(now_unread);
    if (first || now_unread != unread || update.notifications_size() > 0) {
      unread = now_unread;
      if (!emit(update)) return absl::OkStatus();
    }
    if (!wait(poll)) return absl::OkStatus();
  }
}

absl::StatusOr<v1::NotificationSettings> Notifications::SettingsOf(const Principal& caller) {
  CIM_ASSIGN_OR_RETURN(const NotificationRecipient person, store_.Recipient(caller.user_id));
  v1::NotificationSettings out;
  out.set_language(person.language);
  for (NotificationPreference& p :
       EffectivePreferences(caller.role, person.partner_defaults, person.own)) {
    *out.add_preferences() = std::move(p);
  }
  for (const std::string& language : catalogs_.Languages()) out.add_available_languages(language);
  return out;
}

absl::StatusOr<v1::NotificationSettings> Notifications::GetSettings(const Principal& caller) {
  CIM_RETURN_IF_ERROR(RequirePerson(caller));
  return SettingsOf(caller);
}

absl::StatusOr<v1::NotificationSettings> Notifications::UpdateSettings(
    const Principal& caller, const v1::UpdateNotificationSettingsRequest& request) {
  CIM_RETURN_IF_ERROR(RequirePerson(caller));
  FieldErrors errors;
  if (request.update_mask().paths_size() == 0) {
    errors.Add("update_mask", "language, preferences or reset_categories");
  }
  std::optional<std::string> language;
  std::vector<NotificationPreference> own;
  std::vector<NotificationCategory> reset;
  const std::vector<NotificationCategory> allowed = CategoriesFor(caller.role);
  for (const std::string& path : request.update_mask().paths()) {
    if (path == "language") {
      const std::string& wanted = request.settings().language();
      const std::vector<std::string> languages = catalogs_.Languages();
      if (!wanted.empty() &&
          std::find(languages.begin(), languages.end(), wanted) == languages.end()) {
        errors.Add("settings.language",
                   Phrase("error.one_of_or_empty").Text("choices", absl::StrJoin(languages, ", ")));
      }
      language = wanted;
    } else if (path == "preferences") {
      ValidatePreferences(request.settings().preferences(), allowed, "settings.preferences",
                          errors);
      own.assign(request.settings().preferences().begin(), request.settings().preferences().end());
    } else if (path == "reset_categories") {
      for (int i = 0; i < request.reset_categories_size(); ++i) {
        const NotificationCategory category = request.reset_categories(i);
        if (std::find(allowed.begin(), allowed.end(), category) == allowed.end()) {
          errors.Add(absl::StrCat("reset_categories[", i, "]"),
                     "a category that concerns this person");
        }
        reset.push_back(category);
      }
    }
  }
  for (const NotificationPreference& p : own) {
    if (std::find(reset.begin(), reset.end(), p.category()) != reset.end()) {
      errors.Add("reset_categories", "a category not also in settings.preferences");
      break;
    }
  }
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_RETURN_IF_ERROR(store_.SaveSettings(caller.user_id, language, own, reset, clock_.Now()));
  if (language && credentials_ != nullptr) credentials_->Clear();
  return SettingsOf(caller);
}

absl::StatusOr<v1::PartnerNotificationDefaults> Notifications::GetPartnerDefaults(
    const Principal& caller, const v1::GetPartnerNotificationDefaultsRequest& request) {
  CIM_RETURN_IF_ERROR(RequirePerson(caller));
  CIM_RETURN_IF_ERROR(RequireId(request.partner_id(), "partner_id"));
  CIM_RETURN_IF_ERROR(
      CheckPartnerReadable(caller, request.partner_id(), "partner", request.partner_id()));
  CIM_ASSIGN_OR_RETURN(const PreferenceMap defaults, store_.PartnerDefaults(request.partner_id()));
  v1::PartnerNotificationDefaults out;
  out.set_partner_id(request.partner_id());
  for (NotificationCategory category : PartnerCategories()) {
    NotificationPreference p = EffectivePreference(category, {}, defaults);
    *out.add_preferences() = std::move(p);
  }
  return out;
}

absl::StatusOr<v1::PartnerNotificationDefaults> Notifications::UpdatePartnerDefaults(
    const Principal& caller, const v1::UpdatePartnerNotificationDefaultsRequest& request) {
  CIM_RETURN_IF_ERROR(RequireRole(caller, {v1::ROLE_CHANNEL_MANAGER, v1::ROLE_PROGRAM_ADMIN}));
  FieldErrors errors;
  if (request.partner_id() <= 0) errors.Add("partner_id", "required");
  if (request.preferences_size() == 0) errors.Add("preferences", "at least one");
  ValidatePreferences(request.preferences(), PartnerCategories(), "preferences", errors);
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_RETURN_IF_ERROR(store_.SavePartnerDefaults(
      request.partner_id(), {request.preferences().begin(), request.preferences().end()},
      clock_.Now()));
  v1::GetPartnerNotificationDefaultsRequest get;
  get.set_partner_id(request.partner_id());
  return GetPartnerDefaults(caller, get);
}

absl::StatusOr<v1::UnsubscribeResponse> Notifications::Unsubscribe(
    const v1::UnsubscribeRequest& request) {
  FieldErrors errors;
  if (request.token().empty() || request.token().size() > 200) {
    errors.Add("token", "the token from an email's link");
  }
  CIM_RETURN_IF_ERROR(errors.ToStatus());
  CIM_ASSIGN_OR_RETURN(const UnsubscribeTarget target,
                       store_.FindUnsubscribe(HashSecret(request.token())));
  CIM_ASSIGN_OR_RETURN(const NotificationRecipient person, store_.Recipient(target.user_id));
  // Email stops for the category (a digest: every category the person gets as a digest); the
  // rest of each choice stays.
  std::vector<NotificationPreference> own;
  for (NotificationPreference p :
       EffectivePreferences(person.role, person.partner_defaults, person.own)) {
    const bool digest = p.email() && p.delivery() == v1::NOTIFICATION_DELIVERY_DAILY_DIGEST;
    if (target.category == 0 ? digest : p.category() == target.category) {
      p.set_email(false);
      p.clear_overridden();
      own.push_back(std::move(p));
    }
  }
  CIM_RETURN_IF_ERROR(store_.SaveSettings(target.user_id, std::nullopt, own, {}, clock_.Now()));
  v1::UnsubscribeResponse out;
  out.set_category(static_cast<NotificationCategory>(target.category));
  out.set_email(MaskedEmail(target.to_address));
  return out;
}

}  // namespace cim
