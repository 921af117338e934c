#include "common/text.hpp"

#include <algorithm>
#include <cctype>

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace frontmap::text {
namespace {

const icu::Normalizer2& nfd() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
    return *n;  // the NFD instance is built into ICU's data; it cannot fail to load
}

// The code point at byte i, moving i past it; negative for a broken sequence. ICU's U8_NEXT is a
// macro of nested branches: wrapped once here, the loops that read UTF-8 stay readable.
UChar32 next_code_point(std::string_view utf8, int32_t& i) {
    UChar32 c = 0;
    U8_NEXT(utf8, i, static_cast<int32_t>(utf8.size()), c);
    return c;
}

bool is_letter_or_digit_ascii(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// ICU's u_isspace for ASCII: the space, tab to carriage return, and the four separators; and
// the hyphen, which also separates the words of a key.
bool separates_words_ascii(unsigned char c) { return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F) || c == '-'; }

bool is_apostrophe(UChar32 c) {
    return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x02B9 || c == 0x0060 || c == 0x00B4;
}

bool is_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// name_key for ASCII text, where decomposition and case folding are the identity and tolower: the
// same key without ICU's UTF-16 round trip, for the nine words in ten of an English article.
std::string ascii_name_key(std::string_view ascii) {
    // Most words hold letters and digits only: their key is the word in lower case.
    if (std::all_of(ascii.begin(), ascii.end(), is_letter_or_digit_ascii)) {
        std::string lower(ascii);
        std::transform(lower.begin(), lower.end(), lower.begin(), lower_ascii);
        return lower;
    }
    std::string out;
    out.reserve(ascii.size());
    bool pending_space = false;
    for (const char ch : ascii) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '\'' || c == '`' || c == '.') continue;
        if (separates_words_ascii(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out.push_back(' ');
        pending_space = false;
        out.push_back(lower_ascii(ch));
    }
    return out;
}

}  // namespace

std::string name_key(std::string_view utf8) {
    if (is_ascii(utf8)) return ascii_name_key(utf8);
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString source = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    icu::UnicodeString decomposed = nfd().normalize(source, status);
    if (U_FAILURE(status) != 0) decomposed = source;
    icu::UnicodeString out;
    bool pending_space = false;
    for (int32_t i = 0; i < decomposed.length();) {
        UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK || is_apostrophe(c) || c == '.') continue;
        if (u_isspace(c) || c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2013 || c == 0x2014) {
            pending_space = out.length() > 0;
            continue;
        }
        if (pending_space) {
            out.append(static_cast<UChar>(' '));
            pending_space = false;
        }
        out.append(u_foldCase(c, U_FOLD_CASE_DEFAULT));
    }
    std::string result;
    out.toUTF8String(result);
    return result;
}

bool starts_upper(std::string_view utf8) {
    if (utf8.empty()) return false;
    int32_t i = 0;
    const UChar32 c = next_code_point(utf8, i);
    if (c >= 0 && c < 0x80) return c >= 'A' && c <= 'Z';
    return c >= 0 && (u_isupper(c) || u_istitle(c));
}

bool all_upper(std::string_view utf8) {
    int letters = 0;
    for (int32_t i = 0; i < static_cast<int32_t>(utf8.size());) {
        const UChar32 c = next_code_point(utf8, i);
        if (c < 0) return false;
        if (c < 0x80) {  // ASCII without ICU's tables
            if (c >= 'a' && c <= 'z') return false;
            if (c >= 'A' && c <= 'Z') ++letters;
            continue;
        }
        if (u_isalpha(c)) {
            if (!u_isupper(c)) return false;
            ++letters;
        }
    }
    return letters >= 2;
}

bool valid_utf8(std::string_view bytes) {
    for (int32_t i = 0; i < static_cast<int32_t>(bytes.size());) {
        if (next_code_point(bytes, i) < 0) return false;
    }
    return true;
}

std::string printable(std::string_view utf8) {
    std::string out;
    for (int32_t i = 0; i < static_cast<int32_t>(utf8.size());) {
        const int32_t from = i;
        const UChar32 c = next_code_point(utf8, i);
        // Control and format characters (escape codes, bidi overrides) and broken bytes; the
        // zero-width (non-)joiners are kept, as Persian and Indic names are spelt with them.
        const auto type = c < 0 ? U_CONTROL_CHAR : static_cast<UCharCategory>(u_charType(c));
        const bool joiner = c == 0x200C || c == 0x200D;
        if (type == U_CONTROL_CHAR || (type == U_FORMAT_CHAR && !joiner)) out += "\xEF\xBF\xBD";
        else out.append(utf8.substr(static_cast<size_t>(from), static_cast<size_t>(i - from)));
    }
    return out;
}

std::string xml_safe(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const unsigned char c : text)
        if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') out.push_back(static_cast<char>(c));
    return out;
}

bool caseless_script(std::string_view utf8) {
    if (utf8.empty()) return false;
    int32_t i = 0;
    const UChar32 c = next_code_point(utf8, i);
    return c > 0x7F && u_isalpha(c) && !u_isupper(c) && !u_islower(c) && !u_istitle(c);
}
std::string title_case(std::string_view utf8) {
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    s.toTitle(nullptr, icu::Locale::getRoot());  // nullptr: ICU's word break iterator
    std::string out;
    s.toUTF8String(out);
    return out;
}

std::string upper(std::string_view utf8) {
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    s.toUpper(icu::Locale::getRoot());
    std::string out;
    s.toUTF8String(out);
    return out;
}
void pop_code_point(std::string& utf8) {
    // Continuation bytes are 10xxxxxx: drop them, then the byte that leads them.
    while (!utf8.empty() && (static_cast<unsigned char>(utf8.back()) & 0xC0) == 0x80) utf8.pop_back();
    if (!utf8.empty()) utf8.pop_back();
}

}  // namespace frontmap::text
