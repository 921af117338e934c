// `frontmap batch`: many articles into one folder, a manifest line each, one bad article never
// stopping the rest.
#include "cli/app.hpp"

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const fs::path kExample = fs::path(FRONTMAP_SOURCE_DIR) / "examples" / "kherson-advance.txt";
const fs::path kSample = fs::path(FRONTMAP_SOURCE_DIR) / "tests" / "e2e" / "articles" / "kherson-fortress.txt";

struct Folder {
    fs::path path = fs::temp_directory_path() / ("frontmap-batch-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    Folder() {
        fs::create_directories(path / "in");
        fs::create_directories(path / "out");
    }
    ~Folder() { fs::remove_all(path); }
    static inline int counter = 0;
};

struct Run {
    int code;
    std::string out, err;
};

Run batch(std::vector<std::string> args, const std::string& stdin_text = {}) {
    // Options of frontmap itself (--data DIR) come before the subcommand.
    const auto at = args.size() >= 2 && args[0] == "--data" ? args.begin() + 2 : args.begin();
    args.insert(at, {"batch", "--quiet"});
    std::ostringstream out, err;
    std::istringstream in(stdin_text);
    std::streambuf* saved = std::cin.rdbuf(in.rdbuf());
    const int code = frontmap::cli::run(args, out, err);
    std::cin.rdbuf(saved);
    return {code, out.str(), err.str()};
}

// The manifest's records by id (the last record of an id wins, as --resume reads it).
std::map<std::string, json> manifest(const fs::path& dir) {
    std::map<std::string, json> out;
    std::ifstream in(dir / "manifest.jsonl");
    for (std::string line; std::getline(in, line);) {
        const json rec = json::parse(line);
        out[rec.at("id").get<std::string>()] = rec;
    }
    return out;
}

std::string jsonl_line(const std::string& id, const fs::path& article) {
    std::ifstream in(article);
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    return json{{"id", id}, {"text", text}, {"date", "2022-10-21"}}.dump() + "\n";
}

// The text of an SVG's <desc>, its XML escapes undone.
std::string svg_description(const fs::path& svg) {
    std::ifstream in(svg);
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const size_t start = text.find("<desc>"), end = text.find("</desc>");
    if (start == std::string::npos || end == std::string::npos) return "";
    std::string desc = text.substr(start + 6, end - start - 6);
    for (const auto& [escape, c] : {std::pair{"&apos;", "'"}, {"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"}, {"&#39;", "'"}, {"&amp;", "&"}})
        for (size_t at = desc.find(escape); at != std::string::npos; at = desc.find(escape, at + 1)) desc.replace(at, std::string(escape).size(), c);
    return desc;
}

}  // namespace

TEST_CASE("batch maps a folder of articles, and a bad one fails alone with exit 1", "[batch]") {
    Folder f;
    fs::copy_file(kExample, f.path / "in" / "advance.txt");
    fs::copy_file(kSample, f.path / "in" / "fortress.txt");
    std::ofstream(f.path / "in" / "broken.txt", std::ios::binary) << "Kherson \xff\xfe city";
    const Run r = batch({(f.path / "in").string(), "--out", (f.path / "out").string(), "--formats", "png,svg,geojson", "--jobs", "2"});
    CHECK(r.code == 1);
    CHECK(r.err.find("1 of 3 article(s) failed") != std::string::npos);
    const auto m = manifest(f.path / "out");
    REQUIRE(m.size() == 3);
    CHECK(m.at("broken")["status"] == "failed");
    CHECK(m.at("broken")["error"].get<std::string>().find("not valid UTF-8") != std::string::npos);
    for (const std::string id : {"advance", "fortress"}) {
        CHECK(m.at(id)["status"] == "done");
        CHECK(m.at(id)["events"].get<int>() > 0);
        CHECK_THAT(m.at(id)["caption"].get<std::string>(), Catch::Contains("Kherson"));
        // The alt text is in sentences, and the SVG's description says the same.
        const std::string alt = m.at(id)["alt"].get<std::string>();
        CHECK_THAT(alt, Catch::StartsWith("Map: ") && Catch::Contains("Kherson") && Catch::EndsWith("."));
        CHECK(svg_description(f.path / "out" / (id + ".svg")) == alt);
        for (const std::string ext : {".png", ".svg", ".geojson"}) CHECK(fs::file_size(f.path / "out" / (id + ext)) > 0);
    }
}

