// The public API (include/frontmap/frontmap.hpp) as a report generator would call it: the same
// maps as the command line, as bytes in memory.
#include "cli/app.hpp"
#include "frontmap/frontmap.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

const fs::path kExample = fs::path(FRONTMAP_SOURCE_DIR) / "examples" / "kherson-advance.txt";

std::string read_bytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Run {
    int code;
    std::string out, err;
};

Run run(const std::vector<std::string>& args) {
    std::ostringstream out, err;
    const int code = frontmap::cli::run(args, out, err);
    return {code, out.str(), err.str()};
}

}  // namespace

TEST_CASE("the library draws an article's map as the bytes the command line writes", "[library]") {
    const std::string article = read_bytes(kExample);
    frontmap::MapMaker maker;
    frontmap::MapOptions options;
    options.date = "2022-10-21";
    const std::string png = maker.map(article, options, frontmap::Format::Png);
    REQUIRE(png.rfind("\x89PNG\r\n\x1A\n", 0) == 0);

    const fs::path file = fs::temp_directory_path() / ("frontmap-library-" + std::to_string(::getpid()) + ".png");
    const Run r = run({"map", kExample.string(), "--date", "2022-10-21", "-o", file.string()});
    REQUIRE(r.code == 0);
    CHECK(read_bytes(file) == png);
    fs::remove(file);

    // A scene drawn later, as an editor would after changing it, is the same map.
    CHECK(maker.render(maker.scene(article, options), frontmap::Format::Png) == png);
    const std::string svg = maker.map(article, options, frontmap::Format::Svg);
    CHECK(svg.find("<svg") != std::string::npos);
    CHECK(svg.find("<title>") != std::string::npos);
    CHECK(maker.map(article, options, frontmap::Format::Pdf).rfind("%PDF", 0) == 0);
}

TEST_CASE("the library makes an article's maps in several formats from one scene, with caption and alt text", "[library]") {
    const std::string article = read_bytes(kExample);
    frontmap::MapMaker maker;
    frontmap::MapOptions options;
    options.date = "2022-10-21";
    const frontmap::MapSet set = maker.maps(article, options, {frontmap::Format::Png, frontmap::Format::Svg});
    REQUIRE(set.files.size() == 2);
    CHECK(set.files[0] == maker.map(article, options, frontmap::Format::Png));
    CHECK(set.files[1] == maker.map(article, options, frontmap::Format::Svg));
    CHECK(set.scene == maker.scene(article, options));
    CHECK(set.caption == maker.caption(set.scene));
    CHECK(set.alt_text == maker.alt_text(set.scene));
    CHECK_THAT(set.caption, Catch::Contains("As of 21 October 2022"));
    CHECK_THAT(set.alt_text, Catch::StartsWith("Map: ") && Catch::Contains("Kherson"));
    CHECK(set.events > 0);
    CHECK(set.places > 0);
}

TEST_CASE("the library refuses bad input with frontmap's own errors", "[library][errors]") {
    frontmap::MapMaker maker;
    CHECK_THROWS_AS(maker.map("Kherson \xff\xfe city"), frontmap::InputError);
    CHECK_THROWS_AS(maker.map("   \n"), frontmap::InputError);
    CHECK_THROWS_AS(maker.render("{not json", frontmap::Format::Svg), frontmap::InputError);
    CHECK_THROWS_AS(frontmap::format_named("gif"), frontmap::UsageError);
    CHECK(frontmap::format_named("SVG") == frontmap::Format::Svg);
    CHECK_THROWS_AS(frontmap::MapMaker(fs::temp_directory_path() / "no-such-frontmap-data"), frontmap::DataError);
}

TEST_CASE("-o - writes the map to standard output in the format --format names", "[cli][library]") {
    const Run svg = run({"map", kExample.string(), "-o", "-", "--format", "svg"});
    REQUIRE(svg.code == 0);
    CHECK(svg.out.rfind("<?xml", 0) == 0);
    CHECK(svg.out.find("</svg>") != std::string::npos);
    const Run png = run({"map", kExample.string(), "-o", "-", "--format", "png"});
    REQUIRE(png.code == 0);
    CHECK(png.out.rfind("\x89PNG", 0) == 0);

    const Run unsaid = run({"map", kExample.string(), "-o", "-"});
    CHECK(unsaid.code == 2);
    CHECK(unsaid.err.find("needs --format") != std::string::npos);
    const Run clash = run({"map", kExample.string(), "-o", "a.png", "--format", "pdf"});
    CHECK(clash.code == 2);
    CHECK(clash.err.find("another format") != std::string::npos);
    CHECK_FALSE(fs::exists("a.png"));
}
