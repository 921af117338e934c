#include "io/files.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include "common/error.hpp"

namespace fs = std::filesystem;
using frontmap::io::AtomicFile;

namespace {

struct Folder {
    Folder() : path(fs::temp_directory_path() / ("frontmap-io-" + std::to_string(::getpid()))) { fs::create_directories(path); }
    ~Folder() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    fs::path path;
};

}  // namespace

TEST_CASE("a temporary file's name fits beside any legal name and is never taken for the output", "[io][files]") {
    const std::string longest(255 - 4, 'x');
    const std::string name = AtomicFile::temp_name(longest + ".png");
    CHECK(name.size() <= 255);
    CHECK(name.front() == '.');
    CHECK(name.ends_with(".tmp"));
    CHECK(AtomicFile::temp_name("map.png") != AtomicFile::temp_name("map.png"));  // two writes, two names
}

TEST_CASE("a write leaves only the finished file, and a killed writer's temporary file is removed by the next run", "[io][files]") {
    Folder dir;
    frontmap::io::write_file_atomically(dir.path / "a.svg", "<svg/>");
    size_t files = 0;
    for (const auto& e : fs::directory_iterator(dir.path)) files += e.path().filename() == "a.svg" ? 1 : 100;
    CHECK(files == 1);

    // A killed writer's file: no process holds its lock, and it is not brand new.
    const auto an_hour_ago = fs::file_time_type::clock::now() - std::chrono::hours(1);
    const fs::path stale = dir.path / ".b.png.4242-0.tmp";
    const fs::path newborn = dir.path / ".c.png.4243-0.tmp";
    const fs::path unrelated = dir.path / ".notes.tmp";
    for (const auto& p : {stale, newborn, unrelated}) std::ofstream(p) << "half";
    fs::last_write_time(stale, an_hour_ago);
    fs::last_write_time(unrelated, an_hour_ago);
    // A writer still at work holds its lock, however old its file.
    AtomicFile writing(dir.path / "d.png");
    writing.write("half");
    fs::last_write_time(writing.temp_path(), an_hour_ago);

    CHECK(frontmap::io::remove_stale_temp_files(dir.path) == 1);
    CHECK_FALSE(fs::exists(stale));
    CHECK(fs::exists(newborn));              // its writer may not have locked it yet
    CHECK(fs::exists(writing.temp_path()));  // locked
    CHECK(fs::exists(unrelated));            // not one of ours
    writing.commit();
    CHECK(fs::file_size(dir.path / "d.png") == 4);
}

// A writer ended by a signal while its temporary file is open: the handler the command installs
// removes the file, and the process still ends by that signal.
TEST_CASE("SIGTERM, SIGINT and SIGHUP during a write leave no temporary file, and still end the process", "[io][files][signals]") {
    const int signal = GENERATE(SIGTERM, SIGINT, SIGHUP);
    CAPTURE(signal);
    char pattern[] = "/tmp/frontmap-signal-XXXXXX";
    REQUIRE(mkdtemp(pattern));
    const std::filesystem::path dir = pattern;
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        frontmap::io::remove_temp_files_on_signals();
        frontmap::io::AtomicFile file(dir / "map.png");
        file.write("half a map");
        std::raise(signal);
        _exit(0);  // not reached: the signal ends the process
    }
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == signal);
    size_t left = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        (void)entry;
        ++left;
    }
    CHECK(left == 0);
    std::filesystem::remove_all(dir);
}

TEST_CASE("a write through a symbolic link keeps the link, and a device is written into, not replaced", "[io][files]") {
    char pattern[] = "/tmp/frontmap-links-XXXXXX";
    REQUIRE(mkdtemp(pattern));
    const std::filesystem::path dir = pattern;
    std::filesystem::create_symlink("real.svg", dir / "link.svg");
    frontmap::io::write_file_atomically(dir / "link.svg", "<svg/>");
    CHECK(std::filesystem::is_symlink(dir / "link.svg"));
    std::ifstream in(dir / "real.svg");
    std::string text;
    std::getline(in, text);
    CHECK(text == "<svg/>");
    frontmap::io::write_file_atomically("/dev/null", "bytes");
    CHECK(std::filesystem::is_character_file("/dev/null"));
    CHECK_THROWS_AS(frontmap::io::write_file_atomically(dir, "bytes"), frontmap::InputError);
    std::filesystem::remove_all(dir);
}

TEST_CASE("reading stops at the size bound with an error, also from an endless stream", "[io][files]") {
    CHECK_THROWS_WITH(frontmap::io::read_article("/dev/zero", 1000), Catch::Contains("larger than"));
    CHECK_THROWS_WITH(frontmap::io::read_input("/dev/zero", 1 << 16), Catch::Contains("larger than"));
}
