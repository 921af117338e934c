#include "common/error.hpp"
#include "fixtures.hpp"
#include "style/style.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using frontmap::InputError;
using frontmap::style::Colour;
using frontmap::style::Style;

namespace {

const std::filesystem::path kStylesDir = std::filesystem::path(FRONTMAP_SOURCE_DIR) / "styles";

bool same(const Colour& a, const Colour& b) {
    return a.r == Approx(b.r) && a.g == Approx(b.g) && a.b == Approx(b.b) && a.a == Approx(b.a);
}

}  // namespace

TEST_CASE("parse_colour reads #rrggbb and #rrggbbaa", "[style]") {
    const Colour red = frontmap::style::parse_colour("#ff0000");
    CHECK(same(red, {1, 0, 0, 1}));
    const Colour half_grey = frontmap::style::parse_colour("#80808080");
    CHECK(half_grey.r == Approx(128 / 255.0));
    CHECK(half_grey.a == Approx(128 / 255.0));
    CHECK(same(frontmap::style::parse_colour("#FFFFFF"), frontmap::style::parse_colour("#ffffff")));
}

TEST_CASE("parse_colour reads what a designer types: CSS names and short hex forms", "[style]") {
    CHECK(same(frontmap::style::parse_colour("red"), {1, 0, 0, 1}));
    CHECK(same(frontmap::style::parse_colour("SteelBlue"), frontmap::style::parse_colour("#4682b4")));
    CHECK(same(frontmap::style::parse_colour("#fff"), {1, 1, 1, 1}));
    CHECK(frontmap::style::parse_colour("#0f08").a == Approx(0x88 / 255.0));
}

TEST_CASE("a bad colour is an InputError that quotes it", "[style][errors]") {
    const std::string bad = GENERATE(as<std::string>{}, "reddish", "#12345", "#1234567", "#gg0000", "ff0000", "", "#ff0000 ", std::string(100, 'a'));
    CAPTURE(bad);
    try {
        frontmap::style::parse_colour(bad);
        FAIL("accepted");
    } catch (const InputError& e) {
        CHECK_THAT(std::string(e.what()), Catch::Contains("'" + bad + "'"));
    }
}

TEST_CASE("a colour with a NUL inside is refused, not read up to the NUL", "[style][errors]") {
    CHECK_THROWS_AS(frontmap::style::parse_colour(std::string("#ff0000\0#00ff00", 15)), InputError);
    CHECK_THROWS_AS(frontmap::style::parse(std::string(R"({"sea": "red\u0000"})"), "nul.json"), InputError);
}

TEST_CASE("a style states only what it changes, the rest keeps the defaults", "[style]") {
    const Style defaults;
    const Style s = frontmap::style::parse(R"({
        "name": "test",
        "sea": "#000080",
        "border": {"width": 2.5},
        "label": {"size": 20, "italic": true},
        "halo_width": 1.5
    })", "test.json");

    CHECK(s.name == "test");
    CHECK(same(s.sea, {0, 0, 128 / 255.0, 1}));
    CHECK(s.border.width == 2.5);
    CHECK(same(s.border.colour, defaults.border.colour));  // a stroke's unstated keys stay default too
    CHECK(s.border.dash == defaults.border.dash);
    CHECK(s.label.size == 20);
    CHECK(s.label.italic);
    CHECK(s.label.bold == defaults.label.bold);
    CHECK(s.label.family == defaults.label.family);
    CHECK(s.halo_width == 1.5);

    CHECK(same(s.land, defaults.land));
    CHECK(same(s.paper, defaults.paper));
    CHECK(s.admin1.dash == defaults.admin1.dash);
    CHECK(s.place.radius == defaults.place.radius);
    CHECK(same(s.place.fill, defaults.place.fill));
    CHECK(s.title.size == defaults.title.size);
    CHECK(same(s.halo, defaults.halo));
}

