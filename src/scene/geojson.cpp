#include "scene/geojson.hpp"

#include "common/bbox.hpp"
#include "common/error.hpp"
#include "common/names.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace frontmap::scene {

using nlohmann::json;

namespace {

constexpr std::array<std::pair<LabelFont, const char*>, 5> kFonts{{
    {LabelFont::Place, "place"}, {LabelFont::Context, "context"}, {LabelFont::Water, "water"}, {LabelFont::Region, "region"},
    {LabelFont::Country, "country"}}};

constexpr std::array<std::pair<FeatureKind, const char*>, 6> kFeatureKinds{{
    {FeatureKind::Place, "place"},     {FeatureKind::Area, "area"},       {FeatureKind::River, "river"},
    {FeatureKind::Water, "water"},     {FeatureKind::Country, "country"}, {FeatureKind::Context, "context"}}};

constexpr std::array<std::pair<EventSymbol, const char*>, 4> kEventSymbols{
    {{EventSymbol::Arrow, "arrow"}, {EventSymbol::Area, "area"}, {EventSymbol::Marker, "marker"}, {EventSymbol::Icon, "icon"}}};

constexpr std::array<std::pair<EventStatus, const char*>, 4> kEventStatuses{
    {{EventStatus::Reported, "reported"}, {EventStatus::Claimed, "claimed"}, {EventStatus::Denied, "denied"}, {EventStatus::Confirmed, "confirmed"}}};

// A whole number from a scene file. nlohmann's get<int> of 1e69 or 2.5 is undefined behaviour
// or a silent truncation (fuzz_scene found the first), so the value is checked as a double.
int whole_number(const json& v, const std::string& what) {
    const double x = v.get<double>();
    if (!(std::abs(x) <= 1e9) || x != std::floor(x)) throw InputError("scene", what + " is not a whole number of at most nine digits");
    return static_cast<int>(x);
}

json box_json(const Box& b) { return {b.x, b.y, b.w, b.h}; }
Box box_from(const json& j) { return {j.at(0).get<double>(), j.at(1).get<double>(), j.at(2).get<double>(), j.at(3).get<double>()}; }

// A view or extent as GeoJSON writes a "bbox": least x and y, then greatest.
json bbox_json(const BBox& b) { return {b.min_x, b.min_y, b.max_x, b.max_y}; }
BBox bbox_from(const json& j) {
    const auto [min_x, min_y, max_x, max_y] = j.get<std::array<double, 4>>();
    return {min_x, min_y, max_x, max_y};
}

// What a JSON library error means for a scene file, without the library's codes.
std::string plain_reason(const json::exception& e) {
    if (dynamic_cast<const json::type_error*>(&e)) return "a property or coordinate has the wrong type";
    if (dynamic_cast<const json::out_of_range*>(&e)) {
        // nlohmann names a missing key as "key 'width' not found": keep the name, drop the code.
        const std::string what = e.what();
        const size_t at = what.find("key '");
        const size_t end = at == std::string::npos ? at : what.find('\'', at + 5);
        if (end != std::string::npos) return "no \"" + what.substr(at + 5, end - at - 5) + "\" property";
        return "a list is too short";
    }
    return "it is not a valid scene";
}

json event_feature(const EventMark& m) {
    json props = {{"kind", "event"}, {"type", m.type}, {"side", m.side}, {"status", to_string(m.status)}, {"symbol", to_string(m.symbol)},
                  {"place", m.place}, {"evidence", m.evidence}, {"geo_precision", m.geo_precision}, {"in_view", m.in_view}};
    if (m.icon) props["icon"] = box_json(*m.icon);
    if (m.callout) props["callout"] = {{"text", m.callout->text}, {"box", box_json(m.callout->box)}, {"anchor", {m.callout->anchor.x, m.callout->anchor.y}}};
    json geometry;
    if (!m.rings.empty()) {
        json polygons = json::array();
        for (const auto& ring : m.rings) polygons.push_back(json::array({ring}));
        geometry = {{"type", "MultiPolygon"}, {"coordinates", polygons}};
    } else if (m.line.size() >= 2) {
        geometry = {{"type", "LineString"}, {"coordinates", m.line}};
    } else {
        geometry = {{"type", "Point"}, {"coordinates", {m.lon, m.lat}}};
    }
    if (geometry.at("type") != "Point") props["anchor"] = {m.lon, m.lat};
    return {{"type", "Feature"}, {"geometry", geometry}, {"properties", props}};
}

// A property as written by frontmap, or as GDAL writes it back: nested objects flattened to JSON
// text, and absent values as null.
json nested(const json& props, const char* key) {
    if (!props.contains(key) || props.at(key).is_null()) return nullptr;
    const json& v = props.at(key);
    if (!v.is_string()) return v;
    json parsed = json::parse(v.get<std::string>(), nullptr, false);
    return parsed.is_discarded() ? json(nullptr) : parsed;
}

std::string text_of(const json& props, const char* key, const std::string& fallback = "") {
    if (!props.contains(key) || !props.at(key).is_string()) return fallback;
    return props.at(key).get<std::string>();
}

using Ring = std::vector<std::array<double, 2>>;

Ring ring_from(const json& j) {
    Ring ring = j.get<Ring>();
    for (const auto& v : ring)
        if (!std::isfinite(v[0]) || !std::isfinite(v[1])) throw InputError("scene", "a coordinate is not a number");
    return ring;
}

// The event's drawing as its geometry gives it: an icon, an arrow or an area.
void read_event_geometry(EventMark& m, const json& g, const std::string& type, const std::string& where) {
    if (type == "Point") {
        m.lon = g.at("coordinates").at(0).get<double>();
        m.lat = g.at("coordinates").at(1).get<double>();
        m.symbol = EventSymbol::Icon;
    } else if (type == "LineString") {
        m.line = ring_from(g.at("coordinates"));
        if (m.line.size() < 2) throw InputError("scene", where + "an arrow needs two points");
        m.symbol = EventSymbol::Arrow;
    } else if (type == "Polygon" || type == "MultiPolygon") {
        const json polygons = type == "Polygon" ? json::array({g.at("coordinates")}) : g.at("coordinates");
        for (const auto& polygon : polygons)
            for (const auto& ring : polygon) m.rings.push_back(ring_from(ring));
        if (m.rings.empty() || m.rings.front().size() < 4) throw InputError("scene", where + "an area needs a ring of four points");
        m.symbol = EventSymbol::Area;
    } else {
        throw InputError("scene", where + "an event cannot be a " + type);
    }
}

// Where the event happened: the anchor written with it, else a Point's own place, an arrow's head
// or an area's first point.
void read_event_anchor(EventMark& m, const json& props, const std::string& type) {
    const json anchor = nested(props, "anchor");
    if (anchor.is_array() && anchor.size() == 2) {
        m.lon = anchor.at(0).get<double>();
        m.lat = anchor.at(1).get<double>();
    } else if (type != "Point") {
        const auto& first = m.line.empty() ? m.rings.front().front() : m.line.back();
        m.lon = first[0];
        m.lat = first[1];
    }
}

EventMark event_from(const json& jf, size_t index) {
    const json& p = jf.at("properties");
    const std::string where = "feature " + std::to_string(index) + ": ";
    EventMark m;
    m.type = text_of(p, "type", "other");
    m.side = text_of(p, "side");
    // A status frontmap does not write is drawn as reported, as it always was.
    m.status = event_status_from_string(text_of(p, "status", "reported")).value_or(EventStatus::Reported);
    m.place = text_of(p, "place");
    m.evidence = text_of(p, "evidence");
    if (p.contains("geo_precision") && p.at("geo_precision").is_number())
        m.geo_precision = whole_number(p.at("geo_precision"), where + "\"geo_precision\"");
    if (p.contains("in_view") && p.at("in_view").is_boolean()) m.in_view = p.at("in_view").get<bool>();
    const json& g = jf.at("geometry");
    if (g.is_null()) throw InputError("scene", where + "an event has no geometry");
    const std::string type = g.at("type").get<std::string>();
    read_event_geometry(m, g, type, where);
    // The symbol follows the geometry a user drew; a Point keeps the marker or icon it had.
    const auto symbol = event_symbol_from_string(text_of(p, "symbol"));
    if (type == "Point" && symbol && (*symbol == EventSymbol::Marker || *symbol == EventSymbol::Icon)) m.symbol = *symbol;
    read_event_anchor(m, p, type);
    if (const json icon = nested(p, "icon"); icon.is_array()) m.icon = box_from(icon);
    if (const json c = nested(p, "callout"); c.is_object())
        m.callout = Callout{c.at("text").get<std::string>(), box_from(c.at("box")), {c.at("anchor").at(0).get<double>(), c.at("anchor").at(1).get<double>()}};
    return m;
}

// A flag as frontmap writes it, or as a GIS may write it back (0/1, "true"/"false", null).
bool flag_of(const json& props, const char* key, bool fallback) {
    if (!props.contains(key)) return fallback;
    const json& v = props.at(key);
    if (v.is_boolean()) return v.get<bool>();
    if (v.is_number()) return v.get<double>() != 0;
    if (v.is_string()) return v.get<std::string>() == "true" ? true : v.get<std::string>() == "false" ? false : fallback;
    return fallback;
}

int count_of(const json& props, const char* key, const std::string& where) {
    return props.contains(key) && props.at(key).is_number() ? whole_number(props.at(key), where + "\"" + key + "\"") : 0;
}

Feature feature_from(const json& jf, size_t index) {
    const json& p = jf.at("properties");
    const std::string where = "feature " + std::to_string(index) + ": ";
    Feature f;
    const std::string kind = text_of(p, "kind");
    if (kind.empty()) throw InputError("scene", where + "no \"kind\" property");
    const auto known = names::value_of(kFeatureKinds, kind);
    if (!known) throw InputError("scene", where + "unknown kind '" + kind + "' (place, area, river, water, country, context or event)");
    f.kind = *known;
    f.name = text_of(p, "name");
    f.place_id = text_of(p, "place_id");
    f.place_type = text_of(p, "type");
    f.role = text_of(p, "role", "location");
    f.mentions = count_of(p, "mentions", where);
    f.capital = flag_of(p, "capital", false);
    f.in_view = flag_of(p, "in_view", true);
    const json& g = jf.at("geometry");
    if (g.is_null()) throw InputError("scene", where + "a place has no geometry");
    const std::string type = g.at("type").get<std::string>();
    if (type == "LineString") {
        f.line = ring_from(g.at("coordinates"));
        if (const json anchor = nested(p, "anchor"); anchor.is_array() && anchor.size() == 2) {
            f.lon = anchor.at(0).get<double>();
            f.lat = anchor.at(1).get<double>();
        }
    } else if (type == "Point") {
        f.lon = g.at("coordinates").at(0).get<double>();
        f.lat = g.at("coordinates").at(1).get<double>();
    } else {
        throw InputError("scene", where + "a place cannot be a " + type);
    }
    if (const json l = nested(p, "label"); l.is_object())
        f.label = Label{l.at("text").get<std::string>(), box_from(l.at("box")), label_font_from_string(text_of(l, "font", "place"))};
    return f;
}

}  // namespace

