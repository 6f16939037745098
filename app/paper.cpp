#include "app/paper.hpp"

#include "app/embedded.hpp"
#include "app/forecast.hpp"
#include "app/paper_history.hpp"
#include "app/scenario.hpp"
#include "calc/diagnostic.hpp"
#include "io/atomic_folder.hpp"
#include "io/atomic_write.hpp"
#include "io/text_file.hpp"
#include "rates/template_loader.hpp"
#include "report/paper.hpp"

namespace app {

namespace {

rates::PaperTemplate load_words(const PaperSpec& spec) {
    if (!spec.template_file.empty()) return rates::load_template_file(spec.template_file);
    const char* name = spec.inputs.rates.empty() ? kHaveringTemplate : kGenericTemplate;
    return rates::load_template(embedded_text(name), std::string("embedded: ") + name);
}

// The placeholders of the tables of words and the appendices.
void fill_tables_and_appendices(rates::PaperTemplate& w, const rates::Placeholders& values) {
    const auto fill_tables = [&](std::vector<rates::WordsTable>& tables) {
        for (rates::WordsTable& t : tables) {
            t.heading = rates::fill(t.heading, values);
            for (std::string& c : t.columns) c = rates::fill(c, values);
            for (auto& row : t.rows)
                for (std::string& c : row) c = rates::fill(c, values);
        }
    };
    for (rates::ServiceText& s : w.services) fill_tables(s.tables);
    for (rates::TextSection& s : w.before) fill_tables(s.tables);
    for (rates::TextSection& s : w.after) fill_tables(s.tables);
    for (rates::Appendix& a : w.appendices) {
        a.heading = rates::fill(a.heading, values);
        for (rates::TextSection& s : a.parts) {
            s.heading = rates::fill(s.heading, values), s.text = rates::fill(s.text, values);
            fill_tables(s.tables);
        }
    }
}

// Every placeholder filled from the inputs.
void fill_words(rates::PaperTemplate& w, const Inputs& in) {
    const rates::Placeholders values{in.schedule.authority, in.schedule.year, in.previous ? in.previous->year : "the previous year",
                                     in.schedule.census_label.empty() ? in.census.source : in.schedule.census_label};
    for (std::string* text : {&w.authority, &w.title, &w.version, &w.date, &w.contact, &w.closing_date, &w.services_heading,
                              &w.statement})
        *text = rates::fill(*text, values);
    for (rates::TextSection& s : w.before) s.heading = rates::fill(s.heading, values), s.text = rates::fill(s.text, values);
    for (rates::TextSection& s : w.after) s.heading = rates::fill(s.heading, values), s.text = rates::fill(s.text, values);
    for (rates::ServiceText& s : w.services) s.text = rates::fill(s.text, values);
    fill_tables_and_appendices(w, values);
}

// A template's service text for a service the schedule lacks would never be printed: say so.
void check_words_against(const rates::PaperTemplate& w, const calc::Schedule& schedule) {
    std::vector<calc::Diagnostic> problems;
    for (const rates::ServiceText& s : w.services)
        if (!schedule.find(s.id)) {
            std::string ids;
            for (const calc::Service& svc : schedule.services) ids += (ids.empty() ? "" : ", ") + svc.id;
            problems.push_back({w.source, s.line, "service." + s.id,
                                "no service \"" + s.id + "\" in the " + schedule.year + " schedule (" + ids + ")"});
        }
    if (!problems.empty()) throw calc::InputError(std::move(problems));
}

std::vector<rates::LedgerFile> load_ledgers(const PaperSpec& spec) {
    std::vector<rates::LedgerFile> out;
    if (spec.ledgers.empty() && spec.inputs.rates.empty()) out.push_back(load_ledger(LedgerSpec{}));  // the shipped maternity ledger
    for (const std::string& file : spec.ledgers) out.push_back(load_ledger(LedgerSpec{"", file}));
    return out;
}

}  // namespace

PaperWritten write_paper(const PaperSpec& spec) {
    InputSpec input_spec = spec.inputs;
    input_spec.wants_previous = true;
    const Inputs in = load_inputs(input_spec);
    const std::vector<rates::LedgerFile> ledgers = load_ledgers(spec);
    check_ledgers_against(ledgers, in.schedule);
    rates::PaperTemplate words = load_words(spec);
    check_words_against(words, in.schedule);
    check_appendices(words, in.schedule);
    rates::History history = load_paper_history(spec.history_file, spec.inputs.rates.empty(), in);
    fill_words(words, in);

    const report::TablesReport tables(in.census, in.schedule, in.previous ? &*in.previous : nullptr);
    report::Paper paper{tables, std::move(words), {}, in.previous.has_value(), {}, std::move(history)};
    const Scenario scenario(in.census, in.previous ? *in.previous : in.schedule, in.schedule);
    for (std::size_t i = 0; i < in.census.schools.size(); ++i) {
        if (in.census.schools[i].governance != calc::Governance::maintained) continue;
        calc::SchoolStatement st = scenario.statement(i);
        if (!st.lines.empty()) paper.statements.push_back(std::move(st));
    }
    for (const rates::LedgerFile& ledger : ledgers)
        paper.forecasts.emplace_back(ledger.ledger.service,
                                     forecast_at_rate(ledger, in.schedule.year, proposal_rate(ledger, in.schedule, in.census),
                                                      10000, 1));

    PaperWritten written{spec.out, {"paper.html", "paper.xlsx", "statements.html"}, in.schedule.services.size(),
                         paper.statements.size(), paper.words.source, {}};
    written.notes = io::write_folder_atomically(
        spec.out, written.files,
        [&](const std::filesystem::path& folder) {
            io::write_atomically((folder / "paper.html").string(), [&](std::ostream& out) { report::write_paper_html(out, paper); });
            io::write_atomically((folder / "statements.html").string(),
                                 [&](std::ostream& out) { report::write_statements_html(out, paper); });
            try {
                report::write_paper_xlsx((folder / "paper.xlsx").string(), paper);
            } catch (const std::runtime_error& e) {
                throw calc::InputError({{spec.out, 0, "paper.xlsx", e.what()}});
            }
        },
        spec.force, io::files_read()).notes;
    return written;
}

}  // namespace app
