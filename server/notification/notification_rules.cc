#include "server/notification/notification_rules.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "lib/decimal.h"
#include "lib/text_field.h"

namespace cim {
namespace {

using cim::v1::NotificationDelivery;
using cim::v1::Role;
namespace v1 = cim::v1;

struct KindRule {
  NotificationCategory category;
  Audience audience;
};

KindRule RuleOf(NotificationKind kind) {
  switch (kind) {
    case v1::NOTIFICATION_KIND_CLAIM_APPROVED:
    case v1::NOTIFICATION_KIND_CLAIM_REJECTED:
    case v1::NOTIFICATION_KIND_CLAIM_NEEDS_INFO:
      return {v1::NOTIFICATION_CATEGORY_CLAIMS, Audience::kUser};
    case v1::NOTIFICATION_KIND_STATEMENT_READY:
    case v1::NOTIFICATION_KIND_STATEMENT_PAID:
      return {v1::NOTIFICATION_CATEGORY_PAYOUTS, Audience::kPartnerAdmins};
    case v1::NOTIFICATION_KIND_BADGE_EARNED:
    case v1::NOTIFICATION_KIND_LEVEL_UP:
      return {v1::NOTIFICATION_CATEGORY_ACHIEVEMENTS, Audience::kUser};
    case v1::NOTIFICATION_KIND_TIER_PROMOTED:
      return {v1::NOTIFICATION_CATEGORY_TIERS, Audience::kPartnerUsers};
    case v1::NOTIFICATION_KIND_TIER_DEMOTION_WARNING:
      return {v1::NOTIFICATION_CATEGORY_TIERS, Audience::kPartnerAdmins};
    case v1::NOTIFICATION_KIND_CERTIFICATION_EXPIRING:
      return {v1::NOTIFICATION_CATEGORY_TRAINING, Audience::kUser};
    case v1::NOTIFICATION_KIND_PROGRAM_OPEN:
      return {v1::NOTIFICATION_CATEGORY_PROGRAMS, Audience::kPartnerAdmins};
    case v1::NOTIFICATION_KIND_SURVEY_OPEN:
      return {v1::NOTIFICATION_CATEGORY_PROGRAMS, Audience::kPartnerUsers};
    case v1::NOTIFICATION_KIND_ORDER_SHIPPED:
      return {v1::NOTIFICATION_CATEGORY_ORDERS, Audience::kUser};
    case v1::NOTIFICATION_KIND_DISPUTE_ANSWERED:
      return {v1::NOTIFICATION_CATEGORY_DISPUTES, Audience::kUser};
    case v1::NOTIFICATION_KIND_CLAIM_REVIEW_OVERDUE:
      return {v1::NOTIFICATION_CATEGORY_REVIEW, Audience::kChannelManagers};
    case v1::NOTIFICATION_KIND_BUDGET_THRESHOLD:
      return {v1::NOTIFICATION_CATEGORY_BUDGETS, Audience::kBudgetOwners};
    case v1::NOTIFICATION_KIND_DISPUTE_OPENED:
      return {v1::NOTIFICATION_CATEGORY_DISPUTES, Audience::kChannelManagers};
    default:
      return {v1::NOTIFICATION_CATEGORY_UNSPECIFIED, Audience::kUser};
  }
}

// "NOTIFICATION_KIND_CLAIM_APPROVED" → "claim_approved".
std::string KeyPart(absl::string_view enum_name, absl::string_view prefix) {
  return absl::AsciiStrToLower(WithoutPrefix(enum_name, prefix));
}

NotificationPreference Preference(NotificationCategory category, bool in_app, bool email,
                                  NotificationDelivery delivery) {
  NotificationPreference p;
  p.set_category(category);
  p.set_in_app(in_app);
  p.set_email(email);
  p.set_delivery(delivery);
  return p;
}

std::string Html(absl::string_view text) {
  // Escaped, with line breaks kept.
  std::string out;
  for (char c : HtmlEscaped(text)) {
    if (c == '\n') {
      out += "<br>";
    } else {
      out += c;
    }
  }
  return out;
}

constexpr char kHtmlStart[] =
    "<!doctype html><html><body style=\"font-family:Arial,Helvetica,sans-serif;color:#1f2933;"
    "line-height:1.5\">";

// The lines under every email: why it came, and the links to stop it or change settings.
void AddFooter(const MessageCatalogs& catalogs, absl::string_view language,
               absl::string_view category_name, const EmailLinks& links, EmailContent& email) {
  const std::string why =
      catalogs.Format(language, "email.why", {{"category", MessageArg::Text(category_name)}});
  const std::string unsubscribe = catalogs.Format(language, "email.unsubscribe", {});
  const std::string settings = catalogs.Format(language, "email.settings", {});
  absl::StrAppend(&email.text, "\n--\n", why, "\n", unsubscribe, ": ", links.UnsubscribePage(),
                  "\n", settings, ": ", links.SettingsPage(), "\n");
  absl::StrAppend(&email.html,
                  "<hr style=\"border:none;border-top:1px solid #d9dee3;margin:24px 0 12px\">"
                  "<p style=\"font-size:12px;color:#52606d\">",
                  Html(why), "<br><a href=\"", HtmlEscaped(links.UnsubscribePage()), "\">",
                  Html(unsubscribe), "</a> · <a href=\"", HtmlEscaped(links.SettingsPage()), "\">",
                  Html(settings), "</a></p></body></html>");
}

// A line of the text part and a button of the HTML part that open `url`.
void AppendButton(absl::string_view url, absl::string_view label, absl::string_view text_line,
                  EmailContent& email) {
  absl::StrAppend(&email.text, "\n", text_line, "\n");
  absl::StrAppend(&email.html, "<p><a href=\"", HtmlEscaped(url),
                  "\" style=\"display:inline-block;padding:10px 16px;background:#1d4ed8;"
                  "color:#ffffff;border-radius:6px;text-decoration:none\">",
                  Html(label), "</a></p>");
}

}  // namespace

NotificationCategory CategoryOf(NotificationKind kind) { return RuleOf(kind).category; }

int CertificationWarning(int64_t days_left) {
  if (days_left <= 0) return 0;
  if (days_left <= kCertificationLastWarningDays) return kCertificationLastWarningDays;
  if (days_left <= kCertificationFirstWarningDays) return kCertificationFirstWarningDays;
  return 0;
}

Audience AudienceOf(NotificationKind kind) { return RuleOf(kind).audience; }

std::vector<NotificationCategory> CategoriesFor(Role role) {
  switch (role) {
    case v1::ROLE_PARTNER_REP:
    case v1::ROLE_PARTNER_ADMIN: {
      std::vector<NotificationCategory> out = {
          v1::NOTIFICATION_CATEGORY_CLAIMS,   v1::NOTIFICATION_CATEGORY_ACHIEVEMENTS,
          v1::NOTIFICATION_CATEGORY_TIERS,    v1::NOTIFICATION_CATEGORY_TRAINING,
          v1::NOTIFICATION_CATEGORY_PROGRAMS, v1::NOTIFICATION_CATEGORY_ORDERS,
          v1::NOTIFICATION_CATEGORY_DISPUTES};
      if (role == v1::ROLE_PARTNER_ADMIN) out.push_back(v1::NOTIFICATION_CATEGORY_PAYOUTS);
      std::sort(out.begin(), out.end());
      return out;
    }
    case v1::ROLE_CHANNEL_MANAGER:
      return {v1::NOTIFICATION_CATEGORY_DISPUTES, v1::NOTIFICATION_CATEGORY_REVIEW};
    case v1::ROLE_PROGRAM_ADMIN:
    case v1::ROLE_FINANCE:
      return {v1::NOTIFICATION_CATEGORY_BUDGETS};
    default:
      return {};
  }
}

NotificationPreference SystemDefault(NotificationCategory category) {
  switch (category) {
    case v1::NOTIFICATION_CATEGORY_ACHIEVEMENTS:
    case v1::NOTIFICATION_CATEGORY_PROGRAMS:
    case v1::NOTIFICATION_CATEGORY_REVIEW:
      return Preference(category, true, true, v1::NOTIFICATION_DELIVERY_DAILY_DIGEST);
    default:
      return Preference(category, true, true, v1::NOTIFICATION_DELIVERY_IMMEDIATE);
  }
}

NotificationPreference EffectivePreference(NotificationCategory category,
                                           const PreferenceMap& partner_defaults,
                                           const PreferenceMap& own) {
  if (auto it = own.find(category); it != own.end()) {
    NotificationPreference p = it->second;
    p.set_category(category);
    p.set_overridden(true);
    return p;
  }
  NotificationPreference p = SystemDefault(category);
  if (auto it = partner_defaults.find(category); it != partner_defaults.end()) p = it->second;
  p.set_category(category);
  p.set_overridden(false);
  return p;
}

std::vector<NotificationPreference> EffectivePreferences(Role role,
                                                         const PreferenceMap& partner_defaults,
                                                         const PreferenceMap& own) {
  std::vector<NotificationPreference> out;
  for (NotificationCategory category : CategoriesFor(role)) {
    out.push_back(EffectivePreference(category, partner_defaults, own));
  }
  return out;
}

void ValidatePreferences(const google::protobuf::RepeatedPtrField<NotificationPreference>& list,
                         const std::vector<NotificationCategory>& allowed, absl::string_view field,
                         FieldErrors& errors) {
  absl::flat_hash_set<int> seen;
  for (int i = 0; i < list.size(); ++i) {
    const NotificationPreference& p = list[i];
    const std::string at = absl::StrCat(field, "[", i, "]");
    if (std::find(allowed.begin(), allowed.end(), p.category()) == allowed.end()) {
      errors.Add(at + ".category", "a category that concerns this person or partner");
    } else if (!seen.insert(p.category()).second) {
      errors.Add(at + ".category", "each category once");
    }
    if (p.delivery() != v1::NOTIFICATION_DELIVERY_IMMEDIATE &&
        p.delivery() != v1::NOTIFICATION_DELIVERY_DAILY_DIGEST) {
      errors.Add(at + ".delivery", "IMMEDIATE or DAILY_DIGEST");
    }
  }
}

MessageArgs ToMessageArgs(const cim::v1::NotificationArguments& args) {
  MessageArgs out;
  for (const auto& arg : args.arguments()) {
    using Arg = cim::v1::NotificationArguments::Argument;
    switch (arg.value_case()) {
      case Arg::kCount:
        out.emplace_back(arg.name(), MessageArg::Count(arg.count()));
        break;
      case Arg::kNumber:
        if (absl::StatusOr<Decimal> d = Decimal::Parse(arg.number()); d.ok()) {
          out.emplace_back(arg.name(), MessageArg::Number(*d));
        }
        break;
      case Arg::kMoney:
        if (absl::StatusOr<Decimal> d = Decimal::Parse(arg.money().amount()); d.ok()) {
          out.emplace_back(arg.name(), MessageArg::Money(*d, arg.money().currency_code()));
        }
        break;
      case Arg::kDay:
        if (absl::CivilDay day; absl::ParseCivilTime(arg.day(), &day)) {
          out.emplace_back(arg.name(), MessageArg::Day(day));
        }
        break;
      default:
        out.emplace_back(arg.name(), MessageArg::Text(arg.text()));
    }
  }
  return out;
}

NotificationText RenderNotification(const MessageCatalogs& catalogs, absl::string_view language,
                                    NotificationKind kind,
                                    const cim::v1::NotificationArguments& args) {
  const std::string key =
      absl::StrCat("notification.", KeyPart(v1::NotificationKind_Name(kind), "NOTIFICATION_KIND_"));
  const MessageArgs message_args = ToMessageArgs(args);
  return {.title = catalogs.Format(language, key + ".title", message_args),
          .body = catalogs.Format(language, key + ".body", message_args)};
}

std::string CategoryName(const MessageCatalogs& catalogs, absl::string_view language,
                         NotificationCategory category) {
  return catalogs.Format(language,
                         absl::StrCat("category.", KeyPart(v1::NotificationCategory_Name(category),
                                                           "NOTIFICATION_CATEGORY_")),
                         {});
}

std::string EmailLinks::UnsubscribePage() const {
  return absl::StrCat(portal_url, "/unsubscribe/", unsubscribe_token);
}

std::string EmailLinks::OneClickUrl() const {
  return absl::StrCat(portal_url, "/v1/unsubscribe/", unsubscribe_token);
}

std::string EmailLinks::SettingsPage() const {
  return absl::StrCat(portal_url, "/settings/notifications");
}

EmailContent ComposeNotificationEmail(const MessageCatalogs& catalogs, absl::string_view language,
                                      absl::string_view name, NotificationCategory category,
                                      const NotificationText& text, absl::string_view link,
                                      const EmailLinks& links) {
  const std::string greeting =
      catalogs.Format(language, "email.greeting", {{"name", MessageArg::Text(name)}});
  EmailContent email{.subject = text.title};
  absl::StrAppend(&email.text, greeting, "\n\n", text.title, "\n", text.body, "\n");
  absl::StrAppend(&email.html, kHtmlStart, "<p>", Html(greeting),
                  "</p><h2 style=\"font-size:18px\">", Html(text.title), "</h2><p>",
                  Html(text.body), "</p>");
  if (!link.empty()) {
    const std::string url = absl::StrCat(links.portal_url, link);
    AppendButton(url, catalogs.Format(language, "email.open_button", {}),
                 catalogs.Format(language, "email.open", {{"url", MessageArg::Text(url)}}), email);
  }
  AddFooter(catalogs, language, CategoryName(catalogs, language, category), links, email);
  return email;
}

EmailContent ComposeDigestEmail(const MessageCatalogs& catalogs, absl::string_view language,
                                absl::string_view name, const std::vector<DigestItem>& items,
                                const EmailLinks& links) {
  const std::string greeting =
      catalogs.Format(language, "email.greeting", {{"name", MessageArg::Text(name)}});
  const std::string intro = catalogs.Format(language, "email.digest.intro", {});
  EmailContent email{
      .subject = catalogs.Format(language, "email.digest.subject",
                                 {{"count", MessageArg::Count(static_cast<int64_t>(items.size()))},
                                  {"product", MessageArg::Text("CIM")}})};
  absl::StrAppend(&email.text, greeting, "\n\n", intro, "\n");
  absl::StrAppend(&email.html, kHtmlStart, "<p>", Html(greeting), "</p><p>", Html(intro),
                  "</p><ul style=\"padding-left:18px\">");
  for (const DigestItem& item : items) {
    absl::StrAppend(&email.text, "\n* ", item.text.title, "\n  ", item.text.body, "\n");
    absl::StrAppend(&email.html, "<li style=\"margin-bottom:10px\"><strong>");
    if (item.link.empty()) {
      absl::StrAppend(&email.html, Html(item.text.title));
    } else {
      const std::string url = absl::StrCat(links.portal_url, item.link);
      absl::StrAppend(&email.text, "  ", url, "\n");
      absl::StrAppend(&email.html, "<a href=\"", HtmlEscaped(url), "\">", Html(item.text.title),
                      "</a>");
    }
    absl::StrAppend(&email.html, "</strong><br>", Html(item.text.body), "</li>");
  }
  absl::StrAppend(&email.html, "</ul>");
  AddFooter(catalogs, language, catalogs.Format(language, "email.digest.categories", {}), links,
            email);
  return email;
}

EmailContent ComposeAccountEmail(const MessageCatalogs& catalogs, absl::string_view language,
                                 absl::string_view name, const AccountEmail& content) {
  const std::string greeting =
      catalogs.Format(language, "email.greeting", {{"name", MessageArg::Text(name)}});
  EmailContent email{.subject = content.subject};
  absl::StrAppend(&email.text, greeting, "\n\n", content.body, "\n");
  absl::StrAppend(&email.html, kHtmlStart, "<p>", Html(greeting), "</p><p>", Html(content.body),
                  "</p>");
  AppendButton(content.url, content.button, absl::StrCat(content.button, ": ", content.url), email);
  absl::StrAppend(&email.text, "\n--\n", content.note, "\n");
  absl::StrAppend(&email.html,
                  "<hr style=\"border:none;border-top:1px solid #d9dee3;margin:24px 0 12px\">"
                  "<p style=\"font-size:12px;color:#52606d\">",
                  Html(content.note), "</p></body></html>");
  return email;
}

std::string MaskedEmail(absl::string_view address) {
  const size_t at = address.find('@');
  if (at == absl::string_view::npos || at == 0) return "***";
  return absl::StrCat(address.substr(0, 1), "***", address.substr(at));
}

}  // namespace cim
