#pragma once
#include "gazetteer/place.hpp"
#include "common/sqlite.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace frontmap::gazetteer {

// Read-only access to the gazetteer database built by tools/databuild. One instance per thread:
// it caches look-ups and holds prepared statements.
class Gazetteer {
public:
    explicit Gazetteer(const std::filesystem::path& file);

    // Every place with this name key (see text::name_key), unordered; with none, the places of
    // another romanisation of an Arabic name ("-a" for "-ah", "el" for "al", and back).
    const std::vector<Place>& lookup(std::string_view key);

    // Places known for this run only (a newsroom's `--places` file), found by each of their names
    // before the database's and ranked with them; no rebuild. Ids are "user-1", "user-2"...
    void add_places(const std::vector<std::pair<Place, std::vector<std::string>>>& places);

    // The places a qualifier names after "Place, ": "Ill." in "Springfield, Ill." (see Writer).
    const std::vector<Place>& lookup_qualifier(std::string_view key);

    // Ranked candidates for a free-text name, best first (for `frontmap geocode`), optionally only
    // in one country (ISO 3166-1 alpha-2) or of one type, and ranked nearer a point first.
    struct Ranked {
        Place place;
        double score = 0.0;
    };
    struct Near {
        double lat = 0.0, lon = 0.0;
    };
    struct Filter {
        std::string country;                   // empty: any
        std::optional<PlaceType> type;         // empty: any
        std::optional<Near> near;              // empty: rank by standing alone
    };
    std::vector<Ranked> geocode(std::string_view name, size_t limit, const Filter& filter = {});

    // The populated place nearest a point, and the admin-1 area it lies in (when known).
    struct Reverse {
        Place place;
        double km = 0.0;
        std::optional<Place> admin1;
    };
    std::optional<Reverse> reverse(double lat, double lon);

    std::optional<Place> by_id(std::string_view id);

    // Lower-case English words (from a dictionary) and given names, for telling common words and
    // persons from places.
    bool is_common_word(std::string_view lower);
    bool is_given_name(std::string_view key);
    // Names of groups, weapons and peoples that the place sources also list as places.
    bool is_not_place_name(std::string_view key) const;
    // Whether a not-place name begins with this word's key: most words begin none.
    bool opens_not_place_name(std::string_view word) const;

    // The longest name in the gazetteer, in words: the parser never needs to look further.
    int max_name_words() const { return max_name_words_; }
    long long place_count();

private:
    static Place read_place(const sqlite::Statement& row);
    std::optional<Place> admin1_holding(const Place& town);
    std::vector<Place> query(std::string_view key);
    static std::vector<std::string> arabic_spellings(std::string_view key);
    static std::vector<std::string> cyrillic_forms(std::string_view key);
    static bool contains(sqlite::Statement& stmt, std::unordered_map<std::string, bool>& memo, std::string_view key);

    sqlite::DbPtr db_;
    sqlite::Statement by_key_;
    sqlite::Statement by_id_;
    sqlite::Statement word_;
    sqlite::Statement given_;
    sqlite::Statement by_qualifier_;
    sqlite::Statement in_box_;
    sqlite::Statement admin1_of_;
    int max_name_words_ = 4;
    int user_count_ = 0;
    std::unordered_map<std::string, std::vector<Place>> cache_, qualifier_cache_;
    std::unordered_map<std::string, std::vector<Place>> user_places_;  // by name key
    std::unordered_map<std::string, bool> word_memo_, given_memo_;
    std::unordered_set<std::string> not_place_names_, not_place_first_words_;
};

// The schema version this code reads; the builder writes it into the meta table.
inline constexpr int kSchemaVersion = 3;

}  // namespace frontmap::gazetteer
