#pragma once
// Reading a parse rule file compiled into the library (described.json, teams.json): the document,
// refused as a whole when it is no JSON object, and its word lists as sets.
#include "common/error.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <unordered_set>

namespace frontmap::parse {

inline nlohmann::json rules_document(std::string_view text, const std::string& what) {
    nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) throw DataError(what, "it is not a JSON object");
    return doc;
}

// The strings of `doc[key]`; throws nlohmann::json::exception when the key is missing or holds others.
inline std::unordered_set<std::string> word_set(const nlohmann::json& doc, const char* key) {
    std::unordered_set<std::string> out;
    for (const auto& w : doc.at(key)) out.insert(w.get<std::string>());
    return out;
}

}  // namespace frontmap::parse
