#include "geometry.hpp"
#include "names.hpp"
#include "common/error.hpp"
#include "io/gdal.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>

using frontmap::databuild::Segment;
using frontmap::io::LonLat;
using frontmap::io::Path;

namespace {

// Signed area by the shoelace formula, in square degrees; positive counter-clockwise.
double shoelace(const Path& ring) {
    double twice = 0;
    for (size_t i = 0; i + 1 < ring.size(); ++i) twice += ring[i].lon * ring[i + 1].lat - ring[i + 1].lon * ring[i].lat;
    return twice / 2;
}

bool same_point(const LonLat& a, const LonLat& b) { return a.lon == Approx(b.lon) && a.lat == Approx(b.lat); }

bool closed(const Path& ring) { return ring.size() >= 4 && same_point(ring.front(), ring.back()); }

bool has_point(const Path& path, LonLat p) {
    return std::any_of(path.begin(), path.end(), [&](const LonLat& q) { return same_point(q, p); });
}

Segment segment(int level, Path points) { return {level, std::move(points)}; }

}  // namespace

TEST_CASE("a failed OGR call stops the data build with what failed and GDAL's reason", "[databuild][gdal]") {
    using frontmap::gdal::GeometryPtr;
    REQUIRE_NOTHROW(frontmap::gdal::check(OGRERR_NONE, "cannot add a point"));
    // Adding a polygon to a multi-line is refused by OGR: the build must say so, not drop it.
    GeometryPtr lines{OGR_G_CreateGeometry(wkbMultiLineString)};
    GeometryPtr polygon{OGR_G_CreateGeometry(wkbPolygon)};
    try {
        frontmap::gdal::check(OGR_G_AddGeometry(lines.get(), polygon.get()), "cannot add a line to Dnipro");
        FAIL("accepted a polygon in a multi-line");
    } catch (const frontmap::GeoError& e) {
        CHECK(e.subject() == "cannot add a line to Dnipro");
        CHECK_THAT(e.reason(), Catch::Contains("OGR error"));
    }
}

TEST_CASE("read_gmt_segments reads each header's level and the points under it", "[databuild][gmt]") {
    std::istringstream in(
        "> Shore Bin # 12, Level 1\n"
        "30.5\t45.25\n"
        "31\t45\n"
        "31 46\n"
        "> Shore Bin # 13, Level 2\n"
        "\n"
        "-32.125 -47.5\n"
        "33 47\n"
        "> Shore Bin # 14, Level 3\n"
        "34 48\n"  // a single point draws nothing
        "> no level given\n"
        "1 2\n"
        "3 4\n");
    const auto segments = frontmap::databuild::read_gmt_segments(in);
    REQUIRE(segments.size() == 3);
    CHECK(segments[0].level == 1);
    REQUIRE(segments[0].points.size() == 3);
    CHECK(same_point(segments[0].points[0], {30.5, 45.25}));
    CHECK(same_point(segments[0].points[2], {31, 46}));
    CHECK(segments[1].level == 2);
    REQUIRE(segments[1].points.size() == 2);
    CHECK(same_point(segments[1].points[0], {-32.125, -47.5}));
    CHECK(segments[2].level == 0);
}

TEST_CASE("build_rings joins open segments whose ends meet into one closed ring", "[databuild][rings]") {
    // A unit square cut into three pieces, given out of order.
    std::vector<Segment> pieces = {
        segment(1, {{1, 0}, {1, 1}}),
        segment(1, {{1, 1}, {0, 1}, {0, 0}}),
        segment(1, {{0, 0}, {1, 0}}),
    };
    const auto rings = frontmap::databuild::build_rings(pieces);
    REQUIRE(rings.size() == 1);
    const Path& ring = rings[0].points;
    CHECK(rings[0].level == 1);
    CHECK(closed(ring));
    CHECK(ring.size() == 5);  // four corners, the first repeated; no duplicated joints
    for (LonLat corner : {LonLat{0, 0}, LonLat{1, 0}, LonLat{1, 1}, LonLat{0, 1}}) CHECK(has_point(ring, corner));
    CHECK(std::abs(shoelace(ring)) == Approx(1.0));
}

