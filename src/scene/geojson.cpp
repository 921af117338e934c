#include "scene/geojson.hpp"

#include "common/error.hpp"

namespace frontmap::scene {

using nlohmann::json;

namespace {

constexpr std::pair<LabelFont, const char*> kFonts[] = {
    {LabelFont::Place, "place"}, {LabelFont::Context, "context"}, {LabelFont::Water, "water"}, {LabelFont::Region, "region"},
    {LabelFont::Country, "country"}};

json box_json(const Box& b) { return {b.x, b.y, b.w, b.h}; }
Box box_from(const json& j) { return {j.at(0).get<double>(), j.at(1).get<double>(), j.at(2).get<double>(), j.at(3).get<double>()}; }

}  // namespace

const char* to_string(LabelFont font) {
    for (const auto& [f, name] : kFonts)
        if (f == font) return name;
    return "place";
}

LabelFont label_font_from_string(const std::string& text) {
    for (const auto& [f, name] : kFonts)
        if (text == name) return f;
    throw InputError("bad scene", "unknown label font '" + text + "'");
}

json to_geojson(const Scene& s) {
    json features = json::array();
    for (const auto& f : s.features) {
        json props = {{"kind", f.kind}, {"name", f.name}, {"place_id", f.place_id}, {"type", f.place_type},
                      {"role", f.role}, {"mentions", f.mentions}, {"capital", f.capital}, {"in_view", f.in_view}};
        if (f.label) props["label"] = {{"text", f.label->text}, {"box", box_json(f.label->box)}, {"font", to_string(f.label->font)}};
        json geometry;
        if (!f.line.empty()) {
            geometry = {{"type", "LineString"}, {"coordinates", f.line}};
            props["anchor"] = {f.lon, f.lat};  // the point the story refers to, kept for the locator
        } else {
            geometry = {{"type", "Point"}, {"coordinates", {f.lon, f.lat}}};
        }
        features.push_back({{"type", "Feature"}, {"geometry", geometry}, {"properties", props}});
    }
    json settings = {
        {"version", 1}, {"width", s.width}, {"height", s.height}, {"title", s.title}, {"subtitle", s.subtitle},
        {"source", s.source}, {"style", s.style}, {"crs", s.crs}, {"view", s.view}, {"map_box", box_json(s.map_box)},
        {"detail", s.detail},
        {"scale_bar", {{"km", s.scale_bar.km}, {"px", s.scale_bar.px}, {"origin", {s.scale_bar.origin.x, s.scale_bar.origin.y}}}},
        {"legend_box", box_json(s.legend_box)},
    };
    json legend = json::array();
    for (const auto& e : s.legend) legend.push_back({{"kind", e.kind}, {"text", e.text}});
    settings["legend"] = legend;
    if (s.inset) {
        settings["inset"] = {{"crs", s.inset->crs}, {"view", s.inset->view}, {"bbox", s.inset->bbox},
                             {"box", box_json(s.inset->box)}, {"extent_outline", s.inset->extent_outline}};
    }
    return {{"type", "FeatureCollection"}, {"bbox", s.bbox}, {"frontmap", settings}, {"features", features}};
}

Scene from_geojson(const json& doc) {
    Scene s;
    try {
        if (doc.value("type", "") != "FeatureCollection") throw InputError("bad scene", "not a GeoJSON FeatureCollection");
        if (!doc.contains("frontmap")) throw InputError("bad scene", "no \"frontmap\" member (make one with `frontmap scene`)");
        const json& m = doc.at("frontmap");
        s.width = m.at("width").get<int>();
        s.height = m.at("height").get<int>();
        s.title = m.value("title", "");
        s.subtitle = m.value("subtitle", "");
        s.source = m.value("source", "");
        s.style = m.value("style", "default");
        s.crs = m.at("crs").get<std::string>();
        s.view = m.at("view").get<std::array<double, 4>>();
        s.bbox = doc.at("bbox").get<std::array<double, 4>>();
        s.map_box = box_from(m.at("map_box"));
        s.detail = m.value("detail", "h");
        const json& sb = m.at("scale_bar");
        s.scale_bar = {sb.at("km").get<double>(), sb.at("px").get<double>(), {sb.at("origin").at(0).get<double>(), sb.at("origin").at(1).get<double>()}};
        s.legend_box = box_from(m.at("legend_box"));
        for (const auto& e : m.value("legend", json::array())) s.legend.push_back({e.at("kind").get<std::string>(), e.at("text").get<std::string>()});
        if (m.contains("inset")) {
            const json& in = m.at("inset");
            Inset inset;
            inset.crs = in.at("crs").get<std::string>();
            inset.view = in.at("view").get<std::array<double, 4>>();
            inset.bbox = in.at("bbox").get<std::array<double, 4>>();
            inset.box = box_from(in.at("box"));
            inset.extent_outline = in.at("extent_outline").get<std::vector<std::array<double, 2>>>();
            s.inset = inset;
        }
        for (const auto& jf : doc.at("features")) {
            const json& p = jf.at("properties");
            Feature f;
            f.kind = p.at("kind").get<std::string>();
            f.name = p.value("name", "");
            f.place_id = p.value("place_id", "");
            f.place_type = p.value("type", "");
            f.role = p.value("role", "location");
            f.mentions = p.value("mentions", 0);
            f.capital = p.value("capital", false);
            f.in_view = p.value("in_view", true);
            const json& g = jf.at("geometry");
            if (g.at("type") == "LineString") {
                f.line = g.at("coordinates").get<std::vector<std::array<double, 2>>>();
                if (p.contains("anchor")) {
                    f.lon = p.at("anchor").at(0).get<double>();
                    f.lat = p.at("anchor").at(1).get<double>();
                }
            } else {
                f.lon = g.at("coordinates").at(0).get<double>();
                f.lat = g.at("coordinates").at(1).get<double>();
            }
            if (p.contains("label")) {
                const json& l = p.at("label");
                f.label = Label{l.at("text").get<std::string>(), box_from(l.at("box")), label_font_from_string(l.value("font", "place"))};
            }
            s.features.push_back(std::move(f));
        }
    } catch (const json::exception& e) {
        throw InputError("bad scene", e.what());
    }
    if (s.width < 16 || s.height < 16 || s.width > 20000 || s.height > 20000)
        throw InputError("bad scene", "size " + std::to_string(s.width) + "x" + std::to_string(s.height) + " is out of range");
    return s;
}

}  // namespace frontmap::scene
