// dedeleg paper: the HTML paper holds every published figure of sections
// 4.1-4.8 in its service's section; a statement equals its school's census
// counts × the schedule's rates; a failed run leaves nothing; another LA's
// paper has no Havering words.
#include "calc/decimal.hpp"
#include "calc/money_format.hpp"
#include "calc/number_text.hpp"
#include "cli_run.hpp"
#include "paper_golden.hpp"

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <set>

namespace {

namespace fs = std::filesystem;
using testing_cli::dedeleg;
using testing_cli::scratch;
using testing_cli::slurp;

#define EXPECT_SHOWS(text, figure) EXPECT_NE((text).find(figure), std::string::npos) << "missing: " << (figure)

// One service's part of paper.html.
std::string section(const std::string& html, const std::string& id) {
    const std::size_t from = html.find("<section class=\"service\" id=\"service-" + id + "\">");
    EXPECT_NE(from, std::string::npos) << id;
    if (from == std::string::npos) return {};
    return html.substr(from, html.find("</section>", from) - from);
}

class HaveringPaper : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir = new fs::path(scratch("paper"));
        run = new testing_cli::Run(dedeleg("paper --out paper", *dir));
    }
    static void TearDownTestSuite() {
        fs::remove_all(*dir);
        delete run;
        delete dir;
    }
    static fs::path* dir;
    static testing_cli::Run* run;
};
fs::path* HaveringPaper::dir = nullptr;
testing_cli::Run* HaveringPaper::run = nullptr;

TEST_F(HaveringPaper, WritesTheThreeFilesAndSaysSo) {
    ASSERT_EQ(run->exit_code, 0) << run->err;
    EXPECT_EQ(run->err, "wrote paper/: paper.html, paper.xlsx, statements.html (8 services, 40 school statements; words from "
                        "embedded: templates/havering/2025-26.toml)\n");
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(*dir / "paper")) files += entry.is_regular_file();
    EXPECT_EQ(files, 4u);  // and .dedeleg-manifest, which --force looks for
    for (const auto& entry : fs::directory_iterator(*dir))  // no temporary folder left beside it
        EXPECT_EQ(entry.path().filename().string().find(".dedeleg-"), std::string::npos) << entry.path();
}

TEST_F(HaveringPaper, EveryPublishedFigureIsInItsServiceSection) {
    const std::string html = slurp(*dir / "paper" / "paper.html");
    for (const golden::ServiceFigures& s : golden::havering_2025_26()) {
        const std::string part = section(html, s.id);
        for (const std::string& figure : s.figures) EXPECT_SHOWS(part, figure) << " in " << s.id;
    }
    // The paper's own reconciliation: 4.5's total is one pound less than its rounded factors.
    EXPECT_SHOWS(section(html, "behaviour-support"), "The factor totals, each rounded, add to £195,484; the exact total £195,483.");
    EXPECT_SHOWS(section(html, "school-improvement"), "£58,300.80 ÷ 17,280 = £3.3738… → £3.38 (rounded up)");
    EXPECT_SHOWS(html, "Reconciliation: schools are charged £1,860,414.85 in all");
}

TEST_F(HaveringPaper, IsSelfContainedAndPrintable) {
    const std::string html = slurp(*dir / "paper" / "paper.html");
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("http://"), html.find("http://www.w3.org/2000/svg"));  // only the SVG namespace
    EXPECT_EQ(html.find("https://"), std::string::npos);
    EXPECT_EQ(html.find("@import"), std::string::npos);
    EXPECT_SHOWS(html, "@page { size: A4;");
    EXPECT_SHOWS(html, "counter(page)");
    EXPECT_SHOWS(html, "thead { display: table-header-group; }");
    EXPECT_SHOWS(html, "<h2>Introduction</h2>");
    EXPECT_SHOWS(html, "Maternity leave insurance: budget, spend and outturn");  // the ledger, with its chart
    EXPECT_SHOWS(html, "<h2>Summary of all services</h2>");
    EXPECT_SHOWS(html, "Appendix: each maintained school");
    EXPECT_EQ(std::count(html.begin(), html.end(), '<') , std::count(html.begin(), html.end(), '>'));
}

