#pragma once
#include "gazetteer/place.hpp"
#include "common/sqlite.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace frontmap::gazetteer {

// Writes a new gazetteer database. Used by tools/databuild; the library only reads.
class Writer {
public:
    explicit Writer(const std::filesystem::path& file);

    void add_place(const Place& place, const std::string& shape_json);
    // Adds a name under its key; a name already given to the place is ignored.
    void add_name(const std::string& place_id, std::string_view name);
    void add_word(std::string_view lower);
    void add_given_name(std::string_view name);
    // A name never to be taken for a place (an armed group, a weapon, a people).
    void add_not_place_name(std::string_view name);
    // A name that stands for the place only after another place and a comma: "Ill." in
    // "Springfield, Ill.", which alone is a word.
    void add_qualifier_name(const std::string& place_id, std::string_view name);
    // Builds indexes, writes the meta table and commits.
    void finish();

private:
    sqlite::DbPtr db_;
    sqlite::Statement insert_place_;
    sqlite::Statement insert_name_;
    sqlite::Statement insert_word_;
    sqlite::Statement insert_given_;
    sqlite::Statement insert_not_place_;
    sqlite::Statement insert_qualifier_;
    int max_name_words_ = 1;
};

}  // namespace frontmap::gazetteer
