#pragma once
// An owning pointer to a C library's object, freed by that library's own function:
// `Handle<sqlite3, sqlite3_close_v2>`.
#include <memory>

namespace frontmap {

template <auto Free>
struct FreeWith {
    template <class T>
    void operator()(T* p) const noexcept {
        Free(p);
    }
};

template <class T, auto Free>
using Handle = std::unique_ptr<T, FreeWith<Free>>;

}  // namespace frontmap
