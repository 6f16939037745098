#pragma once
// Writing an output file so that a run can neither lie about it nor destroy
// anything: the whole text or nothing, never over an input, a device, a
// folder or (unless forced) a read-only file, and no temporary file that
// outlives the next run.

#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace io {

/// What write_atomically refuses besides folders and non-regular files.
struct WriteRules {
    /// Replace an existing read-only file (its permissions are kept).
    bool force = false;
    /// Files this run reads: the output may not be any of them. Compared by
    /// device and inode after following links, so another name, a symlink or
    /// a hard link to an input is refused too. See files_read().
    std::vector<std::string> inputs;
    /// fsync the new file before the rename, so it survives a power cut, not
    /// only a crash or kill -9 (which the rename alone survives). A per-edit
    /// autosave may turn it off to keep a slow disk out of the frame time.
    bool sync = true;
};

/// Writes `path` atomically, or throws calc::InputError ("path: what is
/// wrong", exit 2) and leaves every file as it was:
/// - a symlink is followed (to at most 40 levels) and its target replaced;
/// - refused: a folder; an existing device, FIFO or socket (checked without
///   opening it, so a FIFO never blocks); a read-only file unless
///   `rules.force`; any of `rules.inputs`; a folder that does not exist;
/// - the text goes to an unnamed file in the target's folder (O_TMPFILE),
///   or where that is unsupported a new file with an unpredictable name
///   (`.NAME.dedeleg-PID-RANDOM.tmp`) created exclusively (O_EXCL, never
///   through a link); every write is checked, the file fsync'ed, given the
///   replaced file's permissions (new files: 0666 less the umask), then
///   renamed over the target. If `write` throws or any write fails, nothing
///   is left behind and the exception passes on;
/// - before writing, temporary files of dead dedeleg processes in that
///   folder (and `.NAME.PID.tmp` of older versions) are removed, so a kill -9
///   leaves nothing once the next run has finished.
/// Safe to call from several threads for different targets.
void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& write,
                      const WriteRules& rules = {});

/// `path` with symlinks followed: the file write_atomically would replace.
/// Throws calc::InputError for a link loop or more than 40 levels.
std::filesystem::path resolve_output_path(const std::string& path);

/// Removes, in `folder`, the temporary files that write_atomically's dead
/// processes left (the PID in the name is not running), owned by this user;
/// with `target_name`, also that target's `.NAME.PID.tmp` of older versions.
/// Returns how many were removed. Never throws.
std::size_t remove_stale_temporary_files(const std::filesystem::path& folder, std::string_view target_name = {});

/// The first of `inputs` that is the same file as `path`: same device and
/// inode after following links, so another spelling (../, a symlink) or a
/// hard link to an input is caught. Empty when none is (or `path` does not
/// exist). The one test write_atomically and keep_aside apply.
std::string input_named_by(const std::string& path, const std::vector<std::string>& inputs);

/// Moves a file that cannot be used (a damaged recovery file, say) out of
/// the way without deleting or replacing anything: renames `path` to
/// "<path>.<why>-YYYYMMDD-HHMMSS" (UTC; "-2", "-3" ... if taken; never over an
/// existing name) and returns the new name. Works for any kind of file,
/// FIFOs and folders included. Throws calc::InputError if it cannot, or if
/// `path` is one of `inputs` (see input_named_by): an input is never moved.
std::string keep_aside(const std::string& path, std::string_view why = "unreadable",
                       const std::vector<std::string>& inputs = {});

/// Writes `text` to standard output and flushes it; throws calc::InputError
/// ("standard output: write failed: ...") if any byte could not be written
/// (a full disk, a closed pipe's EPIPE, /dev/full).
void write_stdout(std::string_view text);

/// Flushes std::cout and stdout and throws as write_stdout does if anything
/// written to them since the start failed. Front ends call it last.
void finish_stdout();

}  // namespace io
