#pragma once
// The event stage: reads each sentence of an article with the parser's resolved mentions and
// emits the events it reports (see README, "Parse schema", events).
#include "events/event.hpp"
#include "events/lexicon.hpp"
#include "parse/mention.hpp"
#include "parse/tokens.hpp"

#include <chrono>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace frontmap::events {

using Date = std::chrono::year_month_day;

// The region a place lies in, for "the region" said after a city; nullopt when unknown.
using RegionOf = std::function<std::optional<gazetteer::Place>(const gazetteer::Place&)>;

struct Context {
    // Resolves "on Friday" and "in May" and tells news from background; without it only dates
    // with a year are given.
    std::optional<Date> article_date;
    RegionOf region_of;  // may be empty
};

// Events of an article, in text order.
std::vector<Event> extract(std::string_view text, const std::vector<parse::Mention>& parsed, const Context& context,
                           const Lexicon& lex = lexicon());
// The same with the article's tokens as the parser made them (parse::Parser::parse with Words),
// which saves tokenizing it again.
std::vector<Event> extract(std::string_view text, const std::vector<parse::Token>& tokens, const std::vector<parse::Mention>& parsed,
                           const Context& context, const Lexicon& lex = lexicon());

// The events of an article with the deeds it tells at places that could not be located.
struct Extraction {
    std::vector<Event> events;
    std::vector<UnplacedEvent> unplaced;
};
Extraction extract_all(std::string_view text, const std::vector<parse::Token>& tokens, const std::vector<parse::Mention>& parsed,
                       const Context& context, const Lexicon& lex = lexicon());

// Whether a side key names a state (an ISO 3166-1 code) rather than an armed group.
bool is_state_side(std::string_view side, const Lexicon& lex = lexicon());

// The place an event is drawn at: its area, else the place of its `where` mention.
const gazetteer::Place& event_place(const Event& event, const std::vector<parse::Mention>& mentions);

// The date a wire story gives in its first lines ("KYIV, Oct. 21, 2022 -", "2022-10-21"), if any.
std::optional<Date> find_article_date(std::string_view text);

// "2022-10-21" -> the date; nullopt for anything else, including impossible dates.
std::optional<Date> parse_iso_date(std::string_view text);

}  // namespace frontmap::events