// Clockhouse-style check: the first maintained school's statement, worked here
// from its census row and the schedule's rates (no engine code).
TEST_F(HaveringPaper, AStatementIsItsCensusCountsTimesTheRates) {
    const std::string census = slurp(fs::path(DEDELEG_SOURCE_DIR) / "census/samples/havering-2023.csv");
    const std::string statements = slurp(*dir / "paper" / "statements.html");
    // The header, then the first row whose Governance is maintained and Phase primary.
    std::istringstream lines(census);
    std::string header, row;
    std::getline(lines, header);
    std::vector<std::string> names;
    for (std::size_t at = 0; at != std::string::npos;) {
        const std::size_t comma = header.find(',', at);
        names.push_back(header.substr(at, comma == std::string::npos ? std::string::npos : comma - at));
        at = comma == std::string::npos ? comma : comma + 1;
    }
    std::map<std::string, std::string> school;
    while (std::getline(lines, row)) {
        if (row.find('"') != std::string::npos) continue;
        std::vector<std::string> cells;
        std::stringstream fields(row);
        for (std::string c; std::getline(fields, c, ',');) cells.push_back(c);
        std::map<std::string, std::string> s;
        for (std::size_t i = 0; i < names.size() && i < cells.size(); ++i) s[names[i]] = cells[i];
        if (s["Governance"] == "maintained" && s["Phase"] == "primary") {
            school = s;
            break;
        }
    }
    ASSERT_FALSE(school.empty());
    const std::size_t from = statements.find("id=\"urn-" + school["URN"] + "\"");
    ASSERT_NE(from, std::string::npos) << school["URN"];
    const std::string page = statements.substr(from, statements.find("</section>", from) - from);
    const calc::Decimal nor = calc::parse_number(school["NOR"]).value;
    // Maternity: £40.49 per pupil; insurance £21.00; EAL £38.00 per EAL pupil (NOR × EAL3_prop).
    const auto amount = [](const calc::Decimal& d) { return "= " + calc::format_pounds_exact(d); };
    EXPECT_SHOWS(page, amount(nor * calc::parse_number("40.49").value));
    EXPECT_SHOWS(page, amount(nor * calc::parse_number("21.00").value));
    if (school.count("EAL3_prop")) {
        const calc::Decimal eal = nor * calc::parse_number(school["EAL3_prop"]).value;
        EXPECT_SHOWS(page, amount(eal * calc::parse_number("38.00").value));
    }
    EXPECT_SHOWS(page, "<th>Pupils on roll (NOR)</th><td class=\"num\">" + school["NOR"] + "</td>");
    EXPECT_SHOWS(page, "; 2024-25: " + calc::format_pounds(nor * calc::parse_number("36.96").value, 2));  // last year's maternity
    EXPECT_SHOWS(page, "Education Finance");  // the template's contact line
    EXPECT_SHOWS(page, "22 November 2024");    // and closing date
}

// The appendix: each maintained school three rows (this year, last year,
// change), a column per service; each row adds to its total and the change
// row is this year less last year, service by service.
TEST_F(HaveringPaper, TheAppendixShowsEachServiceThisYearLastYearAndTheChange) {
    const std::string html = slurp(*dir / "paper" / "paper.html");
    const std::size_t from = html.find("<section class=\"appendix\">");
    ASSERT_NE(from, std::string::npos);
    const std::string appendix = html.substr(from, html.find("</section>", from) - from);
    const auto value = [](std::string text) {
        if (text == "—") return calc::Decimal(0);
        const bool negative = text.front() == '(';
        std::erase(text, ','), std::erase(text, '('), std::erase(text, ')');
        const calc::Decimal v = calc::parse_number(text).value;
        return negative ? -v : v;
    };
    // Each part of `text` between `open` and `close`, in order (open's own '>' included in it).
    const auto parts = [](const std::string& text, const std::string& open, const std::string& close) {
        std::vector<std::string> out;
        for (std::size_t at = text.find(open); at != std::string::npos; at = text.find(open, at)) {
            const std::size_t begin = text.find('>', at) + 1;
            const std::size_t end = text.find(close, begin);
            out.push_back(text.substr(begin, end - begin));
            at = end;
        }
        return out;
    };
    int schools = 0;
    bool some_change = false;
    for (const std::string& body : parts(appendix, "<tbody class=\"school\"", "</tbody>")) {
        ++schools;
        std::vector<std::vector<calc::Decimal>> rows;
        for (const std::string& row : parts(body, "<tr", "</tr>")) {
            rows.emplace_back();
            for (const std::string& figure : parts(row, "<td class=\"num", "</td>")) rows.back().push_back(value(figure));
        }
        ASSERT_EQ(rows.size(), 3u) << body;
        for (const auto& row : rows) {
            ASSERT_EQ(row.size(), 9u) << body;  // eight services and the total
            calc::Decimal sum(0);
            for (std::size_t i = 0; i + 1 < row.size(); ++i) sum = sum + row[i];
            EXPECT_EQ(sum, row.back()) << body;
        }
        for (std::size_t i = 0; i < 9; ++i) {
            EXPECT_EQ(rows[0][i] - rows[1][i], rows[2][i]) << body;
            some_change = some_change || !rows[2][i].is_zero();
        }
    }
    EXPECT_EQ(schools, 40);
    EXPECT_TRUE(some_change);
    // Parklands (102299): maternity at £40.49 this year and £36.96 last year on its 819 pupils.
    EXPECT_SHOWS(appendix, "<td class=\"year\">2025-26</td><td class=\"num\">17,199.00</td><td class=\"num\">1,385.29</td>"
                           "<td class=\"num\">33,161.31</td>");
    EXPECT_SHOWS(appendix, "<td class=\"year\">2024-25</td><td class=\"num\">17,199.00</td><td class=\"num\">1,385.29</td>"
                           "<td class=\"num\">30,270.24</td>");
}

// The part of `html` from `start` to the end of its section.
std::string part_from(const std::string& html, const std::string& start) {
    const std::size_t from = html.find(start);
    EXPECT_NE(from, std::string::npos) << start;
    if (from == std::string::npos) return {};
    return html.substr(from, html.find("</section>", from) - from);
}

