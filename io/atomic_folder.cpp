#include "io/atomic_folder.hpp"

#include "calc/diagnostic.hpp"
#include "io/folder_manifest.hpp"

#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <random>
#include <stdexcept>

namespace io {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void refuse(const std::string& dir, const std::string& message) {
    throw calc::InputError({{dir, 0, "", message}});
}

// True when `path` is `folder` or inside it, both as the file system resolves
// them (links, "..").
bool holds(const fs::path& folder, const fs::path& path) {
    std::error_code error;
    const fs::path f = fs::weakly_canonical(path, error);
    if (error) return false;
    const fs::path d = fs::weakly_canonical(folder, error);
    if (error) return false;
    auto fi = f.begin();
    for (auto di = d.begin(); di != d.end(); ++di, ++fi) {
        if (di->empty() && std::next(di) == d.end()) break;  // a trailing "/"
        if (fi == f.end() || *di != *fi) return false;
    }
    return true;
}

fs::path home_folder() {
    if (const char* home = std::getenv("HOME"); home && *home) return home;
    if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_dir) return pw->pw_dir;
    return {};
}

// The start of the temporary folders' names for the folder `name`: ".NAME.dedeleg-"
// (NAME cut so the whole stays within NAME_MAX).
std::string temporary_prefix(const std::string& name) { return "." + name.substr(0, 200) + ".dedeleg-"; }

fs::path fresh_folder(const fs::path& parent, const std::string& name, const std::string& dir) {
    std::random_device device;
    for (int attempt = 0; attempt < 100; ++attempt) {
        char tail[32];
        std::snprintf(tail, sizeof tail, "%ld-%08x", static_cast<long>(::getpid()), static_cast<unsigned>(device()));
        const fs::path temp = parent / (temporary_prefix(name) + tail + ".tmp");
        if (::mkdir(temp.c_str(), 0777) == 0) return temp;
        if (errno != EEXIST) refuse(dir, "cannot write in folder " + parent.string() + ": " + std::strerror(errno));
    }
    refuse(dir, "cannot create a temporary folder in " + parent.string());
}

// The PID in a temporary folder's name ".NAME.dedeleg-PID-XXXXXXXX.tmp", or 0.
long pid_of_temporary(const std::string& entry, const std::string& prefix) {
    if (entry.size() <= prefix.size() + 4 || entry.compare(0, prefix.size(), prefix) != 0 ||
        entry.compare(entry.size() - 4, 4, ".tmp") != 0)
        return 0;
    const std::string rest = entry.substr(prefix.size(), entry.size() - prefix.size() - 4);  // PID-XXXXXXXX
    const std::size_t dash = rest.find('-');
    if (dash == 0 || dash == std::string::npos || dash > 10 || rest.size() - dash - 1 != 8) return 0;
    if (rest.find_first_not_of("0123456789") != dash || rest.find_first_not_of("0123456789abcdef", dash + 1) != std::string::npos)
        return 0;
    return std::stol(rest.substr(0, dash));
}

bool is_running(long pid) { return pid == ::getpid() || ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM; }

// Removes `folder`'s entries named in `names` (or write_atomically's
// temporaries of them), each only if it is a regular file, then the folder if
// that leaves it empty. Returns what it holds besides: empty when it is gone.
std::vector<std::string> remove_ours(const fs::path& folder, const std::vector<std::string>& names) {
    std::vector<std::string> foreign;
    std::vector<fs::path> ours;
    std::error_code error;
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
        const std::string entry = it->path().filename().string();
        const bool named = std::any_of(names.begin(), names.end(), [&](const std::string& n) {
            return entry == n || (entry.rfind("." + n.substr(0, 200) + ".dedeleg-", 0) == 0 && entry.ends_with(".tmp"));
        });
        struct stat st {};
        if (named && ::lstat(it->path().c_str(), &st) == 0 && S_ISREG(st.st_mode)) ours.push_back(it->path());
        else foreign.push_back(entry);
    }
    if (error) return {"(a folder that cannot be read: " + error.message() + ")"};
    if (!foreign.empty()) return foreign;
    for (const fs::path& file : ours) ::unlink(file.c_str());
    if (::rmdir(folder.c_str()) != 0) return {"(a folder that cannot be removed: " + std::string(std::strerror(errno)) + ")"};
    return {};
}

