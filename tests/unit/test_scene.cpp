#include "basemap_fixture.hpp"
#include "common/error.hpp"
#include "common/proj.hpp"
#include "common/text.hpp"
#include "fixtures.hpp"
#include "scene_fixture.hpp"
#include "story_fixture.hpp"
#include "scene/build.hpp"
#include "scene/geojson.hpp"
#include "scene/labels.hpp"
#include "scene/projection.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <random>
#include <set>
#include <sstream>
#include <tuple>

using frontmap::scene::Box;
using frontmap::scene::LabelPlacer;
using frontmap::scene::Point;
using frontmap::scene::Projector;
using frontmap::scene::Scene;
using frontmap::test::kherson_events;
using frontmap::test::kherson_story;

namespace Catch {
template <>
struct StringMaker<Box> {
    static std::string convert(const Box& b) {
        std::ostringstream s;
        s << "{x " << b.x << ", y " << b.y << ", w " << b.w << ", h " << b.h << "}";
        return s.str();
    }
};
}  // namespace Catch

namespace {

bool inside(const Box& outer, const Box& inner) {
    constexpr double eps = 1e-9;
    return inner.x >= outer.x - eps && inner.y >= outer.y - eps && inner.right() <= outer.right() + eps && inner.bottom() <= outer.bottom() + eps;
}

bool strictly_inside(const Box& b, const Point& p) { return p.x > b.x && p.x < b.right() && p.y > b.y && p.y < b.bottom(); }

}  // namespace

// ---- LabelPlacer -----------------------------------------------------------------------------

TEST_CASE("LabelPlacer never overlaps labels, obstacles or the bounds, wherever the labels go", "[scene][labels]") {
    const unsigned seed = GENERATE(1u, 2u, 3u, 42u);
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> x(-50, 850), y(-50, 650), width(20, 160), height(10, 32), gap(2, 10);

    const Box bounds{0, 0, 800, 600};
    const std::vector<Box> obstacles = {{10, 450, 200, 120}, {600, 10, 180, 150}, {380, 280, 40, 40}};
    LabelPlacer placer(bounds);
    for (const Box& o : obstacles) placer.add_obstacle(o);

    std::vector<Box> placed;
    for (int i = 0; i < 600; ++i) {
        const Point anchor{x(rng), y(rng)};
        const double w = width(rng), h = height(rng);
        std::optional<Box> box = (i % 5 == 0) ? placer.place_at({anchor.x, anchor.y, w, h}) : placer.place_around(anchor, w, h, gap(rng));
        if (!box) continue;
        CHECK(box->w == w);
        CHECK(box->h == h);
        placed.push_back(*box);
    }
    CAPTURE(seed);
    // Not vacuous: plenty were placed, and the canvas filled up so some were refused.
    CHECK(placed.size() > 60);
    CHECK(placed.size() < 600);
    for (size_t i = 0; i < placed.size(); ++i) {
        CAPTURE(placed[i]);
        CHECK(inside(bounds, placed[i]));
        for (const Box& o : obstacles) CHECK_FALSE(placed[i].intersects(o));
        for (size_t j = i + 1; j < placed.size(); ++j) CHECK_FALSE(placed[i].intersects(placed[j]));
        CHECK_FALSE(placer.is_free(placed[i]));
    }
}

TEST_CASE("LabelPlacer puts a label right of its point when there is room, else elsewhere around it", "[scene][labels]") {
    LabelPlacer placer({0, 0, 400, 300});
    const Point a{100, 100};
    const auto first = placer.place_around(a, 60, 14, 5);
    REQUIRE(first);
    CHECK(first->x >= a.x);
    CHECK(first->y < a.y);
    CHECK(first->bottom() > a.y);  // beside the point, not above or below it

    // Near the right edge there is no room on the right.
    const Point edge{390, 200};
    const auto second = placer.place_around(edge, 60, 14, 5);
    REQUIRE(second);
    CHECK(second->right() <= edge.x);
}

TEST_CASE("LabelPlacer refuses a label with no free position", "[scene][labels]") {
    LabelPlacer placer({0, 0, 400, 300});
    placer.add_obstacle({0, 0, 400, 300});
    CHECK_FALSE(placer.place_around({200, 150}, 10, 10, 4));
    CHECK_FALSE(placer.place_at({10, 10, 5, 5}));
}

// ---- Projector -------------------------------------------------------------------------------

TEST_CASE("Projector maps lon/lat to pixels and back", "[scene][projection]") {
    const std::string crs = GENERATE(frontmap::scene::conformal_crs_for({31, 45.5, 35, 48}), std::string("EPSG:3857"));
    CAPTURE(crs);
    const Box box{0, 60, 1200, 700};
    const Projector p(crs, Projector::fit_view(crs, {31, 45.5, 35, 48}, box), box);

    std::vector<double> lon_lat;
    for (double lon = 31; lon <= 35; lon += 0.5)
        for (double lat = 45.5; lat <= 48; lat += 0.5) {
            const Point px = p.to_pixel(lon, lat);
            const auto [lon2, lat2] = p.to_lon_lat(px);
            CHECK(lon2 == Approx(lon).margin(1e-7));
            CHECK(lat2 == Approx(lat).margin(1e-7));
            lon_lat.push_back(lon);
            lon_lat.push_back(lat);
        }
    // The batch projection agrees with the single one.
    std::vector<Point> batch;
    p.to_pixels(lon_lat.data(), lon_lat.size() / 2, batch);
    REQUIRE(batch.size() == lon_lat.size() / 2);
    for (size_t i = 0; i < batch.size(); ++i) {
        const Point one = p.to_pixel(lon_lat[2 * i], lon_lat[2 * i + 1]);
        CHECK(batch[i].x == Approx(one.x));
        CHECK(batch[i].y == Approx(one.y));
    }
    // North is up and east is right.
    CHECK(p.to_pixel(33, 47).y < p.to_pixel(33, 46).y);
    CHECK(p.to_pixel(34, 47).x > p.to_pixel(33, 47).x);
}

