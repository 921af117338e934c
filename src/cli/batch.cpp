#include "cli/batch.hpp"

#include "cli/report.hpp"
#include "common/error.hpp"
#include "common/text.hpp"
#include "frontmap/frontmap.hpp"
#include "io/articles.hpp"
#include "io/files.hpp"
#include "style/style.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <atomic>
#include <chrono>
#include <cmath>
#include <fstream>
#include <istream>
#include <map>
#include <mutex>
#include <optional>
#include <ostream>
#include <set>
#include <sstream>
#include <thread>
#include <unistd.h>

namespace frontmap::cli {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

using io::Article;
using io::read_file_article;
using io::read_jsonl;

// Every input in order: "-" is JSONL on standard input, a folder its .txt files by name, a .jsonl
// file its lines, any other file one article named by its stem.
std::vector<Article> read_inputs(const std::vector<std::string>& inputs, std::istream& in, size_t max_bytes) {
    std::vector<Article> out;
    for (const auto& input : inputs) {
        if (input == "-") {
            read_jsonl(in, "standard input", max_bytes, out);
            continue;
        }
        const fs::path path(input);
        if (fs::is_directory(path)) {
            std::vector<fs::path> files;
            for (const auto& entry : fs::directory_iterator(path))
                if (entry.is_regular_file() && entry.path().extension() == ".txt") files.push_back(entry.path());
            std::sort(files.begin(), files.end());
            for (const auto& f : files) out.push_back(read_file_article(f, max_bytes));
        } else if (path.extension() == ".jsonl") {
            std::istringstream lines(io::read_input(input));
            read_jsonl(lines, input, max_bytes, out);
        } else {
            out.push_back(read_file_article(path, max_bytes));
        }
    }
    return out;
}

}  // namespace

std::string unique_file_name(const std::string& id, std::set<std::string>& taken) {
    constexpr size_t kMaxName = 100;
    std::string name;
    for (const char c : id) name += ((std::isalnum(static_cast<unsigned char>(c)) != 0) || c == '_' || c == '-' || c == '.') ? c : '-';
    while (!name.empty() && name.front() == '.') name.erase(0, 1);
    if (name.size() > kMaxName) name.resize(kMaxName);
    if (name.empty()) name = "article";
    // Compared without case: on macOS and Windows "Kyiv" and "kyiv" are one file.
    const auto folded = [](std::string n) {
        std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return n;
    };
    std::string unique = name;
    for (int k = 2; taken.contains(folded(unique)); ++k) unique = name + "-" + std::to_string(k);
    taken.insert(folded(unique));
    return unique;
}

