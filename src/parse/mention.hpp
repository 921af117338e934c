#pragma once
#include "gazetteer/place.hpp"

#include <optional>
#include <string>

namespace frontmap::parse {

// What a place name does in its sentence. The strings are the public "role" values.
enum class Role {
    Location,  // a place where something is or happens
    Metonym,   // a place standing for a government or actor: "Washington said", "Moscow-installed"
    NotPlace,  // a name that looks like a place but is a person's or an organisation's: "Lloyd Austin"
};
const char* to_string(Role role);

// The words around a name that say what kind of place is meant.
enum class TypeCue { None, Region, River, Settlement };

// Where the words say a name acts: as the subject of a verb ("Israel on Friday ordered"), or as
// an agent ("backed by Tehran", "ties with Kigali"). Whether that makes it a metonym depends on
// what it resolves to: a country or capital acts, a village is acted upon.
// Object: a state dealt with ("accuse Rwanda", "pressure from China", "the junta in Bamako"):
// only a country or capital is one.
enum class ActorCue { None, Subject, Agent, Object };

// One occurrence of a place name in the article.
struct Mention {
    size_t start = 0;  // UTF-8 byte offsets into the article
    size_t end = 0;
    std::string text;
    std::string key;  // text::name_key(text)
    Role role = Role::Location;
    TypeCue cue = TypeCue::None;
    bool definite = false;  // "the Dnipro": an article before a name points to a river or region
    ActorCue actor = ActorCue::None;
    bool dateline = false;  // "KYIV, Ukraine -": where the reporter files from, not what happened
    // "Texas" in "Paris, Texas", "Ill." in "Springfield, Ill.": the name right after a place and a
    // comma, which may say what holds that place.
    bool after_place_comma = false;
    // "Ukraine's commander", "Moscow's gain": a possessive before anything but the land itself
    // ("Ukraine's south", "Pakistan's Punjab province"); a state's possessive is the state acting.
    bool possessive_of_affairs = false;
    std::optional<gazetteer::Place> place;  // the resolved place; empty when unresolved
    double confidence = 0.0;
};

}  // namespace frontmap::parse
