#include "frontmap/frontmap.hpp"

#include "common/text.hpp"
#include "pipeline/story.hpp"
#include "render/render.hpp"
#include "scene/geojson.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <map>

namespace frontmap {

namespace fs = std::filesystem;

Format format_of(const fs::path& file) {
    switch (render::format_for(file)) {
    case render::Format::Png: return Format::Png;
    case render::Format::Svg: return Format::Svg;
    case render::Format::Pdf: return Format::Pdf;
    }
    return Format::Png;
}

Format format_named(std::string_view name) {
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower == "png") return Format::Png;
    if (lower == "svg") return Format::Svg;
    if (lower == "pdf") return Format::Pdf;
    throw UsageError("bad format '" + text::printable(std::string(name)) + "'", "expected png, svg or pdf");
}

namespace {

// A headline or source line wrapped to the map's width, as one line of text.
std::string one_line(std::string text) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
}

// A scene as the text scene() gives, and back: the text a user may have edited.
std::string scene_text(const scene::Scene& s) { return scene::to_geojson(s).dump(1) + "\n"; }

scene::Scene scene_of_text(std::string_view scene_geojson) {
    const auto doc = nlohmann::json::parse(scene_geojson, nullptr, false);
    if (doc.is_discarded()) throw InputError("cannot read the scene", "it is not JSON");
    return scene::from_geojson(doc);
}

render::Format to_render(Format f) {
    return f == Format::Svg ? render::Format::Svg : f == Format::Pdf ? render::Format::Pdf : render::Format::Png;
}

}  // namespace

struct MapMaker::Impl {
    Impl(const fs::path& data_dir, const std::string& places_file, const fs::path& styles_folder)
        : data(pipeline::data_folder(or_environment(data_dir, "FRONTMAP_DATA").string()), places_file),
          styles_dir(or_environment(styles_folder, "FRONTMAP_STYLES")) {
        if (styles_dir.empty()) styles_dir = FRONTMAP_STYLES_DIR;
    }

    // An installed program finds its data and styles as the command does: given, else from the
    // environment.
    static fs::path or_environment(const fs::path& given, const char* variable) {
        if (!given.empty()) return given;
        const char* env = std::getenv(variable);
        return env && (*env != 0) ? fs::path(env) : fs::path();
    }

    // A style is read once and kept: a batch draws hundreds of maps in one or two styles.
    const style::Style& style(const std::string& name) {
        auto it = styles.find(name);
        if (it == styles.end()) it = styles.emplace(name, style::load(name, styles_dir)).first;
        return it->second;
    }

    scene::Scene scene_of(std::string_view article, const MapOptions& o) {
        if (!text::valid_utf8(article)) throw InputError("cannot read the article", "it is not valid UTF-8 text");
        if (article.find_first_not_of(" \t\r\n") == std::string_view::npos) throw InputError("cannot read the article", "it is empty");
        if (!(o.dpi >= 24 && o.dpi <= 1200)) throw UsageError("bad dpi", "expected 24 to 1200 pixels per inch (96 is a screen's)");
        const scene::Options layout{.width = o.width, .height = o.height, .title = o.title, .style_name = o.style, .dpi = o.dpi,
                                    .millimetres = o.millimetres, .as_of = "", .source = o.source};
        return pipeline::scene_of_article(data, article, o.date, layout, style(o.style), measure);
    }

    pipeline::Data data;
    fs::path styles_dir;
    std::map<std::string, style::Style> styles;
    render::PangoMeasure measure;
};

MapMaker::MapMaker(const fs::path& data_dir, const std::string& places_file, const fs::path& styles_dir)
    : impl_(std::make_unique<Impl>(data_dir, places_file, styles_dir)) {}
MapMaker::~MapMaker() = default;
MapMaker::MapMaker(MapMaker&&) noexcept = default;
MapMaker& MapMaker::operator=(MapMaker&&) noexcept = default;

std::string MapMaker::scene(std::string_view article, const MapOptions& options) {
    return scene_text(impl_->scene_of(article, options));
}

std::string MapMaker::render(std::string_view scene_geojson, Format format) {
    const scene::Scene s = scene_of_text(scene_geojson);
    return render::render_bytes(s, impl_->style(s.style), impl_->data.basemap, to_render(format));
}

// Members of the library's API, not static: a later version may word them by the maker's style or
// locale without changing the calls of those who embed it.
// NOLINTNEXTLINE(readability-convert-member-functions-to-static)
std::string MapMaker::caption(std::string_view scene_geojson) { return scene::caption(scene_of_text(scene_geojson)); }

// NOLINTNEXTLINE(readability-convert-member-functions-to-static)
std::string MapMaker::alt_text(std::string_view scene_geojson) { return scene::alt_text(scene_of_text(scene_geojson)); }

MapSet MapMaker::maps(std::string_view article, const MapOptions& options, const std::vector<Format>& formats) {
    const scene::Scene s = impl_->scene_of(article, options);
    MapSet out{.scene = scene_text(s), .title = one_line(s.title), .credits = one_line(s.source), .caption = scene::caption(s),
               .alt_text = scene::alt_text(s)};
    out.events = s.events.size();
    out.places = static_cast<size_t>(std::count_if(s.features.begin(), s.features.end(), [](const scene::Feature& f) { return f.kind == scene::FeatureKind::Place; }));
    for (const Format f : formats) out.files.push_back(render::render_bytes(s, impl_->style(options.style), impl_->data.basemap, to_render(f)));
    return out;
}

std::string MapMaker::map(std::string_view article, const MapOptions& options, Format format) {
    const scene::Scene s = impl_->scene_of(article, options);
    return render::render_bytes(s, impl_->style(options.style), impl_->data.basemap, to_render(format));
}

}  // namespace frontmap
