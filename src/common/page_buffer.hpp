#pragma once
// Memory for a canvas or an encoded image, kept from map to map by its owner.
#include <cstddef>
#include <cstdint>

namespace frontmap {

// A block mapped from the kernel and advised to use transparent huge pages, so a 1600x1200 canvas
// costs four page faults rather than nineteen hundred (faults were a tenth of a map's time). A
// new block reads as zeros; a reused one holds what was last written, so a user writes every
// byte it reads. Blocks larger than `keep_at_most` are unmapped by release_if_large().
class PageBuffer {
public:
    PageBuffer() = default;
    ~PageBuffer();
    PageBuffer(const PageBuffer&) = delete;
    PageBuffer& operator=(const PageBuffer&) = delete;
    PageBuffer(PageBuffer&&) = delete;
    PageBuffer& operator=(PageBuffer&&) = delete;

    // At least `bytes`; the old block's content is not kept when it grows. Throws std::bad_alloc.
    uint8_t* reserve(size_t bytes);
    [[nodiscard]] uint8_t* data() const { return data_; }
    [[nodiscard]] size_t capacity() const { return capacity_; }
    // A poster's buffer is not kept for the ordinary maps after it.
    void release_if_large();

    static constexpr size_t kKeepAtMost = size_t{64} << 20;

private:
    void release();
    uint8_t* data_ = nullptr;
    size_t capacity_ = 0;
};

}  // namespace frontmap
