#include "basemap_fixture.hpp"
#include "common/error.hpp"
#include "fixtures.hpp"
#include "common/sqlite.hpp"
#include "io/files.hpp"
#include "render/png.hpp"
#include "render/render.hpp"
#include "scene_fixture.hpp"
#include "scene/projection.hpp"

#include <cairo.h>
#include <catch2/catch.hpp>

#ifdef FRONTMAP_HAVE_LIBXML2
#include <libxml/parser.h>
#endif

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <random>
#include <set>
#include <thread>

using frontmap::render::Format;
using frontmap::scene::Box;
using frontmap::scene::Projector;
using frontmap::scene::Scene;
using frontmap::test::lower_dnieper_scene;
namespace fs = std::filesystem;

namespace {

const std::string kHostileText = "<script>&\"'";

struct Fixture {
    frontmap::test::TempDir dir;
    frontmap::io::Basemap basemap{frontmap::test::write_fixture_basemap(dir / "basemap.gpkg")};
    frontmap::style::Style style;
    frontmap::test::TempDir out;  // only what the renderer writes
};

std::vector<std::string> files_in(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

size_t count_page_objects(const std::string& pdf) {
    size_t count = 0;
    for (size_t at = pdf.find("/Type /Page"); at != std::string::npos; at = pdf.find("/Type /Page", at + 1))
        if (pdf.compare(at, 12, "/Type /Pages") != 0) ++count;
    return count;
}

// Whether the bytes are well-formed XML with an <svg> root.
bool well_formed_svg(const std::string& bytes) {
#ifdef FRONTMAP_HAVE_LIBXML2
    xmlDocPtr doc = xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), "map.svg", nullptr,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
    if (!doc) return false;
    const xmlNode* root = xmlDocGetRootElement(doc);
    const bool svg = root && std::string(reinterpret_cast<const char*>(root->name)) == "svg";
    xmlFreeDoc(doc);
    return svg;
#else
    return bytes.rfind("<?xml", 0) == 0 && bytes.find("</svg>") != std::string::npos;
#endif
}

struct PngImage {
    cairo_surface_t* surface;
    explicit PngImage(const fs::path& file) : surface(cairo_image_surface_create_from_png(file.string().c_str())) {}
    ~PngImage() { cairo_surface_destroy(surface); }
    PngImage(const PngImage&) = delete;
    PngImage& operator=(const PngImage&) = delete;

    uint32_t pixel(int x, int y) const {
        const unsigned char* row = cairo_image_surface_get_data(surface) + y * cairo_image_surface_get_stride(surface);
        return reinterpret_cast<const uint32_t*>(row)[x];
    }
};

uint32_t argb(const frontmap::style::Colour& c) {
    auto byte = [](double v) { return static_cast<uint32_t>(std::lround(v * 255)); };
    return byte(c.a) << 24 | byte(c.r) << 16 | byte(c.g) << 8 | byte(c.b);
}

bool close_colour(uint32_t a, uint32_t b) {
    for (int shift : {0, 8, 16, 24})
        if (std::abs(static_cast<int>((a >> shift) & 0xff) - static_cast<int>((b >> shift) & 0xff)) > 2) return false;
    return true;
}

}  // namespace

TEST_CASE("format_for picks the format from the extension, in any case", "[render]") {
    CHECK(frontmap::render::format_for("map.png") == Format::Png);
    CHECK(frontmap::render::format_for("out/MAP.PNG") == Format::Png);
    CHECK(frontmap::render::format_for("map.svg") == Format::Svg);
    CHECK(frontmap::render::format_for("map.Pdf") == Format::Pdf);
    const std::string bad = GENERATE(as<std::string>{}, "map.txt", "map", "map.png.bak", "map.jpeg");
    CAPTURE(bad);
    CHECK_THROWS_AS(frontmap::render::format_for(bad), frontmap::UsageError);
}

