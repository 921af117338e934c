// One parser case (tests/parse/cases/*.case): an article snippet and the mentions the parser must
// or must not find in it, checked over the unit tests' fixture gazetteer.
//   usage: parse_case CASE
// A case file holds "key: value" lines ('#' starts a comment):
//   stage:      recognize (names and roles only) or parse (also which place; the default)
//   text:       the snippet (may be repeated: the lines are joined by a space)
//   mention:    NAME[#N] | ROLE [| PLACE_ID]   the N-th (from 0) mention spelt NAME has that role
//               (location, metonym, not_place) and, when given, resolves to that place ("-" for none)
//   no mention: NAME                            no mention is spelt NAME
// Prints "ok: CASE" and exits 0, or says what differed and exits 1 (2 for a malformed case).
#include "case_file.hpp"
#include "common/text.hpp"
#include "fixtures.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer_fixture.hpp"
#include "parse/parser.hpp"

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using frontmap::parse::Mention;

namespace {

using frontmap::test::read_case_lines;
using frontmap::test::split_fields;

struct Expected {
    std::string name;
    int nth = 0;
    std::string role;
    std::optional<std::string> place;  // "" when the mention must resolve to no place
};

struct Case {
    std::string stage = "parse";
    std::string text;
    std::vector<Expected> mentions;
    std::vector<std::string> absent;
};

Expected expected_of(const std::string& value) {
    const auto f = split_fields(value);
    if (f.size() < 2 || f.size() > 3) throw std::runtime_error("a mention needs NAME | ROLE [| PLACE_ID]: " + value);
    Expected e{f[0], 0, f[1], std::nullopt};
    if (const auto hash = e.name.rfind('#'); hash != std::string::npos && hash + 1 < e.name.size()) {
        e.nth = std::stoi(e.name.substr(hash + 1));
        e.name.resize(hash);
    }
    if (f.size() == 3) e.place = f[2] == "-" ? "" : f[2];
    return e;
}

Case read_case(const fs::path& file) {
    Case c;
    read_case_lines(file, [&](const std::string& key, const std::string& value) {
        if (key == "stage") c.stage = value;
        else if (key == "text") c.text += (c.text.empty() ? "" : " ") + value;
        else if (key == "mention") c.mentions.push_back(expected_of(value));
        else if (key == "no mention") c.absent.push_back(value);
        else throw std::runtime_error("unknown key '" + key + "'");
    });
    if (c.text.empty() || (c.mentions.empty() && c.absent.empty())) throw std::runtime_error("a case needs text: and a mention: or no mention:");
    if (c.stage != "parse" && c.stage != "recognize") throw std::runtime_error("stage is parse or recognize, not " + c.stage);
    return c;
}

const Mention* nth_mention(const std::vector<Mention>& mentions, const std::string& name, int nth) {
    for (const auto& m : mentions)
        if (m.text == name && nth-- == 0) return &m;
    return nullptr;
}

// What differs between a mention found and one expected; empty when they agree.
std::string difference(const Mention* m, const Expected& e) {
    const std::string what = "'" + e.name + "'" + (e.nth ? " #" + std::to_string(e.nth) : "");
    if (!m) return what + ": not found";
    if (frontmap::parse::to_string(m->role) != e.role) return what + ": " + frontmap::parse::to_string(m->role) + ", expected " + e.role;
    if (e.place) {
        const std::string got = m->place ? m->place->id : "";
        if (got != *e.place) return what + ": place " + (got.empty() ? "none" : got) + ", expected " + (e.place->empty() ? "none" : *e.place);
    }
    if (m->place && !(m->confidence > 0.0 && m->confidence <= 1.0)) return what + ": confidence " + std::to_string(m->confidence) + " outside (0, 1]";
    return "";
}

std::vector<std::string> check(const Case& c, frontmap::gazetteer::Gazetteer& gazetteer) {
    const auto mentions = c.stage == "recognize" ? frontmap::parse::recognize(c.text, gazetteer) : frontmap::parse::Parser(gazetteer).parse(c.text);
    std::vector<std::string> problems;
    for (const auto& e : c.mentions)
        if (auto d = difference(nth_mention(mentions, e.name, e.nth), e); !d.empty()) problems.push_back(d);
    for (const auto& name : c.absent)
        if (nth_mention(mentions, name, 0)) problems.push_back("'" + name + "': found, expected no mention");
    return problems;
}

}  // namespace

int main(int argc, char** argv) {
    return frontmap::test::run_case(argc, argv, "parse_case", [](const fs::path& file) {
        const Case c = read_case(file);
        const frontmap::test::TempDir dir;
        frontmap::gazetteer::Gazetteer gazetteer(frontmap::test::write_fixture_gazetteer(dir / "gazetteer.sqlite"));
        return check(c, gazetteer);
    });
}
