#pragma once
// The geoparsing literature's figures for one labelled corpus: recognition precision, recall
// and F1, and for resolution the accuracy within 161 km, error in km and the AUC of log error.
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

struct Article {
    std::string id;
    std::string text;
    std::vector<GoldToponym> gold;
};

// One line of the --misses report.
struct Miss {
    std::string article;
    std::string kind;  // "missed", "spurious", "far"
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
    size_t not_places_drawn = 0;  // gold not_place names predicted as locations
    std::vector<Miss> misses;

    double precision() const;
    double recall() const;
    double f1() const;
    double accuracy_161() const;             // over found toponyms
    double accuracy_161_end_to_end() const;  // misses count as wrong
    double accuracy_25_points() const;
    double mean_error_km() const;
    double median_error_km() const;
    double auc() const;  // mean ln(1 + error) / ln(20039): 0 perfect, 1 worst
};

// Adds one article's predictions to the scores.
void score_article(const Article& article, const std::vector<Predicted>& predicted, Scores& scores);

// Reads a JSONL corpus, checking every record: offsets span their name, coordinates are in
// range, types and roles are known. Throws InputError naming the line.
std::vector<Article> read_corpus(const std::string& jsonl, const std::string& origin);

}  // namespace frontmap::eval
