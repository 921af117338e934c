// Article text is untrusted: tokenising and keying any bytes must neither crash nor read out of
// bounds, and every token's span must lie inside the input.
#include "common/text.hpp"
#include "parse/tokens.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (!frontmap::text::valid_utf8(text)) return 0;  // the CLI rejects invalid UTF-8 before parsing
    for (const auto& t : frontmap::parse::tokenize(text)) {
        if (t.start > t.end || t.end > size) std::abort();
        (void)frontmap::text::name_key(t.text);
    }
    return 0;
}
