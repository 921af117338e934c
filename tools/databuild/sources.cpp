#include "sources.hpp"

#include "common/error.hpp"
#include "common/proj.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <optional>
#include <unordered_map>
#include <sstream>

namespace frontmap::databuild {

using gazetteer::Place;
using gazetteer::PlaceType;

namespace {

std::vector<std::string> split(const std::string& line, char sep) {
    std::vector<std::string> out;
    std::string field;
    std::istringstream in(line);
    while (std::getline(in, field, sep)) out.push_back(field);
    if (!line.empty() && line.back() == sep) out.emplace_back();
    return out;
}

double importance_of(long long population, const std::string& code) {
    double base = population > 0 ? std::clamp(std::log10(static_cast<double>(population)) / 7.0, 0.0, 1.0) * 0.7 : 0.0;
    if (code == "PPLC") base += 0.25;
    else if (code == "PPLA") base += 0.12;
    else if (code == "PPLA2") base += 0.04;
    return std::min(base, 1.0);
}

std::string ascii_lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Towns bucketed by tenth of a degree, so a neighbour search looks at a few cells, not 200,000 towns.
class TownGrid {
public:
    explicit TownGrid(const std::vector<GeoNamesPlace>& towns) {
        for (std::size_t i = 0; i < towns.size(); ++i) cells_[key(towns[i].place.lat, towns[i].place.lon)].push_back(i);
    }
    // Indices of towns in the cells within `reach` cells of the point.
    std::vector<std::size_t> around(double lat, double lon, int reach) const {
        std::vector<std::size_t> out;
        const auto [row, col] = cell(lat, lon);
        for (int r = row - reach; r <= row + reach; ++r)
            for (int c = col - reach; c <= col + reach; ++c)
                if (auto it = cells_.find(pack(r, c)); it != cells_.end()) out.insert(out.end(), it->second.begin(), it->second.end());
        return out;
    }

private:
    static std::pair<int, int> cell(double lat, double lon) { return {static_cast<int>(std::floor(lat * 10)), static_cast<int>(std::floor(lon * 10))}; }
    static long long pack(int row, int col) { return static_cast<long long>(row) * 100000 + col; }
    static long long key(double lat, double lon) {
        const auto [r, c] = cell(lat, lon);
        return pack(r, c);
    }
    std::unordered_map<long long, std::vector<std::size_t>> cells_;
};

std::string code_of_capital(const std::string& capital) {
    if (capital == "primary") return "PPLC";
    if (capital == "admin") return "PPLA";
    if (capital == "minor") return "PPLA2";
    return "PPL";
}

bool shares_name(const GeoNamesPlace& town, const std::vector<std::string>& keys) {
    return std::any_of(town.names.begin(), town.names.end(), [&](const std::string& n) {
        return std::find(keys.begin(), keys.end(), ascii_lower(n)) != keys.end();
    });
}

// The GeoNames town that is the same city: same name within 25 km, else the nearest within 3 km.
std::optional<std::size_t> same_city(const std::vector<GeoNamesPlace>& towns, const TownGrid& grid, double lat, double lon,
                                     const std::vector<std::string>& keys) {
    constexpr double kSameNameKm = 25.0;
    constexpr double kSameSpotKm = 3.0;
    std::optional<std::size_t> named;
    std::optional<std::size_t> nearest;
    double named_km = kSameNameKm;
    double nearest_km = kSameSpotKm;
    for (const auto i : grid.around(lat, lon, 3)) {
        const auto& t = towns[i];
        const double km = proj::geodesic_km(lon, lat, t.place.lon, t.place.lat);
        if (km <= named_km && shares_name(t, keys)) named = i, named_km = km;
        if (km <= nearest_km) nearest = i, nearest_km = km;
    }
    return named ? named : nearest;
}

GeoNamesPlace read_world_city(const nlohmann::json& c, const std::filesystem::path& file) {
    GeoNamesPlace g;
    try {
        g.names = {c.at("city").get<std::string>(), c.at("city_ascii").get<std::string>()};
        g.place.lat = std::stod(c.at("lat").get<std::string>());
        g.place.lon = std::stod(c.at("lng").get<std::string>());
        const auto pop = c.value("population", std::string());
        g.place.population = pop.empty() ? 0 : static_cast<long long>(std::stod(pop));
        g.place.country = c.at("iso2").get<std::string>();
        g.place.feature_code = code_of_capital(c.value("capital", std::string()));
        g.place.id = "sm-" + c.at("id").get<std::string>();
    } catch (const std::exception&) {
        throw DataError("cannot read " + file.string(), "a city lacks its name, position or country");
    }
    if (g.names[1] == g.names[0]) g.names.pop_back();
    return g;
}

// The GeoNames town takes the city's other names, and its population when larger.
void merge_city_into(const GeoNamesPlace& g, GeoNamesPlace& t) {
    for (const auto& n : g.names)
        if (!shares_name(t, {ascii_lower(n)})) t.names.push_back(n);
    if (t.place.population < g.place.population) {
        t.place.population = g.place.population;
        t.place.importance = importance_of(t.place.population, t.place.feature_code);
        if (t.place.population >= 10000) t.place.type = PlaceType::City;
    }
}

}  // namespace

void merge_world_cities(const std::filesystem::path& file, std::vector<GeoNamesPlace>& towns) {
    std::ifstream in(file);
    if (!in) throw DataError("cannot read " + file.string(), "no such file (tools/setup.sh fetches it)");
    const auto doc = nlohmann::json::parse(in, nullptr, false);
    if (doc.is_discarded() || !doc.is_array()) throw DataError("cannot read " + file.string(), "not a JSON list of cities");
    const TownGrid grid(towns);
    std::vector<GeoNamesPlace> added;
    for (const auto& c : doc) {
        GeoNamesPlace g = read_world_city(c, file);
        std::vector<std::string> keys;
        for (const auto& n : g.names) keys.push_back(ascii_lower(n));
        if (const auto same = same_city(towns, grid, g.place.lat, g.place.lon, keys)) {
            merge_city_into(g, towns[*same]);
            continue;
        }
        g.place.name = g.names[0];
        const bool seat = g.place.feature_code == "PPLC" || g.place.feature_code == "PPLA";
        g.place.type = (g.place.population >= 10000 || seat) ? PlaceType::City : PlaceType::Village;
        g.place.importance = importance_of(g.place.population, g.place.feature_code);
        added.push_back(std::move(g));
    }
    towns.insert(towns.end(), std::make_move_iterator(added.begin()), std::make_move_iterator(added.end()));
}

bool usable_name(const std::string& name) {
    if (name.size() < 3) return false;
    if (name.find("http") != std::string::npos) return false;
    int letters = 0;
    int upper = 0;
    for (unsigned char c : name) {
        if (std::isdigit(c) != 0) return false;
        if (std::isalpha(c) != 0) {
            ++letters;
            if (std::isupper(c) != 0) ++upper;
        }
    }
    // Airport and other codes ("IEV", "KHE"): short names in capitals only.
    return !(letters > 0 && letters == upper && letters <= 4);
}

std::vector<GeoNamesPlace> read_geonames(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw DataError("cannot read " + file.string(), "no such file (tools/setup.sh fetches it)");
    std::vector<GeoNamesPlace> out;
    std::string line;
    while (std::getline(in, line)) {
        const auto f = split(line, '\t');
        if (f.size() < 19) throw DataError("cannot read " + file.string(), "a line has " + std::to_string(f.size()) + " fields, expected 19");
        GeoNamesPlace g;
        Place& p = g.place;
        p.id = f[0];
        p.name = f[1];
        p.lat = std::stod(f[4]);
        p.lon = std::stod(f[5]);
        p.feature_code = f[7];
        p.country = f[8];
        p.admin1 = f[10];
        g.admin2 = f[11];
        p.population = f[14].empty() ? 0 : std::stoll(f[14]);
        const bool seat = p.feature_code == "PPLC" || p.feature_code == "PPLA";
        p.type = (p.population >= 10000 || seat) ? PlaceType::City : PlaceType::Village;
        p.importance = importance_of(p.population, p.feature_code);
        g.names.push_back(f[1]);
        if (f[2] != f[1]) g.names.push_back(f[2]);
        for (auto& alt : split(f[3], ','))
            if (usable_name(alt)) g.names.push_back(std::move(alt));
        out.push_back(std::move(g));
    }
    return out;
}

namespace {

std::vector<std::pair<double, double>> read_line(const nlohmann::json& coords) {
    std::vector<std::pair<double, double>> line;
    for (const auto& pt : coords) line.emplace_back(pt.at(0).get<double>(), pt.at(1).get<double>());
    return line;
}

std::vector<std::filesystem::path> geojson_files(const std::filesystem::path& folder) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
        if (entry.path().extension() == ".geojson") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

void read_properties(const nlohmann::json& props, CuratedEntry& e) {
    Place& p = e.place;
    p.id = props.at("id").get<std::string>();
    p.name = props.at("name").get<std::string>();
    p.type = gazetteer::place_type_from_string(props.at("type").get<std::string>());
    p.feature_code = props.at("type").get<std::string>();
    p.country = props.value("country", "");
    p.importance = props.value("importance", 0.5);
    p.population = props.value("population", 0LL);
    e.source = props.value("source", "");
    for (const auto& n : props.value("names", nlohmann::json::array())) e.names.push_back(n.get<std::string>());
    for (const auto& c : props.value("compose", nlohmann::json::array()))
        e.compose.emplace_back(c.at("iso_a2").get<std::string>(), c.at("name").get<std::string>());
}

// A point is the entry's position; lines are river courses, polygons' outer rings region outlines.
void read_geometry(const nlohmann::json& geom, CuratedEntry& e) {
    if (geom.is_null()) return;
    const std::string type = geom.at("type").get<std::string>();
    const auto& coords = geom.at("coordinates");
    if (type == "Point") {
        e.place.lon = coords.at(0).get<double>();
        e.place.lat = coords.at(1).get<double>();
    } else if (type == "LineString") {
        e.lines.push_back(read_line(coords));
    } else if (type == "MultiLineString") {
        for (const auto& l : coords) e.lines.push_back(read_line(l));
    } else if (type == "Polygon") {
        e.rings.push_back(read_line(coords.at(0)));
    } else if (type == "MultiPolygon") {
        for (const auto& poly : coords) e.rings.push_back(read_line(poly.at(0)));
    }
}

// The properties that place the name and state an extent, read after the geometry: a "label"
// overrides a point's position.
void read_placement(const nlohmann::json& props, const std::filesystem::path& file, CuratedEntry& e) {
    if (props.contains("label_points")) e.label_points = read_line(props.at("label_points"));
    if (props.contains("bbox")) e.bbox = props.at("bbox").get<std::vector<double>>();
    if (!e.bbox.empty() && e.bbox.size() != 4)
        throw DataError("cannot read " + file.string(), "feature '" + e.place.id + "': bbox is not [west, south, east, north]");
    if (props.contains("label")) {
        e.place.lon = props["label"].at(0).get<double>();
        e.place.lat = props["label"].at(1).get<double>();
    }
}

CuratedEntry read_feature(const nlohmann::json& feature, const std::filesystem::path& file) {
    const auto& props = feature.at("properties");
    CuratedEntry e;
    try {
        read_properties(props, e);
        read_geometry(feature.at("geometry"), e);
        read_placement(props, file, e);
    } catch (const nlohmann::json::exception& ex) {
        throw DataError("cannot read " + file.string(), "feature '" + e.place.id + "': " + ex.what());
    }
    if (e.source.empty()) throw DataError("cannot read " + file.string(), "feature '" + e.place.id + "' notes no source");
    return e;
}

}  // namespace

std::vector<CuratedEntry> read_curated(const std::filesystem::path& folder) {
    std::vector<CuratedEntry> out;
    for (const auto& file : geojson_files(folder)) {
        std::ifstream in(file);
        const auto doc = nlohmann::json::parse(in, nullptr, false);
        if (doc.is_discarded() || !doc.contains("features")) throw DataError("cannot read " + file.string(), "not a GeoJSON FeatureCollection");
        for (const auto& feature : doc["features"]) out.push_back(read_feature(feature, file));
    }
    return out;
}

std::vector<RecognisedUnit> read_recognition(const std::filesystem::path& file) {
    std::ifstream in(file);
    const auto doc = nlohmann::json::parse(in, nullptr, false);
    if (doc.is_discarded() || !doc.contains("admin1_country")) throw DataError("cannot read " + file.string(), "no admin1_country list");
    std::vector<RecognisedUnit> out;
    for (const auto& m : doc.at("admin1_country")) out.push_back({m.at("fips").get<std::string>(), m.at("country").get<std::string>()});
    return out;
}

}  // namespace frontmap::databuild
