#pragma once
// The geoparsing literature's figures for one labelled corpus: recognition precision, recall
// and F1, and for resolution the accuracy within 161 km, error in km and the AUC of log error.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace frontmap::eval {

struct GoldToponym {
    size_t start = 0, end = 0;
    std::string name;
    double lat = 0, lon = 0;
    std::string type;  // parse schema type
    std::string role;  // location | metonym | not_place
};

struct Predicted {
    size_t start = 0, end = 0;
    std::string text;
    std::string role;
    bool located = false;
    double lat = 0, lon = 0;
};

// An event as labelled, or as predicted: what the event figures compare.
struct EventRecord {
    std::string type;
    double lat = 0, lon = 0;
    std::optional<long long> killed, wounded, places;
    bool claimed = false;  // claimed_by given
    bool denied = false;   // denied_by given
    size_t evidence_start = 0, evidence_end = 0;
    std::string where;     // the place name, for the misses report
    std::string side;      // "" when not labelled or not found
};

struct Article {
    std::string id;
    std::string text;
    std::vector<GoldToponym> gold;
    std::string date;      // YYYY-MM-DD
    std::string split = "dev";  // "dev" or "heldout"
    // "conflict" (events labelled) or "general" (world, national and local news: places only)
    std::string topic = "conflict";
    std::vector<EventRecord> events;
};

// One line of the --misses report.
struct Miss {
    std::string article;
    // "missed", "spurious", "far", "metonym drawn", "location hidden", "not place drawn" (toponyms); "event missed", "event spurious", "event count"
    // (a matched event's tally differs), "event claim" and "event denial" (a matched event's
    // claimant or denial not found), "event side" (a matched event's side differs)
    std::string kind;
    std::string text;
    std::string context;
    double error_km = 0;
};

struct Scores {
    size_t articles = 0;
    size_t gold = 0;       // gold toponyms (location and metonym)
    size_t predicted = 0;  // predicted mentions that claim a place (not not_place)
    size_t found = 0;      // gold toponyms overlapped by a prediction
    size_t correct_predictions = 0;  // predictions overlapping a gold toponym
    size_t resolved = 0;   // found toponyms with an error measured
    size_t within_161 = 0;
    size_t points = 0;     // found city, village and infrastructure toponyms
    size_t points_within_25 = 0;
    double error_sum_km = 0;
    std::vector<double> errors_km;
    double auc_sum = 0;
    size_t metonyms_drawn = 0;    // gold metonyms predicted as locations
    size_t locations_hidden = 0;  // gold locations predicted as metonyms (left off the map)
    size_t not_places_drawn = 0;  // gold not_place names predicted as locations
    std::vector<Miss> misses;

    [[nodiscard]] double precision() const;
    [[nodiscard]] double recall() const;
    [[nodiscard]] double f1() const;
    [[nodiscard]] double accuracy_161() const;             // over found toponyms
    [[nodiscard]] double accuracy_161_end_to_end() const;  // misses count as wrong
    [[nodiscard]] double accuracy_25_points() const;
    [[nodiscard]] double mean_error_km() const;
    [[nodiscard]] double median_error_km() const;
    [[nodiscard]] double auc() const;  // mean ln(1 + error) / ln(20039): 0 perfect, 1 worst
};

// The event figures: an event matches a labelled one of the same type within 50 km (typed), or of
// any type (place only); each labelled event matches at most one prediction.
struct EventScores {
    size_t articles = 0;
    size_t gold = 0, predicted = 0;
    size_t typed_matches = 0, place_matches = 0;
    size_t counts = 0, counts_exact = 0;          // killed/wounded/places stated by either side of a typed match
    size_t claims_labelled = 0, claims_given = 0;  // typed matches whose gold names a claimant
    size_t denials_labelled = 0, denials_found = 0;
    size_t sides_labelled = 0, sides_right = 0;    // typed matches whose gold names a side
    std::map<std::string, std::array<size_t, 2>> per_type;  // type -> {labelled, found}
    std::vector<Miss> misses;

    [[nodiscard]] double precision() const;
    [[nodiscard]] double recall() const;
    [[nodiscard]] double f1() const;
    [[nodiscard]] double place_f1() const;
    [[nodiscard]] double counts_exact_share() const;
    [[nodiscard]] double claims_share() const;
    [[nodiscard]] double denials_share() const;
    [[nodiscard]] double sides_share() const;
};

void score_events(const Article& article, const std::vector<EventRecord>& predicted, EventScores& scores);

// Adds one article's predictions to the scores.
void score_article(const Article& article, const std::vector<Predicted>& predicted, Scores& scores);

// Reads a JSONL corpus, checking every record: offsets span their name, coordinates are in
// range, types and roles are known. Throws InputError naming the line.
std::vector<Article> read_corpus(const std::string& jsonl, const std::string& origin);

}  // namespace frontmap::eval
