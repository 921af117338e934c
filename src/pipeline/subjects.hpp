#pragma once
#include "events/event.hpp"
#include "gazetteer/gazetteer.hpp"
#include "parse/mention.hpp"
#include "scene/build.hpp"

#include <string_view>
#include <vector>

namespace frontmap::pipeline {

// The places to draw: one subject per located place, counting its mentions, named as the article
// spells it. Metonyms, names that are not places and doubtful readings are not drawn; a
// dateline weighs little.
std::vector<scene::Subject> subjects_of(const std::vector<parse::Mention>& mentions);

// The events to draw, with the places they point at and the home country of their side (for the
// direction an arrow comes from).
std::vector<scene::EventSubject> event_subjects_of(const std::vector<events::Event>& events, const std::vector<parse::Mention>& mentions,
                                                   std::string_view text, gazetteer::Gazetteer& gazetteer);

}  // namespace frontmap::pipeline
