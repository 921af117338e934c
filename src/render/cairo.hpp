#pragma once
// RAII for Cairo and Pango handles, and errors that carry Cairo's own message.
#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>
#include <string>

namespace frontmap::render {

struct SurfaceDeleter {
    void operator()(cairo_surface_t* s) const noexcept { cairo_surface_destroy(s); }
};
struct ContextDeleter {
    void operator()(cairo_t* cr) const noexcept { cairo_destroy(cr); }
};
struct LayoutDeleter {
    void operator()(PangoLayout* l) const noexcept { g_object_unref(l); }
};
struct FontDescriptionDeleter {
    void operator()(PangoFontDescription* d) const noexcept { pango_font_description_free(d); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using CairoPtr = std::unique_ptr<cairo_t, ContextDeleter>;
using LayoutPtr = std::unique_ptr<PangoLayout, LayoutDeleter>;
using FontDescriptionPtr = std::unique_ptr<PangoFontDescription, FontDescriptionDeleter>;

// Throws RenderError with Cairo's message when the surface or context is in error.
void check(cairo_surface_t* surface, const std::string& what);
void check(cairo_t* cr, const std::string& what);

}  // namespace frontmap::render
