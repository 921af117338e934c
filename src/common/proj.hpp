#pragma once
// RAII for PROJ handles and the geodesic measures every stage shares.
#include "common/handle.hpp"

#include <proj.h>

#include <string>

namespace frontmap::proj {

using ContextPtr = Handle<PJ_CONTEXT, proj_context_destroy>;
using PjPtr = Handle<PJ, proj_destroy>;

// A context whose errors are not printed to stderr: we report them ourselves.
ContextPtr make_context();

// The message PROJ gives for the last error on this context.
std::string last_error(PJ_CONTEXT* ctx);

// Geodesic distance on the WGS84 ellipsoid, in kilometres.
double geodesic_km(double lon1, double lat1, double lon2, double lat2);

struct LonLat {
    double lon = 0;
    double lat = 0;
};

// The point km kilometres from (lon, lat) along an initial bearing in degrees clockwise from north,
// on the WGS84 ellipsoid ("15 km east of X").
LonLat geodesic_offset(double lon, double lat, double km, double bearing_deg);

}  // namespace frontmap::proj