TEST_CASE("a map's own projection built directly agrees with PROJ's search of its database", "[scene][projection]") {
    // "+towgs84=0,0,0" names the same datum but sends the CRS through proj_create_crs_to_crs.
    const std::string direct = frontmap::scene::conformal_crs_for({-10, 35, 40, 60});
    const std::string searched = direct + " +towgs84=0,0,0";
    const Box box{0, 0, 1200, 800};
    const auto view = Projector::fit_view(searched, {-10, 35, 40, 60}, box);
    const Projector a(direct, view, box), b(searched, view, box);
    for (double lon = -10; lon <= 40; lon += 5)
        for (double lat = 35; lat <= 60; lat += 5) {
            CAPTURE(lon, lat);
            CHECK(a.to_pixel(lon, lat).x == Approx(b.to_pixel(lon, lat).x).margin(1e-6));
            CHECK(a.to_pixel(lon, lat).y == Approx(b.to_pixel(lon, lat).y).margin(1e-6));
        }
}

TEST_CASE("fit_view keeps the box's aspect and shows the whole extent, centred", "[scene][projection]") {
    const Box box = GENERATE(Box{0, 0, 1200, 800}, Box{0, 40, 600, 900}, Box{10, 10, 300, 300});
    CAPTURE(box);
    const double west = 31, south = 45.5, east = 35, north = 48;
    const std::string crs = frontmap::scene::conformal_crs_for({west, south, east, north});
    const auto view = Projector::fit_view(crs, {west, south, east, north}, box);
    CHECK(view.width() / view.height() == Approx(box.w / box.h));

    const Projector p(crs, view, box);
    const Box tolerant{box.x - 1e-6, box.y - 1e-6, box.w + 2e-6, box.h + 2e-6};
    double left = 1e9, right = -1e9, top = 1e9, bottom = -1e9;
    for (double f = 0; f <= 1.0; f += 0.125)
        for (const auto& [lon, lat] : {std::pair{west + f * (east - west), south}, std::pair{west + f * (east - west), north},
                                       std::pair{west, south + f * (north - south)}, std::pair{east, south + f * (north - south)}}) {
            const Point px = p.to_pixel(lon, lat);
            CHECK(strictly_inside(tolerant, px));
            left = std::min(left, px.x), right = std::max(right, px.x), top = std::min(top, px.y), bottom = std::max(bottom, px.y);
        }
    // Centred: equal margins on opposite sides, and one pair of sides touches the box.
    CHECK(left - box.x == Approx(box.right() - right).margin(0.5));
    CHECK(top - box.y == Approx(box.bottom() - bottom).margin(0.5));
    CHECK(std::min(left - box.x, top - box.y) == Approx(0).margin(0.5));
}

// ---- scene GeoJSON ---------------------------------------------------------------------------

namespace {

// The fixture scene with what else its round trip must carry: markup and Cyrillic in the title, a
// style, place ids and tallies, a capital, a labelled river, an area.
Scene sample_scene() {
    Scene s = frontmap::test::lower_dnieper_scene();
    s.title = "Kherson <front> & “Дніпро”";
    s.style = "dark";
    s.detail = "i";
    auto& kherson = s.features[0];
    kherson.place_id = "706448";
    kherson.mentions = 3;
    auto& kyiv = s.features[1];
    kyiv.place_id = "703448";
    kyiv.mentions = 1;
    kyiv.capital = true;
    auto& dnieper = s.features[2];
    dnieper.place_id = "fm-river-dnieper";
    dnieper.mentions = 2;
    dnieper.label = frontmap::scene::Label{"Dnieper", {300, 350, 60, 15}, frontmap::scene::LabelFont::Water};
    s.features.push_back({.kind = frontmap::scene::FeatureKind::Area, .name = "Kherson Oblast", .place_type = "region", .role = "location", .lon = 33.35, .lat = 46.75,
                          .label = frontmap::scene::Label{"Kherson Oblast", {500, 250, 90, 12}, frontmap::scene::LabelFont::Region}});
    return s;
}

// Compared as tuples, so that a failure prints both boxes.
void check_same_box(const Box& a, const Box& b) { CHECK(std::tie(a.x, a.y, a.w, a.h) == std::tie(b.x, b.y, b.w, b.h)); }

}  // namespace

TEST_CASE("a scene survives to_geojson and from_geojson unchanged", "[scene][geojson]") {
    const Scene s = sample_scene();
    // Through text, as a user editing the file would.
    const Scene r = frontmap::scene::from_geojson(nlohmann::json::parse(frontmap::scene::to_geojson(s).dump()));

    CHECK(r.width == s.width);
    CHECK(r.height == s.height);
    CHECK(r.title == s.title);
    CHECK(r.subtitle == s.subtitle);
    CHECK(r.source == s.source);
    CHECK(r.style == s.style);
    CHECK(r.crs == s.crs);
    CHECK(r.view == s.view);
    CHECK(r.bbox == s.bbox);
    CHECK(r.detail == s.detail);
    check_same_box(r.map_box, s.map_box);

    REQUIRE(r.features.size() == s.features.size());
    for (size_t i = 0; i < s.features.size(); ++i) {
        const auto& a = r.features[i];
        const auto& b = s.features[i];
        CAPTURE(b.name);
        CHECK(a.kind == b.kind);
        CHECK(a.name == b.name);
        CHECK(a.place_id == b.place_id);
        CHECK(a.place_type == b.place_type);
        CHECK(a.role == b.role);
        CHECK(a.mentions == b.mentions);
        CHECK(a.capital == b.capital);
        CHECK(a.in_view == b.in_view);
        CHECK(a.line == b.line);
        if (b.line.empty()) {
            CHECK(a.lon == b.lon);
            CHECK(a.lat == b.lat);
        }
        REQUIRE(a.label.has_value() == b.label.has_value());
        if (b.label) {
            CHECK(a.label->text == b.label->text);
            CHECK(a.label->font == b.label->font);
            check_same_box(a.label->box, b.label->box);
        }
    }

    CHECK(r.scale_bar.km == s.scale_bar.km);
    CHECK(r.scale_bar.px == s.scale_bar.px);
    CHECK(r.scale_bar.origin.x == s.scale_bar.origin.x);
    CHECK(r.scale_bar.origin.y == s.scale_bar.origin.y);
    REQUIRE(r.legend.size() == s.legend.size());
    for (size_t i = 0; i < s.legend.size(); ++i) {
        CHECK(r.legend[i].kind == s.legend[i].kind);
        CHECK(r.legend[i].text == s.legend[i].text);
    }
    check_same_box(r.legend_box, s.legend_box);
    REQUIRE(r.inset);
    CHECK(r.inset->crs == s.inset->crs);
    CHECK(r.inset->view == s.inset->view);
    CHECK(r.inset->bbox == s.inset->bbox);
    check_same_box(r.inset->box, s.inset->box);
    CHECK(r.inset->extent_outline == s.inset->extent_outline);
}

