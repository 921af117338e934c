// frontmap-databuild: builds the gazetteer and the basemap from the fetched sources and the
// curated geodata. tools/setup.sh runs it; it skips work whose output is newer than its inputs.
#include "build.hpp"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <filesystem>
#include <iostream>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace frontmap;

namespace {

fs::file_time_type newest_input(const std::vector<fs::path>& roots) {
    // Not {}: the file clock's epoch lies in the future (2174 in libstdc++), so {} beats every real time.
    auto newest = fs::file_time_type::min();
    for (const auto& root : roots) {
        if (fs::is_directory(root)) {
            for (const auto& e : fs::recursive_directory_iterator(root))
                if (e.is_regular_file()) newest = std::max(newest, e.last_write_time());
        } else if (fs::exists(root)) {
            newest = std::max(newest, fs::last_write_time(root));
        }
    }
    return newest;
}

template <typename Build>
void build_if_stale(const fs::path& out, const std::vector<fs::path>& inputs, bool force, Build build) {
    if (!force && fs::exists(out) && fs::last_write_time(out) > newest_input(inputs)) {
        std::cout << out.filename().string() << ": up to date\n";
        return;
    }
    // Built beside the target and renamed, so a killed build never leaves a half-written file.
    const fs::path temp = out.parent_path() / ("." + out.filename().string() + ".tmp-" + std::to_string(::getpid()));
    try {
        build(temp);
        fs::rename(temp, out);
    } catch (...) {
        std::error_code ec;
        fs::remove(temp, ec);
        throw;
    }
    std::cout << out.filename().string() << ": built (" << fs::file_size(out) / (std::uintmax_t{1024} * 1024) << " MiB)\n";
}

// Parses the options and builds what is stale; a parse error's message and code are CLI11's.
int run(int argc, char** argv) {
    CLI::App app{"Builds frontmap's gazetteer and basemap from the fetched sources and geodata/."};
    databuild::Inputs in;
    fs::path out_dir;
    bool force = false;
    app.add_option("--sources", in.sources, "Folder of fetched sources (data/sources)")->required();
    app.add_option("--geodata", in.geodata, "Folder of curated entries (geodata/)")->required();
    app.add_option("--out", out_dir, "Folder for gazetteer.sqlite and basemap.gpkg")->required();
    app.add_flag("--force", force, "Rebuild even when up to date");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }
    const fs::path self = fs::read_symlink("/proc/self/exe");
    const std::vector<fs::path> inputs{in.sources, in.geodata, self};
    build_if_stale(out_dir / "gazetteer.sqlite", inputs, force, [&](const fs::path& p) { databuild::build_gazetteer(in, p); });
    build_if_stale(out_dir / "basemap.gpkg", inputs, force, [&](const fs::path& p) { databuild::build_basemap(in, p); });
    return 0;
}

}  // namespace

// Every failure, the options' set-up included, is one line on standard error and exit code 1.
int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "frontmap-databuild: error: " << e.what() << "\n";
        return 1;
    }
}
