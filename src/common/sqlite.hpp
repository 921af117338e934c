#pragma once
// RAII for SQLite handles and a small prepared-statement wrapper whose errors carry SQLite's
// own message.
#include "common/handle.hpp"

#include <sqlite3.h>

#include <optional>
#include <string>
#include <span>
#include <string_view>

namespace frontmap::sqlite {

using DbPtr = Handle<sqlite3, sqlite3_close_v2>;
using StmtPtr = Handle<sqlite3_stmt, sqlite3_finalize>;

// `what` names the file in errors ("cannot open gazetteer PATH").
DbPtr open(const std::string& path, bool writable, const std::string& what = "gazetteer");
void exec(sqlite3* db, const std::string& sql);

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);

    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, double value);
    Statement& bind(int index, long long value);
    Statement& bind_null(int index);

    // Advances to the next row; false when done.
    bool step();
    // Runs a statement that returns no rows, then resets it for the next bindings.
    void run();
    void reset();

    [[nodiscard]] std::string text(int column) const;
    [[nodiscard]] double real(int column) const;
    [[nodiscard]] long long integer(int column) const;
    [[nodiscard]] bool is_null(int column) const;
    // A BLOB column's bytes, valid until the next step or reset.
    [[nodiscard]] std::span<const unsigned char> blob(int column) const;

private:
    sqlite3* db_;
    StmtPtr stmt_;
};

}  // namespace frontmap::sqlite
