#include "io/text_file.hpp"

#include "calc/diagnostic.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace io {

std::string read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw calc::InputError({{path, 0, "", std::string("cannot read: ") + std::strerror(errno)}});
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
    namespace fs = std::filesystem;
    const fs::path target(path);
    const fs::path temp = target.parent_path() / ("." + target.filename().string() + "." +
                                                  std::to_string(::getpid()) + ".tmp");
    try {
        {
            std::ofstream out(temp, std::ios::binary | std::ios::trunc);
            if (!out) throw calc::InputError({{path, 0, "", std::string("cannot write: ") + std::strerror(errno)}});
            write(out);
            out.flush();
            if (!out) throw calc::InputError({{path, 0, "", "write failed (disk full?)"}});
        }
        fs::rename(temp, target);
    } catch (...) {
        std::error_code ignored;
        fs::remove(temp, ignored);
        throw;
    }
}

}  // namespace io
