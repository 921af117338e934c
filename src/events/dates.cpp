// Dates a sentence gives ("on Friday", "February 24", "in May", "late summer", "last week"),
// resolved against the article's date, and the date line of a wire story.
#include "events/detail.hpp"

#include <array>
#include <charconv>
#include <regex>

namespace frontmap::events {

namespace {

using namespace std::chrono;

constexpr std::array<std::string_view, 7> kWeekdays = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
constexpr std::array<std::string_view, 12> kMonths = {"january", "february", "march", "april", "may", "june",
                                                       "july", "august", "september", "october", "november", "december"};

int month_index(std::string_view w) {
    for (size_t m = 0; m < kMonths.size(); ++m) {
        // Full names, and the AP abbreviations of at least three letters ("Oct", "Sept").
        if (w == kMonths[m] || (w.size() >= 3 && w.size() <= 4 && kMonths[m].substr(0, w.size()) == w && w != "mar" && w != "jun"))
            return static_cast<int>(m) + 1;
    }
    return 0;
}

int small_int(std::string_view w, int low, int high) {
    int v = 0;
    const auto* end = w.data() + w.size();
    const auto [ptr, ec] = std::from_chars(w.data(), end, v);
    // "24th", "1st": ordinal endings are fine.
    if (ec != std::errc() || (ptr != end && !(end - ptr == 2 && std::isalpha(static_cast<unsigned char>(*ptr))))) return 0;
    return v >= low && v <= high ? v : 0;
}

// The latest date on or before `ref` with this month and day.
std::optional<Date> latest(unsigned month, unsigned day, const Date& ref) {
    Date d{ref.year(), std::chrono::month{month}, std::chrono::day{day}};
    if (sys_days(d) > sys_days(ref)) d = Date{ref.year() - years{1}, std::chrono::month{month}, std::chrono::day{day}};
    if (!d.ok()) return std::nullopt;
    return d;
}

}  // namespace

namespace detail {

namespace {

std::optional<DateMention> month_date(const Sentence& s, size_t i, std::optional<Date> ref) {
    const int month = month_index(s.words[i].lower);
    if (!month || (s.words[i].lower == "may" && !s.words[i].capitalised)) return std::nullopt;
    int day = i + 1 < s.words.size() ? small_int(s.words[i + 1].lower, 1, 31) : 0;
    if (!day && i > 0) day = small_int(s.words[i - 1].lower, 1, 31);  // "24 February"
    const size_t year_at = i + (day && i + 1 < s.words.size() && small_int(s.words[i + 1].lower, 1, 31) ? 2 : 1);
    const int year = year_at < s.words.size() ? small_int(s.words[year_at].lower, 1900, 2100) : 0;
    const unsigned d = day ? static_cast<unsigned>(day) : 1U;
    std::optional<Date> date;
    if (year)
        date = Date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)}, std::chrono::day{d}};
    else if (ref)
        date = latest(static_cast<unsigned>(month), d, *ref);
    if (!date || !date->ok()) return std::nullopt;
    return DateMention{*date, day ? 1 : 3, i, false};
}

std::optional<DateMention> weekday_date(const Sentence& s, size_t i, std::optional<Date> ref) {
    if (!ref) return std::nullopt;
    for (unsigned wd = 0; wd < kWeekdays.size(); ++wd)
        if (s.words[i].lower == kWeekdays[wd]) {
            const sys_days r{*ref};
            const unsigned today = weekday{r}.c_encoding();
            return DateMention{Date{r - days{(today + 7 - wd) % 7}}, 1, i, false};
        }
    return std::nullopt;
}

