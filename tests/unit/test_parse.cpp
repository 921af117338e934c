#include "common/proj.hpp"
#include "common/text.hpp"
#include "fixtures.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/writer.hpp"
#include "gazetteer_fixture.hpp"
#include "parse/geojson.hpp"
#include "parse/parser.hpp"
#include "parse/ranker.hpp"
#include "parse/tokens.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

using frontmap::gazetteer::PlaceType;
using frontmap::parse::Mention;
using frontmap::parse::Role;
using frontmap::parse::Token;
using frontmap::test::TempDir;
namespace ids = frontmap::test::ids;

namespace Catch {
template <>
struct StringMaker<Role> {
    static std::string convert(Role role) { return frontmap::parse::to_string(role); }
};
}  // namespace Catch

namespace {

// The fixture gazetteer, opened; one per test case.
struct Gaz {
    frontmap::test::TempDir dir;
    frontmap::gazetteer::Gazetteer gazetteer{frontmap::test::write_fixture_gazetteer(dir / "gazetteer.sqlite")};
};

// The fixture gazetteer and a parser over it, for the tests of whole parses.
struct Parsing {
    Gaz g;
    frontmap::parse::Parser parser{g.gazetteer};
};

// The n-th (0-based) mention whose text is `text`, if any.
std::optional<Mention> mention_of(const std::vector<Mention>& mentions, const std::string& text, int nth = 0) {
    for (const auto& m : mentions)
        if (m.text == text && nth-- == 0) return m;
    return std::nullopt;
}

// Checks that no mention is spelt as one of `absent`, and that each of `present` is found.
void check_names(const std::vector<Mention>& mentions, const std::vector<std::string>& absent, const std::vector<std::string>& present) {
    for (const auto& name : absent) {
        CAPTURE(name);
        CHECK_FALSE(mention_of(mentions, name));
    }
    for (const auto& name : present) {
        CAPTURE(name);
        CHECK(mention_of(mentions, name));
    }
}

// The n-th (0-based) mention whose text is `text`; fails the test when there is none.
Mention found(const std::vector<Mention>& mentions, const std::string& text, int nth = 0) {
    const auto m = mention_of(mentions, text, nth);
    REQUIRE(m);
    return *m;
}

// Where the first mention named `text` was put; fails the test when it is missing or unplaced.
frontmap::gazetteer::Place place_of(const std::vector<Mention>& mentions, const std::string& text) {
    const auto m = mention_of(mentions, text);
    REQUIRE(m);
    REQUIRE(m->place);
    return *m->place;
}

// The texts of tokens, or of a row's expected tokens.
template <class T>
std::vector<std::string> texts_of(const std::vector<T>& tokens) {
    std::vector<std::string> out;
    for (const auto& t : tokens) out.push_back(t.text);
    return out;
}

}  // namespace

// ---- tokenize --------------------------------------------------------------------------------

