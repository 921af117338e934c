#include "io/places.hpp"

#include "common/error.hpp"

#include <dlfcn.h>

#include <filesystem>
#include <mutex>

namespace frontmap::io {

namespace {

using ReadPlaces = int (*)(const char*, std::vector<UserPlace>*, std::string*, std::string*);

constexpr const char* kModule = "frontmap-gdal.so";

// Where the module is, from the file this code runs in: an installed library's folder holds it
// in frontmap/, an installed command finds that folder from its own, and a build keeps it at the
// top of the build folder. A build never loads an installed module, nor an install the build's.
std::filesystem::path module_path() {
    Dl_info info{};
    if (dladdr(reinterpret_cast<void*>(&module_path), &info) == 0 || !info.dli_fname) return kModule;
    const std::filesystem::path self = std::filesystem::weakly_canonical(info.dli_fname);
    if (self.string().starts_with(FRONTMAP_BUILD_MODULE_DIR "/")) return std::filesystem::path(FRONTMAP_BUILD_MODULE_DIR) / kModule;
    for (const auto& dir : {self.parent_path() / "frontmap", self.parent_path() / FRONTMAP_BIN_TO_MODULE_DIR})
        if (std::filesystem::exists(dir / kModule)) return (dir / kModule).lexically_normal();
    return self.parent_path() / "frontmap" / kModule;
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
    std::string subject;
    std::string reason;
    switch (read(path.c_str(), &out, &subject, &reason)) {
        case 0: return out;
        case 1: throw InputError(subject, reason);
        default: throw DataError(subject, reason);
    }
}

}  // namespace frontmap::io
