#include "io/articles.hpp"

#include "common/error.hpp"
#include "io/files.hpp"

#include <nlohmann/json.hpp>

namespace frontmap::io {

namespace {

std::string too_large(size_t max_bytes) {
    const bool whole_mb = max_bytes % (1 << 20) == 0;
    return "it is larger than " + std::to_string(whole_mb ? max_bytes >> 20 : max_bytes) + (whole_mb ? " MB" : " bytes") + " (see --max-bytes)";
}

}  // namespace

// An article larger than --max-bytes (wire copy runs to tens of kilobytes) fails alone rather
// than being parsed for minutes.
void read_jsonl(std::istream& in, const std::string& origin, size_t max_bytes, std::vector<Article>& out) {
    std::string line;
    for (size_t n = 1; std::getline(in, line); ++n) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        const auto doc = nlohmann::json::parse(line, nullptr, false);
        const std::string where = origin + " line " + std::to_string(n);
        const auto field = [&](const char* key) {
            return doc.is_object() && doc.contains(key) && doc[key].is_string() ? doc[key].get<std::string>() : std::string();
        };
        Article a{field("id"), field("text"), field("date"), field("title"), field("source"), {}, {}};
        if (a.id.empty()) a.id = std::filesystem::path(origin).stem().string() + "-" + std::to_string(n);
        if (doc.is_discarded() || !doc.is_object()) a.error = where + " is not a JSON object";
        else if (!doc.contains("text") || !doc["text"].is_string()) a.error = where + " has no \"text\"";
        else if (a.text.size() > max_bytes) a.error = too_large(max_bytes);
        out.push_back(std::move(a));
    }
}

Article read_file_article(const std::filesystem::path& file, size_t max_bytes) {
    Article a{file.stem().string(), {}, {}, {}, {}, {}, {}};
    std::error_code ec;
    const auto bytes = std::filesystem::file_size(file, ec);
    if (!ec && bytes > max_bytes) {
        a.error = too_large(max_bytes);
        return a;
    }
    try {
        a.text = read_input(file.string(), max_bytes);
    } catch (const Error& e) {
        a.error = e.reason();
    }
    return a;
}

}  // namespace frontmap::io
