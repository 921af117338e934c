#include "scene/projection.hpp"

#include "common/bbox.hpp"
#include "common/error.hpp"

#include <cmath>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>

namespace frontmap::scene {

namespace {

// A "+proj=… +ellps=WGS84" string (the maps' own conformal projections) on WGS84 needs no datum
// shift: the operation is the projection itself on degrees, built without a search of PROJ's
// database, which took three quarters of a scene's time.
std::optional<std::string> direct_pipeline(const std::string& crs) {
    if (crs.rfind("+proj=", 0) != 0) return std::nullopt;
    const bool wgs84 = crs.find("+ellps=WGS84") != std::string::npos || crs.find("+datum=WGS84") != std::string::npos;
    for (const char* shift : {"+towgs84", "+nadgrids", "+init", "+geoidgrids", "+pm=", "+axis", "+proj=geocent", "+proj=cart"})
        if (crs.find(shift) != std::string::npos) return std::nullopt;
    if (!wgs84 || crs.find("+proj=longlat") != std::string::npos || crs.find("+proj=latlong") != std::string::npos) return std::nullopt;
    std::string step;
    std::istringstream words(crs);
    for (std::string w; words >> w;)
        if (w != "+type=crs" && w != "+no_defs") step += " " + w;
    return "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step" + step;
}

// The pipelines PROJ's database gave for each CRS named by code ("EPSG:3857"), kept for the
// process: every context opens the database afresh, and reading its schema took a tenth of a
// one-map process, once for each projector a map makes.
class ResolvedPipelines {
public:
    std::optional<std::string> find(const std::string& crs) {
        const std::lock_guard lock(mutex_);
        const auto it = pipelines_.find(crs);
        return it == pipelines_.end() ? std::nullopt : std::optional(it->second);
    }
    void add(const std::string& crs, std::string pipeline) {
        const std::lock_guard lock(mutex_);
        pipelines_.emplace(crs, std::move(pipeline));
    }

private:
    std::mutex mutex_;
    std::map<std::string, std::string> pipelines_;
};

ResolvedPipelines& resolved() {
    static ResolvedPipelines pipelines;
    return pipelines;
}

// PROJ's message when it has one worth reading; its catch-all "Unknown error (code 4096)" is not.
std::string plain_proj_error(PJ_CONTEXT* ctx) {
    std::string message = proj::last_error(ctx);
    if (message.empty() || message.starts_with("Unknown error") || message.starts_with("unknown"))
        return "PROJ knows no such projection (give an EPSG code such as EPSG:3857, or a PROJ string)";
    return message;
}

// A map is flat: a geocentric, 3D or vertical CRS has no x and y to draw with.
void refuse_unmappable(PJ_CONTEXT* ctx, const std::string& crs, const std::string& target) {
    const proj::PjPtr object{proj_create(ctx, target.c_str())};
    if (!object) throw GeoError("cannot use projection '" + crs + "'", plain_proj_error(ctx));
    switch (proj_get_type(object.get())) {
        case PJ_TYPE_PROJECTED_CRS:
        case PJ_TYPE_GEOGRAPHIC_2D_CRS:
        case PJ_TYPE_BOUND_CRS:
        case PJ_TYPE_COMPOUND_CRS: return;
        default: throw GeoError("cannot use projection '" + crs + "'", "it is not a map projection (a geocentric, 3D or vertical CRS)");
    }
}

proj::PjPtr make_transform(PJ_CONTEXT* ctx, const std::string& crs) {
    for (const auto& pipeline : {direct_pipeline(crs), resolved().find(crs)}) {
        if (!pipeline) continue;
        if (proj::PjPtr direct{proj_create(ctx, pipeline->c_str())}) return direct;
    }
    std::string target = crs;
    if (target.rfind("+proj", 0) == 0 && target.find("+type=crs") == std::string::npos) target += " +type=crs";
    refuse_unmappable(ctx, crs, target);
    proj::PjPtr raw{proj_create_crs_to_crs(ctx, "EPSG:4326", target.c_str(), nullptr)};
    if (!raw) throw GeoError("cannot use projection '" + crs + "'", plain_proj_error(ctx));
    // Longitude first, whatever the CRS's axis order.
    proj::PjPtr norm{proj_normalize_for_visualization(ctx, raw.get())};
    if (!norm) throw GeoError("cannot use projection '" + crs + "'", proj::last_error(ctx));
    // An operation with alternatives (by area, by grid) has no one pipeline and is not kept.
    if (const char* pipeline = proj_as_proj_string(ctx, norm.get(), PJ_PROJ_5, nullptr)) resolved().add(crs, pipeline);
    return norm;
}

}  // namespace

std::string conformal_crs_for(const BBox& extent) {
    std::ostringstream s;
    s.precision(6);
    s << std::fixed << "+proj=stere +lat_0=" << (extent.south() + extent.north()) / 2 << " +lon_0=" << (extent.west() + extent.east()) / 2
      << " +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs";
    return s.str();
}

Projector::Projector(const std::string& crs, const BBox& view, const Box& box)
    : ctx_(proj::make_context()), pj_(make_transform(ctx_.get(), crs)), view_(view), box_(box) {
    scale_ = std::max(view_.width() / box_.w, view_.height() / box_.h);
}

bool Projector::projects_everywhere(const std::string& crs, const BBox& extent) {
    const auto [west, south, east, north] = extent;
    auto ctx = proj::make_context();
    auto pj = make_transform(ctx.get(), crs);
    constexpr int kSteps = 24;
    for (int i = 0; i <= kSteps; ++i)
        for (int j = 0; j <= kSteps; ++j) {
            const double lon = west + (east - west) * i / kSteps;
            const double lat = south + (north - south) * j / kSteps;
            const PJ_COORD c = proj_trans(pj.get(), PJ_FWD, proj_coord(lon, lat, 0, 0));
            // Farther from the origin than the Earth is round: Mercator's pole, in effect nowhere.
            constexpr double kFarthest = 4.0e7;
            if (!std::isfinite(c.xy.x) || !std::isfinite(c.xy.y) || std::abs(c.xy.x) > kFarthest || std::abs(c.xy.y) > kFarthest) return false;
        }
    return true;
}

BBox Projector::fit_view(const std::string& crs, const BBox& extent, const Box& box) {
    const auto [west, south, east, north] = extent;
    auto ctx = proj::make_context();
    auto pj = make_transform(ctx.get(), crs);
    BBox projected = BBox::none();
    // The edges of a lon/lat box are curves once projected: sample them.
    constexpr int kSteps = 16;
    for (int i = 0; i <= kSteps; ++i) {
        const double f = static_cast<double>(i) / kSteps;
        const double lon = west + f * (east - west);
        const double lat = south + f * (north - south);
        for (auto [x, y] : {std::pair{lon, south}, std::pair{lon, north}, std::pair{west, lat}, std::pair{east, lat}}) {
            PJ_COORD c = proj_trans(pj.get(), PJ_FWD, proj_coord(x, y, 0, 0));
            if (std::isfinite(c.xy.x) && std::isfinite(c.xy.y)) projected.expand(c.xy.x, c.xy.y);
        }
    }
    const auto [xmin, ymin, xmax, ymax] = projected;
    if (xmin > xmax) throw GeoError("cannot project the extent", "no point of it has a projected position");
    const double scale = std::max((xmax - xmin) / box.w, (ymax - ymin) / box.h);
    const double cx = (xmin + xmax) / 2;
    const double cy = (ymin + ymax) / 2;
    return {cx - scale * box.w / 2, cy - scale * box.h / 2, cx + scale * box.w / 2, cy + scale * box.h / 2};
}

Point Projector::to_pixel(double lon, double lat) const {
    PJ_COORD c = proj_trans(pj_.get(), PJ_FWD, proj_coord(lon, lat, 0, 0));
    return {box_.x + (c.xy.x - view_.min_x) / scale_, box_.y + (view_.max_y - c.xy.y) / scale_};
}

void Projector::to_pixels(const double* lon_lat, size_t count, std::vector<Point>& out) const {
    out.resize(count);
    for (size_t i = 0; i < count; ++i) out[i] = {lon_lat[2 * i], lon_lat[2 * i + 1]};
    proj_trans_generic(pj_.get(), PJ_FWD, &out[0].x, sizeof(Point), count, &out[0].y, sizeof(Point), count, nullptr, 0, 0, nullptr, 0, 0);
    for (auto& p : out) {
        if (p.x == HUGE_VAL || p.y == HUGE_VAL || !std::isfinite(p.x) || !std::isfinite(p.y)) {
            p = {std::nan(""), std::nan("")};
            continue;
        }
        p = {box_.x + (p.x - view_.min_x) / scale_, box_.y + (view_.max_y - p.y) / scale_};
    }
}

std::pair<double, double> Projector::to_lon_lat(const Point& pixel) const {
    const double x = view_.min_x + (pixel.x - box_.x) * scale_;
    const double y = view_.max_y - (pixel.y - box_.y) * scale_;
    PJ_COORD c = proj_trans(pj_.get(), PJ_INV, proj_coord(x, y, 0, 0));
    return {c.lp.lam, c.lp.phi};
}

}  // namespace frontmap::scene
