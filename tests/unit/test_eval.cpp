#include "common/error.hpp"
#include "common/proj.hpp"
#include "eval/metrics.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <functional>
#include <string>
#include <utility>
#include <vector>

using frontmap::eval::Article;
using frontmap::eval::GoldToponym;
using frontmap::eval::Predicted;
using frontmap::eval::Scores;

namespace {

constexpr double kKhersonLat = 46.65581, kKhersonLon = 32.6178;
constexpr double kMykolaivLat = 46.96591, kMykolaivLon = 31.9974;
constexpr double kMoscowLat = 55.75222, kMoscowLon = 37.61556;

const std::string kText = "Shelling hit Kherson and Mykolaiv on Monday, Moscow said.";

GoldToponym gold(const std::string& name, const std::string& role, double lat, double lon, const std::string& type = "city") {
    const size_t start = kText.find(name);
    REQUIRE(start != std::string::npos);
    return {start, start + name.size(), name, lat, lon, type, role};
}

Predicted located(const std::string& name, double lat, double lon, const std::string& role = "location") {
    const size_t start = kText.find(name);
    REQUIRE(start != std::string::npos);
    return {start, start + name.size(), name, role, true, lat, lon};
}

// The article: two places and a metonym.
Article article() {
    return {"a1", kText,
            {gold("Kherson", "location", kKhersonLat, kKhersonLon), gold("Mykolaiv", "location", kMykolaivLat, kMykolaivLon),
             gold("Moscow", "metonym", kMoscowLat, kMoscowLon)}};
}

// A latitude `km` north of `lat` on the same meridian, found by bisection on the ellipsoid.
double lat_north_by(double lon, double lat, double km) {
    double lo = lat, hi = lat + km / 100.0;
    for (int i = 0; i < 100; ++i) {
        const double mid = (lo + hi) / 2;
        (frontmap::proj::geodesic_km(lon, lat, lon, mid) < km ? lo : hi) = mid;
    }
    return (lo + hi) / 2;
}

Scores score(const Article& a, const std::vector<Predicted>& predicted) {
    Scores s;
    frontmap::eval::score_article(a, predicted, s);
    return s;
}

// The article `text` with its events labelled.
Article labelled(const std::string& id, const std::string& text, std::vector<frontmap::eval::EventRecord> events) {
    Article a{id, text, {}};
    a.events = std::move(events);
    return a;
}

frontmap::eval::EventScores events_scored(const Article& a, const std::vector<frontmap::eval::EventRecord>& predicted) {
    frontmap::eval::EventScores s;
    frontmap::eval::score_events(a, predicted, s);
    return s;
}

struct Reading {
    std::string wrong, right;  // roles
};

// A name of the article found at its place with the wrong role is counted once in `counter`; with
// the right one, not; either way the name was found.
void check_counted_when_misread(const std::string& name, double lat, double lon, const Reading& roles, size_t Scores::*counter) {
    INFO(name << " read as " << roles.wrong);
    const Article a = article();
    const Scores misread = score(a, {located(name, lat, lon, roles.wrong)});
    const Scores read = score(a, {located(name, lat, lon, roles.right)});
    CHECK(misread.*counter == 1);
    CHECK(read.*counter == 0);
    CHECK(misread.found == 1);
    CHECK(read.found == 1);
}

}  // namespace

TEST_CASE("a perfect prediction scores 1 and no error", "[eval][score]") {
    const Scores s = score(article(), {located("Kherson", kKhersonLat, kKhersonLon), located("Mykolaiv", kMykolaivLat, kMykolaivLon),
                                       located("Moscow", kMoscowLat, kMoscowLon, "metonym")});
    CHECK(s.articles == 1);
    CHECK(s.precision() == 1.0);
    CHECK(s.recall() == 1.0);
    CHECK(s.f1() == 1.0);
    CHECK(s.accuracy_161() == 1.0);
    CHECK(s.accuracy_161_end_to_end() == 1.0);
    CHECK(s.accuracy_25_points() == 1.0);
    CHECK(s.mean_error_km() == Approx(0.0).margin(1e-9));
    CHECK(s.median_error_km() == Approx(0.0).margin(1e-9));
    CHECK(s.auc() == Approx(0.0).margin(1e-9));
    CHECK(s.metonyms_drawn == 0);
    CHECK(s.misses.empty());
}

