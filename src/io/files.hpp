#pragma once
#include <filesystem>
#include <string>
#include <string_view>

namespace frontmap::io {

// The largest article read by default (`--max-bytes`): wire copy runs to tens of kilobytes, and
// a 50 MB file took a minute and gigabytes to parse.
constexpr size_t kMaxArticleBytes = size_t{1} << 20;
// The largest scene, corpus or JSONL day read whole.
constexpr size_t kMaxDataBytes = size_t{256} << 20;

// Reads a whole file as bytes, at most max_bytes; "-" reads standard input. Throws InputError
// naming the file, also when it is larger.
std::string read_input(const std::string& path, size_t max_bytes = kMaxDataBytes);

// Reads a UTF-8 article: as read_input, and rejects text that is not valid UTF-8 or is empty.
std::string read_article(const std::string& path, size_t max_bytes = kMaxArticleBytes);

// Writes through a temporary file in the same folder, renamed over the target only once
// complete, so a reader never sees a half-written file. The temporary file is locked while it is
// written; one a killed run leaves behind ends in ".tmp" and is removed by the next run into that
// folder (remove_stale_temp_files).
class AtomicFile {
public:
    explicit AtomicFile(std::filesystem::path target);
    ~AtomicFile();  // removes the temporary file unless commit() ran
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    AtomicFile(AtomicFile&&) = delete;
    AtomicFile& operator=(AtomicFile&&) = delete;

    [[nodiscard]] const std::filesystem::path& temp_path() const { return temp_; }
    [[nodiscard]] const std::filesystem::path& target() const { return target_; }
    // Appends all of `bytes`; throws InputError saying why a write failed (a full disk).
    void write(std::string_view bytes);
    // Closes the temporary file and renames it over the target.
    void commit();

    // The temporary file's name for `filename`: ".NAME.PID-SERIAL.tmp".
    static std::string temp_name(const std::string& filename);
    static constexpr const char* kTempSuffix = ".tmp";

private:
    std::filesystem::path target_;
    std::filesystem::path temp_;
    int fd_ = -1;
    int slot_ = -1;  // where a signal handler finds the temporary file
    bool committed_ = false;
};

// Removes from `dir` the temporary files of writers that were killed (no process holds their
// lock any more), and returns how many.
size_t remove_stale_temp_files(const std::filesystem::path& dir);

// Writes `bytes` to `target` and nothing less: a regular file (new or not) through AtomicFile; the
// file a symbolic link points at, the link kept; a device or pipe written into, never replaced. A
// folder is an error.
void write_file_atomically(const std::filesystem::path& target, const std::string& bytes);

// Removes this process's temporary files when SIGINT, SIGTERM or SIGHUP ends it, then ends it as
// the signal would have. For a program's main(), once.
void remove_temp_files_on_signals();

}  // namespace frontmap::io
