#pragma once
#include <string>
#include <string_view>

namespace frontmap::text {

// The key under which names are stored and looked up: case-folded, accents and apostrophes
// removed, hyphens and runs of spaces made one space. "Kyiv" = "KYIV"; "Donets'k" = "Donetsk";
// "Київ" keeps its script. Both the gazetteer builder and the parser use this one function,
// so what one writes the other finds.
std::string name_key(std::string_view utf8);

// True when the first code point is an uppercase or titlecase letter (any script).
bool starts_upper(std::string_view utf8);

// True when every letter is uppercase and there are at least two letters ("KYIV").
bool all_upper(std::string_view utf8);

// True when the text is valid UTF-8.
bool valid_utf8(std::string_view bytes);

// The text safe to print on a terminal: control and format characters (escape codes, bidi
// overrides) and bytes that are not UTF-8 become U+FFFD.
std::string printable(std::string_view utf8);

// The text with the control characters XML 1.0 has no place for (all below U+0020 but tab, line
// feed and carriage return) removed: article text may carry them, and an SVG or HTML page that
// holds one is malformed.
std::string xml_safe(std::string_view text);

// True when the first letter belongs to a script without case (Arabic, Hebrew, Burmese, CJK).
bool caseless_script(std::string_view utf8);
// Upper case in any script ("Kherson" -> "KHERSON", "Київ" -> "КИЇВ").
std::string upper(std::string_view utf8);
// Each word capitalised, the rest lower case, as a name is printed ("KYIV" -> "Kyiv",
// "NOVA KAKHOVKA" -> "Nova Kakhovka").
std::string title_case(std::string_view utf8);
// Removes the last code point of UTF-8 text (all its bytes), so a cut never splits a letter.
void pop_code_point(std::string& utf8);
}  // namespace frontmap::text
