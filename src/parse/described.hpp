#pragma once
#include "parse/mention.hpp"
#include "parse/parser.hpp"

#include <string_view>
#include <vector>

namespace frontmap::parse {

// Adds mentions for capitalised names the gazetteer lacks that the article itself locates
// ("Robotyne, a farming village about 10 km south of Orikhiv"), placed at or offset from the
// known place the description names, with feature code gazetteer::kDescribedFeature. Every
// occurrence of such a name gets the place. Mentions stay in text order.
void place_described(std::string_view article, std::vector<Mention>& mentions, const Words& words);

}  // namespace frontmap::parse
