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
    /// remembers it as an input (files_read). Lines longer than `max_line`
    /// bytes are cut (see for_each_line). A FIFO or device cannot be read
    /// twice, so it is read here and its lines served from memory: at most
    /// 1 GiB, and no further than a line longer than `max_line` (so /dev/zero
    /// or an endless pipe ends in a refusal, not in all the memory there is).
    FileLines(const std::string& path, std::size_t max_line);
    ~FileLines();
    FileLines(const FileLines&) = delete;
    FileLines& operator=(const FileLines&) = delete;

    /// Hands `on_line` each line from the start of the file, its '\n' kept
    /// (the last line may have none), until `on_line` returns false. A line
    /// longer than `max_line` bytes is handed over cut to max_line + 1 bytes
    /// and nothing after it is read. The view is valid during the call only.
    /// Throws calc::InputError if the file cannot be read, or if it changed
    /// (size or modification time) since it was opened: two passes over a
    /// file being saved would not be of the same text.
    void for_each_line(const std::function<bool(std::string_view)>& on_line) const;

    const std::string& path() const { return path_; }

private:
    void check_unchanged() const;

    std::string path_;
    std::size_t max_line_;
    int fd_ = -1;                    // a regular file, read in blocks on every pass
    long long size_ = 0;             // its size and modification time when opened
    long long modified_ns_ = 0;
    std::string whole_;              // anything else, read once
};

/// Every line of `text` as for_each_line hands them (no line is cut here).
void for_each_line_of(std::string_view text, const std::function<bool(std::string_view)>& on_line);

}  // namespace io
