#include "events/detail.hpp"

#include "parse/tokens.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <utility>

namespace frontmap::events::detail {

namespace {

// Sentence boundaries by ICU's rules, as UTF-8 byte offsets. Falls back to one sentence when ICU
// cannot open its break iterator (it then has no data): events are still found, less precisely.
std::vector<size_t> sentence_breaks(std::string_view text) {
    std::vector<size_t> breaks{0};
    // Creating a break iterator loads ICU's rules (about a millisecond): one per thread, reused. Its
    // own status, so that one text ICU could not open does not leave the thread without one.
    thread_local UErrorCode created = U_ZERO_ERROR;
    thread_local std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), created));
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UText, decltype(&utext_close)> ut(utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status), &utext_close);
    if ((U_SUCCESS(status) != 0) && it) {
        it->setText(ut.get(), status);
        if (U_SUCCESS(status) != 0)
            for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) breaks.push_back(static_cast<size_t>(b));
    }
    if (breaks.back() != text.size()) breaks.push_back(text.size());
    return breaks;
}

std::string lower_ascii(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    // A curly apostrophe (U+2019) is written straight so "didn’t" matches "didn't".
    constexpr std::string_view kCurly = "\xE2\x80\x99";
    for (size_t from = 0; from < s.size();) {
        const size_t curly = std::min(s.find(kCurly, from), s.size());
        out.append(s.substr(from, curly - from));
        if (curly == s.size()) break;
        out += '\'';
        from = curly + kCurly.size();
    }
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

Word to_word(const parse::Token& t) {
    std::string lower = lower_ascii(t.text);
    const size_t hash = std::hash<std::string_view>{}(lower);
    return {.start = t.start,
            .end = t.end,
            .lower = std::move(lower),
            .hash = hash,
            .comma_after = t.comma_after,
            .stop_after = t.stop_after,
            .clause_start = t.sentence_start,
            .possessive = t.possessive,
            .capitalised = t.capitalised,
            .hyphen_before = t.hyphen_before};
}

// Ties each word to the mention that covers it (mentions are in text order).
void tie_mentions(std::vector<Word>& words, const std::vector<parse::Mention>& mentions) {
    size_t m = 0;
    for (auto& w : words) {
        while (m < mentions.size() && mentions[m].end <= w.start) ++m;
        if (m == mentions.size() || mentions[m].start > w.start) continue;
        w.inside = static_cast<int>(m);
        w.in_name = mentions[m].role == parse::Role::NotPlace;
        if (mentions[m].start == w.start) {
            w.mention = static_cast<int>(m);
            w.located = is_event_place(mentions[m]);
        }
    }
}

bool is_digits(std::string_view w) { return !w.empty() && std::all_of(w.begin(), w.end(), [](unsigned char c) { return std::isdigit(c); }); }

// "1,100 people", "1.1 million": the comma or point inside a number ends no clause or sentence.
void join_number_groups(std::string_view text, std::vector<Word>& words) {
    for (size_t i = 0; i + 1 < words.size(); ++i) {
        const Word& a = words[i];
        const Word& b = words[i + 1];
        if (b.start != a.end + 1 || (text[a.end] != ',' && text[a.end] != '.') || !is_digits(a.lower) || !is_digits(b.lower)) continue;
        words[i].comma_after = words[i].stop_after = false;
        words[i + 1].clause_start = false;
    }
}

bool is_single_letter(const Word& w) { return w.end == w.start + 1 && (std::isalpha(static_cast<unsigned char>(w.lower[0])) != 0); }
// "U.S", "W.Va": the tokenizer keeps an initialism whole, up to its last stop.
bool is_initialism(const Word& w) { return w.lower.size() > 2 && w.lower.find('.') != std::string::npos; }

bool full_stop_after(std::string_view text, const Word& w) { return w.end < text.size() && text[w.end] == '.'; }

// "U.S. drones", "the U.N. agency": the full stops of an initialism end no clause or sentence,
// unless a capitalised word follows its last one ("… by the U.S. The ministry said").
void join_initialisms(std::string_view text, std::vector<Word>& words) {
    for (size_t i = 0; i + 1 < words.size(); ++i) {
        if (is_initialism(words[i]) && full_stop_after(text, words[i]) && !words[i + 1].capitalised) {
            words[i].stop_after = false;
            words[i + 1].clause_start = false;
            continue;
        }
        const Word& a = words[i];
        const Word& b = words[i + 1];
        if (!is_single_letter(a) || !full_stop_after(text, a) || b.start != a.end + 1 || !is_single_letter(b)) continue;
        words[i].stop_after = false;
        words[i + 1].clause_start = false;
        const size_t last = i + 1;
        if (last + 1 < words.size() && full_stop_after(text, words[last]) && !words[last + 1].capitalised) {
            words[last].stop_after = false;
            words[last + 1].clause_start = false;
        }
    }
}

// 'had "liberated" the town': a quotation of a word or two inside a sentence opens no clause; only
// a capital after the quote mark ('"We will hold," he said') does.
void join_scare_quotes(std::string_view text, std::vector<Word>& words) {
    for (size_t i = 1; i < words.size(); ++i) {
        if (!words[i].clause_start || words[i].capitalised) continue;
        const std::string_view gap = text.substr(words[i - 1].end, words[i].start - words[i - 1].end);
        const bool quote = gap.find('"') != std::string_view::npos || gap.find("\u201C") != std::string_view::npos || gap.find("\u201D") != std::string_view::npos;
        if (quote && gap.find_first_of(".!?:;") == std::string_view::npos && gap.find("\u2014") == std::string_view::npos) words[i].clause_start = false;
    }
}

}  // namespace

