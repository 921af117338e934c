#include "names.hpp"

#include "common/error.hpp"
#include "common/text.hpp"

#include <nlohmann/json.hpp>

#include <fstream>

namespace frontmap::databuild {

Admin1NameForms read_admin1_name_forms(const std::filesystem::path& file, std::set<std::string> english_words) {
    std::ifstream in(file);
    if (!in) throw DataError("cannot read " + file.string(), "no such file");
    const auto doc = nlohmann::json::parse(in, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("admin1_name_forms"))
        throw DataError("cannot read " + file.string(), "no 'admin1_name_forms' object");
    const auto& forms = doc.at("admin1_name_forms");
    Admin1NameForms out;
    try {
        out.suffixes = forms.at("generic_suffixes").get<std::vector<std::string>>();
        out.prefixes = forms.at("generic_prefixes").get<std::vector<std::string>>();
        out.compass = forms.at("compass_short_forms").get<std::map<std::string, std::string>>();
    } catch (const nlohmann::json::exception&) {
        throw DataError("cannot read " + file.string(), "'admin1_name_forms' needs generic_suffixes, generic_prefixes and compass_short_forms");
    }
    out.english_words = std::move(english_words);
    return out;
}

std::vector<std::string> short_forms(const std::string& name, const Admin1NameForms& forms) {
    std::string base = name;
    for (const auto& p : forms.prefixes)
        if (base.starts_with(p + " ")) base = base.substr(p.size() + 1);
    for (const auto& suffix : forms.suffixes)
        if (base.size() > suffix.size() + 1 && base.ends_with(" " + suffix)) base.resize(base.size() - suffix.size() - 1);
    std::vector<std::string> out;
    if (base != name) out.push_back(base);
    if (const auto space = base.find(' '); space != std::string::npos)
        if (const auto it = forms.compass.find(base.substr(0, space)); it != forms.compass.end()) out.push_back(it->second + base.substr(space));
    std::erase_if(out, [&](const std::string& n) { return forms.english_words.contains(text::name_key(n)); });
    return out;
}

}  // namespace frontmap::databuild
