#include "gazetteer/writer.hpp"

#include "common/text.hpp"
#include "gazetteer/gazetteer.hpp"

#include <algorithm>

namespace frontmap::gazetteer {

namespace {
sqlite::DbPtr create(const std::filesystem::path& file) {
    std::filesystem::remove(file);
    auto db = sqlite::open(file.string(), true);
    sqlite::exec(db.get(), R"SQL(
        PRAGMA journal_mode = OFF;
        PRAGMA synchronous = OFF;
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE places(
            id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, feature_code TEXT NOT NULL,
            country TEXT NOT NULL, admin1 TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
            population INTEGER NOT NULL, importance REAL NOT NULL, shape TEXT);
        CREATE TABLE names(key TEXT NOT NULL, place_id TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY(key, place_id)) WITHOUT ROWID;
        CREATE TABLE words(word TEXT PRIMARY KEY) WITHOUT ROWID;
        CREATE TABLE given_names(key TEXT PRIMARY KEY) WITHOUT ROWID;
        CREATE TABLE not_place_names(key TEXT PRIMARY KEY) WITHOUT ROWID;
        CREATE TABLE qualifier_names(key TEXT NOT NULL, place_id TEXT NOT NULL, PRIMARY KEY(key, place_id)) WITHOUT ROWID;
        BEGIN;
    )SQL");
    return db;
}
}  // namespace

Writer::Writer(const std::filesystem::path& file)
    : db_(create(file)),
      insert_place_(db_.get(), "INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)"),
      insert_name_(db_.get(), "INSERT OR IGNORE INTO names VALUES (?,?,?)"),
      insert_word_(db_.get(), "INSERT OR IGNORE INTO words VALUES (?)"),
      insert_given_(db_.get(), "INSERT OR IGNORE INTO given_names VALUES (?)"),
      insert_not_place_(db_.get(), "INSERT OR IGNORE INTO not_place_names VALUES (?)"),
      insert_qualifier_(db_.get(), "INSERT OR IGNORE INTO qualifier_names VALUES (?,?)") {}

void Writer::add_place(const Place& p, const std::string& shape_json) {
    insert_place_.bind(1, p.id).bind(2, p.name).bind(3, std::string_view(to_string(p.type))).bind(4, p.feature_code);
    insert_place_.bind(5, p.country).bind(6, p.admin1).bind(7, p.lat).bind(8, p.lon);
    insert_place_.bind(9, p.population).bind(10, p.importance);
    if (shape_json.empty()) insert_place_.bind_null(11); else insert_place_.bind(11, shape_json);
    insert_place_.run();
    add_name(p.id, p.name);
}

void Writer::add_name(const std::string& place_id, std::string_view name) {
    const std::string key = text::name_key(name);
    if (key.empty()) return;
    const int words = 1 + static_cast<int>(std::count(key.begin(), key.end(), ' '));
    max_name_words_ = std::max(max_name_words_, words);
    insert_name_.bind(1, key).bind(2, place_id).bind(3, name);
    insert_name_.run();
}

void Writer::add_word(std::string_view lower) {
    insert_word_.bind(1, lower);
    insert_word_.run();
}

void Writer::add_given_name(std::string_view name) {
    insert_given_.bind(1, text::name_key(name));
    insert_given_.run();
}

void Writer::add_not_place_name(std::string_view name) {
    insert_not_place_.bind(1, text::name_key(name));
    insert_not_place_.run();
}

void Writer::add_qualifier_name(const std::string& place_id, std::string_view name) {
    insert_qualifier_.bind(1, text::name_key(name)).bind(2, place_id);
    insert_qualifier_.run();
}

void Writer::finish() {
    sqlite::Statement meta(db_.get(), "INSERT OR REPLACE INTO meta VALUES (?, ?)");
    meta.bind(1, std::string_view("schema_version")).bind(2, std::to_string(kSchemaVersion));
    meta.run();
    meta.bind(1, std::string_view("max_name_words")).bind(2, std::to_string(max_name_words_));
    meta.run();
    // For `frontmap geocode --reverse`: the places in a box around a point.
    sqlite::exec(db_.get(), "CREATE INDEX places_by_lat ON places(lat); COMMIT; ANALYZE;");
}

}  // namespace frontmap::gazetteer
