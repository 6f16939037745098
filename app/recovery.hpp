#pragma once
// The live session's recovery file: after every edit the proposal is saved
// (a schedule `dedeleg` can run), headed by comment lines naming the inputs it
// belongs to — census, proposal and baseline, each by name and content hash —
// so a start with other inputs never applies it. One file per set of inputs
// (~/.local/state/dedeleg/recovery-<key>.toml), locked while a window uses it,
// so two windows never overwrite each other's.

#include "calc/schedule.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace app {

/// Which files a scenario was built from. `name` is the path as given (or
/// "embedded:..."); `hash` is FNV-1a 64 of the bytes, in hex.
struct InputIdentity {
    struct File {
        std::string role;  ///< "census", "rates", "baseline"
        std::string name;
        std::string hash;
    };
    std::vector<File> files;

    /// A short stable key of the hashes, for the recovery file's name.
    std::string key() const;
    /// The comment lines that head a recovery file.
    std::string header(const std::string& saved_at) const;
    /// "census x.csv, rates y.toml, baseline z.toml", for messages.
    std::string describe() const;
    friend bool operator==(const File& a, const File& b) { return a.role == b.role && a.hash == b.hash; }
    bool same_inputs(const InputIdentity& other) const { return files == other.files; }
};

/// The identity of the inputs a front end loaded (empty path: the embedded
/// default of that role). Reads each file's bytes once more to hash them.
InputIdentity identify_inputs(const std::string& census, const std::string& rates, const std::string& baseline);

/// What a start found where its recovery file would be.
struct RecoveryFound {
    std::optional<calc::Schedule> proposal;  ///< offered: same inputs, readable
    std::string note;                        ///< shown with the offer (when it was saved)
    std::string problem;                     ///< shown as a warning: kept aside, other inputs, not a file...
    bool writable = true;                    ///< false when the path is not a regular file: no autosave there
    std::string kept_as;                     ///< where a damaged file was moved aside, if it was
};

/// Reads `path` if it is a recovery file of `inputs`. A recovery file of other
/// inputs (its header whole) is left where it is and reported; one that is
/// empty, corrupt, damaged or cut short in its header, or not a schedule is
/// renamed aside (`path.unreadable-<time>`) and reported, and autosave goes on
/// in a new file; a path that is not a regular file (a FIFO, a directory) is
/// never opened. Nothing that is one of `input_files` is ever moved.
RecoveryFound read_recovery(const std::string& path, const InputIdentity& inputs,
                            const std::vector<std::string>& input_files = {});

/// Throws calc::InputError (`option`: exit 2, naming both) if `path` is the same
/// file as one of `inputs` ({role, path}: "census", "census.csv"), however it is
/// spelled (../, a symlink, a hard link): autosave would overwrite that input.
void refuse_recovery_over_input(const std::string& option, const std::string& path,
                                const std::vector<std::pair<std::string, std::string>>& inputs);

/// Where a window's recovery file goes: `explicit_path` if given, else
/// $XDG_STATE_HOME/dedeleg or $HOME/.local/state/dedeleg, file
/// recovery-<key>.toml. Empty with `warning` set when there is no such place.
std::string recovery_path(const std::string& explicit_path, const InputIdentity& inputs, std::string& warning);

/// Holds an exclusive lock on `path` + ".lock" for this process's life (until
/// release or exit), so a second window on the same inputs does not write the
/// same file. False (and `warning` set) when another live window holds it.
class RecoveryLock {
public:
    bool acquire(const std::string& path, std::string& warning);
    void release();
    ~RecoveryLock() { release(); }

private:
    int fd_ = -1;
    std::string lock_path_;
};

/// Now, as an ISO 8601 UTC time, for the header.
std::string utc_now();

}  // namespace app
