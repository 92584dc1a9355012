// Decimal literals in tests: D("12.50") is the exact decimal, and a typo fails loudly.
#ifndef CIM_TESTS_TESTING_DECIMALS_H_
#define CIM_TESTS_TESTING_DECIMALS_H_

#include "lib/decimal.h"

namespace cim::testing {

// The decimal `text` spells; aborts the test binary (StatusOr's crash names the parse error)
// when it is not a decimal.
inline Decimal D(const char* text) { return *Decimal::Parse(text); }

}  // namespace cim::testing

#endif  // CIM_TESTS_TESTING_DECIMALS_H_
