#include "common/error.hpp"
#include "common/text.hpp"
#include "fixtures.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/writer.hpp"
#include "gazetteer_fixture.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <tuple>

using frontmap::gazetteer::Gazetteer;
using frontmap::gazetteer::Place;
using frontmap::test::TempDir;
using frontmap::text::name_key;

namespace {

std::set<std::string> ids_of(const std::vector<Place>& places) {
    std::set<std::string> out;
    for (const auto& p : places) out.insert(p.id);
    return out;
}

// Compared as tuples, so that a failure prints the fields side by side.
void check_same_place(const Place& got, const Place& want) {
    CHECK(std::tie(got.id, got.name, got.type, got.feature_code, got.country, got.admin1, got.population) ==
          std::tie(want.id, want.name, want.type, want.feature_code, want.country, want.admin1, want.population));
    CHECK(std::tuple{got.lat, got.lon, got.importance} == std::tuple{Approx(want.lat), Approx(want.lon), Approx(want.importance)});
    REQUIRE(got.course.size() == want.course.size());
    for (size_t i = 0; i < want.course.size(); ++i)
        CHECK(std::tuple{got.course[i].first, got.course[i].second} == std::tuple{Approx(want.course[i].first), Approx(want.course[i].second)});
    REQUIRE(got.bbox.has_value() == want.bbox.has_value());
    if (!want.bbox) return;
    const auto& g = *got.bbox;
    const auto& w = *want.bbox;
    CHECK(std::tuple{g.west(), g.south(), g.east(), g.north()} == std::tuple{Approx(w.west()), Approx(w.south()), Approx(w.east()), Approx(w.north())});
}

// The message of the DataError that opening `file` as a gazetteer throws; fails the test when it opens.
std::string open_error(const std::filesystem::path& file) {
    try {
        const Gazetteer gaz(file);
    } catch (const frontmap::DataError& e) {
        return e.what();
    }
    FAIL("opening " + file.string() + " succeeded");
    return {};
}

Place place(const std::string& id, const std::string& name, double importance, long long population) {
    Place p;
    p.id = id;
    p.name = name;
    p.type = frontmap::gazetteer::PlaceType::City;
    p.feature_code = "PPL";
    p.country = "EG";
    p.lat = 31.2;
    p.lon = 29.9;
    p.population = population;
    p.importance = importance;
    return p;
}

}  // namespace

TEST_CASE("a place written by Writer is read back with every field", "[gazetteer]") {
    TempDir dir;
    Gazetteer gaz(frontmap::test::write_fixture_gazetteer(dir / "g.sqlite"));

    for (const auto& fixture : frontmap::test::fixture_places()) {
        const Place& want = fixture.place;
        CAPTURE(want.id, want.name);
        const auto& found = gaz.lookup(name_key(want.name));
        const auto it = std::find_if(found.begin(), found.end(), [&](const Place& p) { return p.id == want.id; });
        REQUIRE(it != found.end());
        check_same_place(*it, want);

        const auto by_id = gaz.by_id(want.id);
        REQUIRE(by_id);
        check_same_place(*by_id, want);
    }
    CHECK(gaz.place_count() == static_cast<long long>(frontmap::test::fixture_places().size()));
    CHECK_FALSE(gaz.by_id("no-such-id"));
}

TEST_CASE("lookup finds a place under each of its names, in any script", "[gazetteer]") {
    TempDir dir;
    Gazetteer gaz(frontmap::test::write_fixture_gazetteer(dir / "g.sqlite"));
    namespace ids = frontmap::test::ids;

    const auto [name, id] = GENERATE(table<std::string, std::string>({
        {"Kyiv", ids::kyiv},
        {"Kiev", ids::kyiv},
        {"Київ", ids::kyiv},
        {"КИЇВ", ids::kyiv},
        {"Москва", ids::moscow},
        {"Херсон", ids::kherson},
        {"Dnepr", ids::dnieper_river},
        {"Україна", ids::ukraine},
    }));
    CAPTURE(name);
    CHECK(ids_of(gaz.lookup(name_key(name))) == std::set<std::string>{id});
}

TEST_CASE("lookup returns every place sharing a name, and nothing for an unknown one", "[gazetteer]") {
    TempDir dir;
    Gazetteer gaz(frontmap::test::write_fixture_gazetteer(dir / "g.sqlite"));
    namespace ids = frontmap::test::ids;

    CHECK(ids_of(gaz.lookup("kherson")) == std::set<std::string>{ids::kherson, ids::kherson_oblast});
    CHECK(ids_of(gaz.lookup("dnipro")) == std::set<std::string>{ids::dnipro_city, ids::dnieper_river});
    CHECK(gaz.lookup("atlantis").empty());
}

