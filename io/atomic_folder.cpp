#include "io/atomic_folder.hpp"

#include "calc/diagnostic.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>

namespace io {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void refuse(const std::string& dir, const std::string& message) {
    throw calc::InputError({{dir, 0, "", message}});
}

// True when `file` is inside `folder` (both as the file system resolves them).
bool is_inside(const fs::path& file, const fs::path& folder) {
    std::error_code error;
    const fs::path f = fs::weakly_canonical(file, error);
    if (error) return false;
    const fs::path d = fs::weakly_canonical(folder, error);
    if (error) return false;
    auto fi = f.begin();
    for (auto di = d.begin(); di != d.end(); ++di, ++fi)
        if (fi == f.end() || *di != *fi) return false;
    return true;
}

fs::path fresh_folder(const fs::path& parent, const std::string& name, const std::string& dir) {
    std::random_device device;
    for (int attempt = 0; attempt < 100; ++attempt) {
        char tail[32];
        std::snprintf(tail, sizeof tail, "%ld-%08x", static_cast<long>(::getpid()), static_cast<unsigned>(device()));
        const fs::path temp = parent / ("." + name + ".dedeleg-" + tail + ".tmp");
        if (::mkdir(temp.c_str(), 0777) == 0) return temp;
        if (errno != EEXIST) refuse(dir, "cannot write in folder " + parent.string() + ": " + std::strerror(errno));
    }
    refuse(dir, "cannot create a temporary folder in " + parent.string());
}

}  // namespace

void write_folder_atomically(const std::string& dir, const std::function<void(const fs::path& folder)>& fill, bool force,
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
        if (!force) refuse(dir, "already exists; it is left as it is (--force replaces it)");
        for (const std::string& input : inputs)
            if (is_inside(input, target)) refuse(dir, "holds an input of this run (" + input + "); replacing it would destroy it");
        exists = true;
    }

    const fs::path temp = fresh_folder(parent, name, dir);
    try {
        fill(temp);
        if (!exists) {
            if (::rename(temp.c_str(), target.c_str()) != 0)
                refuse(dir, std::string("cannot put the folder in place: ") + std::strerror(errno));
        } else {
            if (::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0)
                refuse(dir, std::string("cannot replace the folder: ") + std::strerror(errno));
            std::error_code ignored;
            fs::remove_all(temp, ignored);  // now the old folder
        }
    } catch (...) {
        std::error_code ignored;
        fs::remove_all(temp, ignored);
        throw;
    }
}

}  // namespace io
