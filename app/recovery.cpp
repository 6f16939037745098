#include "app/recovery.hpp"

#include "app/embedded.hpp"
#include "calc/diagnostic.hpp"
#include "io/atomic_write.hpp"
#include "io/text_file.hpp"
#include "rates/schedule_loader.hpp"
#include "rates/toml_bounds.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <sstream>

namespace app {

namespace {

std::string fnv1a64(std::string_view bytes) {
    std::uint64_t h = 1469598103934665603ull;
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        h ^= c;
        h *= 1099511628211ull;
    }
    char out[17];
    std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
    return out;
}

InputIdentity::File identify(const std::string& role, const std::string& path, std::string_view embedded_default) {
    if (path.empty()) return {role, "embedded:" + std::string(embedded_default), fnv1a64(embedded_text(embedded_default))};
    return {role, path, fnv1a64(io::read_text_file(path))};
}

constexpr std::string_view kTag = "#@ ";  // a header line: "#@ role = hash name"

// What a recovery file's header says. `whole` when it names census, rates and
// baseline once each, in that order, each with a 16-digit hex hash, followed by
// its "# saved" line: a header cut short (or otherwise damaged) is not whole.
struct Header {
    InputIdentity of;
    bool whole = false;
};

bool is_hash(std::string_view s) { return s.size() == 16 && s.find_first_not_of("0123456789abcdef") == std::string_view::npos; }

Header parse_header(std::string_view text) {
    static const char* const kRoles[] = {"census", "rates", "baseline"};
    Header header;
    bool damaged = false, saved = false;
    std::istringstream in{std::string(text)};  // read up to the first line that is not a comment
    std::string line;
    while (!saved && std::getline(in, line) && line.rfind("#", 0) == 0) {
        if (line.rfind("# saved ", 0) == 0) {
            saved = !in.eof();  // a "# saved" line that ends the file was cut too
            continue;
        }
        if (line.rfind(kTag, 0) != 0) continue;
        std::istringstream fields(line.substr(kTag.size()));
        std::string role, eq, hash, name;
        fields >> role >> eq >> hash;
        std::getline(fields, name);
        const std::size_t at = header.of.files.size();
        if (eq != "=" || !is_hash(hash) || name.size() < 2 || at >= 3 || role != kRoles[at] || in.eof()) {
            damaged = true;
            continue;
        }
        header.of.files.push_back({role, name.substr(1), hash});
    }
    header.whole = !damaged && saved && header.of.files.size() == 3;
    return header;
}

}  // namespace

std::string utc_now() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char out[32];
    std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return out;
}

std::string InputIdentity::key() const {
    std::string all;
    for (const File& f : files) all += f.role + f.hash;
    return fnv1a64(all).substr(0, 12);
}

std::string InputIdentity::header(const std::string& saved_at) const {
    std::string out =
        "# dedeleg recovery file: the unsaved scenario of a live session, saved after every edit.\n"
        "# It is a schedule `dedeleg` can run; the lines below say which inputs it belongs to.\n";
    for (const File& f : files) out += std::string(kTag) + f.role + " = " + f.hash + " " + f.name + "\n";
    out += "# saved " + saved_at + "\n";
    return out;
}

std::string InputIdentity::describe() const {
    std::string out;
    for (const File& f : files) out += (out.empty() ? "" : ", ") + f.role + " " + f.name;
    return out.empty() ? "unknown inputs" : out;
}

InputIdentity identify_inputs(const std::string& census, const std::string& rates, const std::string& baseline) {
    return {{identify("census", census, kDefaultCensus), identify("rates", rates, kDefaultRates),
             identify("baseline", baseline, kDefaultPrevious)}};
}

