#pragma once
#include <filesystem>
#include <string>

namespace frontmap::io {

// Reads a whole file as bytes; "-" reads standard input. Throws InputError naming the file.
std::string read_input(const std::string& path);

// Reads a UTF-8 article: as read_input, and rejects text that is not valid UTF-8 or is empty.
std::string read_article(const std::string& path);

// Writes through a temporary file in the same folder, renamed over the target only once
// complete, so a reader never sees a half-written file and a killed run leaves none behind.
class AtomicFile {
public:
    explicit AtomicFile(std::filesystem::path target);
    ~AtomicFile();  // removes the temporary file unless commit() ran
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    const std::filesystem::path& temp_path() const { return temp_; }
    const std::filesystem::path& target() const { return target_; }
    void commit();

    // The temporary file's name for `filename`: ".NAME.PID-SERIAL.tmp".
    static std::string temp_name(const std::string& filename);
    static constexpr const char* kTempSuffix = ".tmp";

private:
    std::filesystem::path target_;
    std::filesystem::path temp_;
    bool committed_ = false;
};

// Removes from `dir` the temporary files of writers that were killed (their process is gone),
// and returns how many.
size_t remove_stale_temp_files(const std::filesystem::path& dir);

void write_file_atomically(const std::filesystem::path& target, const std::string& bytes);

}  // namespace frontmap::io
