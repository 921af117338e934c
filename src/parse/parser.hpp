#pragma once
#include "gazetteer/gazetteer.hpp"
#include "parse/mention.hpp"
#include "parse/tokens.hpp"

#include <string_view>
#include <vector>

namespace frontmap::parse {

// The article's tokens with their name keys (text::name_key), as recognition made them.
struct Words {
    std::vector<Token> tokens;
    std::vector<std::string> keys;
};

// Finds the place names an article mentions and resolves each against the gazetteer.
// Not thread-safe: one parser (and gazetteer) per thread.
class Parser {
public:
    explicit Parser(gazetteer::Gazetteer& gazetteer) : gazetteer_(gazetteer) {}

    // Every occurrence, in text order, each with its role and resolved place.
    std::vector<Mention> parse(std::string_view article);
    // The same, also giving the article's tokens, so the event stage need not make them again.
    std::vector<Mention> parse(std::string_view article, Words& words);

private:
    gazetteer::Gazetteer& gazetteer_;
};


// The steps, exposed for tests.
std::vector<Mention> recognize(std::string_view article, gazetteer::Gazetteer& gazetteer);
std::vector<Mention> recognize(std::string_view article, gazetteer::Gazetteer& gazetteer, Words& words);
void resolve(std::vector<Mention>& mentions, gazetteer::Gazetteer& gazetteer);

}  // namespace frontmap::parse
