#include "gazetteer/gazetteer.hpp"

#include "common/bbox.hpp"
#include "common/error.hpp"
#include "common/names.hpp"
#include "common/proj.hpp"
#include "common/rules.hpp"
#include "common/text.hpp"

#include <nlohmann/json.hpp>

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>

namespace frontmap::gazetteer {

extern const std::string_view kInflectionsJson;
extern const std::string_view kGeocodeJson;

namespace {
constexpr const char* kPlaceColumns =
    "p.id, p.name, p.type, p.feature_code, p.country, p.admin1, p.lat, p.lon, p.population, p.importance, p.shape";

constexpr auto kTypeNames = std::to_array<std::pair<PlaceType, const char*>>({
    {PlaceType::City, "city"},     {PlaceType::Village, "village"}, {PlaceType::Region, "region"},
    {PlaceType::Country, "country"}, {PlaceType::River, "river"},   {PlaceType::Sea, "sea"},
    {PlaceType::Island, "island"}, {PlaceType::Infrastructure, "infrastructure"}, {PlaceType::Other, "other"},
});
}  // namespace

const char* to_string(PlaceType type) { return names::word_of(kTypeNames, type, "other"); }

PlaceType place_type_from_string(const std::string& text) {
    if (const auto type = names::value_of(kTypeNames, text)) return *type;
    throw DataError("unknown place type", "'" + text + "'");
}

namespace {

// Opens the file and checks it is a gazetteer before any statement is prepared, so a wrong file
// is reported as such rather than as a failed query.
sqlite::DbPtr open_gazetteer(const std::filesystem::path& file) {
    const std::string what = "cannot open gazetteer " + file.string();
    if (!std::filesystem::exists(file)) throw DataError(what, "no such file (run tools/setup.sh to build it)");
    auto db = sqlite::open(file.string(), false);
    try {
        sqlite::Statement tables(db.get(), "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('meta', 'places', 'names', 'words', 'given_names', 'not_place_names', 'qualifier_names')");
        tables.step();
        if (tables.integer(0) != 7) throw DataError(what, "it is not a frontmap gazetteer (run tools/setup.sh to build one)");
    } catch (const DataError& e) {
        if (e.subject() == what) throw;
        throw DataError(what, "it is not a frontmap gazetteer: " + e.reason());
    }
    return db;
}

// A place's extent as tools/databuild stores it: [west, south, east, north]; any other list is
// no extent, as the stages that read it always took it.
std::optional<BBox> stored_extent(const std::vector<double>& corners) {
    if (corners.size() != 4) return std::nullopt;
    return BBox{corners[0], corners[1], corners[2], corners[3]};
}

}  // namespace

Gazetteer::Gazetteer(const std::filesystem::path& file)
    : db_(open_gazetteer(file)),
      by_key_(db_.get(), std::string("SELECT ") + kPlaceColumns + " FROM names n JOIN places p ON p.id = n.place_id WHERE n.key = ?"),
      by_id_(db_.get(), std::string("SELECT ") + kPlaceColumns + " FROM places p WHERE p.id = ?"),
      word_(db_.get(), "SELECT 1 FROM words WHERE word = ?"),
      given_(db_.get(), "SELECT 1 FROM given_names WHERE key = ?"),
      by_qualifier_(db_.get(), std::string("SELECT ") + kPlaceColumns + " FROM qualifier_names q JOIN places p ON p.id = q.place_id WHERE q.key = ?"),
      in_box_(db_.get(), std::string("SELECT ") + kPlaceColumns +
                             " FROM places p WHERE p.lat BETWEEN ? AND ? AND p.lon BETWEEN ? AND ? AND p.type IN ('city', 'village')"),
      admin1_of_(db_.get(), std::string("SELECT ") + kPlaceColumns + " FROM places p WHERE p.feature_code = 'ADM1' AND p.country = ?") {
    // A few dozen names, asked about for nearly every capitalised word: held in memory.
    sqlite::Statement not_places(db_.get(), "SELECT key FROM not_place_names");
    while (not_places.step()) {
        std::string key = not_places.text(0);
        not_place_first_words_.insert(key.substr(0, key.find(' ')));
        not_place_names_.insert(std::move(key));
    }
    sqlite::Statement meta(db_.get(), "SELECT key, value FROM meta");
    int version = 0;
    while (meta.step()) {
        if (meta.text(0) == "schema_version") version = std::stoi(meta.text(1));
        if (meta.text(0) == "max_name_words") max_name_words_ = std::stoi(meta.text(1));
    }
    if (version != kSchemaVersion)
        throw DataError("gazetteer " + file.string(), "schema version " + std::to_string(version) + ", expected " +
                                                          std::to_string(kSchemaVersion) + " (run tools/setup.sh again)");
}

Place Gazetteer::read_place(const sqlite::Statement& row) {
    Place p;
    p.id = row.text(0);
    p.name = row.text(1);
    p.type = place_type_from_string(row.text(2));
    p.feature_code = row.text(3);
    p.country = row.text(4);
    p.admin1 = row.text(5);
    p.lat = row.real(6);
    p.lon = row.real(7);
    p.population = row.integer(8);
    p.importance = row.real(9);
    if (!row.is_null(10)) {
        const auto shape = nlohmann::json::parse(row.text(10), nullptr, false);
        if (shape.is_object()) {
            if (shape.contains("course"))
                for (const auto& pt : shape["course"]) p.course.emplace_back(pt[0].get<double>(), pt[1].get<double>());
            if (shape.contains("bbox")) p.bbox = stored_extent(shape["bbox"].get<std::vector<double>>());
        }
    }
    return p;
}

namespace {

bool is_cyrillic(std::string_view key) {
    // Cyrillic letters are two UTF-8 bytes led by 0xD0 to 0xD4.
    return std::any_of(key.begin(), key.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b >= 0xD0 && b <= 0xD4;
    });
}

struct GeocodeRules {
    double importance_share, population_share, full_population_log10, near_share, near_decay_km, first_half_degrees, last_half_degrees;
};

const std::string kGeocodeWhat = "geocoding rules (gazetteer/geocode.json)";

GeocodeRules geocode_rules_of(const nlohmann::json& doc) {
    const auto& rank = doc.at("rank");
    const auto& near = doc.at("near");
    const auto& reverse = doc.at("reverse");
    const GeocodeRules r{rank.at("importance_share").get<double>(),   rank.at("population_share").get<double>(),
                         std::log10(rank.at("full_population").get<double>()), near.at("share").get<double>(),
                         near.at("decay_km").get<double>(),           reverse.at("first_half_degrees").get<double>(),
                         reverse.at("last_half_degrees").get<double>()};
    if (!(r.full_population_log10 > 0 && r.near_decay_km > 0 && r.first_half_degrees > 0))
        throw DataError(kGeocodeWhat, "a population, distance or size is not above 0");
    return r;
}

// geocode.json is ours and compiled in: a rule missing is a build's mistake, reported as damaged data.
const GeocodeRules& geocode_rules() { return rules::once<kGeocodeJson>(kGeocodeWhat, "a rule is missing or is not a number", geocode_rules_of); }

// Longest ending first, each in name-key form so that it compares with a key ("ї" is "і" there).
const std::vector<std::pair<std::string, std::string>>& inflection_endings() {
    return rules::once<kInflectionsJson>("inflection endings", "not a JSON object with an \"endings\" list of pairs", [](const nlohmann::json& doc) {
        std::vector<std::pair<std::string, std::string>> pairs;
        for (const auto& e : doc.at("endings")) pairs.emplace_back(text::name_key(e.at(0).get<std::string>()), text::name_key(e.at(1).get<std::string>()));
        std::stable_sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
        return pairs;
    });
}

// A Cyrillic key in Latin letters by the BGN/PCGN romanisation of Ukrainian (the letters і, ї, є
// and ґ say a name is Ukrainian) or of Russian, as GeoNames spells most names of both countries.
std::string to_latin(std::string_view key) {
    const bool ukrainian = key.find("\u0456") != std::string_view::npos || key.find("\u0454") != std::string_view::npos ||
                           key.find("\u0491") != std::string_view::npos;
    static thread_local std::unique_ptr<icu::Transliterator> from_ukrainian;
    static thread_local std::unique_ptr<icu::Transliterator> from_russian;
    auto& t = ukrainian ? from_ukrainian : from_russian;
    if (!t) {
        UErrorCode status = U_ZERO_ERROR;
        t.reset(icu::Transliterator::createInstance(ukrainian ? "Ukrainian-Latin/BGN" : "Russian-Latin/BGN", UTRANS_FORWARD, status));
        if (U_FAILURE(status) != 0) t.reset();
        if (!t) return {};
    }
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(key.data(), static_cast<int32_t>(key.size())));
    t->transliterate(text);
    std::string utf8;
    text.toUTF8String(utf8);
    return text::name_key(utf8);
}

}  // namespace

