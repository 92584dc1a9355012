#include "server/events/notification_event.h"

#include <string>

#include "absl/strings/numbers.h"
#include "absl/time/civil_time.h"

namespace cim {
namespace {

cim::v1::NotificationArguments::Argument& Add(cim::v1::NotificationArguments& args,
                                              absl::string_view name) {
  cim::v1::NotificationArguments::Argument& arg = *args.add_arguments();
  arg.set_name(std::string(name));
  return arg;
}

}  // namespace

NotificationEvent& NotificationEvent::Text(absl::string_view name, absl::string_view value) {
  Add(args, name).set_text(std::string(value));
  return *this;
}

NotificationEvent& NotificationEvent::Count(absl::string_view name, int64_t value) {
  Add(args, name).set_count(value);
  return *this;
}

NotificationEvent& NotificationEvent::Count(absl::string_view name, const Decimal& value) {
  int64_t whole = 0;
  (void)absl::SimpleAtoi(value.Truncated(0).ToString(), &whole);
  return Count(name, whole);
}

NotificationEvent& NotificationEvent::Number(absl::string_view name, const Decimal& value) {
  Add(args, name).set_number(value.ToString());
  return *this;
}

NotificationEvent& NotificationEvent::Money(absl::string_view name, const Decimal& amount,
                                            absl::string_view currency_code) {
  cim::v1::NotificationArguments::Money& money = *Add(args, name).mutable_money();
  money.set_amount(amount.ToString());
  money.set_currency_code(std::string(currency_code));
  return *this;
}

NotificationEvent& NotificationEvent::Day(absl::string_view name, absl::CivilDay value) {
  Add(args, name).set_day(absl::FormatCivilTime(value));
  return *this;
}

}  // namespace cim