RecoveryFound read_recovery(const std::string& path, const InputIdentity& inputs, const std::vector<std::string>& input_files) {
    RecoveryFound found;
    if (path.empty()) return found;
    struct stat st{};
    if (::stat(path.c_str(), &st) != 0) {
        if (errno != ENOENT) found.problem = "Recovery file " + path + " cannot be read: " + std::strerror(errno);
        return found;
    }
    auto put_aside = [&](const std::string& why, const std::string& what) {
        try {
            found.kept_as = io::keep_aside(path, why, input_files);
            found.problem = "Recovery file " + path + " " + what + "; kept as " + found.kept_as;
        } catch (const calc::InputError& e) {
            found.problem = "Recovery file " + path + " " + what + "; it could not be moved aside (" +
                            e.diagnostics.front().to_string() + "), autosave is off";
            found.writable = false;
        }
    };
    if (!S_ISREG(st.st_mode)) {  // a FIFO would block the start; a folder cannot be read: never opened
        put_aside("not-a-file", "is not a regular file");
        return found;
    }
    std::string text;
    try {
        // Regular files only, opened without blocking: a FIFO swapped in after the stat above never hangs the start.
        text = io::read_text_file(path, {rates::kTomlBounds.max_bytes, true});
    } catch (const calc::InputError& e) {
        found.problem = "Recovery file " + e.diagnostics.front().to_string();
        return found;
    }
    const Header header = parse_header(text);
    if (!header.whole) {
        // Cut inside its header (or damaged there), it names no inputs for certain, so it belongs to no
        // session: left where it was, it would turn autosave off at every start on these inputs.
        put_aside("unreadable", text.empty()                        ? "was empty"
                                : text.find(kTag) == std::string::npos ? "is not a recovery file (no inputs named)"
                                                                       : "has a damaged header (cut short?)");
        return found;
    }
    if (!header.of.same_inputs(inputs)) {
        // Kept for the session it belongs to; this window must not overwrite it.
        found.problem = "Recovery file " + path + " belongs to other files (" + header.of.describe() +
                        "); not offered, autosave is off";
        found.writable = false;
        return found;
    }
    try {
        found.proposal = rates::load_schedule(text, path);
        const auto saved = text.find("# saved ");
        if (saved != std::string::npos) found.note = "Saved " + text.substr(saved + 8, 20) + ".";
    } catch (const calc::InputError& e) {
        put_aside("unreadable", "could not be read as a schedule (" + e.diagnostics.front().to_string() + ")");
    }
    return found;
}

void refuse_recovery_over_input(const std::string& option, const std::string& path,
                                const std::vector<std::pair<std::string, std::string>>& inputs) {
    for (const auto& [role, input] : inputs)
        if (!io::input_named_by(path, {input}).empty())
            throw calc::InputError({{option, 0, "",
                                     path + " is the " + role + " (" + input +
                                         "), the same file: autosave would overwrite it; give the recovery file "
                                         "a path of its own"}});
}

std::string recovery_path(const std::string& explicit_path, const InputIdentity& inputs, std::string& warning) {
    if (!explicit_path.empty()) return explicit_path;
    std::string dir;
    if (const char* state = std::getenv("XDG_STATE_HOME"); state && *state) dir = std::string(state) + "/dedeleg";
    else if (const char* home = std::getenv("HOME"); home && *home) dir = std::string(home) + "/.local/state/dedeleg";
    else {
        warning = "Autosave is off: neither HOME nor XDG_STATE_HOME is set (use --recovery-file FILE)";
        return "";
    }
    return dir + "/recovery-" + inputs.key() + ".toml";
}

bool RecoveryLock::acquire(const std::string& path, std::string& warning) {
    release();
    std::error_code ignored;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ignored);
    lock_path_ = path + ".lock";
    fd_ = ::open(lock_path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0600);
    if (fd_ < 0) {
        warning = "Autosave is off: cannot use " + path + " (" + std::strerror(errno) + ")";
        return false;
    }
    // A window that was just closed may still be exiting: give it a second before saying it is live.
    bool locked = false;
    for (int attempt = 0; attempt < 10 && !locked; ++attempt) {
        locked = ::flock(fd_, LOCK_EX | LOCK_NB) == 0;
        if (!locked && attempt + 1 < 10) ::usleep(100'000);
    }
    if (!locked) {
        ::close(fd_);
        fd_ = -1;
        warning = "Autosave is off: another dedeleg-gui window is saving to " + path;
        return false;
    }
    return true;
}

void RecoveryLock::release() {
    if (fd_ < 0) return;
    ::close(fd_);  // the lock file stays: removing it would race a window that just opened it
    fd_ = -1;
}

}  // namespace app