TEST_CASE("a PNG gives back the pixels drawn, opaque or translucent", "[render][png]") {
    Fixture f;
    const bool translucent = GENERATE(false, true);
    CAPTURE(translucent);
    // Premultiplied ARGB as Cairo holds it: opaque colours, and with them half and no cover.
    std::vector<uint32_t> drawn = {0xff204080, 0xffffffff, 0xff000000, 0xff10e0a0, 0xff808080, 0xff0000ff};
    if (translucent) drawn[4] = 0x80402010, drawn[5] = 0x00000000;
    cairo_surface_t* image = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 3, 2);
    for (int i = 0; i < 6; ++i) {
        auto* row = cairo_image_surface_get_data(image) + (i / 3) * cairo_image_surface_get_stride(image);
        reinterpret_cast<uint32_t*>(row)[i % 3] = drawn[static_cast<size_t>(i)];
    }
    cairo_surface_mark_dirty(image);
    const auto file = f.out / "pixels.png";
    frontmap::io::write_file_atomically(file, frontmap::render::png_bytes(image, "test"));
    cairo_surface_destroy(image);
    PngImage png(file);
    REQUIRE(cairo_surface_status(png.surface) == CAIRO_STATUS_SUCCESS);
    REQUIRE(cairo_image_surface_get_width(png.surface) == 3);
    REQUIRE(cairo_image_surface_get_height(png.surface) == 2);
    for (int i = 0; i < 6; ++i) CHECK(close_colour(png.pixel(i % 3, i / 3), drawn[static_cast<size_t>(i)]));
    // An opaque map is stored without an alpha channel (colour type 2, RGB), a quarter smaller.
    const std::string bytes = frontmap::test::read_bytes(file);
    REQUIRE(bytes.size() > 25);
    CHECK(static_cast<int>(bytes[25]) == (translucent ? 6 : 2));
}

TEST_CASE("a PNG whose pixels deflate to more than one chunk reads back whole", "[render][png]") {
    Fixture f;
    constexpr int kSide = 800;  // noise: about 1.9 MB deflated, so the data spans two chunks
    cairo_surface_t* image = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, kSide, kSide);
    std::mt19937 random(7);
    for (int y = 0; y < kSide; ++y) {
        auto* row = reinterpret_cast<uint32_t*>(cairo_image_surface_get_data(image) + y * cairo_image_surface_get_stride(image));
        for (int x = 0; x < kSide; ++x) row[x] = 0xff000000u | (random() & 0xffffffu);
    }
    cairo_surface_mark_dirty(image);
    const auto file = f.out / "noise.png";
    frontmap::io::write_file_atomically(file, frontmap::render::png_bytes(image, "test"));
    PngImage png(file);
    REQUIRE(cairo_surface_status(png.surface) == CAIRO_STATUS_SUCCESS);
    const auto* drawn = reinterpret_cast<const uint32_t*>(cairo_image_surface_get_data(image));
    const int stride = cairo_image_surface_get_stride(image) / 4;
    for (int y = 0; y < kSide; y += 97)
        for (int x = 0; x < kSide; x += 89) CHECK(png.pixel(x, y) == drawn[y * stride + x]);
    cairo_surface_destroy(image);
    const std::string bytes = frontmap::test::read_bytes(file);
    size_t chunks = 0;
    for (size_t at = bytes.find("IDAT"); at != std::string::npos; at = bytes.find("IDAT", at + 4)) ++chunks;
    CHECK(chunks >= 2);
}

TEST_CASE("render writes a PNG of the scene's size showing land and sea", "[render][png]") {
    Fixture f;
    const Scene s = lower_dnieper_scene();
    const auto file = f.out / "map.png";
    frontmap::render::render(s, f.style, f.basemap, file);

    PngImage png(file);
    REQUIRE(cairo_surface_status(png.surface) == CAIRO_STATUS_SUCCESS);
    CHECK(cairo_image_surface_get_width(png.surface) == s.width);
    CHECK(cairo_image_surface_get_height(png.surface) == s.height);

    std::set<uint32_t> colours;
    for (int y = 0; y < s.height; ++y)
        for (int x = 0; x < s.width; ++x) colours.insert(png.pixel(x, y));
    CHECK(colours.size() > 10);

    // The fixture's coast runs along 46°N: sea south of it, land north, where nothing else is drawn.
    const Projector p(s.crs, s.view, s.map_box);
    const auto sea = p.to_pixel(33.0, 45.7);
    const auto land = p.to_pixel(32.2, 47.7);
    CHECK(close_colour(png.pixel(static_cast<int>(sea.x), static_cast<int>(sea.y)), argb(f.style.sea)));
    CHECK(close_colour(png.pixel(static_cast<int>(land.x), static_cast<int>(land.y)), argb(f.style.land)));
}