std::string escaped(std::string text) {
    for (std::size_t at = text.find('&'); at != std::string::npos; at = text.find('&', at + 1)) text.replace(at, 1, "&amp;");
    for (std::size_t at = text.find('\''); at != std::string::npos; at = text.find('\'', at)) text.replace(at, 1, "&#39;");
    return text;
}

// The seed's tables beyond 4.1-4.8's figures: section 2's decisions, 4.6's
// unions, 4.7's functions, the rates by year and Appendices A-D with their
// figures, each from data (the history file, the template's tables, the engine).
TEST_F(HaveringPaper, TheSeedsOtherTablesAreThereWithTheirFigures) {
    const std::string html = slurp(*dir / "paper" / "paper.html");
    const std::string decisions = part_from(html, "<h2>2. Services in 2024-25</h2>");
    EXPECT_SHOWS(decisions, "<th>De-delegation requested 2024-25</th>");
    std::size_t rows = 0;
    for (const golden::Decision& d : golden::havering_decisions_2024_25()) {
        EXPECT_SHOWS(decisions, "<tr><td>" + escaped(d.service) + "</td><td>" + d.requested + "</td><td>" + d.outcome + "</td></tr>");
        ++rows;
    }
    EXPECT_EQ(rows, 11u);
    const std::string tu = section(html, "trade-union");
    for (const auto& [name, staff] : golden::havering_unions())
        EXPECT_SHOWS(tu, "<tr><td>" + escaped(name) + "</td><td>" + escaped(staff) + "</td></tr>");
    const std::string statutory = section(html, "statutory-duties");
    EXPECT_SHOWS(statutory, "<td>Budgeting and accounting functions relating to maintained schools (Sch 2, 73)</td>");
    EXPECT_SHOWS(statutory, "<tr><td>Monitoring national curriculum assessment</td><td>Monitoring of National Curriculum "
                            "assessments (Sch 2, 74)</td></tr>");
    const std::string history = part_from(html, "<h2>History of the rates</h2>");
    for (const golden::PastRate& r : golden::havering_rate_history())
        EXPECT_SHOWS(history, "<tr><th>" + escaped(r.service) + "</th><td>" + r.year) << " then " << r.rates;
    for (const golden::PastRate& r : golden::havering_rate_history()) {
        const std::size_t row = history.find("<tr><th>" + escaped(r.service) + "</th><td>" + r.year);
        if (row == std::string::npos) continue;
        const std::string line = history.substr(row, history.find("</tr>", row) - row);
        EXPECT_SHOWS(line, "<td>" + r.rates + "</td>");
    }
    // 2025-26's trade union options both, neither proposed.
    EXPECT_SHOWS(history, "<td>2025-26<br><span class=\"small\">Price unchanged (in the totals)</span></td><td>£2.80 per pupil</td>");
    EXPECT_SHOWS(history, "<td>2025-26<br><span class=\"small\">Increased by 5.5% in line with teachers&#39; pay</span></td>"
                          "<td>£2.96 per pupil</td>");
    for (const golden::ServiceFigures& a : golden::havering_appendices()) {
        const std::string appendix = part_from(html, "<h2>" + a.id + "</h2>");
        for (const std::string& figure : a.figures) EXPECT_SHOWS(appendix, escaped(figure)) << " in " << a.id;
    }
    EXPECT_SHOWS(part_from(html, "<h2>Appendix D"), "<tr><td>Year 3</td><td>A full QA (Ofsted readiness) visit</td></tr>");
}

// Trade union time: the consultation sets out £2.80 and £2.96 and proposes
// neither (section 4.6), so no option is "proposed"; the totals say which
// option they include, and the summary shows the total with the other too.
TEST_F(HaveringPaper, TradeUnionTimeIsTheForumsChoiceNotAProposal) {
    const std::string html = slurp(*dir / "paper" / "paper.html");
    const std::string tu = section(html, "trade-union");
    EXPECT_EQ(tu.find("proposed</span>"), std::string::npos) << tu;
    EXPECT_EQ(tu.find("(proposed)"), std::string::npos) << tu;
    EXPECT_SHOWS(tu, "The Forum chooses between these 2 options; the LA proposes none of them. The totals and the school "
                     "statements include \u201cPrice unchanged\u201d");
    EXPECT_SHOWS(tu, "Option: Price unchanged <span class=\"tag\">in the totals</span>");
    const std::size_t from = html.find("<section class=\"summary\">");
    ASSERT_NE(from, std::string::npos);
    const std::string summary = html.substr(from, html.find("</section>", from) - from);
    EXPECT_SHOWS(summary, "<td>Price unchanged (the Forum&#39;s choice)</td>");
    EXPECT_SHOWS(summary, "The total for all services includes Trade union facility time: Price unchanged.");
    // £2.96 instead of £2.80 on 17,466 pupils: £2,794.56 more.
    EXPECT_SHOWS(summary, "All services, with Trade union facility time: Increased by 5.5% in line with teachers&#39; pay</th>");
    EXPECT_SHOWS(summary, "<td class=\"num\">£1,863,209</td>");
    EXPECT_SHOWS(summary, "<td class=\"num\">£1,863,209.41</td>");
    EXPECT_SHOWS(slurp(*dir / "paper" / "statements.html"),
                 "Trade union facility time<br><span class=\"small\">Price unchanged (the Forum&#39;s choice)</span></th>");
}