namespace {

// A text and the tokens it must give. `tokens` lists them in order, split by spaces; a token may
// be followed by [flag,!flag,...]: the Token members that must be set, and with '!' clear.
struct TokenizeRow {
    std::string what;  // the rule the row pins: the name of its section
    std::string text;
    std::string tokens;
};

// clang-format off
const std::vector<TokenizeRow> kTokenizeRows{
    // Every token's byte span is its text, also after multibyte characters: the runner checks
    // the spans of every row's tokens.
    {"spans after multibyte characters", "«Київ» — drones hit Херсон and Kherson’s port at 05:40.",
     "Київ drones hit Херсон and Kherson port at 05 40"},
    {"a possessive 's stays outside the name (')", "Kyiv's forces advanced.", "Kyiv[possessive] forces[!possessive] advanced"},
    {"a possessive 's stays outside the name (’)", "Kyiv’s forces advanced.", "Kyiv[possessive] forces[!possessive] advanced"},
    // Letters joined by stops are one word, whose last stop may still end a sentence: "Then" after "U.S.".
    {"letters joined by stops", "Sacramento, Calif., and Charleston, W.Va., told the U.S. Then the U.K. agreed. A. Smith spoke.",
     "Sacramento Calif and Charleston W.Va told the U.S Then[sentence_start] the U.K agreed A Smith spoke"},
    // An apostrophe inside a name is part of it, a bare one after s is a possessive.
    {"an apostrophe inside a name, a bare one after s", "Donets'k and Donbas' towns", "Donets'k[!possessive] and Donbas[possessive] towns"},
    {"a hyphen joins two tokens and is recorded on both", "Moscow-installed officials and a pro-Kremlin blogger",
     "Moscow[hyphen_after] installed[hyphen_before,!hyphen_after] officials[!hyphen_before] and a pro[hyphen_after] Kremlin[hyphen_before] blogger"},
    {"a dateline is an all-caps name ended by a comma", "KYIV, Ukraine — Russian missiles struck overnight.",
     "KYIV[all_caps,capitalised,comma_after,sentence_start] Ukraine[!all_caps,!comma_after] Russian missiles struck overnight"},
    // Sentence starts and ends; "Kherson" is the first word of a quotation.
    {"sentence starts and ends", "Back in Kyiv. Western officials said \"Kherson is free\".",
     "Back[sentence_start] in[!sentence_start] Kyiv[stop_after] Western[sentence_start] officials[!sentence_start] said Kherson[sentence_start] is free"},
    // Curly and single quotation marks open one too.
    {"curly and single quotation marks open a sentence", "He said \u201CMariupol held\u201D and 'Kherson is free'.",
     "He said Mariupol[sentence_start] held[!sentence_start] and Kherson[sentence_start] is[!sentence_start] free"},

    // Where the tokenizer's words differ from those of Unicode's word rules (ICU's BreakIterator), on
    // purpose: these pin what the geoparser and the event coder have always been given.

    // A number's comma and point cut it, and are recorded for the events stage to join: events'
    // join_number_groups undoes both.
    {"a number's comma and point cut it", "Nearly 1,100 people fled 3.5 km.",
     "Nearly 1[comma_after] 100[!sentence_start] people fled 3[stop_after] 5[sentence_start] km[stop_after]"},
    {"Cyrillic words keep their bytes, case and punctuation", "Вибухи у Києві, Харкові та Kyiv’s suburbs.",
     "Вибухи[capitalised] у[!capitalised] Києві[capitalised,comma_after] Харкові та Kyiv[possessive] suburbs[stop_after]"},
    // An apostrophe inside a name stays in it, a possessive after it does not.
    {"an apostrophe inside a name stays in it (')", "O'Brien's men", "O'Brien[possessive] men"},
    {"an apostrophe inside a name stays in it (’)", "O’Brien’s men", "O’Brien[possessive] men"},
    // Other punctuation inside a word cuts it. ICU keeps each of these whole; only initialisms of
    // capitals are one word here.
    {"other punctuation inside a word cuts it", "al_Sham, e.g. the U.S.A or example.com", "al Sham e g the U.S A or example com"},
    // A hyphen of any kind joins a word to the next. hyphen_before is only seen across a one-byte
    // hyphen (tokenize compares end + 1 with start).
    {"a hyphen joins a word to the next (-)", "Russian-occupied Kherson", "Russian[hyphen_after] occupied[hyphen_before] Kherson[!hyphen_before]"},
    {"a hyphen joins a word to the next (U+2010)", "Russian\u2010occupied Kherson", "Russian[hyphen_after] occupied[!hyphen_before] Kherson[!hyphen_before]"},
    {"a hyphen joins a word to the next (U+2011)", "Russian\u2011occupied Kherson", "Russian[hyphen_after] occupied[!hyphen_before] Kherson[!hyphen_before]"},
    // A word of a script written without spaces is one token: ICU cuts these by its dictionaries;
    // the gazetteer writes such names whole.
    {"a word of a script written without spaces is one token", "([[လားရှိုး]]) 東京都 ABCカタカナ", "လားရှိုး 東京都 ABCカタカナ"},
    {"a combining mark is part of a word, even one standing after a space", "Cafe\u0301 \u0301x", "Cafe\u0301 \u0301x"},
    // An all-caps dateline of two words. "U.N" starts a sentence after the dash; its stop the
    // tokenizer cannot tell from a sentence's end, events' join_initialisms does.
    {"an all-caps dateline of two words", "NEW YORK — U.N. officials said.",
     "NEW[all_caps] YORK[all_caps,!sentence_start] U.N[sentence_start,all_caps,stop_after] officials said"},
};
// clang-format on

// A token as a row expects it: its text, and each flag named with whether it must be set.
struct ExpectedToken {
    std::string text;
    std::vector<std::pair<std::string, bool>> flags;
};

std::vector<ExpectedToken> expected_tokens(const std::string& notation) {
    std::vector<ExpectedToken> out;
    std::istringstream words(notation);
    std::string word;
    while (words >> word) {
        const auto open = word.find('[');
        ExpectedToken& t = out.emplace_back(ExpectedToken{word.substr(0, open), {}});
        if (open == std::string::npos) continue;
        std::istringstream flags(word.substr(open + 1, word.size() - open - 2));
        std::string flag;
        while (std::getline(flags, flag, ',')) t.flags.emplace_back(flag.starts_with('!') ? flag.substr(1) : flag, !flag.starts_with('!'));
    }
    return out;
}

// The Token member a row names; fails the test on a name that is none, so a misspelt row cannot pass.
bool Token::*token_flag(const std::string& name) {
    static const std::map<std::string, bool Token::*> flags{
        {"capitalised", &Token::capitalised},     {"all_caps", &Token::all_caps},         {"sentence_start", &Token::sentence_start},
        {"possessive", &Token::possessive},       {"hyphen_after", &Token::hyphen_after}, {"hyphen_before", &Token::hyphen_before},
        {"comma_after", &Token::comma_after},     {"stop_after", &Token::stop_after},
    };
    const auto it = flags.find(name);
    INFO("a flag named " << name);
    REQUIRE(it != flags.end());
    return it->second;
}

void check_tokenize_row(const TokenizeRow& row) {
    const auto tokens = frontmap::parse::tokenize(row.text);
    const auto want = expected_tokens(row.tokens);
    REQUIRE(texts_of(tokens) == texts_of(want));
    size_t after_previous = 0;
    for (size_t i = 0; i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        CAPTURE(i, t.text);
        // Its bytes are its text, where the text next stands after the token before it.
        CHECK(t.start == row.text.find(t.text, after_previous));
        CHECK(t.end == t.start + t.text.size());
        after_previous = t.end;
        for (const auto& [flag, set] : want[i].flags) {
            CAPTURE(flag);
            CHECK(t.*token_flag(flag) == set);
        }
    }
}

}  // namespace

TEST_CASE("tokenize: each row's tokens, their byte spans and their flags", "[parse][tokenize]") {
    for (const auto& row : kTokenizeRows) {
        DYNAMIC_SECTION(row.what) { check_tokenize_row(row); }
    }
}

// ---- recognize -------------------------------------------------------------------------------

namespace {

// Checks that "Austin" is a person's name in `opening` and stays one in a later sentence.
void check_austin_is_a_person(Gaz& g, const std::string& opening) {
    const std::string article = opening + " on Monday that more aid would reach Kyiv. Later, Austin told reporters in Kyiv the package was ready.";
    CAPTURE(article);
    const auto mentions = frontmap::parse::recognize(article, g.gazetteer);
    const auto first = mention_of(mentions, "Austin", 0);
    const auto later = mention_of(mentions, "Austin", 1);
    REQUIRE(first);
    REQUIRE(later);
    CHECK(first->role == Role::NotPlace);
    CHECK(later->role == Role::NotPlace);
    // The given name is part of the person's name too.
    const auto lloyd = mention_of(mentions, "Lloyd");
    CHECK((!lloyd || lloyd->role == Role::NotPlace));
    // The places around the person stay places.
    CHECK(found(mentions, "Kyiv").role == Role::Location);
}

}  // namespace

TEST_CASE("recognize: a titled full name is not a place, then or later", "[parse][recognize]") {
    Gaz g;
    check_austin_is_a_person(g, "Defense Secretary Lloyd Austin said");
}

// The fixture has a village called Lloyd, as real gazetteers do: that must not make "Lloyd
// Austin" a village followed by a city.
TEST_CASE("recognize: a full name whose given name is also a village is not a place", "[parse][recognize]") {
    Gaz g;
    check_austin_is_a_person(g, "Lloyd Austin said");
}

TEST_CASE("recognize: a given name that is not also a place still marks the surname", "[parse][recognize]") {
    Gaz g;
    check_austin_is_a_person(g, "Sergei Austin said");
}

