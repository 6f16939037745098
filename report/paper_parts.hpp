#pragma once
// Parts of paper.html beyond the service tables: a template section with its
// tables of words and the tables it asks for (last year's decisions, the
// history of rates), and the appendices with their figures.

#include "report/paper.hpp"

#include <ostream>

namespace report {

/// A [[before]] or [[after]] section: heading, text, tables, then its figures.
void write_text_section_html(std::ostream& out, const Paper& paper, const rates::TextSection& section);
/// Tables of the LA's words, as written.
void write_words_tables_html(std::ostream& out, const std::vector<rates::WordsTable>& tables);
/// Every [[appendix]]: its service's figures first, then its parts.
void write_appendices_html(std::ostream& out, const Paper& paper);

}  // namespace report
