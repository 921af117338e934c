#include "io/files.hpp"

#include "common/error.hpp"
#include "common/text.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace frontmap::io {

std::string read_input(const std::string& path) {
    if (path == "-") {
        std::ostringstream buffer;
        buffer << std::cin.rdbuf();
        return buffer.str();
    }
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw InputError("cannot read " + path, "it is a folder");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError("cannot read " + path, std::strerror(errno));
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string read_article(const std::string& path) {
    std::string bytes = read_input(path);
    const std::string name = path == "-" ? "standard input" : path;
    if (!text::valid_utf8(bytes)) throw InputError("cannot read article " + name, "it is not valid UTF-8 text");
    if (bytes.find_first_not_of(" \t\r\n") == std::string::npos) throw InputError("cannot read article " + name, "it is empty");
    return bytes;
}

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
    std::filesystem::path dir = target_.parent_path();
    if (dir.empty()) dir = ".";
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        throw InputError("cannot write " + target_.string(), "folder " + dir.string() + " does not exist");
    temp_ = dir / temp_name(target_.filename().string());
    fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd_ < 0) throw InputError("cannot write " + target_.string(), std::strerror(errno));
    // Held while the file is written: a run that finds it unlocked knows its writer is gone,
    // whatever process now has the writer's id.
    ::flock(fd_, LOCK_EX);
}

std::string AtomicFile::temp_name(const std::string& filename) {
    // Never ending in the target's extension, so a file a killed run leaves is not taken for a
    // map; short enough beside any legal name; unique to this process and this write.
    constexpr size_t kKeep = 200;
    static std::atomic<unsigned> serial{0};
    std::string name = ".";
    name += filename.substr(0, kKeep);
    name += ".";
    name += std::to_string(::getpid());
    name += "-";
    name += std::to_string(serial++);
    name += kTempSuffix;
    return name;
}

void AtomicFile::write(std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throw InputError("cannot write " + target_.string(), n < 0 ? std::strerror(errno) : "nothing was written");
        bytes.remove_prefix(static_cast<size_t>(n));
    }
}

namespace {

// Whether a temporary file's writer is gone: nobody holds its lock, and it is not brand new (a
// writer holds the lock from a moment after it creates the file).
bool abandoned(const std::filesystem::path& file) {
    constexpr auto kNewborn = std::chrono::seconds(2);
    std::error_code ec;
    const auto written = std::filesystem::last_write_time(file, ec);
    if (ec || std::filesystem::file_time_type::clock::now() - written < kNewborn) return false;
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return false;
    const bool unlocked = ::flock(fd, LOCK_EX | LOCK_NB) == 0;
    ::close(fd);
    return unlocked;
}

}  // namespace

size_t remove_stale_temp_files(const std::filesystem::path& dir) {
    size_t removed = 0;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        // ".NAME.PID-SERIAL.tmp", and nothing else: another program's hidden files stay.
        if (name.front() != '.' || !name.ends_with(AtomicFile::kTempSuffix)) continue;
        const std::string stem = name.substr(0, name.size() - std::strlen(AtomicFile::kTempSuffix));
        const size_t dot = stem.rfind('.'), dash = stem.rfind('-');
        if (dot == std::string::npos || dash == std::string::npos || dash < dot) continue;
        const std::string pid = stem.substr(dot + 1, dash - dot - 1);
        if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos || !entry.is_regular_file(ec)) continue;
        if (!abandoned(entry.path())) continue;
        std::error_code remove_ec;
        removed += std::filesystem::remove(entry.path(), remove_ec) ? 1 : 0;
    }
    return removed;
}

AtomicFile::~AtomicFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_) {
        std::error_code ec;
        std::filesystem::remove(temp_, ec);
    }
}

void AtomicFile::commit() {
    if (::close(fd_) != 0) {
        fd_ = -1;
        throw InputError("cannot write " + target_.string(), std::strerror(errno));
    }
    fd_ = -1;
    std::error_code ec;
    std::filesystem::rename(temp_, target_, ec);
    if (ec) throw InputError("cannot write " + target_.string(), ec.message());
    committed_ = true;
}

void write_file_atomically(const std::filesystem::path& target, const std::string& bytes) {
    AtomicFile file(target);
    file.write(bytes);
    file.commit();
}

}  // namespace frontmap::io