TEST_CASE("render writes an SVG that is well-formed XML, whatever the label text", "[render][svg]") {
    Fixture f;
    const std::string text = GENERATE(std::string("Kherson"), kHostileText);
    CAPTURE(text);
    Scene s = lower_dnieper_scene(text);
    s.title = text + " title";
    const auto file = f.out / "map.svg";
    frontmap::render::render(s, f.style, f.basemap, file);
    CHECK(well_formed_svg(frontmap::test::read_bytes(file)));
}

namespace {

// Every element of an SVG document: its name, id and the text inside it.
struct SvgElement {
    std::string name, id, text;
};

std::vector<SvgElement> svg_elements(const std::string& bytes) {
    std::vector<SvgElement> out;
    xmlDocPtr doc = xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), "map.svg", nullptr,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
    if (!doc) return out;
    std::function<void(xmlNode*)> walk = [&](xmlNode* n) {
        for (; n; n = n->next) {
            if (n->type != XML_ELEMENT_NODE) continue;
            SvgElement e{reinterpret_cast<const char*>(n->name), "", ""};
            if (xmlChar* id = xmlGetProp(n, reinterpret_cast<const xmlChar*>("id"))) {
                e.id = reinterpret_cast<const char*>(id);
                xmlFree(id);
            }
            if (xmlChar* content = xmlNodeGetContent(n)) {
                e.text = reinterpret_cast<const char*>(content);
                xmlFree(content);
            }
            out.push_back(e);
            walk(n->children);
        }
    };
    walk(xmlDocGetRootElement(doc));
    xmlFreeDoc(doc);
    return out;
}

}  // namespace

TEST_CASE("the SVG has real text, named layer groups, a title and a description of the events", "[render][svg]") {
    Fixture f;
    Scene s = lower_dnieper_scene();
    const Projector p(s.crs, s.view, s.map_box);
    const auto c = p.to_pixel(33.6, 47.2);
    // Hostile article text in a callout: markup, a CDATA end, control and bidi characters, emoji.
    const std::string hostile = "4 killed <script>alert(1)</script> ]]> & \"q\" \x01\x1b \u202e\U0001F4A5";
    s.events.push_back(frontmap::scene::EventMark{.type = "strike", .side = "RU", .status = frontmap::scene::EventStatus::Denied, .symbol = frontmap::scene::EventSymbol::Icon, .place = "Kherson",
                                                  .lon = 33.6, .lat = 47.2, .icon = Box{c.x - 9, c.y - 9, 18, 18},
                                                  .callout = frontmap::scene::Callout{hostile, {c.x + 20, c.y - 10, 200, 20}, c}});
    const auto file = f.out / "map.svg";
    frontmap::render::render(s, f.style, f.basemap, file);
    const auto elements = svg_elements(frontmap::test::read_bytes(file));
    REQUIRE_FALSE(elements.empty());
    std::set<std::string> ids, texts;
    bool script = false;
    for (const auto& e : elements) {
        if (e.name == "g" && !e.id.empty()) ids.insert(e.id);
        if (e.name == "text") texts.insert(e.text);
        script = script || e.name == "script";
    }
    for (const char* layer : {"basemap", "water", "borders", "places", "events", "labels", "legend", "inset", "furniture"}) {
        CAPTURE(layer);
        CHECK(ids.count(layer));
    }
    CHECK(texts.count("Kherson"));
    CHECK(texts.count("Lower Dnieper"));
    CHECK_FALSE(script);
    bool callout = false;
    for (const auto& t : texts) callout = callout || t.find("4 killed <script>alert(1)</script> ]]> &") != std::string::npos;
    CHECK(callout);
    CHECK(elements.front().name == "svg");
    bool title = false, desc = false;
    for (const auto& e : elements) {
        title = title || (e.name == "title" && e.text == "Lower Dnieper");
        desc = desc || (e.name == "desc" && e.text.find("strike at Kherson") != std::string::npos);
    }
    CHECK(title);
    CHECK(desc);
}

