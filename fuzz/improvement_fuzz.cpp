// libFuzzer: the framework loader (first byte odd), the Ofsted inspections
// loader (first byte 0 mod 4) and the LA categories loader (2 mod 4) refuse or
// accept, never crash; what they accept is placed and priced for a year and
// projected. What the CSV readers accept is checked, not only survived: every
// record is as wide as its header and free of control characters, every
// inspection holds Ofsted's words where Ofsted writes them, and a file
// written back and read again gives the same records.
#include "calc/decimal.hpp"
#include "calc/diagnostic.hpp"
#include "calc/text.hpp"
#include "census/csv_rows.hpp"
#include "census/inspections_loader.hpp"
#include "census/ofsted_words.hpp"
#include "model/improvement.hpp"
#include "rates/framework_loader.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

const char* const kFramework = R"([framework]
id = "f"
name = "F"
placement = "cycle"
day_rate = "550"
day_rate_reason = "r"
[[stage]]
id = "1"
label = "1"
cycle_year = 1
[[stage]]
id = "2"
label = "2"
cycle_year = 2
[[stage]]
id = "3"
label = "3"
cycle_year = 3
[[stage]]
id = "4"
label = "4"
cycle_year = 4
[[stage]]
id = "5"
label = "5"
cycle_year = 5
[[stage.activity]]
name = "call"
days = "0.125"
staff = 1
per_year = 1
[[intervention]]
name = "PRM"
days = "0.5"
staff = 2
per_year = 6
)";

void check(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "improvement_fuzz: accepted input breaks: %s\n", what);
        std::abort();
    }
}

// What was accepted, written back, must be accepted again: a refusal now is a finding.
template <class Read>
auto read_back(const Read& read) {
    try {
        return read();
    } catch (const calc::InputError& e) {
        std::fprintf(stderr, "improvement_fuzz: written back and refused: %s\n", e.what());
        std::abort();
    }
}

// A row written as RFC 4180, every field quoted (so spaces, commas, quotes and line breaks survive).
std::string csv_line(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        out += i ? ",\"" : "\"";
        for (char c : fields[i]) out += c == '"' ? std::string("\"\"") : std::string(1, c);
        out += '"';
    }
    return out + "\n";
}

bool is_one_of(const std::string& word, census::OfstedWords words) {
    return std::find(words.begin(), words.end(), word) != words.end();
}

void check_table(std::string_view text) {
    census::CsvTable table;
    try {
        table = census::read_csv_table(text, "fuzz.csv");
    } catch (const calc::InputError&) {
        return;
    }
    std::string again = csv_line(table.header.fields);
    for (const census::CsvRow& r : table.records) {
        check(r.fields.size() == table.header.fields.size(), "a record as wide as the header");
        for (const std::string& f : r.fields) check(calc::control_character_in(f).empty(), "no control character in a field");
        again += csv_line(r.fields);
    }
    const census::CsvTable reread = read_back([&] { return census::read_csv_table(again, "again.csv"); });
    check(reread.header.fields == table.header.fields, "the header written back reads the same");
    check(reread.records.size() == table.records.size(), "as many records written back");
    for (std::size_t i = 0; i < reread.records.size(); ++i)
        check(reread.records[i].fields == table.records[i].fields, "each record written back reads the same");
}

std::string date_text(const std::optional<model::Date>& d) {
    if (!d) return "";
    char out[32];
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", d->year, d->month, d->day);
    return out;
}

