#pragma once
// The word lists of a parse rule file compiled into the library (described.json, teams.json) as
// sets; common/rules.hpp reads the file.
#include <nlohmann/json.hpp>

#include <string>
#include <unordered_set>

namespace frontmap::parse {

// The strings of `doc[key]`; throws nlohmann::json::exception when the key is missing or holds others.
inline std::unordered_set<std::string> word_set(const nlohmann::json& doc, const char* key) {
    std::unordered_set<std::string> out;
    for (const auto& w : doc.at(key)) out.insert(w.get<std::string>());
    return out;
}

}  // namespace frontmap::parse
