#pragma once
#include "gazetteer/gazetteer.hpp"
#include "parse/mention.hpp"
#include "parse/parser.hpp"

#include <string_view>
#include <vector>

namespace frontmap::parse {

// Adds mentions for capitalised names the gazetteer lacks that the article itself locates
// ("Robotyne, a farming village about 10 km south of Orikhiv"), placed at or offset from the
// known place the description names, with feature code gazetteer::kDescribedFeature. Every
// occurrence of such a name gets the place. Mentions stay in text order. A name the gazetteer
// lists as never a place ("Doctors Without Borders") is never described as one.
void place_described(std::string_view article, std::vector<Mention>& mentions, const Words& words, const gazetteer::Gazetteer& gazetteer);

}  // namespace frontmap::parse
