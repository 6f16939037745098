// paper.xlsx: the paper's figures as a workbook the Forum can check.
#include "calc/money_format.hpp"
#include "report/paper.hpp"

#include <xlsxwriter.h>

#include <stdexcept>
#include <string>

namespace report {

namespace {

// A workbook being written: the library's handles and the formats every sheet uses.
class Book {
public:
    explicit Book(const std::string& path) : book_(workbook_new(path.c_str())) {
        if (!book_) throw std::runtime_error("cannot start the workbook " + path);
        bold_ = workbook_add_format(book_);
        format_set_bold(bold_);
        header_ = workbook_add_format(book_);
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

    lxw_worksheet* sheet(const std::string& name) {
        lxw_worksheet* s = workbook_add_worksheet(book_, name.substr(0, 31).c_str());
        if (!s) throw std::runtime_error("cannot add the sheet " + name);
        return s;
    }
    void close() {
        const lxw_error error = workbook_close(book_);
        book_ = nullptr;
        if (error != LXW_NO_ERROR) throw std::runtime_error(std::string("cannot write the workbook: ") + lxw_strerror(error));
    }

    // Text is always a string cell, never a formula: a name starting "=" stays text.
    void text(lxw_worksheet* s, int row, int col, const std::string& value, lxw_format* f = nullptr) {
        worksheet_write_string(s, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), value.c_str(), f);
    }
    // A figure as a number cell. The cell's number is the exact decimal's text
    // read once (the workbook stores it as that text); nothing is computed from it.
    void number(lxw_worksheet* s, int row, int col, const calc::Decimal& value, lxw_format* f) {
        worksheet_write_number(s, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), std::stod(value.to_string()), f);
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

    lxw_format *bold_ = nullptr, *header_ = nullptr, *pounds_ = nullptr, *pennies_ = nullptr, *rate2_ = nullptr,
               *rate3_ = nullptr, *rate4_ = nullptr, *count_ = nullptr, *whole_ = nullptr, *total_pounds_ = nullptr;

private:
    lxw_format* number_format(const char* code) {
        lxw_format* f = workbook_add_format(book_);
        format_set_num_format(f, code);
        return f;
    }
    lxw_workbook* book_;
};

void widths(lxw_worksheet* s, std::initializer_list<double> columns) {
    lxw_col_t c = 0;
    for (double w : columns) worksheet_set_column(s, c, c, w, nullptr), ++c;
}

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
        b.text(s, row, 2, svc.options[t.option].label);
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
    b.text(s, row + 2, 0, summary_reconciliation(sum));
    worksheet_freeze_panes(s, 4, 1);
    widths(s, {42, 18, 34, 10, 14, 16, 20, 16});
}

void service_sheet(Book& b, const Paper& p, std::size_t index) {
    const TablesReport& r = p.tables;
    const calc::Service& svc = r.schedule.services[index];
    lxw_worksheet* s = b.sheet(svc.id);
    b.text(s, 0, 0, svc.name, b.bold_);
    const std::string prev = r.previous ? r.previous->year : "Previous";
    b.headers(s, 2, {"Option", "Phase", "Formula factor", "Rate " + r.schedule.year, "Total (as presented)", "Exact total",
                     "Exact (all places)", "Rate " + prev, "Total " + prev + " (this census)"});
    int row = 3;
    for (const calc::ServiceTable& t : r.tables) {
        if (t.service != index) continue;
        const std::string option = svc.options[t.option].label + (t.selected ? " (proposed)" : "");
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
    worksheet_freeze_panes(s, 3, 0);
    widths(s, {30, 12, 20, 12, 14, 16, 20, 12, 16});
}

void schools_sheet(Book& b, const Paper& p) {
    const TablesReport& r = p.tables;
    lxw_worksheet* s = b.sheet("Schools");
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
    worksheet_set_column(s, 0, 0, 9, nullptr);
    worksheet_set_column(s, 1, 1, 38, nullptr);
    worksheet_set_column(s, 2, static_cast<lxw_col_t>(col), 13, nullptr);
}

void changes_sheet(Book& b, const Paper& p) {
    const TablesReport& r = p.tables;
    lxw_worksheet* s = b.sheet("Changes");
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
    widths(s, {9, 38, 12, 22, 14, 12});
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
    widths(s, {12, 10, 10, 16, 12, 12, 12, 20});
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
    widths(s, {44, 140});
}

}  // namespace

void write_paper_xlsx(const std::string& path, const Paper& p) {
    Book book(path);
    summary_sheet(book, p);
    for (std::size_t i = 0; i < p.tables.schedule.services.size(); ++i) service_sheet(book, p, i);
    schools_sheet(book, p);
    if (p.has_previous) changes_sheet(book, p);
    if (!p.forecasts.empty()) ledger_sheet(book, p);
    notes_sheet(book, p);
    book.close();
}

}  // namespace report
