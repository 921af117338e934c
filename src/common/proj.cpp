#include "common/proj.hpp"

#include "common/error.hpp"

#include <geodesic.h>

#include <cmath>

namespace frontmap::proj {
namespace {

void quiet_logger(void* /*unused*/, int /*unused*/, const char* /*unused*/) {}

struct Geod {
    ContextPtr ctx = make_context();
    PjPtr pj{proj_create(ctx.get(), "+proj=longlat +ellps=WGS84 +no_defs")};
};

// PROJ objects are not thread-safe; each thread keeps its own.
Geod& thread_geod() {
    thread_local Geod geod;
    if (!geod.pj) throw GeoError("geodesic", last_error(geod.ctx.get()));
    return geod;
}

constexpr double kDegToRad = M_PI / 180.0;

}  // namespace

ContextPtr make_context() {
    ContextPtr ctx{proj_context_create()};
    proj_log_func(ctx.get(), nullptr, quiet_logger);
    return ctx;
}

std::string last_error(PJ_CONTEXT* ctx) {
    const int code = proj_context_errno(ctx);
    const char* msg = proj_context_errno_string(ctx, code);
    return msg ? msg : "unknown PROJ error";
}

double geodesic_km(double lon1, double lat1, double lon2, double lat2) {
    Geod& g = thread_geod();
    PJ_COORD a = proj_coord(lon1 * kDegToRad, lat1 * kDegToRad, 0, 0);
    PJ_COORD b = proj_coord(lon2 * kDegToRad, lat2 * kDegToRad, 0, 0);
    return proj_lp_dist(g.pj.get(), a, b) / 1000.0;
}

LonLat geodesic_offset(double lon, double lat, double km, double bearing_deg) {
    static const geod_geodesic wgs84 = [] {
        geod_geodesic g{};
        geod_init(&g, 6378137.0, 1 / 298.257223563);
        return g;
    }();
    LonLat out{lon, lat};
    geod_direct(&wgs84, lat, lon, bearing_deg, km * 1000, &out.lat, &out.lon, nullptr);
    return out;
}

}  // namespace frontmap::proj
