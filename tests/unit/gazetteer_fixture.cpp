#include "gazetteer_fixture.hpp"

#include "gazetteer/writer.hpp"

#include <sstream>
#include <stdexcept>

namespace frontmap::test {

using gazetteer::Place;
using gazetteer::PlaceType;

namespace {

using Course = std::vector<std::pair<double, double>>;
using BBox = std::vector<double>;

// The shape column as tools/databuild writes it.
std::string shape_json(const Course& course, const BBox& bbox) {
    std::ostringstream s;
    s.precision(10);
    if (!course.empty()) {
        s << "{\"course\":[";
        for (size_t i = 0; i < course.size(); ++i) s << (i ? "," : "") << '[' << course[i].first << ',' << course[i].second << ']';
        s << "]}";
    } else if (bbox.size() == 4) {
        s << "{\"bbox\":[" << bbox[0] << ',' << bbox[1] << ',' << bbox[2] << ',' << bbox[3] << "]}";
    }
    return s.str();
}

FixturePlace make(const std::string& id, const std::string& name, PlaceType type, const std::string& code,
                  const std::string& country, double lat, double lon, long long population, double importance,
                  std::vector<std::string> other_names = {}, Course course = {}, BBox bbox = {}) {
    FixturePlace f;
    f.place.id = id;
    f.place.name = name;
    f.place.type = type;
    f.place.feature_code = code;
    f.place.country = country;
    f.place.admin1 = country == "UA" ? "08" : "01";
    f.place.lat = lat;
    f.place.lon = lon;
    f.place.population = population;
    f.place.importance = importance;
    f.place.course = std::move(course);
    if (bbox.size() == 4) f.place.bbox = frontmap::BBox{bbox[0], bbox[1], bbox[2], bbox[3]};
    f.other_names = std::move(other_names);
    f.shape_json = shape_json(f.place.course, bbox);
    return f;
}

FixturePlace in_admin1(FixturePlace f, const std::string& admin1) {
    f.place.admin1 = admin1;
    return f;
}

std::vector<FixturePlace> build_places() {
    std::vector<FixturePlace> places = {
        // "KHER" stands for the codes in capitals some cities have among their alternate names.
        make(ids::kherson, "Kherson", PlaceType::City, "PPLA", "UA", 46.65581, 32.6178, 320477, 0.67, {"Херсон", "KHER"}),
        make(ids::kherson_oblast, "Kherson Oblast", PlaceType::Region, "ADM1", "UA", 46.75, 33.35, 1037640, 0.6,
             {"Kherson", "Khersonska oblast"}, {}, {32.0, 45.9, 35.1, 47.6}),
        make(ids::kyiv, "Kyiv", PlaceType::City, "PPLC", "UA", 50.45466, 30.5238, 2797553, 0.95, {"Kiev", "Київ", "Киев"}),
        make(ids::moscow, "Moscow", PlaceType::City, "PPLC", "RU", 55.75222, 37.61556, 10381222, 0.95, {"Москва"}),
        make(ids::washington, "Washington", PlaceType::City, "PPLC", "US", 38.89511, -77.03637, 689545, 0.85),
        make(ids::austin, "Austin", PlaceType::City, "PPLA", "US", 30.26715, -97.74306, 931830, 0.6, {"Hamas", "Boko"}),
        make(ids::lloyd, "Lloyd", PlaceType::Village, "PPL", "US", 30.9, -87.5, 300, 0.1),
        make(ids::slavyansk, "Slavyansk-na-Kubani", PlaceType::City, "PPL", "RU", 45.2558, 38.1256, 66285, 0.45),
        make(ids::dnipro_city, "Dnipro", PlaceType::City, "PPLA", "UA", 48.4593, 35.03865, 968502, 0.65, {"Dnipropetrovsk"}),
        make(ids::dnieper_river, "Dnieper", PlaceType::River, "river", "UA", 49.0, 32.5, 0, 0.6, {"Dnipro", "Dnepr", "Дніпро"},
             {{30.52, 50.45}, {32.06, 49.44}, {35.04, 48.46}, {34.4, 47.5}, {33.4, 46.8}, {32.62, 46.64}, {31.9, 46.5}}),
        make(ids::ukraine, "Ukraine", PlaceType::Country, "PCLI", "UA", 49.0, 32.0, 44622516, 1.0, {"Україна", "UKR"},
             {}, {22.1, 44.4, 40.2, 52.4}),
        make(ids::russia, "Russia", PlaceType::Country, "PCLI", "RU", 60.0, 100.0, 144478050, 1.0, {"Россия"},
             {}, {19.6, 41.2, 180.0, 81.9}),
        make(ids::donbas, "Donbas", PlaceType::Region, "region", "UA", 48.0, 38.0, 0, 0.55, {"Donbass"}),
        make(ids::kremlin, "Kremlin", PlaceType::Infrastructure, "infrastructure", "RU", 55.752, 37.6175, 0, 0.5),
        make(ids::march_town, "March", PlaceType::City, "PPL", "GB", 52.551, 0.088, 22298, 0.3),
        make(ids::back_village, "Back", PlaceType::Village, "PPL", "GB", 58.25, -6.33, 800, 0.2),
        make(ids::western_region, "Western", PlaceType::Region, "ADM1", "LK", 6.9, 80.0, 5800000, 0.5),
        make(ids::al_qaim, "Al Qa'im", PlaceType::City, "PPL", "IQ", 34.39251, 40.98945, 74100, 0.4),
        make(ids::babanusah, "Babanusah", PlaceType::City, "PPL", "SD", 11.3333, 27.8, 19700, 0.3),
        make(ids::amhara, "Amhara", PlaceType::Region, "ADM1", "ET", 11.58, 38.05, 0, 0.42, {}, {}, {35.3, 8.7, 40.2, 14.0}),
        make(ids::sake, "Sake", PlaceType::City, "PPL", "CD", -1.57386, 29.04339, 17151, 0.45),
        // A name joined by a Romance connector, and namesakes of the parts of one the gazetteer lacks
        // ("Eldorado do Sul").
        make(ids::santa_cruz_do_sul, "Santa Cruz do Sul", PlaceType::City, "PPL", "BR", -29.7175, -52.42583, 118374, 0.4),
        make(ids::eldorado, "Eldorado", PlaceType::City, "PPL", "BR", -24.52, -48.11, 14000, 0.3),
        make(ids::sul, "Sul", PlaceType::Village, "PPL", "DE", 50.6, 10.7, 800, 0.2),
        make(ids::dr_congo, "Dem. Rep. Congo", PlaceType::Country, "PCLI", "CD", -2.88, 23.64, 0, 1.0, {"Congo"}, {}, {12.2, -13.5, 31.3, 5.4}),
        // The famous namesake ranks first alone; only the qualifier picks the other.
        in_admin1(make(ids::paris, "Paris", PlaceType::City, "PPLC", "FR", 48.85341, 2.3488, 2138551, 0.95), "11"),
        in_admin1(make(ids::paris_texas, "Paris", PlaceType::City, "PPLA2", "US", 33.66094, -95.55551, 24782, 0.3), "TX"),
        in_admin1(make(ids::texas, "Texas", PlaceType::Region, "ADM1", "US", 31.5, -99.36, 0, 0.6, {}, {}, {-106.6, 25.8, -93.5, 36.5}), "TX"),
        in_admin1(make(ids::springfield_mo, "Springfield", PlaceType::City, "PPLA2", "US", 37.21533, -93.29824, 169176, 0.5), "MO"),
        in_admin1(make(ids::springfield_il, "Springfield", PlaceType::City, "PPLA", "US", 39.80172, -89.64371, 116250, 0.45), "IL"),
        in_admin1(make(ids::illinois, "Illinois", PlaceType::Region, "ADM1", "US", 40.0, -89.2, 0, 0.6, {}, {}, {-91.5, 36.9, -87.0, 42.5}), "IL"),
        make(ids::united_states, "United States of America", PlaceType::Country, "PCLI", "US", 45.69, -112.5, 0, 1.0, {"U.S.", "US"}, {},
             {-179.1, 18.9, 179.8, 71.4}),
        in_admin1(make(ids::birmingham_al, "Birmingham", PlaceType::City, "PPLA2", "US", 33.52066, -86.80249, 1500000, 0.7), "AL"),
        in_admin1(make(ids::birmingham_gb, "Birmingham", PlaceType::City, "PPLA2", "GB", 52.48142, -1.89983, 984333, 0.65), "ENG"),
        make(ids::england, "England", PlaceType::Region, "region", "GB", 52.5, -1.5, 0, 0.95, {}, {}, {-6.35, 49.91, 1.77, 55.81}),
    };
    return places;
}

}  // namespace

const std::vector<FixturePlace>& fixture_places() {
    static const std::vector<FixturePlace> places = build_places();
    return places;
}

const FixturePlace& fixture_place(const std::string& id) {
    for (const auto& f : fixture_places())
        if (f.place.id == id) return f;
    throw std::out_of_range("no fixture place " + id);
}

std::filesystem::path write_fixture_gazetteer(const std::filesystem::path& file) {
    gazetteer::Writer writer(file);
    for (const auto& f : fixture_places()) {
        writer.add_place(f.place, f.shape_json);
        for (const auto& name : f.other_names) writer.add_name(f.place.id, name);
    }
    for (const auto& w : kFixtureWords) writer.add_word(w);
    for (const auto& n : kFixtureGivenNames) writer.add_given_name(n);
    for (const auto& n : kFixtureNotPlaceNames) writer.add_not_place_name(n);
    for (const auto& [id, name] : kFixtureQualifiers) writer.add_qualifier_name(id, name);
    writer.finish();
    return file;
}

}  // namespace frontmap::test
