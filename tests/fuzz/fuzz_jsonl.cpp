// A day of wire copy as JSONL comes from other systems: any bytes give articles, each usable or
// carrying its own error, and never an exception or a crash.
#include "io/articles.hpp"

#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    std::vector<frontmap::io::Article> articles;
    frontmap::io::read_jsonl(in, "fuzz.jsonl", 1 << 16, articles);
    for (const auto& a : articles)
        if (a.error.empty() && a.text.size() > (1 << 16)) std::abort();  // the size bound held
    return 0;
}
