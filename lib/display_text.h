// Numbers, money and dates in the words the API puts in progress texts and feed headlines
// ("€12,400", "1,250 points", "14 Jan 2027"). English; the portal localises what it shows
// itself from the structured fields.
#ifndef CIM_LIB_DISPLAY_TEXT_H_
#define CIM_LIB_DISPLAY_TEXT_H_

#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "lib/decimal.h"

namespace cim {

// `value` with thousands separators and its fraction digits without trailing zeros
// ("12,400", "-1,234.5").
std::string GroupedNumber(const Decimal& value);

// `amount` in `currency_code`: a symbol for EUR, USD, GBP and JPY ("€12,400", "$99.50"),
// the code otherwise ("CHF 1,000"). Whole amounts have no fraction; others show the
// currency's minor units ("€12,399.50").
std::string MoneyText(const Decimal& amount, absl::string_view currency_code);

// The UTC day of `t` as "14 Jan 2027".
std::string DayText(absl::Time t);

// "1 certified user" / "3 certified users": `count` and the noun, plural unless count is 1.
std::string CountText(int64_t count, absl::string_view singular, absl::string_view plural);

}  // namespace cim

#endif  // CIM_LIB_DISPLAY_TEXT_H_