TEST_CASE("recognize: a given name that is also a word opens a name at a sentence's start, not before a major place", "[parse][recognize]") {
    Gaz g;
    // Lloyd is a village of 300: "Tom Lloyd" is a person. Austin is a state capital: a sentence
    // that opens "Tom Austin" is too weak a sign to lose the city for the whole article.
    const auto person = frontmap::parse::recognize("Tom Lloyd said the aid would reach Kyiv.", g.gazetteer);
    const auto village = mention_of(person, "Lloyd");
    CHECK((!village || village->role == Role::NotPlace));
    const auto city = frontmap::parse::recognize("Tom Austin said the aid would reach Kyiv.", g.gazetteer);
    CHECK(found(city, "Austin").role != Role::NotPlace);
    // A preposition that some list also has as a given name opens no person's name.
    const auto near = frontmap::parse::recognize("Near Lloyd, troops dug in.", g.gazetteer);
    CHECK(found(near, "Lloyd").role != Role::NotPlace);
}

TEST_CASE("recognize: a name set off by commas after a title is a person's", "[parse][recognize]") {
    Gaz g;
    check_austin_is_a_person(g, "The group's spokeswoman, Lway Austin, said");
}

TEST_CASE("recognize: a full name of three words is a person's to its end", "[parse][recognize]") {
    Gaz g;
    check_austin_is_a_person(g, "The spokesman, Sergei Ndjike Austin, said");
}

TEST_CASE("recognize: only a dateline's name is flagged as the dateline", "[parse][recognize]") {
    Gaz g;
    const auto mentions = frontmap::parse::recognize("KYIV, Ukraine — Officials in Kyiv said little.", g.gazetteer);
    REQUIRE(mention_of(mentions, "KYIV"));
    REQUIRE(mention_of(mentions, "Kyiv"));
    CHECK(mention_of(mentions, "KYIV")->dateline);
    CHECK_FALSE(mention_of(mentions, "Kyiv")->dateline);
}

namespace {

// Checks that "KYIV" in `text` is the dateline, a location.
void check_kyiv_is_the_dateline(const std::string& text) {
    CAPTURE(text);
    Gaz g;
    const auto mentions = frontmap::parse::recognize(text, g.gazetteer);
    CHECK(found(mentions, "KYIV").dateline);
    CHECK(mention_of(mentions, "KYIV")->role == Role::Location);
}

}  // namespace

TEST_CASE("recognize: a dateline after a headline is still a dateline", "[parse][recognize]") {
    check_kyiv_is_the_dateline("Strikes hit Kherson\nKYIV, Ukraine (AP) - Officials said little.");
}

TEST_CASE("recognize: a short dateline set off by a dash alone is a dateline", "[parse][recognize]") {
    check_kyiv_is_the_dateline("KYIV \u2014 Officials in Kherson said little.");
}

TEST_CASE("recognize: a dictionary word after a preposition of place is a place in a country the article names", "[parse][recognize]") {
    Gaz g;
    const auto in_congo = frontmap::parse::recognize("Fighting raged around Sake, the last town on the road north in Congo.", g.gazetteer);
    CHECK(found(in_congo, "Sake").role == Role::Location);
    // Named nowhere near its country, the word is only a word.
    CHECK_FALSE(mention_of(frontmap::parse::recognize("Fighting raged around Sake, officials in Kyiv said.", g.gazetteer), "Sake"));
}

TEST_CASE("recognize: a people's name before a region word names their region", "[parse][recognize]") {
    Gaz g;
    const auto mentions = frontmap::parse::recognize("Fighting spread across the Amhara region. Amhara militiamen clashed with troops.", g.gazetteer);
    REQUIRE(mentions.size() == 1);
    CHECK(mentions[0].text == "Amhara");
    CHECK(mentions[0].start == 27);
}

TEST_CASE("recognize: a known name after an Arabic landform word is part of a name the gazetteer lacks", "[parse][recognize]") {
    Gaz g;
    // The fixture knows Kherson and Kyiv, not a cape called "Ras Kherson".
    const auto mentions = frontmap::parse::recognize("Strikes hit the Ras Kherson fuel terminal and a depot in Kyiv.", g.gazetteer);
    CHECK_FALSE(mention_of(mentions, "Kherson"));
    CHECK(mention_of(mentions, "Kyiv"));
    // The same in Sudan's and Somalia's village names: "Hilat Hamid", "Ceel Baraf".
    for (const char* text : {"The paramilitaries stormed Hilat Kherson on Sunday.", "Militants turned on Ceel Kherson and Kyiv."})
        CHECK_FALSE(mention_of(frontmap::parse::recognize(text, g.gazetteer), "Kherson"));
}

TEST_CASE_METHOD(Parsing, "resolve: a region word after a list makes every name in it a region", "[parse][resolve]") {
    const auto mentions = parser.parse("Missiles fell on the Kherson and Kyiv regions overnight.");
    REQUIRE(mention_of(mentions, "Kherson"));
    REQUIRE(mention_of(mentions, "Kyiv"));
    REQUIRE(mention_of(mentions, "Kherson")->place);
    CHECK(mention_of(mentions, "Kherson")->place->type == PlaceType::Region);
}

TEST_CASE_METHOD(Parsing, "resolve: a plural region word before a list makes every name in it a region", "[parse][resolve]") {
    const auto mentions = parser.parse("Drones were shot down over three southern regions, including Donbas and Kherson.");
    CHECK(place_of(mentions, "Kherson").type == PlaceType::Region);
}

namespace {

// Checks that the group's name in `text` is no place though the gazetteer holds `word` as one,
// and that Kherson still is.
void check_group_is_no_place(const std::string& word, const std::string& text) {
    CAPTURE(text);
    Gaz g;
    REQUIRE_FALSE(g.gazetteer.lookup(frontmap::text::name_key(word)).empty());  // the trap is set
    check_names(frontmap::parse::recognize(text, g.gazetteer), {word}, {"Kherson"});
}

}  // namespace

TEST_CASE("recognize: a group's name that a source also lists as a place is not a place", "[parse][recognize]") {
    check_group_is_no_place("Hamas", "Hamas fighters crossed into Kherson.");
}

TEST_CASE("recognize: a group's name of several words hides the places its words name", "[parse][recognize]") {
    check_group_is_no_place("Boko", "The bombings in Kherson bore the hallmarks of Boko Haram.");
}

TEST_CASE("recognize: a name set off by a title after it is a person's, there and later", "[parse][recognize]") {
    Gaz g;
    const auto mentions = frontmap::parse::recognize(
        "Barkindo Austin, director general of the agency, said a bomb went off in Kherson. Austin said 19 people were hurt.", g.gazetteer);
    REQUIRE(mention_of(mentions, "Austin"));
    for (const auto& m : mentions)
        if (m.text == "Austin") CHECK(m.role == Role::NotPlace);
    const auto place = frontmap::parse::recognize("In Kherson, governor Oleh Prokudin said the shelling went on.", g.gazetteer);
    CHECK(found(place, "Kherson").role == Role::Location);
}

