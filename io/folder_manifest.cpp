#include "io/folder_manifest.hpp"

#include "calc/diagnostic.hpp"
#include "io/atomic_write.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

namespace io {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kHeader = "dedeleg output folder manifest 1";
constexpr std::size_t kMaxManifest = 1 << 20;

struct Fingerprint {
    std::uint64_t size = 0;
    std::uint64_t sum = 0;  // FNV-1a, 64 bits: tells an edited file from ours, not a forgery
    bool operator==(const Fingerprint&) const = default;
};

// The file's size and checksum (optionally flushed to disk), or nullopt with `error` set.
std::optional<Fingerprint> fingerprint(const fs::path& file, bool sync, int& error) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        error = errno;
        return std::nullopt;
    }
    Fingerprint f{0, 0xcbf29ce484222325ULL};
    char buffer[1 << 16];
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            error = errno;
            ::close(fd);
            return std::nullopt;
        }
        if (got == 0) break;
        for (ssize_t i = 0; i < got; ++i) f.sum = (f.sum ^ static_cast<unsigned char>(buffer[i])) * 0x100000001b3ULL;
        f.size += static_cast<std::uint64_t>(got);
    }
    if (sync && ::fsync(fd) != 0) {
        error = errno;
        ::close(fd);
        return std::nullopt;
    }
    ::close(fd);
    return f;
}

bool is_plain_name(std::string_view name) {
    return !name.empty() && name != "." && name != ".." && name != kManifestName &&
           name.find_first_of(std::string_view("/\0\n\r", 4)) == std::string_view::npos;
}

// The manifest's entries by name, or nullopt with `why` set.
std::optional<std::map<std::string, Fingerprint>> read_manifest(const fs::path& folder, std::string& why) {
    const fs::path path = folder / kManifestName;
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) {
        why = "it has no " + std::string(kManifestName) + " (dedeleg writes one into every folder it makes)";
        return std::nullopt;
    }
    if (!S_ISREG(st.st_mode) || st.st_size > static_cast<off_t>(kMaxManifest)) {
        why = "its " + std::string(kManifestName) + " is not one dedeleg wrote";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    std::string line;
    if (!std::getline(in, line) || line != kHeader) {
        why = "its " + std::string(kManifestName) + " is not one dedeleg wrote (line 1)";
        return std::nullopt;
    }
    std::map<std::string, Fingerprint> entries;
    for (long number = 2; std::getline(in, line); ++number) {
        if (line.empty() || line.front() == '#') continue;
        Fingerprint f;
        int name_at = -1;
        if (std::sscanf(line.c_str(), "%20" SCNu64 " %16" SCNx64 " %n", &f.size, &f.sum, &name_at) != 2 || name_at < 0 ||
            !is_plain_name(std::string_view(line).substr(static_cast<std::size_t>(name_at))) ||
            !entries.emplace(line.substr(static_cast<std::size_t>(name_at)), f).second) {
            why = "its " + std::string(kManifestName) + " is damaged (line " + std::to_string(number) + ")";
            return std::nullopt;
        }
    }
    if (in.bad()) {
        why = "its " + std::string(kManifestName) + " cannot be read";
        return std::nullopt;
    }
    return entries;
}

}  // namespace

void write_manifest(const fs::path& folder, const std::vector<std::string>& files) {
    std::ostringstream text;
    text << kHeader << "\n# The files dedeleg wrote in this folder: size, checksum, name. dedeleg --force replaces the\n"
                       "# folder only while it holds these files, unchanged, and nothing else.\n";
    for (const std::string& name : files) {
        int error = 0;
        const std::optional<Fingerprint> f = fingerprint(folder / name, true, error);
        if (!f) throw calc::InputError({{(folder / name).string(), 0, "", std::string("cannot read it back: ") + std::strerror(error)}});
        char line[64];
        std::snprintf(line, sizeof line, "%" PRIu64 " %016" PRIx64 " ", f->size, f->sum);
        text << line << name << '\n';
    }
    write_atomically((folder / kManifestName).string(), [&](std::ostream& out) { out << text.str(); });
}

std::string why_not_an_earlier_output(const fs::path& folder) {
    std::string why;
    const auto entries = read_manifest(folder, why);
    if (!entries) return why;
    std::error_code error;
    for (fs::directory_iterator it(folder, error), end; it != end; it.increment(error)) {
        const std::string name = it->path().filename().string();
        if (name == kManifestName) continue;
        struct stat st {};
        if (::lstat(it->path().c_str(), &st) != 0) return "\"" + name + "\" in it cannot be examined";
        const auto listed = entries->find(name);
        if (listed == entries->end())
            return std::string("it holds ") + (S_ISDIR(st.st_mode) ? "the folder \"" : "\"") + name +
                   "\", which dedeleg did not write";
        if (!S_ISREG(st.st_mode)) return "\"" + name + "\" is no longer the file dedeleg wrote";
        int read_error = 0;
        const std::optional<Fingerprint> now = fingerprint(it->path(), false, read_error);
        if (!now) return "\"" + name + "\" cannot be read: " + std::strerror(read_error);
        if (!(*now == listed->second)) return "\"" + name + "\" has changed since dedeleg wrote it";
    }
    if (error) return "it cannot be read: " + error.message();
    return {};
}

std::vector<std::string> manifest_files(const fs::path& folder) {
    std::string why;
    std::vector<std::string> names;
    if (const auto entries = read_manifest(folder, why))
        for (const auto& [name, f] : *entries) names.push_back(name);
    return names;
}

}  // namespace io