TEST_CASE("the word lists tell dictionary words and given names apart from places", "[gazetteer]") {
    TempDir dir;
    Gazetteer gaz(frontmap::test::write_fixture_gazetteer(dir / "g.sqlite"));

    CHECK(gaz.is_common_word("back"));
    CHECK(gaz.is_common_word("western"));
    CHECK_FALSE(gaz.is_common_word("kherson"));
    CHECK(gaz.is_given_name(name_key("Lloyd")));
    CHECK(gaz.is_given_name(name_key("SERGEI")));
    CHECK_FALSE(gaz.is_given_name(name_key("Austin")));
}

TEST_CASE("max_name_words is the longest name written", "[gazetteer]") {
    TempDir dir;
    const auto file = dir / "g.sqlite";
    {
        frontmap::gazetteer::Writer w(file);
        w.add_place(place("1", "Kherson", 0.5, 1), "");
        w.add_name("1", "Rostov-on-Don Oblast Centre");  // hyphens count as word breaks: 5 words
        w.finish();
    }
    Gazetteer gaz(file);
    CHECK(gaz.max_name_words() == 5);
}

TEST_CASE("geocode ranks same-named places by importance, then population", "[gazetteer][geocode]") {
    TempDir dir;
    const auto file = dir / "g.sqlite";
    {
        frontmap::gazetteer::Writer w(file);
        w.add_place(place("minor", "Alexandria", 0.2, 50000), "");
        w.add_place(place("major", "Alexandria", 0.9, 50000), "");
        w.add_place(place("middle-small", "Alexandria", 0.5, 1000), "");
        w.add_place(place("middle-big", "Alexandria", 0.5, 900000), "");
        w.add_place(place("other", "Cairo", 0.95, 9000000), "");
        w.finish();
    }
    Gazetteer gaz(file);

    const auto ranked = gaz.geocode("ALEXANDRIA", 10);
    std::vector<std::string> order;
    for (const auto& r : ranked) order.push_back(r.place.id);
    CHECK(order == std::vector<std::string>{"major", "middle-big", "middle-small", "minor"});
    for (size_t i = 1; i < ranked.size(); ++i) CHECK(ranked[i - 1].score >= ranked[i].score);

    const auto top = gaz.geocode("alexandria", 2);
    REQUIRE(top.size() == 2);
    CHECK(top[0].place.id == "major");
    CHECK(gaz.geocode("Atlantis", 5).empty());
}

TEST_CASE("a missing gazetteer is a DataError that names the file and the fix", "[gazetteer][errors]") {
    TempDir dir;
    const auto missing = dir / "nowhere.sqlite";
    const std::string message = open_error(missing);
    CHECK_THAT(message, Catch::Contains(missing.string()));
    CHECK_THAT(message, Catch::Contains("setup.sh"));
    CHECK_FALSE(std::filesystem::exists(missing));  // opening must not create it
}

TEST_CASE("a gazetteer of another schema version is a DataError that says so", "[gazetteer][errors]") {
    TempDir dir;
    const auto file = frontmap::test::write_fixture_gazetteer(dir / "old.sqlite");
    {
        auto db = frontmap::sqlite::open(file.string(), true);
        frontmap::sqlite::exec(db.get(), "UPDATE meta SET value = '0' WHERE key = 'schema_version'");
    }
    const std::string message = open_error(file);
    CHECK_THAT(message, Catch::Contains(file.string()));
    CHECK_THAT(message, Catch::Contains("schema version 0"));
    CHECK_THAT(message, Catch::Contains("setup.sh"));
}

// A file that is not a gazetteer at all (another program's database, or not SQLite) should be
// reported like the other failures: naming the file, not quoting the SQL the library ran.
TEST_CASE("a file that is not a gazetteer is a DataError that names the file", "[gazetteer][errors]") {
    TempDir dir;
    const auto file = dir / "other.sqlite";
    SECTION("another program's SQLite database") {
        auto db = frontmap::sqlite::open(file.string(), true);
        frontmap::sqlite::exec(db.get(), "CREATE TABLE notes(text TEXT)");
    }
    SECTION("a text file") {
        frontmap::test::write_bytes(file, "Kherson, Kyiv, Moscow\n");
    }
    CHECK_THAT(open_error(file), Catch::Contains(file.string()));
}
