#include "scene/build.hpp"

#include "common/bbox.hpp"
#include "common/error.hpp"
#include "common/proj.hpp"
#include "common/text.hpp"
#include "scene/annotation.hpp"
#include "scene/events.hpp"
#include "scene/labels.hpp"
#include "scene/layout.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <set>
#include <sstream>

namespace frontmap::scene {

const char* const kSourceLine =
    "Sources: GeoNames, SimpleMaps (CC BY 4.0), Natural Earth, GSHHG (LGPL). Map: frontmap";

namespace {

constexpr double kDegToRad = M_PI / 180.0;
// Kilometres in a degree of latitude, and of longitude at the equator (the equator's 40,075 km
// over 360): good enough to pad and frame extents; distances on the map are PROJ's geodesics.
constexpr double kKmPerDegree = 111.32;

// How a named place is drawn: towns and sites as a marked point, areas by name alone, rivers
// along their course, and seas, lakes, straits and spits by an italic name without a marker.
FeatureKind kind_of(const std::string& type) {
    if (type == "region" || type == "country") return FeatureKind::Area;
    if (type == "river") return FeatureKind::River;
    if (type == "sea" || type == "other") return FeatureKind::Water;
    return FeatureKind::Place;
}

double weight(const Subject& s) {
    const auto& weights = layout().frame.type_weights;
    const auto factor = weights.find(s.type);
    return (factor == weights.end() ? 1.0 : factor->second) * s.salience;
}

// The places that decide the extent: the most-mentioned place and those near it or nearly as
// prominent. A capital named once in passing goes to the inset, not into the extent.
std::vector<size_t> focus(const std::vector<Subject>& subjects) {
    std::vector<size_t> candidates;
    for (size_t i = 0; i < subjects.size(); ++i)
        if (subjects[i].type != "country" && subjects[i].type != "sea") candidates.push_back(i);
    if (candidates.empty())
        for (size_t i = 0; i < subjects.size(); ++i) candidates.push_back(i);
    if (candidates.empty()) return {};
    // A city and its namesake region ("Kherson") tell of one story: each lends the other weight.
    std::vector<double> w(subjects.size());
    for (size_t i = 0; i < subjects.size(); ++i) {
        w[i] = weight(subjects[i]);
        for (size_t j = 0; j < subjects.size(); ++j)
            if (j != i && subjects[j].name == subjects[i].name) w[i] += layout().frame.namesake_share * weight(subjects[j]);
    }
    const size_t primary = *std::max_element(candidates.begin(), candidates.end(), [&](size_t a, size_t b) { return w[a] < w[b]; });
    std::vector<size_t> out;
    for (size_t i : candidates) {
        const double km = proj::geodesic_km(subjects[i].lon, subjects[i].lat, subjects[primary].lon, subjects[primary].lat);
        if (i == primary || km <= layout().frame.place_focus_km || w[i] >= layout().frame.prominent_share * w[primary]) out.push_back(i);
    }
    // The main place first: it names the map.
    std::stable_partition(out.begin(), out.end(), [&](size_t i) { return i == primary; });
    return out;
}

BBox extent_of(const std::vector<Subject>& subjects, const std::vector<size_t>& chosen) {
    BBox e = BBox::world_none();
    for (size_t i : chosen) {
        const Subject& s = subjects[i];
        // An area that is alone on the map is shown whole; otherwise by its centre.
        if (s.bbox && chosen.size() == 1) {
            e.expand(*s.bbox);
        } else {
            e.expand(s.lon, s.lat);
        }
    }
    return e;
}

BBox padded(BBox e) {
    const double mid_lat = (e.south() + e.north()) / 2;
    const double km_per_deg_lon = std::max(1.0, kKmPerDegree * std::cos(mid_lat * kDegToRad));
    const double width_km = e.width() * km_per_deg_lon;
    const double height_km = e.height() * kKmPerDegree;
    const double min_span_km = layout().frame.min_span_km;
    const double grow_x = std::max(0.0, min_span_km - width_km) / 2 / km_per_deg_lon;
    const double grow_y = std::max(0.0, min_span_km - height_km) / 2 / kKmPerDegree;
    e.min_x -= grow_x;
    e.max_x += grow_x;
    e.min_y -= grow_y;
    e.max_y += grow_y;
    const double pad = layout().frame.padding_share;
    const double mx = e.width() * pad;
    const double my = e.height() * pad;
    return {e.west() - mx, std::max(-85.0, e.south() - my), e.east() + mx, std::min(85.0, e.north() + my)};
}

// The lon/lat box that covers a projected view, from samples along its edges.
BBox covering_bbox(const Projector& p) {
    const Box& b = p.box();
    BBox covered = BBox::world_none();
    constexpr int kSteps = 12;
    for (int i = 0; i <= kSteps; ++i) {
        const double f = static_cast<double>(i) / kSteps;
        for (Point px : {Point{b.x + f * b.w, b.y}, Point{b.x + f * b.w, b.bottom()}, Point{b.x, b.y + f * b.h}, Point{b.right(), b.y + f * b.h}}) {
            const auto [lon, lat] = p.to_lon_lat(px);
            if (std::isfinite(lon) && std::isfinite(lat)) covered.expand(lon, lat);
        }
    }
    const auto [w, s, e, n] = covered;
    const double mx = (e - w) * 0.02;
    const double my = (n - s) * 0.02;
    return {std::max(-180.0, w - mx), std::max(-90.0, s - my), std::min(180.0, e + mx), std::min(90.0, n + my)};
}

double km_between(const Projector& p, Point a, Point b) {
    const auto [lon1, lat1] = p.to_lon_lat(a);
    const auto [lon2, lat2] = p.to_lon_lat(b);
    return proj::geodesic_km(lon1, lat1, lon2, lat2);
}

// A bar of a round length (1, 2 or 5 times a power of ten), at most a fifth of the map wide,
// measured along its own row so it is true where it is drawn.
ScaleBar scale_bar(const Projector& p) {
    const Box& b = p.box();
    const double inset = layout().scale_bar.inset_px;
    const Point origin{b.x + inset, b.bottom() - inset};
    const double km_per_px = km_between(p, origin, {origin.x + 100, origin.y}) / 100.0;
    const double max_km = b.w * layout().scale_bar.max_share * km_per_px;
    double km = 1;
    for (int exponent = -3; exponent <= 5; ++exponent) {
        const double decade = std::pow(10.0, exponent);
        for (double m : {1.0, 2.0, 5.0})
            if (m * decade <= max_km) km = m * decade;
    }
    // Refine the pixel length so the bar's two ends are `km` apart on the ellipsoid.
    double px = km / km_per_px;
    for (int i = 0; i < 3; ++i) px *= km / km_between(p, origin, {origin.x + px, origin.y});
    return {km, px, origin};
}

std::string detail_for(const Projector& p) {
    const Box& b = p.box();
    const double km = km_between(p, {b.x, b.y + b.h / 2}, {b.right(), b.y + b.h / 2});
    if (km < layout().frame.high_detail_below_km) return "h";
    if (km < layout().frame.intermediate_detail_below_km) return "i";
    return "l";
}

// Words in at most `max_lines` lines no wider than `width`, the last cut short with an ellipsis
// when they do not fit: a headline at a column width.
std::string fit_lines(const std::string& text, const style::Font& font, double width, size_t max_lines, const TextMeasure& measure) {
    if (text.empty() || measure.measure(text, font).first <= width) return text;
    std::vector<std::string> lines{""};
    std::istringstream words(text);
    for (std::string word; words >> word;) {
        const std::string longer = lines.back().empty() ? word : lines.back() + " " + word;
        if (lines.back().empty() || measure.measure(longer, font).first <= width) lines.back() = longer;
        else lines.push_back(word);
    }
    const bool cut = lines.size() > max_lines;
    if (cut) lines.resize(max_lines);
    for (size_t i = 0; i < lines.size(); ++i) {
        const bool last = i + 1 == lines.size();
        if (!(last && cut) && measure.measure(lines[i], font).first <= width) continue;
        // Shorten by words while more than one is left, then by letters.
        std::string& line = lines[i];
        while (line.find(' ') != std::string::npos && measure.measure(line + "\u2026", font).first > width) line.resize(line.find_last_of(' '));
        while (!line.empty() && measure.measure(line + "\u2026", font).first > width) text::pop_code_point(line);
        line += "\u2026";
    }
    std::string out;
    for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
    return out;
}

constexpr size_t kTitleLines = 2;  // a headline at a column width may take two

// The title and subtitle above the map, and the credits below it.
double header_height(const style::Style& style, const TextMeasure& measure, const std::string& title = "Ag", size_t subtitle = 1) {
    // The margins above the title and below the subtitle grow with the subtitle's type, so a
    // column graphic's smaller type leaves more of its height to the map.
    const double margins = 2 * style.subtitle.size;
    return std::ceil(measure.measure(title, style.title).second + static_cast<double>(subtitle) * measure.measure("Ag", style.subtitle).second + margins);
}
constexpr size_t kCreditLines = 2;
double footer_height(const style::Style& style, const TextMeasure& measure, const std::string& credits, int width) {
    const double text = measure.measure(fit_lines(credits, style.small, width - 2 * style.credits_margin, kCreditLines, measure), style.small).second;
    return text + layout().furniture.footer_padding_px;
}

std::string credits(const Options& options) {
    if (options.source.empty()) return kSourceLine;
    return fill_in(annotation().source, {{"source", options.source}}) + ". " + kSourceLine;
}

struct Frame {
    Scene scene;
    Projector projector;
    size_t subtitle_lines = 1;  // the lines the header keeps for the subtitle
};

Frame make_frame(const BBox& extent, const std::string& crs_in, const style::Style& style, const TextMeasure& measure,
                 const Options& options, const std::string& title, double legend_band = 0, size_t subtitle_lines = 1) {
    if (options.width < 200 || options.height < 150 || options.width > 10000 || options.height > 10000)
        throw UsageError("bad --size " + std::to_string(options.width) + "x" + std::to_string(options.height),
                         "width must be 200 to 10000 and height 150 to 10000");
    Scene s;
    s.width = options.width;
    s.height = options.height;
    s.dpi = options.dpi;
    s.millimetres = options.millimetres;
    s.style = options.style_name;
    s.crs = crs_in.empty() ? conformal_crs_for(extent) : crs_in;
    // Headline, subtitle and credits may wrap while they leave the map enough of the height; on a
    // map too small for that the subtitle and credits keep one line, then the headline too, each
    // cut short.
    double header = 0;
    double footer = 0;
    const size_t wanted_subtitle = subtitle_lines;
    for (const auto& [title_lines, other_lines] : {std::pair{kTitleLines, kCreditLines}, std::pair{kTitleLines, size_t{1}}, std::pair{size_t{1}, size_t{1}}}) {
        if (!style.furniture) break;  // a plain map is all map
        s.title = fit_lines(title, style.title, s.width - 2 * style.title_margin, title_lines, measure);
        subtitle_lines = std::min(wanted_subtitle, other_lines);
        header = s.title.empty() ? 0.0 : header_height(style, measure, s.title, subtitle_lines);
        s.source = fit_lines(credits(options), style.small, s.width - 2 * style.credits_margin, other_lines, measure);
        footer = std::ceil(footer_height(style, measure, s.source, s.width) + legend_band);
        // Over a legend band the map may be smaller, as the band's choice already allowed.
        const double min_share = legend_band > 0 ? annotation().min_map_share_under_band : annotation().min_map_share;
        if (s.height - header - footer >= min_share * s.height) break;
    }
    s.map_box = {0, header, static_cast<double>(s.width), std::max(s.height - header - footer, 1.0)};
    s.view = Projector::fit_view(s.crs, extent, s.map_box);
    Projector p(s.crs, s.view, s.map_box);
    s.bbox = covering_bbox(p);
    s.detail = detail_for(p);
    if (style.furniture) s.scale_bar = scale_bar(p);
    return {std::move(s), std::move(p), subtitle_lines};
}

// What the map will show, so the legend lists only that.
struct Drawn {
    bool places = false, context = false, capital = false, rivers = false, borders = false, admin1 = false, disputed = false;
};

Drawn drawn_basemap(const Scene& s, const io::Basemap& basemap) {
    const BBox& b = s.bbox;
    return {.rivers = basemap.has_features("rivers_" + s.detail, b), .borders = basemap.has_features("borders_" + s.detail, b),
            .admin1 = basemap.has_features(basemap.has_layer("admin1_lines") ? "admin1_lines" : "admin1", b),
            .disputed = basemap.has_features("disputed", b)};
}

// Where the legend goes: above the scale bar, else in the lower right or upper left corner (the
// inset has the upper right), wherever it covers least of the story.
enum class Corner { BottomLeft, BottomRight, TopLeft, Below };

Box legend_box_at(const Scene& s, Corner corner, double w, double h) {
    const auto& f = layout().furniture;
    switch (corner) {
        case Corner::Below: return {s.map_box.x + f.band_side_px, s.map_box.bottom() + f.band_gap_px, w, h};
        case Corner::BottomRight: return {s.map_box.right() - w - f.corner_inset_px, s.map_box.bottom() - f.corner_inset_px - h, w, h};
        case Corner::TopLeft: return {s.map_box.x + f.corner_inset_px, s.map_box.y + f.corner_inset_px, w, h};
        case Corner::BottomLeft: break;
    }
    return {s.map_box.x + f.corner_inset_px, s.scale_bar.origin.y - f.above_scale_bar_px - h, w, h};
}

void add_basemap_rows(std::vector<LegendEntry>& rows, const Drawn& d, bool basemap_lines);

// How much a legend tells: a map too small for all of it keeps the events' symbols, then only
// the symbols of their types (the callouts still say who claims and who denies).
enum class LegendRows { All, Events, Types };

// Drops the rows a smaller legend leaves out.
std::vector<LegendEntry> legend_rows(std::vector<LegendEntry> events, LegendRows rows) {
    if (rows == LegendRows::Types) std::erase_if(events, [](const LegendEntry& e) { return e.kind != "event"; });
    return events;
}

// The legend: a later call with fewer entries only shrinks the box into the space the first one
// reserved in the same corner.
void add_legend(Scene& s, const style::Style& style, const TextMeasure& measure, const Drawn& d,
                const std::vector<LegendEntry>& events = {}, Corner corner = Corner::BottomLeft, LegendRows rows = LegendRows::All) {
    s.legend = legend_rows(events, rows);
    // A map of events keeps its legend to the story's symbols: the basemap's lines read unaided,
    // except a disputed line, which a reader of a war map needs told apart.
    const bool basemap_lines = events.empty();
    if (rows == LegendRows::All) add_basemap_rows(s.legend, d, basemap_lines);
    if (s.legend.empty()) {
        s.legend_box = {};
        return;
    }
    // In a corner one column; in a band below the map as many as its width holds.
    const double room = corner == Corner::Below ? s.map_box.w - 2 * layout().furniture.band_side_px : 0.0;
    const auto grid = legend_grid(s.legend, room, style.event_icon_radius, [&](size_t i) { return measure.measure(s.legend[i].text, style.small); });
    s.legend_box = legend_box_at(s, corner, grid.w, grid.h);
}

void add_basemap_rows(std::vector<LegendEntry>& rows, const Drawn& d, bool basemap_lines) {
    if (d.places) rows.push_back({"place", "Named in the article"});
    if (d.capital) rows.push_back({"capital", "National capital"});
    if (d.context && basemap_lines) rows.push_back({"context", "Other towns and cities"});
    if (d.rivers && basemap_lines) rows.push_back({"river", "River"});
    if (d.borders && basemap_lines) rows.push_back({"border", "International border"});
    if (d.disputed) rows.push_back({"disputed", "Disputed border or line of control"});
    if (d.admin1 && basemap_lines) rows.push_back({"admin1", "Province or region border"});
}

// A legend in a corner of a map too small for it keeps only the symbols of the events' types;
// with no room even for that, the map goes without one rather than have it spill over the title.
LegendRows legend_fitting_map(Scene& s, const style::Style& style, const TextMeasure& measure, const Drawn& d, const std::vector<LegendEntry>& events,
                              Corner corner, LegendRows level) {
    const auto fits = [&] { return s.legend_box.y >= s.map_box.y + layout().furniture.legend_top_gap_px && s.legend_box.bottom() <= s.map_box.bottom(); };
    if (corner == Corner::Below || s.legend.empty() || fits()) return level;
    add_legend(s, style, measure, d, events, corner, LegendRows::Types);
    if (!fits()) {
        s.legend.clear();
        s.legend_box = {};
    }
    return LegendRows::Types;
}

// The corner whose legend box covers the fewest of the points that tell the story.
Corner clear_corner(const Scene& s, const std::vector<Point>& story_points) {
    Corner best = Corner::BottomLeft;
    size_t fewest = SIZE_MAX;
    for (Corner c : {Corner::BottomLeft, Corner::BottomRight, Corner::TopLeft}) {
        const Box b = legend_box_at(s, c, s.legend_box.w, s.legend_box.h);
        const double clear = layout().furniture.corner_clearance_px;
        const Box margin{b.x - clear, b.y - clear, b.w + 2 * clear, b.h + 2 * clear};
        const auto covered = static_cast<size_t>(std::count_if(story_points.begin(), story_points.end(), [&](const Point& q) {
            return q.x >= margin.x && q.x <= margin.right() && q.y >= margin.y && q.y <= margin.bottom();
        }));
        if (covered < fewest) {
            fewest = covered;
            best = c;
        }
    }
    return best;
}

bool has_capital(const Scene& s) {
    return std::any_of(s.features.begin(), s.features.end(), [](const Feature& f) { return f.kind == FeatureKind::Context && f.capital && f.in_view; });
}

bool has_kind(const Scene& s, FeatureKind kind) {
    return std::any_of(s.features.begin(), s.features.end(), [&](const Feature& f) { return f.kind == kind && f.in_view; });
}

void add_inset(Scene& s, const Projector& main, const BBox& extent) {
    const auto& rules = layout().inset;
    const double w = std::round(s.width * rules.width_share);
    const double h = std::round(w * rules.aspect);
    Inset inset;
    inset.box = {s.map_box.right() - w - rules.margin_px, s.map_box.y + rules.margin_px, w, h};
    const double clon = (extent.west() + extent.east()) / 2;
    const double clat = (extent.south() + extent.north()) / 2;
    const double span_km = std::max(rules.min_span_km, rules.span_factor * km_between(main, {s.map_box.x, s.map_box.y + s.map_box.h / 2},
                                                                                    {s.map_box.right(), s.map_box.y + s.map_box.h / 2}));
    const double half_lat = span_km / 2 / kKmPerDegree * rules.aspect;
    const double half_lon = span_km / 2 / std::max(1.0, kKmPerDegree * std::cos(clat * kDegToRad));
    const BBox e{std::max(-180.0, clon - half_lon), std::max(-85.0, clat - half_lat), std::min(180.0, clon + half_lon), std::min(85.0, clat + half_lat)};
    inset.crs = conformal_crs_for(e);
    inset.view = Projector::fit_view(inset.crs, e, inset.box);
    inset.bbox = covering_bbox(Projector(inset.crs, inset.view, inset.box));
    const Box& b = s.map_box;
    constexpr int kSteps = 8;
    for (int edge = 0; edge < 4; ++edge)
        for (int i = 0; i < kSteps; ++i) {
            const double f = static_cast<double>(i) / kSteps;
            const Point px = edge == 0 ? Point{b.x + f * b.w, b.y} : edge == 1 ? Point{b.right(), b.y + f * b.h}
                           : edge == 2 ? Point{b.right() - f * b.w, b.bottom()} : Point{b.x, b.bottom() - f * b.h};
            const auto [lon, lat] = main.to_lon_lat(px);
            inset.extent_outline.push_back({lon, lat});
        }
    inset.extent_outline.push_back(inset.extent_outline.front());
    s.inset = inset;
}

Box marker_box(const Point& p, double r) { return {p.x - r - 1, p.y - r - 1, 2 * r + 2, 2 * r + 2}; }

std::optional<Label> place_label(LabelPlacer& placer, const TextMeasure& measure, const std::string& text,
                                 const style::Font& font, LabelFont which, const Point& at, double gap) {
    const auto [w, h] = measure.measure(text, font);
    if (auto box = placer.place_around(at, w, h, gap)) return Label{text, *box, which};
    return std::nullopt;
}

std::optional<Label> centred_label(LabelPlacer& placer, const TextMeasure& measure, const std::string& text,
                                   const style::Font& font, LabelFont which, const Point& at) {
    const auto [w, h] = measure.measure(text, font);
    for (const Point shift : {Point{0, 0}, Point{0, -h}, Point{0, h}, Point{-w / 2, 0}, Point{w / 2, 0}})
        if (auto box = placer.place_at({at.x - w / 2 + shift.x, at.y - h / 2 + shift.y, w, h})) return Label{text, *box, which};
    return std::nullopt;
}

// A sea the story already names is labelled as its place, not a second time as water.
bool water_to_label(const io::BasemapFeature& f, const std::set<std::string>& named) {
    if (f.feature_code != "sea" && f.feature_code != "other") return false;
    if (f.importance < layout().labels.water_min_importance) return false;
    return !named.contains(f.name);
}

// A sea has several label points; the first that lies well inside the map and is free wins.
void label_water(Scene& s, const Projector& p, const io::BasemapFeature& f, const style::Style& style, const TextMeasure& measure,
                 LabelPlacer& placer) {
    const double margin = layout().labels.water_margin_px;
    const Box inner{s.map_box.x + margin, s.map_box.y + margin, s.map_box.w - 2 * margin, s.map_box.h - 2 * margin};
    for (const auto& part : f.parts) {
        if (part.empty()) continue;
        const Point at = p.to_pixel(part[0].lon, part[0].lat);
        if (!inner.contains(at)) continue;
        if (auto label = centred_label(placer, measure, f.name, style.water_label, LabelFont::Water, at)) {
            s.features.push_back(Feature{.kind = FeatureKind::Water, .name = f.name, .place_type = f.feature_code, .role = "location",
                                         .lon = part[0].lon, .lat = part[0].lat, .label = label});
            return;
        }
    }
}

// Named water: seas and straits as points, big rivers along their course, labelled when they fit.
void add_water_labels(Scene& s, const Projector& p, const io::Basemap& basemap, const style::Style& style,
                      const TextMeasure& measure, LabelPlacer& placer, const std::set<std::string>& named) {
    if (!style.water_labels || !basemap.has_layer("named_points")) return;
    auto points = basemap.read("named_points", s.bbox);
    std::sort(points.begin(), points.end(), [](const auto& a, const auto& b) { return a.importance > b.importance; });
    for (const auto& f : points)
        if (water_to_label(f, named)) label_water(s, p, f, style, measure, placer);
}

// Which points of a line to label, best first: the vertices that lie inside the map, nearest its
// centre first.
std::vector<Point> label_points_of_line(const std::vector<std::array<double, 2>>& line, const Projector& p) {
    const Box& b = p.box();
    const Point centre{b.x + b.w / 2, b.y + b.h / 2};
    const double margin = layout().labels.line_margin_px;
    const Box inner{b.x + margin, b.y + margin, b.w - 2 * margin, b.h - 2 * margin};
    std::vector<Point> out;
    for (const auto& v : line) {
        const Point px = p.to_pixel(v[0], v[1]);
        if (inner.contains(px)) out.push_back(px);
    }
    std::sort(out.begin(), out.end(), [&](const Point& a, const Point& c) {
        return std::hypot(a.x - centre.x, a.y - centre.y) < std::hypot(c.x - centre.x, c.y - centre.y);
    });
    return out;
}

// Country names where a country fills enough of the map to carry one, in capitals, as atlases do.
void add_country_labels(Scene& s, const Projector& p, const io::Basemap& basemap, const style::Style& style,
                        const TextMeasure& measure, LabelPlacer& placer) {
    if (!style.country_labels) return;
    auto areas = basemap.area_labels("countries", s.bbox);
    std::sort(areas.begin(), areas.end(), [](const auto& a, const auto& b) { return a.share > b.share; });
    for (const auto& a : areas) {
        if (a.share < layout().labels.country_min_share || a.name.empty()) continue;
        const Point at = p.to_pixel(a.point.lon, a.point.lat);
        if (!s.map_box.contains(at)) continue;
        if (auto label = centred_label(placer, measure, text::upper(a.name), style.country_label, LabelFont::Country, at))
            s.features.push_back(Feature{.kind = FeatureKind::Country, .name = a.name, .place_type = "country", .role = "location",
                                         .lon = a.point.lon, .lat = a.point.lat, .label = label});
    }
}

// GeoNames lists some buildings and long descriptions as places: not names for a map.
bool usable_town_name(const std::string& name) {
    return name.find_first_of(",()") == std::string::npos && name.size() <= layout().labels.town_name_max_chars;
}

// Every town of at least the style's population, as a reference map shows them: all the dots
// first, each an obstacle, then the names, biggest town first, each where it fits.
void add_towns_by_population(Scene& s, const Projector& p, const io::Basemap& basemap, const style::Style& style,
                             const TextMeasure& measure, LabelPlacer& placer, const std::set<std::string>& named) {
    auto towns = basemap.read("places", s.bbox,
                              "population >= " + std::to_string(style.towns_min_population));
    std::sort(towns.begin(), towns.end(), [](const auto& a, const auto& b) {
        return a.population != b.population ? a.population > b.population : a.name < b.name;
    });
    std::vector<Point> dots;
    std::vector<const io::BasemapFeature*> kept;
    for (const auto& f : towns) {
        if (named.contains(f.name) || f.parts.empty() || f.parts[0].empty() || !usable_town_name(f.name)) continue;
        const Point at = p.to_pixel(f.parts[0][0].lon, f.parts[0][0].lat);
        if (!s.map_box.contains(at)) continue;
        placer.add_obstacle(marker_box(at, style.context.radius));
        dots.push_back(at);
        kept.push_back(&f);
    }
    for (size_t i = 0; i < kept.size(); ++i) {
        const auto& f = *kept[i];
        s.features.push_back(Feature{.kind = FeatureKind::Context, .name = f.name, .place_type = "city", .role = "location",
                                     .capital = f.feature_code == "PPLC", .lon = f.parts[0][0].lon, .lat = f.parts[0][0].lat,
                                     .label = place_label(placer, measure, f.name, style.context_label, LabelFont::Context, dots[i],
                                                          style.context.radius + style.town_label_gap)});
    }
}

// The filters that read the places table from its top: each importance tier of the layout rules,
// then every place. Built once, as the rules are read once.
const std::vector<std::string>& importance_filters() {
    static const std::vector<std::string> filters = [] {
        std::vector<std::string> tiers;
        for (const double importance : layout().labels.importance_tiers) tiers.push_back("importance >= " + std::to_string(importance));
        tiers.emplace_back();
        return tiers;
    }();
    return filters;
}

void add_context_places(Scene& s, const Projector& p, const io::Basemap& basemap, const style::Style& style,
                        const TextMeasure& measure, LabelPlacer& placer, const std::set<std::string>& named) {
    if (style.towns_min_population > 0) return add_towns_by_population(s, p, basemap, style, measure, placer, named);
    const auto& rules = layout().labels;
    const size_t limit = static_cast<size_t>(std::clamp(s.width * s.height / rules.square_px_per_context_town, rules.min_context_towns, rules.max_context_towns));
    // Only the most important towns can win a label: read the top of the list, widening the
    // filter only when a sparse area leaves too few.
    std::vector<io::BasemapFeature> places;
    for (const auto& where : importance_filters()) {
        places = basemap.read("places", s.bbox, where);
        if (places.size() >= rules.candidates_per_label * limit) break;
    }
    std::sort(places.begin(), places.end(), [](const auto& a, const auto& b) {
        return a.importance != b.importance ? a.importance > b.importance : a.name < b.name;
    });
    size_t added = 0;
    for (const auto& f : places) {
        if (added >= limit) break;
        if (named.contains(f.name) || f.parts.empty() || f.parts[0].empty()) continue;
        if (!usable_town_name(f.name)) continue;
        const Point at = p.to_pixel(f.parts[0][0].lon, f.parts[0][0].lat);
        if (!s.map_box.contains(at)) continue;
        const bool capital = f.feature_code == "PPLC";
        const double r = capital ? style.capital.radius : style.context.radius;
        const Box mb = marker_box(at, r);
        if (!placer.is_free(mb)) continue;
        placer.add_obstacle(mb);
        auto label = place_label(placer, measure, f.name, style.context_label, LabelFont::Context, at, r + style.town_label_gap);
        if (!label) continue;  // a dot without a name tells a reader nothing; the marker box stays reserved
        s.features.push_back(Feature{.kind = FeatureKind::Context, .name = f.name, .place_type = "city", .role = "location", .capital = capital,
                                     .lon = f.parts[0][0].lon, .lat = f.parts[0][0].lat, .label = label});
        ++added;
    }
}

void add_fixed_obstacles(const Scene& s, LabelPlacer& placer) {
    const auto& f = layout().furniture;
    const auto& bar = f.scale_bar_obstacle;
    placer.add_obstacle({s.scale_bar.origin.x - bar.left_px, s.scale_bar.origin.y - bar.above_px, s.scale_bar.px + bar.extra_width_px, bar.height_px});
    if (!s.legend.empty()) placer.add_obstacle(s.legend_box);
    const double gap = f.inset_clearance_px;
    if (s.inset) placer.add_obstacle({s.inset->box.x - gap, s.inset->box.y - gap, s.inset->box.w + 2 * gap, s.inset->box.h + 2 * gap});
}

// The extent of a story with events: the main event and those near it, then the places named
// near them. Datelines and places named in passing lie farther off and go to the inset.
BBox event_extent(const Story& story, size_t main) {
    const auto points = detail::frame_points(story.events, main);
    BBox e = BBox::world_none();
    for (const auto& [lon, lat] : points) e.expand(lon, lat);
    const double near_km = annotation().neighbour_km;
    for (const Subject& sub : story.places) {
        if (kind_of(sub.type) != FeatureKind::Place) continue;
        const bool near = std::any_of(points.begin(), points.end(),
                                      [&](const auto& q) { return proj::geodesic_km(sub.lon, sub.lat, q[0], q[1]) <= near_km; });
        if (near) e.expand(sub.lon, sub.lat);
    }
    return e;
}

// The title, subtitle and credits of a map this size.
double furniture_height(const style::Style& style, const TextMeasure& measure, const Options& options, const std::string& title) {
    const double header = header_height(style, measure, fit_lines(title, style.title, options.width - 2 * style.title_margin, kTitleLines, measure));
    return header + footer_height(style, measure, credits(options), options.width);
}

// The most height a legend band may take: a share of what the title and credits leave to the
// map, a larger one for a smaller legend.
double band_room(LegendRows level, const style::Style& style, const TextMeasure& measure, const Options& options, const std::string& title) {
    const double share = level == LegendRows::All ? annotation().legend_band_share : annotation().small_legend_band_share;
    return share * std::max(0.0, options.height - furniture_height(style, measure, options, title));
}

// The legend band below a narrow map: its height for the story's events in as many columns as
// the width holds, with the named places and disputed lines for all of its rows.
double legend_band(const Story& story, double width, LegendRows level, const style::Style& style, const TextMeasure& measure) {
    auto rows = legend_rows(detail::draft_legend(story.events), level);
    // The basemap's rows a map of events may show, before it is known which it does.
    if (level == LegendRows::All) add_basemap_rows(rows, {.places = true, .capital = true, .disputed = true}, false);
    const double side = layout().furniture.band_side_px;
    const auto grid = legend_grid(rows, width - 2 * side, style.event_icon_radius, [&](size_t i) { return measure.measure(rows[i].text, style.small); });
    return grid.h + side;
}

std::vector<Feature> place_features(const std::vector<Subject>& subjects, const Scene& s, const Projector& p) {
    std::vector<Feature> places;
    for (const Subject& sub : subjects) {
        Feature f{.kind = kind_of(sub.type), .name = sub.name,
                  .place_id = sub.place_id, .place_type = sub.type, .role = "location", .mentions = sub.mentions,
                  .capital = sub.capital, .lon = sub.lon, .lat = sub.lat, .line = sub.course};
        f.in_view = s.map_box.contains(p.to_pixel(sub.lon, sub.lat));
        places.push_back(std::move(f));
    }
    return places;
}

// "Events as reported in the article; Kyiv in the locator. As of 21 October 2022"
std::string subtitle_of(bool events, const std::vector<Feature>& places, const std::string& as_of) {
    std::string subtitle = events ? annotation().subtitle : "Places named in the article";
    std::vector<std::string> elsewhere;
    for (const auto& f : places)
        if (!f.in_view && f.kind == FeatureKind::Place) elsewhere.push_back(f.name);
    if (!elsewhere.empty()) {
        std::string list;
        for (size_t i = 0; i < elsewhere.size() && i < 4; ++i) list += (i != 0U ? ", " : "") + elsewhere[i];
        subtitle += "; " + list + (elsewhere.size() > 4 ? " and others" : "") + " in the locator";
    }
    if (!as_of.empty()) subtitle += ". " + fill_in(annotation().as_of, {{"date", as_of}});
    return subtitle;
}

// Where the legend of a story goes and how much of it: a map a column wide has no corner to
// spare, so its legend goes in a band below it, a smaller one when the whole legend would take
// too much of the height; else the freest corner.
struct LegendPlan {
    LegendRows level = LegendRows::All;
    double band = 0;  // the height kept below the map; 0 for a legend in a corner
};

LegendPlan plan_legend(const Story& story, bool has_main_event, const style::Style& style, const TextMeasure& measure, const Options& options,
                       const std::string& title) {
    const bool narrow = has_main_event && options.width < annotation().legend_below_px;
    if (!narrow) return {};
    LegendRows level = LegendRows::All;
    double band = legend_band(story, options.width, level, style, measure);
    for (LegendRows fewer : {LegendRows::Events, LegendRows::Types})
        if (band > band_room(level, style, measure, options, title)) {
            level = fewer;
            band = legend_band(story, options.width, level, style, measure);
        }
    // A band too tall even with the fewest rows would leave too little map: the legend goes to a
    // corner.
    const double map_left = options.height - furniture_height(style, measure, options, title) - band;
    if (map_left < annotation().min_map_share_under_band * options.height) return {};
    return {level, band};
}

// The scene's frame with its headline and subtitle, and the story's places on it.
struct FramedStory {
    Frame frame;
    std::vector<Feature> places;
};

// A subtitle too long for one line gets a second when the map is narrow; the frame is made again
// for it, as the places in view decide the subtitle.
FramedStory frame_story(const Story& story, const BBox& extent, bool has_main_event, const style::Style& style, const TextMeasure& measure,
                        const Options& options, const std::string& title, double band) {
    const std::string as_of = detail::long_date(options.as_of);
    Frame frame = make_frame(extent, "", style, measure, options, title, band);
    std::vector<Feature> places = place_features(story.places, frame.scene, frame.projector);
    std::string subtitle = subtitle_of(has_main_event, places, as_of);
    // A narrow web map may give its subtitle a second line; a column graphic has no height for one.
    const size_t lines = options.width < annotation().legend_below_px && options.width >= style.compact_below_px ? 2 : 1;
    const double text_width = options.width - 2 * style.title_margin;
    if (lines > 1 && fit_lines(subtitle, style.subtitle, text_width, 1, measure) != subtitle) {
        frame = make_frame(extent, "", style, measure, options, title, band, lines);
        places = place_features(story.places, frame.scene, frame.projector);
        subtitle = subtitle_of(has_main_event, places, as_of);
    }
    Scene& s = frame.scene;
    s.as_of = as_of;
    s.subtitle = fit_lines(subtitle, style.subtitle, s.width - 2 * style.title_margin, frame.subtitle_lines, measure);
    // The date outranks the rest: a column graphic's subtitle that would be cut short (ending in
    // the ellipsis fit_lines adds) is the "As of" line alone.
    const bool cut = s.subtitle.ends_with("\u2026") && !subtitle.ends_with("\u2026");
    if (cut && options.width < style.compact_below_px && !as_of.empty())
        s.subtitle = fit_lines(fill_in(annotation().as_of, {{"date", as_of}}), style.subtitle, s.width - 2 * style.title_margin,
                               frame.subtitle_lines, measure);
    if (!style.furniture) s.subtitle.clear();
    return {std::move(frame), std::move(places)};
}

// The points that tell the story: the events, their lines, and the places in view.
std::vector<Point> story_points(const std::vector<EventMark>& marks, const std::vector<Feature>& places, const Projector& p) {
    std::vector<Point> points;
    for (const auto& m : marks) {
        points.push_back(p.to_pixel(m.lon, m.lat));
        for (const auto& v : m.line) points.push_back(p.to_pixel(v[0], v[1]));
    }
    for (const auto& f : places)
        if (f.kind == FeatureKind::Place && f.in_view) points.push_back(p.to_pixel(f.lon, f.lat));
    return points;
}

// A first legend with every event symbol the story has reserves the space the final one fits in,
// in the band below or the corner covering least of the story. Returns the corner.
Corner reserve_legend(Scene& s, const Projector& p, const style::Style& style, const TextMeasure& measure, const Drawn& drawn,
                      const std::vector<EventMark>& marks, const std::vector<Feature>& places, LegendPlan& plan) {
    const auto rows = detail::event_legend(marks);
    add_legend(s, style, measure, drawn, rows);
    const Corner corner = plan.band > 0 ? Corner::Below : clear_corner(s, story_points(marks, places, p));
    add_legend(s, style, measure, drawn, rows, corner, plan.level);
    plan.level = legend_fitting_map(s, style, measure, drawn, rows, corner, plan.level);
    return corner;
}

std::optional<Box> icon_at(const std::vector<EventMark>& marks, const Point& at) {
    for (const auto& m : marks)
        if (m.icon && m.icon->contains(at)) return m.icon;
    return std::nullopt;
}

// The places of the story are always named: beside the event's icon that marks one, else beside
// its marker, farther out when the ring is crowded.
void label_place(Feature& f, const Point& at, const std::vector<EventMark>& marks, const style::Style& style, const TextMeasure& measure,
                 LabelPlacer& placer) {
    const auto icon = icon_at(marks, at);
    const auto& rules = layout().labels;
    const double gap = icon ? std::max(std::abs(at.x - icon->x), std::abs(at.x - icon->right())) + rules.icon_gap_px
                            : style.place.radius + rules.place_gap_px;
    for (double extra : rules.retry_gaps_px)
        if (!f.label) f.label = place_label(placer, measure, f.name, style.label, LabelFont::Place, at, gap + extra);
}

// Along its course, where there is room: an arrow may follow the river.
void label_river(Feature& f, const Point& at, const Projector& p, const style::Style& style, const TextMeasure& measure, LabelPlacer& placer) {
    auto points = label_points_of_line(f.line, p);
    if (points.empty()) points.push_back(at);
    const auto& rules = layout().labels;
    for (size_t k = 0; k < points.size() && k < rules.river_label_tries && !f.label; ++k)
        f.label = place_label(placer, measure, f.name, style.water_label, LabelFont::Water, points[k], rules.river_label_gap_px);
}

// Areas are named in capitals, as atlases do, so "KHERSON" the region reads apart from Kherson
// the city. An event at the area itself: its name goes beside the event's icon, as a town's would.
void label_area(Feature& f, const Point& at, const std::vector<EventMark>& marks, const style::Style& style, const TextMeasure& measure,
                LabelPlacer& placer) {
    f.label = centred_label(placer, measure, text::upper(f.name), style.region_label, LabelFont::Region, at);
    const auto here = std::find_if(marks.begin(), marks.end(), [&](const EventMark& m) {
        return m.icon && std::abs(m.lon - f.lon) < 1e-6 && std::abs(m.lat - f.lat) < 1e-6;
    });
    const auto icon = here == marks.end() ? std::nullopt : here->icon;
    if (!icon || f.label) return;
    for (double extra : layout().labels.retry_gaps_px)
        if (!f.label)
            f.label = place_label(placer, measure, text::upper(f.name), style.region_label, LabelFont::Region, at,
                                  icon->w / 2 + layout().labels.icon_gap_px + extra);
}

// Markers first, so no label covers another place's point (a place under an event's icon is
// marked by the icon); then the labels, the most mentioned place first. A country is named
// only when the story is about one place.
void label_places(std::vector<Feature>& places, const std::vector<EventMark>& marks, const Projector& p, const style::Style& style,
                  const TextMeasure& measure, LabelPlacer& placer, bool one_focus) {
    std::vector<size_t> order(places.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return places[a].mentions > places[b].mentions; });
    for (const auto& f : places)
        if (f.kind == FeatureKind::Place && f.in_view && !icon_at(marks, p.to_pixel(f.lon, f.lat)))
            placer.add_obstacle(marker_box(p.to_pixel(f.lon, f.lat), style.place.radius));
    for (size_t i : order) {
        Feature& f = places[i];
        if (!f.in_view) continue;
        const Point at = p.to_pixel(f.lon, f.lat);
        if (f.kind == FeatureKind::Place) label_place(f, at, marks, style, measure, placer);
        else if (f.kind == FeatureKind::River) label_river(f, at, p, style, measure, placer);
        else if (f.kind == FeatureKind::Water) f.label = centred_label(placer, measure, f.name, style.water_label, LabelFont::Water, at);
        else if (f.place_type != "country" || one_focus) label_area(f, at, marks, style, measure, placer);
    }
}

}  // namespace

