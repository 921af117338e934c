#include "render/svg.hpp"

#include "common/error.hpp"
#include "common/handle.hpp"
#include "common/text.hpp"

#include <libxml/xmlwriter.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace frontmap::render {

namespace {

const xmlChar* x(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

std::string number(double v) {
    if (!std::isfinite(v)) return "0";
    std::array<char, 32> buf{};
    std::snprintf(buf.data(), buf.size(), "%.2f", v);
    std::string s = buf.data();
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s == "-0" ? "0" : s;
}

std::string hex(double r, double g, double b) {
    auto byte = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
    std::array<char, 8> buf{};
    std::snprintf(buf.data(), buf.size(), "#%02x%02x%02x", byte(r), byte(g), byte(b));
    return buf.data();
}

std::string path_data(cairo_t* cr) {
    cairo_path_t* path = cairo_copy_path(cr);
    std::string d;
    if (path->status == CAIRO_STATUS_SUCCESS) {
        for (int i = 0; i < path->num_data; i += path->data[i].header.length) {
            const cairo_path_data_t* p = &path->data[i];
            switch (p->header.type) {
                case CAIRO_PATH_MOVE_TO: d += "M" + number(p[1].point.x) + " " + number(p[1].point.y); break;
                case CAIRO_PATH_LINE_TO: d += "L" + number(p[1].point.x) + " " + number(p[1].point.y); break;
                case CAIRO_PATH_CURVE_TO:
                    d += "C" + number(p[1].point.x) + " " + number(p[1].point.y) + " " + number(p[2].point.x) + " " + number(p[2].point.y) +
                         " " + number(p[3].point.x) + " " + number(p[3].point.y);
                    break;
                case CAIRO_PATH_CLOSE_PATH: d += "Z"; break;
            }
        }
    }
    cairo_path_destroy(path);
    return d;
}

std::string dash_list(cairo_t* cr) {
    std::vector<double> dash(static_cast<size_t>(cairo_get_dash_count(cr)));
    cairo_get_dash(cr, dash.data(), nullptr);
    std::string list;
    for (double v : dash) {
        if (!list.empty()) list += ' ';
        list += number(v);
    }
    return list;
}

}  // namespace

struct SvgSink::Impl {
    Handle<xmlBuffer, xmlBufferFree> buffer{xmlBufferCreate()};
    Handle<xmlTextWriter, xmlFreeTextWriter> writer;
    std::vector<int> clips_since_save{0};  // groups opened by clips, per save level
    int next_clip = 0;
    int width = 0, height = 0;
    bool failed = false;

    void ok(int rc) { failed = failed || rc < 0; }
    void start(const char* name) { ok(xmlTextWriterStartElement(writer.get(), x(name))); }
    void end() { ok(xmlTextWriterEndElement(writer.get())); }
    void attr(const char* name, const std::string& value) { ok(xmlTextWriterWriteAttribute(writer.get(), x(name), x(value.c_str()))); }
    void element_text(const char* name, const std::string& text) {
        start(name);
        ok(xmlTextWriterWriteString(writer.get(), x(text::xml_safe(text).c_str())));
        end();
    }

    void source_colour(cairo_t* cr, const char* paint, const char* opacity) {
        double r = 0;
        double g = 0;
        double b = 0;
        double a = 1;
        if (cairo_pattern_get_rgba(cairo_get_source(cr), &r, &g, &b, &a) != CAIRO_STATUS_SUCCESS) r = g = b = 0;
        attr(paint, hex(r, g, b));
        if (a < 0.999) attr(opacity, number(a));
    }

