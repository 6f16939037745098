#include "io/text_file.hpp"

#include "calc/diagnostic.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <mutex>

namespace io {

namespace {

std::mutex read_lock;
std::vector<std::string>& read_paths() {
    static std::vector<std::string> paths;
    return paths;
}

[[noreturn]] void refuse(const std::string& path, const std::string& message) {
    throw calc::InputError({{path, 0, "", message}});
}

}  // namespace

std::string read_text_file(const std::string& path, const ReadOptions& options) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | (options.regular_file_only ? O_NONBLOCK : 0));
    if (fd < 0) refuse(path, std::string("cannot read: ") + std::strerror(errno));
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) refuse(path, std::string("cannot read: ") + std::strerror(errno));
    if (S_ISDIR(st.st_mode)) refuse(path, "is a folder, not a file");
    if (options.regular_file_only && !S_ISREG(st.st_mode)) refuse(path, "is not a regular file (a device, FIFO or socket)");
    const auto too_large = [&] { refuse(path, "larger than " + std::to_string(options.max_bytes) + " bytes"); };
    if (S_ISREG(st.st_mode) && static_cast<unsigned long long>(st.st_size) > options.max_bytes) too_large();
    remember_input(path);
    // One read into a buffer of the file's size: a stringstream copy costs 20x more on a large census.
    std::string bytes;
    if (S_ISREG(st.st_mode)) bytes.reserve(static_cast<std::size_t>(st.st_size));
    read_chunks(fd, path, [&](std::string_view chunk) {
        if (bytes.size() + chunk.size() > options.max_bytes) too_large();
        bytes.append(chunk);
        return true;
    });
    return bytes;
}

void read_chunks(int fd, const std::string& path, const std::function<bool(std::string_view)>& on_chunk) {
    char chunk[1 << 16];
    for (;;) {
        const ssize_t got = ::read(fd, chunk, sizeof chunk);
        if (got < 0) {
            if (errno == EINTR) continue;
            refuse(path, std::string("read failed: ") + std::strerror(errno));
        }
        if (got == 0 || !on_chunk({chunk, static_cast<std::size_t>(got)})) return;
    }
}

void remember_input(const std::string& path) {
    const std::lock_guard<std::mutex> hold(read_lock);
    read_paths().push_back(path);
}

std::vector<std::string> files_read() {
    const std::lock_guard<std::mutex> hold(read_lock);
    return read_paths();
}

}  // namespace io