TEST_CASE("recognize: two places that name a route stay places", "[parse][recognize]") {
    Gaz g;
    const auto mentions = frontmap::parse::recognize("Troops pushed along the Kyiv Kherson road. Later, shells hit Kherson again.", g.gazetteer);
    for (const auto& m : mentions)
        if (m.text == "Kherson" || m.text == "Kyiv") CHECK(m.role == Role::Location);
}

TEST_CASE("recognize: a title that opens a new clause is no aside about the name before it", "[parse][recognize]") {
    Gaz g;
    const auto mentions = frontmap::parse::recognize("Missiles struck Kyiv and Kherson, the president said. Kherson was hit again.", g.gazetteer);
    for (const auto& m : mentions)
        if (m.text == "Kherson") CHECK(m.role != Role::NotPlace);
}

TEST_CASE("recognize: two names side by side that the gazetteer lacks together are one unknown name", "[parse][recognize]") {
    Gaz g;
    const auto mentions = frontmap::parse::recognize("More rounds landed in the Dnipro Austin camp near Kherson.", g.gazetteer);
    CHECK(found(mentions, "Dnipro").role == Role::NotPlace);
    CHECK(found(mentions, "Austin").role == Role::NotPlace);
    CHECK(found(mentions, "Kherson").role == Role::Location);
}

TEST_CASE("recognize: an Arabic article hyphened onto a name opens it in lower case", "[parse][recognize]") {
    Gaz g;
    const auto mentions = frontmap::parse::recognize("The bombs fell on positions around al-Qaim near the frontier.", g.gazetteer);
    CHECK(found(mentions, "al-Qaim").role == Role::Location);
}

TEST_CASE("gazetteer: a name ending in -a finds the place spelt -ah", "[parse][gazetteer]") {
    Gaz g;
    REQUIRE(g.gazetteer.lookup("babanusa").size() == 1);
    CHECK(g.gazetteer.lookup("babanusa").front().id == frontmap::test::ids::babanusah);
    CHECK(g.gazetteer.lookup("kyiva").empty());  // only the -ah spelling is another
    CHECK(g.gazetteer.lookup("kyivah").empty());
}

TEST_CASE("gazetteer: an Arabic article written 'el' finds the place written 'al'", "[parse][gazetteer]") {
    Gaz g;
    REQUIRE(g.gazetteer.lookup(frontmap::text::name_key("El Qa'im")).size() == 1);
    CHECK(g.gazetteer.lookup(frontmap::text::name_key("El Qa'im")).front().id == frontmap::test::ids::al_qaim);
    CHECK(g.gazetteer.lookup(frontmap::text::name_key("Elqa'im")).empty());  // only the article, a word of its own, varies
}

TEST_CASE("recognize: a title, a foreign first name, then a surname that is a place", "[parse][recognize]") {
    Gaz g;
    const auto mentions = frontmap::parse::recognize("Seven people died in Kherson, regional governor Vitaliy Austin said.", g.gazetteer);
    CHECK(found(mentions, "Austin").role == Role::NotPlace);
}

TEST_CASE_METHOD(Parsing, "recognize: a capital that shares a person's name is still the capital later", "[parse][recognize]") {
    const auto mentions = parser.parse("Sergei Moscow spoke on Monday. Later Moscow struck Kherson again.");
    REQUIRE(mention_of(mentions, "Moscow", 1));
    CHECK(mention_of(mentions, "Moscow", 0)->role == Role::NotPlace);
    CHECK(mention_of(mentions, "Moscow", 1)->role == Role::Metonym);  // acting, after an opening time word
    CHECK(mention_of(mentions, "Kherson")->role == Role::Location);
}

TEST_CASE_METHOD(Parsing, "parse: a capital after 'followed by' is a place in a sequence, after 'condemned by' an agent", "[parse][resolve]") {
    const auto sequence = parser.parse("Kherson fell within days, followed on Thursday by Kyiv.");
    CHECK(found(sequence, "Kyiv").role == Role::Location);
    const auto agent = parser.parse("The offensive was condemned by Kyiv on Thursday.");
    CHECK(found(agent, "Kyiv").role == Role::Metonym);
}

TEST_CASE("recognize: a short acronym is a place only when it names a country", "[parse][recognize]") {
    Gaz g;
    const auto mentions = frontmap::parse::recognize("Drones from the UKR side hit KHER targets.", g.gazetteer);
    CHECK(mention_of(mentions, "UKR"));
    // The fixture knows KHER as a name of Kherson the city, so only the rule keeps it out.
    CHECK_FALSE(mention_of(mentions, "KHER"));
}

TEST_CASE("recognize: a byline names reporters, not places", "[parse][recognize]") {
    Gaz g;
    const auto mentions = frontmap::parse::recognize("Strikes hit Kherson\nBy Lloyd Austin and Sergei Moscow\nTroops left Kherson.", g.gazetteer);
    CHECK_FALSE(mention_of(mentions, "Lloyd"));
    CHECK_FALSE(mention_of(mentions, "Austin"));
    CHECK_FALSE(mention_of(mentions, "Moscow"));
    CHECK(mention_of(mentions, "Kherson", 1));
}

TEST_CASE_METHOD(Parsing, "recognize: a byline on the story's own line masks only the reporters' names", "[parse][recognize]") {
    // A one-line article pasted with its byline and dateline: the story keeps every place.
    const auto dated = parser.parse("By Lloyd Austin and Sergei Moscow KYIV, Ukraine \u2014 Russian forces shelled Kherson on Friday.");
    CHECK_FALSE(mention_of(dated, "Austin"));
    CHECK_FALSE(mention_of(dated, "Moscow"));
    CHECK(found(dated, "KYIV").role == Role::Location);
    CHECK(mention_of(dated, "Kherson"));
    // "(AP)" after the city is the agency: the city still ends the byline.
    const auto agency = parser.parse("By Lloyd Austin KYIV (AP) \u2014 Russian forces shelled Kherson on Friday.");
    CHECK(found(agency, "KYIV").role == Role::Location);
    // No dateline: the byline ends at the first word no name has.
    const auto undated = parser.parse("By Lloyd Austin Russian forces shelled Kherson on Friday.");
    CHECK_FALSE(mention_of(undated, "Austin"));
    CHECK(mention_of(undated, "Kherson"));
    // The story's first word is a dictionary word no one is named, even when capitalised, and
    // "in Kherson and Kyiv dug in" is the story, not where a reporter files from.
    for (const std::string pasted : {"By Lloyd Austin, Reuters Forces in Kherson and Kyiv dug in on Friday.",
                                     "By LLOYD AUSTIN Forces in Kherson and Kyiv dug in on Friday."}) {
        CAPTURE(pasted);
        const auto mentions = parser.parse(pasted);
        CHECK_FALSE(mention_of(mentions, "Austin"));
        CHECK(mention_of(mentions, "Kherson"));
        CHECK(mention_of(mentions, "Kyiv"));
    }
    // An initial's full stop, a name in capitals and where each reporter files from stay in it.
    for (const std::string byline : {"By Sergei A. Moscow and Tom Kent\nTroops left Kherson.", "By SERGEI MOSCOW, Associated Press\nTroops left Kherson.",
                                     "By Jane Doe in Kyiv and John Smith in Moscow\nTroops left Kherson."}) {
        CAPTURE(byline);
        check_names(parser.parse(byline), {"Moscow", "MOSCOW", "Kyiv"}, {"Kherson"});
    }
}

