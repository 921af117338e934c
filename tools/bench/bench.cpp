// Per-stage timings on one article, and batch throughput over the corpus on every core.
// Data: the set-up's data/ folder (or $FRONTMAP_DATA).
#include "pipeline/story.hpp"
#include "events/extract.hpp"
#include "gazetteer/gazetteer.hpp"
#include "io/basemap.hpp"
#include "parse/parser.hpp"
#include "render/render.hpp"
#include "render/text.hpp"
#include "scene/build.hpp"
#include "style/style.hpp"

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

namespace fs = std::filesystem;
using namespace frontmap;

namespace {

const fs::path kSource = FRONTMAP_SOURCE_DIR;

fs::path data_dir() {
    if (const char* env = std::getenv("FRONTMAP_DATA"); env && (*env != 0)) return env;
    return kSource / "data";
}

std::vector<std::string> corpus_texts() {
    std::vector<std::string> out;
    std::ifstream in(FRONTMAP_CORPUS);
    std::string line;
    while (std::getline(in, line))
        if (!line.empty()) out.push_back(nlohmann::json::parse(line).at("text").get<std::string>());
    return out;
}

struct Worker {
    pipeline::Data data{data_dir()};
    gazetteer::Gazetteer& gazetteer = data.gazetteer;
    io::Basemap& basemap = data.basemap;
    style::Style style = style::load("default", kSource / "styles");
    render::PangoMeasure measure;
    parse::Parser parser{gazetteer};

    // The annotated map's scene, as `frontmap map` makes it: places and the events drawn over them.
    scene::Scene scene_of(const std::string& text) { return pipeline::scene_of_article(data, text, {}, {}, style, measure); }
};

void BM_Parse(benchmark::State& state) {
    Worker w;
    const auto texts = corpus_texts();
    size_t i = 0;
    size_t bytes = 0;
    for ([[maybe_unused]] auto _ : state) {
        const auto& t = texts[i++ % texts.size()];
        benchmark::DoNotOptimize(w.parser.parse(t));
        bytes += t.size();
    }
    state.SetBytesProcessed(static_cast<int64_t>(bytes));
    state.SetLabel("one corpus article per iteration");
}
BENCHMARK(BM_Parse)->Unit(benchmark::kMillisecond);

// Parse and events, one core: the articles per second the event issue asks for (items/s).
void BM_ParseEvents(benchmark::State& state) {
    Worker w;
    const auto texts = corpus_texts();
    const events::Context context{events::parse_iso_date("2024-06-01"), {}};
    size_t i = 0;
    for ([[maybe_unused]] auto _ : state) {
        const auto& t = texts[i++ % texts.size()];
        parse::Words words;
        const auto mentions = w.parser.parse(t, words);
        benchmark::DoNotOptimize(events::extract(t, words.tokens, mentions, context));
    }
    state.SetItemsProcessed(state.iterations());
    state.SetLabel("articles per second = items_per_second");
}
BENCHMARK(BM_ParseEvents)->Unit(benchmark::kMillisecond);

// The event stage alone, on mentions parsed beforehand.
void BM_Events(benchmark::State& state) {
    Worker w;
    const auto texts = corpus_texts();
    std::vector<std::vector<parse::Mention>> parsed;
    std::vector<parse::Words> words(texts.size());
    for (size_t k = 0; k < texts.size(); ++k) parsed.push_back(w.parser.parse(texts[k], words[k]));
    const events::Context context{events::parse_iso_date("2024-06-01"), {}};
    size_t i = 0;
    for ([[maybe_unused]] auto _ : state) {
        const size_t k = i++ % texts.size();
        benchmark::DoNotOptimize(events::extract(texts[k], words[k].tokens, parsed[k], context));
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Events)->Unit(benchmark::kMillisecond);

void BM_Scene(benchmark::State& state) {
    Worker w;
    const auto texts = corpus_texts();
    size_t i = 0;
    for ([[maybe_unused]] auto _ : state) benchmark::DoNotOptimize(w.scene_of(texts[i++ % texts.size()]));
}
BENCHMARK(BM_Scene)->Unit(benchmark::kMillisecond);

void BM_MapPng(benchmark::State& state) {
    Worker w;
    const auto texts = corpus_texts();
    const fs::path out = fs::temp_directory_path() / "frontmap-bench.png";
    size_t i = 0;
    for ([[maybe_unused]] auto _ : state) render::render(w.scene_of(texts[i++ % texts.size()]), w.style, w.basemap, out);
    fs::remove(out);
    state.SetLabel("parse + scene + 1200x800 PNG");
}
BENCHMARK(BM_MapPng)->Unit(benchmark::kMillisecond);

// A wire's worth of stories: every core maps the corpus' articles, one worker each.
void BM_BatchPng(benchmark::State& state) {
    const auto texts = corpus_texts();
    const unsigned threads = std::max(1U, std::thread::hardware_concurrency());
    for ([[maybe_unused]] auto _ : state) {
        std::atomic<size_t> next{0};
        std::vector<std::thread> pool;
        for (unsigned t = 0; t < threads; ++t)
            pool.emplace_back([&, t] {
                Worker w;
                const fs::path out = fs::temp_directory_path() / ("frontmap-bench-" + std::to_string(t) + ".png");
                for (size_t i = 0; (i = next++) < texts.size();) render::render(w.scene_of(texts[i]), w.style, w.basemap, out);
                fs::remove(out);
            });
        for (auto& th : pool) th.join();
    }
    state.counters["maps_per_second"] = benchmark::Counter(static_cast<double>(texts.size() * state.iterations()), benchmark::Counter::kIsRate);
    state.SetLabel(std::to_string(threads) + " threads");
}
BENCHMARK(BM_BatchPng)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(2);

}  // namespace

BENCHMARK_MAIN();
