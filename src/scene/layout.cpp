#include "scene/layout.hpp"

#include "common/error.hpp"
#include "common/rules.hpp"

#include <nlohmann/json.hpp>

#include <string_view>

namespace frontmap::scene {

extern const std::string_view kLayoutJson;

// Each rule is read by its name in layout.json, which is the member's: nlohmann's field macros
// (a key missing or of the wrong type throws, and rules::read reports it as damaged data).
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Layout::Frame, min_span_km, place_focus_km, prominent_share, namesake_share, padding_share, type_weights,
                                   high_detail_below_km, intermediate_detail_below_km)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Layout::ScaleBarRules, inset_px, max_share)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Layout::InsetRules, width_share, aspect, margin_px, min_span_km, span_factor)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Layout::Labels, retry_gaps_px, place_gap_px, icon_gap_px, river_label_tries, river_label_gap_px,
                                   line_margin_px, water_min_importance, water_margin_px, country_min_share, town_name_max_chars,
                                   square_px_per_context_town, min_context_towns, max_context_towns, importance_tiers, candidates_per_label)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Layout::Furniture::ScaleBarObstacle, left_px, above_px, extra_width_px, height_px)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Layout::Furniture, footer_padding_px, band_side_px, band_gap_px, corner_inset_px, above_scale_bar_px,
                                   legend_top_gap_px, corner_clearance_px, scale_bar_obstacle, inset_clearance_px)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Layout, frame, scale_bar, inset, labels, furniture)

namespace {

const std::string kWhat = "scene layout (scene/layout.json)";

Layout layout_of(const nlohmann::json& j) {
    auto l = j.get<Layout>();
    if (l.labels.retry_gaps_px.empty()) throw DataError(kWhat, "labels.retry_gaps_px is empty");
    return l;
}

}  // namespace

const Layout& layout() { return rules::once<kLayoutJson>(kWhat, "a rule is missing or is not a number", layout_of); }

}  // namespace frontmap::scene