bool is_event_place(const parse::Mention& m) {
    // Doubtful far-off namesakes (confidence 0.1) are not drawn, so nothing is placed at them.
    return m.role == parse::Role::Location && m.place && !m.dateline && m.confidence > 0.15;
}

void count_clauses(Sentence& s) {
    s.commas_before.assign(s.words.size() + 1, 0);
    s.clause_of.assign(s.words.size(), 0);
    for (size_t i = 0; i < s.words.size(); ++i) {
        s.commas_before[i + 1] = s.commas_before[i] + (s.words[i].comma_after ? 1 : 0);
        if (i > 0) s.clause_of[i] = s.clause_of[i - 1] + (s.words[i - 1].comma_after || s.words[i].clause_start ? 1 : 0);
    }
}

std::vector<Sentence> split_sentences(std::string_view text, const std::vector<parse::Token>& tokens, const std::vector<parse::Mention>& mentions,
                                      const Vocabulary& vocabulary, const Openers& lex_openers) {
    const auto breaks = sentence_breaks(text);
    std::vector<Word> words;
    words.reserve(tokens.size());
    for (const auto& t : tokens) {
        words.push_back(to_word(t));
        if (const auto it = vocabulary.find(words.back()); it != vocabulary.end()) words.back().id = it->second;
    }
    tie_mentions(words, mentions);
    for (auto& w : words) w.opens = lex_openers.of(w);
    join_number_groups(text, words);
    join_initialisms(text, words);
    join_scare_quotes(text, words);
    // A spaced hyphen ("KYIV, Oct. 21 - Troops…") ends a dateline or opens an aside, like a dash.
    for (size_t i = 1; i < words.size(); ++i)
        if (text.substr(words[i - 1].end, words[i].start - words[i - 1].end).find(" - ") != std::string_view::npos) words[i].clause_start = true;
    std::vector<Sentence> out;
    size_t w = 0;
    for (size_t b = 0; b + 1 < breaks.size(); ++b) {
        Sentence s{{breaks[b], breaks[b + 1]}, {}};
        const size_t first = w;
        while (w < words.size() && words[w].start < s.span.end) ++w;
        s.words.assign(std::make_move_iterator(words.begin() + static_cast<std::ptrdiff_t>(first)), std::make_move_iterator(words.begin() + static_cast<std::ptrdiff_t>(w)));
        while (s.span.end > s.span.start && (std::isspace(static_cast<unsigned char>(text[s.span.end - 1])) != 0)) --s.span.end;
        if (s.words.empty()) continue;
        s.words.front().clause_start = true;
        count_clauses(s);
        out.push_back(std::move(s));
    }
    return out;
}

std::string slice(std::string_view text, const std::vector<Word>& words, size_t first, size_t last) {
    return std::string(text.substr(words[first].start, words[last].end - words[first].start));
}

}  // namespace frontmap::events::detail
