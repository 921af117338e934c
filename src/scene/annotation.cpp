#include "scene/annotation.hpp"

#include "common/error.hpp"
#include "common/rules.hpp"

#include <nlohmann/json.hpp>

#include <string_view>

namespace frontmap::scene {

extern const std::string_view kAnnotationJson;

namespace {

using nlohmann::json;

AltWording parse_alt(const json& j) {
    AltWording w;
    for (auto [field, key] : {std::pair{&w.prefix, "prefix"}, {&w.no_events, "no_events"}, {&w.and_word, "and"}, {&w.near, "near"},
                              {&w.along, "along"}, {&w.toward, "toward"}, {&w.at, "at"}, {&w.region, "region"}, {&w.places_in, "places_in"},
                              {&w.killed, "killed"}, {&w.wounded, "wounded"}, {&w.result, "result"}, {&w.claim, "claim"},
                              {&w.denial, "denial"}, {&w.denial_plural, "denial_plural"}})
        *field = j.at(key).get<std::string>();
    w.is = j.at("is").get<std::vector<std::string>>();
    if (w.is.size() != 2) throw std::logic_error("annotation.json: alt.is needs the singular and the plural");
    w.lower_case_openers = j.at("lower_case_openers").get<std::set<std::string>>();
    w.singular_in_s = j.at("singular_in_s").get<std::set<std::string>>();
    w.a_before = j.at("a_before").get<std::vector<std::string>>();
    w.region_words = j.at("region_words").get<std::vector<std::string>>();
    w.max_events = j.at("max_events").get<size_t>();
    w.max_places = j.at("max_places").get<size_t>();
    w.clauses = j.at("clauses").get<std::map<std::string, std::vector<std::string>>>();
    return w;
}

EventSymbol symbol_named(const std::string& type, const std::string& word) {
    const auto symbol = event_symbol_from_string(word);
    if (!symbol)
        throw DataError("scene annotation (scene/annotation.json)", "event type '" + type + "': unknown symbol '" + word + "' (arrow, area, marker or icon)");
    return *symbol;
}

// Which symbol each event type takes, and the words of titles and legends.
void read_symbols_and_titles(const json& j, Annotation& a) {
    a.main_event_tiers = j.at("main_event_tiers").get<std::vector<std::vector<std::string>>>();
    for (const auto& [type, word] : j.at("symbols").get<std::map<std::string, std::string>>()) a.symbols[type] = symbol_named(type, word);
    a.area_types = j.at("area_types").get<std::set<std::string>>();
    a.titles = j.at("titles").get<std::map<std::string, std::vector<std::string>>>();
    a.titles_of_report = j.at("titles_of_report").get<std::map<std::string, std::vector<std::string>>>();
    a.report_places = j.at("report_places").get<std::vector<std::string>>();
    a.counts = j.at("counts").get<std::vector<std::string>>();
    if (a.report_places.size() != 4) throw std::logic_error("annotation.json: report_places needs city, cities, place, places");
    a.legend = j.at("legend").get<std::map<std::string, std::vector<std::string>>>();
    a.area_legend = j.at("area_legend").get<std::vector<std::string>>();
    a.title_in = j.at("title_in").get<std::map<std::string, std::string>>();
}

// The words of callouts, subtitles and credits.
void read_wording(const json& j, Annotation& a) {
    a.claimed_legend = j.at("claimed_legend").get<std::string>();
    a.denied_legend = j.at("denied_legend").get<std::string>();
    a.places_verbs = j.at("places_verbs").get<std::map<std::string, std::string>>();
    a.places_nouns = j.at("places_nouns").get<std::vector<std::string>>();
    a.killed = j.at("killed").get<std::string>();
    a.wounded = j.at("wounded").get<std::string>();
    a.approximate = j.at("approximate").get<std::string>();
    a.denies = j.at("denies").get<std::string>();
    a.claimant_stops = j.at("claimant_stops").get<std::set<std::string>>();
    a.claimant_drops = j.at("claimant_drops").get<std::set<std::string>>();
    a.claimant_max_chars = j.at("claimant_max_chars").get<size_t>();
    a.as_of = j.at("as_of").get<std::string>();
    a.subtitle = j.at("subtitle").get<std::string>();
    a.source = j.at("source").get<std::string>();
    a.months = j.at("months").get<std::vector<std::string>>();
    for (const auto& [key, names] : j.at("sides").items()) a.sides[key] = {names.at(0).get<std::string>(), names.at(1).get<std::string>()};
}

// Arrow lengths, framing distances, the legend band, callouts and icons.
void read_placement(const json& j, Annotation& a) {
    const json& arrow = j.at("arrow");
    a.arrow_share_of_span = arrow.at("share_of_span").get<double>();
    a.arrow_min_km = arrow.at("min_km").get<double>();
    a.arrow_max_km = arrow.at("max_km").get<double>();
    a.arrow_step_km = arrow.at("step_km").get<double>();
    a.arrow_tip_gap_px = arrow.at("tip_gap_px").get<double>();
    a.focus_km = j.at("frame").at("focus_km").get<double>();
    a.neighbour_km = j.at("frame").at("neighbour_km").get<double>();
    a.one_report_km = j.at("frame").at("one_report_km").get<double>();
    a.legend_below_px = j.at("frame").at("legend_below_px").get<double>();
    a.legend_band_share = j.at("frame").at("legend_band_share").get<double>();
    a.small_legend_band_share = j.at("frame").at("small_legend_band_share").get<double>();
    a.min_map_share = j.at("frame").at("min_map_share").get<double>();
    a.min_map_share_under_band = j.at("frame").at("min_map_share_under_band").get<double>();
    a.max_callouts = j.at("callouts").at("max").get<size_t>();
    a.callout_gaps_px = j.at("callouts").at("gaps_px").get<std::vector<double>>();
    a.callout_split_over_px = j.at("callouts").at("split_over_px").get<double>();
    a.icon_spread = j.at("icons").at("spread").get<double>();
    for (const auto& [key, value] : j.at("callout").items())
        if (value.is_string()) a.callout[key] = value.get<std::string>();
    a.callout_breaks = j.at("callout").at("break_before").get<std::vector<std::string>>();
}

Annotation annotation_of(const json& j) {
    Annotation a;
    read_symbols_and_titles(j, a);
    read_wording(j, a);
    read_placement(j, a);
    a.alt = parse_alt(j.at("alt"));
    return a;
}

}  // namespace

const Annotation& annotation() {
    return rules::once<kAnnotationJson>("scene annotation (scene/annotation.json)", "a rule is missing or is not of the right kind", annotation_of);
}

std::string fill_in(std::string pattern, const std::map<std::string, std::string>& values) {
    for (const auto& [key, value] : values) {
        const std::string token = "{" + key + "}";
        for (size_t at = pattern.find(token); at != std::string::npos; at = pattern.find(token, at + value.size()))
            pattern.replace(at, token.size(), value);
    }
    return pattern;
}

}  // namespace frontmap::scene
