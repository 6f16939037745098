#include "calc/factor.hpp"

#include "calc/text.hpp"

namespace calc {

std::string_view code_of(Factor f) {
    constexpr std::array<std::string_view, kFactorCount> codes = {
        "AWPU", "FSM", "FSM6", "EAL3", "IDACI_A", "IDACI_B", "IDACI_C",
        "IDACI_D", "IDACI_E", "IDACI_F", "LPA", "PLACE", "LUMP"};
    return codes[index_of(f)];
}

std::string_view label_of(Factor f) {
    constexpr std::array<std::string_view, kFactorCount> labels = {
        "AWPU", "FSM eligible pupils", "FSM Ever 6", "EAL 3", "IDACI A", "IDACI B", "IDACI C",
        "IDACI D", "IDACI E", "IDACI F", "Low attainment", "Place", "Lump sum"};
    return labels[index_of(f)];
}

std::optional<Factor> factor_from_code(std::string_view code) {
    for (Factor f : kAllFactors)
        if (equals_ignoring_case(code_of(f), code)) return f;
    return std::nullopt;
}

bool is_census_factor(Factor f) { return f != Factor::AWPU && f != Factor::PLACE && f != Factor::LUMP; }

}  // namespace calc
