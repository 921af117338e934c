#include "scene/layout.hpp"

#include "common/error.hpp"
#include "common/rules.hpp"

#include <nlohmann/json.hpp>

#include <string_view>

namespace frontmap::scene {

extern const std::string_view kLayoutJson;

namespace {

using nlohmann::json;

Layout::Frame frame_of(const json& j) {
    Layout::Frame f{};
    f.min_span_km = j.at("min_span_km").get<double>();
    f.place_focus_km = j.at("place_focus_km").get<double>();
    f.prominent_share = j.at("prominent_share").get<double>();
    f.namesake_share = j.at("namesake_share").get<double>();
    f.padding_share = j.at("padding_share").get<double>();
    f.type_weights = j.at("type_weights").get<std::map<std::string, double>>();
    f.high_detail_below_km = j.at("high_detail_below_km").get<double>();
    f.intermediate_detail_below_km = j.at("intermediate_detail_below_km").get<double>();
    return f;
}

Layout::Labels labels_of(const json& j) {
    Layout::Labels l{};
    l.retry_gaps_px = j.at("retry_gaps_px").get<std::vector<double>>();
    l.place_gap_px = j.at("place_gap_px").get<double>();
    l.icon_gap_px = j.at("icon_gap_px").get<double>();
    l.river_label_tries = j.at("river_label_tries").get<size_t>();
    l.river_label_gap_px = j.at("river_label_gap_px").get<double>();
    l.line_margin_px = j.at("line_margin_px").get<double>();
    l.water_min_importance = j.at("water_min_importance").get<double>();
    l.water_margin_px = j.at("water_margin_px").get<double>();
    l.country_min_share = j.at("country_min_share").get<double>();
    l.town_name_max_chars = j.at("town_name_max_chars").get<size_t>();
    l.square_px_per_context_town = j.at("square_px_per_context_town").get<int>();
    l.min_context_towns = j.at("min_context_towns").get<int>();
    l.max_context_towns = j.at("max_context_towns").get<int>();
    l.importance_tiers = j.at("importance_tiers").get<std::vector<double>>();
    l.candidates_per_label = j.at("candidates_per_label").get<size_t>();
    return l;
}

Layout::Furniture furniture_of(const json& j) {
    Layout::Furniture f{};
    for (auto [key, field] : {std::pair{"footer_padding_px", &f.footer_padding_px}, {"band_side_px", &f.band_side_px},
                              {"band_gap_px", &f.band_gap_px}, {"corner_inset_px", &f.corner_inset_px},
                              {"above_scale_bar_px", &f.above_scale_bar_px}, {"legend_top_gap_px", &f.legend_top_gap_px},
                              {"corner_clearance_px", &f.corner_clearance_px}, {"inset_clearance_px", &f.inset_clearance_px}})
        *field = j.at(key).get<double>();
    const json& bar = j.at("scale_bar_obstacle");
    f.scale_bar_obstacle = {bar.at("left_px").get<double>(), bar.at("above_px").get<double>(), bar.at("extra_width_px").get<double>(),
                            bar.at("height_px").get<double>()};
    return f;
}

const std::string kWhat = "scene layout (scene/layout.json)";

Layout layout_of(const json& j) {
    Layout l;
    l.frame = frame_of(j.at("frame"));
    const json& bar = j.at("scale_bar");
    l.scale_bar = {bar.at("inset_px").get<double>(), bar.at("max_share").get<double>()};
    const json& in = j.at("inset");
    l.inset = {in.at("width_share").get<double>(), in.at("aspect").get<double>(), in.at("margin_px").get<double>(),
               in.at("min_span_km").get<double>(), in.at("span_factor").get<double>()};
    l.labels = labels_of(j.at("labels"));
    l.furniture = furniture_of(j.at("furniture"));
    if (l.labels.retry_gaps_px.empty()) throw DataError(kWhat, "labels.retry_gaps_px is empty");
    return l;
}

}  // namespace

const Layout& layout() { return rules::once<kLayoutJson>(kWhat, "a rule is missing or is not a number", layout_of); }

}  // namespace frontmap::scene
