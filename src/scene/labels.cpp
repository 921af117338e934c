#include "scene/labels.hpp"

namespace frontmap::scene {

bool LabelPlacer::is_free(const Box& box) const {
    if (!bounds_.contains(box)) return false;
    for (const Box& t : taken_)
        if (t.intersects(box)) return false;
    return true;
}

std::optional<Box> LabelPlacer::place_at(const Box& box) {
    if (!is_free(box)) return std::nullopt;
    taken_.push_back(box);
    return box;
}

std::optional<Box> LabelPlacer::place_around(const Point& a, double w, double h, double gap) {
    const double diag = gap * 0.7;
    const Box candidates[] = {
        {a.x + gap, a.y - h / 2, w, h},          // right
        {a.x + diag, a.y - h - diag + 2, w, h},  // upper right
        {a.x + diag, a.y + diag - 2, w, h},      // lower right
        {a.x - gap - w, a.y - h / 2, w, h},      // left
        {a.x - diag - w, a.y - h - diag + 2, w, h},
        {a.x - diag - w, a.y + diag - 2, w, h},
        {a.x - w / 2, a.y - gap - h, w, h},      // above
        {a.x - w / 2, a.y + gap, w, h},          // below
    };
    for (const Box& b : candidates)
        if (auto placed = place_at(b)) return placed;
    return std::nullopt;
}

}  // namespace frontmap::scene
