#pragma once
// A small CSV's header: which column holds what, by name.

#include "calc/diagnostic.hpp"
#include "census/csv_rows.hpp"

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace census {

/// Header names compare as `key_of` makes them: lower case, spaces,
/// underscores and hyphens dropped ("Post MFG budget" = "PostMFGBudget").
std::string key_of(std::string_view name);

struct CsvColumns {
    std::map<std::string, std::size_t> index;  ///< by key_of(name)

    /// The row's cell in column `name` (any spelling key_of accepts); empty if the row is short.
    std::string_view get(const CsvRow& row, std::string_view name) const;
};

/// Reads `header`: every column of `needed` must be there, each column at most
/// once, and any column not in `needed` or `optional` is refused with the
/// columns expected. Problems go to `problems` (file:line: column: ...).
CsvColumns read_columns(const CsvRow& header, const std::string& file, std::initializer_list<std::string_view> needed,
                        std::initializer_list<std::string_view> optional, std::vector<calc::Diagnostic>& problems);

/// True for a URN as the DfE writes one: digits, no leading zero, at most 8.
bool is_urn_text(std::string_view s);

}  // namespace census
