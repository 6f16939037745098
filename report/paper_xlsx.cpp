// paper.xlsx: the paper's figures as a workbook the Forum can check.
#include "calc/money_format.hpp"
#include "report/option_words.hpp"
#include "report/paper.hpp"
#include "report/paper_history.hpp"

#include <xlsxwriter.h>

#include <cctype>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>

namespace report {

namespace {

// A cell's column as the sheet names it: A ... Z, AA ...
std::string column_name(long col) {
    std::string out;
    for (++col; col > 0; col = (col - 1) / 26) out.insert(out.begin(), static_cast<char>('A' + (col - 1) % 26));
    return out;
}

// The characters Excel counts in a cell: UTF-16 units (a character past
// U+FFFF counts two), so a text within the limit here is within Excel's.
std::size_t excel_length(const std::string& text) {
    std::size_t n = 0;
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        n += (c & 0xC0) != 0x80 ? (c >= 0xF0 ? 2 : 1) : 0;
    }
    return n;
}

std::string thousands(std::size_t n) {
    std::string digits = std::to_string(n);
    for (std::size_t at = digits.size(); at > 3; at -= 3) digits.insert(at - 3, ",");
    return digits;
}

// A workbook being written: the library's handles and the formats every
// sheet uses. A limit of the format (a cell's length, a sheet's rows or
// columns) is refused with the reason, never left for libxlsxwriter to drop
// the cell, and every call's result is checked: nothing is lost unsaid.
class Book {
public:
    explicit Book(const std::string& path) : book_(workbook_new(path.c_str())) {
        if (!book_) throw std::runtime_error("cannot start the workbook " + path);
        bold_ = format();
        format_set_bold(bold_);
        header_ = format();
        format_set_bold(header_);
        format_set_bottom(header_, LXW_BORDER_THIN);
        format_set_text_wrap(header_);
        pounds_ = number_format("£#,##0");
        pennies_ = number_format("£#,##0.00");
        rate2_ = number_format("£#,##0.00");
        rate3_ = number_format("£#,##0.000");
        rate4_ = number_format("£#,##0.0000");
        count_ = number_format("#,##0.###");
        whole_ = number_format("#,##0");
        total_pounds_ = number_format("£#,##0");
        format_set_bold(total_pounds_);
    }
    ~Book() {
        if (book_) workbook_close(book_);  // only after a failure: close() below is the normal end
    }
    Book(const Book&) = delete;
    Book& operator=(const Book&) = delete;

    // A sheet with exactly this name (the workbook's own sheets).
    lxw_worksheet* sheet(const std::string& name) {
        const lxw_error valid = workbook_validate_sheet_name(book_, name.c_str());
        if (valid != LXW_NO_ERROR) throw std::runtime_error("the sheet name \"" + name + "\": " + lxw_strerror(valid));
        lxw_worksheet* s = workbook_add_worksheet(book_, name.c_str());
        if (!s) throw std::runtime_error("cannot add the sheet " + name);
        names_[s] = name;
        return s;
    }
    // A sheet for `wanted` (a service's id): that name when a sheet may have
    // it, else its start and "~2", "~3"... (a sheet name is at
    // most 31 characters, unique in any case, and "History" is Excel's).
    // Returns whether the name is `wanted` as given.
    std::pair<lxw_worksheet*, bool> sheet_for(const std::string& wanted) {
        if (wanted.size() <= LXW_SHEETNAME_MAX && usable(wanted)) return {sheet(wanted), true};
        for (int n = 2;; ++n) {
            const std::string tail = "~" + std::to_string(n);
            const std::string name = wanted.substr(0, LXW_SHEETNAME_MAX - tail.size()) + tail;
            if (usable(name)) return {sheet(name), false};
        }
    }
    void close() {
        const lxw_error error = workbook_close(book_);
        book_ = nullptr;
        if (error != LXW_NO_ERROR) throw std::runtime_error(std::string("cannot write the workbook: ") + lxw_strerror(error));
    }

