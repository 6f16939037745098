#include "cli/output.hpp"

#include "io/text_file.hpp"

#include <iostream>
#include <sstream>

namespace cli {

void emit(const std::string& path, const std::function<void(std::ostream&)>& write) {
    if (!path.empty()) {
        io::write_atomically(path, write);
        return;
    }
    // Build the whole text first, so an error half way prints nothing partial.
    std::ostringstream text;
    write(text);
    std::cout << text.str() << std::flush;
}

}  // namespace cli