TEST_CASE("a scene without an inset has none after the round trip", "[scene][geojson]") {
    Scene s = sample_scene();
    s.inset.reset();
    CHECK_FALSE(frontmap::scene::from_geojson(frontmap::scene::to_geojson(s)).inset);
}

TEST_CASE("to_geojson writes RFC 7946 features with the settings in a foreign member", "[scene][geojson]") {
    const auto doc = frontmap::scene::to_geojson(sample_scene());
    CHECK(doc.at("type") == "FeatureCollection");
    CHECK(doc.contains("frontmap"));
    for (const auto& f : doc.at("features")) {
        CHECK(f.at("type") == "Feature");
        const auto& g = f.at("geometry");
        const bool point_or_line = g.at("type") == "Point" || g.at("type") == "LineString";
        CHECK(point_or_line);
    }
    CHECK(doc.at("features")[2].at("geometry").at("type") == "LineString");
}

TEST_CASE("from_geojson rejects what is not a scene with an InputError saying why", "[scene][geojson][errors]") {
    const auto good = frontmap::scene::to_geojson(sample_scene());
    struct Case {
        std::string what;
        std::function<void(nlohmann::json&)> spoil;
        std::string reason;
    };
    const auto c = GENERATE(values<Case>({
        {"no frontmap member", [](auto& d) { d.erase("frontmap"); }, "\"frontmap\""},
        {"not a FeatureCollection", [](auto& d) { d["type"] = "Feature"; }, "FeatureCollection"},
        {"not an object", [](auto& d) { d = nlohmann::json::array(); }, "scene: not a GeoJSON FeatureCollection"},
        {"no width", [](auto& d) { d["frontmap"].erase("width"); }, "width"},
        {"a label box of three numbers", [](auto& d) { d["features"][0]["properties"]["label"]["box"] = {1, 2, 3}; }, "scene: feature 1: a list is too short"},
        {"a place with no geometry", [](auto& d) { d["features"][0]["geometry"] = nullptr; }, "scene: feature 1: a place has no geometry"},
        {"a place drawn as a polygon", [](auto& d) { d["features"][0]["geometry"] = {{"type", "Polygon"}, {"coordinates", nlohmann::json::array()}}; },
         "scene: feature 1: a place cannot be a Polygon"},
        {"an unknown label font", [](auto& d) { d["features"][0]["properties"]["label"]["font"] = "gothic"; }, "gothic"},
        {"a canvas too small", [](auto& d) { d["frontmap"]["width"] = 4; }, "out of range"},
        {"a canvas too big", [](auto& d) { d["frontmap"]["height"] = 50000; }, "out of range"},
        // Found by fuzz_scene: converting these to int was undefined behaviour or a silent truncation.
        {"a width past any int", [](auto& d) { d["frontmap"]["width"] = 1.2e69; }, "scene: its width is not a whole number"},
        {"a fractional height", [](auto& d) { d["frontmap"]["height"] = 600.5; }, "scene: its height is not a whole number"},
        {"a count past any int", [](auto& d) { d["features"][0]["properties"]["mentions"] = -1e300; }, "scene: feature 1: \"mentions\" is not a whole number"},
        {"a feature whose kind is null", [](auto& d) { d["features"][0]["properties"]["kind"] = nullptr; }, "scene: feature 1: no \"kind\" property"},
        {"an event icon box of two numbers",
         [](auto& d) {
             d["features"][0]["properties"]["kind"] = "event";
             d["features"][0]["properties"]["icon"] = {1, 2};
         },
         "feature 1: a list is too short"},
    }));
    CAPTURE(c.what);
    auto doc = good;
    c.spoil(doc);
    try {
        frontmap::scene::from_geojson(doc);
        FAIL("accepted");
    } catch (const frontmap::InputError& e) {
        CHECK_THAT(std::string(e.what()), Catch::Contains(c.reason));
        CHECK_THAT(std::string(e.what()), !Catch::Contains("json.exception"));  // words, not the library's codes
    }
}

// ---- build -----------------------------------------------------------------------------------

namespace {

// Text as wide as its characters at a fixed advance, so layout is deterministic without fonts.
class FakeMeasure : public frontmap::scene::TextMeasure {
public:
    // As Pango does: the widest line, and a line's height for each line.
    std::pair<double, double> measure(const std::string& text, const frontmap::style::Font& font) const override {
        size_t chars = 0, widest = 0, lines = 1;
        for (unsigned char c : text) {
            if (c == '\n') {
                ++lines;
                chars = 0;
                continue;
            }
            chars += (c & 0xC0) != 0x80;
            widest = std::max(widest, chars);
        }
        return {0.6 * font.size * static_cast<double>(widest), 1.25 * font.size * static_cast<double>(lines)};
    }
};


struct Built {
    frontmap::test::TempDir dir;
    frontmap::io::Basemap basemap{frontmap::test::write_fixture_basemap(dir / "basemap.gpkg")};
    frontmap::style::Style style;
    FakeMeasure measure;
};

}  // namespace