    // Refuses a sheet that would need more rows or columns than the format has.
    void needs(lxw_worksheet* s, std::size_t rows, std::size_t columns, const std::string& what) const {
        if (rows > LXW_ROW_MAX)
            throw std::runtime_error("the sheet \"" + names_.at(s) + "\" would need " + thousands(rows) + " rows for " + what +
                                     ", more than a workbook sheet holds (" + thousands(LXW_ROW_MAX) +
                                     ", Excel's limit); dedeleg leaves none out");
        if (columns > LXW_COL_MAX)
            throw std::runtime_error("the sheet \"" + names_.at(s) + "\" would need " + thousands(columns) + " columns for " +
                                     what + ", more than a workbook sheet holds (" + thousands(LXW_COL_MAX) +
                                     ", Excel's limit); dedeleg leaves none out");
    }

    // Text is always a string cell, never a formula: a name starting "=" stays text.
    void text(lxw_worksheet* s, int row, int col, const std::string& value, lxw_format* f = nullptr) {
        in_range(s, row, col);
        if (const std::size_t length = excel_length(value); length > kMaxCellText)
            throw std::runtime_error("the sheet \"" + names_.at(s) + "\", cell " + cell(row, col) + ", would hold " +
                                     thousands(length) + " characters, more than a workbook cell holds (" +
                                     thousands(kMaxCellText) + ", Excel's limit), and dedeleg never cuts one short: \"" +
                                     start_of(value) + "\" (shorten it where it is written)");
        check(worksheet_write_string(s, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), value.c_str(), f), s, row,
              col);
    }
    // A figure as a number cell. The cell's number is the exact decimal's text
    // read once (the workbook stores it as that text); nothing is computed from it.
    void number(lxw_worksheet* s, int row, int col, const calc::Decimal& value, lxw_format* f) {
        in_range(s, row, col);
        check(worksheet_write_number(s, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), std::stod(value.to_string()),
                                     f),
              s, row, col);
    }
    // An exact amount: the number to the penny, and beside it the exact text when it has more places.
    void exact(lxw_worksheet* s, int row, int col, const calc::Decimal& value) {
        number(s, row, col, value, pennies_);
        if (value.significant_places() > 2) text(s, row, col + 1, value.normalized().to_string());
    }
    lxw_format* rate_format(const calc::Decimal& rate) {
        const int places = rate.significant_places();
        return places <= 2 ? rate2_ : places == 3 ? rate3_ : rate4_;
    }
    void headers(lxw_worksheet* s, int row, std::initializer_list<std::string> names) {
        int col = 0;
        for (const std::string& n : names) text(s, row, col++, n, header_);
    }
    void column_width(lxw_worksheet* s, int first, int last, double width) {
        const lxw_error error =
            worksheet_set_column(s, static_cast<lxw_col_t>(first), static_cast<lxw_col_t>(last), width, nullptr);
        if (error != LXW_NO_ERROR)
            throw std::runtime_error("the sheet \"" + names_.at(s) + "\": columns " + column_name(first) + "-" +
                                     column_name(last) + ": " + lxw_strerror(error));
    }
    void widths(lxw_worksheet* s, std::initializer_list<double> columns) {
        int c = 0;
        for (double w : columns) column_width(s, c, c, w), ++c;
    }

    lxw_format *bold_ = nullptr, *header_ = nullptr, *pounds_ = nullptr, *pennies_ = nullptr, *rate2_ = nullptr,
               *rate3_ = nullptr, *rate4_ = nullptr, *count_ = nullptr, *whole_ = nullptr, *total_pounds_ = nullptr;

