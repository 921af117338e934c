#pragma once
// A tiny gazetteer written with gazetteer::Writer: a dozen places chosen for the parser's hard
// cases (a name that is a city and a region, a city and a river, a given name that is a village,
// dictionary words that are place names).
#include "gazetteer/place.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace frontmap::test {

namespace ids {
inline const std::string kherson = "706448";
inline const std::string kherson_oblast = "706442";
inline const std::string kyiv = "703448";
inline const std::string moscow = "524901";
inline const std::string washington = "4140963";
inline const std::string austin = "4671654";
inline const std::string lloyd = "test-lloyd";
inline const std::string dnipro_city = "709930";
inline const std::string dnieper_river = "fm-river-dnieper";
inline const std::string ukraine = "690791";
inline const std::string russia = "2017370";
inline const std::string donbas = "fm-donbas";
inline const std::string kremlin = "fm-kremlin";
inline const std::string march_town = "test-march";
inline const std::string back_village = "test-back";
inline const std::string western_region = "test-western";
inline const std::string slavyansk = "492094";
inline const std::string al_qaim = "92138";
inline const std::string babanusah = "test-babanusah";
inline const std::string sake = "205970";
inline const std::string amhara = "test-amhara";
inline const std::string dr_congo = "203312";
inline const std::string santa_cruz_do_sul = "3450269";
inline const std::string eldorado = "test-eldorado";
inline const std::string sul = "test-sul";
// Namesakes told apart by a qualifier: "Paris, Texas", "Springfield, Ill.", "Birmingham, England".
inline const std::string paris = "2988507";
inline const std::string paris_texas = "4717560";
inline const std::string texas = "test-texas";
inline const std::string springfield_il = "4250542";
inline const std::string springfield_mo = "4409896";
inline const std::string illinois = "test-illinois";
inline const std::string united_states = "test-us";
inline const std::string birmingham_gb = "2655603";
inline const std::string birmingham_al = "4049979";
inline const std::string england = "fm-region-gb-england";
}  // namespace ids

struct FixturePlace {
    gazetteer::Place place;
    std::vector<std::string> other_names;  // besides place.name
    std::string shape_json;                // place.course or place.bbox as the builder writes them
};

const std::vector<FixturePlace>& fixture_places();
const FixturePlace& fixture_place(const std::string& id);

// "tom" and "near" are both dictionary words and given names, as in real lists.
inline const std::vector<std::string> kFixtureWords = {"back", "western", "the", "capital", "city", "river", "forces", "tom", "near", "trump", "pass", "sake"};
inline const std::vector<std::string> kFixtureGivenNames = {"Lloyd", "Sergei", "Tom", "Near"};
// "Hamas" and "Boko" are also written as alternate names of a fixture place, as GeoNames lists
// them for Hamm and a village in Kazakhstan; "Amhara" names a people and their region.
// Names a place has only after another place and a comma ("Springfield, Ill.").
inline const std::vector<std::pair<std::string, std::string>> kFixtureQualifiers = {{ids::illinois, "Ill."}, {ids::texas, "Tex."}};
inline const std::vector<std::string> kFixtureNotPlaceNames = {"Hamas", "Boko Haram", "Amhara", "Doctors Without Borders"};

// Writes the fixture gazetteer to `file` and returns it.
std::filesystem::path write_fixture_gazetteer(const std::filesystem::path& file);

}  // namespace frontmap::test
