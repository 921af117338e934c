#include "common/page_buffer.hpp"

#include <sys/mman.h>

#include <new>

namespace frontmap {

namespace {
constexpr size_t kHugePage = size_t{2} << 20;
}

PageBuffer::~PageBuffer() { release(); }

uint8_t* PageBuffer::reserve(size_t bytes) {
    if (bytes <= capacity_ && data_) return data_;
    release();
    const size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
    // A huge page must start on a 2 MB boundary: map one more, then give back the ends.
    void* p = mmap(nullptr, rounded + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    const auto start = reinterpret_cast<uintptr_t>(p);
    const uintptr_t aligned = (start + kHugePage - 1) / kHugePage * kHugePage;
    if (aligned > start) munmap(p, aligned - start);
    if (const size_t tail = start + rounded + kHugePage - (aligned + rounded); tail > 0)
        munmap(reinterpret_cast<void*>(aligned + rounded), tail);
    // Advice only: a kernel without huge pages gives ordinary ones.
    madvise(reinterpret_cast<void*>(aligned), rounded, MADV_HUGEPAGE);
    data_ = reinterpret_cast<uint8_t*>(aligned);
    capacity_ = rounded;
    return data_;
}

void PageBuffer::release_if_large() {
    if (capacity_ > kKeepAtMost) release();
}

void PageBuffer::release() {
    if (data_) munmap(data_, capacity_);
    data_ = nullptr;
    capacity_ = 0;
}

}  // namespace frontmap