private:
    static constexpr std::size_t kMaxCellText = 32767;  // LXW_STR_MAX, Excel's limit

    lxw_format* format() {
        lxw_format* f = workbook_add_format(book_);
        if (!f) throw std::runtime_error("cannot add a cell format to the workbook");
        return f;
    }
    lxw_format* number_format(const char* code) {
        lxw_format* f = format();
        format_set_num_format(f, code);
        return f;
    }
    bool usable(const std::string& name) const {
        std::string lower = name;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        // The workbook's own sheets are kept for them, whatever order they are added in.
        for (const char* own : {"summary", "schools", "changes", "ledger", "notes", "history"})
            if (lower == own) return false;
        return workbook_validate_sheet_name(book_, name.c_str()) == LXW_NO_ERROR;
    }
    static std::string cell(int row, int col) { return column_name(col) + std::to_string(static_cast<long>(row) + 1); }
    // The first 40 characters of a text, to say which it is.
    static std::string start_of(const std::string& value) {
        std::size_t end = 0;
        for (int chars = 0; end < value.size() && chars < 40; ++chars) {
            ++end;
            while (end < value.size() && (static_cast<unsigned char>(value[end]) & 0xC0) == 0x80) ++end;
        }
        return value.substr(0, end) + (end < value.size() ? "…" : "");
    }
    void in_range(lxw_worksheet* s, int row, int col) const {
        if (row < 0 || static_cast<long>(row) >= static_cast<long>(LXW_ROW_MAX) || col < 0 || col >= LXW_COL_MAX)
            throw std::runtime_error("the sheet \"" + names_.at(s) + "\" would need a cell in row " +
                                     thousands(static_cast<std::size_t>(row) + 1) + ", column " +
                                     thousands(static_cast<std::size_t>(col) + 1) + ", past what a workbook sheet holds (" +
                                     thousands(LXW_ROW_MAX) + " rows, " + thousands(LXW_COL_MAX) +
                                     " columns, Excel's limits); dedeleg leaves none out");
    }
    void check(lxw_error error, lxw_worksheet* s, int row, int col) const {
        if (error != LXW_NO_ERROR)
            throw std::runtime_error("the sheet \"" + names_.at(s) + "\", cell " + cell(row, col) +
                                     ": cannot be written: " + lxw_strerror(error));
    }

    lxw_workbook* book_;
    std::map<const lxw_worksheet*, std::string> names_;
};

void summary_sheet(Book& b, const Paper& p) {
    const TablesReport& r = p.tables;
    lxw_worksheet* s = b.sheet("Summary");
    b.text(s, 0, 0, p.words.title, b.bold_);
    b.text(s, 1, 0, r.schedule.authority + " · " + r.schedule.year + " · census: " + r.census.source);
    b.headers(s, 3, {"Service", "Kind", "Option", "Schools charged", "Total (as presented)", "Exact total", "Exact (all places)",
                     "Per-school pennies"});
    int row = 4;
    for (const calc::ServiceTable& t : r.tables) {
        if (!t.selected) continue;
        const calc::Service& svc = r.schedule.services[t.service];
        b.text(s, row, 0, svc.name);
        b.text(s, row, 1, std::string(calc::name_of(svc.kind)));
        b.text(s, row, 2, svc.options[t.option].label + (svc.forum_choice() ? " (the Forum's choice)" : ""));
        b.number(s, row, 3, calc::Decimal(static_cast<long long>(t.schools_charged)), b.whole_);
        b.number(s, row, 4, t.presented_total, b.pounds_);
        b.exact(s, row, 5, t.exact_total.value);
        b.number(s, row, 7, t.sum_of_rounded.value, b.pennies_);
        ++row;
    }
    const calc::TablesSummary& sum = r.summary;
    b.text(s, row, 0, "All services", b.bold_);
    b.number(s, row, 3, calc::Decimal(static_cast<long long>(sum.schools_charged)), b.whole_);
    b.number(s, row, 4, sum.presented_total, b.total_pounds_);
    b.exact(s, row, 5, sum.exact_total.value);
    b.number(s, row, 7, sum.sum_of_rounded.value, b.pennies_);
    for (const calc::AlternativeTotal& a : calc::alternative_totals(r.tables, sum)) {  // the Forum's other choices
        b.text(s, ++row, 0, "All services, with " + option_in_total(r.schedule.services[a.service], a.option));
        b.number(s, row, 4, a.presented_total, b.pounds_);
        b.exact(s, row, 5, a.exact_total.value);
        b.number(s, row, 7, a.sum_of_rounded.value, b.pennies_);
    }
    row += 2;
    if (const std::string includes = options_included(r.schedule); !includes.empty())
        b.text(s, row++, 0, "The total for all services includes " + includes + ".");
    b.text(s, row, 0, summary_reconciliation(sum));
    worksheet_freeze_panes(s, 4, 1);
    b.widths(s, {42, 18, 34, 10, 14, 16, 20, 16});
}