TEST(Paper, AnOptionTheScheduleProposesIsCalledProposed) {
    const fs::path dir = scratch("paper-proposed");
    std::string devon = slurp(fs::path(DEDELEG_TEST_DATA) / "devon" / "2025-26.toml");
    const std::size_t at = devon.find("rates = { AWPU = \"1.66\" }");
    ASSERT_NE(at, std::string::npos);
    devon.insert(at, "proposed = \"pay-rise\"\n");
    testing_cli::write(dir / "r.toml", devon);
    const std::string data = std::string(DEDELEG_TEST_DATA) + "/devon/";
    const auto r = dedeleg("paper --census " + data + "census-878.csv --rates r.toml --out paper", dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string tu = section(slurp(dir / "paper" / "paper.html"), "trade-union");
    EXPECT_SHOWS(tu, "Option: Raised 4% <span class=\"tag\">proposed</span>");
    EXPECT_SHOWS(tu, "The LA proposes \u201cRaised 4%\u201d; the Forum may choose another option.");
    EXPECT_EQ(tu.find("Option: Option 1 <span"), std::string::npos);
    fs::remove_all(dir);
}

TEST(Paper, AFailedRunLeavesNoFolder) {
    const fs::path dir = scratch("paper-bad");
    testing_cli::write(dir / "bad.csv", "URN,Phase,Governance,NOR\n100001,primary,maintained,-5\n");
    const auto r = dedeleg("paper --census bad.csv --out paper", dir);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_SHOWS(r.err, "bad.csv:2: NOR: negative: \"-5\"");
    std::size_t entries = 0;
    for (const auto& e : fs::directory_iterator(dir)) entries += e.path().filename() != "bad.csv";
    EXPECT_EQ(entries, 0u);  // no paper/, no temporary folder
    fs::remove_all(dir);
}

TEST(Paper, AnExistingFolderIsKeptUnlessForcedAndNeverOneHoldingAnInput) {
    const fs::path dir = scratch("paper-exists");
    fs::create_directory(dir / "paper");
    testing_cli::write(dir / "paper" / "mine.txt", "keep me");
    auto r = dedeleg("paper --out paper", dir);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_SHOWS(r.err, "paper: already exists; it is left as it is (--force replaces it only if it is a folder dedeleg "
                        "wrote, holding nothing else)");
    EXPECT_TRUE(fs::exists(dir / "paper" / "mine.txt"));
    fs::remove(dir / "paper" / "mine.txt");
    r = dedeleg("paper --out paper2", dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // A folder holding this run's census is never replaced, though it is a paper of dedeleg's.
    fs::copy_file(fs::path(DEDELEG_SOURCE_DIR) / "census/samples/havering-2023.csv", dir / "paper2" / "census.csv");
    r = dedeleg("paper --census paper2/census.csv --out paper2 --force", dir);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_SHOWS(r.err, "holds an input of this run");
    EXPECT_TRUE(fs::exists(dir / "paper2" / "census.csv"));
    fs::remove_all(dir);
}

// Each entry of `dir`, by name.
std::set<std::string> entries_of(const fs::path& dir) {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
    return names;
}

// --force replaces a folder only while it is an earlier paper exactly as
// dedeleg left it (on 72aec1f it deleted whatever the folder held).
TEST(Paper, ForceReplacesOnlyAnEarlierPaperAsDedelegLeftIt) {
    const fs::path dir = scratch("paper-force");
    auto r = dedeleg("paper --out paper", dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::set<std::string> paper{".dedeleg-manifest", "paper.html", "paper.xlsx", "statements.html"};
    EXPECT_EQ(entries_of(dir / "paper"), paper);
    const std::string manifest = slurp(dir / "paper" / ".dedeleg-manifest");
    for (const char* name : {" paper.html\n", " paper.xlsx\n", " statements.html\n"}) EXPECT_SHOWS(manifest, name);

    // An earlier paper, untouched: replaced, and nothing else is left beside it.
    fs::remove(dir / "paper" / "paper.html");  // a file of its own that is gone loses nothing
    r = dedeleg("paper --out paper", dir);
    EXPECT_EQ(r.exit_code, 2);
    r = dedeleg("paper --out paper --force", dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(entries_of(dir / "paper"), paper);
    EXPECT_EQ(entries_of(dir), std::set<std::string>{"paper"});

    const std::string refused = "paper: --force replaces only a folder dedeleg wrote, as it left it, and ";
    const std::string kept = ". It is left as it is: choose a new folder (or move out what you want to keep and remove it yourself)";
    // A file of someone else's.
    testing_cli::write(dir / "paper" / "notes.txt", "my notes");
    r = dedeleg("paper --out paper --force", dir);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_SHOWS(r.err, refused + "it holds \"notes.txt\", which dedeleg did not write" + kept);
    EXPECT_EQ(slurp(dir / "paper" / "notes.txt"), "my notes");
    EXPECT_TRUE(fs::exists(dir / "paper" / "paper.xlsx"));
    fs::remove(dir / "paper" / "notes.txt");
    // A subfolder.
    fs::create_directory(dir / "paper" / "drafts");
    testing_cli::write(dir / "paper" / "drafts" / "v1.docx", "draft");
    r = dedeleg("paper --out paper --force", dir);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_SHOWS(r.err, refused + "it holds the folder \"drafts\", which dedeleg did not write" + kept);
    EXPECT_TRUE(fs::exists(dir / "paper" / "drafts" / "v1.docx"));
    fs::remove_all(dir / "paper" / "drafts");
    // One of its own files edited (a workbook annotated and saved).
    testing_cli::write(dir / "paper" / "paper.xlsx", slurp(dir / "paper" / "paper.xlsx") + "edit");
    r = dedeleg("paper --out paper --force", dir);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_SHOWS(r.err, refused + "\"paper.xlsx\" has changed since dedeleg wrote it" + kept);
    // A folder dedeleg did not write at all.
    fs::create_directory(dir / "mine");
    testing_cli::write(dir / "mine" / "paper.html", "mine");
    r = dedeleg("paper --out mine --force", dir);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_SHOWS(r.err, "mine: --force replaces only a folder dedeleg wrote, as it left it, and it has no .dedeleg-manifest "
                        "(dedeleg writes one into every folder it makes)" + kept);
    EXPECT_EQ(slurp(dir / "mine" / "paper.html"), "mine");
    EXPECT_EQ(entries_of(dir), (std::set<std::string>{"mine", "paper"}));  // no temporary left
    fs::remove_all(dir);
}

// Never the folder the user is in or one above it, however it is named (on
// 72aec1f `--out "$PWD" --force` deleted the current folder).
TEST(Paper, ForceNeverReplacesTheCurrentFolderOrOneAboveIt) {
    const fs::path dir = fs::canonical(scratch("paper-here"));
    ASSERT_EQ(dedeleg("paper --out paper", dir).exit_code, 0);
    const fs::path here = dir / "paper";  // an earlier paper, so only the rule for where one stands refuses it
    const std::string never = "; --force never replaces it. Give a new folder's name, e.g. --out paper";
    auto r = dedeleg("paper --out \"$PWD\" --force", here);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_SHOWS(r.err, "is the current folder" + never);
    r = dedeleg("paper --out ../paper --force", here);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_SHOWS(r.err, "../paper: is the current folder" + never);
    fs::create_directory_symlink(dir, dir / "alias");
    r = dedeleg("paper --out " + (dir / "alias" / "paper").string() + " --force", here);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_SHOWS(r.err, "is the current folder" + never);
    EXPECT_TRUE(fs::exists(here / "paper.html"));
    EXPECT_EQ(entries_of(here).size(), 4u);

    // A parent by absolute path.
    fs::create_directory(dir / "work");
    testing_cli::write(dir / "work" / "budget.ods", "keep");
    r = dedeleg("paper --out " + dir.string() + " --force", dir / "work");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_SHOWS(r.err, dir.string() + ": holds the current folder" + never);
    EXPECT_EQ(slurp(dir / "work" / "budget.ods"), "keep");
    EXPECT_TRUE(fs::exists(here / "paper.html"));
    fs::remove_all(dir);
}

// A PID that is certainly not running: a child that has exited and been reaped.
long dead_pid() {
    const pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    ::waitpid(child, nullptr, 0);
    return child;
}

// A killed run's temporary folder is removed by the next run when it holds
// only what dedeleg writes there, else named (on 72aec1f it stayed for good).
TEST(Paper, AKilledRunsTemporaryFolderIsCleanedByTheNextRun) {
    const fs::path dir = scratch("paper-stale");
    const std::string pid = std::to_string(dead_pid());
    const fs::path killed = dir / (".paper.dedeleg-" + pid + "-0badc0de.tmp");  // killed while writing
    fs::create_directory(killed);
    testing_cli::write(killed / "paper.html", "<html>half");
    testing_cli::write(killed / (".statements.html.dedeleg-" + pid + "-Ab12Cd.tmp"), "half");
    const fs::path odd = dir / (".paper.dedeleg-" + pid + "-12345678.tmp");  // holds something dedeleg never writes
    fs::create_directory(odd);
    testing_cli::write(odd / "notes.txt", "mine");
    const fs::path other = dir / (".papers.dedeleg-" + pid + "-0badc0de.tmp");  // beside another target: not ours to judge
    fs::create_directory(other);
    const auto r = dedeleg("paper --out paper", dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_FALSE(fs::exists(killed));
    EXPECT_EQ(slurp(odd / "notes.txt"), "mine");
    EXPECT_SHOWS(r.err, "note: ./" + odd.filename().string() + ": a temporary folder of a run that stopped holds "
                        "\"notes.txt\", which dedeleg did not write there; it is left alone (look inside, then remove it "
                        "yourself)");
    EXPECT_TRUE(fs::exists(other));
    fs::remove_all(dir);
}

// A text longer than a workbook cell holds is refused, never cut or dropped
// (on 72aec1f libxlsxwriter left the cell out and the run said nothing).
TEST(Paper, AnOverlongCellIsRefusedNotDropped) {
    const fs::path dir = scratch("paper-xlsx");
    testing_cli::write(dir / "c.csv", "URN,School,Phase,Governance,NOR,FSM\n1," + std::string(40000, 'A') +
                                          ",primary,maintained,100,9\n");
    testing_cli::write(dir / "r.toml", "[schedule]\nauthority = \"Testshire\"\nyear = \"2025-26\"\n\n[[service]]\n"
                                      "id = \"fsm\"\nname = \"FSM\"\nkind = \"de-delegated\"\n"
                                      "phases = [\"primary\"]\nrates = { FSM = \"6.255\" }\n");
    auto r = dedeleg("paper --census c.csv --rates r.toml --out p", dir);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_SHOWS(r.err, "p: paper.xlsx: the sheet \"Schools\", cell B2, would hold 40,000 characters, more than a workbook "
                        "cell holds (32,767, Excel's limit), and dedeleg never cuts one short: \"" + std::string(40, 'A') +
                        "…\" (shorten it where it is written)");
    EXPECT_EQ(entries_of(dir), (std::set<std::string>{"c.csv", "r.toml"}));
    // 32,767 characters fit.
    testing_cli::write(dir / "c.csv", "URN,School,Phase,Governance,NOR,FSM\n1," + std::string(32767, 'A') +
                                          ",primary,maintained,100,9\n");
    r = dedeleg("paper --census c.csv --rates r.toml --out p", dir);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    fs::remove_all(dir);
}

// A service id longer than a sheet's name may be gets a sheet of its own,
// the id whole on it (on 72aec1f two such ids sharing 31 characters failed
// with "cannot add the sheet").
TEST(Paper, LongServiceIdsGetSheetsOfTheirOwn) {
    const fs::path dir = scratch("paper-sheets");
    testing_cli::write(dir / "c.csv", "URN,School,Phase,Governance,NOR,FSM\n1,A school,primary,maintained,100,9\n");
    std::string rates = "[schedule]\nauthority = \"Testshire\"\nyear = \"2025-26\"\n";
    const std::string id = "free-school-meals-eligibility-checking";  // 38 characters
    for (const std::string& s : {id + "-a", id + "-b", std::string("schools")})
        rates += "\n[[service]]\nid = \"" + s + "\"\nname = \"S\"\nkind = \"de-delegated\"\nphases = [\"primary\"]\n"
                 "rates = { FSM = \"1.00\" }\n";
    testing_cli::write(dir / "r.toml", rates);
    const auto r = dedeleg("paper --census c.csv --rates r.toml --out p", dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    if (std::system("command -v unzip >/dev/null") != 0) GTEST_SKIP() << "unzip is not installed";
    const std::string command = "cd '" + dir.string() + "' && unzip -p p/paper.xlsx xl/workbook.xml xl/sharedStrings.xml >book.xml";
    ASSERT_EQ(std::system(command.c_str()), 0);
    const std::string book = slurp(dir / "book.xml");
    for (const std::string& sheet : {id.substr(0, 29) + "~2", id.substr(0, 29) + "~3", std::string("schools~2"),
                                     std::string("Schools")})
        EXPECT_SHOWS(book, "<sheet name=\"" + sheet + "\"");
    for (const std::string& s : {id + "-a", id + "-b", std::string("schools")})
        EXPECT_SHOWS(book, "Service " + s + " (a sheet's name is at most 31 characters, and each is used once)");
    fs::remove_all(dir);
}

TEST(Paper, ATemplateIsCheckedLikeAnyInput) {
    const fs::path dir = scratch("paper-template");
    testing_cli::write(dir / "words.toml", "[paper]\nauthority = \"X\"\ntitle = \"T\"\ncolour = \"red\"\n\n[[service]]\n"
                                           "id = \"libraries\"\ntext = \"Books.\"\n");
    auto r = dedeleg("paper --template words.toml --out paper", dir);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_SHOWS(r.err, "words.toml:4: paper.colour: unknown key");
    testing_cli::write(dir / "words.toml", "[paper]\nauthority = \"X\"\ntitle = \"T\"\n\n[[service]]\nid = \"libraries\"\n"
                                           "text = \"Books.\"\n");
    r = dedeleg("paper --template words.toml --out paper/", dir);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_SHOWS(r.err, "words.toml:5: service.libraries: no service \"libraries\" in the 2025-26 schedule");
    EXPECT_FALSE(fs::exists(dir / "paper"));
    // A placeholder misspelt would be printed as written on every statement.
    testing_cli::write(dir / "words.toml", "[paper]\nauthority = \"X\"\ntitle = \"T\"\n"
                                           "statement = \"Compared with {last_year}; {Like This} stays.\"\n");
    r = dedeleg("paper --template words.toml --out paper", dir);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_SHOWS(r.err, "words.toml:4: paper.statement: unknown placeholder {last_year} (known: {authority}, {year}, "
                        "{previous_year}, {census})");
    EXPECT_FALSE(fs::exists(dir / "paper"));
    // A table of words with a row short of a cell, figures nobody makes, an appendix about no service.
    testing_cli::write(dir / "words.toml", "[paper]\nauthority = \"X\"\ntitle = \"T\"\n\n[[service]]\nid = \"trade-union\"\n"
                                           "text = \"Unions.\"\n  [[service.table]]\n  columns = [\"Union\", \"Staff\"]\n"
                                           "  rows = [[\"NEU\", \"{Year}\"],\n    [\"GMB\"]]\n\n[[after]]\nheading = \"H\"\n"
                                           "figures = \"budgets\"\n\n[[appendix]]\nheading = \"Appendix A\"\nservice = \"libraries\"\n");
    r = dedeleg("paper --template words.toml --out paper", dir);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_SHOWS(r.err, "words.toml:10: service.table.rows.1: {Year} is not a placeholder as written: write {year}");
    EXPECT_SHOWS(r.err, "words.toml:11: service.table.rows.2: 1 cells for 2 columns");
    EXPECT_SHOWS(r.err, "words.toml:15: after.figures: \"budgets\": decisions or rate-history");
    EXPECT_FALSE(fs::exists(dir / "paper"));
    testing_cli::write(dir / "words.toml", "[paper]\nauthority = \"X\"\ntitle = \"T\"\n\n[[appendix]]\nheading = \"Appendix A\"\n"
                                           "service = \"libraries\"\n");
    r = dedeleg("paper --template words.toml --out paper", dir);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_SHOWS(r.err, "words.toml:5: appendix.service: no service \"libraries\" in the 2025-26 schedule");
    EXPECT_FALSE(fs::exists(dir / "paper"));
    fs::remove_all(dir);
}

// A placeholder in another case or spelt nearly right would be printed as
// written (on 72aec1f "{Year}" was): refused where it is written, the right
// spelling given. Braces around other words are text.
TEST(Paper, APlaceholderNearlyRightIsRefused) {
    const fs::path dir = scratch("paper-placeholder");
    const std::string known = "{authority}, {year}, {previous_year}, {census}";
    const std::pair<const char*, std::string> cases[] = {
        {"In {Year}.", "{Year} is not a placeholder as written: write {year} (the placeholders, exactly as written: " + known + ")"},
        {"In {YEAR}.", "{YEAR} is not a placeholder as written: write {year}"},
        {"In { year }.", "{ year } is not a placeholder as written: write {year}"},
        {"After {Previous-Year}.", "{Previous-Year} is not a placeholder as written: write {previous_year}"},
        {"After {previous year}.", "{previous year} is not a placeholder as written: write {previous_year}"},
        {"From {Authority}.", "{Authority} is not a placeholder as written: write {authority}"},
        {"Per {Last_Year}.", "unknown placeholder {Last_Year} (known: " + known + ")"},
        {"In {{year}}.", "{{year}} would be printed in braces: write {year} (one pair of braces)"},
        {"In {year, then.", "\"{year\" has no closing brace: write {year}"},
    };
    for (const auto& [statement, message] : cases) {
        testing_cli::write(dir / "words.toml", std::string("[paper]\nauthority = \"X\"\ntitle = \"T\"\nstatement = \"") +
                                                   statement + "\"\n");
        const auto r = dedeleg("paper --template words.toml --out paper", dir);
        EXPECT_EQ(r.exit_code, 2) << statement;
        EXPECT_SHOWS(r.err, "words.toml:4: paper.statement: " + message) << statement;
        EXPECT_FALSE(fs::exists(dir / "paper"));
    }
    testing_cli::write(dir / "words.toml", "[paper]\nauthority = \"X\"\ntitle = \"T\"\n"
                                           "statement = \"In {year} (see {Like This} and {1}).\"\n");
    const auto r = dedeleg("paper --template words.toml --out paper", dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_SHOWS(slurp(dir / "paper" / "statements.html"), "In 2025-26 (see {Like This} and {1}).");
    fs::remove_all(dir);
}

TEST(Paper, NamesFromFilesAreTextNeverMarkup) {
    const fs::path dir = scratch("paper-hostile");
    testing_cli::write(dir / "c.csv", "URN,School,Phase,Governance,NOR,FSM\n"
                                      "1,\"<script>alert(1)</script> & \"\"Co\"\"\",primary,maintained,100,9\n");
    testing_cli::write(dir / "r.toml", "[schedule]\nauthority = \"<b>Testshire</b>\"\nyear = \"2025-26\"\n\n[[service]]\n"
                                      "id = \"fsm\"\nname = \"FSM <i>checking</i>\"\nkind = \"de-delegated\"\n"
                                      "phases = [\"primary\"]\nrates = { FSM = \"6.255\" }\n");
    const auto r = dedeleg("paper --census c.csv --rates r.toml --out p", dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const char* file : {"paper.html", "statements.html"}) {
        const std::string html = slurp(dir / "p" / file);
        EXPECT_EQ(html.find("<script"), std::string::npos) << file;
        EXPECT_EQ(html.find("<b>Testshire"), std::string::npos) << file;
        EXPECT_SHOWS(html, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;");
        EXPECT_SHOWS(html, "&lt;b&gt;Testshire&lt;/b&gt;");
    }
    EXPECT_SHOWS(slurp(dir / "p" / "paper.html"), "FSM &lt;i&gt;checking&lt;/i&gt;");
    fs::remove_all(dir);
}

TEST(Paper, DevonsPaperIsCompleteWithNoHaveringWords) {
    const fs::path dir = scratch("paper-devon");
    const std::string data = std::string(DEDELEG_TEST_DATA) + "/devon/";
    const auto r = dedeleg("paper --census " + data + "census-878.csv --rates " + data + "2025-26.toml --previous " + data +
                               "2024-25.toml --ledger " + data + "maternity-ledger.toml --out paper",
                           dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_SHOWS(r.err, "words from embedded: templates/generic.toml");
    for (const char* file : {"paper.html", "statements.html"}) {
        const std::string text = slurp(dir / "paper" / file);
        EXPECT_EQ(text.find("Havering"), std::string::npos) << file;
        EXPECT_SHOWS(text, "Devon");
    }
    const std::string html = slurp(dir / "paper" / "paper.html");
    // Every service of Devon's schedule has its section, the per-phase rates and the budget-first working.
    for (const char* id : {"contingency", "fsm-eligibility", "maternity", "trade-union", "statutory"})
        EXPECT_NE(html.find(std::string("id=\"service-") + id + "\""), std::string::npos) << id;
    EXPECT_SHOWS(html, "Budget-first rate:");
    EXPECT_SHOWS(html, "Secondary");
    EXPECT_SHOWS(html, ": budget, spend and outturn");
    // The generic tables: last year's decisions from its schedule, the rates of both years, no appendix of Havering's.
    const std::string decisions = part_from(html, "<h2>Decisions for 2024-25</h2>");
    EXPECT_SHOWS(decisions, "<tr><td>Trade union facility time</td><td>Yes</td><td>Agreed: Primary, Secondary</td></tr>");
    EXPECT_SHOWS(decisions, "From the 2024-25 schedule");
    const std::string history = part_from(html, "<h2>History of the rates</h2>");
    EXPECT_SHOWS(history, "<tr><th>Trade union facility time</th><td>2024-25");
    EXPECT_SHOWS(history, "<td>2025-26<br><span class=\"small\">Raised 4%</span></td>");
    EXPECT_EQ(html.find("Appendix A"), std::string::npos);
    EXPECT_EQ(html.find("proposed</span>"), std::string::npos);  // Devon's trade union options: neither proposed
    fs::remove_all(dir);
}

// Havering's record beside Devon's schedules is refused, and a history that
// contradicts last year's schedule or repeats its rates is refused where it is wrong.
TEST(Paper, AHistoryFileIsCheckedAgainstTheSchedules) {
    const fs::path dir = scratch("paper-history");
    const std::string data = std::string(DEDELEG_TEST_DATA) + "/devon/";
    const std::string devon = "paper --census " + data + "census-878.csv --rates " + data + "2025-26.toml --previous " + data +
                              "2024-25.toml --out paper --history ";
    auto r = dedeleg(devon + DEDELEG_SOURCE_DIR "/rates/havering/history.toml", dir);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_SHOWS(r.err, "rates/havering/history.toml:10: history.authority: the history is Havering's but the 2025-26 "
                        "schedule is Devon's");
    const std::string head = "[history]\nauthority = \"Devon\"\n";
    testing_cli::write(dir / "h.toml", head + "\n[[rates]]\nservice = \"maternity\"\nyear = \"2024-25\"\nrates = { AWPU = \"1\" }\n"
                                             "\n[[rates]]\nservice = \"libraries\"\nyear = \"2020-21\"\nrates = { AWPU = \"1\" }\n"
                                             "\n[[decision]]\nyear = \"2024-25\"\nservice = \"Trade union\"\nid = \"trade-union\"\n"
                                             "requested = true\noutcome = \"not agreed\"\n");
    r = dedeleg(devon + "h.toml", dir);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_SHOWS(r.err, "h.toml:4: rates.maternity.year: 2024-25's rates come from the 2024-25 schedule; leave them out here");
    EXPECT_SHOWS(r.err, "h.toml:9: rates.libraries.service: no service \"libraries\" in the 2025-26 schedule");
    EXPECT_SHOWS(r.err, "h.toml:14: decision.Trade union.outcome: \"Not agreed\", but the 2024-25 schedule charges trade-union");
    EXPECT_FALSE(fs::exists(dir / "paper"));
    // A good one: its earlier rates and figures join the generic paper.
    testing_cli::write(dir / "h.toml", head + "\n[[rates]]\nservice = \"trade-union\"\nyear = \"2023-24\"\n"
                                             "rates = { AWPU = \"1.60\" }\n");
    r = dedeleg(devon + "h.toml", dir);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_SHOWS(slurp(dir / "paper" / "paper.html"), "<tr><th>Trade union facility time</th><td>2023-24</td><td>£1.60 per pupil</td>");
    fs::remove_all(dir);
}

}  // namespace
