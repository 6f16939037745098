#pragma once
// Loading Ofsted's latest inspection of each school (the extract in
// data/ofsted/, one row per school, columns named as Ofsted's official
// statistics give them) and an LA's own support categories (URN,Category
// [,Intervention]).

#include "census/csv_rows.hpp"
#include "model/improvement.hpp"

#include <map>
#include <string>
#include <string_view>

namespace census {

/// Rows by URN. Needs the columns urn, school_name, last_inspection_date,
/// last_inspection_kind, outcome, graded_overall_effectiveness,
/// quality_of_education, behaviour_and_attitudes, personal_development,
/// leadership_and_management, category_of_concern; others are ignored.
/// Read by read_csv_table (every row as wide as the header, no control
/// characters, a file bounded). Every word is one Ofsted writes in that column
/// (census/ofsted_words.hpp, any case; kept as Ofsted spells it), blank only
/// where Ofsted leaves it blank: a school never inspected (kind blank) has no
/// date, grades or category and the outcome "Not yet inspected"; an inspected
/// one has a calendar date, an outcome of its kind (a graded one's is its
/// overall effectiveness), an overall effectiveness and all four key judgements.
/// Throws calc::InputError (file:line: column: ...) with every problem.
std::map<std::string, model::InspectionRecord> load_inspections(std::string_view text, const std::string& file);
std::map<std::string, model::InspectionRecord> load_inspections(const CsvTable& table, const std::string& file);
std::map<std::string, model::InspectionRecord> load_inspections_file(const std::string& path);

/// URN,Category[,Intervention][,School] with Intervention yes/no (blank: by the
/// rules); other columns, and rows that set nothing, are refused.
/// A category must be one of `stage_ids` (the framework's stages).
std::map<std::string, model::LaCategory> load_la_categories(std::string_view text, const std::string& file,
                                                            const std::vector<std::string>& stage_ids);
std::map<std::string, model::LaCategory> load_la_categories(const CsvTable& table, const std::string& file,
                                                            const std::vector<std::string>& stage_ids);
std::map<std::string, model::LaCategory> load_la_categories_file(const std::string& path,
                                                                 const std::vector<std::string>& stage_ids);

}  // namespace census
