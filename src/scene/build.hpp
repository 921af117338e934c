#pragma once
#include "common/bbox.hpp"
#include "io/basemap.hpp"
#include "scene/scene.hpp"
#include "style/style.hpp"

#include <optional>
#include <string>
#include <vector>

namespace frontmap::scene {

// A place the article names, as the scene needs it (the CLI makes these from parse results, so
// this stage does not depend on the parser).
struct Subject {
    std::string name;
    std::string place_id;
    std::string type;  // parse schema type
    double lon = 0.0, lat = 0.0;
    int mentions = 1;
    double salience = 1.0;  // how much the story is about this place (datelines count little)
    bool capital = false;
    std::optional<BBox> bbox;                      // areas: lon/lat
    std::vector<std::array<double, 2>> course;     // rivers
};

// A point the text names, for an event's `toward` or `from`.
struct NamedPoint {
    std::string name;
    double lon = 0.0, lat = 0.0;
};

// An event the article reports, as the scene needs it (made by the CLI from the event stage).
struct EventSubject {
    std::string type;  // parse schema event type
    std::string side, actor;
    EventStatus status = EventStatus::Reported;
    std::string claimed_by, denied_by, claimed_side, denied_side;
    std::optional<long long> killed, wounded, places;
    bool approximate = false;
    std::string place;       // as the article spells it
    std::string area_name;   // the gazetteer's name of an area `where` ("Kherson Oblast")
    std::string place_type;  // parse schema type of where
    std::string country;
    double lon = 0.0, lat = 0.0;
    std::optional<BBox> area_bbox;  // lon/lat, when `where` is an area
    std::optional<NamedPoint> toward, from;
    std::string along;  // the named feature followed ("Dnieper"), with its course
    std::vector<std::array<double, 2>> along_course;
    std::optional<NamedPoint> side_home;  // the representative point of the actor's country
    int geo_precision = 1;
    std::string evidence;
};

// Everything of an article that a map can show.
struct Story {
    std::vector<Subject> places;
    std::vector<EventSubject> events;
};

// Measures text as the renderer will draw it: width and height in pixels.
class TextMeasure {
public:
    virtual ~TextMeasure() = default;
    [[nodiscard]] virtual std::pair<double, double> measure(const std::string& text, const style::Font& font) const = 0;

protected:
    // Copied and moved only as part of a whole measurer, never sliced to this interface.
    TextMeasure() = default;
    TextMeasure(const TextMeasure&) = default;
    TextMeasure& operator=(const TextMeasure&) = default;
    TextMeasure(TextMeasure&&) = default;
    TextMeasure& operator=(TextMeasure&&) = default;
};

struct Options {
    int width = 1200;
    int height = 800;
    std::string title;  // empty: the main place's name
    std::string style_name = "default";
    double dpi = 96;
    bool millimetres = false;
    std::string as_of;   // the article's date, "YYYY-MM-DD"; empty when unknown
    std::string source;  // the article's source, named in the credits
};

// The map of an article: fits the extent to the places that matter, picks a projection, places
// every label, and adds scale bar, legend, inset and credits.
Scene build(const Story& story, const io::Basemap& basemap, const style::Style& style, const TextMeasure& measure,
            const Options& options);
// A story of places alone.
Scene build(const std::vector<Subject>& subjects, const io::Basemap& basemap, const style::Style& style,
            const TextMeasure& measure, const Options& options);

// A basemap-only scene of a given extent (`frontmap render --bbox`). Empty `crs`: conformal.
Scene build_extent(const BBox& bbox, const std::string& crs, const io::Basemap& basemap,
                   const style::Style& style, const TextMeasure& measure, const Options& options);

// The credit line every map carries.
extern const char* const kSourceLine;

}  // namespace frontmap::scene