TEST_CASE("a missed toponym lowers recall only", "[eval][score]") {
    const Scores s = score(article(), {located("Kherson", kKhersonLat, kKhersonLon), located("Moscow", kMoscowLat, kMoscowLon, "metonym")});
    CHECK(s.precision() == 1.0);
    CHECK(s.recall() == Approx(2.0 / 3.0));
    CHECK(s.f1() == Approx(2 * 1.0 * (2.0 / 3.0) / (1.0 + 2.0 / 3.0)));
    CHECK(s.accuracy_161() == 1.0);                          // of what was found, all is right
    CHECK(s.accuracy_161_end_to_end() == Approx(2.0 / 3.0));  // the miss counts against the pipeline
    REQUIRE(s.misses.size() == 1);
    CHECK(s.misses[0].kind == "missed");
    CHECK(s.misses[0].text == "Mykolaiv");
    CHECK_THAT(s.misses[0].context, Catch::Contains("[Mykolaiv]"));
}

TEST_CASE("a spurious prediction lowers precision only", "[eval][score]") {
    const Scores s = score(article(), {located("Kherson", kKhersonLat, kKhersonLon), located("Mykolaiv", kMykolaivLat, kMykolaivLon),
                                       located("Moscow", kMoscowLat, kMoscowLon, "metonym"), located("Monday", 0, 0)});
    CHECK(s.precision() == Approx(3.0 / 4.0));
    CHECK(s.recall() == 1.0);
    CHECK(s.accuracy_161() == 1.0);
    REQUIRE(s.misses.size() == 1);
    CHECK(s.misses[0].kind == "spurious");
    CHECK(s.misses[0].text == "Monday");
}

TEST_CASE("a not_place prediction claims nothing", "[eval][score]") {
    const Scores s = score(article(), {located("Kherson", kKhersonLat, kKhersonLon), located("Mykolaiv", kMykolaivLat, kMykolaivLon, "not_place"),
                                       located("Monday", 0, 0, "not_place")});
    CHECK(s.predicted == 1);
    CHECK(s.precision() == 1.0);
    CHECK(s.recall() == Approx(1.0 / 3.0));
}

TEST_CASE("a 200 km error halves accuracy at 161 km and shows in the error figures", "[eval][score]") {
    const Article two{"a2", kText, {gold("Kherson", "location", kKhersonLat, kKhersonLon), gold("Mykolaiv", "location", kMykolaivLat, kMykolaivLon)}};
    const double wrong_lat = lat_north_by(kMykolaivLon, kMykolaivLat, 200.0);
    REQUIRE(frontmap::proj::geodesic_km(kMykolaivLon, kMykolaivLat, kMykolaivLon, wrong_lat) == Approx(200.0).epsilon(1e-6));

    const Scores right = score(two, {located("Kherson", kKhersonLat, kKhersonLon), located("Mykolaiv", kMykolaivLat, kMykolaivLon)});
    const Scores wrong = score(two, {located("Kherson", kKhersonLat, kKhersonLon), located("Mykolaiv", wrong_lat, kMykolaivLon)});
    CHECK(right.accuracy_161() == 1.0);
    CHECK(wrong.accuracy_161() == 0.5);
    CHECK(wrong.accuracy_25_points() == 0.5);
    CHECK(wrong.mean_error_km() == Approx(100.0).epsilon(1e-4));
    CHECK(wrong.median_error_km() == Approx(100.0).epsilon(1e-4));
    CHECK(wrong.auc() == Approx(std::log(201.0) / std::log(20039.0) / 2).epsilon(1e-4));
    // Recognition is untouched by a resolution error.
    CHECK(wrong.precision() == 1.0);
    CHECK(wrong.recall() == 1.0);
    REQUIRE(wrong.misses.size() == 1);
    CHECK(wrong.misses[0].kind == "far");
    CHECK(wrong.misses[0].error_km == Approx(200.0).epsilon(1e-4));
}