// The template's tables of words under a service's figures (the unions, the functions funded).
int words_tables(Book& b, lxw_worksheet* s, int row, const std::vector<rates::WordsTable>& tables) {
    for (const rates::WordsTable& t : tables) {
        if (!t.heading.empty()) b.text(s, row++, 0, t.heading, b.bold_);
        for (std::size_t c = 0; c < t.columns.size(); ++c) b.text(s, row, static_cast<int>(c), t.columns[c], b.header_);
        ++row;
        for (const auto& cells : t.rows) {
            for (std::size_t c = 0; c < cells.size(); ++c) b.text(s, row, static_cast<int>(c), cells[c]);
            ++row;
        }
        ++row;
    }
    return row;
}

void service_sheet(Book& b, const Paper& p, std::size_t index) {
    const TablesReport& r = p.tables;
    const calc::Service& svc = r.schedule.services[index];
    const auto [s, as_given] = b.sheet_for(svc.id);
    b.text(s, 0, 0, svc.name, b.bold_);
    if (!as_given)  // the id is kept whole here, where the sheet's name could not hold it
        b.text(s, 1, 0, "Service " + svc.id + " (a sheet's name is at most 31 characters, and each is used once)");
    const std::string prev = r.previous ? r.previous->year : "Previous";
    b.headers(s, 2, {"Option", "Phase", "Formula factor", "Rate " + r.schedule.year, "Total (as presented)", "Exact total",
                     "Exact (all places)", "Rate " + prev, "Total " + prev + " (this census)"});
    int row = 3;
    for (const calc::ServiceTable& t : r.tables) {
        if (t.service != index) continue;
        const std::string tag = option_tag(svc, t.option);
        const std::string option = svc.options[t.option].label + (tag.empty() ? "" : " (" + tag + ")");
        for (const calc::FactorColumn& c : t.columns) {
            b.text(s, row, 0, option);
            b.text(s, row, 1, c.phase_label);
            b.text(s, row, 2, std::string(calc::label_of(c.factor)));
            b.number(s, row, 3, c.rate.value, b.rate_format(c.rate.value));
            b.number(s, row, 4, c.presented, b.pounds_);
            b.exact(s, row, 5, c.exact.value);
            if (c.previous) b.number(s, row, 7, c.previous->value, b.rate_format(c.previous->value));
            if (c.previous_presented) b.number(s, row, 8, *c.previous_presented, b.pounds_);
            ++row;
        }
        b.text(s, row, 0, option, b.bold_);
        b.text(s, row, 2, "All factors", b.bold_);
        b.number(s, row, 4, t.presented_total, b.total_pounds_);
        b.exact(s, row, 5, t.exact_total.value);
        row += 1;
        for (const std::string& note : service_notes(r, t)) b.text(s, row++, 0, note);
        ++row;
    }
    if (const std::string choice = choice_sentence(svc); !choice.empty()) b.text(s, row++, 0, choice);
    if (const rates::ServiceText* words = p.words.text_for(svc.id)) words_tables(b, s, row + 1, words->tables);
    worksheet_freeze_panes(s, 3, 0);
    b.widths(s, {30, 12, 20, 12, 14, 16, 20, 12, 16});
}

