#include "io/text_file.hpp"

#include "calc/diagnostic.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace io {

std::string read_text_file(const std::string& path) {
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (!file) throw calc::InputError({{path, 0, "", std::string("cannot read: ") + std::strerror(errno)}});
    // One read into a buffer of the file's size: a stringstream copy costs 20x more on a large census.
    std::string bytes;
    char chunk[1 << 16];
    std::size_t got = 0;
    std::error_code ignored;
    const auto size = std::filesystem::file_size(path, ignored);
    if (!ignored) bytes.reserve(static_cast<std::size_t>(size));
    while ((got = std::fread(chunk, 1, sizeof chunk, file)) > 0) bytes.append(chunk, got);
    const bool failed = std::ferror(file) != 0;
    std::fclose(file);
    if (failed) throw calc::InputError({{path, 0, "", "read failed"}});
    return bytes;
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
