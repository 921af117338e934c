#include "scene_fixture.hpp"

#include "scene/projection.hpp"

namespace frontmap::test {

scene::Scene lower_dnieper_scene(const std::string& label_text) {
    scene::Scene s;
    s.width = 480;
    s.height = 360;
    s.title = "Lower Dnieper";
    s.subtitle = "Places named in the article";
    s.source = "Sources: test fixture";
    s.crs = scene::conformal_crs_for({31, 45.5, 35, 48});
    s.map_box = {0, 50, 480, 280};
    s.view = scene::Projector::fit_view(s.crs, {31, 45.5, 35, 48}, s.map_box);
    s.bbox = {30.0, 44.8, 36.0, 48.7};
    s.detail = std::string("h");  // not from the literal: GCC 12 misreads that assignment as an overlapping copy (-Wrestrict)
    const scene::Projector p(s.crs, s.view, s.map_box);
    const auto kherson = p.to_pixel(32.6178, 46.65581);
    s.features.push_back({.kind = scene::FeatureKind::Place, .name = "Kherson", .place_type = "city", .role = "location", .mentions = 2,
                          .lon = 32.6178, .lat = 46.65581,
                          .label = scene::Label{label_text, {kherson.x + 8, kherson.y - 8, 70, 16}, scene::LabelFont::Place}});
    s.features.push_back({.kind = scene::FeatureKind::Place, .name = "Kyiv", .place_type = "city", .role = "location", .in_view = false,
                          .lon = 30.5238, .lat = 50.45466});
    s.features.push_back({.kind = scene::FeatureKind::River, .name = "Dnieper", .place_type = "river", .role = "location",
                          .line = {{34.4, 47.5}, {33.4, 46.8}, {32.62, 46.64}, {31.9, 46.5}}});
    s.features.push_back({.kind = scene::FeatureKind::Context, .name = "Mykolaiv", .place_type = "city", .role = "location", .lon = 31.9946, .lat = 46.9659,
                          .label = scene::Label{"Mykolaiv", {100, 120, 50, 12}, scene::LabelFont::Context}});
    s.scale_bar = {50, 80, {22, 308}};
    s.legend = {{"place", "Named in the article"}, {"context", "Other towns"}, {"river", "River"}, {"border", "Border"}};
    s.legend_box = {12, 200, 150, 70};
    scene::Inset inset;
    inset.crs = scene::conformal_crs_for({22, 43, 42, 53});
    inset.box = {370, 62, 96, 77};
    inset.view = scene::Projector::fit_view(inset.crs, {22, 43, 42, 53}, inset.box);
    inset.bbox = {22, 43, 42, 53};
    inset.extent_outline = {{31, 45.5}, {35, 45.5}, {35, 48}, {31, 48}, {31, 45.5}};
    s.inset = inset;
    return s;
}

}  // namespace frontmap::test