TEST_CASE("batch names outputs from ids safely: no path escapes, no collisions", "[batch]") {
    Folder f;
    const std::string lines = jsonl_line("../escape", kExample) + jsonl_line("same", kExample) + jsonl_line("same", kSample) +
                              jsonl_line("SAME", kSample);
    const Run r = batch({"-", "--out", (f.path / "out").string()}, lines);
    REQUIRE(r.code == 0);
    CHECK_FALSE(fs::exists(f.path / "escape.png"));
    CHECK(fs::exists(f.path / "out" / "-escape.png"));
    CHECK(fs::exists(f.path / "out" / "same.png"));
    CHECK(fs::exists(f.path / "out" / "same-2.png"));
    CHECK(fs::file_size(f.path / "out" / "same.png") != fs::file_size(f.path / "out" / "same-2.png"));
    // Not "SAME.png": on a case-insensitive disk that is same.png.
    CHECK(fs::exists(f.path / "out" / "SAME-3.png"));
}

TEST_CASE("batch --resume redoes only what is missing, --shard splits a day without overlap", "[batch]") {
    Folder f;
    const fs::path jsonl = f.path / "in" / "day.jsonl";
    std::ofstream(jsonl) << jsonl_line("a", kExample) << jsonl_line("b", kSample) << jsonl_line("c", kExample);
    const std::string out = (f.path / "out").string();
    REQUIRE(batch({jsonl.string(), "--out", out}).code == 0);
    const auto kept = fs::last_write_time(f.path / "out" / "a.png");
    fs::remove(f.path / "out" / "b.png");
    REQUIRE(batch({jsonl.string(), "--out", out, "--resume"}).code == 0);
    CHECK(fs::exists(f.path / "out" / "b.png"));
    CHECK(fs::last_write_time(f.path / "out" / "a.png") == kept);

    Folder g;
    const std::string shards = (g.path / "out").string();
    REQUIRE(batch({jsonl.string(), "--out", shards, "--shard", "1/2"}).code == 0);
    CHECK(manifest(g.path / "out").size() == 2);
    REQUIRE(batch({jsonl.string(), "--out", shards, "--shard", "2/2", "--resume"}).code == 0);
    const auto all = manifest(g.path / "out");
    CHECK(all.size() == 3);
    CHECK(batch({jsonl.string(), "--out", shards, "--shard", "3/2"}).code == 2);
}

TEST_CASE("batch gives each unusable JSONL line its own failure and maps the rest", "[batch][errors]") {
    Folder f;
    const std::string huge = json{{"id", "huge"}, {"text", "Kherson. " + std::string(2 << 20, 'a')}}.dump() + "\n";
    const std::string lines = "{not json\n" + json{{"id", "untold"}, {"title", "no text"}}.dump() + "\n" + huge + jsonl_line("good", kExample);
    const Run r = batch({"-", "--out", (f.path / "out").string()}, lines);
    CHECK(r.code == 1);
    const auto m = manifest(f.path / "out");
    REQUIRE(m.size() == 4);
    CHECK(m.at("good")["status"] == "done");
    CHECK(m.at("standard input-1")["error"].get<std::string>().find("line 1 is not a JSON object") != std::string::npos);
    CHECK(m.at("untold")["error"].get<std::string>().find("has no \"text\"") != std::string::npos);
    CHECK(m.at("huge")["error"].get<std::string>().find("larger than 1 MB") != std::string::npos);
}

TEST_CASE("batch --resume makes what a new --formats asks for, and a wrong --data keeps the last manifest", "[batch]") {
    Folder f;
    const fs::path jsonl = f.path / "in" / "day.jsonl";
    std::ofstream(jsonl) << jsonl_line("a", kExample) << jsonl_line("a", kSample);
    const std::string out = (f.path / "out").string();
    REQUIRE(batch({jsonl.string(), "--out", out}).code == 0);
    // Two stories under one id are two maps, both done.
    CHECK(fs::exists(f.path / "out" / "a.png"));
    CHECK(fs::exists(f.path / "out" / "a-2.png"));
    REQUIRE(batch({jsonl.string(), "--out", out, "--formats", "png,svg", "--resume"}).code == 0);
    CHECK(fs::exists(f.path / "out" / "a.svg"));
    CHECK(fs::exists(f.path / "out" / "a-2.svg"));

    std::ifstream before_in(f.path / "out" / "manifest.jsonl");
    const std::string before{std::istreambuf_iterator<char>(before_in), std::istreambuf_iterator<char>()};
    const Run wrong = batch({"--data", (f.path / "no-data").string(), jsonl.string(), "--out", out});
    CHECK(wrong.code == 1);
    CHECK(wrong.err.find("no data folder") != std::string::npos);
    std::ifstream after_in(f.path / "out" / "manifest.jsonl");
    CHECK(std::string{std::istreambuf_iterator<char>(after_in), std::istreambuf_iterator<char>()} == before);
}

