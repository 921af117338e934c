#pragma once
// Reading a stage's rule file compiled into the library (parse/scoring.json, scene/layout.json,
// …): the files are ours, so a document that is no JSON object, or a key missing or of the wrong
// type, is a build's mistake, reported as damaged data naming the file rather than as the JSON
// library's message.
#include "common/error.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <utility>

namespace frontmap::rules {

inline nlohmann::json document(std::string_view text, const std::string& what) {
    nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) throw DataError(what, "it is not a JSON object");
    return doc;
}

// Whether the JSON library's own words follow the reader's `problem` in brackets (for the large
// files, where they say which value it was).
enum class Detail { omitted, appended };

// `reader(document)`, with the JSON library's exceptions reported as DataError(what, problem).
template <class Read>
auto read(std::string_view text, const std::string& what, const std::string& problem, Read&& reader, Detail detail = Detail::omitted) {
    const nlohmann::json doc = document(text, what);
    try {
        return reader(doc);
    } catch (const nlohmann::json::exception& e) {
        throw DataError(what, detail == Detail::appended ? problem + " (" + e.what() + ")" : problem);
    }
}

// The rules of the compiled-in file `Text`, read by `reader` on first use and kept for the life of
// the process (a rule file does not change while it runs). The file names the cache, so two rule
// types can never share one.
template <const std::string_view& Text, class Read>
const auto& once(const std::string& what, const std::string& problem, Read&& reader, Detail detail = Detail::omitted) {
    static const auto rules = read(Text, what, problem, std::forward<Read>(reader), detail);
    return rules;
}

}  // namespace frontmap::rules
