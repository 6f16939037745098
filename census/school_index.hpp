#pragma once
// Finding a census school by URN, for files that name schools (conversions, budgets).

#include "calc/school.hpp"

#include <map>
#include <optional>
#include <string_view>

namespace census {

class SchoolIndex {
public:
    /// Views the census's URNs: `census` must outlive the index.
    explicit SchoolIndex(const calc::Census& census) {
        for (std::size_t i = 0; i < census.schools.size(); ++i) by_urn_.emplace(census.schools[i].urn.view(), i);
    }
    std::optional<std::size_t> find(std::string_view urn) const {
        const auto it = by_urn_.find(urn);
        return it == by_urn_.end() ? std::nullopt : std::optional<std::size_t>(it->second);
    }

private:
    std::map<std::string_view, std::size_t, std::less<>> by_urn_;
};

}  // namespace census
