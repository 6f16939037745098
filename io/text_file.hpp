#pragma once
// Reading inputs whole (bounded, remembered as this run's inputs) and writing
// outputs atomically (io/atomic_write.hpp).

#include "io/atomic_write.hpp"

#include <cstddef>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace io {

/// How much, and what kind of file, read_text_file accepts.
struct ReadOptions {
    /// Larger files are refused before they are read whole.
    std::size_t max_bytes = std::numeric_limits<std::size_t>::max();
    /// Refuse anything but a regular file (a FIFO is refused, never waited
    /// on). Off by default so `--census <(generate)` works.
    bool regular_file_only = false;
};

/// The whole file as bytes. Throws calc::InputError ("path: cannot read: ...",
/// "path: is a folder", "path: larger than N bytes", ...). Every file read is
/// remembered for files_read().
std::string read_text_file(const std::string& path, const ReadOptions& options = {});

/// The paths read by read_text_file so far in this process, in order: a
/// run's inputs, which a front end passes as WriteRules::inputs so that no
/// output replaces them.
std::vector<std::string> files_read();

/// Reads the open descriptor `fd` to its end in 64 KiB chunks, handing each to
/// `on_chunk` until it returns false. Throws calc::InputError naming `path`
/// if a read fails (an interrupted read is retried).
void read_chunks(int fd, const std::string& path, const std::function<bool(std::string_view)>& on_chunk);

/// Adds `path` to files_read(): for a file read some other way (io::FileLines).
void remember_input(const std::string& path);

}  // namespace io
