#pragma once
// A small map of the lower Dnieper, made by hand as a user editing a scene file might: the render
// tests draw it, the scene tests write and read it back.
#include "scene/scene.hpp"

#include <string>

namespace frontmap::test {

// Kherson (labelled `label_text`), Kyiv out of view, the Dnieper, a labelled town for context, a
// scale bar, a legend and a locator inset.
scene::Scene lower_dnieper_scene(const std::string& label_text = "Kherson");

}  // namespace frontmap::test
