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

std::string phase_list(const std::array<bool, kPhaseCount>& phases) {
    std::string out;
    std::size_t n = 0, shown = 0;
    for (bool b : phases) n += b;
    for (std::size_t p = 0; p < kPhaseCount; ++p) {
        if (!phases[p]) continue;
        ++shown;
        out += (shown == 1 ? "" : shown == n ? " and " : ", ") + std::string(name_of(static_cast<Phase>(p)));
    }
    return out;
}

}  // namespace

std::vector<Factor> missing_factors(const School& school, const Service& service, const RateOption& option,
                                    const RatesByPhase& rates) {
    std::vector<Factor> out;
    // The cheap test first: almost every row has every count.
    if (!lacks_a_count(school, rates[index_of(school.phase)]) || !is_charged(school, service)) return out;
    const auto is_basis = [&](Factor f) { return option.budget && option.budget->basis == f; };
    for (const auto& [factor, rate] : rates[index_of(school.phase)])
        if (factor_applies(school, factor) && !has_count(school, factor) && (!rate.value.is_zero() || is_basis(factor)))
            out.push_back(factor);
    return out;
}

bool MissingCounts::check(const School& school, const Service& service, const RateOption& option,
                          const RatesByPhase& rates) {
    const std::vector<Factor> factors = missing_factors(school, service, option, rates);
    bool cell_told = false;  // a school's cells: the first one a service needs (fix it, run again)
    for (Factor factor : factors) {
        const NoCount why = school.no_count[index_of(factor)];
        if (why == NoCount::no_column) {  // every absent column, each once, so one run names them all
            auto& uses = absent_by_factor_[index_of(factor)];
            if (uses.empty()) absent_.push_back(factor);
            auto use = std::find_if(uses.begin(), uses.end(), [&](const AbsentUse& u) { return u.service == &service; });
            if (use == uses.end()) use = uses.insert(uses.end(), AbsentUse{&service});
            use->phases[index_of(school.phase)] = true;
        } else if (!cell_told && cells_.size() <= kMaxProblems) {  // InputError keeps 100 and says it stopped
            cell_told = true;
            cells_.push_back({census_.source, school.source_line, census_column(factor),
                              std::string(words_for(why)) + ", but \"" + service.name + "\" charges " +
                                  school_words(school) + " " + per_unit(factor)});
        }
    }
    return !factors.empty();
}

std::vector<Diagnostic> MissingCounts::problems() const {
    std::vector<Diagnostic> out;
    std::vector<Factor> order = absent_;
    std::sort(order.begin(), order.end());
    for (Factor f : order) {
        std::string users;
        const auto& uses = absent_by_factor_[index_of(f)];
        for (std::size_t i = 0; i < uses.size(); ++i)
            users += std::string(i == 0 ? "" : i + 1 == uses.size() ? " and " : ", ") + "\"" + uses[i].service->name +
                     "\" charges maintained " + phase_list(uses[i].phases) + " schools " + per_unit(f);
        out.push_back({census_.source, census_.header_line, census_column(f),
                       "no such column in the census, but " + users +
                           "; add the column (0 for a school with none): a missing column is never taken as 0"});
    }
    out.insert(out.end(), cells_.begin(), cells_.end());
    return out;
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
    MissingCounts missing(census);
    for (const Service& service : schedule.services) {
        std::vector<RatesByPhase> options;
        std::array<Mask, kPhaseCount> charged{};  // per phase: factors some option charges to it at a rate other than zero
        for (const RateOption& option : service.options) {
            options.push_back(effective_rates(census, service, option, schedule.rounding));
            for (std::size_t p = 0; p < kPhaseCount; ++p)
                for (const auto& [factor, rate] : options.back()[p])
                    if ((!rate.value.is_zero() || (option.budget && option.budget->basis == factor)) &&
                        factor_applies(static_cast<Phase>(p), factor))
                        charged[p] |= Mask{1} << index_of(factor);
        }
        for (std::size_t i = 0; any && i < census.schools.size(); ++i) {
            const School& school = census.schools[i];
            if ((no_count[i] & charged[index_of(school.phase)]) == 0) continue;
            for (std::size_t o = 0; o < options.size(); ++o)
                if (missing.check(school, service, service.options[o], options[o])) break;
        }
    }
    return missing.problems();
}

}  // namespace calc
