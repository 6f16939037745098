#include "census/census_loader.hpp"

#include "calc/missing_counts.hpp"
#include "calc/number_text.hpp"
#include "calc/text.hpp"
#include "census/csv_rows.hpp"
#include "io/file_lines.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <array>
#include <memory>
#include <optional>

namespace census {

namespace {

using calc::Decimal;
using calc::Factor;

constexpr long long kMaxPupils = 10'000'000;  // NOR and Places
constexpr int kMaxCountPlaces = 12;           // decimal places of a count, proportion or Places
constexpr std::size_t kMaxUrnDigits = 8;      // a URN is 1 to 99999999

// What is wrong with a URN, or empty. A URN is an identity: "7" and "007"
// would be two schools, so leading zeros are refused rather than guessed at.
std::string urn_problem(std::string_view text) {
    if (text.find_first_not_of("0123456789") != std::string_view::npos)
        return "not a URN (digits only): \"" + std::string(text) + "\"";
    const std::size_t first = text.find_first_not_of('0');
    if (first == std::string_view::npos) return "URN " + std::string(text) + " is not a school's (a URN is 1 to 99999999)";
    if (first > 0)
        return "\"" + std::string(text) + "\" has leading zeros; write " + std::string(text.substr(first)) +
               " (a URN is 1 to 99999999)";
    if (text.size() > kMaxUrnDigits)
        return "\"" + std::string(text) + "\" is not a URN: more than 8 digits (a URN is 1 to 99999999)";
    return {};
}

// What one header column holds.
struct Column {
    enum class Kind { urn, laestab, school, phase, governance, nor, places, count, proportion, exempt } kind;
    Factor factor = Factor::AWPU;  // for count and proportion columns
    std::string header;            // as written in the file
};

std::optional<Column> column_for(std::string_view header) {
    using K = Column::Kind;
    const std::string name = calc::to_lower(calc::trim(header));
    static const std::map<std::string, K> plain = {
        {"urn", K::urn},       {"laestab", K::laestab}, {"school", K::school}, {"phase", K::phase},
        {"governance", K::governance}, {"nor", K::nor}, {"places", K::places}, {"exempt", K::exempt}};
    if (auto it = plain.find(name); it != plain.end()) return Column{it->second, Factor::AWPU, std::string(header)};
    const bool is_prop = name.size() > 5 && name.substr(name.size() - 5) == "_prop";
    const auto factor = calc::factor_from_code(is_prop ? name.substr(0, name.size() - 5) : name);
    if (factor && calc::is_census_factor(*factor) && (!is_prop || calc::row_of(*factor).proportion_allowed))
        return Column{is_prop ? K::proportion : K::count, *factor, std::string(header)};
    return std::nullopt;
}

// The URNs a census has given so far, a bit each, in blocks of 65,536 made as
// they are first needed: a census's URNs sit in a few such ranges, so this
// takes kilobytes where a hash map took 40 bytes a school and a heap block each.
class UrnSet {
public:
    /// Adds `urn` (1..99999999); false if it was already there.
    bool insert(std::uint32_t urn) {
        auto& block = blocks_[urn >> kBlockBits];
        if (!block) block = std::make_unique<Block>();
        std::uint64_t& word = (*block)[(urn & kBlockMask) >> 6];
        const std::uint64_t bit = std::uint64_t{1} << (urn & 63);
        if (word & bit) return false;
        word |= bit;
        return true;
    }

private:
    static constexpr unsigned kBlockBits = 16;
    static constexpr std::uint32_t kBlockMask = (1u << kBlockBits) - 1;
    using Block = std::array<std::uint64_t, (1u << kBlockBits) / 64>;
    std::vector<std::unique_ptr<Block>> blocks_ = std::vector<std::unique_ptr<Block>>((99'999'999u >> kBlockBits) + 1);
};

bool is_service_id(std::string_view id) {
    if (id.empty()) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
    return true;
}

// Reads one data row into a school, adding a diagnostic per bad field.
class RowReader {
public:
    RowReader(const std::string& file, const std::vector<Column>& columns, std::vector<calc::Diagnostic>& problems)
        : file_(file), columns_(columns), problems_(problems) {
        // A count whose column the header lacks is "no column", never 0: a
        // charge on it is refused (calc::missing_counts), as a blank cell is.
        std::array<bool, calc::kFactorCount> given{};
        for (const Column& c : columns_) {
            if (c.kind == Column::Kind::count || c.kind == Column::Kind::proportion) given[calc::index_of(c.factor)] = true;
            if (c.kind == Column::Kind::places) given[calc::index_of(Factor::PLACE)] = true;
        }
        for (Factor f : calc::kAllFactors)
            if ((calc::is_census_factor(f) || f == Factor::PLACE) && !given[calc::index_of(f)])
                absent_[calc::index_of(f)] = calc::NoCount::no_column;
    }

