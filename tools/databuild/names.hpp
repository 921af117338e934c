#pragma once
// How news writes the formal admin-1 names Natural Earth carries: the forms the gazetteer adds.
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace frontmap::databuild {

struct Admin1NameForms {
    std::vector<std::string> suffixes, prefixes;
    std::map<std::string, std::string> compass;  // "Northern" -> "North"
    std::set<std::string> english_words;         // a form that is one English word is no name
};

// Reads the "admin1_name_forms" object of geodata/aliases.json; throws DataError if it is missing.
Admin1NameForms read_admin1_name_forms(const std::filesystem::path& aliases_file, std::set<std::string> english_words);

// "Southern Kordofan State" -> "Southern Kordofan", "South Kordofan"; "Wilayat-e Paktiya" -> "Paktiya".
// Empty when the name has no shorter form.
std::vector<std::string> short_forms(const std::string& name, const Admin1NameForms& forms);

}  // namespace frontmap::databuild
