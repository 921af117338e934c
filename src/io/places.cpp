#include "io/places.hpp"

#include "common/error.hpp"

#include <dlfcn.h>

#include <filesystem>
#include <mutex>

namespace frontmap::io {

namespace {

using ReadPlaces = int (*)(const char*, std::vector<UserPlace>*, std::string*, std::string*);

constexpr const char* kModule = "frontmap-gdal.so";

// The module beside this build's binaries when this code runs from the build folder, else the
// installed one: a build never loads an older installed module, nor an install the build's.
std::filesystem::path module_path() {
    Dl_info info{};
    const bool in_build = dladdr(reinterpret_cast<void*>(&module_path), &info) != 0 && info.dli_fname &&
                          std::string_view(info.dli_fname).starts_with(FRONTMAP_BUILD_MODULE_DIR "/");
    return std::filesystem::path(in_build ? FRONTMAP_BUILD_MODULE_DIR : FRONTMAP_INSTALL_MODULE_DIR) / kModule;
}

// Loaded once, on the first --places, and kept: GDAL is not made to be unloaded.
ReadPlaces reader() {
    static std::once_flag once;
    static ReadPlaces read = nullptr;
    std::call_once(once, [] {
        if (void* module = dlopen(module_path().c_str(), RTLD_NOW | RTLD_LOCAL))
            read = reinterpret_cast<ReadPlaces>(dlsym(module, "frontmap_read_places_v1"));
    });
    return read;
}

}  // namespace

std::vector<UserPlace> read_user_places(const std::string& path) {
    const ReadPlaces read = reader();
    if (!read)
        throw DataError("cannot read places " + path, "frontmap's GDAL reader " + module_path().string() + " is missing or broken (build or install again)");
    std::vector<UserPlace> out;
    std::string subject, reason;
    switch (read(path.c_str(), &out, &subject, &reason)) {
        case 0: return out;
        case 1: throw InputError(subject, reason);
        default: throw DataError(subject, reason);
    }
}

}  // namespace frontmap::io