TEST_CASE("recognize: months and sentence-initial dictionary words are not places", "[parse][recognize]") {
    Gaz g;
    const std::string article =
        "In March, Russian troops left Kherson. March was quiet. Back in Kyiv, officials waited. "
        "Western officials said Moscow would not return.";
    // The places around them are still found.
    check_names(frontmap::parse::recognize(article, g.gazetteer), {"March", "Back", "Western"}, {"Kherson", "Kyiv", "Moscow"});
}

TEST_CASE("recognize: a dictionary word that names a country is a place even first in a sentence", "[parse][recognize]") {
    TempDir dir;
    const auto file = dir / "g.sqlite";
    {
        frontmap::gazetteer::Writer w(file);
        frontmap::gazetteer::Place turkey;
        turkey.id = "298795";
        turkey.name = "Turkey";
        turkey.type = PlaceType::Country;
        turkey.feature_code = "PCLI";
        turkey.country = "TR";
        turkey.importance = 1.0;
        w.add_place(turkey, "");
        w.add_word("turkey");
        w.finish();
    }
    frontmap::gazetteer::Gazetteer gaz(file);
    const auto mentions = frontmap::parse::recognize("Turkey hosted the talks.", gaz);
    REQUIRE(mention_of(mentions, "Turkey"));
}

// ---- resolve ---------------------------------------------------------------------------------

TEST_CASE_METHOD(Parsing, "resolve: a region, state or country after a place and a comma picks the namesake it holds", "[parse][resolve]") {
    const auto [article, name, id, holder, holder_id] = GENERATE(table<std::string, std::string, std::string, std::string, std::string>({
        {"A fire broke out in Paris, Texas, on Monday.", "Paris", ids::paris_texas, "Texas", ids::texas},
        {"SPRINGFIELD, Ill. (AP) \u2014 Lawmakers met on Monday.", "SPRINGFIELD", ids::springfield_il, "Ill", ids::illinois},
        {"Floods reached Springfield, Tex., and Kherson.", "Springfield", "", "Tex", ""},
        {"Factories in Birmingham, England, and Kherson shut.", "Birmingham", ids::birmingham_gb, "England", ids::england},
    }));
    CAPTURE(article);
    const auto mentions = parser.parse(article);
    const auto place = mention_of(mentions, name);
    REQUIRE(place);
    if (id.empty()) {
        // No Springfield lies in Texas: the gazetteer lacks the town, and says how little it trusts
        // the namesake it has; "Tex." is still Texas.
        REQUIRE(place->place);
        CHECK(place->confidence <= 0.1);
        CHECK(found(mentions, holder).place->id == ids::texas);
        return;
    }
    REQUIRE(place->place);
    CHECK(place->place->id == id);
    const auto area = mention_of(mentions, holder);
    REQUIRE(area);
    REQUIRE(area->place);
    CHECK(area->place->id == holder_id);
    CHECK(area->role == Role::Location);
}

TEST_CASE("resolve: a country's possessive after a place and a comma is no qualifier", "[parse][resolve]") {
    Gaz g;
    const auto mentions = frontmap::parse::Parser(g.gazetteer).parse("Shelling hit Kherson, Ukraine's army said on Monday.");
    CHECK(found(mentions, "Ukraine").role == Role::Metonym);
}

TEST_CASE("resolve: a name told again is the place its qualified mention was", "[parse][resolve]") {
    Gaz g;
    const auto mentions = frontmap::parse::Parser(g.gazetteer).parse(
        "A storm hit Paris, Texas, on Monday. By Tuesday the roads out of Paris were open again, and Paris itself had power.");
    size_t seen = 0;
    for (const auto& m : mentions)
        if (m.key == "paris") {
            ++seen;
            REQUIRE(m.place);
            CHECK(m.place->id == ids::paris_texas);
        }
    CHECK(seen == 3);
}

TEST_CASE("resolve: the ranker's weights name every feature, and no other", "[parse][resolve]") {
    using frontmap::parse::ranking::kFeatureNames;
    std::string all = R"({"weights": {)";
    for (size_t i = 0; i < kFeatureNames.size(); ++i) all += (i ? ", \"" : "\"") + std::string(kFeatureNames[i]) + "\": 0.5";
    CHECK(frontmap::parse::ranking::read_weights(all + "}}").w[0] == 0.5);
    CHECK_THROWS_WITH(frontmap::parse::ranking::read_weights(all + R"(, "altitude": 1}})"), Catch::Contains("unknown feature 'altitude'"));
    CHECK_THROWS_WITH(frontmap::parse::ranking::read_weights(R"({"weights": {"importance": 1}})"), Catch::Contains("no weight for feature"));
    // The weights the parser ships with are complete.
    CHECK_NOTHROW(frontmap::parse::ranking::fitted());
}

TEST_CASE("resolve: without a qualifier the likelier namesake stays", "[parse][resolve]") {
    Gaz g;
    const auto mentions = frontmap::parse::Parser(g.gazetteer).parse("Crowds gathered in Paris and Springfield.");
    CHECK(found(mentions, "Paris").place->id == ids::paris);
    // A state's abbreviation alone is a word, not the state.
    CHECK_FALSE(mention_of(frontmap::parse::Parser(g.gazetteer).parse("He felt Ill. Then he left."), "Ill"));
}

