// Dates a sentence gives ("on Friday", "February 24", "in May", "late summer", "last week"),
// resolved against the article's date, and the date line of a wire story.
#include "events/detail.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include "parse/tokens.hpp"

#include <cctype>

namespace frontmap::events {

namespace {

using namespace std::chrono;

constexpr std::array<std::string_view, 7> kWeekdays = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
constexpr std::array<std::string_view, 12> kMonths = {"january", "february", "march", "april", "may", "june",
                                                       "july", "august", "september", "october", "november", "december"};

int month_index(std::string_view w) {
    // Most words are no month: turned away by length and first letter before twelve comparisons.
    if (w.size() < 3 || w.size() > 9 || std::string_view("jfmasond").find(w.front()) == std::string_view::npos) return 0;
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
    if (ec != std::errc() || (ptr != end && !(end - ptr == 2 && (std::isalpha(static_cast<unsigned char>(*ptr)) != 0)))) return 0;
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
    if ((month == 0) || (s.words[i].lower == "may" && !s.words[i].capitalised)) return std::nullopt;
    int day = i + 1 < s.words.size() ? small_int(s.words[i + 1].lower, 1, 31) : 0;
    if ((day == 0) && i > 0) day = small_int(s.words[i - 1].lower, 1, 31);  // "24 February"
    const size_t year_at = i + ((day != 0) && i + 1 < s.words.size() && (small_int(s.words[i + 1].lower, 1, 31) != 0) ? 2 : 1);
    const int year = year_at < s.words.size() ? small_int(s.words[year_at].lower, 1900, 2100) : 0;
    const unsigned d = day != 0 ? static_cast<unsigned>(day) : 1U;
    std::optional<Date> date;
    if (year != 0)
        date = Date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)}, std::chrono::day{d}};
    else if (ref)
        date = latest(static_cast<unsigned>(month), d, *ref);
    if (!date || !date->ok()) return std::nullopt;
    return DateMention{*date, day != 0 ? 1 : 3, i, false};
}

std::optional<DateMention> weekday_date(const Sentence& s, size_t i, std::optional<Date> ref) {
    const std::string_view w = s.words[i].lower;
    if (!ref || w.size() < 6 || !w.ends_with("day")) return std::nullopt;
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
    const auto season = lex.season_words.match(s.words, i);
    // "in the late summer", not "to fall to"; "the fall of 2023", not "the fall of Bukavu".
    const bool of_name = i + 2 < s.words.size() && s.words[i + 1].lower == "of" && (std::isdigit(static_cast<unsigned char>(s.words[i + 2].lower[0])) == 0);
    if (season && i > 0 && !of_name && lex.season_cues.match(s.words, i - 1)) {
        const auto d = latest(*season.value, 1, *ref);
        if (d) return DateMention{*d, 3, i, false};
    }
    return std::nullopt;
}

DateMention year_mention(int year, size_t i) { return DateMention{Date{std::chrono::year{year}, std::chrono::January, std::chrono::day{1}}, 3, i, false, true}; }

// "in 2021", "the 1994 genocide", "last year": a year, taken as vague.
std::optional<DateMention> year_date(const Sentence& s, size_t i, std::optional<Date> ref, const Lexicon& lex, size_t& length) {
    if (const auto m = lex.year_words.match(s.words, i); m && ref) {
        length = m.length;
        return year_mention(static_cast<int>(ref->year()) + *m.value, i);
    }
    // "the six-week war of 2020.": after "of", only a year that ends its clause, not "of 2000 soldiers".
    const bool of_year = i > 0 && lex.closing_year_openers.match(s.words, i - 1) &&
                         (i + 1 == s.words.size() || s.words[i].comma_after || s.words[i].stop_after);
    if (i == 0 || !(of_year || lex.year_openers.match(s.words, i - 1))) return std::nullopt;
    const int year = small_int(s.words[i].lower, 1900, 2100);
    if (year == 0) return std::nullopt;
    return year_mention(year, i);
}

bool after_since(const Sentence& s, size_t i, const Lexicon& lex) {
    for (size_t back = 1; back <= 3 && back <= i; ++back)
        if (lex.since_words.match(s.words, i - back)) return true;
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
        if (!d) d = year_date(s, i, ref, lex, length);
        if (!d) continue;
        d->since = after_since(s, i, lex);
        // "seized Kupiansk in the first days of the 2022 invasion and retook it that September": a
        // month pointed back at is in the year the sentence named before it.
        const auto named_year = std::find_if(out.rbegin(), out.rend(), [](const DateMention& m) { return m.year_only; });
        if (i > 0 && lex.time_back_references.match(s.words, i - 1) && named_year != out.rend() && !d->year_only)
            d->date = Date{named_year->date.year(), d->date.month(), d->date.day()};
        out.push_back(*d);
        i += length - 1;
    }
    return out;
}

bool is_month_name(std::string_view lower) { return month_index(lower) != 0; }

}  // namespace detail

std::optional<Date> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const int y = small_int(text.substr(0, 4), 1, 9999);
    const int m = small_int(text.substr(5, 2), 1, 12);
    const int d = small_int(text.substr(8, 2), 1, 31);
    if ((y == 0) || (m == 0) || (d == 0)) return std::nullopt;
    const Date date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)}, std::chrono::day{static_cast<unsigned>(d)}};
    return date.ok() ? std::optional(date) : std::nullopt;
}

namespace {

std::optional<Date> iso_in(std::string_view head) {
    for (size_t i = 0; i + 10 <= head.size(); ++i) {
        const bool boundary = (i == 0 || (std::isdigit(static_cast<unsigned char>(head[i - 1])) == 0)) &&
                              (i + 10 == head.size() || (std::isdigit(static_cast<unsigned char>(head[i + 10])) == 0));
        if (boundary && head[i + 4] == '-' && head[i + 7] == '-')
            if (const auto d = parse_iso_date(head.substr(i, 10))) return d;
    }
    return std::nullopt;
}

std::optional<Date> make_date(int year, int month, int day) {
    if ((year == 0) || (month == 0) || (day == 0)) return std::nullopt;
    const Date d{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)}, std::chrono::day{static_cast<unsigned>(day)}};
    return d.ok() ? std::optional(d) : std::nullopt;
}

// "Oct. 21, 2022" or "21 October 2022" among the words of the opening lines.
std::optional<Date> written_in(std::string_view head) {
    const auto tokens = parse::tokenize(head);
    std::vector<std::string> w;
    for (const auto& t : tokens) {
        std::string lower = t.text;
        for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        w.push_back(std::move(lower));
    }
    for (size_t i = 0; i + 2 < w.size(); ++i) {
        if (!tokens[i].capitalised && !tokens[i + 1].capitalised) continue;
        if (const int month = month_index(w[i]); (month != 0) && tokens[i].capitalised)
            if (const auto d = make_date(small_int(w[i + 2], 1900, 2100), month, small_int(w[i + 1], 1, 31))) return d;
        if (const int month = month_index(w[i + 1]); (month != 0) && tokens[i + 1].capitalised)
            if (const auto d = make_date(small_int(w[i + 2], 1900, 2100), month, small_int(w[i], 1, 31))) return d;
    }
    return std::nullopt;
}

}  // namespace

std::optional<Date> find_article_date(std::string_view text) {
    // Only the opening lines: a date further down is the date of something reported.
    std::string_view head = text.substr(0, 300);
    while (!head.empty() && (static_cast<unsigned char>(head.back()) & 0xC0) == 0x80) head.remove_suffix(1);
    if (const auto d = iso_in(head)) return d;
    return written_in(head);
}

}  // namespace frontmap::events
