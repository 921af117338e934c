// REF-1, the renderer benchmark's map (../shared/bench/peers/README.md), drawn N times in one
// process as the peers' scripts draw theirs with --repeat: the style read once, then for every map
// the basemap queried, the towns chosen and labelled, the canvas drawn and the PNG written. It is
// what `frontmap render --bbox ... --style ref1` does once, so run.sh's FRONTMAP_BATCH can give
// the per-map figure of a batch beside Mapnik's.
//
//   frontmap-ref1 OUT.png [--repeat N] [--style NAME] [--data DIR] [--timing]
#include "common/bbox.hpp"
#include "io/basemap.hpp"
#include "io/files.hpp"
#include "render/render.hpp"
#include "render/text.hpp"
#include "scene/build.hpp"
#include "style/style.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// REF-1's box, grown in longitude to the canvas's 4:3 as every peer draws it (ref1.env).
constexpr frontmap::BBox kBBox{29.826640116563283, 45.0, 38.673359883436717, 49.5};
constexpr int kWidth = 1600, kHeight = 1200;

fs::path out_path(const fs::path& out, int i) {
    if (i == 0) return out;
    return out.parent_path() / (out.stem().string() + "-" + std::to_string(i) + out.extension().string());
}

double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

int main(int argc, char** argv) {
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::string> args(argv + 1, argv + argc);
    fs::path out;
    fs::path data = FRONTMAP_DEFAULT_DATA_DIR;
    std::string style_name = "ref1";
    int repeat = 1;
    bool timing = false;
    for (size_t i = 0; i < args.size(); ++i) {
        const bool has_value = i + 1 < args.size();
        if (args[i] == "--repeat" && has_value) repeat = std::atoi(args[++i].c_str());
        else if (args[i] == "--style" && has_value) style_name = args[++i];
        else if (args[i] == "--data" && has_value) data = args[++i];
        else if (args[i] == "--timing") timing = true;
        else out = args[i];
    }
    if (out.empty() || repeat < 0) {
        std::fprintf(stderr, "usage: frontmap-ref1 OUT.png [--repeat N] [--style NAME] [--data DIR] [--timing]\n");
        return 2;
    }
    try {
        using namespace frontmap;
        const style::Style style = style::load(style_name, FRONTMAP_STYLES_DIR);
        const io::Basemap basemap(data / "basemap.gpkg");
        const render::PangoMeasure measure;
        const double setup = seconds_since(start);
        std::vector<double> times;
        for (int i = 0; i < repeat; ++i) {
            const auto t = std::chrono::steady_clock::now();
            const scene::Scene s = scene::build_extent(kBBox, "EPSG:3857", basemap, style, measure,
                                                       {.width = kWidth, .height = kHeight, .style_name = style_name});
            io::write_file_atomically(out_path(out, i), render::render_bytes(s, style, basemap, render::Format::Png));
            times.push_back(seconds_since(t));
        }
        if (timing) {
            double sum = 0;
            std::fprintf(stderr, "frontmap: setup %.3fs renders %zu:", setup, times.size());
            for (double t : times) {
                std::fprintf(stderr, " %.3f", t);
                sum += t;
            }
            std::fprintf(stderr, " mean %.3fs\n", times.empty() ? 0.0 : sum / static_cast<double>(times.size()));
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "frontmap-ref1: error: %s\n", e.what());
        return 1;
    }
    return 0;
}
