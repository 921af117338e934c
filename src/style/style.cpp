#include "style/style.hpp"

#include "common/error.hpp"

#include <nlohmann/json.hpp>
#include <pango/pango.h>

#include <algorithm>
#include <fstream>
#include <limits>
#include <optional>
#include <sstream>

namespace frontmap::style {

Colour parse_colour(const std::string& text) {
    // Pango reads what a designer types: CSS and X11 names ("steelblue"), #rgb, #rrggbb and
    // #rrrrggggbbbb, each with an alpha digit or pair (#rgba, #rrggbbaa). It reads a C string, so
    // a NUL inside the text would hide what follows it.
    PangoColor colour{};
    guint16 alpha = std::numeric_limits<guint16>::max();
    constexpr size_t kLongestColour = 64;  // "#rrrrggggbbbbaaaa" and the longest name are far shorter
    const bool ok = !text.empty() && text.size() <= kLongestColour && text.find('\0') == std::string::npos &&
                    pango_color_parse_with_alpha(&colour, &alpha, text.c_str()) != 0;
    if (!ok) throw InputError("bad colour '" + text + "'", "expected a colour name such as steelblue, or #rrggbb or #rrggbbaa");
    constexpr double kFull = std::numeric_limits<guint16>::max();
    return {colour.red / kFull, colour.green / kFull, colour.blue / kFull, alpha / kFull};
}

namespace {

using nlohmann::json;

// A style value that is wrong, named by its JSON path ("/coast/width") and what was expected.
[[noreturn]] void bad(const std::string& path, const std::string& expected) { throw InputError(path, "expected " + expected); }

// Levenshtein distance, for suggesting the key a typo meant.
size_t distance(const std::string& a, const std::string& b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// Every key of `o` must be one of `known` (or a "_comment"): a misspelt key would be ignored and
// the style silently not applied.
void only_known_keys(const json& o, const std::string& path, const std::vector<std::string>& known) {
    const auto items = o.items();
    const auto unknown = std::find_if(items.begin(), items.end(), [&](const auto& item) {
        return !item.key().starts_with("_") && std::find(known.begin(), known.end(), item.key()) == known.end();
    });
    if (unknown == items.end()) return;
    const std::string& key = unknown.key();
    std::string nearest;
    size_t best = 3;  // suggest only a near miss
    for (const auto& k : known)
        if (const size_t d = distance(key, k); d < best) {
            best = d;
            nearest = k;
        }
    throw InputError(path + "/" + key, nearest.empty() ? "no such setting" : "no such setting (did you mean \"" + nearest + "\"?)");
}

class Reader {
public:
    Reader(const json& o, std::string path) : o_(o), path_(std::move(path)) {}

    const json* find(const char* key) const { return o_.contains(key) ? &o_.at(key) : nullptr; }
    std::string at(const char* key) const { return path_ + "/" + key; }

    void colour(const char* key, Colour& c) const {
        const json* v = find(key);
        if (!v) return;
        if (!v->is_string()) bad(at(key), R"(a colour, "#rrggbb" or "#rrggbbaa")");
        try {
            c = parse_colour(v->get<std::string>());
        } catch (const InputError& e) {
            throw InputError(at(key), e.reason() + ", not " + v->dump());
        }
    }
    void number(const char* key, double& n, double lo, double hi) const {
        const json* v = find(key);
        if (!v) return;
        if (!v->is_number() || !(v->get<double>() >= lo && v->get<double>() <= hi))
            bad(at(key), "a number from " + shown(lo) + " to " + shown(hi) + ", not " + v->dump());
        n = v->get<double>();
    }
    void flag(const char* key, bool& b) const {
        const json* v = find(key);
        if (!v) return;
        if (!v->is_boolean()) bad(at(key), "true or false, not " + v->dump());
        b = v->get<bool>();
    }
    void text(const char* key, std::string& t) const {
        const json* v = find(key);
        if (!v) return;
        if (!v->is_string() || v->get<std::string>().empty()) bad(at(key), "a non-empty string, not " + v->dump());
        t = v->get<std::string>();
    }
    // A nested object's reader, or none when the key is absent.
    std::optional<Reader> object(const char* key, const std::vector<std::string>& known, const std::string& expected) const {
        const json* v = find(key);
        if (!v) return std::nullopt;
        if (!v->is_object()) bad(at(key), expected + ", not " + v->dump());
        only_known_keys(*v, at(key), known);
        return Reader(*v, at(key));
    }

private:
    static std::string shown(double x) {
        std::ostringstream s;
        s << x;
        return s.str();
    }
    const json& o_;
    std::string path_;
};

constexpr double kMaxWidth = 100;   // pixels: a line or halo wider is a typing error
constexpr double kMaxFontPx = 500;  // a headline on a poster is under 200 px

void read(const Reader& r, const char* key, Stroke& s) {
    const auto o = r.object(key, {"colour", "width", "dash"}, R"(an object {"colour", "width", "dash"})");
    if (!o) return;
    o->colour("colour", s.colour);
    o->number("width", s.width, 0, kMaxWidth);
    if (const json* dash = o->find("dash")) {
        const bool ok = dash->is_array() && std::all_of(dash->begin(), dash->end(), [](const json& d) {
            return d.is_number() && d.get<double>() >= 0 && d.get<double>() <= kMaxWidth * 10;
        });
        if (!ok) bad(o->at("dash"), "a list of dash and gap lengths in pixels, such as [4, 3], not " + dash->dump());
        s.dash = dash->get<std::vector<double>>();
    }
}
void read(const Reader& r, const char* key, Marker& m) {
    const auto o = r.object(key, {"fill", "stroke", "radius", "stroke_width"}, R"(an object {"fill", "stroke", "radius"})");
    if (!o) return;
    o->colour("fill", m.fill);
    o->colour("stroke", m.stroke);
    o->number("radius", m.radius, 0, kMaxWidth);
    o->number("stroke_width", m.stroke_width, 0, kMaxWidth);
}
void read(const Reader& r, const char* key, Font& f) {
    const auto o = r.object(key, {"family", "size", "bold", "italic", "colour"}, R"(an object {"family", "size", "bold", "italic", "colour"})");
    if (!o) return;
    o->text("family", f.family);
    o->number("size", f.size, 1, kMaxFontPx);
    o->flag("bold", f.bold);
    o->flag("italic", f.italic);
    o->colour("colour", f.colour);
}

const std::vector<std::string> kKeys = {
    "name", "sea", "land", "lake", "paper", "coast", "river", "named_river", "border", "disputed", "admin1", "place", "context",
    "capital", "label", "context_label", "water_label", "region_label", "country_label", "title", "subtitle", "small", "halo",
    "halo_width", "inset_frame", "inset_extent", "sides", "side_palette", "neutral", "event_icon_radius", "arrow_width", "callout",
    "callout_fill", "symbol_rim", "denied_strike", "leader", "callout_leader", "event_opacity", "scale_bar_fill", "scale_bar",
    "legend_fill", "legend_frame", "map_frame", "title_margin", "title_top", "credits_margin", "credits_gap", "fast_basemap_antialias", "compact_below_px", "compact_type_scale", "compact_min_type_px", "furniture", "rivers",
    "water_labels", "country_labels", "land_from", "towns_min_population", "town_label_gap"};

void read_sides(const Reader& r, Style& s) {
    if (const json* sides = r.find("sides")) {
        if (!sides->is_object()) bad(r.at("sides"), R"(an object of side keys and colours, such as {"UA": "#1f5fa8"})");
        for (const auto& [key, colour] : sides->items()) Reader(*sides, r.at("sides")).colour(key.c_str(), s.sides[key]);
    }
    if (const json* palette = r.find("side_palette")) {
        if (!palette->is_array() || palette->empty()) bad(r.at("side_palette"), "a list of colours");
        s.side_palette.clear();
        for (size_t i = 0; i < palette->size(); ++i) {
            const json item = {{"colour", palette->at(i)}};
            Colour c;
            Reader(item, r.at("side_palette") + "/" + std::to_string(i)).colour("colour", c);
            s.side_palette.push_back(c);
        }
    }
}

void read_event_opacity(const Reader& r, Style::EventOpacity& o) {
    const std::vector<std::pair<const char*, double*>> fields = {
        {"claimed_fill", &o.claimed_fill}, {"area_fill", &o.area_fill},  {"area_hatch", &o.area_hatch},
        {"claimed_hatch", &o.claimed_hatch}, {"area_edge", &o.area_edge}, {"approximate_zone", &o.approximate_zone}};
    std::vector<std::string> known;
    known.reserve(fields.size());
    for (const auto& field : fields) known.emplace_back(field.first);
    const auto opacity = r.object("event_opacity", known, "an object of fractions between 0 and 1, such as {\"area_fill\": 0.08}");
    if (!opacity) return;
    for (const auto& [key, value] : fields) opacity->number(key, *value, 0, 1);
}

void read_style(const json& j, Style& s) {
    only_known_keys(j, "", kKeys);
    const Reader r(j, "");
    r.text("name", s.name);
    for (auto [key, colour] : {std::pair{"sea", &s.sea}, {"land", &s.land}, {"lake", &s.lake}, {"paper", &s.paper}, {"halo", &s.halo},
                               {"neutral", &s.neutral}, {"callout_fill", &s.callout_fill}, {"symbol_rim", &s.symbol_rim},
                               {"scale_bar_fill", &s.scale_bar_fill}, {"legend_fill", &s.legend_fill}})
        r.colour(key, *colour);
    for (auto [key, stroke] : {std::pair{"coast", &s.coast}, {"river", &s.river}, {"named_river", &s.named_river}, {"border", &s.border},
                               {"disputed", &s.disputed}, {"admin1", &s.admin1}, {"inset_frame", &s.inset_frame}, {"inset_extent", &s.inset_extent},
                               {"denied_strike", &s.denied_strike}, {"leader", &s.leader}, {"callout_leader", &s.callout_leader},
                               {"scale_bar", &s.scale_bar}, {"legend_frame", &s.legend_frame}, {"map_frame", &s.map_frame}})
        read(r, key, *stroke);
    for (auto [key, marker] : {std::pair{"place", &s.place}, {"context", &s.context}, {"capital", &s.capital}}) read(r, key, *marker);
    for (auto [key, font] : {std::pair{"label", &s.label}, {"context_label", &s.context_label}, {"water_label", &s.water_label},
                             {"region_label", &s.region_label}, {"country_label", &s.country_label}, {"title", &s.title},
                             {"subtitle", &s.subtitle}, {"small", &s.small}, {"callout", &s.callout}})
        read(r, key, *font);
    r.number("halo_width", s.halo_width, 0, kMaxWidth);
    for (auto [key, margin] : {std::pair{"title_margin", &s.title_margin}, {"title_top", &s.title_top}, {"credits_margin", &s.credits_margin},
                               {"credits_gap", &s.credits_gap}})
        r.number(key, *margin, 0, kMaxWidth);
    read_sides(r, s);
    read_event_opacity(r, s.event_opacity);
    r.number("event_icon_radius", s.event_icon_radius, 1, kMaxWidth);
    r.number("arrow_width", s.arrow_width, 1, kMaxWidth);
    for (auto [key, flag] : {std::pair{"fast_basemap_antialias", &s.fast_basemap_antialias}, {"furniture", &s.furniture},
                             {"rivers", &s.rivers}, {"water_labels", &s.water_labels}, {"country_labels", &s.country_labels}})
        r.flag(key, *flag);
    r.number("compact_below_px", s.compact_below_px, 0, 10000);
    r.number("compact_type_scale", s.compact_type_scale, 0.1, 1);
    r.number("compact_min_type_px", s.compact_min_type_px, 1, kMaxFontPx);
    r.text("land_from", s.land_from);
    if (s.land_from != "shore" && s.land_from != "countries") bad("/land_from", R"("shore" or "countries", not ")" + s.land_from + "\"");
    auto population = static_cast<double>(s.towns_min_population);
    r.number("towns_min_population", population, 0, 1e9);
    s.towns_min_population = static_cast<long long>(population);
    r.number("town_label_gap", s.town_label_gap, 0, kMaxWidth);
}

// "line 3, column 14" for a byte offset into the text.
std::string line_and_column(const std::string& text, size_t byte) {
    size_t line = 1;
    size_t column = 1;
    for (size_t i = 0; i + 1 < byte && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

}  // namespace

Style parse(const std::string& json_text, const std::string& origin) {
    json j;
    try {
        j = json::parse(json_text);
    } catch (const json::parse_error& e) {
        throw InputError("cannot read style " + origin, "syntax error at " + line_and_column(json_text, e.byte));
    } catch (const json::exception&) {
        // A number too large for a double is reported by the JSON library as out of range.
        throw InputError("cannot read style " + origin, "a number is too large");
    }
    if (!j.is_object()) throw InputError("cannot read style " + origin, "it is not a JSON object");
    Style s;
    try {
        read_style(j, s);
    } catch (const InputError& e) {
        throw InputError("cannot read style " + origin, e.subject() + ": " + e.reason());
    } catch (const json::exception&) {
        throw InputError("cannot read style " + origin, "a value has the wrong type");
    }
    return s;
}

SideColours::SideColours(const Style& style, const std::vector<std::string>& sides_in_order) : neutral_(style.neutral) {
    size_t next = 0;
    auto used = [&](const Colour& c) {
        return std::ranges::any_of(colours_, [&](const auto& entry) {
            const Colour& taken = entry.second;
            return taken.r == c.r && taken.g == c.g && taken.b == c.b;
        });
    };
    for (const auto& side : sides_in_order)
        if (auto it = style.sides.find(side); it != style.sides.end()) colours_.emplace(side, it->second);
    for (const auto& side : sides_in_order) {
        if (side.empty() || colours_.contains(side)) continue;
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
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec)) throw InputError("cannot read style " + name_or_path, "it is a folder");
    std::ifstream in(file);
    if (!in) throw InputError("cannot read style " + name_or_path, "no file " + file.string());
    std::stringstream buffer;
    buffer << in.rdbuf();
    return parse(buffer.str(), file.string());
}

}  // namespace frontmap::style
