#include "calc/missing_counts.hpp"

#include "calc/eligibility.hpp"

#include <algorithm>

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
    std::vector<Diagnostic> out;
    for (const Service& service : schedule.services) {
        std::vector<RatesByPhase> options;
        for (const RateOption& option : service.options) options.push_back(effective_rates(census, service, option));
        for (const School& school : census.schools) {
            // Almost every row has every count: then no charge can lack one.
            if (std::all_of(school.no_count.begin(), school.no_count.end(), [](NoCount n) { return n == NoCount::given; }))
                continue;
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
