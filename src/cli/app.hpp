#pragma once
// The command line as a function, so tests drive it in process and main() stays one line.
#include <iosfwd>
#include <string>
#include <vector>

namespace frontmap::cli {

// Runs `frontmap` with `args` (without the program name). Returns the exit code: 0 success,
// 1 failure, 2 usage. Errors go to `err` as "frontmap: error: <what>: <why>".
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace frontmap::cli
