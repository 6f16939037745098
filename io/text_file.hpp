#pragma once
// Reading inputs whole and writing outputs atomically.

#include <functional>
#include <ostream>
#include <string>

namespace io {

/// The whole file as bytes. Throws calc::InputError ("path: cannot read: ...").
std::string read_text_file(const std::string& path);

/// Writes `path` through a temporary file in the same folder and renames it
/// into place, so a failed run never leaves a partial file. If `write`
/// throws, the temporary file is removed and the exception passes on.
void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace io
