#pragma once
// RAII for Cairo and Pango handles, and errors that carry Cairo's own message.
#include "common/handle.hpp"

#include <cairo.h>
#include <pango/pangocairo.h>

#include <string>

namespace frontmap::render {

using SurfacePtr = Handle<cairo_surface_t, cairo_surface_destroy>;
using CairoPtr = Handle<cairo_t, cairo_destroy>;
using LayoutPtr = Handle<PangoLayout, g_object_unref>;
using FontDescriptionPtr = Handle<PangoFontDescription, pango_font_description_free>;

// Throws RenderError with Cairo's message when the surface or context is in error.
void check(cairo_surface_t* surface, const std::string& what);
void check(cairo_t* cr, const std::string& what);

}  // namespace frontmap::render