std::optional<DateMention> relative_date(const Sentence& s, size_t i, std::optional<Date> ref, const Lexicon& lex, size_t& length) {
    if (!ref) return std::nullopt;
    const sys_days r{*ref};
    if (const auto m = lex.date_words.match(s.words, i); m.length) {
        length = m.length;
        return DateMention{Date{r + days{*m.value}}, 1, i, false};
    }
    if (const auto m = lex.week_words.match(s.words, i); m.length) {
        length = m.length;
        const bool last = s.words[i].lower == "last";
        return DateMention{Date{r - days{last ? 7 : 0}}, 2, i, false};
    }
    if (const auto m = lex.month_words.match(s.words, i); m.length) {
        length = m.length;
        const bool last = s.words[i].lower == "last" || (s.words[i].lower == "late" && s.words[i + m.length - 1].lower == "month");
        const Date first{ref->year(), ref->month(), std::chrono::day{1}};
        return DateMention{last ? Date{sys_days(first) - days{1}} : first, 3, i, false};
    }
    const auto it = lex.season_words.find(s.words[i].lower);
    // "in the late summer", not "to fall to".
    if (it != lex.season_words.end() && i > 0 && lex.season_cues.match(s.words, i - 1).length) {
        const auto d = latest(it->second, 1, *ref);
        if (d) return DateMention{*d, 3, i, false};
    }
    return std::nullopt;
}

// "in 2021": a bare year, taken as vague.
std::optional<DateMention> year_date(const Sentence& s, size_t i) {
    if (i == 0 || (s.words[i - 1].lower != "in" && s.words[i - 1].lower != "since")) return std::nullopt;
    const int year = small_int(s.words[i].lower, 1900, 2100);
    if (!year) return std::nullopt;
    return DateMention{Date{std::chrono::year{year}, std::chrono::January, std::chrono::day{1}}, 3, i, false, true};
}

bool after_since(const Sentence& s, size_t i, const Lexicon& lex) {
    for (size_t back = 1; back <= 3 && back <= i; ++back)
        if (lex.since_words.match(s.words, i - back).length) return true;
    return false;
}

}  // namespace

std::vector<DateMention> find_dates(const Sentence& s, std::optional<Date> ref, const Lexicon& lex) {
    std::vector<DateMention> out;
    for (size_t i = 0; i < s.words.size(); ++i) {
        if (s.words[i].inside >= 0) continue;
        size_t length = 1;
        auto d = month_date(s, i, ref);
        if (!d) d = weekday_date(s, i, ref);
        if (!d) d = relative_date(s, i, ref, lex, length);
        if (!d) d = year_date(s, i);
        if (!d) continue;
        d->since = after_since(s, i, lex);
        out.push_back(*d);
        i += length - 1;
    }
    return out;
}

}  // namespace detail

std::optional<Date> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const int y = small_int(text.substr(0, 4), 1, 9999), m = small_int(text.substr(5, 2), 1, 12), d = small_int(text.substr(8, 2), 1, 31);
    if (!y || !m || !d) return std::nullopt;
    const Date date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)}, std::chrono::day{static_cast<unsigned>(d)}};
    return date.ok() ? std::optional(date) : std::nullopt;
}

std::optional<Date> find_article_date(std::string_view text) {
    // Only the opening lines: a date further down is the date of something reported.
    const std::string head(text.substr(0, 300));
    static const std::regex iso(R"(\b(\d{4}-\d{2}-\d{2})\b)");
    static const std::regex written(R"(\b([A-Z][a-z]{2,8})\.? (\d{1,2}),? (\d{4})\b|\b(\d{1,2}) ([A-Z][a-z]{2,8}) (\d{4})\b)");
    std::smatch m;
    if (std::regex_search(head, m, iso)) return parse_iso_date(m.str(1));
    if (!std::regex_search(head, m, written)) return std::nullopt;
    const bool month_first = m[1].matched;
    std::string month_name = month_first ? m.str(1) : m.str(5);
    for (auto& c : month_name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const int month = month_index(month_name);
    const int day = small_int(month_first ? m.str(2) : m.str(4), 1, 31);
    const int year = small_int(month_first ? m.str(3) : m.str(6), 1900, 2100);
    if (!month || !day || !year) return std::nullopt;
    const Date d{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)}, std::chrono::day{static_cast<unsigned>(day)}};
    return d.ok() ? std::optional(d) : std::nullopt;
}

}  // namespace frontmap::events