void Gazetteer::add_places(const std::vector<std::pair<Place, std::vector<std::string>>>& places) {
    for (const auto& [given, names] : places) {
        Place p = given;
        p.id = "user-" + std::to_string(user_count_ + 1);
        ++user_count_;
        std::vector<std::string> keys{text::name_key(p.name)};
        for (const auto& n : names) keys.push_back(text::name_key(n));
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        for (const auto& key : keys) {
            if (key.empty()) continue;
            user_places_[key].push_back(p);
            cache_.erase(key);
            max_name_words_ = std::max(max_name_words_, 1 + static_cast<int>(std::count(key.begin(), key.end(), ' ')));
        }
    }
}

const std::vector<Place>& Gazetteer::lookup_qualifier(std::string_view key) {
    auto it = qualifier_cache_.find(std::string(key));
    if (it != qualifier_cache_.end()) return it->second;
    std::vector<Place> found;
    by_qualifier_.bind(1, key);
    while (by_qualifier_.step()) found.push_back(read_place(by_qualifier_));
    by_qualifier_.reset();
    return qualifier_cache_.emplace(std::string(key), std::move(found)).first->second;
}

const std::vector<Place>& Gazetteer::lookup(std::string_view key) {
    auto it = cache_.find(std::string(key));
    if (it != cache_.end()) return it->second;
    std::vector<Place> found = query(key);
    if (const auto user = user_places_.find(std::string(key)); user != user_places_.end()) found.insert(found.begin(), user->second.begin(), user->second.end());
    for (const auto& other : arabic_spellings(key)) {
        if (!found.empty()) break;
        // Only a place whose own name ends in that spelling: "Abdulla" is an alternate name of
        // Abdulino, Russia, which no "Abdullah" means.
        const std::string_view last_word = std::string_view(other).substr(other.rfind(' ') + 1);
        for (auto& p : query(other)) {
            const std::string own = text::name_key(p.name);
            if (std::string_view(own).ends_with(last_word)) found.push_back(std::move(p));
        }
    }
    if (found.empty() && is_cyrillic(key))
        for (const auto& form : cyrillic_forms(key)) {
            found = query(form);
            if (!found.empty()) break;
        }
    return cache_.emplace(std::string(key), std::move(found)).first->second;
}