TEST_CASE("a style sets how strongly event symbols are laid down, each a fraction from 0 to 1", "[style][events]") {
    const Style defaults;
    const Style s = frontmap::style::parse(R"({"event_opacity": {"area_fill": 0.2, "claimed_hatch": 0}})", "test.json");
    CHECK(s.event_opacity.area_fill == 0.2);
    CHECK(s.event_opacity.claimed_hatch == 0);
    CHECK(s.event_opacity.area_hatch == defaults.event_opacity.area_hatch);
    CHECK_THROWS_WITH(frontmap::style::parse(R"({"event_opacity": {"area_fill": 1.5}})", "test.json"),
                      Catch::Contains("/event_opacity/area_fill") && Catch::Contains("a number from 0 to 1, not 1.5"));
    CHECK_THROWS_WITH(frontmap::style::parse(R"({"event_opacity": {"area_fil": 0.1}})", "test.json"), Catch::Contains("area_fil"));
}

TEST_CASE("an empty style object is the default style", "[style]") {
    const Style defaults;
    const Style s = frontmap::style::parse("{}", "empty.json");
    CHECK(s.name == defaults.name);
    CHECK(same(s.sea, defaults.sea));
    CHECK(s.river.width == defaults.river.width);
    CHECK(s.label.size == defaults.label.size);
}

TEST_CASE("a style that is not a JSON object of the right types is an InputError naming it", "[style][errors]") {
    const std::string text = GENERATE(as<std::string>{},
                                      "",
                                      "not json at all",
                                      "{\"sea\": \"#000000\",",        // truncated
                                      "[\"#000000\"]",                 // an array
                                      "{\"sea\": 42}",                 // colour of the wrong type
                                      "{\"halo_width\": \"wide\"}",    // number of the wrong type
                                      "{\"label\": {\"bold\": \"yes\"}}",
                                      "{\"admin1\": {\"dash\": \"3,2\"}}");
    CAPTURE(text);
    try {
        frontmap::style::parse(text, "broken.json");
        FAIL("accepted");
    } catch (const InputError& e) {
        CHECK_THAT(std::string(e.what()), Catch::Contains("broken.json"));
    }
}

