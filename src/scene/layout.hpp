#pragma once
// How the scene frames a story and places its labels, read from layout.json beside this stage
// (compiled into the library, read once): spans, shares, gaps and tries.
#include <map>
#include <string>
#include <vector>

namespace frontmap::scene {

struct Layout {
    struct Frame {
        double min_span_km{}, place_focus_km{}, prominent_share{}, namesake_share{}, padding_share{};
        std::map<std::string, double> type_weights;
        double high_detail_below_km{}, intermediate_detail_below_km{};
    } frame;
    struct ScaleBarRules {
        double inset_px{}, max_share{};
    } scale_bar;
    struct InsetRules {
        double width_share{}, aspect{}, margin_px{}, min_span_km{}, span_factor{};
    } inset;
    struct Labels {
        std::vector<double> retry_gaps_px;
        double place_gap_px{}, icon_gap_px{};
        size_t river_label_tries{};
        double river_label_gap_px{}, line_margin_px{}, water_min_importance{}, water_margin_px{}, country_min_share{};
        size_t town_name_max_chars{};
        int square_px_per_context_town{}, min_context_towns{}, max_context_towns{};
        std::vector<double> importance_tiers;
        size_t candidates_per_label{};
    } labels;
    struct Furniture {
        double footer_padding_px{}, band_side_px{}, band_gap_px{}, corner_inset_px{}, above_scale_bar_px{}, legend_top_gap_px{}, corner_clearance_px{};
        struct ScaleBarObstacle {
            double left_px{}, above_px{}, extra_width_px{}, height_px{};
        } scale_bar_obstacle;
        double inset_clearance_px{};
    } furniture;
};

const Layout& layout();

}  // namespace frontmap::scene
