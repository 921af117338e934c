#pragma once
// Whole steps along a span, shared by the stages that lay things out at a fixed spacing: the
// scene reserving an arrow's body, the renderer drawing hatching.
#include <concepts>

namespace frontmap {

// Whether a step that lands exactly on the end of the span is taken.
enum class StepEnd { Inclusive, Exclusive };

// Calls at(x) for x = from, from + step, from + 2 step, … up to `to` (taken or not as `end`
// says), counting the steps so that rounding cannot add or drop one. A NaN `to` takes none.
template <std::invocable<double> At>
void each_step(double from, double to, double step, StepEnd end, At at) {
    const auto before_end = [&](double x) { return end == StepEnd::Inclusive ? x <= to : x < to; };
    for (int i = 0; before_end(from + i * step); ++i) at(from + i * step);
}

}  // namespace frontmap
