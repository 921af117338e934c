#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace frontmap::parse {

// A word of the article with its byte span. Punctuation is not a token, but what lies next to a
// word is recorded because it changes what the word is: "Kyiv's", "Moscow-installed", "pro-Kremlin".
struct Token {
    size_t start = 0;  // byte offset of the first byte
    size_t end = 0;    // byte offset one past the last byte (possessive suffix excluded)
    std::string text;
    bool capitalised = false;     // first letter upper case
    bool all_caps = false;        // "KYIV"
    bool sentence_start = false;  // first word of a sentence, a line or a quotation
    bool possessive = false;      // followed by 's / ’s (not part of the token)
    bool hyphen_after = false;    // "Moscow-installed": joined to the next word by a hyphen
    bool hyphen_before = false;
    bool comma_after = false;     // "KYIV, Ukraine": punctuation that ends a name
    bool stop_after = false;      // sentence-ending punctuation follows
};

std::vector<Token> tokenize(std::string_view text);

}  // namespace frontmap::parse
