#pragma once
// Writing a folder of outputs (a Forum paper, its workbook, the statements)
// all at once or not at all, and replacing only a folder dedeleg made.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace io {

/// What the user should hear about besides the folder written: temporary
/// folders beside it that were left alone, and why.
struct FolderWritten {
    std::vector<std::string> notes;
};

/// Writes the folder `dir` atomically, or throws calc::InputError ("dir:
/// what is wrong", exit 2) and leaves everything as it was:
/// - `fill` writes `files` (plain names) into a fresh hidden folder beside
///   `dir` (`.NAME.dedeleg-PID-RANDOM.tmp`); then a manifest of them
///   (io/folder_manifest.hpp) is added and the folder renamed to `dir`. If
///   `fill` throws, the temporary folder is removed and the exception passes
///   on: a failed run leaves no `dir` and no temporary. A file `fill` writes
///   that is not in `files` is a bug (std::logic_error);
/// - an existing `dir` is refused unless `force`; with it, only a folder
///   that holds exactly an earlier output (its manifest and the unchanged
///   files it lists, nothing else) is replaced: swapped in whole (one rename
///   that exchanges the two), then the old one's listed files removed;
/// - refused even with `force`: `dir` that is a file, a device or a link;
///   `/`, the home folder or a folder holding it; the current folder or one
///   holding it (compared as the file system resolves them: links, ".."); a
///   `dir` holding any of `inputs`; a parent folder that does not exist;
/// - temporary folders of runs that were killed (same name pattern beside
///   `dir`, owned by this user, PID not running) are removed first when
///   they hold only what dedeleg writes there; any other is left alone and
///   named in the notes.
FolderWritten write_folder_atomically(const std::string& dir, const std::vector<std::string>& files,
                                      const std::function<void(const std::filesystem::path& folder)>& fill, bool force,
                                      const std::vector<std::string>& inputs);

}  // namespace io