TEST_CASE("build places every label apart, inside the map and clear of legend, scale bar and inset", "[scene][build]") {
    const auto [width, height] = GENERATE(table<int, int>({{1200, 800}, {800, 600}, {600, 900}, {400, 300}}));
    CAPTURE(width, height);
    Built b;
    const Scene s = frontmap::scene::build(kherson_story(), b.basemap, b.style, b.measure, {.width = width, .height = height});

    std::vector<Box> labels;
    for (const auto& f : s.features)
        if (f.label) labels.push_back(f.label->box);
    REQUIRE(labels.size() >= 4);  // not vacuous: the story's places and some context are labelled

    // What the renderer draws besides the map: the scale bar's backdrop (see render.cpp), the
    // legend and the inset.
    const Box scale_bar{s.scale_bar.origin.x - 4, s.scale_bar.origin.y - 18, s.scale_bar.px + 68, 26};
    REQUIRE(s.inset);
    for (size_t i = 0; i < labels.size(); ++i) {
        CAPTURE(labels[i]);
        CHECK(inside(s.map_box, labels[i]));
        CHECK_FALSE(labels[i].intersects(s.legend_box));
        CHECK_FALSE(labels[i].intersects(scale_bar));
        CHECK_FALSE(labels[i].intersects(s.inset->box));
        for (size_t j = i + 1; j < labels.size(); ++j) CHECK_FALSE(labels[i].intersects(labels[j]));
    }

    // No label hides the point of a place the article names.
    const Projector p(s.crs, s.view, s.map_box);
    for (const auto& f : s.features) {
        if (f.kind != frontmap::scene::FeatureKind::Place || !f.in_view) continue;
        const Point at = p.to_pixel(f.lon, f.lat);
        for (const Box& l : labels) CHECK_FALSE(strictly_inside(l, at));
    }
}

TEST_CASE("build's scale bar is as long as it says", "[scene][build]") {
    const auto [width, height] = GENERATE(table<int, int>({{1200, 800}, {600, 900}}));
    Built b;
    const Scene s = frontmap::scene::build(kherson_story(), b.basemap, b.style, b.measure, {.width = width, .height = height});
    const Projector p(s.crs, s.view, s.map_box);
    const auto [lon1, lat1] = p.to_lon_lat(s.scale_bar.origin);
    const auto [lon2, lat2] = p.to_lon_lat({s.scale_bar.origin.x + s.scale_bar.px, s.scale_bar.origin.y});
    CHECK(frontmap::proj::geodesic_km(lon1, lat1, lon2, lat2) == Approx(s.scale_bar.km).epsilon(0.01));

    // A round length: 1, 2 or 5 times a power of ten.
    const double decade = std::pow(10.0, std::floor(std::log10(s.scale_bar.km)));
    const double mantissa = s.scale_bar.km / decade;
    const bool round = std::abs(mantissa - 1) < 1e-9 || std::abs(mantissa - 2) < 1e-9 || std::abs(mantissa - 5) < 1e-9;
    CHECK(round);
    CHECK(inside(s.map_box, {s.scale_bar.origin.x, s.scale_bar.origin.y - 6, s.scale_bar.px, 6}));
}

TEST_CASE("build frames the story around its main place and sends a far capital to the inset", "[scene][build]") {
    Built b;
    const Scene s = frontmap::scene::build(kherson_story(), b.basemap, b.style, b.measure, {});
    CHECK(s.title == "Kherson");
    const Projector p(s.crs, s.view, s.map_box);
    for (const auto& f : s.features) {
        CAPTURE(f.name);
        if (f.name == "Kherson" || f.name == "Nova Kakhovka" || f.name == "Mykolaiv") {
            CHECK(f.in_view);
            CHECK(f.label);
        }
        if (f.name == "Kyiv" && f.kind == frontmap::scene::FeatureKind::Place) CHECK_FALSE(f.in_view);
    }
    CHECK_THAT(s.subtitle, Catch::Contains("Kyiv"));
    // The places named are not drawn a second time as context towns.
    for (const auto& f : s.features)
        if (f.kind == frontmap::scene::FeatureKind::Context) CHECK(f.name != "Mykolaiv");
}

TEST_CASE("build refuses an article without places and an unusable size", "[scene][build][errors]") {
    Built b;
    CHECK_THROWS_AS(frontmap::scene::build(std::vector<frontmap::scene::Subject>{}, b.basemap, b.style, b.measure, {}), frontmap::InputError);
    CHECK_THROWS_AS(frontmap::scene::build(kherson_story(), b.basemap, b.style, b.measure, {.width = 50, .height = 50}), frontmap::UsageError);
    CHECK_THROWS_AS(frontmap::scene::build_extent({35, 45, 31, 48}, "", b.basemap, b.style, b.measure, {}), frontmap::UsageError);
}

TEST_CASE("build_extent shows the extent asked for with labelled context towns", "[scene][build]") {
    Built b;
    const Scene s = frontmap::scene::build_extent({31, 46, 34, 47.5}, "", b.basemap, b.style, b.measure, {});
    CHECK(s.bbox.west() <= 31);
    CHECK(s.bbox.south() <= 46);
    CHECK(s.bbox.east() >= 34);
    CHECK(s.bbox.north() >= 47.5);
    size_t context = 0;
    for (const auto& f : s.features) context += f.kind == frontmap::scene::FeatureKind::Context && f.label;
    CHECK(context > 0);
}

TEST_CASE("a plain style draws the map alone: every town of the population asked for, no headline, credits or furniture", "[scene][build][style]") {
    Built b;
    b.style.furniture = false;
    b.style.country_labels = b.style.water_labels = false;
    b.style.towns_min_population = 40000;
    const Scene s = frontmap::scene::build_extent({30.5, 45.8, 35.6, 48.2}, "EPSG:3857", b.basemap, b.style, b.measure, {.width = 1000, .height = 700});
    CHECK(s.title.empty());
    CHECK(s.source.empty());
    CHECK(s.legend.empty());
    CHECK_FALSE(s.inset);
    CHECK(s.scale_bar.px == 0);
    // The whole canvas is map.
    CHECK(s.map_box.x == 0);
    CHECK(s.map_box.y == 0);
    CHECK(s.map_box.w == 1000);
    CHECK(s.map_box.h == 700);

    const Projector p(s.crs, s.view, s.map_box);
    std::set<std::string> expected, drawn;
    for (const auto& town : frontmap::test::fixture_basemap_places())
        if (town.population >= 40000 && s.map_box.contains(p.to_pixel(town.lon, town.lat))) expected.insert(town.name);
    REQUIRE(expected.size() >= 5);  // not vacuous: Odesa, Mykolaiv, Zaporizhzhia, Melitopol, Nikopol...
    for (const auto& f : s.features) {
        CHECK(f.kind == frontmap::scene::FeatureKind::Context);  // no water or country names under this style
        drawn.insert(f.name);
    }
    CHECK(drawn == expected);
}

