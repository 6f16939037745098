#include "io/atomic_write.hpp"

#include "calc/diagnostic.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <iostream>
#include <memory>
#include <random>

namespace io {

namespace {

namespace fs = std::filesystem;

[[noreturn]] void refuse(const std::string& path, const std::string& message) {
    throw calc::InputError({{path, 0, "", message}});
}

std::string error_text(int error) { return std::strerror(error != 0 ? error : EIO); }

// An ostream buffer over a file descriptor that remembers the first failed write.
class FdBuffer : public std::streambuf {
public:
    explicit FdBuffer(int fd) : fd_(fd), buffer_(new char[kSize]) { setp(buffer_.get(), buffer_.get() + kSize); }
    int error() const { return error_; }

protected:
    int_type overflow(int_type ch) override {
        if (!drain()) return traits_type::eof();
        if (!traits_type::eq_int_type(ch, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(ch);
            pbump(1);
        }
        return traits_type::not_eof(ch);
    }
    int sync() override { return drain() ? 0 : -1; }

private:
    static constexpr std::size_t kSize = 1 << 16;

    bool drain() {
        const char* from = pbase();
        std::size_t left = static_cast<std::size_t>(pptr() - pbase());
        setp(buffer_.get(), buffer_.get() + kSize);
        if (error_ != 0) return false;
        while (left > 0) {
            const ssize_t wrote = ::write(fd_, from, left);
            if (wrote < 0) {
                if (errno == EINTR) continue;
                error_ = errno;
                return false;
            }
            from += wrote;
            left -= static_cast<std::size_t>(wrote);
        }
        return true;
    }

    int fd_;
    std::unique_ptr<char[]> buffer_;
    int error_ = 0;
};

std::string random_suffix() {
    static const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    unsigned char bytes[6];
    if (::getrandom(bytes, sizeof bytes, 0) != static_cast<ssize_t>(sizeof bytes)) {
        std::random_device device;  // not expected: getrandom has been in Linux since 3.17
        for (unsigned char& b : bytes) b = static_cast<unsigned char>(device());
    }
    std::string out;
    for (unsigned char b : bytes) out += kAlphabet[b % (sizeof kAlphabet - 1)];
    return out;
}

constexpr std::string_view kTag = ".dedeleg-";

// .NAME.dedeleg-PID-RANDOM.tmp, NAME cut so the whole stays within NAME_MAX.
fs::path temporary_name(const fs::path& folder, const std::string& target_name) {
    return folder / ("." + target_name.substr(0, 200) + std::string(kTag) + std::to_string(::getpid()) + "-" +
                     random_suffix() + ".tmp");
}

// The PID in a temporary file's name of ours or of an older version, or 0.
long pid_in_name(std::string_view name, std::string_view target_name) {
    auto digits = [](std::string_view s) -> long {
        if (s.empty() || s.size() > 10 || s.find_first_not_of("0123456789") != std::string_view::npos) return 0;
        return std::stol(std::string(s));
    };
    if (name.size() < 5 || name.front() != '.' || name.substr(name.size() - 4) != ".tmp") return 0;
    const std::string_view stem = name.substr(0, name.size() - 4);
    if (const std::size_t tag = stem.rfind(kTag); tag != std::string_view::npos) {
        const std::string_view rest = stem.substr(tag + kTag.size());  // PID-RANDOM
        const std::size_t dash = rest.find('-');
        if (dash != std::string_view::npos && rest.size() - dash - 1 == 6) return digits(rest.substr(0, dash));
    }
    // Older versions: .NAME.PID.tmp
    if (!target_name.empty() && stem.size() > target_name.size() + 2 && stem.substr(1, target_name.size()) == target_name &&
        stem[target_name.size() + 1] == '.')
        return digits(stem.substr(target_name.size() + 2));
    return 0;
}

bool is_running(long pid) { return pid == ::getpid() || ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM; }

struct Temporary {
    int fd = -1;
    fs::path name;  // empty while the file has no name (O_TMPFILE)
};

Temporary open_temporary(const std::string& path, const fs::path& folder, const std::string& target_name) {
#ifdef O_TMPFILE
    static const bool can_link = ::access("/proc/self/fd", X_OK) == 0;
    if (can_link) {
        const int fd = ::open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
        if (fd >= 0) return {fd, {}};
        // Not supported by this file system: a named file below reports any other error.
    }
#endif
    for (int attempt = 0; attempt < 100; ++attempt) {
        const fs::path name = temporary_name(folder, target_name);
        const int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (fd >= 0) return {fd, name};
        if (errno != EEXIST) refuse(path, "cannot write in folder " + folder.string() + ": " + error_text(errno));
    }
    refuse(path, "cannot create a temporary file in " + folder.string());
}

// Gives an unnamed temporary file a fresh, exclusive name (linkat never replaces).
void name_temporary(const std::string& path, Temporary& temp, const fs::path& folder, const std::string& target_name) {
    const std::string self = "/proc/self/fd/" + std::to_string(temp.fd);
    for (int attempt = 0; attempt < 100; ++attempt) {
        const fs::path name = temporary_name(folder, target_name);
        if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) == 0) {
            temp.name = name;
            return;
        }
        if (errno != EEXIST) refuse(path, "cannot write in folder " + folder.string() + ": " + error_text(errno));
    }
    refuse(path, "cannot name a temporary file in " + folder.string());
}

}  // namespace

