#include "build.hpp"

#include "common/error.hpp"
#include "common/text.hpp"
#include "gazetteer/writer.hpp"
#include "io/gdal.hpp"
#include "names.hpp"
#include "sources.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

namespace frontmap::databuild {

using gazetteer::Place;
using gazetteer::PlaceType;

namespace {

struct Area {
    Place place;
    std::vector<std::string> names;
    std::vector<double> bbox;
    std::string namesake_id;  // the city the region is named after, if any
};

std::vector<double> envelope(OGRGeometryH g) {
    OGREnvelope env;
    OGR_G_GetEnvelope(g, &env);
    return {env.MinX, env.MinY, env.MaxX, env.MaxY};
}

// The centroid, as geoparsing gold standards use for areas (a label point is the map's business).
void centroid(OGRGeometryH g, Place& p) {
    gdal::GeometryPtr pt{OGR_G_CreateGeometry(wkbPoint)};
    if (OGR_G_Centroid(g, pt.get()) == OGRERR_NONE) {
        p.lon = OGR_G_GetX(pt.get(), 0);
        p.lat = OGR_G_GetY(pt.get(), 0);
    }
}

// Country names in the languages of the regions we cover and of the world's newsrooms, from ICU's
// locale data: "Україна", "Украина", "أوكرانيا" all name UA.
std::vector<std::string> icu_country_names(const std::string& iso2) {
    static constexpr auto languages = std::to_array<const char*>({"en", "uk", "ru", "fr", "de", "es", "it", "pt", "pl", "ar", "he", "fa", "tr", "my", "zh", "ja", "az", "hy", "ka"});
    std::vector<std::string> out;
    const icu::Locale region("", iso2.c_str());
    for (const char* lang : languages) {
        icu::UnicodeString name;
        region.getDisplayCountry(icu::Locale(lang), name);
        std::string utf8;
        name.toUTF8String(utf8);
        if (!utf8.empty() && utf8 != iso2) out.push_back(utf8);
    }
    return out;
}

// A country's point: the centroid of its largest part. The centroid of all its parts can fall in
// the sea or far from where anyone means (France's with French Guiana lies in the Bay of Biscay, the
// United States' with Alaska in Montana); gazetteers such as GeoNames put a country on its mainland.
void mainland_centroid(OGRGeometryH g, Place& p) {
    const int parts = OGR_G_GetGeometryCount(g);
    if (wkbFlatten(OGR_G_GetGeometryType(g)) != wkbMultiPolygon || parts < 2) return centroid(g, p);
    OGRGeometryH largest = nullptr;
    double largest_area = -1.0;
    for (int i = 0; i < parts; ++i) {
        OGRGeometryH part = OGR_G_GetGeometryRef(g, i);
        if (const double area = OGR_G_Area(part); area > largest_area) {
            largest_area = area;
            largest = part;
        }
    }
    centroid(largest, p);
}

// Natural Earth gives no population: the sum of a country's towns stands for it, so that Norfolk
// Island (a territory of 2,000 people) does not outrank the English county or the Virginia city.
// Importance runs from 0.6 at 10,000 people to 0.95 at ten million.
void weigh_countries(std::vector<Area>& countries, const std::vector<GeoNamesPlace>& cities) {
    std::map<std::string, long long> people;
    for (const auto& c : cities) people[c.place.country] += c.place.population;
    for (auto& a : countries) {
        a.place.population = people[a.place.country];
        const double scale = (std::log10(1.0 + static_cast<double>(a.place.population)) - 4.0) / 3.0;
        a.place.importance = 0.6 + 0.35 * std::clamp(scale, 0.0, 1.0);
    }
}

std::vector<Area> read_countries(GDALDatasetH ds, const std::set<std::string>& english_words) {
    std::vector<Area> out;
    OGRLayerH layer = GDALDatasetGetLayerByName(ds, "countries");
    if (!layer) throw DataError("Natural Earth world_map.gpkg", "has no 'countries' layer");
    OGR_L_ResetReading(layer);
    while (gdal::FeaturePtr f{OGR_L_GetNextFeature(layer)}) {
        std::string iso = gdal::field_text(f.get(), "iso_a2");
        if (iso == "-99" || iso.size() != 2) iso = gdal::field_text(f.get(), "WB_A2");
        if (iso == "-99" || iso.size() != 2) continue;
        Area a;
        a.place.id = "ne-country-" + iso;
        a.place.name = gdal::field_text(f.get(), "NAME");
        a.place.type = PlaceType::Country;
        a.place.feature_code = "PCLI";
        a.place.country = iso;
        a.place.importance = 0.95;
        OGRGeometryH g = OGR_F_GetGeometryRef(f.get());
        if (!g) continue;
        mainland_centroid(g, a.place);
        a.bbox = envelope(g);
        // Another language's name that is an English word ("Island", Iceland in German) would
        // turn the word into a place.
        for (auto& n : icu_country_names(iso))
            if (!english_words.contains(text::name_key(n))) a.names.push_back(std::move(n));
        a.names.push_back(a.place.name);
        out.push_back(std::move(a));
    }
    return out;
}

// The GeoNames admin-1 code of a Natural Earth unit: the code most of the country's towns inside
// its outline carry. Natural Earth keys units by FIPS code and GeoNames its towns by its own codes
// (ISO for the US: "TX" where Natural Earth says "US48"); a qualifier ("Paris, Texas") and the
// article's admin-1 areas compare towns with units through it. Empty when no town lies inside.
std::string geonames_admin1(OGRGeometryH unit, const std::string& iso, const std::vector<const GeoNamesPlace*>& towns) {
    const auto box = envelope(unit);
    std::map<std::string, int> votes;
    gdal::GeometryPtr pt{OGR_G_CreateGeometry(wkbPoint)};
    for (const GeoNamesPlace* t : towns) {
        const Place& p = t->place;
        if (p.country != iso || p.admin1.empty() || p.lon < box[0] || p.lon > box[2] || p.lat < box[1] || p.lat > box[3]) continue;
        OGR_G_SetPoint_2D(pt.get(), 0, p.lon, p.lat);
        if (OGR_G_Contains(unit, pt.get()) != 0) ++votes[p.admin1];
    }
    const auto most = std::max_element(votes.begin(), votes.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    return most == votes.end() ? std::string() : most->first;
}

// Natural Earth cuts some countries finer than GeoNames' first level (England's counties all carry
// GeoNames' "ENG"): a code that several units share names none of them, and is dropped, so that a
// county holds only the towns inside its outline.
void drop_shared_codes(std::vector<Area>& units) {
    std::map<std::pair<std::string, std::string>, int> uses;
    for (const auto& a : units) ++uses[{a.place.country, a.place.admin1}];
    for (auto& a : units)
        if (uses[{a.place.country, a.place.admin1}] > 1) a.place.admin1.clear();
}

using PlaceIndex = std::map<std::pair<std::string, std::string>, const GeoNamesPlace*>;

// The towns a region may be named after: by name, the largest town or seat of each; by admin-1
// code, the seat.
struct Namesakes {
    PlaceIndex by_key;  // (country, key) -> largest
    PlaceIndex seat;    // (country, admin1) -> PPLA
};

Namesakes index_namesakes(const std::vector<GeoNamesPlace>& cities) {
    Namesakes out;
    for (const auto& c : cities) {
        if (c.place.feature_code == "PPLA" || c.place.feature_code == "PPLC")
            out.seat[{c.place.country, c.place.admin1}] = &c;
        if (c.place.population < 20000 && c.place.feature_code != "PPLA" && c.place.feature_code != "PPLC") continue;
        for (const auto& n : c.names) {
            auto& slot = out.by_key[{c.place.country, text::name_key(n)}];
            if (!slot || slot->place.population < c.place.population) slot = &c;
        }
    }
    return out;
}

// Natural Earth files some disputed units under the occupier; FIPS codes keep the
// internationally recognised country, learnt from the units whose seat matches.
std::map<std::string, std::string> recognised_fips_countries(OGRLayerH layer, const PlaceIndex& seat) {
    std::map<std::string, std::string> fips_country;
    OGR_L_ResetReading(layer);
    while (gdal::FeaturePtr f{OGR_L_GetNextFeature(layer)}) {
        const std::string fips = gdal::field_text(f.get(), "fips");
        const std::string iso = gdal::field_text(f.get(), "iso_a2");
        if (fips.size() >= 4 && seat.contains({iso, fips.substr(2)})) fips_country.emplace(fips.substr(0, 2), iso);
    }
    return fips_country;
}

// By country, so that a unit is tested against its own country's towns only.
std::vector<const GeoNamesPlace*> towns_by_country(const std::vector<GeoNamesPlace>& cities) {
    std::vector<const GeoNamesPlace*> towns;
    towns.reserve(cities.size());
    for (const auto& c : cities) towns.push_back(&c);
    std::sort(towns.begin(), towns.end(), [](const auto* a, const auto* b) { return a->place.country < b->place.country; });
    return towns;
}

std::string admin1_id(const std::string& fips, const std::string& iso, const std::string& name, std::set<std::string>& used_ids) {
    std::string id = "ne-admin1-" + (fips.size() >= 4 ? fips : iso + "-" + text::name_key(name));
    // Natural Earth gives a few units one FIPS code (two Darfur states share SU49): the name
    // keeps their ids apart.
    if (!used_ids.insert(id).second) id += "-" + text::name_key(name);
    std::replace(id.begin(), id.end(), ' ', '-');
    return id;
}

// geonames_admin1 over the country's own towns, found in `towns` sorted by country.
std::string country_admin1(OGRGeometryH unit, const std::string& iso, const std::vector<const GeoNamesPlace*>& towns) {
    const auto first = std::lower_bound(towns.begin(), towns.end(), iso, [](const auto* t, const std::string& c) { return t->place.country < c; });
    const auto last = std::upper_bound(first, towns.end(), iso, [](const std::string& c, const auto* t) { return c < t->place.country; });
    return geonames_admin1(unit, iso, {first, last});
}

void add_unit_names(OGRFeatureH f, const Admin1NameForms& forms, Area& a) {
    std::vector<std::string> given;
    for (const char* col : {"name", "woe_name", "gn_name"}) given.push_back(gdal::field_text(f, col));
    // "Paktia, AF, Afghanistan": the label's first part is the English name news use.
    const std::string label = gdal::field_text(f, "woe_label");
    given.push_back(label.substr(0, label.find(',')));
    const auto add = [&](const std::string& n) {
        if (!n.empty() && std::find(a.names.begin(), a.names.end(), n) == a.names.end()) a.names.push_back(n);
    };
    for (const auto& n : given) {
        add(n);
        for (const auto& form : short_forms(n, forms)) add(form);
    }
}

// The city a unit is named after: the last of its names a large town or seat carries, else a seat
// whose name begins as the unit's does.
const GeoNamesPlace* namesake_of(const Area& a, const std::string& fips, const Namesakes& namesakes) {
    const std::string& iso = a.place.country;
    const GeoNamesPlace* namesake = nullptr;
    for (const auto& n : a.names)
        if (auto it = namesakes.by_key.find({iso, text::name_key(n)}); it != namesakes.by_key.end()) namesake = it->second;
    if (!namesake && fips.size() >= 4) {
        const auto it = namesakes.seat.find({iso, fips.substr(2)});
        const std::string region_key = text::name_key(a.place.name);
        if (it != namesakes.seat.end() && text::name_key(it->second->place.name).substr(0, 5) == region_key.substr(0, 5))
            namesake = it->second;
    }
    return namesake;
}

// What read_admin1 reads each unit with: the towns, their namesake index and the names' forms.
struct Admin1Context {
    const Namesakes& namesakes;
    const std::map<std::string, std::string>& fips_country;
    const std::vector<const GeoNamesPlace*>& towns;
    const Admin1NameForms& forms;
};

Area read_admin1_unit(OGRFeatureH f, OGRGeometryH g, const std::string& name, const Admin1Context& ctx, std::set<std::string>& used_ids) {
    const std::string fips = gdal::field_text(f, "fips");
    std::string iso = gdal::field_text(f, "iso_a2");
    if (fips.size() >= 4 && ctx.fips_country.contains(fips.substr(0, 2))) iso = ctx.fips_country.at(fips.substr(0, 2));
    Area a;
    a.place.id = admin1_id(fips, iso, name, used_ids);
    a.place.name = name;
    a.place.type = PlaceType::Region;
    a.place.feature_code = "ADM1";
    a.place.country = iso;
    a.place.admin1 = country_admin1(g, iso, ctx.towns);
    a.place.importance = 0.6;
    centroid(g, a.place);
    a.bbox = envelope(g);
    add_unit_names(f, ctx.forms, a);
    if (const GeoNamesPlace* namesake = namesake_of(a, fips, ctx.namesakes)) {
        for (const auto& n : namesake->names) a.names.push_back(n);
        a.namesake_id = namesake->place.id;
    }
    return a;
}

// Natural Earth admin-1 areas. Their names are transliterated one way ("Zaporizhzhya", "Kiev");
// the region also takes the names of the city it is named after, so "Zaporizhzhia region" and
// "Kyiv region" find it.
std::vector<Area> read_admin1(GDALDatasetH ds, const std::vector<GeoNamesPlace>& cities, const Admin1NameForms& forms) {
    const Namesakes namesakes = index_namesakes(cities);
    std::vector<Area> out;
    OGRLayerH layer = GDALDatasetGetLayerByName(ds, "states_provinces");
    if (!layer) throw DataError("Natural Earth world_map.gpkg", "has no 'states_provinces' layer");
    const auto fips_country = recognised_fips_countries(layer, namesakes.seat);
    std::set<std::string> used_ids;
    const auto towns = towns_by_country(cities);
    const Admin1Context ctx{namesakes, fips_country, towns, forms};
    OGR_L_ResetReading(layer);
    while (gdal::FeaturePtr f{OGR_L_GetNextFeature(layer)}) {
        OGRGeometryH g = OGR_F_GetGeometryRef(f.get());
        const std::string name = gdal::field_text(f.get(), "name");
        if (!g || name.empty()) continue;
        out.push_back(read_admin1_unit(f.get(), g, name, ctx, used_ids));
    }
    drop_shared_codes(out);
    return out;
}

// The words after a county's own name that news leave out ("Lamar County" is "Lamar").
std::vector<std::string> read_admin2_suffixes(const std::filesystem::path& file) {
    std::ifstream in(file);
    const auto doc = nlohmann::json::parse(in, nullptr, false);
    if (doc.is_discarded() || !doc.contains("admin2_suffixes")) throw DataError("cannot read " + file.string(), "no \"admin2_suffixes\" list");
    return doc.at("admin2_suffixes").get<std::vector<std::string>>();
}

// A town's admin-2 unit as admin2.json names it: "country.admin1.admin2".
std::string admin2_code(const GeoNamesPlace& c) {
    std::string code = c.place.country;
    code.append(".").append(c.place.admin1).append(".").append(c.admin2);
    return code;
}

// GeoNames admin-2 areas (counties, districts, raions): names from admin2.json, each placed at the
// mean of the cities500 towns that carry its code, its extent theirs. A unit no town carries is left
// out: nothing would say where it is. "Lamar County" is also "Lamar", as news write it before "County".
std::vector<Area> read_admin2(const std::filesystem::path& file, const std::vector<GeoNamesPlace>& cities, const std::vector<std::string>& suffixes) {
    std::ifstream in(file);
    if (!in) throw DataError("cannot read " + file.string(), "no such file (tools/setup.sh fetches it)");
    const auto doc = nlohmann::json::parse(in, nullptr, false);
    if (doc.is_discarded() || !doc.is_array()) throw DataError("cannot read " + file.string(), "not a JSON list of admin-2 codes and names");
    struct Towns {
        double lon = 0, lat = 0;
        long long population = 0;
        int n = 0;
        std::vector<double> bbox;
    };
    std::map<std::string, Towns> by_code;
    for (const auto& c : cities) {
        if (c.admin2.empty()) continue;
        Towns& t = by_code[admin2_code(c)];
        t.lon += c.place.lon;
        t.lat += c.place.lat;
        t.population += c.place.population;
        ++t.n;
        if (t.bbox.empty()) t.bbox = {c.place.lon, c.place.lat, c.place.lon, c.place.lat};
        t.bbox = {std::min(t.bbox[0], c.place.lon), std::min(t.bbox[1], c.place.lat), std::max(t.bbox[2], c.place.lon), std::max(t.bbox[3], c.place.lat)};
    }
    std::vector<Area> out;
    for (const auto& entry : doc) {
        const std::string code = entry.value("code", "");
        const std::string name = entry.value("name", "");
        const auto it = by_code.find(code);
        if (name.empty() || it == by_code.end()) continue;
        const Towns& t = it->second;
        Area a;
        a.place.id = "gn-admin2-" + code;
        a.place.name = name;
        a.place.type = PlaceType::Region;
        a.place.feature_code = "ADM2";
        a.place.country = code.substr(0, 2);
        a.place.admin1 = code.substr(3, code.find('.', 3) - 3);
        a.place.lon = t.lon / t.n;
        a.place.lat = t.lat / t.n;
        a.place.population = t.population;
        a.place.importance = 0.35;
        a.bbox = t.bbox;
        a.names.push_back(name);
        for (const auto& suffix : suffixes)
            if (name.size() > suffix.size() + 1 && name.ends_with(" " + suffix)) a.names.push_back(name.substr(0, name.size() - suffix.size() - 1));
        out.push_back(std::move(a));
    }
    return out;
}

std::string shape_json(const std::vector<std::pair<double, double>>& course, const std::vector<double>& bbox) {
    nlohmann::json shape = nlohmann::json::object();
    if (!course.empty()) {
        auto& c = shape["course"] = nlohmann::json::array();
        for (const auto& [lon, lat] : course) c.push_back({std::round(lon * 1e4) / 1e4, std::round(lat * 1e4) / 1e4});
    }
    if (!bbox.empty()) shape["bbox"] = bbox;
    return shape.empty() ? std::string() : shape.dump();
}

// "Shahat" for GeoNames' "Shahhat": a town known to the sources under a spelling news do not use.
// The most populous town of the country by that name as the sources spell it; none fails the build.
const GeoNamesPlace& alias_town(const std::vector<GeoNamesPlace>& cities, const std::string& name, const std::string& iso) {
    const GeoNamesPlace* best = nullptr;
    for (const auto& c : cities)
        if (c.place.country == iso && std::find(c.names.begin(), c.names.end(), name) != c.names.end() &&
            ((best == nullptr) || c.place.population > best->place.population))
            best = &c;
    if (!best) throw DataError("town alias in aliases.json", "no town '" + name + "' in " + iso);
    return *best;
}

// Each entry names the town as the sources spell it, with its country; a missing one fails the build.
void add_town_aliases(const nlohmann::json& towns, const std::vector<GeoNamesPlace>& cities, gazetteer::Writer& writer) {
    for (const auto& entry : towns) {
        const std::string name = entry.at("name").get<std::string>();
        const std::string iso = entry.at("country").get<std::string>();
        const GeoNamesPlace& town = alias_town(cities, name, iso);
        for (const auto& n : entry.at("names")) writer.add_name(town.place.id, n.get<std::string>());
    }
}

// Short names news use ("Britain", "UAE", "North Kivu") that neither Natural Earth nor ICU has.
// A region's alias is also its namesake city's ("Hodeidah" is the governorate and its port).
void add_aliases(const std::filesystem::path& file, const std::vector<Area>& admin1, const std::vector<GeoNamesPlace>& cities,
                 gazetteer::Writer& writer) {
    std::ifstream in(file);
    if (!in) throw DataError("cannot read " + file.string(), "no such file");
    const auto doc = nlohmann::json::parse(in, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) throw DataError("cannot read " + file.string(), "not a JSON object");
    const nlohmann::json& countries = doc.at("countries");
    for (auto it = countries.begin(); it != countries.end(); ++it)
        for (const auto& n : it.value()) writer.add_name("ne-country-" + it.key(), n.get<std::string>());
    if (doc.contains("towns")) add_town_aliases(doc.at("towns"), cities, writer);
    const auto unit = [&](const nlohmann::json& entry) {
        const std::string name = entry.at("name").get<std::string>();
        const std::string iso = entry.at("country").get<std::string>();
        const auto it = std::find_if(admin1.begin(), admin1.end(), [&](const Area& a) { return a.place.name == name && a.place.country == iso; });
        if (it == admin1.end()) throw DataError("alias in " + file.string(), "no Natural Earth admin-1 unit '" + name + "' in " + iso);
        return it;
    };
    for (const auto& entry : doc.value("qualifiers", nlohmann::json::array()))
        for (const auto& n : entry.at("names")) writer.add_qualifier_name(unit(entry)->place.id, n.get<std::string>());
    const nlohmann::json& regions = doc.at("admin1");
    for (const auto& entry : regions) {
        const auto it = unit(entry);
        // "the port of Hodeidah": a region's other spelling is its namesake city's too.
        for (const auto& n : entry.at("names")) {
            writer.add_name(it->place.id, n.get<std::string>());
            if (!it->namesake_id.empty()) writer.add_name(it->namesake_id, n.get<std::string>());
        }
    }
}

void add_not_place_names(const std::filesystem::path& file, gazetteer::Writer& writer) {
    std::ifstream in(file);
    const auto doc = nlohmann::json::parse(in, nullptr, false);
    if (doc.is_discarded() || !doc.contains("names")) throw DataError("cannot read " + file.string(), "no \"names\" list");
    for (const auto& n : doc.at("names")) writer.add_not_place_name(n.get<std::string>());
}

// Common English words: a capitalised word at the start of a sentence is rarely a place.
// Proper nouns in the word list are capitalised and left out.
std::set<std::string> read_english_words(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw DataError("cannot read " + file.string(), "no such file (tools/setup.sh copies it from wamerican)");
    std::set<std::string> words;
    std::string w;
    while (std::getline(in, w))
        if (!w.empty() && (std::islower(static_cast<unsigned char>(w[0])) != 0) && w.find('\'') == std::string::npos) words.insert(w);
    return words;
}

void write_areas(const std::vector<GeoNamesPlace>& cities, const std::vector<Area>& countries, const std::vector<Area>& admin1,
                 const std::vector<Area>& admin2, gazetteer::Writer& writer) {
    for (const auto& c : cities) {
        writer.add_place(c.place, "");
        for (const auto& n : c.names) writer.add_name(c.place.id, n);
    }
    for (const std::vector<Area>* areas : {&countries, &admin1, &admin2}) {
        for (const auto& a : *areas) {
            writer.add_place(a.place, shape_json({}, a.bbox));
            for (const auto& n : a.names) writer.add_name(a.place.id, n);
        }
    }
}

void grow_bbox(std::vector<double>& bbox, double lon, double lat) {
    if (bbox.empty()) bbox = {lon, lat, lon, lat};
    bbox = {std::min(bbox[0], lon), std::min(bbox[1], lat), std::max(bbox[2], lon), std::max(bbox[3], lat)};
}

// A curated entry's extent: its outlines, its stated extent and the admin-1 units it is made of.
std::vector<double> curated_bbox(const CuratedEntry& e, const std::vector<Area>& admin1) {
    std::vector<double> bbox;
    for (const auto& ring : e.rings)
        for (const auto& [lon, lat] : ring) grow_bbox(bbox, lon, lat);
    if (!e.bbox.empty()) {
        grow_bbox(bbox, e.bbox[0], e.bbox[1]);
        grow_bbox(bbox, e.bbox[2], e.bbox[3]);
    }
    for (const auto& [iso, name] : e.compose) {
        // Matched by name, preferring the given country: Natural Earth files some units
        // (Crimea) under a country other than the one we record.
        std::vector<double> b;
        for (const auto& a : admin1)
            if (a.place.name == name && (b.empty() || a.place.country == iso)) b = a.bbox;
        if (b.empty()) throw DataError("curated region " + e.place.id, "no Natural Earth admin-1 unit named '" + name + "'");
        grow_bbox(bbox, b[0], b[1]);
        grow_bbox(bbox, b[2], b[3]);
    }
    return bbox;
}

void write_curated(const CuratedEntry& e, const std::vector<Area>& admin1, gazetteer::Writer& writer) {
    Place p = e.place;
    std::vector<std::pair<double, double>> course;
    for (const auto& line : e.lines) course.insert(course.end(), line.begin(), line.end());
    const std::vector<double> bbox = curated_bbox(e, admin1);
    if (!course.empty() && p.lat == 0.0 && p.lon == 0.0) {
        p.lon = course[course.size() / 2].first;
        p.lat = course[course.size() / 2].second;
    }
    if (!bbox.empty() && p.lat == 0.0 && p.lon == 0.0) {
        p.lon = (bbox[0] + bbox[2]) / 2;
        p.lat = (bbox[1] + bbox[3]) / 2;
    }
    writer.add_place(p, shape_json(course, bbox));
    for (const auto& n : e.names) writer.add_name(p.id, n);
}

void add_given_names(const std::filesystem::path& file, gazetteer::Writer& writer) {
    std::ifstream names(file);
    if (!names) throw DataError("cannot read " + file.string(), "no such file (tools/setup.sh fetches it)");
    std::string n;
    while (std::getline(names, n)) {
        if (!n.empty() && n.back() == '\r') n.pop_back();
        if (n.size() >= 3) writer.add_given_name(n);
    }
}

}  // namespace

void build_gazetteer(const Inputs& in, const std::filesystem::path& out) {
    gdal::ensure_registered();
    auto cities = read_geonames(in.sources / "cities500.txt");
    merge_world_cities(in.sources / "worldcities.json", cities);
    auto ne = gdal::open_vector((in.sources / "world_map.gpkg").string());
    const auto english_words = read_english_words(in.sources / "words.txt");
    auto countries = read_countries(ne.get(), english_words);
    weigh_countries(countries, cities);
    const auto admin1 = read_admin1(ne.get(), cities, read_admin1_name_forms(in.geodata / "aliases.json", english_words));
    const auto curated = read_curated(in.geodata);
    const auto admin2 = read_admin2(in.sources / "admin2.json", cities, read_admin2_suffixes(in.geodata / "aliases.json"));

    gazetteer::Writer writer(out);
    write_areas(cities, countries, admin1, admin2, writer);

    add_aliases(in.geodata / "aliases.json", admin1, cities, writer);
    add_not_place_names(in.geodata / "not-places.json", writer);

    for (const auto& e : curated) write_curated(e, admin1, writer);

    for (const auto& w : english_words) writer.add_word(w);
    add_given_names(in.sources / "given-names.txt", writer);
    writer.finish();
    std::cout << "gazetteer: " << cities.size() << " GeoNames places, " << countries.size() << " countries, " << admin1.size()
              << " admin-1 areas, " << admin2.size() << " admin-2 areas, " << curated.size() << " curated entries\n";
}

}  // namespace frontmap::databuild