// The nominative a Ukrainian or Russian case form may come from ("херсоні" → "херсон"), then each
// form (the key's own first) written in Latin letters, for places GeoNames names only so.
std::vector<std::string> Gazetteer::cyrillic_forms(std::string_view key) {
    std::vector<std::string> forms;
    for (const auto& [ending, nominative] : inflection_endings())
        if (key.size() >= ending.size() + 4 && key.ends_with(ending))  // a stem of two letters or more
            forms.push_back(std::string(key.substr(0, key.size() - ending.size())) + nominative);
    std::vector<std::string> latin;
    latin.push_back(to_latin(key));
    for (const auto& form : forms) latin.push_back(to_latin(form));
    forms.insert(forms.end(), latin.begin(), latin.end());
    std::erase_if(forms, [](const std::string& f) { return f.empty(); });
    return forms;
}

// Other romanisations of an Arabic name: the closing taa marbuta written "-a" or "-ah"
// (Babanusa, Babanusah) and the article written "al" or "el" (Deir al-Balah, Deir el-Balah).
std::vector<std::string> Gazetteer::arabic_spellings(std::string_view key) {
    std::vector<std::string> out;
    if (key.size() > 5 && key.ends_with("ah")) out.emplace_back(key.substr(0, key.size() - 1));
    else if (key.size() > 4 && key.ends_with('a')) out.push_back(std::string(key) + "h");
    for (const std::string_view article : {"al", "el"}) {
        const std::string other = article == "al" ? "el" : "al";
        std::string swapped(key);
        bool changed = false;
        for (size_t at = 0; (at = swapped.find(article, at)) != std::string::npos; at += 2) {
            const bool word = (at == 0 || swapped[at - 1] == ' ') && at + 2 < swapped.size() && swapped[at + 2] == ' ';
            if (word && at + 3 < swapped.size()) {
                swapped.replace(at, 2, other);
                changed = true;
            }
        }
        if (changed) out.push_back(swapped);
    }
    return out;
}

std::vector<Place> Gazetteer::query(std::string_view key) {
    std::vector<Place> found;
    by_key_.bind(1, key);
    while (by_key_.step()) found.push_back(read_place(by_key_));
    by_key_.reset();
    return found;
}

std::optional<Place> Gazetteer::by_id(std::string_view id) {
    by_id_.bind(1, id);
    std::optional<Place> p;
    if (by_id_.step()) p = read_place(by_id_);
    by_id_.reset();
    return p;
}