TEST_CASE("build_rings leaves closed rings as they are", "[databuild][rings]") {
    const Path island = {{5, 5}, {6, 5}, {6, 6}, {5, 5}};
    const auto rings = frontmap::databuild::build_rings({segment(3, island)});
    REQUIRE(rings.size() == 1);
    CHECK(rings[0].level == 3);
    REQUIRE(rings[0].points.size() == island.size());
    for (size_t i = 0; i < island.size(); ++i) CHECK(same_point(rings[0].points[i], island[i]));
}

TEST_CASE("build_rings never joins segments of different levels", "[databuild][rings]") {
    const auto rings = frontmap::databuild::build_rings({
        segment(1, {{0, 0}, {1, 0}, {1, 1}}),
        segment(2, {{1, 1}, {0, 1}, {0, 0}}),
    });
    REQUIRE(rings.size() == 2);
    for (const auto& r : rings) {
        CHECK(closed(r.points));
        CHECK(r.points.size() == 4);
    }
}

// GSHHG has such there-and-back closed segments at bin corners, on the joint of a ring's pieces.
TEST_CASE("build_rings joins a ring's pieces through a joint where a zero-width closed segment starts", "[databuild][rings]") {
    const auto rings = frontmap::databuild::build_rings({
        segment(1, {{1, 0}, {1, 1}, {0, 1}}),
        segment(1, {{1, 0}, {1.5, 0}, {1, 0}}),
        segment(1, {{0, 1}, {0, 0}, {1, 0}}),
    });
    REQUIRE(rings.size() == 1);
    CHECK(closed(rings[0].points));
    CHECK(rings[0].points.size() == 5);
    CHECK(std::abs(shoelace(rings[0].points)) == Approx(1.0));
}

TEST_CASE("build_rings closes a chain that ends where it cannot continue with a straight edge", "[databuild][rings]") {
    const auto rings = frontmap::databuild::build_rings({segment(1, {{0, 0}, {1, 0}, {1, 1}, {0, 1}})});
    REQUIRE(rings.size() == 1);
    CHECK(closed(rings[0].points));
    CHECK(rings[0].points.size() == 5);
    CHECK(std::abs(shoelace(rings[0].points)) == Approx(1.0));
}

namespace {

// Antarctica's coast: GSHHG gives it as a line from 180°E round to 180°W, here in two pieces.
const Segment kAntarcticEast = segment(1, {{180, -71}, {90, -66}, {0, -70}});
const Segment kAntarcticWest = segment(1, {{0, -70}, {-90, -75}, {-180, -71}});

void check_closed_round_the_pole(const std::vector<Segment>& rings) {
    REQUIRE(rings.size() == 1);
    const Path& ring = rings[0].points;
    CHECK(closed(ring));
    CHECK(has_point(ring, {-180, -90}));
    CHECK(has_point(ring, {180, -90}));
    // The polygon is the cap south of the coast: 360° wide and some 20° deep.
    const double area = std::abs(shoelace(ring));
    CHECK(area > 360 * 15);
    CHECK(area < 360 * 25);
}

}  // namespace

TEST_CASE("build_rings closes a chain from one side of the dateline to the other round the south pole", "[databuild][rings]") {
    check_closed_round_the_pole(frontmap::databuild::build_rings({kAntarcticEast, kAntarcticWest}));
}

// The header promises to join segments whose ends meet; it does not ask for them in chain order.
TEST_CASE("build_rings joins an open chain whose pieces come tail first", "[databuild][rings]") {
    check_closed_round_the_pole(frontmap::databuild::build_rings({kAntarcticWest, kAntarcticEast}));
}

namespace {

using frontmap::gdal::GeometryPtr;

GeometryPtr square_of(double side) { return frontmap::databuild::shore_polygon({{0, 0}, {side, 0}, {side, side}, {0, side}, {0, 0}}); }

void check_inside(OGRGeometryH g, const frontmap::BBox& box) {
    OGREnvelope e;
    OGR_G_GetEnvelope(g, &e);
    CHECK(e.MinX >= box.west());
    CHECK(e.MaxX <= box.east());
    CHECK(e.MinY >= box.south());
    CHECK(e.MaxY <= box.north());
}

}  // namespace

