// Style files are user-written: any bytes give a Style or an InputError, nothing else.
#include "common/error.hpp"
#include "style/style.hpp"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    try {
        (void)frontmap::style::parse(std::string(reinterpret_cast<const char*>(data), size), "fuzz.json");
    } catch (const frontmap::InputError&) {
    }
    return 0;
}
