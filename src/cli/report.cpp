#include "cli/report.hpp"

#include "common/error.hpp"
#include "common/text.hpp"
#include "io/files.hpp"

#include <libxml/xmlerror.h>
#include <libxml/xmlwriter.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace frontmap::cli {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Plain and legible in any browser, printed or on screen; no fonts or scripts fetched.
constexpr const char* kStyleSheet =
    "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:1240px;margin:2em auto;padding:0 1em;color:#1f1f1f}"
    "article{margin:0 0 3em;border-top:1px solid #ccc;padding-top:1em}"
    "img{max-width:100%;height:auto;display:block}"
    "figcaption{margin-top:.5em}.caption{margin:.2em 0}.source{font-size:.85em;color:#555;margin:.2em 0}"
    "details{font-size:.9em;color:#333}.failed li{margin:.3em 0}";

// libxml2 writes to the temporary file through these, by AtomicFile::write, and a failed write
// keeps its reason (no exception may cross libxml2's C frames).
struct Sink {
    io::AtomicFile* file = nullptr;
    std::string failure;
    static int write(void* context, const char* buffer, int length) {
        auto* sink = static_cast<Sink*>(context);
        try {
            sink->file->write(std::string_view(buffer, static_cast<size_t>(length)));
        } catch (const Error& e) {
            sink->failure = e.reason();
            return -1;
        }
        return length;
    }
    static int close(void* /*unused*/) { return 0; }  // the AtomicFile closes it
};

// libxml2 prints its own lines on standard error when a write fails; frontmap says it once, in
// its own words.
void quiet_libxml(void* /*unused*/, const char* /*unused*/, ...) {}
void quiet_libxml_structured(void* /*unused*/, xmlErrorPtr /*unused*/) {}

struct Writer {
    struct Free {
        void operator()(xmlTextWriterPtr writer) const noexcept { xmlFreeTextWriter(writer); }
    };
    Writer(io::AtomicFile& file, const std::string& target) : what("cannot write " + target) {
        xmlSetGenericErrorFunc(nullptr, quiet_libxml);
        xmlSetStructuredErrorFunc(nullptr, quiet_libxml_structured);
        sink.file = &file;
        xmlOutputBufferPtr out = xmlOutputBufferCreateIO(Sink::write, Sink::close, &sink, nullptr);
        if (!out) throw InputError(what, "out of memory");
        w.reset(xmlNewTextWriter(out));  // owns `out` from here, even when it fails
        if (!w) throw InputError(what, "out of memory");
    }
    void check(int rc) const {
        if (rc < 0) throw InputError(what, sink.failure.empty() ? "the page could not be written" : sink.failure);
    }
    static const xmlChar* x(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
    static const xmlChar* x(const std::string& s) { return x(s.c_str()); }

    void open(const char* element) const { check(xmlTextWriterStartElement(w.get(), x(element))); }
    // HTML reads "<h2/>" as an open tag: every element but a void one is closed in full.
    void close() const { check(xmlTextWriterFullEndElement(w.get())); }
    void close_void() const { check(xmlTextWriterEndElement(w.get())); }
    // Article text may hold control characters no HTML page may: they are dropped.
    void attribute(const char* name, const std::string& value) const {
        check(xmlTextWriterWriteAttribute(w.get(), x(name), x(text::xml_safe(value))));
    }
    void text(const std::string& value) const { check(xmlTextWriterWriteString(w.get(), x(text::xml_safe(value)))); }
    void element(const char* name, const std::string& value, const char* css_class = nullptr) const {
        open(name);
        if (css_class) attribute("class", css_class);
        text(value);
        close();
    }
    // A data: URL in an attribute, the bytes base64-encoded by libxml2 as they are written.
    void data_url(const char* name, const std::string& mime, const std::string& bytes) const {
        check(xmlTextWriterStartAttribute(w.get(), x(name)));
        check(xmlTextWriterWriteString(w.get(), x("data:" + mime + ";base64,")));
        check(xmlTextWriterWriteBase64(w.get(), bytes.data(), 0, static_cast<int>(bytes.size())));
        check(xmlTextWriterEndAttribute(w.get()));
    }
    void finish() {
        check(xmlTextWriterFlush(w.get()));
        w.reset();
        if (!sink.failure.empty()) throw InputError(what, sink.failure);
    }

    std::string what;
    Sink sink;
    std::unique_ptr<xmlTextWriter, Free> w;
};

// The manifest's last record of each output name, in the order the names first appear.
std::vector<json> latest_records(const fs::path& manifest) {
    std::ifstream in(manifest);
    if (!in) throw InputError("cannot write the report", "no manifest.jsonl in " + manifest.parent_path().string());
    std::vector<json> records;
    std::map<std::string, size_t> index;
    for (std::string line; std::getline(in, line);) {
        json rec = json::parse(line, nullptr, false);
        if (rec.is_discarded() || !rec.is_object() || !rec.contains("name") || !rec["name"].is_string()) continue;
        const std::string name = rec["name"].get<std::string>();
        if (const auto it = index.find(name); it != index.end()) records[it->second] = std::move(rec);
        else {
            index[name] = records.size();
            records.push_back(std::move(rec));
        }
    }
    return records;
}

std::string count(size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

std::string field(const json& rec, const char* key) {
    return rec.contains(key) && rec[key].is_string() ? rec[key].get<std::string>() : std::string();
}

// The map a page can show: a PNG, else an SVG, among the record's outputs. Only a file in the
// output folder itself: a hand-edited manifest must not put another file of the machine's in a
// page that is meant to be shared.
std::pair<std::string, std::string> image_of(const json& rec) {
    const json outputs = rec.contains("outputs") && rec["outputs"].is_array() ? rec["outputs"] : json::array();
    for (const auto& [ext, mime] : {std::pair{".png", "image/png"}, {".svg", "image/svg+xml"}})
        for (const auto& out : outputs) {
            if (!out.is_string()) continue;
            const std::string name = out.get<std::string>();
            if (name.ends_with(ext) && name.find('/') == std::string::npos && name.front() != '.') return {name, mime};
        }
    return {};
}

std::string read_bytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return in ? std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()) : std::string();
}