// Every other style error names the file; a user with a typo in one colour of a long style
// file needs to know which file (and ideally which key) to fix.
TEST_CASE("a bad colour in a style is an InputError naming the style, the key and the value", "[style][errors]") {
    try {
        frontmap::style::parse(R"({"land": "#f7f5f0", "sea": "bluish"})", "broken.json");
        FAIL("accepted");
    } catch (const InputError& e) {
        CHECK_THAT(std::string(e.what()), Catch::Contains("\"bluish\""));
        CHECK_THAT(std::string(e.what()), Catch::Contains("/sea"));
        CHECK_THAT(std::string(e.what()), Catch::Contains("broken.json"));
    }
}

// What a user who mistypes a style needs: where, and what was expected.
TEST_CASE("a style's errors say where: the line and column of a syntax error, the path and type of a bad value, the key a typo meant", "[style][errors]") {
    const auto error_of = [](const std::string& text) {
        try {
            frontmap::style::parse(text, "mine.json");
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string("accepted");
    };
    CHECK_THAT(error_of("{\n  \"sea\": \"#ffffff\",\n  \"land\" \"#eeeeee\"\n}"), Catch::Contains("syntax error at line 3, column"));
    CHECK_THAT(error_of(R"({"coast": "blue"})"), Catch::Contains("/coast: expected an object"));
    CHECK_THAT(error_of(R"({"coast": {"width": "wide"}})"), Catch::Contains("/coast/width: expected a number"));
    CHECK_THAT(error_of(R"({"label": {"size": 1e308}})"), Catch::Contains("/label/size: expected a number from 1 to 500"));
    CHECK_THAT(error_of(R"({"label": {"size": -4}})"), Catch::Contains("/label/size"));
    CHECK_THAT(error_of(R"({"coats": {"width": 1}})"), Catch::Contains("/coats: no such setting (did you mean \"coast\"?)"));
    CHECK_THAT(error_of(R"({"border": {"colour": "#000000", "widht": 1}})"), Catch::Contains("did you mean \"width\""));
    CHECK_THAT(error_of(R"({"furniture": "no"})"), Catch::Contains("/furniture: expected true or false"));
    CHECK(error_of(R"({"_note": "a comment key is allowed", "sea": "#ffffff"})") == "accepted");
    // Found by fuzz_style: a number past a double's range was the JSON library's exception.
    CHECK_THAT(error_of(R"({"halo_width": 1e2226})"), Catch::Contains("a number is too large"));
    // Every named style in the repository still reads.
    for (const char* name : {"default", "dark", "ref1"}) CHECK_NOTHROW(frontmap::style::load(name, kStylesDir));
}

TEST_CASE("load finds a named style in the styles folder", "[style]") {
    const Style s = frontmap::style::load("default", kStylesDir);
    CHECK(s.name == "default");
}

TEST_CASE("load reads a style by path", "[style]") {
    frontmap::test::TempDir dir;
    const auto file = dir / "mine.json";
    frontmap::test::write_bytes(file, R"({"name": "mine", "land": "#102030"})");
    const Style s = frontmap::style::load(file.string(), kStylesDir);
    CHECK(s.name == "mine");
    CHECK(same(s.land, frontmap::style::parse_colour("#102030")));
}

TEST_CASE("load of an unknown style is an InputError naming the file it looked for", "[style][errors]") {
    try {
        frontmap::style::load("no-such-style", kStylesDir);
        FAIL("accepted");
    } catch (const InputError& e) {
        CHECK_THAT(std::string(e.what()), Catch::Contains("no-such-style"));
    }
}

TEST_CASE("every style shipped in styles/ parses and names itself after its file", "[style]") {
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(kStylesDir)) {
        if (entry.path().extension() != ".json") continue;
        const std::string stem = entry.path().stem().string();
        CAPTURE(stem);
        Style s;
        REQUIRE_NOTHROW(s = frontmap::style::load(stem, kStylesDir));
        CHECK(s.name == stem);
        ++count;
    }
    CHECK(count >= 2);  // default and dark at least
}

TEST_CASE("side colours: the style's table first, then the palette in order of appearance, neutral for no side", "[style][events]") {
    frontmap::style::Style s;
    s.sides = {{"RU", frontmap::style::parse_colour("#c8102e")}};
    s.side_palette = {frontmap::style::parse_colour("#c8102e"), frontmap::style::parse_colour("#1f5fa8"),
                      frontmap::style::parse_colour("#2e8b57")};
    const frontmap::style::SideColours colours(s, {"RSF", "RU", "SD", ""});
    auto hex = [](const frontmap::style::Colour& c) { return std::lround(c.r * 255) * 65536 + std::lround(c.g * 255) * 256 + std::lround(c.b * 255); };
    CHECK(hex(colours.of("RU")) == 0xc8102e);
    CHECK(hex(colours.of("RSF")) == 0x1f5fa8);  // the palette's red is RU's: skipped
    CHECK(hex(colours.of("SD")) == 0x2e8b57);
    CHECK(hex(colours.of("")) == hex(s.neutral));
    CHECK(hex(colours.of("M23")) == hex(s.neutral));  // a side the map does not show
}

TEST_CASE("a style may ask for the best antialiasing of the basemap, and a column graphic's type from its own settings", "[style]") {
    const Style s = frontmap::style::parse(R"({"fast_basemap_antialias": false, "compact_below_px": 600, "compact_type_scale": 0.5})", "print.json");
    CHECK_FALSE(s.fast_basemap_antialias);
    CHECK(Style{}.fast_basemap_antialias);
    // 500 px is a column graphic under this style: its headline at half size, never under the floor.
    const Style column = frontmap::style::for_width(s, 500);
    CHECK(column.title.size == Approx(s.title.size * 0.5));
    CHECK(column.small.size == Approx(s.compact_min_type_px));
    CHECK(frontmap::style::for_width(s, 600).title.size == Approx(s.title.size));
}

TEST_CASE("a style may draw a plain reference map: no furniture, land from the countries, every town of a size", "[style]") {
    const Style s = frontmap::style::parse(R"({"furniture": false, "rivers": false, "land_from": "countries",
        "towns_min_population": 20000, "town_label_gap": 2, "context": {"stroke_width": 0}})", "ref.json");
    CHECK_FALSE(s.furniture);
    CHECK_FALSE(s.rivers);
    CHECK(s.water_labels);
    CHECK(s.land_from == "countries");
    CHECK(s.towns_min_population == 20000);
    CHECK(s.town_label_gap == 2);
    CHECK(s.context.stroke_width == 0);
    const Style defaults;
    CHECK(defaults.furniture);
    CHECK(defaults.land_from == "shore");
    CHECK_THROWS_WITH(frontmap::style::parse(R"({"land_from": "ocean"})", "bad.json"), Catch::Contains("ocean"));
}