    calc::School read(const CsvRowView& row) {
        calc::School school;
        school.no_count = absent_;
        school.source_line = static_cast<std::uint32_t>(row.line);  // the loader refuses a census of 2^32 lines
        line_ = row.line;
        // NOR first: proportions and the count ceiling depend on it.
        std::optional<long long> nor;
        for (std::size_t i = 0; i < columns_.size(); ++i)
            if (columns_[i].kind == Column::Kind::nor) nor = read_nor(columns_[i], row.fields[i]);
        school.nor = static_cast<std::int32_t>(nor.value_or(0));  // at most 10,000,000
        for (std::size_t i = 0; i < columns_.size(); ++i) read_field(columns_[i], calc::trim(row.fields[i]), nor, school);
        return school;
    }

private:
    void problem(const Column& c, std::string message) { problems_.push_back({file_, line_, c.header, std::move(message)}); }

    std::optional<Decimal> number(const Column& c, std::string_view text, bool percent_allowed) {
        if (text.empty()) {
            problem(c, "empty; write 0 if there are none");
            return std::nullopt;
        }
        try {
            const calc::NumberText n = calc::parse_number(text);
            if (n.currency) problem(c, "a £ amount where a count is expected: \"" + std::string(text) + "\"");
            // "156,500" is 156.5 where a spreadsheet writes a decimal comma: in a count that may
            // be fractional, thousands are written without a separator (NOR, a whole number, may have one).
            else if (n.grouped && c.kind != Column::Kind::nor)
                problem(c, "a thousands separator in a count that may have decimals is ambiguous: \"" + std::string(text) +
                               "\": write " + n.value.to_string() + " without the comma, or with a decimal point");
            else if (n.percent && !percent_allowed) problem(c, "a percentage where a count is expected: \"" + std::string(text) + "\"");
            else if (n.value.sign() < 0) problem(c, "negative: \"" + std::string(text) + "\"");
            else if (n.value.significant_places() > kMaxCountPlaces)
                problem(c, "more than " + std::to_string(kMaxCountPlaces) + " decimal places: \"" + std::string(text) + "\"");
            else return n.value;
        } catch (const calc::InvalidNumber& e) {
            problem(c, e.what());
        }
        return std::nullopt;
    }

    std::optional<long long> read_nor(const Column& c, std::string_view raw) {
        const std::string_view text = calc::trim(raw);
        const auto value = number(c, text, false);
        if (!value) return std::nullopt;
        if (value->significant_places() != 0) {
            problem(c, "pupils on roll must be a whole number: \"" + std::string(text) + "\"");
            return std::nullopt;
        }
        if (*value > Decimal(kMaxPupils)) {
            problem(c, "more than 10,000,000 pupils: \"" + std::string(text) + "\"");
            return std::nullopt;
        }
        return static_cast<long long>(value->normalized().units());
    }

