#include "cli/output.hpp"

#include "io/text_file.hpp"

#include <sstream>

namespace cli {

void add_out_option(CLI::App& cmd, Output& out, const std::string& help) {
    cmd.add_option("--out,-o", out.path, help);
    cmd.add_flag("--force", out.force, "Replace a read-only --out file (never an input, a folder or a device)");
}

void emit(const Output& out, const std::function<void(std::ostream&)>& write) {
    if (!out.path.empty()) {
        io::write_atomically(out.path, write, {out.force, io::files_read()});
        return;
    }
    // Build the whole text first, so an error half way prints nothing partial.
    std::ostringstream text;
    write(text);
    io::write_stdout(text.str());
}

}  // namespace cli
