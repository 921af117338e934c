#pragma once
// Greedy label placement: each label takes the first free position of the cartographer's usual
// order around its point (right, upper right, lower right, left, ...), or is left out.
#include "scene/projection.hpp"

#include <optional>
#include <vector>

namespace frontmap::scene {

class LabelPlacer {
public:
    explicit LabelPlacer(const Box& bounds) : bounds_(bounds) {}

    // A box no label may overlap: a marker, the legend, the scale bar, the inset.
    void add_obstacle(const Box& box) { taken_.push_back(box); }
    // Tries the positions around `anchor` at `gap` pixels; takes and returns the first free one.
    std::optional<Box> place_around(const Point& anchor, double width, double height, double gap);
    // Takes `box` when it is free.
    std::optional<Box> place_at(const Box& box);

    [[nodiscard]] bool is_free(const Box& box) const;

private:
    Box bounds_;
    std::vector<Box> taken_;
};

}  // namespace frontmap::scene