    void read_field(const Column& c, std::string_view text, std::optional<long long> nor, calc::School& school) {
        using K = Column::Kind;
        switch (c.kind) {
            case K::urn:
                if (text.empty()) problem(c, "missing; every school needs its URN");
                else if (const std::string why = urn_problem(text); !why.empty()) problem(c, why);
                school.urn = text;
                break;
            case K::laestab:
                if (!text.empty() && text.find_first_not_of("0123456789") != std::string_view::npos)
                    problem(c, "not a LAESTAB (digits only): \"" + std::string(text) + "\"");
                school.laestab = text;
                break;
            case K::school:
                if (const std::string bad = calc::control_character_in(text); !bad.empty())
                    problem(c, "control character " + bad + " in the name; remove it");
                school.name = text;
                break;
            case K::phase:
                if (auto p = calc::phase_from_name(text)) school.phase = *p;
                else problem(c, "unknown phase \"" + std::string(text) + "\" (primary, secondary, all-through, special, nursery, pru)");
                break;
            case K::governance:
                if (auto g = calc::governance_from_name(text)) school.governance = *g;
                else problem(c, "unknown governance \"" + std::string(text) + "\" (maintained, academy)");
                break;
            case K::nor: break;  // read first
            case K::places:
                if (const calc::NoCount why = calc::no_count_marker(text); why != calc::NoCount::given)
                    school.no_count[calc::index_of(Factor::PLACE)] = why;
                else if (auto v = number(c, text, false)) {
                    if (*v > Decimal(kMaxPupils)) problem(c, "more than 10,000,000 places: \"" + std::string(text) + "\"");
                    else school.set_places(*v);
                }
                break;
            case K::count:
            case K::proportion:
                if (const calc::NoCount why = calc::no_count_marker(text); why != calc::NoCount::given) {
                    school.no_count[calc::index_of(c.factor)] = why;
                    break;
                }
                if (c.kind == K::proportion) read_proportion(c, text, nor, school);
                else if (auto v = number(c, text, false)) {
                    if (nor && *v > Decimal(*nor))
                        problem(c, "count " + std::string(text) + " is above NOR " + std::to_string(*nor));
                    // Bounded on its own too: NOR on the same row may be unreadable.
                    else if (*v > Decimal(kMaxPupils))
                        problem(c, "more than 10,000,000: \"" + std::string(text) + "\"");
                    else school.census[calc::index_of(c.factor)] = *v;
                }
                break;
            case K::exempt: read_exempt(c, text, school); break;
        }
    }

    void read_proportion(const Column& c, std::string_view text, std::optional<long long> nor, calc::School& school) {
        if (auto v = number(c, text, true)) {
            if (*v > Decimal(1)) problem(c, "proportion above 1 (100%): \"" + std::string(text) + "\"");
            else if (nor) school.census[calc::index_of(c.factor)] = *v * Decimal(*nor);
        }
    }

    void read_exempt(const Column& c, std::string_view text, calc::School& school) {
        while (!text.empty()) {
            const std::size_t semi = text.find(';');
            const std::string_view id = calc::trim(text.substr(0, semi));
            if (!id.empty()) {
                if (school.exempt.contains(id))
                    problem(c, "\"" + std::string(id) + "\" given twice");
                else if (is_service_id(id)) school.exempt.emplace_back(id);
                else problem(c, "not a service id: \"" + std::string(id) + "\" (ids are separated by ;)");
            }
            if (semi == std::string_view::npos) break;
            text.remove_prefix(semi + 1);
        }
    }

