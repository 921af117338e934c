#include "io/files.hpp"

#include "common/error.hpp"
#include "common/text.hpp"

#include <signal.h>
#include <unistd.h>

#include <atomic>
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

size_t remove_stale_temp_files(const std::filesystem::path& dir) {
    size_t removed = 0;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.front() != '.' || !name.ends_with(AtomicFile::kTempSuffix)) continue;
        // ".NAME.PID-SERIAL.tmp": the writer's process id, and it is gone.
        const std::string stem = name.substr(0, name.size() - std::strlen(AtomicFile::kTempSuffix));
        const size_t dot = stem.rfind('.'), dash = stem.rfind('-');
        if (dot == std::string::npos || dash == std::string::npos || dash < dot) continue;
        const std::string pid = stem.substr(dot + 1, dash - dot - 1);
        if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos || pid.size() > 9) continue;
        if (::kill(static_cast<pid_t>(std::stol(pid)), 0) == 0 || errno != ESRCH) continue;
        std::error_code remove_ec;
        removed += std::filesystem::remove(entry.path(), remove_ec) ? 1 : 0;
    }
    return removed;
}

AtomicFile::~AtomicFile() {
    if (!committed_) {
        std::error_code ec;
        std::filesystem::remove(temp_, ec);
    }
}

void AtomicFile::commit() {
    std::error_code ec;
    std::filesystem::rename(temp_, target_, ec);
    if (ec) throw InputError("cannot write " + target_.string(), ec.message());
    committed_ = true;
}

void write_file_atomically(const std::filesystem::path& target, const std::string& bytes) {
    AtomicFile file(target);
    {
        std::ofstream out(file.temp_path(), std::ios::binary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out) throw InputError("cannot write " + target.string(), std::strerror(errno));
    }
    file.commit();
}

}  // namespace frontmap::io