const char* to_string(FeatureKind kind) { return names::word_of(kFeatureKinds, kind, "place"); }

const char* to_string(LabelFont font) { return names::word_of(kFonts, font, "place"); }
const char* to_string(EventSymbol symbol) { return names::word_of(kEventSymbols, symbol, "icon"); }
std::optional<EventSymbol> event_symbol_from_string(std::string_view text) { return names::value_of(kEventSymbols, text); }
const char* to_string(EventStatus status) { return names::word_of(kEventStatuses, status, "reported"); }
std::optional<EventStatus> event_status_from_string(std::string_view text) { return names::value_of(kEventStatuses, text); }

LabelFont label_font_from_string(const std::string& text) {
    if (const auto font = names::value_of(kFonts, text)) return *font;
    throw InputError("scene", "unknown label font '" + text + "'");
}

json to_geojson(const Scene& s) {
    json features = json::array();
    for (const auto& f : s.features) {
        json props = {{"kind", to_string(f.kind)}, {"name", f.name}, {"place_id", f.place_id}, {"type", f.place_type},
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
    for (const auto& m : s.events) features.push_back(event_feature(m));
    json settings = {
        {"version", 1}, {"width", s.width}, {"height", s.height}, {"dpi", s.dpi}, {"millimetres", s.millimetres}, {"title", s.title}, {"subtitle", s.subtitle},
        {"source", s.source}, {"alt", s.alt}, {"as_of", s.as_of}, {"style", s.style}, {"crs", s.crs}, {"view", bbox_json(s.view)}, {"map_box", box_json(s.map_box)},
        {"detail", s.detail},
        {"scale_bar", {{"km", s.scale_bar.km}, {"px", s.scale_bar.px}, {"origin", {s.scale_bar.origin.x, s.scale_bar.origin.y}}}},
        {"legend_box", box_json(s.legend_box)},
    };
    json legend = json::array();
    for (const auto& e : s.legend) {
        json entry = {{"kind", e.kind}, {"text", e.text}};
        if (e.symbol) entry.update({{"symbol", to_string(*e.symbol)}, {"type", e.event_type}, {"side", e.side}});
        legend.push_back(entry);
    }
    settings["legend"] = legend;
    if (s.inset) {
        settings["inset"] = {{"crs", s.inset->crs}, {"view", bbox_json(s.inset->view)}, {"bbox", bbox_json(s.inset->bbox)},
                             {"box", box_json(s.inset->box)}, {"extent_outline", s.inset->extent_outline}};
    }
    return {{"type", "FeatureCollection"}, {"bbox", bbox_json(s.bbox)}, {"frontmap", settings}, {"features", features}};
}

namespace {

Inset inset_from(const json& in) {
    Inset inset;
    inset.crs = in.at("crs").get<std::string>();
    inset.view = bbox_from(in.at("view"));
    inset.bbox = bbox_from(in.at("bbox"));
    inset.box = box_from(in.at("box"));
    inset.extent_outline = in.at("extent_outline").get<std::vector<std::array<double, 2>>>();
    return inset;
}

// A legend row's symbol: none for a row that is no event's; one it does not know is drawn as an
// icon, as it always was.
std::optional<EventSymbol> legend_symbol(const std::string& word) {
    if (word.empty()) return std::nullopt;
    return event_symbol_from_string(word).value_or(EventSymbol::Icon);
}

// The scene's settings: the canvas, its projection, furniture and legend.
void read_settings(const json& doc, Scene& s) {
    const json& m = doc.at("frontmap");
    s.width = whole_number(m.at("width"), "its width");
    s.height = whole_number(m.at("height"), "its height");
    if (m.contains("dpi") && m.at("dpi").is_number()) s.dpi = m.at("dpi").get<double>();
    if (m.contains("millimetres") && m.at("millimetres").is_boolean()) s.millimetres = m.at("millimetres").get<bool>();
    s.title = m.value("title", "");
    s.subtitle = m.value("subtitle", "");
    s.alt = m.value("alt", "");
    s.source = m.value("source", "");
    s.style = m.value("style", "default");
    s.crs = m.at("crs").get<std::string>();
    s.view = bbox_from(m.at("view"));
    s.bbox = bbox_from(doc.at("bbox"));
    s.map_box = box_from(m.at("map_box"));
    s.detail = m.value("detail", "h");
    const json& sb = m.at("scale_bar");
    s.scale_bar = {sb.at("km").get<double>(), sb.at("px").get<double>(), {sb.at("origin").at(0).get<double>(), sb.at("origin").at(1).get<double>()}};
    s.legend_box = box_from(m.at("legend_box"));
    s.as_of = m.value("as_of", "");
    for (const auto& e : m.value("legend", json::array()))
        s.legend.push_back({e.at("kind").get<std::string>(), e.at("text").get<std::string>(), legend_symbol(e.value("symbol", "")), e.value("type", ""),
                            e.value("side", "")});
    if (m.contains("inset")) s.inset = inset_from(m.at("inset"));
}

// Each feature, an event or a place, named by its number when it is wrong.
void read_features(const json& doc, Scene& s) {
    size_t index = 0;
    for (const auto& jf : doc.at("features")) {
        ++index;
        const json& p = jf.at("properties");
        try {
            if (p.is_object() && p.contains("kind") && p.at("kind") == "event") s.events.push_back(event_from(jf, index));
            else s.features.push_back(feature_from(jf, index));
        } catch (const json::exception& e) {
            // Say which feature and what is wrong with it in words, not the JSON library's.
            throw InputError("scene", "feature " + std::to_string(index) + ": " + plain_reason(e));
        }
    }
}

// A scene that would draw nothing sensible: a size or resolution out of range, a view with no
// width or height or turned inside out (a blank or mirrored map), a map box off the canvas.
void check_drawable(const Scene& s) {
    if (!(s.dpi >= 24 && s.dpi <= 1200)) throw InputError("scene", "dpi " + std::to_string(s.dpi) + " is out of range (24 to 1200)");
    if (s.width < 16 || s.height < 16 || s.width * s.dpi / 96 > 20000 || s.height * s.dpi / 96 > 20000)
        throw InputError("scene", "size " + std::to_string(s.width) + "x" + std::to_string(s.height) + " is out of range");
    const auto [xmin, ymin, xmax, ymax] = s.view;
    if (!std::isfinite(xmin) || !std::isfinite(ymin) || !std::isfinite(xmax) || !std::isfinite(ymax) || !(xmin < xmax) || !(ymin < ymax))
        throw InputError("scene", "its view is empty or inverted (expected xmin < xmax and ymin < ymax)");
    const Box& b = s.map_box;
    if (!(b.w > 0 && b.h > 0 && std::isfinite(b.x) && std::isfinite(b.y) && b.x + b.w <= s.width + 1 && b.y + b.h <= s.height + 1))
        throw InputError("scene", "its map_box is empty or outside the canvas");
}

}  // namespace

Scene from_geojson(const json& doc) {
    Scene s;
    try {
        if (!doc.is_object() || doc.value("type", "") != "FeatureCollection") throw InputError("scene", "not a GeoJSON FeatureCollection");
        if (!doc.contains("frontmap")) throw InputError("scene", "no \"frontmap\" member (make one with `frontmap scene`)");
        read_settings(doc, s);
        read_features(doc, s);
    } catch (const json::exception& e) {
        throw InputError("scene", plain_reason(e));
    }
    check_drawable(s);
    return s;
}

std::string caption(const Scene& s) {
    std::string out = s.title;
    if (!s.subtitle.empty()) out += (out.empty() ? "" : ". ") + s.subtitle;
    return out.empty() || out.ends_with('.') ? out : out + ".";
}

std::string alt_text(const Scene& s) {
    if (!s.alt.empty()) return s.alt;
    // A scene written by hand or by an older frontmap has no alt text: its events, tersely.
    std::string out = s.title;
    for (const auto& m : s.events) {
        if (!m.in_view) continue;
        out += (out.empty() ? "" : ". ") + m.type + (m.place.empty() ? "" : " at " + m.place) + (m.side.empty() ? "" : " (" + m.side + ")");
        if (m.status == EventStatus::Claimed || m.status == EventStatus::Denied) out += std::string(", ") + to_string(m.status);
        if (m.callout) {
            // A callout broken over two lines reads as one sentence.
            std::string note = m.callout->text;
            for (size_t at = note.find('\n'); at != std::string::npos; at = note.find('\n', at)) note.replace(at, 1, "; ");
            out += ": " + note;
        }
    }
    return out;
}

}  // namespace frontmap::scene