// Moves the earlier folder `temp`, which cannot be removed, to a visible name
// beside the new one (a hidden temporary would be cleaned by the next run);
// returns the note's start: "paper.earlier-1765152000: the earlier folder is kept here: ".
std::string keep_earlier_folder(const fs::path& temp, const fs::path& parent, const std::string& name) {
    const std::string stem = name + ".earlier-" + std::to_string(::time(nullptr));
    for (int i = 1; i < 100; ++i) {
        const fs::path kept = parent / (i == 1 ? stem : stem + "-" + std::to_string(i));
        if (::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, kept.c_str(), RENAME_NOREPLACE) == 0)
            return kept.string() + ": the earlier folder is kept here: ";
        if (errno != EEXIST) break;
    }
    return temp.string() + ": the earlier folder is kept here: ";
}

std::string quoted_list(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size() && i < 3; ++i) out += (i ? ", \"" : "\"") + names[i] + "\"";
    if (names.size() > 3) out += " and " + std::to_string(names.size() - 3) + " more";
    return out;
}

// Temporary folders beside the target from runs that were killed: removed
// when they hold only what dedeleg writes, else named in a note.
void clean_stale_temporaries(const fs::path& parent, const std::string& name, const std::vector<std::string>& files,
                             FolderWritten& written) {
    const std::string prefix = temporary_prefix(name);
    std::error_code error;
    for (fs::directory_iterator it(parent, error), end; !error && it != end; it.increment(error)) {
        const std::string entry = it->path().filename().string();
        const long pid = pid_of_temporary(entry, prefix);
        struct stat st {};
        if (pid <= 0 || ::lstat(it->path().c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::geteuid()) continue;
        const std::string where = (parent / entry).string();
        if (is_running(pid)) {
            written.notes.push_back(where + ": a temporary folder of process " + std::to_string(pid) +
                                    ", still running, is left alone (if no dedeleg is running, remove it yourself)");
            continue;
        }
        std::vector<std::string> names = files;
        names.push_back(std::string(kManifestName));
        for (const std::string& n : manifest_files(it->path())) names.push_back(n);  // an old folder being replaced
        const std::vector<std::string> foreign = remove_ours(it->path(), names);
        if (!foreign.empty())
            written.notes.push_back(where + ": a temporary folder of a run that stopped holds " + quoted_list(foreign) +
                                    ", which dedeleg did not write there; it is left alone (look inside, then remove it yourself)");
    }
}

// Refuses to replace `target` (an existing folder) unless it is an earlier
// output of dedeleg's that no one has added to or edited, and nothing the user
// stands in or lives in.
void check_replaceable(const std::string& dir, const fs::path& target, const std::vector<std::string>& inputs) {
    const std::string never = "; --force never replaces it. Give a new folder's name, e.g. --out paper";
    std::error_code error;
    const fs::path real = fs::canonical(target, error);
    if (error) refuse(dir, "cannot be examined: " + error.message());
    if (real == real.root_path()) refuse(dir, "is the root folder" + never);
    if (const fs::path home = home_folder(); !home.empty() && holds(real, home))
        refuse(dir, std::string(fs::equivalent(real, home, error) ? "is your home folder" : "holds your home folder") + never);
    if (const fs::path here = fs::current_path(error); !error && holds(real, here))
        refuse(dir, std::string(fs::equivalent(real, here, error) ? "is the current folder" : "holds the current folder") +
                        never);
    for (const std::string& input : inputs)
        if (holds(target, input)) refuse(dir, "holds an input of this run (" + input + "); replacing it would destroy it");
    if (const std::string why = why_not_an_earlier_output(target); !why.empty())
        refuse(dir, "--force replaces only a folder dedeleg wrote, as it left it, and " + why +
                        ". It is left as it is: choose a new folder (or move out what you want to keep and remove it "
                        "yourself)");
}

// Every entry of the filled folder is one of `files`: anything else is a bug in the writer.
void check_filled(const fs::path& temp, const std::vector<std::string>& files) {
    std::error_code error;
    for (fs::directory_iterator it(temp, error), end; !error && it != end; it.increment(error)) {
        const std::string entry = it->path().filename().string();
        if (std::find(files.begin(), files.end(), entry) == files.end() || !fs::is_regular_file(it->symlink_status()))
            throw std::logic_error("the output folder's writer left \"" + entry + "\", which is not in its list of files");
    }
    if (error) throw fs::filesystem_error("cannot read the new folder", temp, error);
}

}  // namespace

