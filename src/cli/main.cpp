#include "cli/app.hpp"
#include "io/files.hpp"

#include <glib.h>

#include <iostream>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace {

// A map allocates a few blocks of megabytes (the canvas, the PNG's scanlines and stream) and frees
// them again. By default glibc gives each back to the kernel and maps fresh pages for the next, so
// every map pays for page faults on pages it has just freed; in a multi-threaded batch those faults
// queue on one address-space lock and a second worker barely adds a map a second (measured:
// 1000 wire articles, 2 workers: 31 maps/s, against 74 with these settings). The process owns
// this choice, not the library: blocks up to 64 MB come from the heap and are reused, and up to
// 256 MB of freed heap is kept.
void keep_freed_memory_for_reuse() {
#ifdef __GLIBC__
    constexpr int kMmapThreshold = 64 << 20;
    constexpr int kTrimThreshold = 256 << 20;
    mallopt(M_MMAP_THRESHOLD, kMmapThreshold);
    mallopt(M_TRIM_THRESHOLD, kTrimThreshold);
#endif
}

// GLib's and Pango's own warnings ("Pango-CRITICAL ...") are a library's words: the command says
// what went wrong itself, and checks what it hands to Pango (a style's sizes are range-checked).
GLogWriterOutput quiet_glib(GLogLevelFlags level, const GLogField* /*unused*/, gsize /*unused*/, gpointer /*unused*/) {
    return (level & G_LOG_LEVEL_ERROR) != 0 ? G_LOG_WRITER_UNHANDLED : G_LOG_WRITER_HANDLED;
}

}  // namespace

int main(int argc, char** argv) {
    g_log_set_writer_func(quiet_glib, nullptr, nullptr);
    keep_freed_memory_for_reuse();
    // Ctrl-C, a kill or a closed terminal leaves no temporary file beside an output.
    frontmap::io::remove_temp_files_on_signals();
    return frontmap::cli::run(std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr);
}