Scene build(const std::vector<Subject>& subjects, const io::Basemap& basemap, const style::Style& style,
            const TextMeasure& measure, const Options& options) {
    return build(Story{subjects, {}}, basemap, style, measure, options);
}

Scene build(const Story& story, const io::Basemap& basemap, const style::Style& base_style, const TextMeasure& measure,
            const Options& options) {
    const style::Style style = style::for_width(base_style, options.width);
    const auto& subjects = story.places;
    if (subjects.empty()) throw InputError("cannot map the article", "it names no place that could be located");
    const auto chosen = focus(subjects);
    const auto main = detail::main_event(story.events);
    const BBox extent = padded(main ? event_extent(story, *main) : extent_of(subjects, chosen));
    std::string title = options.title;
    if (title.empty()) title = main ? detail::event_title(story.events, *main) : subjects[chosen.front()].name;
    LegendPlan plan = plan_legend(story, main.has_value(), style, measure, options, title);
    auto [frame, places] = frame_story(story, extent, main.has_value(), style, measure, options, title, plan.band);
    Scene& s = frame.scene;
    const Projector& p = frame.projector;
    std::set<std::string> named;
    for (const Subject& sub : subjects) named.insert(sub.name);
    if (style.furniture) add_inset(s, p, extent);
    Drawn drawn = drawn_basemap(s, basemap);
    drawn.places = drawn.context = drawn.capital = true;
    // The events' geometry once; the legend is sized from it before anything is placed.
    std::vector<EventMark> marks = detail::event_marks(story.events, p, basemap);
    const Corner corner = reserve_legend(s, p, style, measure, drawn, marks, places, plan);
    // A column graphic's map is too small to give a corner to its legend: below it or not at all.
    const bool legend_left_out = !style.furniture || (options.width < style.compact_below_px && corner != Corner::Below);
    if (legend_left_out) {
        s.legend.clear();
        s.legend_box = {};
    }
    LabelPlacer placer(s.map_box);
    add_fixed_obstacles(s, placer);
    s.events = std::move(marks);
    detail::place_icons(s.events, p, style, placer);
    label_places(places, s.events, p, style, measure, placer, chosen.size() <= 1);
    s.alt = detail::alt_text(story.events, s.events, main, places);
    for (auto& f : places) s.features.push_back(std::move(f));
    detail::place_callouts(s.events, story.events, p, style, measure, placer);
    add_water_labels(s, p, basemap, style, measure, placer, named);
    add_country_labels(s, p, basemap, style, measure, placer);
    add_context_places(s, p, basemap, style, measure, placer, named);
    drawn.places = has_kind(s, FeatureKind::Place);
    drawn.context = has_kind(s, FeatureKind::Context);
    drawn.capital = has_capital(s);
    if (!legend_left_out) {
        add_legend(s, style, measure, drawn, detail::event_legend(s.events), corner, plan.level);
        legend_fitting_map(s, style, measure, drawn, detail::event_legend(s.events), corner, plan.level);
    }
    return std::move(s);
}

