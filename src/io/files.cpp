#include "io/files.hpp"

#include "common/error.hpp"
#include "common/text.hpp"

#include <unistd.h>

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
    // Built piece by piece: GCC 12 warns falsely (-Wrestrict) on one long concatenation.
    std::string name = ".";
    name += target_.filename().string();
    name += ".tmp-";
    name += std::to_string(::getpid());
    name += target_.extension().string();
    temp_ = dir / name;
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
