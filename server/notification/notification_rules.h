// What each notification kind is and who hears of it how: its category and audience, the
// system's default per category, how a person's own choice, their partner's default and the
// system's combine, and the texts (notification, email, digest) in the reader's language from
// lib/catalogs. Pure C++.
#ifndef CIM_SERVER_NOTIFICATION_NOTIFICATION_RULES_H_
#define CIM_SERVER_NOTIFICATION_NOTIFICATION_RULES_H_

#include <map>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "cim/v1/identity.pb.h"
#include "cim/v1/notification.pb.h"
#include "lib/messages.h"
#include "lib/status_util.h"

namespace cim {

using cim::v1::NotificationCategory;
using cim::v1::NotificationKind;
using cim::v1::NotificationPreference;

// Who hears of an event that names no one person.
enum class Audience {
  kUser,             // the event's user only
  kPartnerAdmins,    // the partner's active admins
  kPartnerUsers,     // every active person of the partner
  kChannelManagers,  // active channel managers
  kBudgetOwners,     // active program admins and finance
};

NotificationCategory CategoryOf(NotificationKind kind);
Audience AudienceOf(NotificationKind kind);

// What the daily scans look for (server/notification/mysql_notification_store.cc, ScanDue):
// certifications expiring within 30 days and again within 7; claims waiting for review longer
// than the review target; program budgets drawn to 80% and more.
inline constexpr int kCertificationFirstWarningDays = 30;
inline constexpr int kCertificationLastWarningDays = 7;
inline constexpr int kReviewTargetDays = 5;
inline constexpr int kBudgetWarningPercent = 80;

// The warning a certification `days_left` (1 or more) from expiring is due: 7 within the last
// week, 30 within the month, 0 before.
int CertificationWarning(int64_t days_left);

// The categories that concern a person of `role` (their settings list these), in category
// order. None for service accounts.
std::vector<NotificationCategory> CategoriesFor(cim::v1::Role role);

// By category number.
using PreferenceMap = std::map<int, NotificationPreference>;

// The system's default for `category`: in the centre always; by email at once for what needs
// an answer or is money, as a daily digest for the rest.
NotificationPreference SystemDefault(NotificationCategory category);

// How a person hears of `category`: their own choice (overridden), else their partner's
// default, else the system's.
NotificationPreference EffectivePreference(NotificationCategory category,
                                           const PreferenceMap& partner_defaults,
                                           const PreferenceMap& own);

// EffectivePreference for each of CategoriesFor(role).
std::vector<NotificationPreference> EffectivePreferences(cim::v1::Role role,
                                                         const PreferenceMap& partner_defaults,
                                                         const PreferenceMap& own);

// Adds a violation under `field`[i] for each preference whose category is not one of
// `allowed`, is listed twice, or has no delivery.
void ValidatePreferences(const google::protobuf::RepeatedPtrField<NotificationPreference>& list,
                         const std::vector<NotificationCategory>& allowed, absl::string_view field,
                         FieldErrors& errors);

// The arguments of a stored notification as ICU arguments.
MessageArgs ToMessageArgs(const cim::v1::NotificationArguments& args);

struct NotificationText {
  std::string title;
  std::string body;
};

// A notification's title and body in `language`.
NotificationText RenderNotification(const MessageCatalogs& catalogs, absl::string_view language,
                                    NotificationKind kind,
                                    const cim::v1::NotificationArguments& args);

// The name of `category` in `language` ("Claims", "Uitbetalingen").
std::string CategoryName(const MessageCatalogs& catalogs, absl::string_view language,
                         NotificationCategory category);

struct EmailContent {
  std::string subject;
  std::string text;
  std::string html;
};

// Where an email's links go: the portal's address and this email's unsubscribe token.
struct EmailLinks {
  std::string portal_url;  // "https://partners.example.com" (no trailing slash)
  std::string unsubscribe_token;
  // The portal page the unsubscribe link opens (it confirms and links to the settings).
  std::string UnsubscribePage() const;
  // What a mail client posts to for one-click unsubscribe (RFC 8058): the API route.
  std::string OneClickUrl() const;
  std::string SettingsPage() const;
};

// One notification's email to `name` in `language`: the title as subject, the body, a link to
// `link` in the portal (none when empty), why they get it and how to stop it.
EmailContent ComposeNotificationEmail(const MessageCatalogs& catalogs, absl::string_view language,
                                      absl::string_view name, NotificationCategory category,
                                      const NotificationText& text, absl::string_view link,
                                      const EmailLinks& links);

struct DigestItem {
  NotificationText text;
  std::string link;
};

// The day's digest of `items` (at least one).
EmailContent ComposeDigestEmail(const MessageCatalogs& catalogs, absl::string_view language,
                                absl::string_view name, const std::vector<DigestItem>& items,
                                const EmailLinks& links);

// An email about the account itself (a password reset link, an invitation), which is no
// notification: no category or unsubscribe link, a button to `url`, and a `note` on what to do
// if it was not expected. The texts are in the reader's words already.
struct AccountEmail {
  std::string subject;
  std::string body;
  std::string button;
  std::string url;
  std::string note;
};
EmailContent ComposeAccountEmail(const MessageCatalogs& catalogs, absl::string_view language,
                                 absl::string_view name, const AccountEmail& content);

// `address` with the local part hidden but its first character ("r***@amstel.example").
std::string MaskedEmail(absl::string_view address);

}  // namespace cim

#endif  // CIM_SERVER_NOTIFICATION_NOTIFICATION_RULES_H_