TEST_CASE("AUC is ln(1 + error) / ln(20039) per toponym", "[eval][score]") {
    const Article one{"a3", kText, {gold("Kherson", "location", kKhersonLat, kKhersonLon)}};
    const double wrong_lat = lat_north_by(kKhersonLon, kKhersonLat, 200.0);
    CHECK(score(one, {located("Kherson", kKhersonLat, kKhersonLon)}).auc() == Approx(0.0).margin(1e-9));
    CHECK(score(one, {located("Kherson", wrong_lat, kKhersonLon)}).auc() == Approx(std::log(201.0) / std::log(20039.0)).epsilon(1e-4));

    Predicted unlocated = located("Kherson", 0, 0);
    unlocated.located = false;  // found but not resolved: the worst error
    CHECK(score(one, {unlocated}).auc() == Approx(1.0));
}

TEST_CASE("a gold metonym drawn as a location is counted", "[eval][score]") {
    check_counted_when_misread("Moscow", kMoscowLat, kMoscowLon, {"location", "metonym"}, &Scores::metonyms_drawn);
}

TEST_CASE("a gold location taken for a metonym is counted as hidden from the map", "[eval][score]") {
    check_counted_when_misread("Kherson", kKhersonLat, kKhersonLon, {"metonym", "location"}, &Scores::locations_hidden);
}

TEST_CASE("a gold not_place drawn as a location is counted and is spurious", "[eval][score]") {
    const Article a{"a4", kText, {gold("Kherson", "not_place", kKhersonLat, kKhersonLon)}};
    const Scores s = score(a, {located("Kherson", kKhersonLat, kKhersonLon)});
    CHECK(s.not_places_drawn == 1);
    CHECK(s.gold == 0);
    CHECK(s.precision() == 0.0);
}

TEST_CASE("scores add up over articles", "[eval][score]") {
    const Article a = article();
    Scores s;
    frontmap::eval::score_article(a, {located("Kherson", kKhersonLat, kKhersonLon)}, s);
    frontmap::eval::score_article(a, {located("Kherson", kKhersonLat, kKhersonLon), located("Mykolaiv", kMykolaivLat, kMykolaivLon)}, s);
    CHECK(s.articles == 2);
    CHECK(s.gold == 6);
    CHECK(s.found == 3);
    CHECK(s.recall() == 0.5);
}

// ---- read_corpus -----------------------------------------------------------------------------

namespace {

nlohmann::json good_record(const std::string& id) {
    const std::string text = "Troops entered Kherson on Friday.";
    return {{"id", id},
            {"date", "2022-11-11"},
            {"text", text},
            {"toponyms",
             {{{"start", text.find("Kherson")}, {"end", text.find("Kherson") + 7}, {"name", "Kherson"}, {"lat", kKhersonLat},
               {"lon", kKhersonLon}, {"type", "city"}, {"role", "location"}, {"geonameid", 706448}}}}};
}

}  // namespace

TEST_CASE("read_corpus reads good records", "[eval][corpus]") {
    const std::string jsonl = good_record("a1").dump() + "\n\n" + good_record("a2").dump() + "\n";
    const auto articles = frontmap::eval::read_corpus(jsonl, "dev.jsonl");
    REQUIRE(articles.size() == 2);
    CHECK(articles[0].id == "a1");
    CHECK(articles[1].id == "a2");
    REQUIRE(articles[0].gold.size() == 1);
    const auto& g = articles[0].gold[0];
    CHECK(articles[0].text.substr(g.start, g.end - g.start) == "Kherson");
    CHECK(g.name == "Kherson");
    CHECK(g.lat == kKhersonLat);
    CHECK(g.lon == kKhersonLon);
    CHECK(g.type == "city");
    CHECK(g.role == "location");
}

TEST_CASE("read_corpus accepts a null geonameid", "[eval][corpus]") {
    auto record = good_record("a1");
    record["toponyms"][0]["geonameid"] = nullptr;
    CHECK(frontmap::eval::read_corpus(record.dump(), "dev.jsonl").size() == 1);
}

TEST_CASE("read_corpus reads an article's topic, conflict unless it says general", "[eval][corpus]") {
    auto general = good_record("g1");
    general["topic"] = "general";
    const auto articles = frontmap::eval::read_corpus(good_record("c1").dump() + "\n" + general.dump() + "\n", "dev.jsonl");
    REQUIRE(articles.size() == 2);
    CHECK(articles[0].topic == "conflict");
    CHECK(articles[1].topic == "general");
}

