#include "common/proj.hpp"
#include "common/text.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <utility>

using frontmap::text::name_key;

TEST_CASE("name_key: spellings a reader takes for the same name share one key", "[common][name_key]") {
    const auto [a, b] = GENERATE(table<std::string, std::string>({
        {"Donets'k", "Donetsk"},
        {"Donets’k", "Donetsk"},          // typographic apostrophe
        {"KYIV", "Kyiv"},
        {"Київ", "КИЇВ"},                  // Cyrillic case, and the diaeresis of Ї
        {"Zürich", "Zurich"},
        {"São Paulo", "Sao Paulo"},
        {"Nova-Kakhovka", "Nova Kakhovka"},
        {"Deir ez-Zor", "Deir ez Zor"},
        {"Nova   Kakhovka", "Nova Kakhovka"},  // runs of spaces
        {" Kherson ", "Kherson"},
        {"St. Petersburg", "St Petersburg"},
    }));
    CAPTURE(a, b);
    CHECK(name_key(a) == name_key(b));
}

TEST_CASE("name_key: different names keep different keys", "[common][name_key]") {
    const auto [a, b] = GENERATE(table<std::string, std::string>({
        {"Kyiv", "Київ"},  // the script is kept, not transliterated
        {"Kherson", "Khersonska"},
        {"Nova Kakhovka", "NovaKakhovka"},
        {"Dnipro", "Dnieper"},
    }));
    CAPTURE(a, b);
    CHECK(name_key(a) != name_key(b));
}

TEST_CASE("name_key: the key is lower case with single spaces", "[common][name_key]") {
    CHECK(name_key("Nova-Kakhovka") == "nova kakhovka");
    CHECK(name_key("KYIV") == "kyiv");
    CHECK(name_key("") == "");
}

TEST_CASE("valid_utf8 accepts UTF-8 text and rejects malformed bytes", "[common][utf8]") {
    CHECK(frontmap::text::valid_utf8(""));
    CHECK(frontmap::text::valid_utf8("Kherson"));
    CHECK(frontmap::text::valid_utf8("Київ — “Kyiv” ✓"));

    const std::string bad = GENERATE(as<std::string>{},
                                     "\xff",                 // never valid
                                     "Ky\xd0",               // truncated two-byte sequence
                                     "\xc0\xaf",             // overlong '/'
                                     "\xed\xa0\x80",         // UTF-16 surrogate
                                     "Kyiv \x80 Kherson",    // stray continuation byte
                                     "\xf4\x90\x80\x80");    // beyond U+10FFFF
    CAPTURE(bad);
    CHECK_FALSE(frontmap::text::valid_utf8(bad));
}

TEST_CASE("case helpers see letters of any script", "[common][case]") {
    using namespace frontmap::text;
    CHECK(starts_upper("Kyiv"));
    CHECK(starts_upper("Київ"));
    CHECK_FALSE(starts_upper("kyiv"));
    CHECK_FALSE(starts_upper(""));
    CHECK(all_upper("KYIV"));
    CHECK(all_upper("КИЇВ"));
    CHECK_FALSE(all_upper("Kyiv"));
    CHECK_FALSE(all_upper("A"));  // a lone capital is not an all-caps word
    CHECK(upper("Kherson") == "KHERSON");
    CHECK(upper("Київ") == "КИЇВ");
    CHECK(upper("Donets'k") == "DONETS'K");
    // Arabic has no case: unchanged.
    CHECK(upper("حلب") == "حلب");
    CHECK(caseless_script("حلب"));
    CHECK_FALSE(caseless_script("Kyiv"));
    CHECK_FALSE(caseless_script("Київ"));
}

TEST_CASE("geodesic_km measures distances on the ellipsoid", "[common][proj]") {
    using frontmap::proj::geodesic_km;
    const double kyiv_lon = 30.5238, kyiv_lat = 50.45466;
    const double kherson_lon = 32.6178, kherson_lat = 46.65581;

    const double km = geodesic_km(kyiv_lon, kyiv_lat, kherson_lon, kherson_lat);
    CHECK(km > 420.0);
    CHECK(km < 460.0);
    CHECK(geodesic_km(kherson_lon, kherson_lat, kyiv_lon, kyiv_lat) == Approx(km));
    CHECK(geodesic_km(kyiv_lon, kyiv_lat, kyiv_lon, kyiv_lat) == Approx(0.0).margin(1e-9));
    // A degree of latitude is about 111 km anywhere.
    CHECK(geodesic_km(0, 0, 0, 1) == Approx(110.6).epsilon(0.01));
}

TEST_CASE("name_key: plain ASCII gets the key the full Unicode path gives", "[common][name_key]") {
    // A trailing combining accent is dropped by the Unicode path, so each pair must share a key.
    for (const std::string ascii : {"Kyiv's", "  St. Petersburg-on  Sea ", "KRYVYI RIH", "al-Mawasi", "Tal`Afar", "a\tb\nc", "x--y", ""}) {
        INFO(ascii);
        CHECK(name_key(ascii) == name_key(ascii + "\u0301"));
    }
}

TEST_CASE("pop_code_point removes a whole letter, never part of one", "[common][text]") {
    std::string word = "Київ";
    frontmap::text::pop_code_point(word);
    CHECK(word == "Киї");
    frontmap::text::pop_code_point(word);
    CHECK(word == "Ки");
    std::string ascii = "ab";
    frontmap::text::pop_code_point(ascii);
    CHECK(ascii == "a");
    std::string empty;
    frontmap::text::pop_code_point(empty);
    CHECK(empty.empty());
}

TEST_CASE("a name printed on a terminal carries no escape code or bidi override", "[text]") {
    CHECK(frontmap::text::printable("Київ, Kherson") == "Київ, Kherson");
    CHECK(frontmap::text::printable("Kyiv\x1b[2J") == "Kyiv\xEF\xBF\xBD[2J");
    CHECK(frontmap::text::printable("a\xE2\x80\xAE" "b") == "a\xEF\xBF\xBD" "b");  // U+202E, right-to-left override
    CHECK(frontmap::text::printable("bad \xff byte") == "bad \xEF\xBF\xBD byte");
}

TEST_CASE("a name printed on a terminal keeps the zero-width joiners its script spells it with", "[text]") {
    const std::string persian = "\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xB1\xD9\x88\xD9\x85";  // "می‌روم", with U+200C
    CHECK(frontmap::text::printable(persian) == persian);
}
