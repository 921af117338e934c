#pragma once
#include "common/bbox.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace frontmap::gazetteer {

// What a name can refer to. The strings are the public "type" values of the parse schema.
enum class PlaceType { City, Village, Region, Country, River, Sea, Island, Infrastructure, Other };

const char* to_string(PlaceType type);
PlaceType place_type_from_string(const std::string& text);  // throws DataError on an unknown type

// The feature code of a place no gazetteer entry gives, located by the article's description of it
// ("a village 15 km east of the city"): approximate, so events there are drawn as near it.
inline constexpr std::string_view kDescribedFeature = "described";

struct Place {
    std::string id;            // GeoNames id, or "ne-…"/"fm-…" for Natural Earth and curated entries
    std::string name;          // preferred English name
    PlaceType type = PlaceType::Other;
    std::string feature_code;  // GeoNames feature code (PPLC, PPLA, PPL…), ADM1, PCLI, or the curated type
    std::string country;       // ISO 3166-1 alpha-2, empty for international waters
    std::string admin1;        // GeoNames admin-1 code (for an admin-1 area, the code its towns carry)
    double lat = 0.0;
    double lon = 0.0;
    long long population = 0;
    double importance = 0.0;   // prior 0..1: how likely a reader means this entry when its name appears
    // For rivers: the course as lon,lat pairs, so a resolver can take the stretch nearest the story.
    std::vector<std::pair<double, double>> course;
    // Bounding box of the area for regions and countries, in lon/lat (none for points).
    std::optional<BBox> bbox;
};

// Whether a place's point lies within an extent; never for no extent.
inline bool extent_holds(const std::optional<BBox>& bbox, const Place& p) { return bbox && bbox->contains(p.lon, p.lat); }

}  // namespace frontmap::gazetteer
