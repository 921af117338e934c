// Golden images: maps of fixture stories drawn to PNG and compared with references in
// tests/golden/. A reference that is missing fails the test; so does one that differs in more
// than a small share of pixels, and then the drawn image and a diff (changed pixels in red) are
// written to golden-diff/ in the test's working folder. Set FRONTMAP_UPDATE_GOLDEN=1 to write the
// references anew after a deliberate change, and look at every one before committing it.
#include "basemap_fixture.hpp"
#include "fixtures.hpp"
#include "render/render.hpp"
#include "render/text.hpp"
#include "scene/build.hpp"
#include "story_fixture.hpp"

#include <cairo.h>
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>

namespace fs = std::filesystem;
using frontmap::scene::EventSubject;
using frontmap::scene::NamedPoint;

namespace {

const fs::path kGoldenDir = fs::path(FRONTMAP_SOURCE_DIR) / "tests" / "golden";
constexpr int kChannelTolerance = 40;        // anti-aliasing and font hinting differ by a few levels
constexpr double kMaxChangedShare = 0.0002;  // of all pixels: one changed word of a legend line (0.00085) fails

struct Image {
    cairo_surface_t* surface;
    explicit Image(const fs::path& file) : surface(cairo_image_surface_create_from_png(file.string().c_str())) {}
    Image(int w, int h) : surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h)) {}
    ~Image() { cairo_surface_destroy(surface); }
    Image(const Image&) = delete;
    Image& operator=(const Image&) = delete;
    bool ok() const { return cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS; }
    int width() const { return cairo_image_surface_get_width(surface); }
    int height() const { return cairo_image_surface_get_height(surface); }
    uint32_t* row(int y) const {
        return reinterpret_cast<uint32_t*>(cairo_image_surface_get_data(surface) + y * cairo_image_surface_get_stride(surface));
    }
};

bool differs(uint32_t a, uint32_t b) {
    for (int shift : {0, 8, 16, 24})
        if (std::abs(static_cast<int>((a >> shift) & 0xff) - static_cast<int>((b >> shift) & 0xff)) > kChannelTolerance) return true;
    return false;
}

struct Story {
    std::string name;
    std::vector<frontmap::scene::Subject> places;
    std::vector<EventSubject> events;
    int width = 1200, height = 800;
};

EventSubject at(const std::string& type, const std::string& side, const std::string& place, double lon, double lat) {
    return {.type = type, .side = side, .status = frontmap::scene::EventStatus::Reported, .place = place, .place_type = "city", .country = "UA", .lon = lon, .lat = lat};
}

std::vector<Story> stories() {
    const auto places = frontmap::test::kherson_story();
    std::vector<Story> out;
    out.push_back({"kherson-events", places, frontmap::test::kherson_events()});
    // Every icon and both flags, on both sides, spread over the lower Dnieper.
    std::vector<EventSubject> icons;
    const char* types[] = {"strike", "shelling", "attack", "explosion", "evacuation", "flooding", "fortification", "other", "capture", "recapture"};
    for (int i = 0; i < 10; ++i)
        icons.push_back(at(types[i], i % 2 ? "RU" : "UA", "site " + std::to_string(i + 1), 31.9 + 0.33 * i, i % 2 ? 46.95 : 46.45));
    out.push_back({"every-symbol", places, icons});
    // A claimed capture, a denied strike with its toll, and a withdrawal toward home.
    auto capture = at("capture", "RU", "Snihurivka", 32.8062, 47.0754);
    capture.status = frontmap::scene::EventStatus::Claimed;
    capture.claimed_by = "Russia's defence ministry";
    capture.claimed_side = "RU";
    auto strike = at("strike", "RU", "Mykolaiv", 31.9946, 46.9659);
    strike.status = frontmap::scene::EventStatus::Denied;
    strike.killed = 7;
    strike.wounded = 22;
    strike.claimed_by = "the regional governor";
    strike.denied_by = "Moscow";
    strike.denied_side = "RU";
    auto withdrawal = at("withdrawal", "RU", "Kherson", 32.6178, 46.65581);
    withdrawal.side_home = NamedPoint{"Russia", 96.6, 61.9};
    out.push_back({"claims-and-withdrawal", places, {capture, strike, withdrawal}});
    // A long advance from Nikopol down the Dnieper to Kherson, on a narrow map.
    auto advance = at("advance", "UA", "Kherson", 32.6178, 46.65581);
    advance.toward = NamedPoint{"Kherson", 32.6178, 46.65581};
    advance.along = "Dnieper";
    advance.along_course = places[5].course;
    advance.from = NamedPoint{"Nikopol", 34.35, 47.57};
    out.push_back({"long-river-arrow", places, {advance}, 600, 800});
    // Events nobody is named for: the neutral colour, and a zone for a vague place.
    auto flood = at("flooding", "", "Nova Kakhovka", 33.3469, 46.7545);
    flood.geo_precision = 3;
    auto blast = at("explosion", "", "Kherson", 32.6178, 46.65581);
    blast.geo_precision = 2;
    blast.killed = 2;
    out.push_back({"no-side", places, {flood, blast}});
    // Everything at once on a small map: icons set apart, the legend in a free corner.
    auto crowded = frontmap::test::kherson_events();
    crowded.push_back(strike);
    crowded.push_back(capture);
    out.push_back({"small-crowded", places, crowded, 640, 480});
    return out;
}

