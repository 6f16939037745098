#include "calc/factor.hpp"

#include "calc/text.hpp"

#include <algorithm>

namespace calc {

// The enum and the table are made from the same rows, so row i is factor i.
static_assert([] {
    for (std::size_t i = 0; i < kFactorCount; ++i)
        if (index_of(kFactorTable[i].factor) != i) return false;
    return true;
}());

std::optional<Factor> factor_from_code(std::string_view code) {
    for (const FactorRow& row : kFactorTable)
        if (equals_ignoring_case(row.code, code)) return row.factor;
    return std::nullopt;
}

std::string per_unit(Factor f) { return "per " + std::string(row_of(f).unit); }

namespace {
// "IDACI" for "IDACI_A": the family a banded code belongs to, or empty.
std::string_view band_family(std::string_view code) {
    const std::size_t underscore = code.rfind('_');
    return underscore != std::string_view::npos && underscore + 2 == code.size() ? code.substr(0, underscore)
                                                                                 : std::string_view();
}
}  // namespace

std::string factor_codes() {
    // Bands of one family in a row are written as a range: IDACI_A..IDACI_F.
    std::string out;
    for (std::size_t i = 0; i < kFactorCount;) {
        const std::string_view family = band_family(kFactorTable[i].code);
        std::size_t end = i + 1;
        while (!family.empty() && end < kFactorCount && band_family(kFactorTable[end].code) == family) ++end;
        if (!out.empty()) out += ", ";
        out += kFactorTable[i].code;
        if (end - i >= 3) out += ".." + std::string(kFactorTable[end - 1].code);
        else end = i + 1;
        i = end;
    }
    return out;
}

std::string factor_reference() {
    std::string out = "Formula factors (a schedule's rate keys; the census columns they read):\n";
    for (const FactorRow& row : kFactorTable) {
        std::string line = "  " + std::string(row.code);
        line.resize(std::max<std::size_t>(line.size() + 1, 12), ' ');
        line += std::string(row.label) + ": ";
        switch (row.source) {
            case CountSource::nor: line += "x pupils on roll (NOR)"; break;
            case CountSource::places: line += "x Places"; break;
            case CountSource::one: line += "one per charged school"; break;
            case CountSource::column:
                line += "x the " + std::string(row.code) + " column" +
                        (row.proportion_allowed ? " (or " + std::string(row.code) + "_prop x NOR)" : "");
                break;
        }
        switch (row.charged_to) {
            case ChargedTo::mainstream: line += "; mainstream schools"; break;
            case ChargedTo::special: line += "; special schools (education functions)"; break;
            case ChargedTo::every: line += "; every charged school"; break;
        }
        out += line + "\n";
    }
    return out;
}

}  // namespace calc
