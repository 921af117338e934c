#pragma once
// `frontmap batch`: a day of wire copy in one command, written to a folder with a manifest.
#include "cli/commands.hpp"

#include <iosfwd>
#include <set>
#include <string>
#include <vector>

namespace frontmap::cli {

struct BatchArgs {
    std::vector<std::string> inputs;  // files, folders of .txt, .jsonl files, or - (JSONL on stdin)
    std::string out_dir;
    std::string formats = "png";  // comma-separated: png, svg, pdf, geojson (the scene)
    unsigned jobs = 0;            // 0: one per core
    bool resume = false;          // skip what the manifest shows as done and still on disk
    std::string shard;            // "K/N": only every N-th article, from the K-th
    bool quiet = false;
    std::string size = "1200x800";
    std::string style = "default";
    std::string report;           // an HTML page of every map, written when the batch ends
};

// An id as a file name: letters, digits, '.', '_' and '-' kept, anything else '-', no leading
// dot, at most 100 bytes; a name already in `taken`, in any case, gets "-2", "-3"... so no output
// overwrites another. The name is added to `taken`.
std::string unique_file_name(const std::string& id, std::set<std::string>& taken);

// Exit status 0 when every article was mapped, 1 when some failed (each failure is in the
// manifest, a summary on `err`).
int run_batch(const Options& options, const BatchArgs& args, std::istream& in, std::ostream& err);

}  // namespace frontmap::cli