void write_diff(const Image& actual, const Image& expected, const fs::path& file) {
    Image diff(actual.width(), actual.height());
    cairo_surface_flush(diff.surface);
    for (int y = 0; y < actual.height(); ++y)
        for (int x = 0; x < actual.width(); ++x) {
            const uint32_t a = actual.row(y)[x];
            const bool same = y < expected.height() && x < expected.width() && !differs(a, expected.row(y)[x]);
            // Unchanged pixels faded to grey, changed ones red.
            const uint32_t grey = 0xff000000u | (0xe0u << 16) | (0xe0u << 8) | 0xe0u;
            diff.row(y)[x] = same ? grey : 0xffff0000u;
        }
    cairo_surface_mark_dirty(diff.surface);
    cairo_surface_write_to_png(diff.surface, file.string().c_str());
}

}  // namespace

TEST_CASE("maps of fixture stories match their golden images", "[render][golden]") {
    frontmap::test::TempDir dir;
    const frontmap::io::Basemap basemap(frontmap::test::write_fixture_basemap(dir / "basemap.gpkg"));
    const frontmap::style::Style style;
    const frontmap::render::PangoMeasure measure;
    const bool update = std::getenv("FRONTMAP_UPDATE_GOLDEN") != nullptr;
    for (const auto& story : stories()) {
        CAPTURE(story.name);
        const auto scene = frontmap::scene::build({story.places, story.events}, basemap, style, measure,
                                                  {.width = story.width, .height = story.height, .as_of = "2022-10-21", .source = "Fixture Wire"});
        const fs::path drawn = dir / (story.name + ".png");
        frontmap::render::render(scene, style, basemap, drawn);
        const fs::path reference = kGoldenDir / (story.name + ".png");
        if (update) fs::copy_file(drawn, reference, fs::copy_options::overwrite_existing);
        INFO("reference " << reference.string());
        REQUIRE(fs::exists(reference));  // a missing reference is a failure, never a new reference
        const Image actual(drawn), expected(reference);
        REQUIRE(actual.ok());
        REQUIRE(expected.ok());
        size_t changed = 0;
        const bool same_size = actual.width() == expected.width() && actual.height() == expected.height();
        if (same_size)
            for (int y = 0; y < actual.height(); ++y)
                for (int x = 0; x < actual.width(); ++x) changed += differs(actual.row(y)[x], expected.row(y)[x]) ? 1 : 0;
        const double share = same_size ? static_cast<double>(changed) / (actual.width() * actual.height()) : 1.0;
        if (share > kMaxChangedShare) {
            const fs::path out = fs::current_path() / "golden-diff";
            fs::create_directories(out);
            fs::copy_file(drawn, out / (story.name + ".actual.png"), fs::copy_options::overwrite_existing);
            write_diff(actual, expected, out / (story.name + ".diff.png"));
            INFO("drawn and diff images in " << out.string());
            CHECK(share <= kMaxChangedShare);
        }
    }
}