void schools_sheet(Book& b, const Paper& p) {
    const TablesReport& r = p.tables;
    lxw_worksheet* s = b.sheet("Schools");
    b.needs(s, p.statements.size() + 1, r.schedule.services.size() + 4, "the schools and their charges");
    b.text(s, 0, 0, "URN", b.header_);
    b.text(s, 0, 1, "School", b.header_);
    b.text(s, 0, 2, "Phase", b.header_);
    int col = 3;
    for (const calc::Service& svc : r.schedule.services) b.text(s, 0, col++, svc.name, b.header_);
    b.text(s, 0, col, "Total " + r.schedule.year, b.header_);
    int row = 1;
    for (const calc::SchoolStatement& st : p.statements) {
        const calc::School& school = r.census.schools[st.school];
        b.text(s, row, 0, school.urn);
        b.text(s, row, 1, school.name);
        b.text(s, row, 2, std::string(calc::label_of(school.phase)));
        int c = 3;
        for (const calc::Service& svc : r.schedule.services) {
            for (const calc::StatementLine& l : st.lines)
                if (l.service_id == svc.id && l.charged_now) b.number(s, row, c, l.proposal.value, b.pennies_);
            ++c;
        }
        b.number(s, row, c, st.proposal_total.value, b.pennies_);
        ++row;
    }
    worksheet_freeze_panes(s, 1, 2);
    b.column_width(s, 0, 0, 9);
    b.column_width(s, 1, 1, 38);
    b.column_width(s, 2, col, 13);
}

void changes_sheet(Book& b, const Paper& p) {
    const TablesReport& r = p.tables;
    lxw_worksheet* s = b.sheet("Changes");
    b.needs(s, p.statements.size() + 1, 6, "the schools");
    const std::string prev = r.previous ? r.previous->year : "previous";
    b.headers(s, 0, {"URN", "School", "Phase", "Total " + prev + " (its rates, this census)", "Total " + r.schedule.year, "Change"});
    int row = 1;
    for (const calc::SchoolStatement& st : p.statements) {
        const calc::School& school = r.census.schools[st.school];
        b.text(s, row, 0, school.urn);
        b.text(s, row, 1, school.name);
        b.text(s, row, 2, std::string(calc::label_of(school.phase)));
        b.number(s, row, 3, st.baseline_total.value, b.pennies_);
        b.number(s, row, 4, st.proposal_total.value, b.pennies_);
        b.number(s, row, 5, st.change().value, b.pennies_);
        ++row;
    }
    worksheet_freeze_panes(s, 1, 2);
    b.widths(s, {9, 38, 12, 22, 14, 12});
}

void ledger_sheet(Book& b, const Paper& p) {
    lxw_worksheet* s = b.sheet("Ledger");
    int row = 0;
    for (const auto& [id, f] : p.forecasts) {
        b.text(s, row++, 0, f.service_name + ": budget, spend and outturn", b.bold_);
        b.headers(s, row++, {"Year", "Status", "Rate", "Applicable pupils", "Budget", "Spend", "Outturn", "Balance carried forward"});
        const auto line = [&](const model::LedgerRow& r, const char* status) {
            b.text(s, row, 0, r.input.year);
            b.text(s, row, 1, status);
            b.number(s, row, 2, r.input.rate.value, b.rate_format(r.input.rate.value));
            b.number(s, row, 3, calc::Decimal(r.input.pupils), b.whole_);
            b.number(s, row, 4, r.budget, b.pounds_);
            b.number(s, row, 5, r.input.spend, b.pounds_);
            b.number(s, row, 6, r.outturn, b.pounds_);
            b.number(s, row, 7, r.balance, b.pounds_);
            ++row;
        };
        for (const model::LedgerRow& r : f.projection.history) line(r, r.input.forecast ? "forecast" : "actual");
        for (const model::LedgerRow& r : f.projection.projected) line(r, "projected");
        ++row;
    }
    b.widths(s, {12, 10, 10, 16, 12, 12, 12, 20});
}

void decisions_sheet(Book& b, const DecisionsTable& table) {
    lxw_worksheet* s = b.sheet("Decisions");
    b.text(s, 0, 0, "Decisions " + table.year, b.bold_);
    b.headers(s, 2, {"Service", "De-delegation requested " + table.year, "Outcome"});
    int row = 3;
    for (const DecisionRow& d : table.rows) {
        b.text(s, row, 0, d.service);
        b.text(s, row, 1, d.requested);
        b.text(s, row++, 2, d.outcome);
    }
    b.text(s, row + 1, 0, table.source);
    b.widths(s, {70, 16, 30});
}