TEST_CASE("admin-1 lines are drawn between units, never along a unit's outer edge, where the basemap has them", "[render][png]") {
    const bool lines_layer = GENERATE(false, true);
    CAPTURE(lines_layer);
    frontmap::test::TempDir dir;
    const frontmap::io::Basemap basemap{frontmap::test::write_fixture_basemap(dir / "basemap.gpkg", lines_layer)};
    const frontmap::style::Style style;
    const Scene s = lower_dnieper_scene();
    frontmap::render::render(s, style, basemap, dir / "map.png");
    PngImage png(dir / "map.png");
    REQUIRE(cairo_surface_status(png.surface) == CAIRO_STATUS_SUCCESS);
    const Projector p(s.crs, s.view, s.map_box);
    // Pixels off the land's colour along the unit's northern edge (47.6°N), inland, clear of rivers and labels.
    const auto marked_along = [&](double lat) {
        int marked = 0;
        for (double lon = 32.2; lon <= 32.8; lon += 0.01) {
            const auto at = p.to_pixel(lon, lat);
            for (int dy = -1; dy <= 1; ++dy)
                if (!close_colour(png.pixel(static_cast<int>(at.x), static_cast<int>(at.y) + dy), argb(style.land))) ++marked;
        }
        return marked;
    };
    CHECK(marked_along(47.3) == 0);  // not vacuous: plain land away from every line
    if (lines_layer) CHECK(marked_along(47.6) == 0);
    else CHECK(marked_along(47.6) > 0);  // an old basemap: the unit's ring, as before
    // The line between units (33.5°E in the lines layer) is drawn where the layer exists.
    int across = 0;
    for (double lat = 46.2; lat <= 46.7; lat += 0.01) {  // land, south of the lake and the river
        const auto at = p.to_pixel(33.5, lat);
        for (int dx = -1; dx <= 1; ++dx)
            if (!close_colour(png.pixel(static_cast<int>(at.x) + dx, static_cast<int>(at.y)), argb(style.land))) ++across;
    }
    if (lines_layer) CHECK(across > 0);
}

TEST_CASE("render writes a one-page PDF", "[render][pdf]") {
    Fixture f;
    const auto file = f.out / "map.pdf";
    frontmap::render::render(lower_dnieper_scene(), f.style, f.basemap, file);
    const std::string pdf = frontmap::test::read_bytes(file);
    CHECK(pdf.rfind("%PDF-", 0) == 0);
    CHECK(count_page_objects(pdf) == 1);
}

TEST_CASE("a PDF for print embeds every font it uses and carries its title and subject", "[render][pdf]") {
    Fixture f;
    const auto file = f.out / "map.pdf";
    frontmap::render::render(lower_dnieper_scene(), f.style, f.basemap, file);
    const std::string pdf = frontmap::test::read_bytes(file);
    // As pdffonts reads it: each font descriptor points at the font's own program.
    size_t fonts = 0;
    for (size_t at = pdf.find("/Type /FontDescriptor"); at != std::string::npos; at = pdf.find("/Type /FontDescriptor", at + 1)) {
        ++fonts;
        const size_t end = pdf.find(">>", at);
        CHECK(pdf.substr(at, end - at).find("/FontFile") != std::string::npos);
    }
    CHECK(fonts >= 1);
    CHECK(pdf.find("/Title (Lower Dnieper)") != std::string::npos);
    CHECK(pdf.find("/Subject") != std::string::npos);
}

// What a reader gets when copying from the PDF, as poppler's pdftotext reads it.
std::string pdf_text(const std::filesystem::path& pdf) {
    const std::string command = "pdftotext '" + pdf.string() + "' - 2>&1";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    REQUIRE(pipe);
    std::string out;
    char buffer[4096];
    for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe.get())) > 0;) out.append(buffer, n);
    return out;
}

size_t occurrences(const std::string& text, const std::string& word) {
    size_t n = 0;
    for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) ++n;
    return n;
}

TEST_CASE("a label's halo leaves its text once in a PDF, so copying it gives the name once", "[render][pdf]") {
    Fixture f;
    const auto file = f.out / "map.pdf";
    frontmap::render::render(lower_dnieper_scene(), f.style, f.basemap, file);
    const std::string text = pdf_text(file);
    CAPTURE(text);
    CHECK(occurrences(text, "Mykolaiv") == 1);
}

