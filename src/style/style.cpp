#include "style/style.hpp"

#include "common/error.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace frontmap::style {

Colour parse_colour(const std::string& text) {
    auto hex = [&](size_t at) { return std::stoi(text.substr(at, 2), nullptr, 16) / 255.0; };
    const bool ok = (text.size() == 7 || text.size() == 9) && text[0] == '#' &&
                    text.find_first_not_of("0123456789abcdefABCDEF", 1) == std::string::npos;
    if (!ok) throw InputError("bad colour '" + text + "'", "expected #rrggbb or #rrggbbaa");
    return {hex(1), hex(3), hex(5), text.size() == 9 ? hex(7) : 1.0};
}

namespace {

using nlohmann::json;

void read(const json& j, const char* key, Colour& c) {
    if (j.contains(key)) c = parse_colour(j.at(key).get<std::string>());
}
void read(const json& j, const char* key, double& v) {
    if (j.contains(key)) v = j.at(key).get<double>();
}
void read(const json& j, const char* key, Stroke& s) {
    if (!j.contains(key)) return;
    const json& o = j.at(key);
    read(o, "colour", s.colour);
    read(o, "width", s.width);
    if (o.contains("dash")) s.dash = o.at("dash").get<std::vector<double>>();
}
void read(const json& j, const char* key, Marker& m) {
    if (!j.contains(key)) return;
    const json& o = j.at(key);
    read(o, "fill", m.fill);
    read(o, "stroke", m.stroke);
    read(o, "radius", m.radius);
    read(o, "stroke_width", m.stroke_width);
}
void read(const json& j, const char* key, bool& v) {
    if (j.contains(key)) v = j.at(key).get<bool>();
}
void read(const json& j, const char* key, Font& f) {
    if (!j.contains(key)) return;
    const json& o = j.at(key);
    if (o.contains("family")) f.family = o.at("family").get<std::string>();
    read(o, "size", f.size);
    if (o.contains("bold")) f.bold = o.at("bold").get<bool>();
    if (o.contains("italic")) f.italic = o.at("italic").get<bool>();
    read(o, "colour", f.colour);
}

}  // namespace

Style parse(const std::string& json_text, const std::string& origin) {
    const json j = json::parse(json_text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) throw InputError("cannot read style " + origin, "it is not a JSON object");
    Style s;
    try {
        if (j.contains("name")) s.name = j.at("name").get<std::string>();
        read(j, "sea", s.sea);
        read(j, "land", s.land);
        read(j, "lake", s.lake);
        read(j, "paper", s.paper);
        read(j, "coast", s.coast);
        read(j, "river", s.river);
        read(j, "named_river", s.named_river);
        read(j, "border", s.border);
        read(j, "disputed", s.disputed);
        read(j, "admin1", s.admin1);
        read(j, "place", s.place);
        read(j, "context", s.context);
        read(j, "capital", s.capital);
        read(j, "label", s.label);
        read(j, "context_label", s.context_label);
        read(j, "water_label", s.water_label);
        read(j, "region_label", s.region_label);
        read(j, "country_label", s.country_label);
        read(j, "title", s.title);
        read(j, "subtitle", s.subtitle);
        read(j, "small", s.small);
        read(j, "halo", s.halo);
        read(j, "halo_width", s.halo_width);
        read(j, "inset_frame", s.inset_frame);
        read(j, "inset_extent", s.inset_extent);
        if (j.contains("sides"))
            for (const auto& [key, colour] : j.at("sides").items()) s.sides[key] = parse_colour(colour.get<std::string>());
        if (j.contains("side_palette")) {
            s.side_palette.clear();
            for (const auto& colour : j.at("side_palette")) s.side_palette.push_back(parse_colour(colour.get<std::string>()));
        }
        read(j, "neutral", s.neutral);
        read(j, "event_icon_radius", s.event_icon_radius);
        read(j, "arrow_width", s.arrow_width);
        read(j, "callout", s.callout);
        read(j, "callout_fill", s.callout_fill);
        read(j, "fast_basemap_antialias", s.fast_basemap_antialias);
        read(j, "furniture", s.furniture);
        read(j, "rivers", s.rivers);
        read(j, "water_labels", s.water_labels);
        read(j, "country_labels", s.country_labels);
        if (j.contains("land_from")) s.land_from = j.at("land_from").get<std::string>();
        if (s.land_from != "shore" && s.land_from != "countries")
            throw InputError("bad land_from '" + s.land_from + "'", "expected \"shore\" or \"countries\"");
        if (j.contains("towns_min_population")) s.towns_min_population = j.at("towns_min_population").get<long long>();
        read(j, "town_label_gap", s.town_label_gap);
        read(j, "compact_below_px", s.compact_below_px);
        read(j, "compact_type_scale", s.compact_type_scale);
        read(j, "compact_min_type_px", s.compact_min_type_px);
    } catch (const json::exception& e) {
        throw InputError("cannot read style " + origin, e.what());
    } catch (const InputError& e) {
        throw InputError("cannot read style " + origin, e.subject() + ": " + e.reason());
    }
    return s;
}

SideColours::SideColours(const Style& style, const std::vector<std::string>& sides_in_order) : neutral_(style.neutral) {
    size_t next = 0;
    auto used = [&](const Colour& c) {
        for (const auto& [key, taken] : colours_)
            if (taken.r == c.r && taken.g == c.g && taken.b == c.b) return true;
        return false;
    };
    for (const auto& side : sides_in_order)
        if (auto it = style.sides.find(side); it != style.sides.end()) colours_.emplace(side, it->second);
    for (const auto& side : sides_in_order) {
        if (side.empty() || colours_.count(side)) continue;
        // The palette's next colour no listed side has taken; past its end, the neutral colour.
        while (next < style.side_palette.size() && used(style.side_palette[next])) ++next;
        colours_.emplace(side, next < style.side_palette.size() ? style.side_palette[next++] : style.neutral);
    }
}

const Colour& SideColours::of(const std::string& side) const {
    const auto it = colours_.find(side);
    return it == colours_.end() ? neutral_ : it->second;
}

Style for_width(const Style& style, double width) {
    if (width >= style.compact_below_px) return style;
    Style out = style;
    for (Font* f : {&out.label, &out.context_label, &out.water_label, &out.region_label, &out.country_label, &out.title, &out.subtitle,
                    &out.small, &out.callout})
        f->size = std::max(std::min(f->size, style.compact_min_type_px), f->size * style.compact_type_scale);
    out.halo_width *= style.compact_type_scale;
    return out;
}

Style load(const std::string& name_or_path, const std::filesystem::path& styles_dir) {
    std::filesystem::path file = name_or_path;
    if (file.extension() != ".json") file = styles_dir / (name_or_path + ".json");
    std::ifstream in(file);
    if (!in) throw InputError("cannot read style " + name_or_path, "no file " + file.string());
    std::stringstream buffer;
    buffer << in.rdbuf();
    return parse(buffer.str(), file.string());
}

}  // namespace frontmap::style