void check_inspections(const std::map<std::string, model::InspectionRecord>& records) {
    std::string again = "urn,school_name,last_inspection_date,last_inspection_kind,outcome,graded_overall_effectiveness,"
                        "quality_of_education,behaviour_and_attitudes,personal_development,leadership_and_management,"
                        "category_of_concern\n";
    for (const auto& [urn, r] : records) {
        check(urn == r.urn, "a record under its own URN");
        if (r.kind.empty()) {
            check(!r.last_inspection && r.overall_effectiveness.empty() && r.category_of_concern.empty(),
                  "a school never inspected has no date, grade or category");
            for (const std::string& k : r.key_judgements) check(k.empty(), "a school never inspected has no key judgement");
            check(is_one_of(r.outcome, census::never_inspected_outcomes()), "never inspected: Ofsted's outcome");
        } else {
            check(is_one_of(r.kind, census::inspection_kinds()), "a kind Ofsted writes");
            check(r.last_inspection.has_value(), "an inspection has a date");
            check(model::parse_date(date_text(r.last_inspection)).has_value(), "a date of the calendar");
            check(is_one_of(r.overall_effectiveness, census::overall_effectiveness_words()), "an overall grade Ofsted writes");
            for (std::size_t i = 0; i < 3; ++i)
                check(is_one_of(r.key_judgements[i], census::key_judgement_words()), "a key judgement Ofsted writes");
            check(is_one_of(r.key_judgements[3], census::leadership_words()), "a leadership grade Ofsted writes");
            check(r.category_of_concern.empty() || is_one_of(r.category_of_concern, census::concern_words()), "a category of concern");
            check(is_one_of(r.outcome, r.kind == "graded" ? census::graded_outcomes() : census::ungraded_outcomes()),
                  "an outcome of its kind");
            std::string rule;
            check(model::current_grade(r, rule).has_value(), "an inspected school has a current grade");
        }
        again += csv_line({r.urn, r.school_name, date_text(r.last_inspection), r.kind, r.outcome, r.overall_effectiveness,
                           r.key_judgements[0], r.key_judgements[1], r.key_judgements[2], r.key_judgements[3],
                           r.category_of_concern});
    }
    const auto reread = read_back([&] { return census::load_inspections(again, "again.csv"); });
    check(reread.size() == records.size(), "as many inspections written back");
    for (const auto& [urn, r] : records) {
        const auto it = reread.find(urn);
        check(it != reread.end(), "each URN written back");
        const model::InspectionRecord& b = it->second;
        check(b.school_name == r.school_name && b.last_inspection == r.last_inspection && b.kind == r.kind &&
                  b.outcome == r.outcome && b.overall_effectiveness == r.overall_effectiveness &&
                  b.key_judgements == r.key_judgements && b.category_of_concern == r.category_of_concern,
              "each inspection written back reads the same");
    }
}

const std::vector<std::string> kStages = {"1", "2", "3A", "Priority 1"};

void check_categories(const std::map<std::string, model::LaCategory>& categories) {
    std::string again = "URN,Category,Intervention\n";
    for (const auto& [urn, c] : categories) {
        check(c.stage_id || c.intervention, "a row that sets something");
        if (c.stage_id) check(std::find(kStages.begin(), kStages.end(), *c.stage_id) != kStages.end(), "a stage of the framework");
        again += csv_line({urn, c.stage_id.value_or(""), c.intervention ? (*c.intervention ? "yes" : "no") : ""});
    }
    const auto reread = read_back([&] { return census::load_la_categories(again, "again.csv", kStages); });
    check(reread.size() == categories.size(), "as many categories written back");
    for (const auto& [urn, c] : categories) {
        const auto it = reread.find(urn);
        check(it != reread.end() && it->second.stage_id == c.stage_id && it->second.intervention == c.intervention,
              "each category written back reads the same");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    if (!(data[0] & 1)) check_table(text);
    try {
        if (data[0] & 1) {
            const model::Framework f = rates::load_framework(text, "fuzz.toml");
            model::InspectionRecord r;
            r.urn = "100000";
            r.last_inspection = model::Date{2020, 1, 1};
            r.kind = "graded";
            r.overall_effectiveness = "Requires improvement";
            const auto years = model::project_years(f, {{"100000", "x"}, {"100001", "never"}}, {{"100000", r}}, {}, 2025, 3,
                                                    calc::Decimal(0));
            if (f.placement == model::PlacementRule::cycle) model::simulate_interventions(f, years, calc::Decimal(1), std::nullopt, 3, 1);
        } else if (data[0] & 2) {
            check_categories(census::load_la_categories(text, "fuzz.csv", kStages));
        } else {
            const auto records = census::load_inspections(text, "fuzz.csv");
            check_inspections(records);
            const model::Framework f = rates::load_framework(kFramework, "fixed.toml");
            std::vector<model::SchoolRef> schools;
            for (const auto& [urn, record] : records) schools.push_back({urn, record.school_name});
            model::plan_year(f, schools, records, {}, 2030);
        }
    } catch (const calc::InputError&) {
    } catch (const calc::DecimalOverflow&) {
    }
    return 0;
}