// A row per rate: service, year, option, phase, factor and the rate as a number.
void rate_history_sheet(Book& b, const Paper& p) {
    lxw_worksheet* s = b.sheet("Rate history");
    b.headers(s, 0, {"Service", "Year", "Option", "Phase", "Formula factor", "Rate", "Note", "From"});
    int row = 1;
    for (const RateHistoryRow& r : rate_history(p)) {
        const calc::Service& svc = p.tables.schedule.services[r.service];
        for (const RateEntry& e : r.rates) {
            b.text(s, row, 0, svc.name);
            b.text(s, row, 1, r.year);
            b.text(s, row, 2, r.option);
            b.text(s, row, 3, e.phase ? std::string(calc::label_of(*e.phase)) : "");
            b.text(s, row, 4, std::string(calc::label_of(e.factor)));
            b.number(s, row, 5, e.rate.value, b.rate_format(e.rate.value));
            b.text(s, row, 6, r.note);
            b.text(s, row++, 7, r.source);
        }
    }
    worksheet_freeze_panes(s, 1, 0);
    b.widths(s, {42, 10, 34, 10, 18, 10, 50, 22});
}

// Each appendix about a service: the engine's figures and the service's own.
void appendices_sheet(Book& b, const Paper& p) {
    lxw_worksheet* s = b.sheet("Appendices");
    int row = 0;
    for (const rates::Appendix& a : p.words.appendices) {
        b.text(s, row++, 0, a.heading, b.bold_);
        if (!a.service.empty()) {
            b.headers(s, row++, {"Figure", "Value", "From"});
            for (const AppendixFigure& f : appendix_figures(p, a.service)) {
                b.text(s, row, 0, f.label);
                b.text(s, row, 1, f.value);
                b.text(s, row++, 2, f.source);
            }
        }
        for (const rates::TextSection& part : a.parts) row = words_tables(b, s, row, part.tables);
        ++row;
    }
    b.widths(s, {70, 60, 40});
}

void notes_sheet(Book& b, const Paper& p) {
    const TablesReport& r = p.tables;
    lxw_worksheet* s = b.sheet("Notes");
    int row = 0;
    const auto line = [&](const std::string& a, const std::string& text) {
        b.text(s, row, 0, a, b.bold_);
        b.text(s, row++, 1, text);
    };
    line("Authority", p.words.authority);
    line("Schedule", r.schedule.authority + " " + r.schedule.year);
    line("Census", r.census.source + (r.schedule.census_label.empty() ? "" : " (" + r.schedule.census_label + ")"));
    if (r.previous) line("Previous year", r.previous->authority + " " + r.previous->year);
    line("Template", p.words.source);
    line("Rounding", calc::charge_sentence(r.schedule.rounding));
    line("Academies", "Never charged.");
    ++row;
    for (const calc::ServiceTable& t : r.tables) {
        const calc::Service& svc = r.schedule.services[t.service];
        for (const std::string& note : service_notes(r, t)) line(svc.name + " · " + svc.options[t.option].label, note);
    }
    b.widths(s, {44, 140});
}

}  // namespace

void write_paper_xlsx(const std::string& path, const Paper& p) {
    Book book(path);
    summary_sheet(book, p);
    for (std::size_t i = 0; i < p.tables.schedule.services.size(); ++i) service_sheet(book, p, i);
    schools_sheet(book, p);
    if (p.has_previous) changes_sheet(book, p);
    if (!p.forecasts.empty()) ledger_sheet(book, p);
    if (const auto decisions = decisions_table(p)) decisions_sheet(book, *decisions);
    rate_history_sheet(book, p);
    if (!p.words.appendices.empty()) appendices_sheet(book, p);
    notes_sheet(book, p);
    book.close();
}

}  // namespace report