TEST_CASE("after a successful render only the output is left in its folder", "[render][files]") {
    Fixture f;
    const std::string name = GENERATE(as<std::string>{}, "map.png", "map.svg", "map.pdf");
    CAPTURE(name);
    frontmap::render::render(lower_dnieper_scene(), f.style, f.basemap, f.out / name);
    CHECK(files_in(f.out.path()) == std::vector<std::string>{name});
}

TEST_CASE("render replaces an existing output", "[render][files]") {
    Fixture f;
    const auto file = f.out / "map.svg";
    frontmap::test::write_bytes(file, "old");
    frontmap::render::render(lower_dnieper_scene(), f.style, f.basemap, file);
    CHECK(well_formed_svg(frontmap::test::read_bytes(file)));
    CHECK(files_in(f.out.path()) == std::vector<std::string>{"map.svg"});
}

TEST_CASE("render to an unknown extension is a UsageError and writes nothing", "[render][errors]") {
    Fixture f;
    CHECK_THROWS_AS(frontmap::render::render(lower_dnieper_scene(), f.style, f.basemap, f.out / "map.txt"), frontmap::UsageError);
    CHECK(files_in(f.out.path()).empty());
}

TEST_CASE("render into a folder that does not exist fails and leaves no file", "[render][errors]") {
    Fixture f;
    const auto missing = f.out / "no-such-folder";
    try {
        frontmap::render::render(lower_dnieper_scene(), f.style, f.basemap, missing / "map.png");
        FAIL("rendered into a missing folder");
    } catch (const frontmap::Error& e) {
        CHECK_THAT(std::string(e.what()), Catch::Contains("no-such-folder"));
    }
    CHECK_FALSE(fs::exists(missing));
    CHECK(files_in(f.out.path()).empty());
}

TEST_CASE("a render that fails half-way leaves no file behind", "[render][errors]") {
    Fixture f;
    const std::string name = GENERATE(as<std::string>{}, "map.png", "map.svg", "map.pdf");
    CAPTURE(name);
    Scene s = lower_dnieper_scene();
    s.detail = "i";  // the fixture basemap has no "i" layers: drawing stops with a DataError
    CHECK_THROWS_AS(frontmap::render::render(s, f.style, f.basemap, f.out / name), frontmap::DataError);
    CHECK(files_in(f.out.path()).empty());
}