    void stroke_attributes(cairo_t* cr) {
        source_colour(cr, "stroke", "stroke-opacity");
        attr("stroke-width", number(cairo_get_line_width(cr)));
        const cairo_line_join_t join = cairo_get_line_join(cr);
        if (join != CAIRO_LINE_JOIN_MITER) attr("stroke-linejoin", join == CAIRO_LINE_JOIN_ROUND ? "round" : "bevel");
        const cairo_line_cap_t cap = cairo_get_line_cap(cr);
        if (cap != CAIRO_LINE_CAP_BUTT) attr("stroke-linecap", cap == CAIRO_LINE_CAP_ROUND ? "round" : "square");
        if (cairo_get_dash_count(cr) > 0) attr("stroke-dasharray", dash_list(cr));
    }
};

SvgSink::SvgSink(int width, int height, bool millimetres, const std::string& title, const std::string& desc)
    : impl_(std::make_unique<Impl>()) {
    if (!impl_->buffer) throw RenderError("cannot write SVG", "out of memory");
    impl_->width = width;
    impl_->height = height;
    impl_->writer.reset(xmlNewTextWriterMemory(impl_->buffer.get(), 0));
    if (!impl_->writer) throw RenderError("cannot write SVG", "out of memory");
    impl_->ok(xmlTextWriterSetIndent(impl_->writer.get(), 1));
    impl_->ok(xmlTextWriterStartDocument(impl_->writer.get(), "1.0", "UTF-8", nullptr));
    impl_->start("svg");
    impl_->attr("xmlns", "http://www.w3.org/2000/svg");
    impl_->attr("width", millimetres ? number(width * 25.4 / 96) + "mm" : std::to_string(width) + "px");
    impl_->attr("height", millimetres ? number(height * 25.4 / 96) + "mm" : std::to_string(height) + "px");
    impl_->attr("viewBox", "0 0 " + std::to_string(width) + " " + std::to_string(height));
    impl_->element_text("title", title);
    impl_->element_text("desc", desc);
}

SvgSink::~SvgSink() = default;

void SvgSink::path(cairo_t* cr, bool fill, bool stroke) {
    const std::string d = path_data(cr);
    if (d.empty()) return;
    impl_->start("path");
    impl_->attr("d", d);
    if (fill) {
        impl_->source_colour(cr, "fill", "fill-opacity");
        if (cairo_get_fill_rule(cr) == CAIRO_FILL_RULE_EVEN_ODD) impl_->attr("fill-rule", "evenodd");
    } else {
        impl_->attr("fill", "none");
    }
    if (stroke) impl_->stroke_attributes(cr);
    impl_->end();
}

void SvgSink::paint(cairo_t* cr) {
    impl_->start("rect");
    impl_->attr("width", std::to_string(impl_->width));
    impl_->attr("height", std::to_string(impl_->height));
    impl_->source_colour(cr, "fill", "fill-opacity");
    impl_->end();
}

void SvgSink::clip(cairo_t* cr) {
    const std::string id = "clip" + std::to_string(++impl_->next_clip);
    impl_->start("clipPath");
    impl_->attr("id", id);
    impl_->start("path");
    impl_->attr("d", path_data(cr));
    if (cairo_get_fill_rule(cr) == CAIRO_FILL_RULE_EVEN_ODD) impl_->attr("clip-rule", "evenodd");
    impl_->end();
    impl_->end();
    impl_->start("g");
    impl_->attr("clip-path", "url(#" + id + ")");
    ++impl_->clips_since_save.back();
}

void SvgSink::save() { impl_->clips_since_save.push_back(0); }

void SvgSink::restore() {
    if (impl_->clips_since_save.size() <= 1) return;
    for (int i = 0; i < impl_->clips_since_save.back(); ++i) impl_->end();
    impl_->clips_since_save.pop_back();
}

void SvgSink::begin_group(const std::string& id) {
    impl_->start("g");
    impl_->attr("id", id);
}

void SvgSink::end_group() { impl_->end(); }

void SvgSink::text(const std::string& text, const style::Font& font, double x0, double y0, double baseline, double line_height,
                   const style::Colour* halo, double halo_width) {
    impl_->start("text");
    impl_->attr("x", number(x0));
    impl_->attr("y", number(y0 + baseline));
    impl_->attr("font-family", font.family);
    impl_->attr("font-size", number(font.size) + "px");
    if (font.bold) impl_->attr("font-weight", "bold");
    if (font.italic) impl_->attr("font-style", "italic");
    impl_->attr("fill", hex(font.colour.r, font.colour.g, font.colour.b));
    if (font.colour.a < 0.999) impl_->attr("fill-opacity", number(font.colour.a));
    if (halo) {
        // The halo is the text's own stroke, painted under its fill.
        impl_->attr("stroke", hex(halo->r, halo->g, halo->b));
        if (halo->a < 0.999) impl_->attr("stroke-opacity", number(halo->a));
        impl_->attr("stroke-width", number(halo_width));
        impl_->attr("stroke-linejoin", "round");
        impl_->attr("paint-order", "stroke");
    }
    impl_->attr("xml:space", "preserve");
    // No indentation inside the text: with xml:space preserved it would be drawn as spaces.
    impl_->ok(xmlTextWriterSetIndent(impl_->writer.get(), 0));
    size_t start = 0;
    for (int line = 0;; ++line) {
        const size_t end = text.find('\n', start);
        impl_->start("tspan");
        impl_->attr("x", number(x0));
        if (line > 0) impl_->attr("dy", number(line_height));
        impl_->ok(xmlTextWriterWriteString(impl_->writer.get(), x(text::xml_safe(text.substr(start, end - start)).c_str())));
        impl_->end();
        if (end == std::string::npos) break;
        start = end + 1;
    }
    impl_->end();
    impl_->ok(xmlTextWriterSetIndent(impl_->writer.get(), 1));
}

std::string SvgSink::finish() {
    while (impl_->clips_since_save.size() > 1) restore();
    for (int i = 0; i < impl_->clips_since_save.back(); ++i) impl_->end();
    impl_->clips_since_save.back() = 0;
    impl_->ok(xmlTextWriterEndDocument(impl_->writer.get()));
    impl_->ok(xmlTextWriterFlush(impl_->writer.get()));
    if (impl_->failed) throw RenderError("cannot write SVG", "libxml2 could not write the document");
    return {reinterpret_cast<const char*>(xmlBufferContent(impl_->buffer.get())), static_cast<size_t>(xmlBufferLength(impl_->buffer.get()))};
}

namespace {
const cairo_user_data_key_t kSinkKey{};
}  // namespace

SvgSink* svg_sink(cairo_t* cr) { return static_cast<SvgSink*>(cairo_get_user_data(cr, &kSinkKey)); }

void attach_svg_sink(cairo_t* cr, SvgSink* sink) { cairo_set_user_data(cr, &kSinkKey, sink, nullptr); }

namespace {

// The sink reads the path before Cairo's own call, which may consume it.
void path_op(cairo_t* cr, bool fill, void (*draw)(cairo_t*)) {
    if (SvgSink* s = svg_sink(cr)) s->path(cr, fill, !fill);
    draw(cr);
}

}  // namespace

void op_fill(cairo_t* cr) { path_op(cr, true, cairo_fill); }
void op_fill_preserve(cairo_t* cr) { path_op(cr, true, cairo_fill_preserve); }
void op_stroke(cairo_t* cr) { path_op(cr, false, cairo_stroke); }
void op_stroke_preserve(cairo_t* cr) { path_op(cr, false, cairo_stroke_preserve); }
void op_paint(cairo_t* cr) {
    if (SvgSink* s = svg_sink(cr)) s->paint(cr);
    cairo_paint(cr);
}
void op_clip(cairo_t* cr) {
    if (SvgSink* s = svg_sink(cr)) s->clip(cr);
    cairo_clip(cr);
}
void op_clip_preserve(cairo_t* cr) {
    if (SvgSink* s = svg_sink(cr)) s->clip(cr);
    cairo_clip_preserve(cr);
}
void op_save(cairo_t* cr) {
    if (SvgSink* s = svg_sink(cr)) s->save();
    cairo_save(cr);
}
void op_restore(cairo_t* cr) {
    if (SvgSink* s = svg_sink(cr)) s->restore();
    cairo_restore(cr);
}
void op_begin_layer(cairo_t* cr, const std::string& id) {
    if (SvgSink* s = svg_sink(cr)) s->begin_group(id);
}
void op_end_layer(cairo_t* cr) {
    if (SvgSink* s = svg_sink(cr)) s->end_group();
}

}  // namespace frontmap::render
