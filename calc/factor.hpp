#pragma once
// Formula factors: what a rate is charged on. Every fact about a factor comes
// from its row in calc/factors.def; nothing else lists them.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace calc {

/// A formula factor of the local funding formula. AWPU counts pupils on roll
/// (NOR); FSM, FSM6, EAL3, IDACI_A..F and LPA count pupils with that
/// characteristic; PLACE counts special-school places; LUMP is one per charged school.
enum class Factor {
#define DEDELEG_FACTOR(name, code, label, source, unit, units, charged_to, prop) name,
#include "calc/factors.def"
#undef DEDELEG_FACTOR
};

/// Where a school's count of a factor comes from.
enum class CountSource { nor, places, one, column };
/// Which charged schools a factor applies to.
enum class ChargedTo { mainstream, special, every };

/// One row of the factor table.
struct FactorRow {
    Factor factor;
    std::string_view code;   ///< the schedule and census name: "AWPU", "IDACI_A"
    std::string_view label;  ///< how a paper labels it: "FSM Ever 6"
    CountSource source;
    std::string_view unit;   ///< one count: "pupil", "place", "school", "FSM pupil"
    std::string_view units;  ///< many: "pupils", "places"
    ChargedTo charged_to;
    bool proportion_allowed;  ///< the census may give `CODE_prop` × NOR
};

inline constexpr FactorRow kFactorTable[] = {
#define DEDELEG_FACTOR(name, code, label, source, unit, units, charged_to, prop) \
    {Factor::name, code, label, CountSource::source, unit, units, ChargedTo::charged_to, prop},
#include "calc/factors.def"
#undef DEDELEG_FACTOR
};

inline constexpr std::size_t kFactorCount = std::size(kFactorTable);

inline constexpr std::array<Factor, kFactorCount> kAllFactors = [] {
    std::array<Factor, kFactorCount> all{};
    for (std::size_t i = 0; i < kFactorCount; ++i) all[i] = kFactorTable[i].factor;
    return all;
}();

inline constexpr std::size_t index_of(Factor f) { return static_cast<std::size_t>(f); }
inline constexpr const FactorRow& row_of(Factor f) { return kFactorTable[index_of(f)]; }

/// The schedule and census name: "AWPU", "IDACI_A", "PLACE".
inline constexpr std::string_view code_of(Factor f) { return row_of(f).code; }
/// How a Forum paper labels it: "AWPU", "FSM Ever 6", "IDACI A", "Low attainment".
inline constexpr std::string_view label_of(Factor f) { return row_of(f).label; }
/// Case-insensitive lookup by code.
std::optional<Factor> factor_from_code(std::string_view code);
/// True for the factors a census gives per school in a column of their own.
inline constexpr bool is_census_factor(Factor f) { return row_of(f).source == CountSource::column; }
/// "per pupil", "per place", "per school", "per FSM pupil".
std::string per_unit(Factor f);
/// Every code, for messages and help: "AWPU, FSM, FSM6, ..., PLACE, LUMP".
std::string factor_codes();
/// The table as `--help` shows it: a line per factor with its code, label,
/// count and the schools it is charged to.
std::string factor_reference();

}  // namespace calc