    const std::string& file_;
    const std::vector<Column>& columns_;
    std::vector<calc::Diagnostic>& problems_;
    std::array<calc::NoCount, calc::kFactorCount> absent_{};  // no_column for each factor the header lacks
    long line_ = 0;
};

std::vector<Column> read_header(const CsvRowView& header, const std::string& file, std::vector<calc::Diagnostic>& problems) {
    std::vector<Column> columns;
    std::map<std::string, std::string> seen;  // lower-case header -> as written
    bool factor_given[calc::kFactorCount] = {};
    for (const std::string_view raw : header.fields) {
        const std::string name = calc::to_lower(calc::trim(raw));
        auto column = column_for(raw);
        if (!column) {
            problems.push_back({file, header.line, std::string(raw), "unknown column (known: " + known_columns() + ")"});
            column = Column{Column::Kind::school, Factor::AWPU, std::string(raw)};  // keeps positions aligned; never used
        } else if (const auto first = seen.find(name); first != seen.end()) {
            problems.push_back({file, header.line, std::string(raw),
                                std::string(calc::trim(first->second)) + " given twice (names are not case-sensitive)"});
        } else if ((column->kind == Column::Kind::count || column->kind == Column::Kind::proportion) &&
                   factor_given[calc::index_of(column->factor)]) {
            problems.push_back({file, header.line, std::string(raw),
                                "both a count and a _prop column for " + std::string(calc::code_of(column->factor)) +
                                    "; give one"});
        }
        if (column->kind == Column::Kind::count || column->kind == Column::Kind::proportion)
            factor_given[calc::index_of(column->factor)] = true;
        seen.emplace(name, std::string(raw));
        columns.push_back(*column);
    }
    for (const auto& [key, shown] : {std::pair{"urn", "URN"}, {"phase", "Phase"}, {"governance", "Governance"}, {"nor", "NOR"}})
        if (!seen.count(key)) problems.push_back({file, header.line, "", std::string("missing required column ") + shown});
    return columns;
}

}  // namespace

std::string known_columns() {
    std::string out = "URN, LAESTAB, School, Phase, Governance, NOR, Places";
    for (Factor f : calc::kAllFactors)
        if (calc::is_census_factor(f))
            out += ", " + std::string(calc::code_of(f)) + (calc::row_of(f).proportion_allowed ? "[_prop]" : "");
    return out + ", Exempt";
}

namespace {

// Rows from wherever `read_rows` reads them; `reserve` is told, before the
// rows, how many lines are not blank (one school a line at most: reserving
// spares the copies of a growing vector).
calc::Census load_rows(const std::string& file,
                       const std::function<void(const std::function<void(const CsvRowView&)>&,
                                                const std::function<void(long)>&)>& read_rows) {
    calc::Census census;
    census.source = file;
    std::vector<calc::Diagnostic> problems;
    std::vector<Column> columns;
    std::optional<RowReader> reader;
    UrnSet urns;  // a valid URN is 1..99999999: its number is its identity
    long header_line = 0;

    // Rows are checked as they are read; every problem is collected before failing.
    // The callback records problems rather than throwing; anything it does throw
    // is carried past libcsv and rethrown (see for_each_csv_row).
    bool header_read = false;
    // Reserved up to 4,000,000 schools (England has about 22,000): a file of
    // endless short lines must not ask for all the memory there is before its
    // rows are refused; a larger census grows as it is read.
    const auto reserve = [&](long rows) {
        census.schools.reserve(static_cast<std::size_t>(std::clamp(rows, 0L, 4'000'000L)));
    };
    read_rows([&](const CsvRowView& row) {
        if (!header_read) {
            header_read = true;
            header_line = row.line;
            census.header_line = static_cast<std::uint32_t>(std::min<long>(row.line, UINT32_MAX));
            columns = read_header(row, file, problems);
            if (problems.empty()) reader.emplace(file, columns, problems);
            return;
        }
        if (!reader || problems.size() > calc::kMaxProblems) return;  // InputError keeps 100 and says it stopped
        if (row.line > static_cast<long>(UINT32_MAX)) {  // a school keeps its line in 32 bits
            problems.push_back({file, row.line, "", "more than 4,294,967,295 lines; is this a census CSV?"});
            return;
        }
        if (row.fields.size() != columns.size()) {
            problems.push_back({file, row.line, "", "row has " + std::to_string(row.fields.size()) + " fields, header has " +
                                                        std::to_string(columns.size())});
            return;
        }
        calc::School school = reader->read(row);
        if (!school.urn.empty() && urn_problem(school.urn).empty() &&
            !urns.insert(static_cast<std::uint32_t>(std::stoul(school.urn)))) {
            // Rare, and at most kMaxProblems times: the first school with it is looked for then.
            const auto first = std::find_if(census.schools.begin(), census.schools.end(),
                                            [&](const calc::School& s) { return s.urn == school.urn; });
            const std::string where = first == census.schools.end() ? "" : " on line " + std::to_string(first->source_line);
            problems.push_back({file, row.line, "URN", "URN " + school.urn + " already given" + where});
        }
        census.schools.push_back(std::move(school));
    }, reserve);
    if (!header_read) throw calc::InputError({{file, 1, "", "empty file: a census needs a header row and schools"}});
    if (census.schools.empty() && problems.empty())
        throw calc::InputError({{file, header_line, "", "no schools below the header"}});
    if (!problems.empty()) throw calc::InputError(std::move(problems));
    return census;
}

}  // namespace

calc::Census load_census(std::string_view text, const std::string& file) {
    // The same checking pass as a file's tells `reserve` its rows, by the same rule.
    return load_rows(file, [&](const auto& on_row, const auto& reserve) {
        const auto lines = [&](const LineHandler& on_line) { io::for_each_line_of(text, on_line); };
        for_each_csv_row(lines, /*recheck=*/false, file, on_row, CsvReading::in_place, reserve);
    });
}

calc::Census load_census_file(const std::string& path) {
    const io::FileLines lines(path, kCsvFileLineCut);
    return load_rows(path, [&](const auto& on_row, const auto& reserve) { for_each_csv_row(lines, on_row, reserve); });
}

namespace {

std::string joined(const std::vector<std::string>& ids) {
    std::string out;
    for (const std::string& id : ids) out += (out.empty() ? "" : ", ") + id;
    return out;
}

}  // namespace

std::vector<calc::Diagnostic> check_census(const calc::Census& census, const std::vector<const calc::Schedule*>& schedules) {
    std::vector<calc::Diagnostic> problems;
    // One rule for every command: an exemption must name a service of a
    // schedule the run uses (a service new this year, or dropped, is still a
    // service); one that names none is a typo, and would silently exempt nobody.
    const auto named = [&](const std::string& id) {
        return std::any_of(schedules.begin(), schedules.end(), [&](const calc::Schedule* s) { return s->find(id) != nullptr; });
    };
    for (const calc::School& school : census.schools)
        for (const std::string& id : school.exempt)
            if (!named(id)) {
                std::string years;
                std::vector<std::string> ids;
                for (const calc::Schedule* schedule : schedules) {
                    years += (years.empty() ? "" : " or ") + schedule->year;
                    for (const calc::Service& s : schedule->services)
                        if (std::find(ids.begin(), ids.end(), s.id) == ids.end()) ids.push_back(s.id);
                }
                problems.push_back({census.source, school.source_line, "Exempt",
                                    "no service \"" + id + "\" in the " + years + " schedule (" + joined(ids) + ")"});
            }
    std::vector<calc::Diagnostic> missing;  // at most 101 a schedule; the same problem once
    for (const calc::Schedule* schedule : schedules)
        for (calc::Diagnostic& d : calc::missing_counts(census, *schedule))
            if (std::find_if(missing.begin(), missing.end(), [&](const calc::Diagnostic& p) {
                    return p.line == d.line && p.column == d.column && p.message == d.message;
                }) == missing.end())
                missing.push_back(std::move(d));
    problems.insert(problems.end(), missing.begin(), missing.end());
    return problems;
}

std::vector<calc::Diagnostic> check_exemptions(const calc::Census& census, const calc::Schedule& schedule) {
    return check_census(census, {&schedule});
}

}  // namespace census
