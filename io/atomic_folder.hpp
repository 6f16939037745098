#pragma once
// Writing a folder of outputs (a Forum paper, its workbook, the statements)
// all at once or not at all.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace io {

/// Writes the folder `dir` atomically, or throws calc::InputError ("dir:
/// what is wrong", exit 2) and leaves everything as it was:
/// - `fill` writes the files into a fresh hidden folder beside `dir`
///   (`.NAME.dedeleg-PID-RANDOM.tmp`); when it returns, that folder is renamed
///   to `dir`. If `fill` throws, the temporary folder is removed and the
///   exception passes on: a failed run leaves no `dir` and no temporary;
/// - an existing `dir` is refused unless `force`; then the new folder is
///   swapped in whole (one rename that exchanges the two) and the old one
///   removed only after;
/// - refused even with `force`: `dir` that is a file, a device or a link to
///   one; a `dir` holding any of `inputs` (replacing it would destroy an
///   input); a parent folder that does not exist.
void write_folder_atomically(const std::string& dir, const std::function<void(const std::filesystem::path& folder)>& fill,
                             bool force, const std::vector<std::string>& inputs);

}  // namespace io
