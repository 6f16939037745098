#pragma once
// Formula factors: what a rate is charged on.

#include <array>
#include <optional>
#include <string_view>

namespace calc {

/// A formula factor of the local funding formula. AWPU counts pupils on roll
/// (NOR); FSM, FSM6, EAL3, IDACI_A..F and LPA count pupils with that
/// characteristic; PLACE counts special-school places; LUMP is one per charged school.
enum class Factor {
    AWPU, FSM, FSM6, EAL3, IDACI_A, IDACI_B, IDACI_C, IDACI_D, IDACI_E, IDACI_F, LPA, PLACE, LUMP
};

inline constexpr std::size_t kFactorCount = 13;
inline constexpr std::array<Factor, kFactorCount> kAllFactors = {
    Factor::AWPU,    Factor::FSM,     Factor::FSM6,    Factor::EAL3,    Factor::IDACI_A,
    Factor::IDACI_B, Factor::IDACI_C, Factor::IDACI_D, Factor::IDACI_E, Factor::IDACI_F,
    Factor::LPA,     Factor::PLACE,   Factor::LUMP};

inline constexpr std::size_t index_of(Factor f) { return static_cast<std::size_t>(f); }

/// The schedule and census name: "AWPU", "IDACI_A", "PLACE".
std::string_view code_of(Factor f);
/// How a Forum paper labels it: "AWPU", "FSM Ever 6", "IDACI A", "Low attainment".
std::string_view label_of(Factor f);
/// Case-insensitive lookup by code.
std::optional<Factor> factor_from_code(std::string_view code);
/// True for the factors a census gives per school (not AWPU, PLACE or LUMP).
bool is_census_factor(Factor f);

}  // namespace calc
