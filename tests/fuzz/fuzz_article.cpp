// Article text is untrusted: the whole article pipeline (mentions, resolution, events) over any
// valid UTF-8 must neither crash nor read out of bounds, and must give each mention and event a
// span inside the text. The gazetteer is the unit tests' fixture, written once.
#include "common/text.hpp"
#include "events/extract.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer_fixture.hpp"
#include "parse/parser.hpp"

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string_view>
#include <unistd.h>

namespace {

std::unique_ptr<frontmap::gazetteer::Gazetteer> gazetteer;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    const auto dir = std::filesystem::temp_directory_path() / ("frontmap-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    gazetteer = std::make_unique<frontmap::gazetteer::Gazetteer>(frontmap::test::write_fixture_gazetteer(dir / "gazetteer.sqlite"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (!frontmap::text::valid_utf8(text)) return 0;  // the CLI rejects invalid UTF-8 before parsing
    frontmap::parse::Parser parser(*gazetteer);
    frontmap::parse::Words words;
    const auto mentions = parser.parse(text, words);
    for (const auto& m : mentions)
        if (m.start > m.end || m.end > size) std::abort();
    frontmap::events::Context context;
    context.article_date = frontmap::events::find_article_date(text);
    (void)frontmap::events::extract_all(text, words.tokens, mentions, context);
    return 0;
}