TEST_CASE("read_corpus rejects a bad record with an InputError naming its line", "[eval][corpus][errors]") {
    struct Case {
        std::string what;
        std::function<void(nlohmann::json&)> spoil;
        std::string reason;
    };
    const auto c = GENERATE(values<Case>({
        {"offsets one byte early", [](auto& r) { r["toponyms"][0]["start"] = 14; r["toponyms"][0]["end"] = 21; }, "do not span"},
        {"end past the text", [](auto& r) { r["toponyms"][0]["end"] = 400; }, "do not span"},
        {"empty span", [](auto& r) { r["toponyms"][0]["end"] = r["toponyms"][0]["start"]; }, "do not span"},
        {"unknown type", [](auto& r) { r["toponyms"][0]["type"] = "town"; }, "unknown type 'town'"},
        {"unknown role", [](auto& r) { r["toponyms"][0]["role"] = "person"; }, "unknown role 'person'"},
        {"latitude out of range", [](auto& r) { r["toponyms"][0]["lat"] = 91.0; }, "out of range"},
        {"longitude out of range", [](auto& r) { r["toponyms"][0]["lon"] = -181.0; }, "out of range"},
        {"duplicate id", [](auto& r) { r["id"] = "first"; }, "duplicate id 'first'"},
        {"no geonameid", [](auto& r) { r["toponyms"][0].erase("geonameid"); }, "geonameid"},
        {"no text", [](auto& r) { r.erase("text"); }, "text"},
        {"unknown topic", [](auto& r) { r["topic"] = "sport"; }, "unknown topic 'sport'"},
    }));
    CAPTURE(c.what);
    auto bad = good_record("second");
    c.spoil(bad);
    // The bad record is on line 3, after a good one and a blank line.
    const std::string jsonl = good_record("first").dump() + "\n\n" + bad.dump() + "\n";
    try {
        frontmap::eval::read_corpus(jsonl, "dev.jsonl");
        FAIL("accepted");
    } catch (const frontmap::InputError& e) {
        const std::string message = e.what();
        CHECK_THAT(message, Catch::Contains("dev.jsonl line 3"));
        CHECK_THAT(message, Catch::Contains(c.reason));
    }
}

TEST_CASE("read_corpus rejects a line that is not JSON, and an empty corpus", "[eval][corpus][errors]") {
    const std::string broken = good_record("a").dump() + "\n{not json\n";
    CHECK_THROWS_AS(frontmap::eval::read_corpus(broken, "dev.jsonl"), frontmap::InputError);
    CHECK_THROWS_WITH(frontmap::eval::read_corpus(broken, "dev.jsonl"), Catch::Contains("dev.jsonl line 2"));
    CHECK_THROWS_AS(frontmap::eval::read_corpus("\n  \n", "dev.jsonl"), frontmap::InputError);
}

TEST_CASE("of two labelled events at one place, each pairs with the one told in its words", "[eval][events]") {
    const std::string text = "Missiles struck Kherson on Monday, killing four. Drones struck Kherson on Friday, killing two.";
    const size_t second = text.find("Drones");
    frontmap::eval::EventRecord monday{"strike", kKhersonLat, kKhersonLon, 4, std::nullopt, std::nullopt, false, false, 0, second - 1, "Kherson"};
    frontmap::eval::EventRecord friday{"strike", kKhersonLat, kKhersonLon, 2, std::nullopt, std::nullopt, false, false, second, text.size(), "Kherson"};
    const Article a = labelled("a2", text, {monday, friday});
    // Predicted in the other order: nearest-first alone would pair Monday's tally with Friday's.
    const auto s = events_scored(a, {friday, monday});
    CHECK(s.typed_matches == 2);
    CHECK(s.counts == 2);
    CHECK(s.counts_exact == 2);
}

