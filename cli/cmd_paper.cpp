// dedeleg paper: the consultation paper, its workbook and a statement per school.
#include "app/paper.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"

#include <iostream>
#include <memory>

namespace cli {

namespace {

void run_paper(const app::PaperSpec& spec) {
    const app::PaperWritten w = app::write_paper(spec);
    std::string folder = w.folder;
    while (folder.size() > 1 && folder.back() == '/') folder.pop_back();
    std::cerr << "wrote " << folder << "/: ";
    for (std::size_t i = 0; i < w.files.size(); ++i) std::cerr << (i ? ", " : "") << w.files[i];
    std::cerr << " (" << w.services << " services, " << w.statements << " school statements; words from " << w.template_source
              << ")\n";
    for (const std::string& note : w.notes) std::cerr << "note: " << note << '\n';
}

}  // namespace

void setup_paper(CLI::App& app) {
    auto spec = std::make_shared<app::PaperSpec>();
    CLI::App* cmd = app.add_subcommand(
        "paper",
        "Write the Forum consultation into a new folder: paper.html (print it from a browser to A4 or PDF; "
        "its tables paste into Word as tables), paper.xlsx (Summary, a sheet per service, Schools, Changes, "
        "Ledger, Notes) and statements.html (a page per maintained school: its counts × rates). The folder "
        "appears whole or not at all.\n"
        "With no options: Havering's 2025-26 schedule on the sample census, 2024-25 as last year, the "
        "maternity ledger and Havering's words.\n"
        "Another LA: dedeleg paper --rates 2025-26.toml --previous 2024-25.toml --census october.csv "
        "--ledger maternity.toml --template our-words.toml --out paper\n"
        "A template is TOML: [paper] authority, title, version, date, contact, closing_date, statement; "
        "[[before]] and [[after]] heading + text (+ figures = \"decisions\" or \"rate-history\"); [[service]] id + text; "
        "tables of words as [[service.table]] columns + rows; [[appendix]] heading, service, [[appendix.part]] "
        "(see README). Without --template "
        "another LA's schedule gets the generic words, never Havering's.");
    add_rates_option(*cmd, spec->inputs);
    add_census_option(*cmd, spec->inputs);
    add_previous_option(*cmd, spec->inputs);
    add_choice_option(*cmd, spec->inputs);
    cmd->add_option("--ledger", spec->ledgers,
                    "A service's ledger (TOML; repeatable): its table and forecast chart go in that service's section");
    cmd->add_option("--template", spec->template_file, "The LA's words (TOML); default as above");
    cmd->add_option("--history", spec->history_file,
                    "The LA's record (TOML): last year's decisions, earlier years' rates, its services' own figures "
                    "(see README); default: Havering's with the default inputs, else none");
    cmd->add_option("--out,-o", spec->out, "The folder to write (must not exist, unless --force)")->required();
    cmd->add_flag("--force", spec->force,
                  "Replace a folder that holds an earlier paper exactly as dedeleg wrote it (its .dedeleg-manifest and the "
                  "files it lists, unedited, nothing else); any other folder is refused and left as it is (choose a new "
                  "folder), and never the current folder, one above it, your home folder or one holding an input");
    cmd->callback([spec] { run_paper(*spec); });
}

}  // namespace cli
