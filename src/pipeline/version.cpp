#include "frontmap/frontmap.hpp"

namespace frontmap {

const char* version() noexcept { return FRONTMAP_VERSION; }

}  // namespace frontmap