void write_map(const Writer& w, const json& rec, const fs::path& out_dir) {
    w.open("article");
    w.attribute("id", field(rec, "name"));
    w.element("h2", field(rec, "title"));
    w.open("figure");
    const auto [file, mime] = image_of(rec);
    const std::string bytes = file.empty() ? std::string() : read_bytes(out_dir / file);
    if (bytes.empty()) {
        const std::string why = file.empty() ? "No PNG or SVG of this map is in " : "The map file " + file + " is missing from ";
        w.element("p", why + out_dir.string() + ".", "source");
    } else {
        w.open("img");
        w.data_url("src", mime, bytes);
        w.attribute("alt", field(rec, "alt"));
        w.close_void();
    }
    w.open("figcaption");
    w.element("p", field(rec, "caption"), "caption");
    w.element("p", field(rec, "source_line"), "source");
    w.open("details");
    w.element("summary", "Alt text");
    w.text(field(rec, "alt"));
    w.close();
    w.close();  // figcaption
    w.close();  // figure
    w.close();  // article
}

void write_failures(const Writer& w, const std::vector<const json*>& failed) {
    if (failed.empty()) return;
    w.open("section");
    w.attribute("class", "failed");
    w.element("h2", "Not mapped");
    w.open("ul");
    for (const json* rec : failed) {
        w.open("li");
        w.element("code", field(*rec, "id"));
        w.text(": " + field(*rec, "error"));
        w.close();
    }
    w.close();
    w.close();
}

}  // namespace

void write_report(const fs::path& report, const fs::path& out_dir) {
    const std::vector<json> records = latest_records(out_dir / "manifest.jsonl");
    std::vector<const json*> done;
    std::vector<const json*> failed;
    for (const auto& rec : records) (field(rec, "status") == "done" ? done : failed).push_back(&rec);
    io::AtomicFile file(report);
    Writer w(file, report.string());
    w.check(xmlTextWriterWriteDTD(w.w.get(), Writer::x("html"), nullptr, nullptr, nullptr));
    w.open("html");
    w.attribute("lang", "en");
    w.open("head");
    w.open("meta");
    w.attribute("charset", "utf-8");
    w.close_void();
    w.element("title", count(done.size(), "map", "maps"));
    w.element("style", kStyleSheet);
    w.close();
    w.open("body");
    w.element("h1", "Maps");
    w.element("p", std::to_string(done.size()) + " of " + count(records.size(), "article", "articles") + " mapped" +
                       (failed.empty() ? "." : "; " + std::to_string(failed.size()) + " could not be, listed at the end."));
    for (const json* rec : done) write_map(w, *rec, out_dir);
    write_failures(w, failed);
    w.close();  // body
    w.close();  // html
    w.finish();
    file.commit();
}

}  // namespace frontmap::cli