std::vector<Gazetteer::Ranked> Gazetteer::geocode(std::string_view name, size_t limit, const Filter& filter) {
    std::vector<Ranked> ranked;
    const auto& rules = geocode_rules();
    for (const Place& p : lookup(text::name_key(name))) {
        if (!filter.country.empty() && p.country != filter.country) continue;
        if (filter.type && p.type != *filter.type) continue;
        const double pop = p.population > 0 ? std::log10(static_cast<double>(p.population)) / rules.full_population_log10 : 0.0;
        double score = std::min(1.0, rules.importance_share * p.importance + rules.population_share * std::min(1.0, pop));
        if (filter.near) {
            const double km = proj::geodesic_km(filter.near->lon, filter.near->lat, p.lon, p.lat);
            score = (1 - rules.near_share) * score + rules.near_share * std::exp(-km / rules.near_decay_km);
        }
        ranked.push_back({p, score});
    }
    std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
        return a.score != b.score ? a.score > b.score : a.place.id < b.place.id;
    });
    if (ranked.size() > limit) ranked.resize(limit);
    return ranked;
}

// The unit that carries the town's admin-1 code; where the country's units carry none (England's
// counties), the unit whose extent holds the town with the nearest centre.
std::optional<Place> Gazetteer::admin1_holding(const Place& town) {
    std::optional<Place> by_code;
    std::optional<Place> by_extent;
    double nearest = 0.0;
    admin1_of_.bind(1, town.country);
    while (admin1_of_.step()) {
        Place unit = read_place(admin1_of_);
        if (!town.admin1.empty() && unit.admin1 == town.admin1) by_code = unit;
        if (!extent_holds(unit.bbox, town)) continue;
        const double km = proj::geodesic_km(town.lon, town.lat, unit.lon, unit.lat);
        if (!by_extent || km < nearest) {
            nearest = km;
            by_extent = std::move(unit);
        }
    }
    admin1_of_.reset();
    return by_code ? by_code : by_extent;
}

std::optional<Gazetteer::Reverse> Gazetteer::reverse(double lat, double lon) {
    // A box grown until it holds a town.
    const auto& rules = geocode_rules();
    // Counted in doublings: ldexp doubles exactly, as repeated `half *= 2` did.
    for (int doublings = 0; std::ldexp(rules.first_half_degrees, doublings) <= rules.last_half_degrees; ++doublings) {
        const double half = std::ldexp(rules.first_half_degrees, doublings);
        const double lon_half = std::min(180.0, half / std::max(0.05, std::cos(lat * M_PI / 180.0)));
        in_box_.bind(1, lat - half).bind(2, lat + half).bind(3, lon - lon_half).bind(4, lon + lon_half);
        std::optional<Reverse> best;
        while (in_box_.step()) {
            Place p = read_place(in_box_);
            const double km = proj::geodesic_km(lon, lat, p.lon, p.lat);
            if (!best || km < best->km) best = Reverse{std::move(p), km, std::nullopt};
        }
        in_box_.reset();
        // Only a town nearer than the box's half-height is surely the nearest of all. A degree of
        // latitude is 110.6 km at the equator to 111.7 km at the poles; 111 is its round length.
        constexpr double kKmPerDegreeLatitude = 111.0;
        if (best && best->km <= half * kKmPerDegreeLatitude) {
            best->admin1 = admin1_holding(best->place);
            return best;
        }
    }
    return std::nullopt;
}

// An article asks about the same words again and again ("the", "said", "Kyiv"): each answer is
// kept, as lookup keeps the places of a name.
bool Gazetteer::contains(sqlite::Statement& stmt, std::unordered_map<std::string, bool>& memo, std::string_view key) {
    if (const auto it = memo.find(std::string(key)); it != memo.end()) return it->second;
    stmt.bind(1, key);
    const bool found = stmt.step();
    stmt.reset();
    memo.emplace(std::string(key), found);
    return found;
}

bool Gazetteer::is_common_word(std::string_view lower) { return contains(word_, word_memo_, lower); }
bool Gazetteer::is_given_name(std::string_view key) { return contains(given_, given_memo_, key); }
bool Gazetteer::is_not_place_name(std::string_view key) const { return not_place_names_.contains(std::string(key)); }
bool Gazetteer::opens_not_place_name(std::string_view word) const { return not_place_first_words_.contains(std::string(word)); }

long long Gazetteer::place_count() {
    sqlite::Statement count(db_.get(), "SELECT count(*) FROM places");
    count.step();
    return count.integer(0);
}

}  // namespace frontmap::gazetteer
