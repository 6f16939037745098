#pragma once
// A file read a line at a time in blocks, as many times as asked: a large
// census is checked in one pass and read in the next without ever being held
// whole in memory.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace io {

class FileLines {
public:
    /// Opens `path` with read_text_file's refusals (cannot read, a folder) and
    /// remembers it as an input (files_read). A FIFO or device cannot be read
    /// twice, so it is read whole here and its lines served from memory.
    explicit FileLines(const std::string& path);
    ~FileLines();
    FileLines(const FileLines&) = delete;
    FileLines& operator=(const FileLines&) = delete;

    /// Hands `on_line` each line from the start of the file, its '\n' kept
    /// (the last line may have none), until `on_line` returns false. A line
    /// longer than `max_line` bytes is handed over cut to max_line + 1 bytes
    /// and nothing after it is read. The view is valid during the call only.
    /// Throws calc::InputError if the file cannot be read.
    void for_each_line(std::size_t max_line, const std::function<bool(std::string_view)>& on_line) const;

    const std::string& path() const { return path_; }

private:
    std::string path_;
    int fd_ = -1;           // a regular file, read in blocks on every pass
    std::string whole_;     // anything else, read once
};

/// Every line of `text` as for_each_line hands them (no line is cut here).
void for_each_line_of(std::string_view text, const std::function<bool(std::string_view)>& on_line);

}  // namespace io
