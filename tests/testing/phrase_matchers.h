// Matching texts the server writes as phrases (lib/phrase.h) by what a reader sees.
#ifndef CIM_TESTS_TESTING_PHRASE_MATCHERS_H_
#define CIM_TESTS_TESTING_PHRASE_MATCHERS_H_

#include <string>
#include <utility>

#include "gmock/gmock.h"
#include "lib/messages.h"

namespace cim::testing {

// The text rendered in English; a plain text as it is.
inline std::string InEnglish(const std::string& text) { return Wording::English().Render(text); }

// Matches a text whose English rendering matches `inner` (a string or a matcher):
// EXPECT_THAT(entry.basis(), ReadsInEnglish(HasSubstr("eligible sales"))).
template <typename Inner>
auto ReadsInEnglish(Inner inner) {
  return ::testing::ResultOf([](const std::string& text) { return InEnglish(text); },
                             ::testing::MatcherCast<const std::string&>(std::move(inner)));
}

}  // namespace cim::testing

#endif  // CIM_TESTS_TESTING_PHRASE_MATCHERS_H_
