#pragma once
// The articles of a day of wire copy as its inputs give them: JSONL lines and article files. An
// input that cannot be used becomes an Article carrying its error, so that it fails alone.
#include <cstddef>
#include <filesystem>
#include <istream>
#include <string>
#include <vector>

namespace frontmap::io {

struct Article {
    std::string id;
    std::string text;
    std::string date, title, source;
    std::string name;   // the output files' stem: the id made safe and unique in the folder
    std::string error;  // why the input itself is unusable: the article fails alone, the batch goes on
};

// JSONL: one article a line, {"id", "text", and optionally "date", "title", "source"}. A line that
// is not such an object, or an article larger than max_bytes, becomes an Article with its error;
// `origin` names the input in those errors and in the ids of articles without one.
void read_jsonl(std::istream& in, const std::string& origin, size_t max_bytes, std::vector<Article>& out);

// One article file, named by its stem; a file that cannot be read, or is larger than max_bytes,
// gives an Article with its error.
Article read_file_article(const std::filesystem::path& file, size_t max_bytes);

}  // namespace frontmap::io