Scene build_extent(const BBox& bbox, const std::string& crs, const io::Basemap& basemap,
                   const style::Style& base_style, const TextMeasure& measure, const Options& options) {
    const style::Style style = style::for_width(base_style, options.width);
    const auto [w, s_, e, n] = bbox;
    if (!(w < e) || !(s_ < n) || w < -180 || e > 180 || s_ < -90 || n > 90)
        throw UsageError("bad --bbox", "expected W,S,E,N in degrees with W < E and S < N (a box across the 180th meridian is not drawn: split it)");
    // The map's own projection is conformal and centred on the box: right for a region, not for
    // more than a hemisphere, where it tears the world apart.
    if (crs.empty() && (e - w > 180 || n - s_ > 120))
        throw UsageError("bad --bbox", "a box this large needs a world projection: give --crs, e.g. EPSG:3857 for latitudes within 85 degrees");
    const std::string shown = crs.empty() ? conformal_crs_for(bbox) : crs;
    if (!Projector::projects_everywhere(shown, bbox))
        throw UsageError("bad --bbox for " + shown, "part of the box has no position in this projection (Mercator ends at 85 degrees north and south)");
    auto [s, p, lines] = make_frame(bbox, crs, style, measure, options, options.title);
    LabelPlacer placer(s.map_box);
    if (!style.furniture) {
        add_water_labels(s, p, basemap, style, measure, placer, {});
        add_country_labels(s, p, basemap, style, measure, placer);
        add_context_places(s, p, basemap, style, measure, placer, {});
        return s;
    }
    add_inset(s, p, bbox);
    Drawn drawn = drawn_basemap(s, basemap);
    drawn.context = true;
    add_legend(s, style, measure, drawn);
    add_fixed_obstacles(s, placer);
    add_water_labels(s, p, basemap, style, measure, placer, {});
    add_country_labels(s, p, basemap, style, measure, placer);
    add_context_places(s, p, basemap, style, measure, placer, {});
    drawn.context = has_kind(s, FeatureKind::Context);
    add_legend(s, style, measure, drawn);
    return s;
}

}  // namespace frontmap::scene
