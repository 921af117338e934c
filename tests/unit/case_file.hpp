#pragma once
// Reading the one-case-a-file tests (tests/parse/cases, tests/events/cases): "key: value" lines,
// with blank lines and '#' comments skipped, and values of several fields split at '|'; and the
// runners' common main.
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace frontmap::test {

inline std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(' ');
    const auto last = s.find_last_not_of(' ');
    return first == std::string::npos ? "" : s.substr(first, last - first + 1);
}

// "Kherson | location | 706448": the fields, each trimmed.
inline std::vector<std::string> split_fields(const std::string& value) {
    std::vector<std::string> out;
    std::stringstream in(value);
    for (std::string f; std::getline(in, f, '|');) out.push_back(trimmed(f));
    return out;
}

// Calls on_line(key, value) for each "key: value" line of the file, the value trimmed; throws
// std::runtime_error for a file it cannot read or a line that is no such pair.
inline void read_case_lines(const std::filesystem::path& file, const std::function<void(const std::string&, const std::string&)>& on_line) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot read " + file.string());
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        const auto colon = line.find(':');
        if (colon == std::string::npos) throw std::runtime_error("not a 'key: value' line: " + line);
        on_line(line.substr(0, colon), trimmed(line.substr(colon + 1)));
    }
}

// A case runner's main: `check(file)` gives what differed (nothing when the case holds) or throws
// for a case it cannot read. Prints "ok: CASE" and returns 0, or each difference and 1; 2 for a
// wrong call or a malformed case.
inline int run_case(int argc, char** argv, const std::string& runner,
                    const std::function<std::vector<std::string>(const std::filesystem::path&)>& check) {
    if (argc != 2) {
        std::cerr << "usage: " << runner << " CASE\n";
        return 2;
    }
    const std::filesystem::path file = argv[1];
    const std::string name = file.filename().string();
    try {
        const auto problems = check(file);
        for (const auto& p : problems) std::cout << name << ": " << p << "\n";
        if (!problems.empty()) return 1;
    } catch (const std::exception& e) {
        std::cerr << name << ": " << e.what() << "\n";
        return 2;
    }
    std::cout << "ok: " << name << "\n";
    return 0;
}

}  // namespace frontmap::test
