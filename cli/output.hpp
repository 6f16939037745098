#pragma once
// Where a command's data goes: stdout, or a file written atomically.

#include <functional>
#include <ostream>
#include <string>

namespace cli {

/// Writes to `path` through a temporary file and rename, or to stdout when
/// `path` is empty. A failure leaves no partial file.
void emit(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace cli
