#include "io/file_lines.hpp"

#include "calc/diagnostic.hpp"
#include "io/text_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace io {

namespace {

constexpr std::size_t kBlock = 1 << 20;
constexpr std::size_t kMaxStreamBytes = std::size_t{1} << 30;  // from a pipe or device

long long modified_ns(const struct stat& st) { return static_cast<long long>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec; }

[[noreturn]] void refuse(const std::string& path, const std::string& message) {
    throw calc::InputError({{path, 0, "", message}});
}

}  // namespace

FileLines::FileLines(const std::string& path, std::size_t max_line) : path_(path), max_line_(max_line) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) refuse(path, std::string("cannot read: ") + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        const int e = errno;
        ::close(fd);
        refuse(path, std::string("cannot read: ") + std::strerror(e));
    }
    if (S_ISDIR(st.st_mode)) {
        ::close(fd);
        refuse(path, "is a folder, not a file");
    }
    remember_input(path);
    if (S_ISREG(st.st_mode)) {
        fd_ = fd;
        size_ = static_cast<long long>(st.st_size);
        modified_ns_ = modified_ns(st);
        return;
    }
    // Read from the descriptor already open: a FIFO reopened would wait for a writer that has gone.
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    std::size_t line_so_far = 0;  // bytes since the last newline
    read_chunks(fd, path, [&](std::string_view part) {
        const std::size_t last_newline = part.rfind('\n');
        line_so_far = last_newline == std::string_view::npos ? line_so_far + part.size() : part.size() - last_newline - 1;
        if (whole_.size() + part.size() > kMaxStreamBytes)
            refuse(path, "more than 1 GiB from a pipe or device; save it as a file and give its path");
        whole_.append(part);
        return line_so_far <= max_line_;  // a line too long: what is here is enough to say so
    });
}

void FileLines::check_unchanged() const {
    struct stat st {};
    if (::fstat(fd_, &st) != 0) refuse(path_, std::string("cannot read: ") + std::strerror(errno));
    if (static_cast<long long>(st.st_size) != size_ || modified_ns(st) != modified_ns_)
        refuse(path_, "changed while it was being read; run again once it is saved");
}

FileLines::~FileLines() {
    if (fd_ >= 0) ::close(fd_);
}

void FileLines::for_each_line(const std::function<bool(std::string_view)>& on_line) const {
    const std::size_t max_line = max_line_;
    if (fd_ < 0) {
        for_each_line_of(whole_, [&](std::string_view line) {
            if (line.size() > max_line) {
                on_line(line.substr(0, max_line + 1));
                return false;
            }
            return on_line(line);
        });
        return;
    }
    check_unchanged();
    // One buffer: whole lines are handed over from it, a partial one moved
    // to its front before the next block is read behind it.
    std::vector<char> buffer(max_line + kBlock);
    std::size_t have = 0, pos = 0;
    off_t offset = 0;
    bool at_end = false;
    for (;;) {
        const char* begin = buffer.data() + pos;
        if (const void* nl = std::memchr(begin, '\n', have - pos)) {
            const std::size_t length = static_cast<std::size_t>(static_cast<const char*>(nl) - begin) + 1;
            pos += length;
            if (length > max_line + 1) {  // a whole line, but too long: cut as promised
                on_line({begin, max_line + 1});
                return;
            }
            if (!on_line({begin, length})) return;
            continue;
        }
        if (have - pos > max_line) {
            on_line({begin, max_line + 1});
            return;
        }
        if (at_end) {
            if (have > pos) on_line({begin, have - pos});
            check_unchanged();
            return;
        }
        std::memmove(buffer.data(), begin, have - pos);
        have -= pos;
        pos = 0;
        ssize_t got;
        do got = ::pread(fd_, buffer.data() + have, buffer.size() - have, offset);
        while (got < 0 && errno == EINTR);
        if (got < 0) refuse(path_, std::string("read failed: ") + std::strerror(errno));
        if (got == 0) at_end = true;
        offset += got;
        have += static_cast<std::size_t>(got);
    }
}

void for_each_line_of(std::string_view text, const std::function<bool(std::string_view)>& on_line) {
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t newline = text.find('\n', start);
        const std::size_t end = newline == std::string_view::npos ? text.size() : newline + 1;
        if (!on_line(text.substr(start, end - start))) return;
        start = end;
    }
}

}  // namespace io