FolderWritten write_folder_atomically(const std::string& dir, const std::vector<std::string>& files,
                                      const std::function<void(const fs::path& folder)>& fill, bool force,
                                      const std::vector<std::string>& inputs) {
    if (dir.empty()) refuse("--out", "an empty folder name");
    fs::path target = fs::path(dir);
    if (target.filename().empty()) target = target.parent_path();  // "paper/" names the folder "paper"
    const std::string name = target.filename().string();
    if (name.empty() || name == "." || name == "..") refuse(dir, "give a new folder's name, e.g. --out paper");
    const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
    struct stat st {};
    if (::stat(parent.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) refuse(dir, "the folder " + parent.string() + " does not exist");

    bool exists = false;
    if (::lstat(target.c_str(), &st) == 0) {
        if (!S_ISDIR(st.st_mode)) refuse(dir, "is not a folder (a file, link or device); give a new folder's name");
        if (!force)
            refuse(dir, "already exists; it is left as it is (--force replaces it only if it is a folder dedeleg wrote, "
                        "holding nothing else)");
        check_replaceable(dir, target, inputs);
        exists = true;
    }

    FolderWritten written;
    clean_stale_temporaries(parent, name, files, written);
    const fs::path temp = fresh_folder(parent, name, dir);
    try {
        fill(temp);
        check_filled(temp, files);
        std::vector<std::string> present;
        for (const std::string& f : files)
            if (fs::is_regular_file(fs::symlink_status(temp / f))) present.push_back(f);
        write_manifest(temp, present);
        if (exists) {
            if (::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0)
                refuse(dir, std::string("cannot replace the folder: ") + std::strerror(errno));
        } else {
            // Never over something that appeared meanwhile (rename would replace an empty
            // folder); a file system without RENAME_NOREPLACE gets the plain rename.
            int moved = ::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, target.c_str(), RENAME_NOREPLACE);
            if (moved != 0 && (errno == EINVAL || errno == ENOSYS)) moved = ::rename(temp.c_str(), target.c_str());
            if (moved != 0) refuse(dir, std::string("cannot put the folder in place: ") + std::strerror(errno));
        }
    } catch (...) {
        std::error_code ignored;
        fs::remove_all(temp, ignored);  // still the new folder: all of it is this run's
        throw;
    }
    if (exists) {
        // `temp` is now the earlier folder. It was checked before the run, but a file may have
        // been edited while the paper was made: checked again, and kept whole if so.
        std::string why = why_not_an_earlier_output(temp);
        if (why.empty()) {
            // Only what its manifest lists goes.
            std::vector<std::string> names = manifest_files(temp);
            names.push_back(std::string(kManifestName));
            if (const std::vector<std::string> foreign = remove_ours(temp, names); !foreign.empty())
                why = "it holds " + quoted_list(foreign) + ", which dedeleg did not write";
        }
        if (!why.empty()) written.notes.push_back(keep_earlier_folder(temp, parent, name) + why +
                                                  " (changed while this paper was made; look inside, then remove it yourself)");
    }
    return written;
}

}  // namespace io