TEST_CASE("render draws each event in its side's colour: an icon solid, a claimed one hollow, an arrow and a hatched area", "[render][events]") {
    Fixture f;
    Scene s = lower_dnieper_scene();
    s.legend.clear();
    const Projector p(s.crs, s.view, s.map_box);
    auto icon_box = [&](double lon, double lat) {
        const auto c = p.to_pixel(lon, lat);
        return Box{c.x - 9, c.y - 9, 18, 18};
    };
    using frontmap::scene::EventMark;
    s.events.push_back(EventMark{.type = "explosion", .side = "UA", .status = frontmap::scene::EventStatus::Reported, .symbol = frontmap::scene::EventSymbol::Icon, .lon = 33.6, .lat = 47.2,
                                 .icon = icon_box(33.6, 47.2)});
    s.events.push_back(EventMark{.type = "explosion", .side = "RU", .status = frontmap::scene::EventStatus::Claimed, .symbol = frontmap::scene::EventSymbol::Icon, .lon = 34.3, .lat = 47.2,
                                 .icon = icon_box(34.3, 47.2)});
    s.events.push_back(EventMark{.type = "advance", .side = "RU", .status = frontmap::scene::EventStatus::Reported, .symbol = frontmap::scene::EventSymbol::Arrow, .lon = 34.0, .lat = 46.3,
                                 .line = {{34.6, 46.3}, {33.4, 46.3}}});
    s.events.push_back(EventMark{.type = "recapture", .side = "UA", .status = frontmap::scene::EventStatus::Reported, .symbol = frontmap::scene::EventSymbol::Area, .lon = 32.2, .lat = 47.0,
                                 .rings = {{{31.6, 46.8}, {32.8, 46.8}, {32.8, 47.3}, {31.6, 47.3}, {31.6, 46.8}}}});
    const auto file = f.out / "events.png";
    frontmap::render::render(s, f.style, f.basemap, file);
    PngImage png(file);
    const uint32_t ua = argb(f.style.sides.at("UA")), ru = argb(f.style.sides.at("RU"));
    // A solid disc is the side's colour beside its white glyph; a claimed one is white inside.
    const auto solid = p.to_pixel(33.6, 47.2);
    CHECK(close_colour(png.pixel(static_cast<int>(solid.x) - 7, static_cast<int>(solid.y)), ua));
    const auto hollow = p.to_pixel(34.3, 47.2);
    CHECK(close_colour(png.pixel(static_cast<int>(hollow.x) - 7, static_cast<int>(hollow.y)), 0xffffffff));
    // The arrow's body, midway, is the side's colour (it bows a little to one side).
    const auto mid = p.to_pixel(34.0, 46.3);
    bool arrow = false;
    for (int dy = -15; dy <= 15; ++dy) arrow = arrow || close_colour(png.pixel(static_cast<int>(mid.x), static_cast<int>(mid.y) + dy), ru);
    CHECK(arrow);
    // The hatched area shows its side's colour somewhere along a row through it.
    const auto left = p.to_pixel(31.7, 47.05), right = p.to_pixel(32.7, 47.05);
    bool hatched = false;
    for (int x = static_cast<int>(left.x); x < static_cast<int>(right.x); ++x) {
        const uint32_t c = png.pixel(x, static_cast<int>(left.y));
        const int blue = static_cast<int>(c & 0xff), red = static_cast<int>((c >> 16) & 0xff);
        hatched = hatched || (blue - red > 60);
    }
    CHECK(hatched);
}

TEST_CASE("the colours events and furniture are drawn in come from the style: a claimed face, the map's frame", "[render][events][style]") {
    Fixture f;
    Scene s = lower_dnieper_scene();
    s.legend.clear();
    const Projector p(s.crs, s.view, s.map_box);
    const auto at = p.to_pixel(34.3, 47.2);
    s.events.push_back(frontmap::scene::EventMark{.type = "explosion", .side = "RU", .status = frontmap::scene::EventStatus::Claimed, .symbol = frontmap::scene::EventSymbol::Icon, .lon = 34.3,
                                                  .lat = 47.2, .icon = Box{at.x - 9, at.y - 9, 18, 18}});
    const auto restyled = frontmap::style::parse(R"({"symbol_rim": "#ffd700", "map_frame": {"colour": "#00a000", "width": 3}})", "test.json");
    const auto file = f.out / "restyled.png";
    frontmap::render::render(s, restyled, f.basemap, file);
    PngImage png(file);
    // Inside the claimed disc, beside its glyph: the style's rim colour, not white.
    CHECK(close_colour(png.pixel(static_cast<int>(at.x) - 7, static_cast<int>(at.y)), argb(restyled.symbol_rim)));
    // The frame along the map's left edge, halfway down.
    const int frame_x = static_cast<int>(s.map_box.x) + 1, frame_y = static_cast<int>(s.map_box.y + s.map_box.h / 2);
    CHECK(close_colour(png.pixel(frame_x, frame_y), argb(restyled.map_frame.colour)));
}

TEST_CASE("write_png keeps every pixel, straight alpha where there is transparency, RGB where there is none", "[render][png]") {
    frontmap::test::TempDir dir;
    for (const double alpha : {1.0, 0.4}) {
        CAPTURE(alpha);
        cairo_surface_t* image = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 40, 30);
        cairo_t* cr = cairo_create(image);
        cairo_set_source_rgba(cr, 0.9, 0.85, 0.7, alpha);
        cairo_paint(cr);
        cairo_set_source_rgb(cr, 0.1, 0.3, 0.8);
        cairo_rectangle(cr, 5, 5, 10, 10);
        cairo_fill(cr);
        cairo_destroy(cr);
        const auto file = dir / "out.png";
        frontmap::io::write_file_atomically(file, frontmap::render::png_bytes(image, "test image"));
        cairo_surface_t* back = cairo_image_surface_create_from_png(file.c_str());
        REQUIRE(cairo_surface_status(back) == CAIRO_STATUS_SUCCESS);
        // Cairo reads RGB as RGB24 and RGBA as ARGB32: the file is RGB only when nothing is see-through.
        CHECK((cairo_image_surface_get_format(back) == CAIRO_FORMAT_RGB24) == (alpha == 1.0));
        cairo_surface_flush(image);
        for (int y = 0; y < 30; ++y)
            for (int x = 0; x < 40; ++x) {
                const auto at = [&](cairo_surface_t* s) {
                    const auto* row = reinterpret_cast<const uint32_t*>(cairo_image_surface_get_data(s) + y * cairo_image_surface_get_stride(s));
                    return row[x];
                };
                const uint32_t a = at(image), b = at(back);
                for (int shift : {0, 8, 16})
                    CHECK(std::abs(static_cast<int>((a >> shift) & 0xFF) - static_cast<int>((b >> shift) & 0xFF)) <= 1);
                if (alpha == 1.0) continue;
                CHECK((a >> 24) == (b >> 24));
            }
        cairo_surface_destroy(back);
        cairo_surface_destroy(image);
    }
}