namespace {

void name_outputs(std::vector<Article>& articles) {
    std::set<std::string> taken;
    for (auto& a : articles) a.name = unique_file_name(a.id, taken);
}

// "K/N": keeps every N-th article from the K-th (1-based), so N machines share a day between them.
void keep_shard(std::vector<Article>& articles, const std::string& shard) {
    if (shard.empty()) return;
    unsigned k = 0;
    unsigned n = 0;
    char slash = 0;
    char extra = 0;
    std::istringstream in(shard);
    if (!(in >> k >> slash >> n) || slash != '/' || (in >> extra) || n == 0 || k == 0 || k > n)
        throw UsageError("bad --shard '" + shard + "'", "expected K/N with 1 <= K <= N, e.g. 2/8");
    std::vector<Article> kept;
    for (size_t i = k - 1; i < articles.size(); i += n) kept.push_back(std::move(articles[i]));
    articles = std::move(kept);
}

std::vector<std::string> formats_of(const std::string& list) {
    std::vector<std::string> out;
    std::istringstream in(list);
    for (std::string f; std::getline(in, f, ',');) {
        std::transform(f.begin(), f.end(), f.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (f != "geojson") format_named(f);  // a usage error for anything else
        if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
    }
    if (out.empty()) throw UsageError("bad --formats '" + list + "'", "expected png, svg, pdf or geojson, separated by commas");
    return out;
}

// The output names the manifest shows as done; a line cut short by a killed run is no record.
// Names, not ids: a wire may send two stories under one id, and they get two names.
std::set<std::string> done_before(const fs::path& manifest) {
    std::set<std::string> done;
    std::ifstream in(manifest);
    for (std::string line; std::getline(in, line);) {
        const auto rec = json::parse(line, nullptr, false);
        // A line edited by hand may hold anything: only a string status of "done" and a string name count.
        if (!rec.is_discarded() && rec.is_object() && rec.contains("status") && rec["status"] == "done" && rec.contains("name") &&
            rec["name"].is_string())
            done.insert(rec["name"].get<std::string>());
    }
    return done;
}

// Whether an article needs no redoing: done before, and every format asked for now is on disk.
bool already_made(const Article& a, const std::set<std::string>& done, const std::vector<std::string>& formats, const fs::path& dir) {
    if (!done.contains(a.name)) return false;
    return std::all_of(formats.begin(), formats.end(), [&](const std::string& f) { return fs::is_regular_file(dir / (a.name + "." + f)); });
}

// A manifest cut short mid-line by a full disk or a kill: the next record starts on its own line.
void end_last_line(const fs::path& manifest) {
    std::ifstream in(manifest, std::ios::binary | std::ios::ate);
    if (!in || in.tellg() <= 0) return;
    in.seekg(-1, std::ios::end);
    if (in.get() != '\n') std::ofstream(manifest, std::ios::app) << "\n";
}

struct Progress {
    Progress(size_t count, bool silent, std::ostream& stream) : total(count), quiet(silent), tty(::isatty(2) != 0), err(stream) {}
    // On a terminal a line redrawn in place; otherwise a line every few seconds, for a log.
    void tick(bool failed) {
        const size_t d = ++done;
        if (failed) ++failures;
        if (quiet) return;
        const auto now = std::chrono::steady_clock::now();
        const double secs = std::chrono::duration<double>(now - start).count();
        std::lock_guard lock(mutex);
        if (!tty && d < total && now - last < std::chrono::seconds(3)) return;
        last = now;
        const double rate = secs > 0 ? static_cast<double>(d) / secs : 0.0;
        const double eta = rate > 0 ? static_cast<double>(total - d) / rate : 0.0;
        std::ostringstream line;
        line.precision(1);
        line << std::fixed << "frontmap: batch: " << d << "/" << total << " maps, " << rate << "/s, " << eta << " s left, " << failures << " failed";
        err << (tty ? "\r" : "") << line.str() << (tty && d < total ? "" : "\n") << std::flush;
    }
    size_t total;
    bool quiet, tty;
    std::ostream& err;
    std::atomic<size_t> done{0}, failures{0};
    std::mutex mutex;
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now(), last = start;
};

// One article's maps, written atomically, and its manifest record.
json map_one(MapMaker& maker, const Article& a, const std::vector<std::string>& formats, const std::vector<Format>& drawn,
             const MapOptions& base, const fs::path& dir) {
    const auto start = std::chrono::steady_clock::now();
    json rec{{"id", a.id}, {"name", a.name}, {"outputs", json::array()}};
    try {
        if (!a.error.empty()) throw InputError("cannot read article " + a.id, a.error);
        MapOptions o = base;
        o.date = a.date;
        o.title = a.title;
        o.source = a.source;
        const MapSet made = maker.maps(a.text, o, drawn);
        for (size_t f = 0, d = 0; f < formats.size(); ++f) {
            const std::string file = a.name + "." + formats[f];
            io::write_file_atomically(dir / file, formats[f] == "geojson" ? made.scene : made.files[d++]);
            rec["outputs"].push_back(file);
        }
        rec["status"] = "done";
        rec["title"] = a.title.empty() ? made.title : a.title;
        rec["source_line"] = made.credits;
        rec["caption"] = made.caption;
        rec["alt"] = made.alt_text;
        rec["events"] = made.events;
        rec["places"] = made.places;
    } catch (const Error& e) {
        rec["status"] = "failed";
        rec["error"] = e.subject() + ": " + e.reason();
    } catch (const std::exception& e) {
        rec["status"] = "failed";
        rec["error"] = std::string("internal error: ") + e.what();
    }
    rec["ms"] = std::round(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    return rec;
}

}  // namespace

namespace {

// A folder the maps cannot go into is known before the day is mapped, not after a thousand
// failed maps.
void check_writable_folder(const std::string& out_dir) {
    std::error_code ec;
    const auto status = fs::status(out_dir, ec);
    if (!fs::exists(status)) throw InputError("cannot write to " + out_dir, "no such folder");
    if (!fs::is_directory(status)) throw InputError("cannot write to " + out_dir, "it is not a folder");
    if (::access(out_dir.c_str(), W_OK | X_OK) != 0) throw InputError("cannot write to " + out_dir, std::strerror(errno));
}

// The formats drawn, each from the one scene; the scene itself is written as it is (geojson).
std::vector<Format> drawn_formats(const std::vector<std::string>& formats) {
    std::vector<Format> drawn;
    for (const auto& f : formats)
        if (f != "geojson") drawn.push_back(format_named(f));
    return drawn;
}

// Checks the maps' folder and the report's before any map is drawn; returns the report's folder.
fs::path check_destinations(const BatchArgs& args, const std::vector<std::string>& formats) {
    const bool viewable = std::any_of(formats.begin(), formats.end(), [](const std::string& f) { return f == "png" || f == "svg"; });
    if (!args.report.empty() && !viewable) throw UsageError("--report", "the page shows PNG or SVG maps: add png or svg to --formats");
    check_writable_folder(args.out_dir);
    // A page that could not be written is known before the day is mapped, not after.
    fs::path report_dir = fs::path(args.report).parent_path().empty() ? fs::path(".") : fs::path(args.report).parent_path();
    if (!args.report.empty() && !fs::is_directory(report_dir))
        throw InputError("cannot write " + args.report, "folder " + report_dir.string() + " does not exist");
    return report_dir;
}

// The articles of the inputs, named, this shard's, less those a resumed run finds made.
std::vector<Article> articles_to_map(const Options& options, const BatchArgs& args, std::istream& in,
                                     const std::vector<std::string>& formats, const fs::path& manifest) {
    auto articles = read_inputs(args.inputs, in, options.max_bytes);
    name_outputs(articles);
    keep_shard(articles, args.shard);
    if (args.resume) {
        const fs::path dir(args.out_dir);
        const auto done = done_before(manifest);
        std::erase_if(articles, [&](const Article& a) { return already_made(a, done, formats, dir); });
        end_last_line(manifest);
    }
    return articles;
}

MapOptions base_options(const BatchArgs& args) {
    MapOptions base;
    const CanvasSize size = parse_size(args.size);
    base.width = size.width;
    base.height = size.height;
    base.millimetres = size.millimetres;
    base.style = args.style;
    return base;
}

// The manifest the workers append to, one record a line, and whether a write failed.
struct ManifestLog {
    ManifestLog(const fs::path& file, bool append) : stream(file, append ? std::ios::app : std::ios::trunc) {}
    void write(const json& rec) {
        std::lock_guard lock(mutex);
        // Ids and file names are bytes as given: never let one stop the manifest.
        stream << rec.dump(-1, ' ', false, json::error_handler_t::replace) << "\n" << std::flush;
        if (!stream) failed = true;  // a full disk: stop, rather than draw maps no record will keep
    }
    std::ofstream stream;
    std::mutex mutex;
    std::atomic<bool> failed{false};
};

// work(0) on this thread, work(1) to work(jobs - 1) on their own; returns when all are done.
template <typename Work>
void run_on_threads(unsigned jobs, const Work& work) {
    std::vector<std::thread> pool;
    try {
        for (unsigned w = 1; w < jobs; ++w) pool.emplace_back(work, w);
    } catch (const std::system_error&) {
        // Fewer threads than asked: the ones started, and this one, share the work.
    }
    work(0);
    for (auto& t : pool) t.join();
}

}  // namespace

int run_batch(const Options& options, const BatchArgs& args, std::istream& in, std::ostream& err) {
    if (args.inputs.empty()) throw UsageError("batch", "give at least one input: files, folders, .jsonl files or - for standard input");
    const auto formats = formats_of(args.formats);
    const auto drawn = drawn_formats(formats);
    const fs::path dir(args.out_dir);
    const fs::path report_dir = check_destinations(args, formats);
    const fs::path manifest = dir / "manifest.jsonl";
    const auto articles = articles_to_map(options, args, in, formats, manifest);
    const MapOptions base = base_options(args);
    // The data and the style are opened before the manifest is touched: a wrong --data or --style
    // is one clear error, and the last run's manifest stays as it was.
    style::load(args.style, styles_dir());
    MapMaker first(options.data_dir, options.places, styles_dir());
    // A run killed before it renamed its files left them half-written: never taken for maps
    // (they end in .tmp), and gone once a new run starts here.
    io::remove_stale_temp_files(dir);
    if (!args.report.empty()) io::remove_stale_temp_files(report_dir);
    ManifestLog log(manifest, args.resume);
    if (!log.stream) throw InputError("cannot write " + manifest.string(), "the folder is not writable");
    const unsigned jobs = std::max(1U, std::min<unsigned>(args.jobs != 0U ? args.jobs : std::thread::hardware_concurrency(), static_cast<unsigned>(articles.size())));
    Progress progress(articles.size(), args.quiet, err);
    std::atomic<size_t> next{0};
    std::vector<std::string> worker_errors(jobs);
    run_on_threads(jobs, [&](unsigned w) {
        try {
            // Each worker its own maker: a gazetteer's SQLite handle is not shared between threads.
            std::optional<MapMaker> own;
            MapMaker& maker = w == 0 ? first : own.emplace(options.data_dir, options.places, styles_dir());
            for (size_t i = 0; !log.failed && (i = next++) < articles.size();) {
                const json rec = map_one(maker, articles[i], formats, drawn, base, dir);
                log.write(rec);
                progress.tick(rec["status"] == "failed");
            }
        } catch (const Error& e) {
            worker_errors[w] = e.subject() + ": " + e.reason();
        } catch (const std::exception& e) {
            worker_errors[w] = std::string("internal error: ") + e.what();
        }
    });
    if (log.failed) throw InputError("cannot write " + manifest.string(), "the write failed (is the disk full?); run again with --resume");
    for (const auto& e : worker_errors)
        if (!e.empty()) throw DataError("batch", e);
    if (progress.failures > 0)
        err << "frontmap: batch: " << progress.failures << " of " << articles.size() << " article(s) failed; see " << manifest.string() << "\n";
    if (!args.report.empty()) write_report(args.report, dir);
    return progress.failures > 0 ? 1 : 0;
}

}  // namespace frontmap::cli
