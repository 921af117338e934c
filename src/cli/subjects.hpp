#pragma once
#include "parse/mention.hpp"
#include "scene/build.hpp"

#include <vector>

namespace frontmap::cli {

// The places to draw: one subject per located place, counting its mentions. Metonyms, names
// that are not places and doubtful readings are not drawn; a dateline weighs little.
std::vector<scene::Subject> subjects_of(const std::vector<parse::Mention>& mentions);

}  // namespace frontmap::cli
