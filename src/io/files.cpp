#include "io/files.hpp"

#include "common/error.hpp"
#include "common/text.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <csignal>
#include <chrono>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace frontmap::io {

namespace {

std::string megabytes(size_t bytes) {
    std::ostringstream s;
    s << static_cast<double>(bytes) / (1 << 20) << " MB";
    return s.str();
}

// Reads at most max_bytes, so that /dev/zero or a runaway pipe ends in an error, not in memory.
std::string read_bounded(std::istream& in, const std::string& name, size_t max_bytes, const std::string& hint) {
    std::string bytes;
    std::array<char, size_t{1} << 16> chunk{};
    while (in.read(chunk.data(), chunk.size()) || in.gcount() > 0) {
        bytes.append(chunk.data(), static_cast<size_t>(in.gcount()));
        if (bytes.size() > max_bytes) throw InputError("cannot read " + name, "it is larger than " + megabytes(max_bytes) + hint);
    }
    if (in.bad()) throw InputError("cannot read " + name, "the read failed");
    return bytes;
}

}  // namespace

std::string read_input(const std::string& path, size_t max_bytes) {
    if (path == "-") return read_bounded(std::cin, "standard input", max_bytes, "");
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw InputError("cannot read " + path, "it is a folder");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError("cannot read " + path, std::strerror(errno));
    return read_bounded(in, path, max_bytes, "");
}

std::string read_article(const std::string& path, size_t max_bytes) {
    const std::string name = path == "-" ? "standard input" : path;
    std::string bytes;
    if (path == "-") {
        bytes = read_bounded(std::cin, "article " + name, max_bytes, " (see --max-bytes)");
    } else {
        std::error_code ec;
        if (std::filesystem::is_directory(path, ec)) throw InputError("cannot read article " + path, "it is a folder");
        std::ifstream in(path, std::ios::binary);
        if (!in) throw InputError("cannot read article " + path, std::strerror(errno));
        bytes = read_bounded(in, "article " + name, max_bytes, " (see --max-bytes)");
    }
    if (!text::valid_utf8(bytes)) throw InputError("cannot read article " + name, "it is not valid UTF-8 text");
    if (bytes.find_first_not_of(" \t\r\n") == std::string::npos) throw InputError("cannot read article " + name, "it is empty");
    return bytes;
}

namespace {

// The temporary files being written, for a signal handler to remove: fixed slots, as a handler
// may not allocate or lock.
struct TempSlot {
    std::atomic<int> state{0};  // 0 free, 1 being filled, 2 holds a path
    std::array<char, 4096> path{};
};
constexpr size_t kTempSlots = 64;
std::array<TempSlot, kTempSlots> temp_slots;

int register_temp(const std::filesystem::path& temp) {
    const std::string& text = temp.native();
    if (text.size() >= sizeof(TempSlot::path)) return -1;
    for (size_t i = 0; i < kTempSlots; ++i) {
        int expected = 0;
        if (!temp_slots[i].state.compare_exchange_strong(expected, 1)) continue;
        std::memcpy(temp_slots[i].path.data(), text.c_str(), text.size() + 1);
        temp_slots[i].state.store(2);
        return static_cast<int>(i);
    }
    return -1;  // more files at once than slots: a killed run's file is then the next run's to clean
}

void unregister_temp(int slot) {
    if (slot >= 0) temp_slots[slot].state.store(0);
}

extern "C" void remove_temp_files_and_end(int signal) {
    for (auto& slot : temp_slots)
        if (slot.state.load() == 2) ::unlink(slot.path.data());
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

}  // namespace

void remove_temp_files_on_signals() {
    for (int s : {SIGINT, SIGTERM, SIGHUP}) std::signal(s, remove_temp_files_and_end);
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
    slot_ = register_temp(temp_);
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

namespace {

// All of `bytes` to `fd`, or an InputError naming `target` with the reason.
void write_all(int fd, std::string_view bytes, const std::filesystem::path& target) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throw InputError("cannot write " + target.string(), n < 0 ? std::strerror(errno) : "nothing was written");
        bytes.remove_prefix(static_cast<size_t>(n));
    }
}

}  // namespace

void AtomicFile::write(std::string_view bytes) { write_all(fd_, bytes, target_); }

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
        const size_t dot = stem.rfind('.');
        const size_t dash = stem.rfind('-');
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
    unregister_temp(slot_);
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
    unregister_temp(slot_);
    slot_ = -1;
}

namespace {

// A device or a pipe is written into as it is: renaming a file over /dev/null would replace it.
void write_into(const std::filesystem::path& target, const std::string& bytes) {
    const int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) throw InputError("cannot write " + target.string(), std::strerror(errno));
    try {
        write_all(fd, bytes, target);
    } catch (const InputError&) {
        ::close(fd);
        throw;
    }
    if (::close(fd) != 0) throw InputError("cannot write " + target.string(), std::strerror(errno));
}

// The file a chain of symbolic links ends at, so the link stays a link and its file is written.
std::filesystem::path link_target(std::filesystem::path path) {
    constexpr int kMaxLinks = 40;  // as the kernel's own limit
    std::error_code ec;
    for (int i = 0; i < kMaxLinks && std::filesystem::is_symlink(path, ec); ++i) {
        const auto next = std::filesystem::read_symlink(path, ec);
        if (ec) break;
        path = next.is_absolute() ? next : path.parent_path() / next;
    }
    return path;
}

}  // namespace

void write_file_atomically(const std::filesystem::path& target, const std::string& bytes) {
    std::error_code ec;
    const auto status = std::filesystem::status(target, ec);  // of what a link points at
    if (std::filesystem::is_directory(status)) throw InputError("cannot write " + target.string(), "it is a folder");
    if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) return write_into(target, bytes);
    AtomicFile out(link_target(target));
    out.write(bytes);
    out.commit();
}

}  // namespace frontmap::io
