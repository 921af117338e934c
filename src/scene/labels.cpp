#include "scene/labels.hpp"

#include <algorithm>
#include <array>

namespace frontmap::scene {

bool LabelPlacer::is_free(const Box& box) const {
    if (!bounds_.contains(box)) return false;
    return std::ranges::none_of(taken_, [&](const Box& t) { return t.intersects(box); });
}

std::optional<Box> LabelPlacer::place_at(const Box& box) {
    if (!is_free(box)) return std::nullopt;
    taken_.push_back(box);
    return box;
}

std::optional<Box> LabelPlacer::place_around(const Point& a, double w, double h, double gap) {
    const double diag = gap * 0.7;
    const std::array<Box, 8> candidates{{
        {a.x + gap, a.y - h / 2, w, h},          // right
        {a.x + diag, a.y - h - diag + 2, w, h},  // upper right
        {a.x + diag, a.y + diag - 2, w, h},      // lower right
        {a.x - gap - w, a.y - h / 2, w, h},      // left
        {a.x - diag - w, a.y - h - diag + 2, w, h},
        {a.x - diag - w, a.y + diag - 2, w, h},
        {a.x - w / 2, a.y - gap - h, w, h},      // above
        {a.x - w / 2, a.y + gap, w, h},          // below
    }};
    for (const Box& b : candidates)
        if (auto placed = place_at(b)) return placed;
    return std::nullopt;
}

}  // namespace frontmap::scene