// ---- Events ----------------------------------------------------------------------------------

namespace {

using frontmap::scene::EventSubject;


const frontmap::scene::EventMark& mark_of(const Scene& s, const std::string& type) {
    for (const auto& m : s.events)
        if (m.type == type) return m;
    FAIL("no " << type << " event in the scene");
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("an article's events are drawn: an arrow along the river, a hatched region, icons with callouts", "[scene][events]") {
    Built b;
    const Scene s = frontmap::scene::build({kherson_story(), kherson_events()}, b.basemap, b.style, b.measure,
                                           {.as_of = "2022-10-21", .source = "Test Wire"});
    CHECK(s.title == "Ukrainian forces advance on Kherson");
    CHECK_THAT(s.subtitle, Catch::Contains("As of 21 October 2022"));
    CHECK_THAT(s.source, Catch::StartsWith("Source: Test Wire."));
    const Projector p(s.crs, s.view, s.map_box);

    // The advance ends at Kherson and comes down the Dnieper from upstream (the north-east).
    const auto& advance = mark_of(s, "advance");
    REQUIRE(advance.symbol == frontmap::scene::EventSymbol::Arrow);
    REQUIRE(advance.line.size() >= 2);
    const Point tip = p.to_pixel(advance.line.back()[0], advance.line.back()[1]);
    const Point tail = p.to_pixel(advance.line.front()[0], advance.line.front()[1]);
    const Point kherson = p.to_pixel(32.6178, 46.65581);
    CHECK(std::hypot(tip.x - kherson.x, tip.y - kherson.y) < 25);
    CHECK(advance.line.front()[0] > 32.8);  // east of Kherson: upstream
    CHECK(std::hypot(tail.x - kherson.x, tail.y - kherson.y) > 40);

    const auto& region = mark_of(s, "recapture");
    CHECK(region.symbol == frontmap::scene::EventSymbol::Area);
    REQUIRE_FALSE(region.rings.empty());
    REQUIRE(region.callout);
    CHECK(region.callout->text == "88 towns and villages retaken (Kyiv)");

    const auto& attack = mark_of(s, "attack");
    CHECK(attack.symbol == frontmap::scene::EventSymbol::Icon);
    CHECK(attack.status == frontmap::scene::EventStatus::Denied);
    REQUIRE(attack.callout);
    CHECK_THAT(attack.callout->text, Catch::Contains("4 killed, 13 wounded"));
    CHECK_THAT(attack.callout->text, Catch::Contains("Moscow-installed authorities"));
    CHECK_THAT(attack.callout->text, Catch::Contains("Ukraine denies"));
    CHECK(mark_of(s, "fortification").icon);

    // The legend lists exactly the event symbols drawn, then claimed and denied.
    std::vector<std::string> legend;
    for (const auto& e : s.legend)
        if (e.kind != "place" && e.kind != "context" && e.kind != "river" && e.kind != "border" && e.kind != "admin1" && e.kind != "disputed")
            legend.push_back(e.text);
    CHECK(legend == std::vector<std::string>{"Fortified by Russia", "Ukrainian advance", "Area retaken by Ukraine, by region",
                                             "Ukrainian attack", "Claimed (dashed)", "Denied (struck through)"});
}

TEST_CASE("event icons, callouts and labels never overlap one another or leave the map", "[scene][events]") {
    const auto [width, height] = GENERATE(table<int, int>({{1200, 800}, {800, 600}, {600, 900}}));
    CAPTURE(width, height);
    Built b;
    const Scene s = frontmap::scene::build({kherson_story(), kherson_events()}, b.basemap, b.style, b.measure, {.width = width, .height = height});
    std::vector<Box> boxes;
    for (const auto& f : s.features)
        if (f.label) boxes.push_back(f.label->box);
    size_t icons = 0, callouts = 0;
    for (const auto& m : s.events) {
        if (m.icon) boxes.push_back(*m.icon), ++icons;
        if (m.callout) boxes.push_back(m.callout->box), ++callouts;
    }
    const Projector p(s.crs, s.view, s.map_box);
    const Point kherson = p.to_pixel(32.6178, 46.65581);
    CAPTURE(s.legend_box, kherson.x, kherson.y, s.map_box);
    CHECK(icons == 2);       // the fortress and the attack, both at Kherson, set apart
    CHECK(callouts >= 2);    // the attack's toll and the region's count at least
    for (size_t i = 0; i < boxes.size(); ++i) {
        CAPTURE(boxes[i]);
        CHECK(inside(s.map_box, boxes[i]));
        CHECK_FALSE(boxes[i].intersects(s.legend_box));
        for (size_t j = i + 1; j < boxes.size(); ++j) CHECK_FALSE(boxes[i].intersects(boxes[j]));
    }
}

TEST_CASE("a map a column wide: legend in a band below, headline, subtitle and credits inside the width", "[scene][events]") {
    const auto [width, height] = GENERATE(table<int, int>({{321, 416}, {454, 340}, {600, 800}}));
    CAPTURE(width, height);
    Built b;
    const Scene s = frontmap::scene::build({kherson_story(), kherson_events()}, b.basemap, b.style, b.measure,
                                           {.width = width, .height = height, .source = "Fixture Wire, a long name for a news agency"});
    CAPTURE(s.map_box, s.legend_box, s.title, s.subtitle, s.source);
    REQUIRE_FALSE(s.legend.empty());
    CHECK(s.legend_box.y >= s.map_box.bottom());  // it covers nothing of the map
    CHECK(s.legend_box.right() <= width);
    CHECK(s.map_box.h >= 0.25 * height);  // title, legend and credits leave the map a quarter at least
    const auto fits = [&](const std::string& text, const frontmap::style::Font& font, double room) {
        std::istringstream lines(text);
        for (std::string line; std::getline(lines, line);)
            if (b.measure.measure(line, font).first > room) return false;
        return true;
    };
    // Measured in the type the map is drawn in: a column graphic's is smaller.
    const frontmap::style::Style drawn = frontmap::style::for_width(b.style, width);
    CHECK(fits(s.title, drawn.title, width - 28));
    CHECK(fits(s.subtitle, drawn.subtitle, width - 28));
    CHECK(fits(s.source, drawn.small, width - 24));
    // Rows side by side where the width allows: no tall column under a wide map.
    if (width >= 600) CHECK(s.legend_box.h <= 0.15 * height);
}

TEST_CASE("a headline of one word too long for the width is cut inside the word, never inside a letter", "[scene][events]") {
    Built b;
    const Scene s = frontmap::scene::build({kherson_story(), kherson_events()}, b.basemap, b.style, b.measure,
                                           {.width = 321, .height = 416, .title = "Київ-Донецьк-Луганськ-Запоріжжя-Харків advance"});
    CAPTURE(s.title);
    CHECK(frontmap::text::valid_utf8(s.title));
    std::istringstream lines(s.title);
    const auto title_font = frontmap::style::for_width(b.style, 321).title;
    for (std::string line; std::getline(lines, line);) CHECK(b.measure.measure(line, title_font).first <= 321 - 28);
    CHECK(s.title.find("\u2026") != std::string::npos);
}

TEST_CASE("a column graphic (85 x 60 mm) keeps its legend below the map, its date and its whole credits", "[scene][events]") {
    Built b;
    // Three kinds of event, whose legend fits two columns a column wide.
    auto events = kherson_events();
    std::erase_if(events, [](const frontmap::scene::EventSubject& e) { return e.type == "recapture"; });
    const Scene s = frontmap::scene::build({kherson_story(), events}, b.basemap, b.style, b.measure,
                                           {.width = 321, .height = 227, .title = "Ukrainian forces near Kherson", .as_of = "2022-10-21"});
    CAPTURE(s.map_box, s.legend_box, s.title, s.subtitle, s.source);
    REQUIRE_FALSE(s.legend.empty());
    CHECK(s.legend_box.y >= s.map_box.bottom());  // below the map, covering none of it
    CHECK(s.legend_box.bottom() <= 227);
    CHECK(s.subtitle.find("21 October 2022") != std::string::npos);
    CHECK(s.source.find("\u2026") == std::string::npos);  // the data credits are never cut short
    CHECK(s.map_box.h >= 0.25 * 227);
    // Its type is a column graphic's, smaller than a web map's.
    CHECK(frontmap::style::for_width(b.style, 321).title.size < b.style.title.size);
}

TEST_CASE("a map too small for its legend and headline keeps a map, and nothing spills over the title", "[scene][events]") {
    const auto [width, height] = GENERATE(table<int, int>({{321, 227}, {200, 150}}));
    CAPTURE(width, height);
    Built b;
    const Scene s = frontmap::scene::build({kherson_story(), kherson_events()}, b.basemap, b.style, b.measure, {.width = width, .height = height});
    CAPTURE(s.map_box, s.legend_box, s.title);
    CHECK(s.map_box.h >= 0.25 * height);
    CHECK(s.map_box.y >= b.measure.measure(s.title, frontmap::style::for_width(b.style, width).title).second);  // the title sits above the map
    // A column graphic's legend is below its map or left out, never over it.
    if (!s.legend.empty()) CHECK(s.legend_box.y >= s.map_box.bottom());
    CHECK(s.legend_box.y >= 0);
}

TEST_CASE("events frame the map: a far capital named in passing does not widen it", "[scene][events]") {
    Built b;
    const Scene s = frontmap::scene::build({kherson_story(), kherson_events()}, b.basemap, b.style, b.measure, {});
    const Projector p(s.crs, s.view, s.map_box);
    for (const auto& m : s.events) CHECK(m.in_view);
    for (const auto& f : s.features)
        if (f.name == "Kyiv" && f.kind == frontmap::scene::FeatureKind::Place) CHECK_FALSE(f.in_view);
}

TEST_CASE("a withdrawal's arrow leaves the place, an unknown side is drawn and named neutrally", "[scene][events]") {
    Built b;
    std::vector<EventSubject> events{{.type = "withdrawal", .side = "RU", .status = frontmap::scene::EventStatus::Reported, .place = "Kherson", .place_type = "city",
                                      .country = "UA", .lon = 32.6178, .lat = 46.65581,
                                      .side_home = frontmap::scene::NamedPoint{"Russia", 96.6, 61.9}},
                                     {.type = "strike", .status = frontmap::scene::EventStatus::Reported, .killed = 3, .place = "Mykolaiv", .place_type = "city",
                                      .country = "UA", .lon = 31.9946, .lat = 46.9659}};
    const Scene s = frontmap::scene::build({kherson_story(), events}, b.basemap, b.style, b.measure, {});
    CHECK(s.title == "Russian forces pull out of Kherson");
    const auto& away = mark_of(s, "withdrawal");
    REQUIRE(away.line.size() >= 2);
    CHECK(std::abs(away.line.front()[0] - 32.6178) < 1e-6);  // starts at Kherson
    CHECK(away.line.back()[0] > 32.6178);                    // and heads east, toward Russia
    const auto& strike = mark_of(s, "strike");
    REQUIRE(strike.callout);
    CHECK(strike.callout->text == "3 killed");
    bool neutral = false;
    for (const auto& e : s.legend) neutral = neutral || e.text == "Strike (missile, drone, air)";
    CHECK(neutral);
}

TEST_CASE("a scene's places survive a GIS writing them back: labels as JSON text, nulls, flags as numbers", "[scene][geojson]") {
    auto doc = frontmap::scene::to_geojson(sample_scene());
    for (auto& f : doc["features"]) {
        auto& props = f["properties"];
        for (const char* key : {"label", "anchor"})
            if (props.contains(key)) props[key] = props[key].dump();
        if (props.contains("capital")) props["capital"] = props["capital"].get<bool>() ? 1 : 0;
        if (props.contains("in_view")) props["in_view"] = props["in_view"].get<bool>() ? 1 : 0;
        props["place_id"] = nullptr;
        props["mentions"] = nullptr;
    }
    const Scene back = frontmap::scene::from_geojson(doc);
    const Scene s = sample_scene();
    REQUIRE(back.features.size() == s.features.size());
    for (size_t i = 0; i < s.features.size(); ++i) {
        CAPTURE(s.features[i].name);
        CHECK(back.features[i].kind == s.features[i].kind);
        CHECK(back.features[i].capital == s.features[i].capital);
        CHECK(back.features[i].in_view == s.features[i].in_view);
        CHECK(back.features[i].label.has_value() == s.features[i].label.has_value());
        if (s.features[i].label) CHECK(back.features[i].label->text == s.features[i].label->text);
        CHECK(back.features[i].line.size() == s.features[i].line.size());
    }
}

TEST_CASE("a scene's events survive to_geojson and from_geojson, also flattened as GDAL writes them", "[scene][events][geojson]") {
    Built b;
    const Scene s = frontmap::scene::build({kherson_story(), kherson_events()}, b.basemap, b.style, b.measure, {.as_of = "2022-10-21"});
    auto doc = frontmap::scene::to_geojson(s);
    const Scene back = frontmap::scene::from_geojson(doc);
    REQUIRE(back.events.size() == s.events.size());
    CHECK(back.as_of == s.as_of);
    for (size_t i = 0; i < s.events.size(); ++i) {
        CAPTURE(s.events[i].type);
        CHECK(back.events[i].symbol == s.events[i].symbol);
        CHECK(back.events[i].line.size() == s.events[i].line.size());
        CHECK(back.events[i].rings.size() == s.events[i].rings.size());
        CHECK(back.events[i].callout.has_value() == s.events[i].callout.has_value());
        CHECK(back.events[i].lon == Approx(s.events[i].lon));
    }
    // ogr2ogr writes nested properties as JSON text and empty ones as null.
    for (auto& f : doc["features"]) {
        auto& props = f["properties"];
        if (props["kind"] != "event") continue;
        for (const char* key : {"callout", "icon", "anchor"})
            if (props.contains(key)) props[key] = props[key].dump();
        props["side"] = nullptr;
        props["evidence"] = nullptr;
    }
    const Scene flat = frontmap::scene::from_geojson(doc);
    REQUIRE(flat.events.size() == s.events.size());
    CHECK(flat.events[3].callout->text == s.events[3].callout->text);
    CHECK(flat.events[3].side.empty());

    // A user's edit: the arrow turned into a Point is an icon; a broken geometry says which feature.
    doc["features"].back()["geometry"] = {{"type", "LineString"}, {"coordinates", {{32.0, 46.0}}}};
    CHECK_THROWS_WITH(frontmap::scene::from_geojson(doc), Catch::Contains("feature") && Catch::Contains("two points"));
}

TEST_CASE("events in two distant theatres: the main one frames the map, the other goes to the inset", "[scene][events]") {
    Built b;
    std::vector<EventSubject> events{{.type = "capture", .side = "RU", .status = frontmap::scene::EventStatus::Reported, .place = "Kherson", .place_type = "city",
                                      .country = "UA", .lon = 32.6178, .lat = 46.65581},
                                     {.type = "strike", .side = "RU", .status = frontmap::scene::EventStatus::Reported, .killed = 2, .place = "Kyiv",
                                      .place_type = "city", .country = "UA", .lon = 30.5238, .lat = 50.45466}};
    const Scene s = frontmap::scene::build({kherson_story(), events}, b.basemap, b.style, b.measure, {});
    CHECK(s.title == "Russian forces take Kherson");
    CHECK(mark_of(s, "capture").in_view);
    CHECK_FALSE(mark_of(s, "strike").in_view);
    CHECK_FALSE(mark_of(s, "strike").callout);
    for (const auto& e : s.legend) CHECK(e.text != "Russian strike");  // the legend tells what the main map shows
}

TEST_CASE("one report of strikes across a country frames every place it names, titled as one", "[scene][events]") {
    Built b;
    const std::string report = "Missiles struck Kyiv, Lviv and Kharkiv, killing 11 people, officials said.";
    const auto strike = [&](const std::string& place, double lon, double lat) {
        return EventSubject{.type = "strike", .side = "RU", .status = frontmap::scene::EventStatus::Claimed, .claimed_by = "officials", .claimed_side = "UA",
                            .place = place, .place_type = "city", .country = "UA", .lon = lon, .lat = lat, .evidence = report};
    };
    std::vector<EventSubject> events{strike("Kyiv", 30.5238, 50.45466), strike("Lviv", 24.02324, 49.83826), strike("Kharkiv", 36.25272, 49.98081)};
    events[0].killed = 11;
    const Scene s = frontmap::scene::build({kherson_story(), events}, b.basemap, b.style, b.measure, {});
    CHECK(s.title == "Russian strikes on Kyiv and two other cities");
    size_t callouts = 0;
    for (const auto& m : s.events) {
        CHECK(m.in_view);
        callouts += m.callout ? 1 : 0;
    }
    CHECK(callouts == 1);  // the toll with its source; the other places' claim is the same one
    // One sentence, two deeds: not a list of one report's places.
    events[1].evidence = events[2].evidence = events[0].evidence = "Missiles struck Kyiv on Monday, a week after strikes on Lviv and Kharkiv.";
    CHECK(frontmap::scene::build({kherson_story(), events}, b.basemap, b.style, b.measure, {}).title == "Russian strike on Kyiv");
    events[0].evidence = report;
    // Told in two reports, Lviv and Kharkiv lie beyond the main event's focus: they go to the inset.
    events[1].evidence = events[2].evidence = "Lviv and Kharkiv were also hit.";
    const Scene apart = frontmap::scene::build({kherson_story(), events}, b.basemap, b.style, b.measure, {});
    CHECK(apart.title == "Russian strike on Kyiv");
    CHECK_FALSE(std::any_of(apart.events.begin(), apart.events.end(), [](const auto& m) { return m.place == "Lviv" && m.in_view; }));
}

TEST_CASE("a title says where as a desk would: in a town, at a bridge", "[scene][events]") {
    Built b;
    const auto title_for = [&](const std::string& place, const std::string& type) {
        const std::vector<EventSubject> events{{.type = "explosion", .status = frontmap::scene::EventStatus::Reported, .place = place, .place_type = type,
                                                .country = "UA", .lon = 32.6178, .lat = 46.65581}};
        return frontmap::scene::build({kherson_story(), events}, b.basemap, b.style, b.measure, {}).title;
    };
    CHECK(title_for("Kherson", "city") == "Explosion in Kherson");
    CHECK(title_for("Antonivskyi Bridge", "infrastructure") == "Explosion at the Antonivskyi Bridge");
}

TEST_CASE("a group named in the plural gives its adjective in the singular", "[scene][events]") {
    Built b;
    const std::vector<EventSubject> events{{.type = "attack", .side = "Houthis", .status = frontmap::scene::EventStatus::Reported, .place = "Kherson",
                                            .place_type = "city", .country = "UA", .lon = 32.6178, .lat = 46.65581}};
    CHECK(frontmap::scene::build({kherson_story(), events}, b.basemap, b.style, b.measure, {}).title == "Houthi attack on Kherson");
}

TEST_CASE("a legend band has no empty columns: seven rows in four columns of two, not six", "[scene][legend]") {
    const std::vector<frontmap::scene::LegendEntry> entries(7, frontmap::scene::LegendEntry{"place", "Named"});
    const auto grid = frontmap::scene::legend_grid(entries, 560, 9.0, [](size_t) { return std::pair<double, double>{40, 10}; });
    CHECK(grid.columns == 4);
    CHECK(grid.rows == 2);
    CHECK(grid.w == Approx(4 * (40 + 44)));
}

TEST_CASE("a web map's subtitle that wraps keeps all it says, only a column graphic gives it up for the date", "[scene][events]") {
    Built b;
    const Scene s = frontmap::scene::build({kherson_story(), kherson_events()}, b.basemap, b.style, b.measure,
                                           {.width = 500, .height = 600, .as_of = "2022-10-21"});
    CAPTURE(s.subtitle);
    CHECK(s.subtitle.find("Events as reported") != std::string::npos);
}

TEST_CASE("alt text tells the map in sentences: the main event first, its toll, who claims and who denies", "[scene][events][alt]") {
    Built b;
    const Scene s = frontmap::scene::build({kherson_story(), kherson_events()}, b.basemap, b.style, b.measure, {});
    CHECK_THAT(s.alt, Catch::StartsWith("Map: Ukrainian forces advance along the Dnieper toward Kherson"));
    CHECK_THAT(s.alt, Catch::Contains("; Ukrainian forces retake 88 towns and villages in the Kherson region, according to Kyiv"));
    CHECK_THAT(s.alt, Catch::Contains("; an attack by Ukraine near Kherson killed 4 and wounded 13, according to Moscow-installed authorities, "
                                      "which Ukraine denies"));
    // A claimant who is no party and gives no toll is left out, as the callout leaves them out.
    CHECK_THAT(s.alt, Catch::Contains("; Russian forces fortify Kherson;") || Catch::Contains("; Russian forces fortify Kherson."));
    CHECK_THAT(s.alt, Catch::EndsWith("."));
    CHECK(frontmap::scene::alt_text(s) == s.alt);
    CHECK(frontmap::scene::from_geojson(frontmap::scene::to_geojson(s)).alt == s.alt);
}

TEST_CASE("alt text says 'a' or 'an' as the word after it sounds, and names a region as a region", "[scene][events][alt]") {
    Built b;
    const auto alt_for = [&](const std::string& side, const std::string& place, const std::string& type) {
        const std::vector<EventSubject> events{{.type = "strike", .side = side, .status = frontmap::scene::EventStatus::Reported, .place = place, .place_type = type,
                                                .country = "UA", .lon = 32.6178, .lat = 46.65581}};
        return frontmap::scene::build({kherson_story(), events}, b.basemap, b.style, b.measure, {}).alt;
    };
    CHECK(alt_for("", "Kherson", "city") == "Map: A strike on Kherson.");
    CHECK(alt_for("UA", "Kherson", "city") == "Map: A Ukrainian strike on Kherson.");
    CHECK(alt_for("Houthis", "Kherson", "city") == "Map: A Houthi strike on Kherson.");
    CHECK(alt_for("IL", "Kherson", "city") == "Map: An Israeli strike on Kherson.");
    CHECK(alt_for("", "Kherson", "region") == "Map: A strike on the Kherson region.");
    CHECK(alt_for("", "Kherson Oblast", "region") == "Map: A strike on Kherson Oblast.");
}

TEST_CASE("alt text of a map without events names the places shown", "[scene][alt]") {
    Built b;
    const Scene s = frontmap::scene::build(kherson_story(), b.basemap, b.style, b.measure, {});
    CHECK_THAT(s.alt, Catch::StartsWith("Map of the places named in the article: Kherson, "));
    CHECK_THAT(s.alt, Catch::Contains("Nova Kakhovka"));
    CHECK_THAT(s.alt, !Catch::Contains("Kyiv"));  // in the inset, not the map
}

TEST_CASE("alt text names a claimant as a sentence would and agrees with plurals", "[scene][events][alt]") {
    Built b;
    const auto alt_for = [&](EventSubject e) {
        e.place = e.place.empty() ? "Kherson" : e.place;
        e.place_type = e.place_type.empty() ? "city" : e.place_type;
        e.country = "UA";
        e.lon = 32.6178;
        e.lat = 46.65581;
        return frontmap::scene::build({kherson_story(), {e}}, b.basemap, b.style, b.measure, {}).alt;
    };
    CHECK(alt_for({.type = "strike", .status = frontmap::scene::EventStatus::Denied, .claimed_by = "Officials in the city", .denied_by = "Local officials", .killed = 2}) ==
          "Map: A strike on Kherson killed 2, according to officials, which local officials deny.");
    CHECK(alt_for({.type = "strike", .status = frontmap::scene::EventStatus::Denied, .claimed_by = "the army", .denied_by = "Hamas", .claimed_side = "UA"}) ==
          "Map: A strike on Kherson, according to the army, which Hamas denies.");
    CHECK(alt_for({.type = "recapture", .status = frontmap::scene::EventStatus::Reported, .places = 3, .place = "Kharkiv", .place_type = "region"}) ==
          "Map: 3 towns and villages in the Kharkiv region are retaken.");
    CHECK(alt_for({.type = "recapture", .status = frontmap::scene::EventStatus::Reported}) == "Map: Kherson is retaken.");
}
