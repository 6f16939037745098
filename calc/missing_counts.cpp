#include "calc/missing_counts.hpp"

#include "calc/eligibility.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace calc {

namespace {

// The census column a factor's count is read from.
std::string census_column(Factor f) {
    switch (row_of(f).source) {
        case CountSource::nor: return "NOR";
        case CountSource::places: return "Places";
        default: return std::string(code_of(f));
    }
}

std::string school_words(const School& s) {
    std::string words = "this " + std::string(name_of(s.governance)) + " " + std::string(name_of(s.phase));
    return s.phase == Phase::special ? words + " school" : words;
}

}  // namespace

std::optional<Diagnostic> missing_count(const Census& census, const School& school, const Service& service,
                                        const RatesByPhase& rates) {
    // The cheap test first: almost every row has every count.
    if (!lacks_a_count(school, rates[index_of(school.phase)]) || !is_charged(school, service)) return std::nullopt;
    for (const auto& [factor, rate] : rates[index_of(school.phase)]) {
        if (!factor_applies(school, factor) || has_count(school, factor) || rate.value.is_zero()) continue;
        const std::string column = census_column(factor);
        return Diagnostic{census.source, school.source_line, column,
                          std::string(words_for(school.no_count[index_of(factor)])) + ", but \"" + service.name +
                              "\" charges " + school_words(school) + " " + per_unit(factor)};
    }
    return std::nullopt;
}

std::vector<Diagnostic> missing_counts(const Census& census, const Schedule& schedule) {
    // A school can lack a count a charge needs only if a factor it has no count
    // for is charged to its phase at a rate other than zero: bitmasks of
    // factors tell the few such schools from the rest in one test each.
    using Mask = std::uint32_t;
    static_assert(kFactorCount <= 32);
    std::vector<Mask> no_count(census.schools.size());
    bool any = false;
    for (std::size_t i = 0; i < census.schools.size(); ++i) {
        for (std::size_t f = 0; f < kFactorCount; ++f)
            if (census.schools[i].no_count[f] != NoCount::given) no_count[i] |= Mask{1} << f;
        any = any || no_count[i] != 0;
    }
    std::vector<Diagnostic> out;
    for (const Service& service : schedule.services) {
        std::vector<RatesByPhase> options;
        std::array<Mask, kPhaseCount> charged{};  // per phase: factors some option charges to it at a rate other than zero
        for (const RateOption& option : service.options) {
            options.push_back(effective_rates(census, service, option));
            for (std::size_t p = 0; p < kPhaseCount; ++p)
                for (const auto& [factor, rate] : options.back()[p])
                    if (!rate.value.is_zero() && factor_applies(static_cast<Phase>(p), factor))
                        charged[p] |= Mask{1} << index_of(factor);
        }
        for (std::size_t i = 0; any && i < census.schools.size(); ++i) {
            const School& school = census.schools[i];
            if ((no_count[i] & charged[index_of(school.phase)]) == 0) continue;
            for (const RatesByPhase& rates : options)
                if (auto d = missing_count(census, school, service, rates)) {
                    out.push_back(std::move(*d));
                    break;
                }
        }
    }
    return out;
}

}  // namespace calc