TEST_CASE("resolve: every spelling of Kyiv is the same place", "[parse][resolve]") {
    Gaz g;
    const std::string article = "Kiev, as it was spelled, is now Kyiv; Ukrainians write Київ.";
    const auto mentions = frontmap::parse::Parser(g.gazetteer).parse(article);
    for (const std::string name : {"Kiev", "Kyiv", "Київ"}) {
        CAPTURE(name);
        const auto m = mention_of(mentions, name);
        REQUIRE(m);
        REQUIRE(m->place);
        CHECK(m->place->id == ids::kyiv);
    }
}

TEST_CASE("resolve: a river is placed at the stretch nearest the story", "[parse][resolve]") {
    Gaz g;
    const auto& kherson = frontmap::test::fixture_place(ids::kherson).place;
    const auto mentions =
        frontmap::parse::Parser(g.gazetteer).parse("Shelling hit Kherson again. Boats crossed the Dnieper river at dawn.");
    const auto river = mention_of(mentions, "Dnieper");
    REQUIRE(river);
    REQUIRE(river->place);
    CHECK(river->place->id == ids::dnieper_river);
    CHECK(frontmap::proj::geodesic_km(river->place->lon, river->place->lat, kherson.lon, kherson.lat) < 10.0);
}

TEST_CASE("resolve: a person's name is left unresolved", "[parse][resolve]") {
    Gaz g;
    const auto mentions = frontmap::parse::Parser(g.gazetteer).parse("The Washington Post reported from Kherson.");
    const auto post = mention_of(mentions, "Washington");
    REQUIRE(post);
    CHECK(post->role == Role::NotPlace);
    CHECK_FALSE(post->place);
}

TEST_CASE("parse: mention offsets are UTF-8 byte offsets into the article", "[parse][offsets]") {
    Gaz g;
    const std::string article = "Після обстрілу — «Київ» заявив: “Kherson’s port” and Херсон, then Kherson again.";
    const auto mentions = frontmap::parse::Parser(g.gazetteer).parse(article);
    struct Expected {
        std::string text;
        size_t start;
    };
    const std::vector<Expected> expected = {
        {"Київ", article.find("Київ")},
        {"Kherson", article.find("Kherson’s")},
        {"Херсон", article.find("Херсон")},
        {"Kherson", article.rfind("Kherson")},
    };
    REQUIRE(mentions.size() == expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        CAPTURE(i, expected[i].text);
        CHECK(mentions[i].text == expected[i].text);
        CHECK(mentions[i].start == expected[i].start);
        CHECK(mentions[i].end == expected[i].start + expected[i].text.size());
        CHECK(article.substr(mentions[i].start, mentions[i].end - mentions[i].start) == mentions[i].text);
    }
}

// ---- to_geojson ------------------------------------------------------------------------------

TEST_CASE("to_geojson writes the public parse schema", "[parse][geojson]") {
    const auto& kherson = frontmap::test::fixture_place(ids::kherson).place;
    const auto& moscow = frontmap::test::fixture_place(ids::moscow).place;
    const auto& austin = frontmap::test::fixture_place(ids::austin).place;

    std::vector<Mention> mentions(4);
    mentions[0] = {.start = 10, .end = 17, .text = "Kherson", .key = "kherson", .role = Role::Location, .place = kherson, .confidence = 0.87};
    mentions[1] = {.start = 30, .end = 36, .text = "Moscow", .key = "moscow", .role = Role::Metonym, .place = moscow, .confidence = 0.9};
    mentions[2] = {.start = 50, .end = 56, .text = "Austin", .key = "austin", .role = Role::NotPlace, .place = austin, .confidence = 0.5};
    mentions[3] = {.start = 60, .end = 67, .text = "Atlanta", .key = "atlanta", .role = Role::Location, .confidence = 0.05};

    const auto doc = frontmap::parse::to_geojson(mentions);
    CHECK(doc.at("type") == "FeatureCollection");
    const auto& features = doc.at("features");
    REQUIRE(features.size() == mentions.size());

    for (size_t i = 0; i < mentions.size(); ++i) {
        CAPTURE(i);
        const auto& f = features[i];
        CHECK(f.at("type") == "Feature");
        const auto& p = f.at("properties");
        CHECK(p.at("kind") == "mention");
        CHECK(p.at("text") == mentions[i].text);
        CHECK(p.at("start") == mentions[i].start);
        CHECK(p.at("end") == mentions[i].end);
        CHECK(p.at("role") == frontmap::parse::to_string(mentions[i].role));
        CHECK(p.at("confidence").get<double>() == Approx(mentions[i].confidence));
    }

    SECTION("a located mention carries its place and a Point [lon, lat]") {
        for (size_t i : {0u, 1u}) {
            const auto& place = *mentions[i].place;
            const auto& p = features[i].at("properties").at("place");
            CHECK(p.at("id") == place.id);
            CHECK(p.at("name") == place.name);
            CHECK(p.at("type") == frontmap::gazetteer::to_string(place.type));
            CHECK(p.at("country") == place.country);
            const auto& g = features[i].at("geometry");
            CHECK(g.at("type") == "Point");
            CHECK(g.at("coordinates").at(0).get<double>() == Approx(place.lon).margin(1e-5));
            CHECK(g.at("coordinates").at(1).get<double>() == Approx(place.lat).margin(1e-5));
        }
        CHECK(features[0].at("properties").at("place").at("type") == "city");
    }
    SECTION("a not_place mention has no place and no geometry, even when a candidate was found") {
        CHECK(features[2].at("properties").at("place").is_null());
        CHECK(features[2].at("geometry").is_null());
    }
    SECTION("an unresolved mention has no place and no geometry") {
        CHECK(features[3].at("properties").at("place").is_null());
        CHECK(features[3].at("geometry").is_null());
    }
}

TEST_CASE("to_geojson of an article's mentions keeps its non-ASCII text", "[parse][geojson]") {
    Gaz g;
    const std::string article = "Обстріл: Київ and Kherson.";
    const auto doc = frontmap::parse::to_geojson(frontmap::parse::Parser(g.gazetteer).parse(article));
    const auto round_trip = nlohmann::json::parse(doc.dump());
    REQUIRE(round_trip.at("features").size() == 2);
    CHECK(round_trip.at("features")[0].at("properties").at("text") == "Київ");
    const size_t start = round_trip.at("features")[0].at("properties").at("start");
    CHECK(start == article.find("Київ"));
}

