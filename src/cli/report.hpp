#pragma once
// The HTML report of a batch: one self-contained page with every map the manifest shows as done
// (embedded, with its alt text), its article's title, caption and source line, then the articles
// that failed and why.
#include <filesystem>

namespace frontmap::cli {

// Writes `report` (atomically) from `out_dir`'s manifest.jsonl and the maps beside it. The last
// record of each output name counts, so a report after --resume shows the whole day. Throws
// UsageError when the maps have no PNG or SVG to show, InputError when the page cannot be written.
void write_report(const std::filesystem::path& report, const std::filesystem::path& out_dir);

}  // namespace frontmap::cli
