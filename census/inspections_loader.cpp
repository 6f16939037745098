#include "census/inspections_loader.hpp"

#include "census/ofsted_words.hpp"

#include <algorithm>
#include <array>

namespace census {

namespace {

struct Columns {
    std::map<std::string, std::size_t> index;
    // Records are as wide as the header (read_csv_table), so a named column is always there.
    std::string_view get(const CsvRow& row, const std::string& name) const {
        const auto it = index.find(name);
        return it == index.end() ? std::string_view() : std::string_view(row.fields.at(it->second));
    }
};

Columns header(const CsvRow& row, const std::string& file, std::initializer_list<std::string_view> needed,
               std::vector<calc::Diagnostic>& problems) {
    Columns c;
    for (std::size_t i = 0; i < row.fields.size(); ++i) {
        std::string name = row.fields[i];
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        if (!c.index.emplace(name, i).second)
            problems.push_back({file, row.line, row.fields[i], "column given twice (names are not case-sensitive)"});
    }
    for (std::string_view n : needed)
        if (!c.index.count(std::string(n))) problems.push_back({file, row.line, std::string(n), "missing column"});
    return c;
}

bool is_urn(std::string_view s) {
    return !s.empty() && s.size() <= 8 && s[0] != '0' && std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

constexpr std::array<std::string_view, 4> kKeyJudgementColumns = {"quality_of_education", "behaviour_and_attitudes",
                                                                  "personal_development", "leadership_and_management"};

// Reads one record's Ofsted words, each as Ofsted spells it, adding a problem
// for a word Ofsted does not write there or a blank where it writes one.
class RecordReader {
public:
    RecordReader(const std::string& file, const Columns& columns, std::vector<calc::Diagnostic>& problems)
        : file_(file), columns_(columns), problems_(problems) {}

    model::InspectionRecord read(const CsvRow& row) {
        line_ = row.line;
        model::InspectionRecord r;
        r.line = row.line;
        r.urn = std::string(columns_.get(row, "urn"));
        if (!is_urn(r.urn)) problem("urn", quoted(r.urn) + " is not a URN (digits, no leading zero)");
        r.school_name = std::string(columns_.get(row, "school_name"));

        const std::string_view kind = columns_.get(row, "last_inspection_kind");
        if (!kind.empty()) {
            if (auto k = ofsted_spelling(kind, inspection_kinds())) r.kind = *k;
            else problem("last_inspection_kind", quoted(kind) + " is not an inspection kind: write " +
                                                     words_list(inspection_kinds()) + ", or leave it blank for a school never inspected");
        }
        const bool never = kind.empty();
        const std::string_view date = columns_.get(row, "last_inspection_date");
        if (!date.empty()) {
            r.last_inspection = model::parse_date(date);
            if (!r.last_inspection)
                problem("last_inspection_date", quoted(date) + " is not a date of the calendar; write one as 2023-06-20");
        }
        if (never && !date.empty())
            problem("last_inspection_date", "a date with no last_inspection_kind; give the kind (graded or ungraded)");
        if (!never && date.empty()) problem("last_inspection_date", "blank; an inspection of kind " + quoted(kind) + " has a date");

        r.overall_effectiveness = word(row, "graded_overall_effectiveness", overall_effectiveness_words(), never);
        for (std::size_t i = 0; i < kKeyJudgementColumns.size(); ++i)
            r.key_judgements[i] = word(row, kKeyJudgementColumns[i], i == 3 ? leadership_words() : key_judgement_words(), never);
        r.category_of_concern = word(row, "category_of_concern", concern_words(), never, /*blank_allowed=*/true);

        const std::string_view outcome = columns_.get(row, "outcome");
        const OfstedWords outcomes = never                 ? never_inspected_outcomes()
                                     : r.kind == "graded" ? graded_outcomes()
                                                          : ungraded_outcomes();
        const std::string what = never ? "a school never inspected" : "a" + std::string(r.kind == "ungraded" ? "n " : " ") + r.kind + " inspection";
        if (auto o = ofsted_spelling(outcome, outcomes)) r.outcome = *o;
        else if (!r.kind.empty() || never)
            problem("outcome", (outcome.empty() ? std::string("blank") : quoted(outcome)) + "; Ofsted writes the outcome of " + what +
                                   " as " + words_list(outcomes));
        // A graded inspection's outcome is its overall effectiveness (so in every row of Ofsted's file).
        if (r.kind == "graded" && !r.outcome.empty() && !r.overall_effectiveness.empty() && r.outcome != r.overall_effectiveness)
            problem("outcome", quoted(r.outcome) + " but graded_overall_effectiveness is " + quoted(r.overall_effectiveness) +
                                   "; a graded inspection's outcome is its overall effectiveness");
        return r;
    }

private:
    void problem(std::string_view column, std::string message) {
        problems_.push_back({file_, line_, std::string(column), std::move(message)});
    }

    // A grade column: blank for a school never inspected, else one of `words`
    // (blank too when `blank_allowed`: no category of concern).
    std::string word(const CsvRow& row, std::string_view column, OfstedWords words, bool never, bool blank_allowed = false) {
        const std::string_view text = columns_.get(row, std::string(column));
        if (never) {
            if (!text.empty())
                problem(column, quoted(text) + " for a school never inspected (last_inspection_kind blank); leave it blank, "
                                               "or give the inspection's kind and date");
            return {};
        }
        if (text.empty()) {
            if (!blank_allowed) problem(column, "blank; Ofsted writes one of " + words_list(words) + " for every inspected school");
            return {};
        }
        if (auto w = ofsted_spelling(text, words)) return *w;
        problem(column, quoted(text) + " is not Ofsted's word for it: write " + words_list(words) + (blank_allowed ? ", or leave it blank" : ""));
        return {};
    }

    const std::string& file_;
    const Columns& columns_;
    std::vector<calc::Diagnostic>& problems_;
    long line_ = 0;
};

}  // namespace

std::map<std::string, model::InspectionRecord> load_inspections(std::string_view text, const std::string& file) {
    return load_inspections(read_csv_table(text, file), file);
}

std::map<std::string, model::InspectionRecord> load_inspections(const CsvTable& table, const std::string& file) {
    std::vector<calc::Diagnostic> problems;
    std::map<std::string, model::InspectionRecord> out;
    const Columns c = header(table.header, file,
                             {"urn", "school_name", "last_inspection_date", "last_inspection_kind", "outcome",
                              "graded_overall_effectiveness", "quality_of_education", "behaviour_and_attitudes",
                              "personal_development", "leadership_and_management", "category_of_concern"},
                             problems);
    if (!problems.empty()) throw calc::InputError(std::move(problems));
    RecordReader reader(file, c, problems);
    for (const CsvRow& row : table.records) {
        if (problems.size() > calc::kMaxProblems) break;  // InputError keeps 100 and says it stopped
        model::InspectionRecord r = reader.read(row);
        const std::string urn = r.urn;
        if (is_urn(urn) && !out.emplace(urn, std::move(r)).second)
            problems.push_back({file, row.line, "urn", "URN " + urn + " given twice"});
    }
    if (!problems.empty()) throw calc::InputError(std::move(problems));
    return out;
}

std::map<std::string, model::InspectionRecord> load_inspections_file(const std::string& path) {
    return load_inspections(read_csv_table_file(path), path);
}

std::map<std::string, model::LaCategory> load_la_categories(std::string_view text, const std::string& file,
                                                            const std::vector<std::string>& stage_ids) {
    return load_la_categories(read_csv_table(text, file), file, stage_ids);
}

std::map<std::string, model::LaCategory> load_la_categories(const CsvTable& table, const std::string& file,
                                                            const std::vector<std::string>& stage_ids) {
    std::vector<calc::Diagnostic> problems;
    const Columns c = header(table.header, file, {"urn", "category"}, problems);
    for (const auto& [name, index] : c.index)
        if (name != "urn" && name != "category" && name != "intervention" && name != "school")
            problems.push_back({file, table.header.line, table.header.fields[index],
                                "unknown column (expected URN, Category, Intervention and optionally School)"});
    if (!problems.empty()) throw calc::InputError(std::move(problems));
    std::string known;
    for (const std::string& s : stage_ids) known += (known.empty() ? "" : ", ") + s;
    std::map<std::string, model::LaCategory> out;
    for (const CsvRow& row : table.records) {
        const std::string urn(c.get(row, "urn"));
        if (!is_urn(urn)) {
            problems.push_back({file, row.line, "URN", "\"" + urn + "\" is not a URN"});
            continue;
        }
        model::LaCategory cat;
        cat.line = row.line;
        const std::string category(c.get(row, "category"));
        if (!category.empty()) {
            if (std::find(stage_ids.begin(), stage_ids.end(), category) == stage_ids.end())
                problems.push_back({file, row.line, "Category", "no category \"" + category + "\" in the framework (" + known + ")"});
            cat.stage_id = category;
        }
        std::string intervention(c.get(row, "intervention"));
        std::transform(intervention.begin(), intervention.end(), intervention.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        if (intervention == "yes") cat.intervention = true;
        else if (intervention == "no") cat.intervention = false;
        else if (!intervention.empty()) problems.push_back({file, row.line, "Intervention", "write yes, no or leave it blank"});
        if (!cat.stage_id && !cat.intervention)
            problems.push_back({file, row.line, "Category", "give a category, an intervention yes/no, or both (the row does nothing)"});
        if (!out.emplace(urn, cat).second) problems.push_back({file, row.line, "URN", "URN " + urn + " given twice"});
    }
    if (!problems.empty()) throw calc::InputError(std::move(problems));
    return out;
}

std::map<std::string, model::LaCategory> load_la_categories_file(const std::string& path, const std::vector<std::string>& stage_ids) {
    return load_la_categories(read_csv_table_file(path), path, stage_ids);
}

}  // namespace census