TEST_CASE_METHOD(Parsing, "recognize: 'do', 'da' and 'del' join a name, and the parts of one the gazetteer lacks name no place", "[parse][recognize]") {
    const auto mentions = parser.parse("Floods hit Santa Cruz do Sul and Eldorado do Sul on Monday.");
    REQUIRE(mention_of(mentions, "Santa Cruz do Sul"));
    CHECK(place_of(mentions, "Santa Cruz do Sul").id == frontmap::test::ids::santa_cruz_do_sul);
    // Not a town 700 km away called Eldorado, nor a German village called Sul.
    CHECK_FALSE(mention_of(mentions, "Eldorado"));
    CHECK_FALSE(mention_of(mentions, "Sul"));
    CHECK_FALSE(mention_of(mentions, "Sul", 1));
}

TEST_CASE("recognize: a lower-case word hyphened into a name joins it", "[parse][recognize]") {
    Gaz g;
    const auto mentions = frontmap::parse::recognize("Drones struck a refinery near Slavyansk-na-Kubani overnight.", g.gazetteer);
    CHECK(found(mentions, "Slavyansk-na-Kubani").key == frontmap::text::name_key("Slavyansk-na-Kubani"));
}

// ---- places the gazetteer lacks, located by the article ---------------------------------------

TEST_CASE_METHOD(Parsing, "described: a village the gazetteer lacks is put where its apposition says, offset from the known town", "[parse][described]") {
    const auto mentions = parser.parse("Ukraine said its troops had retaken Robotyne, a farming village about 20 km north of Kherson.");
    const auto robotyne = mention_of(mentions, "Robotyne");
    REQUIRE(robotyne);
    REQUIRE(robotyne->place);
    CHECK(robotyne->role == Role::Location);
    CHECK(robotyne->place->feature_code == frontmap::gazetteer::kDescribedFeature);
    CHECK(robotyne->place->country == "UA");
    // 20 km due north: 0.18 degrees of latitude, the same longitude.
    CHECK(robotyne->place->lat == Approx(46.65581 + 0.18).margin(0.01));
    CHECK(robotyne->place->lon == Approx(32.6178).margin(0.001));
}

TEST_CASE("described: a distance that ends the text or is no number places nothing far away", "[parse][described]") {
    // Found by fuzz_article: "N km" as the last words read past the words (seen under ASan), and
    // a run of digits too long for a double escaped as std::out_of_range.
    Gaz g;
    frontmap::parse::Parser parser(g.gazetteer);
    for (const std::string& text : std::vector<std::string>{"Ukraine said its troops had retaken Robotyne, a farming village about 20 km",
                                                            "Ukraine said its troops had retaken Robotyne, a farming village " + std::string(400, '9') +
                                                                " km north of Kherson."}) {
        INFO(text.substr(0, 80));
        std::vector<frontmap::parse::Mention> mentions;
        REQUIRE_NOTHROW(mentions = parser.parse(text));
        const auto robotyne = mention_of(mentions, "Robotyne");
        if (robotyne && robotyne->place) {  // at most "north of Kherson", never a number of km away
            CHECK(robotyne->place->lat == Approx(46.65581).margin(0.5));
            CHECK(robotyne->place->lon == Approx(32.6178).margin(0.5));
        }
    }
}

TEST_CASE_METHOD(Parsing, "described: 'the village of X, opposite Y' puts X at Y, and every later mention of X too", "[parse][described]") {
    const auto mentions = parser.parse("Debris was found near the village of Plauru, opposite Kherson. Police in Plauru said no one was hurt.");
    REQUIRE(mention_of(mentions, "Plauru"));
    CHECK(found(mentions, "Plauru", 1).place->lat == Approx(46.65581).margin(0.001));
    // Still in text order.
    CHECK(std::is_sorted(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) { return a.start < b.start; }));
}

TEST_CASE_METHOD(Parsing, "described: every name of 'the villages of A, B and C near Y' is put at Y", "[parse][described]") {
    const auto mentions = parser.parse("Troops took the villages of Qwertovo, Zorianivka and Lysivka Persha near Kherson on Friday.");
    for (const char* name : {"Qwertovo", "Zorianivka", "Lysivka Persha"}) {
        INFO(name);
        REQUIRE(mention_of(mentions, name));
        CHECK(place_of(mentions, name).lat == Approx(46.65581).margin(0.001));
    }
    // A capitalised word after the name that does not go on with a list is no member of it.
    CHECK_FALSE(mention_of(parser.parse("Troops took the villages of Qwertovo near Kherson, Romanian officials said."), "Romanian"));
    // "the village of": one name, whatever follows it.
    CHECK_FALSE(mention_of(parser.parse("Troops took the village of Qwertovo, Zorianivka said, near Kherson."), "Zorianivka"));
}

TEST_CASE_METHOD(Parsing, "described: a town put near a known place is there, not at a namesake far away", "[parse][described]") {
    // The fixture's only Austin is in Texas; the article puts its village beside Kherson.
    const auto near = parser.parse("Troops fell back to the village of Austin, near Kherson. Austin was shelled on Friday.");
    for (int nth : {0, 1}) {
        INFO(nth);
        CHECK(found(near, "Austin", nth).place->lat == Approx(46.65581).margin(0.001));
        CHECK(mention_of(near, "Austin", nth)->place->country == "UA");
    }
    // A bearing with no distance leaves a place anywhere over hundreds of km: the gazetteer's stands.
    CHECK(place_of(parser.parse("Troops reached the town of Austin, south-east of Kherson."), "Austin").country == "US");
}

TEST_CASE_METHOD(Parsing, "described: 'N km from the town of Y' with no bearing puts the name at Y", "[parse][described]") {
    const auto mentions = parser.parse("A strike hit a house in Qwertovo, about 15 kilometers (9 miles) from the southern port town of Kherson.");
    REQUIRE(mention_of(mentions, "Qwertovo"));
    CHECK(place_of(mentions, "Qwertovo").lat == Approx(46.65581).margin(0.001));
}

TEST_CASE_METHOD(Parsing, "described: a district of a town is in that town, not at a namesake abroad", "[parse][described]") {
    for (const char* text : {"Troops withdrew from the Austin district of Kherson on Thursday.", "Shells hit Kherson's Austin district on Thursday.",
                             "Fighting reached Kherson. Troops later pulled out of the Austin district, east of the canal."}) {
        INFO(text);
        CHECK(place_of(parser.parse(text), "Austin").country == "UA");
    }
    // A district named for a town of the story's own country may be a district of its own.
    CHECK(place_of(parser.parse("Fighting reached Kherson. Strikes later hit the Dnipro district."), "Dnipro").id == frontmap::test::ids::dnipro_city);
}

