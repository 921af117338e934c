// Scene files are user-edited: reading any JSON must give a Scene or an InputError, nothing else.
#include "common/error.hpp"
#include "scene/geojson.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto doc = nlohmann::json::parse(data, data + size, nullptr, false);
    if (doc.is_discarded()) return 0;
    try {
        (void)frontmap::scene::from_geojson(doc);
    } catch (const frontmap::InputError&) {
    }
    return 0;
}
