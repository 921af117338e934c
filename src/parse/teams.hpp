#pragma once
#include "parse/mention.hpp"
#include "parse/parser.hpp"

#include <vector>

namespace frontmap::parse {

// In a sports story, marks the place names that stand for teams ("No. 12 Georgia pulled away from
// Tennessee 31-17", "Liverpool beat Chelsea 2-1", "the Houston Rockets") as metonyms, and every
// later mention of a team's name unless a preposition of place comes before it ("in Athens").
// The rules' words are in teams.json. Other stories are left as they are.
void mark_sports_teams(std::vector<Mention>& mentions, const Words& words);

}  // namespace frontmap::parse