fs::path resolve_output_path(const std::string& path) {
    fs::path p = path;
    for (int level = 0; level <= 40; ++level) {
        struct stat st {};
        if (::lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return p;
        std::error_code error;
        const fs::path to = fs::read_symlink(p, error);
        if (error) refuse(path, "cannot follow the link " + p.string() + ": " + error.message());
        p = to.is_absolute() ? to : p.parent_path() / to;
    }
    refuse(path, "more than 40 levels of links (a loop?)");
}

std::size_t remove_stale_temporary_files(const fs::path& folder, std::string_view target_name) {
    std::size_t removed = 0;
    std::error_code error;
    for (fs::directory_iterator it(folder.empty() ? fs::path(".") : folder, error), end; !error && it != end;
         it.increment(error)) {
        const std::string name = it->path().filename().string();
        const long pid = pid_in_name(name, target_name);
        if (pid <= 0 || is_running(pid)) continue;
        struct stat st {};
        if (::lstat(it->path().c_str(), &st) != 0 || st.st_uid != ::geteuid()) continue;
        if (!S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode)) continue;
        if (::unlink(it->path().c_str()) == 0) ++removed;
    }
    return removed;
}

void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& write, const WriteRules& rules) {
    if (path.empty()) refuse("--out", "an empty file name");
    struct stat st {};
    // First through every link (a FIFO is never opened, so never blocks).
    if (::stat(path.c_str(), &st) == 0) {
        if (S_ISDIR(st.st_mode)) refuse(path, "is a folder; give a file name");
        if (!S_ISREG(st.st_mode))
            refuse(path, "is not a regular file (a device, FIFO or socket); dedeleg writes only regular files");
    }
    const fs::path target = resolve_output_path(path);
    const bool exists = ::stat(target.c_str(), &st) == 0;
    if (!exists && errno != ENOENT) refuse(path, "cannot write: " + error_text(errno));
    if (exists) {
        if (!S_ISREG(st.st_mode)) refuse(path, "is not a regular file");
        if (!rules.force && ((st.st_mode & 0222) == 0 || (::access(target.c_str(), W_OK) != 0 && errno == EACCES)))
            refuse(path, "is read-only; it is left as it is (--force replaces it)");
        if (const std::string input = input_named_by(target.string(), rules.inputs); !input.empty())
            refuse(path, "is an input of this run (" + input + "); writing it would destroy it");
    }
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    struct stat dir {};
    if (::stat(folder.c_str(), &dir) != 0 || !S_ISDIR(dir.st_mode))
        refuse(path, "the folder " + folder.string() + " does not exist");
    const std::string target_name = target.filename().string();
    remove_stale_temporary_files(folder, target_name);

    Temporary temp = open_temporary(path, folder, target_name);
    try {
        FdBuffer buffer(temp.fd);
        std::ostream out(&buffer);
        write(out);
        out.flush();
        if (buffer.error() != 0 || !out) refuse(path, "write failed: " + error_text(buffer.error()));
        if (exists) {
            if (::fchmod(temp.fd, st.st_mode & 07777) != 0) refuse(path, "cannot keep its permissions: " + error_text(errno));
            if (::geteuid() == 0 && ::fchown(temp.fd, st.st_uid, st.st_gid) != 0) {
                // The owner stays root's: the contents and permissions are what matter.
            }
        }
        if (rules.sync && ::fsync(temp.fd) != 0) refuse(path, "write failed: " + error_text(errno));
        if (temp.name.empty()) name_temporary(path, temp, folder, target_name);
        if (::rename(temp.name.c_str(), target.c_str()) != 0) refuse(path, "cannot replace: " + error_text(errno));
        ::close(temp.fd);
    } catch (...) {
        ::close(temp.fd);
        if (!temp.name.empty()) ::unlink(temp.name.c_str());
        throw;
    }
}

std::string input_named_by(const std::string& path, const std::vector<std::string>& inputs) {
    struct stat st {};
    if (inputs.empty() || ::stat(path.c_str(), &st) != 0) return "";
    for (const std::string& input : inputs) {
        struct stat in {};
        if (::stat(input.c_str(), &in) == 0 && in.st_dev == st.st_dev && in.st_ino == st.st_ino) return input;
    }
    return "";
}

std::string keep_aside(const std::string& path, std::string_view why, const std::vector<std::string>& inputs) {
    if (const std::string input = input_named_by(path, inputs); !input.empty())
        refuse(path, "is an input of this run (" + input + "); it is left where it is");
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    ::gmtime_r(&now, &utc);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &utc);
    const std::string base = path + "." + std::string(why) + "-" + stamp;
    for (int n = 1; n < 1000; ++n) {
        const std::string to = n == 1 ? base : base + "-" + std::to_string(n);
        if (::renameat2(AT_FDCWD, path.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return to;
        if (errno == EEXIST) continue;
        if (errno == EINVAL) {  // a file system without RENAME_NOREPLACE: link (never replaces), then unlink
            if (::link(path.c_str(), to.c_str()) == 0) {
                ::unlink(path.c_str());
                return to;
            }
            if (errno == EEXIST) continue;
        }
        refuse(path, "cannot move it aside: " + error_text(errno));
    }
    refuse(path, "cannot move it aside: too many earlier copies");
}

void write_stdout(std::string_view text) {
    std::cout.flush();
    if (!text.empty() && std::fwrite(text.data(), 1, text.size(), stdout) != text.size())
        refuse("standard output", "write failed: " + error_text(errno));
    if (std::fflush(stdout) != 0) refuse("standard output", "write failed: " + error_text(errno));
}

void finish_stdout() {
    errno = 0;
    std::cout.flush();  // synchronised with stdio: this flushes stdout and sets errno on failure
    int error = errno;
    errno = 0;
    const bool flushed = std::fflush(stdout) == 0;
    if (errno != 0) error = errno;
    if (!flushed || std::ferror(stdout) || std::cout.bad()) refuse("standard output", "write failed: " + error_text(error));
}

}  // namespace io
