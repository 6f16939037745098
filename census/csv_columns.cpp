#include "census/csv_columns.hpp"

#include <algorithm>

namespace census {

std::string key_of(std::string_view name) {
    std::string key;
    for (char c : name) {
        if (c == ' ' || c == '_' || c == '-' || c == '\t') continue;
        key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return key;
}

std::string_view CsvColumns::get(const CsvRow& row, std::string_view name) const {
    const auto it = index.find(key_of(name));
    return it == index.end() || it->second >= row.fields.size() ? std::string_view() : std::string_view(row.fields[it->second]);
}

CsvColumns read_columns(const CsvRow& header, const std::string& file, std::initializer_list<std::string_view> needed,
                        std::initializer_list<std::string_view> optional, std::vector<calc::Diagnostic>& problems) {
    std::string expected;
    for (std::string_view n : needed) expected += (expected.empty() ? "" : ", ") + std::string(n);
    for (std::string_view n : optional) expected += (expected.empty() ? "" : ", ") + std::string(n) + " (optional)";
    const auto known = [&](const std::string& key) {
        return std::any_of(needed.begin(), needed.end(), [&](std::string_view n) { return key_of(n) == key; }) ||
               std::any_of(optional.begin(), optional.end(), [&](std::string_view n) { return key_of(n) == key; });
    };
    CsvColumns c;
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        const std::string key = key_of(header.fields[i]);
        if (!known(key)) {
            problems.push_back({file, header.line, header.fields[i], "unknown column (expected " + expected + ")"});
        } else if (!c.index.emplace(key, i).second) {
            problems.push_back({file, header.line, header.fields[i], "column given twice (names are not case-sensitive)"});
        }
    }
    for (std::string_view n : needed)
        if (!c.index.count(key_of(n))) problems.push_back({file, header.line, std::string(n), "missing column"});
    return c;
}

bool is_urn_text(std::string_view s) {
    return !s.empty() && s.size() <= 8 && s[0] != '0' &&
           std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

}  // namespace census
