#include "census/inspections_loader.hpp"

#include "census/csv_rows.hpp"
#include "io/text_file.hpp"

#include <algorithm>

namespace census {

namespace {

struct Columns {
    std::map<std::string, std::size_t> index;
    std::string_view get(const CsvRow& row, const std::string& name) const {
        const auto it = index.find(name);
        return it == index.end() || it->second >= row.fields.size() ? std::string_view() : std::string_view(row.fields[it->second]);
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

}  // namespace

std::map<std::string, model::InspectionRecord> load_inspections(std::string_view text, const std::string& file) {
    const std::vector<CsvRow> rows = read_csv_rows(text, file);
    std::vector<calc::Diagnostic> problems;
    std::map<std::string, model::InspectionRecord> out;
    if (rows.empty()) throw calc::InputError({{file, 0, "", "empty: no header row"}});
    const Columns c = header(rows[0], file,
                             {"urn", "school_name", "last_inspection_date", "last_inspection_kind", "outcome",
                              "graded_overall_effectiveness", "quality_of_education", "behaviour_and_attitudes",
                              "personal_development", "leadership_and_management", "category_of_concern"},
                             problems);
    if (!problems.empty()) throw calc::InputError(std::move(problems));
    for (std::size_t i = 1; i < rows.size() && problems.size() < 100; ++i) {
        const CsvRow& row = rows[i];
        model::InspectionRecord r;
        r.line = row.line;
        r.urn = std::string(c.get(row, "urn"));
        if (!is_urn(r.urn)) {
            problems.push_back({file, row.line, "urn", "\"" + r.urn + "\" is not a URN (digits, no leading zero)"});
            continue;
        }
        r.school_name = std::string(c.get(row, "school_name"));
        const std::string_view date = c.get(row, "last_inspection_date");
        if (!date.empty()) {
            r.last_inspection = model::parse_date(date);
            if (!r.last_inspection) problems.push_back({file, row.line, "last_inspection_date", "write a date as 2023-06-20, not \"" + std::string(date) + "\""});
        }
        r.kind = std::string(c.get(row, "last_inspection_kind"));
        if (r.kind != "graded" && r.kind != "ungraded" && !r.kind.empty())
            problems.push_back({file, row.line, "last_inspection_kind", "must be graded, ungraded or blank, not \"" + r.kind + "\""});
        r.outcome = std::string(c.get(row, "outcome"));
        r.overall_effectiveness = std::string(c.get(row, "graded_overall_effectiveness"));
        r.key_judgements = {std::string(c.get(row, "quality_of_education")), std::string(c.get(row, "behaviour_and_attitudes")),
                            std::string(c.get(row, "personal_development")), std::string(c.get(row, "leadership_and_management"))};
        r.category_of_concern = std::string(c.get(row, "category_of_concern"));
        const std::string urn = r.urn;
        if (!out.emplace(urn, std::move(r)).second) problems.push_back({file, row.line, "urn", "URN " + urn + " given twice"});
    }
    if (!problems.empty()) throw calc::InputError(std::move(problems));
    return out;
}

std::map<std::string, model::InspectionRecord> load_inspections_file(const std::string& path) {
    return load_inspections(io::read_text_file(path), path);
}

std::map<std::string, model::LaCategory> load_la_categories(std::string_view text, const std::string& file,
                                                            const std::vector<std::string>& stage_ids) {
    const std::vector<CsvRow> rows = read_csv_rows(text, file);
    std::vector<calc::Diagnostic> problems;
    if (rows.empty()) throw calc::InputError({{file, 0, "", "empty: no header row"}});
    const Columns c = header(rows[0], file, {"urn", "category"}, problems);
    for (const auto& [name, index] : c.index)
        if (name != "urn" && name != "category" && name != "intervention" && name != "school")
            problems.push_back({file, rows[0].line, rows[0].fields[index],
                                "unknown column (expected URN, Category, Intervention and optionally School)"});
    if (!problems.empty()) throw calc::InputError(std::move(problems));
    std::string known;
    for (const std::string& s : stage_ids) known += (known.empty() ? "" : ", ") + s;
    std::map<std::string, model::LaCategory> out;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const CsvRow& row = rows[i];
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
    return load_la_categories(io::read_text_file(path), path, stage_ids);
}

}  // namespace census
