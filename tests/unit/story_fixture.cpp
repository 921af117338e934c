#include "story_fixture.hpp"

namespace frontmap::test {

std::vector<scene::Subject> kherson_story() {
    using scene::Subject;
    return {
        {.name = "Kherson", .place_id = "706448", .type = "city", .lon = 32.6178, .lat = 46.65581, .mentions = 5, .salience = 5},
        {.name = "Nova Kakhovka", .place_id = "698131", .type = "city", .lon = 33.3469, .lat = 46.7545, .mentions = 2, .salience = 2},
        {.name = "Mykolaiv", .place_id = "700569", .type = "city", .lon = 31.9946, .lat = 46.9659, .mentions = 1},
        {.name = "Snihurivka", .place_id = "692087", .type = "city", .lon = 32.8062, .lat = 47.0754, .mentions = 1},
        {.name = "Kherson Oblast", .place_id = "706442", .type = "region", .lon = 33.35, .lat = 46.75, .mentions = 1,
         .bbox = frontmap::BBox{32.0, 45.9, 35.1, 47.6}},
        {.name = "Dnieper", .place_id = "fm-river-dnieper", .type = "river", .lon = 32.62, .lat = 46.64, .mentions = 2, .salience = 2,
         .course = {{35.04, 48.46}, {34.4, 47.5}, {33.4, 46.8}, {32.62, 46.64}, {31.9, 46.5}}},
        {.name = "Kyiv", .place_id = "703448", .type = "city", .lon = 30.5238, .lat = 50.45466, .mentions = 1, .capital = true},
        {.name = "Ukraine", .place_id = "690791", .type = "country", .lon = 32.0, .lat = 49.0, .mentions = 2, .salience = 2,
         .bbox = frontmap::BBox{22.1, 44.4, 40.2, 52.4}},
    };
}

// The Kherson story's events as the event stage reports them: an advance along the Dnieper, 88
// places retaken in the region (claimed), a bridge attack with a claim and a denial, a fortress.
std::vector<scene::EventSubject> kherson_events() {
    const auto dnieper = kherson_story()[5].course;
    return {
        {.type = "fortification", .side = "RU", .status = frontmap::scene::EventStatus::Claimed, .claimed_by = "pro-Kremlin officials", .place = "Kherson",
         .place_type = "city", .country = "UA", .lon = 32.6178, .lat = 46.65581},
        {.type = "advance", .side = "UA", .status = frontmap::scene::EventStatus::Reported, .place = "Kherson", .place_type = "city", .country = "UA",
         .lon = 32.6178, .lat = 46.65581, .toward = scene::NamedPoint{"Kherson", 32.6178, 46.65581}, .along = "Dnieper",
         .along_course = dnieper, .side_home = scene::NamedPoint{"Ukraine", 31.26, 49.16}},
        {.type = "recapture", .side = "UA", .status = frontmap::scene::EventStatus::Claimed, .claimed_by = "Kyiv", .claimed_side = "UA", .places = 88, .place = "Kherson",
         .place_type = "region", .country = "UA", .lon = 33.35, .lat = 46.75, .area_bbox = frontmap::BBox{32.0, 45.9, 35.1, 47.6}, .geo_precision = 3},
        {.type = "attack", .side = "UA", .status = frontmap::scene::EventStatus::Denied, .claimed_by = "Moscow-installed authorities in the region",
         .denied_by = "A Ukrainian military spokeswoman", .denied_side = "UA", .killed = 4, .wounded = 13, .place = "Kherson",
         .place_type = "city", .country = "UA", .lon = 32.6178, .lat = 46.65581, .geo_precision = 2},
    };
}

}  // namespace frontmap::test
