#pragma once
// Hand-made mentions for the event stage's tests: every occurrence of a known place name becomes a
// resolved mention, as the parser would give, so each event rule is seen without a gazetteer.
#include "events/extract.hpp"
#include "parse/mention.hpp"

#include <string>
#include <vector>

namespace frontmap::test {

// The mentions of the places of the fixture table (Kherson, Kyiv, the Dnieper, Donbas…) in `text`.
std::vector<parse::Mention> mentions_of(const std::string& text);

// The day the event tests' articles appeared: Friday 21 October 2022.
extern const events::Date kArticleFriday;

}  // namespace frontmap::test
