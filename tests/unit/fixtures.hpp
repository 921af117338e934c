#pragma once
// Small helpers every stage's tests share. Nothing here reads the real data in data/.
#include <filesystem>
#include <string>

namespace frontmap::test {

// A fresh folder under the system temp folder, removed with everything in it when destroyed.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

// The whole file as bytes.
std::string read_bytes(const std::filesystem::path& file);

void write_bytes(const std::filesystem::path& file, const std::string& bytes);

}  // namespace frontmap::test