TEST_CASE_METHOD(Parsing, "described: a later sentence that says where a name lies places its earlier mentions", "[parse][described]") {
    const auto mentions = parser.parse("Rebels took Zamzam on Sunday. Zamzam lies about 15 km south of Kherson.");
    CHECK(place_of(mentions, "Zamzam").lat == Approx(46.65581 - 0.135).margin(0.01));
}

TEST_CASE_METHOD(Parsing, "described: no cue, another sentence's place or a town after 'in' locates no unknown name", "[parse][described]") {
    // A person's name set off by commas, speaking in a town, is not placed there.
    CHECK_FALSE(mention_of(parser.parse("Sergei Shoigu, speaking in Kherson, said the attack failed."), "Sergei Shoigu"));
    // The description must be in the name's own sentence.
    CHECK_FALSE(mention_of(parser.parse("Fighting went on around the village of Klishchiivka. Officials near Kherson said so."), "Klishchiivka"));
    // Past a comma, a place deep in the next phrase is where someone speaks, not where the name lies.
    CHECK_FALSE(mention_of(parser.parse("Troops captured the village of Qwertovo on Friday, the defence ministry in Kherson said."), "Qwertovo"));
    CHECK(mention_of(parser.parse("Troops captured the village of Qwertovo, just outside Kherson, on Friday."), "Qwertovo"));
    CHECK_FALSE(mention_of(parser.parse("Troops captured the village of Qwertovo on Friday, officials in Kherson said."), "Qwertovo"));
    // "The town lies ..." describes a town named before; "The" is no name.
    CHECK_FALSE(mention_of(parser.parse("Soledar fell. The town lies 10 km north-east of Kherson."), "The"));
}

TEST_CASE_METHOD(Parsing, "described: a named hospital, dam or airport is a site, placed by 'in' or 'at' the town it is in", "[parse][described]") {
    const auto hospital = parser.parse("Missiles hit the Okhmatdyt children's hospital in Kherson on Monday.");
    CHECK(found(hospital, "Okhmatdyt").place->type == frontmap::gazetteer::PlaceType::Infrastructure);
    CHECK(place_of(hospital, "Okhmatdyt").lat == Approx(46.65581).margin(0.001));
    const auto airport = parser.parse("Troops moved into forests near the Qwerty airport at Kherson.");
    CHECK(found(airport, "Qwerty").place->type == frontmap::gazetteer::PlaceType::Infrastructure);
    // "Kherson's Qwerty hospital": the site is in the town that owns it.
    const auto owned = parser.parse("Missiles hit Kherson's Qwerty children's hospital on Monday.");
    REQUIRE(mention_of(owned, "Qwerty"));
    CHECK(place_of(owned, "Qwerty").lat == Approx(46.65581).margin(0.001));
    // A village stays a village; a word that is not a site's is no part of its name.
    CHECK(mention_of(parser.parse("Shelling hit Plauru village near Kherson."), "Plauru")->place->type == frontmap::gazetteer::PlaceType::Village);
    CHECK_FALSE(mention_of(parser.parse("Soldiers also entered villages near Kherson."), "Soldiers"));
    CHECK_FALSE(mention_of(parser.parse("Overnight a railway bridge near Kherson gave way."), "Overnight"));
    // An organisation that runs the site is no place.
    CHECK_FALSE(mention_of(parser.parse("Shelling hit a Doctors Without Borders hospital near Kherson."), "Doctors Without Borders"));
}

TEST_CASE_METHOD(Parsing, "described: 'the city' is the largest of the towns just named, 'the town' the last", "[parse][described]") {
    const auto city = parser.parse("Shells fell on Kyiv and later on Kherson. A drone hit Plauru, a village 20 km east of the city.");
    CHECK(found(city, "Plauru").place->lat == Approx(50.45466).margin(0.01));
    const auto town = parser.parse("Shells fell on Kyiv and later on Kherson. A drone hit Plauru, a village 20 km east of the town.");
    CHECK(found(town, "Plauru").place->lat == Approx(46.65581).margin(0.01));
}

TEST_CASE_METHOD(Parsing, "described: 'on the western edge of the city' and 'another camp on the edge of X' put the name at that place", "[parse][described]") {
    const auto edge = parser.parse("Shells fell on Kherson. Shells struck camps at Plauru, on the western edge of the city, on Friday.");
    CHECK(place_of(edge, "Plauru").lat == Approx(46.65581).margin(0.001));
    const auto another = parser.parse("Gunmen overran a clinic in Zamzam. Abu Shouk, another camp on the northern edge of Kherson, was shelled.");
    CHECK(place_of(another, "Abu Shouk").lon == Approx(32.6178).margin(0.001));
}

TEST_CASE_METHOD(Parsing, "described: 'N km to the south-west' with no 'of' is offset from the town just named", "[parse][described]") {
    const auto mentions = parser.parse("The army retook Kherson on Monday. In July it took Plauru, about 20 km to the north, after heavy fighting.");
    CHECK(place_of(mentions, "Plauru").lat == Approx(46.65581 + 0.18).margin(0.01));
}

TEST_CASE_METHOD(Parsing, "parse: in a sports story a place's name that plays is its team, there and later", "[parse][teams]") {
    const std::string story =
        "Paris beat Birmingham 2-1 on Saturday to stay top of the league. Birmingham scored first from a penalty, but "
        "two goals after half-time won it, and the coach said the season was not over. Paris, who play in Paris, "
        "host Austin next week, before the Birmingham Games.";
    const auto mentions = parser.parse(story);
    CHECK(mention_of(mentions, "Paris", 0)->role == Role::Metonym);
    CHECK(mention_of(mentions, "Birmingham", 0)->role == Role::Metonym);
    CHECK(mention_of(mentions, "Birmingham", 1)->role == Role::Metonym);
    CHECK(mention_of(mentions, "Paris", 1)->role == Role::Metonym);
    CHECK(mention_of(mentions, "Austin", 0)->role == Role::Metonym);
    // Where the team plays is a place.
    CHECK(mention_of(mentions, "Paris", 2)->role == Role::Location);
}

TEST_CASE_METHOD(Parsing, "parse: outside a sports story the same words leave places alone", "[parse][teams]") {
    // A vote's tally and 'beat' are no match report without the words of one.
    const auto mentions = parser.parse("Crowds in Paris cheered a 52-48 vote on Saturday. Storms beat Birmingham overnight.");
    CHECK(mention_of(mentions, "Paris")->role == Role::Location);
    CHECK(mention_of(mentions, "Birmingham")->role == Role::Location);
}
