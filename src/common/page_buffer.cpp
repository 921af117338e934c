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
    // The boundary is reached from the mapped pointer, not made from a number, so the compiler
    // still knows what the pointer points into.
    const size_t lead = (kHugePage - reinterpret_cast<uintptr_t>(p) % kHugePage) % kHugePage;
    uint8_t* const aligned = static_cast<uint8_t*>(p) + lead;
    if (lead > 0) munmap(p, lead);
    if (const size_t tail = kHugePage - lead; tail > 0) munmap(aligned + rounded, tail);
    // Advice only: a kernel without huge pages gives ordinary ones.
    madvise(aligned, rounded, MADV_HUGEPAGE);
    data_ = aligned;
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
