#include "app/embedded.hpp"

#include <stdexcept>

namespace app {

std::string_view embedded_text(std::string_view name) {
    for (const EmbeddedFile& f : embedded_files())
        if (f.name == name) return f.text;
    throw std::out_of_range("no embedded file " + std::string(name));
}

}  // namespace app