TEST_CASE("clip_to_box keeps the part of a polygon inside the box", "[databuild][clip]") {
    const GeometryPtr square = square_of(10);
    struct Case {
        std::string what;
        frontmap::BBox box;
        double area;
    };
    const auto c = GENERATE(values<Case>({
        {"box over one corner", {5, -5, 20, 5}, 25.0},
        {"box across the middle", {-1, 2, 11, 4}, 20.0},
        {"box inside the square", {2, 2, 4, 7}, 10.0},
        {"square inside the box", {-5, -5, 15, 15}, 100.0},
    }));
    CAPTURE(c.what);
    const GeometryPtr clipped = frontmap::databuild::clip_to_box(square.get(), c.box);
    REQUIRE(wkbFlatten(OGR_G_GetGeometryType(clipped.get())) == wkbMultiPolygon);
    REQUIRE(OGR_G_GetGeometryCount(clipped.get()) == 1);
    CHECK(OGR_G_IsValid(clipped.get()) != 0);
    CHECK(OGR_G_Area(clipped.get()) == Approx(c.area));
    check_inside(clipped.get(), c.box);
}

TEST_CASE("clip_to_box of a triangle cut by the box edge", "[databuild][clip]") {
    const GeometryPtr triangle = frontmap::databuild::shore_polygon({{0, 0}, {10, 0}, {0, 10}, {0, 0}});
    // Below y = 5 the triangle is a trapezoid 10 wide at the bottom and 5 at the top.
    const GeometryPtr clipped = frontmap::databuild::clip_to_box(triangle.get(), {0, 0, 10, 5});
    REQUIRE(OGR_G_GetGeometryCount(clipped.get()) == 1);
    CHECK(OGR_G_Area(clipped.get()) == Approx((10 + 5) / 2.0 * 5));
}

// Sutherland-Hodgman kept such a cut as one ring joined by a spur along the box edge.
TEST_CASE("clip_to_box gives each part of a polygon the box cuts apart as a polygon of its own", "[databuild][clip]") {
    const GeometryPtr u = frontmap::databuild::shore_polygon({{0, 0}, {3, 0}, {3, 3}, {2, 3}, {2, 1}, {1, 1}, {1, 3}, {0, 3}, {0, 0}});
    const frontmap::BBox box{-1, 2, 4, 4};
    const GeometryPtr clipped = frontmap::databuild::clip_to_box(u.get(), box);
    REQUIRE(OGR_G_GetGeometryCount(clipped.get()) == 2);
    CHECK(OGR_G_Area(clipped.get()) == Approx(2.0));
    check_inside(clipped.get(), box);
}

TEST_CASE("clip_to_box of a polygon outside the box is empty", "[databuild][clip]") {
    const GeometryPtr square = square_of(10);
    CHECK(OGR_G_IsEmpty(frontmap::databuild::clip_to_box(square.get(), {20, 20, 30, 30}).get()) != 0);
    // Touching the box along an edge or at a corner covers none of it.
    CHECK(OGR_G_IsEmpty(frontmap::databuild::clip_to_box(square.get(), {10, 0, 20, 10}).get()) != 0);
    CHECK(OGR_G_IsEmpty(frontmap::databuild::clip_to_box(square.get(), {10, 10, 20, 20}).get()) != 0);
}

TEST_CASE("shore_polygon of a ring that crosses itself is made valid", "[databuild][clip]") {
    const GeometryPtr bowtie = frontmap::databuild::shore_polygon({{0, 0}, {2, 2}, {2, 0}, {0, 2}, {0, 0}});
    REQUIRE(wkbFlatten(OGR_G_GetGeometryType(bowtie.get())) == wkbMultiPolygon);
    CHECK(OGR_G_IsValid(bowtie.get()) != 0);
    CHECK(OGR_G_GetGeometryCount(bowtie.get()) == 2);
    CHECK(OGR_G_Area(bowtie.get()) == Approx(2.0));
    // Valid, it can be cut into tiles.
    CHECK(OGR_G_Area(frontmap::databuild::clip_to_box(bowtie.get(), {0, 0, 1, 2}).get()) == Approx(1.0));
}

TEST_CASE("bounds is the smallest box holding every point", "[databuild][bounds]") {
    const auto b = frontmap::databuild::bounds({{30.5, 46.1}, {-3, 50}, {12, -8.5}, {4, 2}});
    CHECK(b.west() == -3);
    CHECK(b.east() == 30.5);
    CHECK(b.south() == -8.5);
    CHECK(b.north() == 50);
}

