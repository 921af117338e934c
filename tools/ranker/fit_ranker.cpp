// Fits the resolver's ranking weights (src/parse/ranker.json) on the labelled corpus's dev split.
//
// Each mention that overlaps a labelled toponym and has two readings or more is one example: its
// readings' features, and which reading lies nearest the labelled point (when one lies within
// 161 km). The model is a conditional logit (a softmax over a mention's readings), fitted by
// gradient descent with a small L2 penalty. The held-out split is never read.
//
//   frontmap-fit-ranker CORPUS.jsonl --data DIR [--out ranker.json] [--rounds 2]
//
// Prints five-fold cross-validated accuracy (folds by article) for the weights in use and the
// fitted ones, and what each feature adds (the accuracy lost when it is left out).
#include "common/proj.hpp"
#include "eval/metrics.hpp"
#include "io/files.hpp"
#include "parse/parser.hpp"
#include "parse/ranker.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <iomanip>
#include <iostream>
#include <optional>

namespace {

using frontmap::parse::ranking::Features;
using frontmap::parse::ranking::kFeatureCount;
using frontmap::parse::ranking::kFeatureNames;
using frontmap::parse::ranking::Weights;

struct Example {
    size_t article = 0;
    std::vector<Features> readings;
    std::vector<bool> near;  // within 161 km of the labelled point
    size_t label = 0;        // the nearest reading
};

constexpr double kNearKm = 161.0;

double km_to(const frontmap::gazetteer::Place& p, double lon, double lat) {
    if (!p.course.empty()) {
        const auto [x, y] = frontmap::parse::ranking::nearest_on_course(p, lon, lat);
        return frontmap::proj::geodesic_km(lon, lat, x, y);
    }
    return frontmap::proj::geodesic_km(lon, lat, p.lon, p.lat);
}

// The first labelled toponym a mention overlaps, or null.
const frontmap::eval::GoldToponym* labelled(const frontmap::parse::Mention& m, const std::vector<frontmap::eval::GoldToponym>& gold) {
    for (const auto& g : gold)
        if (g.role != "not_place" && m.end > g.start && g.end > m.start) return &g;
    return nullptr;
}

// A mention's example: the reading nearest the labelled point is the label, when it lies near it.
std::optional<Example> example_of(size_t article, const std::vector<frontmap::gazetteer::Place>& candidates, const std::vector<Features>& readings,
                                  const frontmap::eval::GoldToponym& g) {
    Example e{article, readings, {}, 0};
    double best = 1e18;
    for (size_t k = 0; k < candidates.size(); ++k) {
        const double d = km_to(candidates[k], g.lon, g.lat);
        e.near.push_back(d <= kNearKm);
        if (d < best) {
            best = d;
            e.label = k;
        }
    }
    if (best > kNearKm) return std::nullopt;
    return e;
}

std::vector<Example> examples(const std::vector<frontmap::eval::Article>& articles, frontmap::gazetteer::Gazetteer& gazetteer, const Weights& w) {
    std::vector<Example> out;
    for (size_t a = 0; a < articles.size(); ++a) {
        auto mentions = frontmap::parse::recognize(articles[a].text, gazetteer);
        const auto r = frontmap::parse::ranking::read(mentions, gazetteer, w);
        for (size_t i = 0; i < mentions.size(); ++i) {
            if (r.candidates[i].size() < 2) continue;
            const auto* g = labelled(mentions[i], articles[a].gold);
            if (!g) continue;
            if (auto e = example_of(a, r.candidates[i], r.features[i], *g)) out.push_back(std::move(*e));
        }
    }
    return out;
}

// Adds one example's gradient of the conditional logit's loss at `w` to `grad`.
void add_gradient(const Example& e, const Weights& w, Features& grad) {
    std::vector<double> s;
    double top = -1e300;
    for (const auto& f : e.readings) top = std::max(top, s.emplace_back(w.score(f)));
    double sum = 0.0;
    for (double& x : s) sum += (x = std::exp(x - top));
    for (size_t k = 0; k < s.size(); ++k) {
        const double p = s[k] / sum - (k == e.label ? 1.0 : 0.0);
        for (size_t j = 0; j < kFeatureCount; ++j) grad[j] += p * e.readings[k][j];
    }
}

// Conditional logit by gradient descent (Adam); `mask` leaves features out (weight held at 0).
Weights fit(const std::vector<const Example*>& train, const std::vector<bool>& mask) {
    constexpr int kSteps = 600;
    constexpr double kRate = 0.05;
    constexpr double kL2 = 1e-3;
    constexpr double kB1 = 0.9;
    constexpr double kB2 = 0.999;
    Weights w;
    Features m{};
    Features v{};
    for (int step = 1; step <= kSteps; ++step) {
        Features grad{};
        for (const Example* e : train) add_gradient(*e, w, grad);
        for (size_t j = 0; j < kFeatureCount; ++j) {
            if (!mask[j]) continue;
            const double g = grad[j] / static_cast<double>(train.size()) + kL2 * w.w[j];
            m[j] = kB1 * m[j] + (1 - kB1) * g;
            v[j] = kB2 * v[j] + (1 - kB2) * g * g;
            const double mh = m[j] / (1 - std::pow(kB1, step));
            const double vh = v[j] / (1 - std::pow(kB2, step));
            w.w[j] -= kRate * mh / (std::sqrt(vh) + 1e-8);
        }
    }
    return w;
}

// The share of examples whose best-scored reading lies within 161 km of the label.
double accuracy(const std::vector<const Example*>& test, const Weights& w) {
    size_t right = 0;
    for (const Example* e : test) {
        size_t best = 0;
        for (size_t k = 1; k < e->readings.size(); ++k)
            if (w.score(e->readings[k]) > w.score(e->readings[best])) best = k;
        right += e->near[best] ? 1 : 0;
    }
    return test.empty() ? 0.0 : static_cast<double>(right) / static_cast<double>(test.size());
}

constexpr size_t kFolds = 5;

double cross_validated(const std::vector<Example>& all, const std::vector<bool>& mask, const Weights* fixed = nullptr) {
    double sum = 0.0;
    for (size_t fold = 0; fold < kFolds; ++fold) {
        std::vector<const Example*> train;
        std::vector<const Example*> test;
        for (const auto& e : all) (e.article % kFolds == fold ? test : train).push_back(&e);
        sum += accuracy(test, fixed ? *fixed : fit(train, mask));
    }
    return sum / kFolds;
}

std::string weights_json(const Weights& w, const std::string& source) {
    nlohmann::ordered_json doc;
    doc["source"] = source;
    for (size_t j = 0; j < kFeatureCount; ++j) doc["weights"][std::string(kFeatureNames[j])] = std::round(w.w[j] * 1e4) / 1e4;
    return doc.dump(2) + "\n";
}

struct Options {
    std::string corpus;
    std::string data;
    std::string out;
    int rounds = 2;
};

// The fits on the dev split, what each feature adds, and the fitted weights written when asked.
void fit_and_report(const Options& o) {
    // Opened before the corpus is read and fitted, so a run that cannot write its rule file says
    // so at once; written whole or not at all, so a failed run never leaves half a rule file.
    std::optional<frontmap::io::AtomicFile> out;
    if (!o.out.empty()) {
        const std::filesystem::path folder = std::filesystem::path(o.out).parent_path();
        frontmap::io::remove_stale_temp_files(folder.empty() ? "." : folder);
        out.emplace(o.out);
    }
    auto articles = frontmap::eval::read_corpus(frontmap::io::read_input(o.corpus), o.corpus);
    std::erase_if(articles, [](const auto& a) { return a.split != "dev"; });
    frontmap::gazetteer::Gazetteer gazetteer(std::filesystem::path(o.data) / "gazetteer.sqlite");
    const std::vector<bool> all_features(kFeatureCount, true);
    Weights w = frontmap::parse::ranking::fitted();
    std::vector<Example> ex;
    for (int round = 0; round < o.rounds; ++round) {
        ex = examples(articles, gazetteer, w);
        const double before = cross_validated(ex, all_features, &w);
        std::vector<const Example*> every;
        every.reserve(ex.size());
        for (const auto& e : ex) every.push_back(&e);
        w = fit(every, all_features);
        std::cout << "round " << round + 1 << ": " << ex.size() << " ambiguous mentions in " << articles.size()
                  << " dev articles; accuracy within 161 km with the weights in use " << std::fixed << std::setprecision(3) << before
                  << ", five-fold cross-validated after fitting " << cross_validated(ex, all_features) << "\n";
    }
    const double full = cross_validated(ex, all_features);
    std::cout << "\nfeature             weight   cross-validated accuracy without it (change)\n";
    for (size_t j = 0; j < kFeatureCount; ++j) {
        std::vector<bool> mask = all_features;
        mask[j] = false;
        const double without = cross_validated(ex, mask);
        std::cout << std::left << std::setw(20) << kFeatureNames[j] << std::right << std::setw(7) << std::setprecision(3) << w.w[j]
                  << "   " << without << " (" << std::showpos << without - full << std::noshowpos << ")\n";
    }
    if (out) {
        std::ostringstream source;
        source << std::fixed << std::setprecision(3) << "Fitted by tools/ranker/fit_ranker.cpp on the dev split of tests/corpus ("
               << articles.size() << " articles, " << ex.size() << " ambiguous mentions): a conditional logit over each mention's "
               << "readings; five-fold cross-validated accuracy within 161 km " << full << ".";
        out->write(weights_json(w, source.str()));
        out->commit();
    }
}

}  // namespace

// Every failure, the options' set-up included, is one line on standard error and exit code 1.
int main(int argc, char** argv) {
    // Ctrl-C during the fit leaves no temporary file beside the rule file.
    frontmap::io::remove_temp_files_on_signals();
    try {
        CLI::App app{"Fit the resolver's ranking weights on the corpus's dev split"};
        Options o;
        app.add_option("corpus", o.corpus, "Corpus file (build/release/corpus/dev.jsonl)")->required();
        app.add_option("--data", o.data, "Folder with gazetteer.sqlite")->required();
        app.add_option("--out", o.out, "Where to write the fitted ranker.json");
        app.add_option("--rounds", o.rounds, "Fits, each reading the article's context with the last one's weights")->default_val(2);
        CLI11_PARSE(app, argc, argv);
        fit_and_report(o);
    } catch (const std::exception& e) {
        std::cerr << "frontmap-fit-ranker: error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
