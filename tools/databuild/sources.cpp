#include "sources.hpp"

#include "common/error.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
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

}  // namespace

bool usable_name(const std::string& name) {
    if (name.size() < 3) return false;
    if (name.find("http") != std::string::npos) return false;
    int letters = 0, upper = 0;
    for (unsigned char c : name) {
        if (std::isdigit(c)) return false;
        if (std::isalpha(c)) {
            ++letters;
            if (std::isupper(c)) ++upper;
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

}  // namespace

std::vector<CuratedEntry> read_curated(const std::filesystem::path& folder) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
        if (entry.path().extension() == ".geojson") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::vector<CuratedEntry> out;
    for (const auto& file : files) {
        std::ifstream in(file);
        const auto doc = nlohmann::json::parse(in, nullptr, false);
        if (doc.is_discarded() || !doc.contains("features")) throw DataError("cannot read " + file.string(), "not a GeoJSON FeatureCollection");
        for (const auto& feature : doc["features"]) {
            const auto& props = feature.at("properties");
            CuratedEntry e;
            Place& p = e.place;
            try {
                p.id = props.at("id").get<std::string>();
                p.name = props.at("name").get<std::string>();
                p.type = gazetteer::place_type_from_string(props.at("type").get<std::string>());
                p.feature_code = props.at("type").get<std::string>();
                p.country = props.value("country", "");
                p.importance = props.value("importance", 0.5);
                e.source = props.value("source", "");
                for (const auto& n : props.value("names", nlohmann::json::array())) e.names.push_back(n.get<std::string>());
                for (const auto& c : props.value("compose", nlohmann::json::array()))
                    e.compose.emplace_back(c.at("iso_a2").get<std::string>(), c.at("name").get<std::string>());
                const auto& geom = feature.at("geometry");
                if (!geom.is_null()) {
                    const std::string type = geom.at("type").get<std::string>();
                    const auto& coords = geom.at("coordinates");
                    if (type == "Point") {
                        p.lon = coords.at(0).get<double>();
                        p.lat = coords.at(1).get<double>();
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
                if (props.contains("label_points")) e.label_points = read_line(props.at("label_points"));
                if (props.contains("label")) {
                    p.lon = props["label"].at(0).get<double>();
                    p.lat = props["label"].at(1).get<double>();
                }
            } catch (const nlohmann::json::exception& ex) {
                throw DataError("cannot read " + file.string(), "feature '" + p.id + "': " + ex.what());
            }
            if (e.source.empty()) throw DataError("cannot read " + file.string(), "feature '" + p.id + "' notes no source");
            out.push_back(std::move(e));
        }
    }
    return out;
}

}  // namespace frontmap::databuild