TEST_CASE("short_forms: the admin-1 names news use, from Natural Earth's formal ones", "[databuild][names]") {
    frontmap::databuild::Admin1NameForms forms;
    forms.suffixes = {"State", "Province"};
    forms.prefixes = {"Wilayat-e"};
    forms.compass = {{"Southern", "South"}, {"Northern", "North"}};
    forms.english_words = {"northern"};
    using V = std::vector<std::string>;
    CHECK(frontmap::databuild::short_forms("Southern Kordofan State", forms) == V{"Southern Kordofan", "South Kordofan"});
    CHECK(frontmap::databuild::short_forms("Wilayat-e Paktiya", forms) == V{"Paktiya"});
    CHECK(frontmap::databuild::short_forms("Khyber Pakhtunkhwa Province", forms) == V{"Khyber Pakhtunkhwa"});
    // A form that is an ordinary English word would make every "Northern ..." a place.
    CHECK(frontmap::databuild::short_forms("Northern State", forms).empty());
    CHECK(frontmap::databuild::short_forms("Kherson", forms).empty());
}

namespace {
frontmap::gdal::GeometryPtr square(double x, double y, double side) {
    const std::string wkt = "POLYGON((" + std::to_string(x) + " " + std::to_string(y) + "," + std::to_string(x + side) + " " +
                            std::to_string(y) + "," + std::to_string(x + side) + " " + std::to_string(y + side) + "," +
                            std::to_string(x) + " " + std::to_string(y + side) + "," + std::to_string(x) + " " + std::to_string(y) + "))";
    OGRGeometryH g = nullptr;
    char* text = const_cast<char*>(wkt.c_str());
    REQUIRE(OGR_G_CreateFromWkt(&text, nullptr, &g) == OGRERR_NONE);
    return frontmap::gdal::GeometryPtr{g};
}
}  // namespace

TEST_CASE("inner_boundaries keeps the edges units share, once each, and never their outer edge", "[databuild][admin1]") {
    // Three units in a row: two shared edges of length 1 inside an outline of length 8.
    const auto a = square(0, 0, 1), b = square(1, 0, 1), c = square(2, 0, 1);
    const auto inner = frontmap::databuild::inner_boundaries({a.get(), b.get(), c.get()});
    REQUIRE(inner);
    CHECK(OGR_G_Length(inner.get()) == Approx(2.0).margin(1e-6));
    OGREnvelope e;
    OGR_G_GetEnvelope(inner.get(), &e);
    CHECK(e.MinX == Approx(1.0).margin(1e-6));
    CHECK(e.MaxX == Approx(2.0).margin(1e-6));
    CHECK(e.MinY == Approx(0.0).margin(1e-6));
    CHECK(e.MaxY == Approx(1.0).margin(1e-6));
    // A shared edge with a vertex half way comes out as one line, not two pieces, so that a
    // dash pattern runs along it unbroken.
    char* wkt_a = const_cast<char*>("POLYGON((0 0,1 0,1 0.5,1 1,0 1,0 0))");
    char* wkt_b = const_cast<char*>("POLYGON((1 0,2 0,2 1,1 1,1 0.5,1 0))");
    OGRGeometryH left = nullptr, right = nullptr;
    REQUIRE(OGR_G_CreateFromWkt(&wkt_a, nullptr, &left) == OGRERR_NONE);
    REQUIRE(OGR_G_CreateFromWkt(&wkt_b, nullptr, &right) == OGRERR_NONE);
    const frontmap::gdal::GeometryPtr l{left}, r{right};
    const auto bent = frontmap::databuild::inner_boundaries({l.get(), r.get()});
    REQUIRE(bent);
    CHECK(OGR_G_Length(bent.get()) == Approx(1.0).margin(1e-6));
    const int parts = wkbFlatten(OGR_G_GetGeometryType(bent.get())) == wkbLineString ? 1 : OGR_G_GetGeometryCount(bent.get());
    CHECK(parts == 1);
    // A unit alone has no inner boundary at all.
    const auto alone = frontmap::databuild::inner_boundaries({a.get()});
    REQUIRE(alone);
    CHECK(OGR_G_Length(alone.get()) == Approx(0.0).margin(1e-9));
}
