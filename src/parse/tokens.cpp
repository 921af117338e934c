#include "parse/tokens.hpp"

#include "common/text.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

// Words are maximal runs of letters, digits and marks (ICU's character properties), cut where our
// rules want them cut. ICU's word BreakIterator was tried in their place (issue 12): its words are
// not ours ("Kyiv's", "1,100" and "U.S." whole; Burmese and CJK split by dictionary), so every
// one of its breaks had to be overridden to keep the geoparser's and event coder's input, and it
// then decided no token while parse took 6.4% more instructions (callgrind, the longest corpus
// article). Sentences do come from ICU (events/sentences.cpp), where its rules are the ones we want.

namespace frontmap::parse {

namespace {

struct Reader {
    std::string_view s;
    [[nodiscard]] int32_t length() const { return static_cast<int32_t>(s.size()); }
    UChar32 at(int32_t i, int32_t* next = nullptr) const {
        // Most of an English article is ASCII: one byte, one character, no decoding.
        if (const auto b = static_cast<unsigned char>(s[static_cast<size_t>(i)]); b < 0x80) {
            if (next) *next = i + 1;
            return b;
        }
        UChar32 c = 0;
        int32_t j = i;
        U8_NEXT(s, j, length(), c);
        if (next) *next = j;
        return c;
    }
};

bool is_ascii_alnum(UChar32 c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// ASCII answered without ICU's property tables: most of an English article.
bool is_word_char(UChar32 c) {
    if (c >= 0 && c < 0x80) return is_ascii_alnum(c);
    return c >= 0 && (u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK || u_charType(c) == U_COMBINING_SPACING_MARK);
}
bool is_apostrophe(UChar32 c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }
bool is_hyphen(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x2011; }

bool is_upper_ascii(UChar32 c) { return c >= 'A' && c <= 'Z'; }
bool is_lower_ascii(UChar32 c) { return c >= 'a' && c <= 'z'; }

// The end of one part of an initialism that starts at i ("U", "Va"): a capital and at most one
// small letter, then a full stop; or -1.
int32_t initialism_part_end(const Reader& r, int32_t i) {
    if (i >= r.length() || !is_upper_ascii(r.at(i))) return -1;
    int32_t j = i + 1;
    if (j < r.length() && is_lower_ascii(r.at(j))) ++j;
    return j < r.length() && r.at(j) == '.' ? j : -1;
}

// "U.S.", "D.C.", "W.Va.": letters joined by full stops are one word, not sentences. The token
// ends before the last stop, which may also end a sentence ("... in the U.S. Then").
int32_t initialism_end(const Reader& r, int32_t start, int32_t end) {
    if (initialism_part_end(r, start) != end) return end;
    int32_t last = end;
    while (true) {
        const int32_t part = initialism_part_end(r, last + 1);
        if (part < 0) break;
        last = part;
    }
    return last;
}

bool ends_clause(UChar32 c) {
    return c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == ';' || c == '"' || c == 0x201C || c == 0x2014 || c == 0x2013;
}

// What a character between words tells the words around it: a clause starts after it, the word
// before it ends a sentence or is followed by a comma.
void read_between_words(const Reader& r, int32_t i, UChar32 c, std::vector<Token>& tokens, bool& sentence_start) {
    if (ends_clause(c)) {
        // A dash or quotation also starts a fresh clause whose first word may be capitalised.
        sentence_start = true;
        if (!tokens.empty() && (c == '.' || c == '!' || c == '?')) tokens.back().stop_after = true;
    }
    if ((c == '\'' || c == 0x2018) && (tokens.empty() || i == 0 || !is_word_char(r.at(i - 1)))) sentence_start = true;
    if (c == ',' && !tokens.empty() && tokens.back().end == static_cast<size_t>(i)) tokens.back().comma_after = true;
}

// Where the word starting at i ends: word characters, apostrophes inside a word, an initialism's
// stops.
int32_t word_end(const Reader& r, int32_t i) {
    int32_t j = i;
    while (j < r.length()) {
        int32_t after = 0;
        const UChar32 d = r.at(j, &after);
        if (is_word_char(d)) {
            j = after;
            continue;
        }
        // An apostrophe inside a word ("Donets'k", "O'Brien") but not a possessive "'s".
        if (!is_apostrophe(d) || after >= r.length() || !is_word_char(r.at(after))) break;
        int32_t after2 = 0;
        const UChar32 e = r.at(after, &after2);
        const bool possessive_s = (e == 's' || e == 'S') && (after2 >= r.length() || !is_word_char(r.at(after2)));
        if (possessive_s) break;
        j = after;
    }
    return initialism_end(r, i, j);
}

// Possessive: 's or ’s, or a bare apostrophe after a final s ("Donbas' towns"). Marks the token
// and returns where reading goes on.
int32_t read_possessive(const Reader& r, int32_t j, Token& t) {
    if (j >= r.length() || !is_apostrophe(r.at(j))) return j;
    int32_t after = 0;
    r.at(j, &after);
    if (after < r.length() && (r.at(after) == 's' || r.at(after) == 'S')) {
        t.possessive = true;
        r.at(after, &j);
    } else if (!t.text.empty() && (t.text.back() == 's')) {
        t.possessive = true;
        j = after;
    }
    return j;
}

bool hyphen_joins_next_word(const Reader& r, int32_t j) {
    if (j >= r.length() || !is_hyphen(r.at(j))) return false;
    int32_t after = 0;
    r.at(j, &after);
    return after < r.length() && is_word_char(r.at(after));
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
    const Reader r{text};
    std::vector<Token> tokens;
    tokens.reserve(text.size() / 5);  // English prose averages about six bytes a word with its space
    bool sentence_start = true;
    int32_t i = 0;
    while (i < r.length()) {
        int32_t next = 0;
        const UChar32 c = r.at(i, &next);
        if (!is_word_char(c)) {
            read_between_words(r, i, c, tokens, sentence_start);
            i = next;
            continue;
        }
        Token t;
        t.start = static_cast<size_t>(i);
        int32_t j = word_end(r, i);
        t.end = static_cast<size_t>(j);
        t.text = std::string(text.substr(t.start, t.end - t.start));
        t.capitalised = text::starts_upper(t.text);
        t.all_caps = text::all_upper(t.text);
        t.sentence_start = sentence_start;
        t.hyphen_before = !tokens.empty() && tokens.back().hyphen_after && tokens.back().end + 1 == t.start;
        sentence_start = false;
        j = read_possessive(r, j, t);
        t.hyphen_after = hyphen_joins_next_word(r, j);
        tokens.push_back(std::move(t));
        i = j;
    }
    return tokens;
}

}  // namespace frontmap::parse