TEST_CASE("a map drawn after another on the same thread is the map drawn alone, on any paper", "[render][png]") {
    Fixture f;
    const Scene big = lower_dnieper_scene();
    Scene small = lower_dnieper_scene();
    small.features.clear();
    small.legend.clear();
    small.inset.reset();
    const std::string paper = GENERATE(std::string("#ffffff"), std::string("#00000000"), std::string("#ff000080"));
    CAPTURE(paper);
    f.style.paper = frontmap::style::parse_colour(paper);
    f.style.sea = f.style.paper;
    std::string alone;
    // A thread of its own starts with no canvas kept from an earlier map.
    std::thread([&] { alone = frontmap::render::render_bytes(small, f.style, f.basemap, Format::Png); }).join();
    (void)frontmap::render::render_bytes(big, f.style, f.basemap, Format::Png);
    CHECK(frontmap::render::render_bytes(small, f.style, f.basemap, Format::Png) == alone);
}

TEST_CASE("the basemap answers by its index and attributes: a filter, an exact test of lines near the map, a bad filter named", "[io][basemap]") {
    Fixture f;
    const frontmap::BBox south{30, 45, 36, 48};
    const auto big = f.basemap.read("places", south, "population >= 100000");
    std::set<std::string> names, expected;
    for (const auto& town : big) names.insert(town.name);
    for (const auto& town : frontmap::test::fixture_basemap_places())
        if (town.population >= 100000 && town.lon >= 30 && town.lon <= 36 && town.lat >= 45 && town.lat <= 48) expected.insert(town.name);
    REQUIRE(expected.size() >= 3);
    CHECK(names == expected);
    for (const auto& town : big) CHECK(town.population >= 100000);

    CHECK(f.basemap.has_features("places", south));
    CHECK_FALSE(f.basemap.has_features("places", {0, 0, 1, 1}));
    CHECK_FALSE(f.basemap.has_features("no_such_layer", south));
    CHECK_THROWS_AS(f.basemap.read("no_such_layer", south), frontmap::DataError);
    CHECK_THROWS_WITH(f.basemap.read("places", south, "population >>> 3"), Catch::Contains("population >>> 3"));
}

TEST_CASE("a basemap without spatial indexes reads the same features, only slower", "[io][basemap]") {
    Fixture f;
    const frontmap::BBox box{31, 46, 34, 47.5};
    const auto indexed = f.basemap.read("places", box);
    const fs::path copy = f.dir / "plain.gpkg";
    fs::copy_file(f.dir / "basemap.gpkg", copy);
    {
        auto db = frontmap::sqlite::open(copy.string(), true);
        frontmap::sqlite::exec(db.get(), "DROP TABLE rtree_places_geom");
    }
    const frontmap::io::Basemap plain(copy);
    const auto scanned = plain.read("places", box);
    REQUIRE(indexed.size() >= 3);
    REQUIRE(scanned.size() == indexed.size());
    for (size_t i = 0; i < indexed.size(); ++i) CHECK(scanned[i].name == indexed[i].name);
}