TEST_CASE("a matched event's side is right only when it is the labelled one", "[eval][events]") {
    const std::string text = "Russian forces shelled Kherson on Monday.";
    frontmap::eval::EventRecord gold{"shelling", kKhersonLat, kKhersonLon, std::nullopt, std::nullopt, std::nullopt, false, false, 0, text.size(), "Kherson", "RU"};
    const Article a = labelled("a3", text, {gold});
    auto wrong = gold;
    wrong.side = "UA";
    const auto right_side = events_scored(a, {gold});
    const auto wrong_side = events_scored(a, {wrong});
    CHECK(right_side.sides_share() == 1.0);
    CHECK(wrong_side.sides_labelled == 1);
    CHECK(wrong_side.sides_share() == 0.0);
}

TEST_CASE("events pair so that as many as the 50 km rule allows are matched", "[eval][events]") {
    // Labelled strikes 40 km apart; one prediction between them, nearer the second, and one
    // beyond the second. Nearest-first pairing would give the first prediction to the second
    // strike and leave the first strike unmatched.
    const std::string text = "Strikes hit two towns.";
    const double km_per_degree_lat = 111.2;
    auto at = [&](double km_north) {
        return frontmap::eval::EventRecord{"strike", kKhersonLat + km_north / km_per_degree_lat, kKhersonLon, std::nullopt, std::nullopt, std::nullopt, false, false, 0, text.size(), "x"};
    };
    const Article a = labelled("a4", text, {at(0), at(40)});
    const auto s = events_scored(a, {at(30), at(75)});
    CHECK(s.typed_matches == 2);
    CHECK(s.recall() == 1.0);
}

TEST_CASE("a prediction pairs with the labelled event told in its words before a nearer one told elsewhere", "[eval][events]") {
    const std::string text = "Missiles struck Kherson on Monday, killing four. A drone hit a village nearby, killing two.";
    const size_t second = text.find("A drone");
    const double village_lat = kKhersonLat + 0.1;  // about 11 km north
    frontmap::eval::EventRecord monday{"strike", kKhersonLat, kKhersonLon, 4, std::nullopt, std::nullopt, false, false, 0, second - 1, "Kherson"};
    frontmap::eval::EventRecord village{"strike", village_lat, kKhersonLon, 2, std::nullopt, std::nullopt, false, false, second, text.size(), "village"};
    const Article a = labelled("a5", text, {monday, village});
    auto placed_on_city = village;  // the village's strike, placed on the city
    placed_on_city.lat = kKhersonLat;
    const auto s = events_scored(a, {placed_on_city});
    CHECK(s.typed_matches == 1);
    CHECK(s.counts == 1);
    CHECK(s.counts_exact == 1);
}

TEST_CASE("a matched event's wrong tally, missed claim and missed denial are listed as misses", "[eval][events]") {
    const std::string text = "Missiles struck Kherson, killing four, the governor said. Kyiv denied it.";
    frontmap::eval::EventRecord gold{"strike", kKhersonLat, kKhersonLon, 4, std::nullopt, std::nullopt, true, true, 0, text.size(), "Kherson"};
    const Article a = labelled("a6", text, {gold});
    auto found = gold;
    found.killed = 3;
    found.denied = false;
    found.claimed = false;
    const auto s = events_scored(a, {found});
    REQUIRE(s.misses.size() == 3);
    CHECK(s.misses[0].kind == "event count");
    CHECK(s.misses[0].text == "strike @ Kherson: killed 4, found 3");
    CHECK(s.misses[1].kind == "event claim");
    CHECK(s.misses[2].kind == "event denial");
}

TEST_CASE("a matched event with the wrong side, or none, is listed as a side miss", "[eval][events]") {
    const std::string text = "Russian missiles struck Kherson.";
    frontmap::eval::EventRecord gold{"strike", kKhersonLat, kKhersonLon, std::nullopt, std::nullopt, std::nullopt, false, false, 0, text.size(), "Kherson", "RU"};
    const Article a = labelled("a7", text, {gold});
    auto unsided = gold;
    unsided.side.clear();
    const auto s = events_scored(a, {unsided});
    CHECK(s.sides_labelled == 1);
    CHECK(s.sides_right == 0);
    REQUIRE(s.misses.size() == 1);
    CHECK(s.misses[0].kind == "event side");
    CHECK(s.misses[0].text == "strike @ Kherson: RU, found none");
}
