#pragma once
// The Forum paper use case: the consultation as paper.html, paper.xlsx and
// statements.html, from a census, a schedule, last year's schedule, ledgers
// and the LA's words (a template).

#include "app/inputs.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace app {

struct PaperSpec {
    InputSpec inputs;                  ///< wants_previous is set by write_paper
    std::vector<std::string> ledgers;  ///< ledger files; none with the default inputs: the shipped maternity ledger
    std::string template_file;         ///< empty: Havering's words for the default inputs, else the generic template
    std::string history_file;          ///< decisions, earlier rates, service figures; empty: Havering's with the default inputs, else none
    std::string out;                   ///< the folder to write
    bool force = false;                ///< replace an existing folder, if it is an earlier paper (io::write_folder_atomically)
};

/// What was written, for the front end to say.
struct PaperWritten {
    std::string folder;
    std::vector<std::string> files;  ///< names inside the folder
    std::size_t services = 0;
    std::size_t statements = 0;
    std::string template_source;
    std::vector<std::string> notes;  ///< temporary folders of stopped runs left beside it, and why
};

/// Writes the paper's folder atomically (io::write_folder_atomically): all of
/// it or, on any error, nothing. Throws calc::InputError for bad inputs.
PaperWritten write_paper(const PaperSpec& spec);

/// The shipped templates' names ("templates/havering/2025-26.toml", "templates/generic.toml").
inline constexpr const char* kHaveringTemplate = "templates/havering/2025-26.toml";
inline constexpr const char* kGenericTemplate = "templates/generic.toml";

}  // namespace app
