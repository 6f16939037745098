// dedeleg gui: opens the live what-if window (the dedeleg-gui program), so the
// command line needs no display libraries itself.
#include "calc/diagnostic.hpp"
#include "cli/commands.hpp"

#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace cli {

namespace {

// dedeleg-gui beside this program (an install), in the build tree's gui/, or on PATH.
std::string find_gui() {
    std::error_code ignored;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ignored);
    if (!ignored)
        for (const auto& candidate : {self.parent_path() / "dedeleg-gui", self.parent_path().parent_path() / "gui" / "dedeleg-gui"})
            if (std::filesystem::exists(candidate, ignored)) return candidate.string();
    return "dedeleg-gui";
}

}  // namespace

void setup_gui(CLI::App& app) {
    CLI::App* cmd = app.add_subcommand(
        "gui",
        "Open the live what-if window for a Forum meeting (runs dedeleg-gui; every option is passed on, see "
        "dedeleg gui --help). With no options: the Havering sample, 2024-25 as baseline, 2025-26 as proposal.\n"
        "Example: dedeleg gui --rates proposal.toml --baseline 2024-25.toml --census oct-2024.csv");
    cmd->prefix_command();  // everything after `gui` belongs to dedeleg-gui, --help included
    cmd->set_help_flag();
    cmd->callback([cmd] {
        const std::string program = find_gui();
        std::vector<std::string> args = {program};
        for (const std::string& a : cmd->remaining()) args.push_back(a);
        std::vector<char*> argv;
        for (std::string& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execvp(program.c_str(), argv.data());
        throw calc::InputError({{"dedeleg gui", 0, "",
                                 "cannot start dedeleg-gui: it is built only where Dear ImGui, GLFW and OpenGL are "
                                 "installed (scripts/setup installs them)"}});
    });
}

}  // namespace cli
