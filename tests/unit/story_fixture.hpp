#pragma once
// The Kherson story as the scene stage receives it: its places, and its events as the event stage
// reports them. Shared by the scene tests and the golden images.
#include "scene/build.hpp"

#include <vector>

namespace frontmap::test {

std::vector<scene::Subject> kherson_story();
std::vector<scene::EventSubject> kherson_events();

}  // namespace frontmap::test
