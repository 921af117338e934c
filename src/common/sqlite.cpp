#include "common/sqlite.hpp"

#include "common/error.hpp"

namespace frontmap::sqlite {

DbPtr open(const std::string& path, bool writable, const std::string& what) {
    sqlite3* raw = nullptr;
    const int flags = writable ? (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) : SQLITE_OPEN_READONLY;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    DbPtr db{raw};
    if (rc != SQLITE_OK) {
        throw DataError("cannot open " + what + " " + path, raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc));
    }
    // A reader keeps its shared lock for the connection's life instead of taking and dropping it
    // (two fcntl calls) around every query: the data is never written while it is read.
    if (!writable) exec(db.get(), "PRAGMA locking_mode=EXCLUSIVE");
    return db;
}

void exec(sqlite3* db, const std::string& sql) {
    char* message = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::string why = message ? message : sqlite3_errmsg(db);
        sqlite3_free(message);
        throw DataError("gazetteer query failed", why);
    }
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr) != SQLITE_OK) {
        throw DataError("gazetteer query failed", std::string(sqlite3_errmsg(db)) + " in: " + std::string(sql));
    }
    stmt_.reset(raw);
}

Statement& Statement::bind(int index, std::string_view value) {
    sqlite3_bind_text(stmt_.get(), index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    return *this;
}
Statement& Statement::bind(int index, double value) {
    sqlite3_bind_double(stmt_.get(), index, value);
    return *this;
}
Statement& Statement::bind(int index, long long value) {
    sqlite3_bind_int64(stmt_.get(), index, value);
    return *this;
}
Statement& Statement::bind_null(int index) {
    sqlite3_bind_null(stmt_.get(), index);
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_.get());
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw DataError("gazetteer query failed", sqlite3_errmsg(db_));
}

void Statement::run() {
    while (step()) {
    }
    reset();
}

void Statement::reset() {
    sqlite3_reset(stmt_.get());
    sqlite3_clear_bindings(stmt_.get());
}

std::string Statement::text(int column) const {
    const auto* p = sqlite3_column_text(stmt_.get(), column);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_.get(), column))) : std::string();
}
double Statement::real(int column) const { return sqlite3_column_double(stmt_.get(), column); }
long long Statement::integer(int column) const { return sqlite3_column_int64(stmt_.get(), column); }
bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL; }

std::span<const unsigned char> Statement::blob(int column) const {
    const auto* bytes = static_cast<const unsigned char*>(sqlite3_column_blob(stmt_.get(), column));
    const int size = sqlite3_column_bytes(stmt_.get(), column);
    if (!bytes || size <= 0) return {};
    return {bytes, static_cast<size_t>(size)};
}

}  // namespace frontmap::sqlite
