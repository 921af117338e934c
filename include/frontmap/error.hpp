#pragma once
// One exception root for the whole library, public so that a program embedding frontmap can catch
// it, with a subclass per kind of failure the CLI maps to an exit code. Every error carries "what"
// (the thing that failed) and "why" (the cause, usually the underlying library's own message),
// printed as "frontmap: error: <what>: <why>".
#include <stdexcept>
#include <string>

namespace frontmap {

class Error : public std::runtime_error {
public:
    Error(std::string what, std::string why)
        : std::runtime_error(what + ": " + why), what_(std::move(what)), why_(std::move(why)) {}
    const std::string& subject() const noexcept { return what_; }
    const std::string& reason() const noexcept { return why_; }

private:
    std::string what_;
    std::string why_;
};

// The command line was wrong: exit code 2.
class UsageError : public Error {
public:
    using Error::Error;
};

// An input file (article, scene, style) is missing or malformed.
class InputError : public Error {
public:
    using Error::Error;
};

// The gazetteer, basemap or curated data is missing, unreadable or inconsistent.
class DataError : public Error {
public:
    using Error::Error;
};

// A geospatial library (GDAL, PROJ) refused an operation.
class GeoError : public Error {
public:
    using Error::Error;
};

// Cairo or Pango failed to draw or write.
class RenderError : public Error {
public:
    using Error::Error;
};

}  // namespace frontmap
