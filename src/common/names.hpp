#pragma once
// Enumerations written as words in our files and outputs: one table of (value, word) pairs
// serves both ways, so a word cannot be added to one direction and missed in the other.
#include <iterator>
#include <optional>
#include <string_view>
#include <type_traits>

namespace frontmap::names {

// The word for `value`, or `fallback` where the table lacks it.
template <class Table, class Value>
const char* word_of(const Table& table, Value value, const char* fallback) {
    for (const auto& [v, word] : table)
        if (v == value) return word;
    return fallback;
}

// The value written `word`; none where the table lacks it.
template <class Table>
auto value_of(const Table& table, std::string_view word) -> std::optional<std::remove_cvref_t<decltype(std::begin(table)->first)>> {
    for (const auto& [v, w] : table)
        if (word == w) return v;
    return std::nullopt;
}

}  // namespace frontmap::names