TEST_CASE("batch --report writes one page of every map, the whole day after --resume, and needs a PNG or SVG", "[batch][report]") {
    Folder f;
    const fs::path jsonl = f.path / "in" / "day.jsonl";
    std::ofstream(jsonl) << jsonl_line("a", kExample) << jsonl_line("b", kSample);
    const std::string out = (f.path / "out").string();
    const fs::path report = f.path / "report.html";
    REQUIRE(batch({jsonl.string(), "--out", out, "--shard", "1/2"}).code == 0);
    REQUIRE(batch({jsonl.string(), "--out", out, "--resume", "--report", report.string()}).code == 0);
    std::ifstream in(report);
    const std::string page{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
    size_t images = 0;
    for (size_t at = page.find("<img src=\"data:image/png;base64,"); at != std::string::npos; at = page.find("<img ", at + 1)) ++images;
    CHECK(images == 2);
    CHECK(page.find("id=\"a\"") != std::string::npos);
    CHECK(page.find("id=\"b\"") != std::string::npos);
    CHECK(page.find("alt=\"Map: ") != std::string::npos);

    const Run pdf_only = batch({jsonl.string(), "--out", out, "--formats", "pdf", "--report", report.string()});
    CHECK(pdf_only.code == 2);
    CHECK_THAT(pdf_only.err, Catch::Contains("add png or svg to --formats"));
}

TEST_CASE("batch --report: a folder that is not there is refused before any map, a '%' in the path is only a character", "[batch][report][errors]") {
    Folder f;
    const fs::path jsonl = f.path / "in" / "day.jsonl";
    std::ofstream(jsonl) << json{{"id", "a"}, {"title", "Bell\x07 and \x1b[31mred"}, {"text", "Fighting near Kherson."}}.dump() << "\n";
    const std::string out = (f.path / "out").string();
    const Run missing = batch({jsonl.string(), "--out", out, "--report", (f.path / "nowhere" / "r.html").string()});
    CHECK(missing.code == 1);
    CHECK_THAT(missing.err, Catch::Contains("does not exist"));
    CHECK_FALSE(fs::exists(f.path / "out" / "manifest.jsonl"));

    // libxml2 would read "p%41" as "pA" if given the path as a URI.
    fs::create_directories(f.path / "p%41");
    const fs::path report = f.path / "p%41" / "r.html";
    REQUIRE(batch({jsonl.string(), "--out", out, "--report", report.string()}).code == 0);
    REQUIRE(fs::exists(report));
    std::ifstream in(report);
    const std::string page{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    CHECK(page.find('\x07') == std::string::npos);  // no control character makes the page malformed
    CHECK(page.find('\x1b') == std::string::npos);
    CHECK_THAT(page, Catch::Contains("Bell and [31mred"));
    CHECK(std::distance(fs::directory_iterator(f.path / "p%41"), fs::directory_iterator()) == 1);  // no temporary file left

    // A hand-edited manifest cannot put a file from outside the output folder in the page.
    std::ofstream(f.path / "secret.png") << "not for the page";
    std::ofstream(f.path / "out" / "manifest.jsonl", std::ios::app)
        << json{{"id", "x"}, {"name", "x"}, {"status", "done"}, {"outputs", {"../secret.png"}}}.dump() << "\n";
    REQUIRE(batch({jsonl.string(), "--out", out, "--resume", "--report", report.string()}).code == 0);
    std::ifstream again(report);
    const std::string edited{std::istreambuf_iterator<char>(again), std::istreambuf_iterator<char>()};
    CHECK_THAT(edited, Catch::Contains("No PNG or SVG of this map is in"));
    CHECK(edited.find("bm90IGZvciB0aGUgcGFnZQ") == std::string::npos);  // "not for the page" in base64
}
