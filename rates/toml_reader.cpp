#include "rates/toml_reader.hpp"

#include "rates/toml_bounds.hpp"

#include "calc/text.hpp"

#include <algorithm>

namespace rates {

TomlReader::TomlReader(std::string_view text, const std::string& file) : file_(file) {
    // A byte-order mark starting the file (Notepad writes one) is not part of its text, as for a CSV.
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    check_toml_bounds(text, file);  // before toml++: what could exhaust its stack is refused here
    try {
        doc_ = toml::parse(text, file);
    } catch (const toml::parse_error& e) {
        throw calc::InputError({{file, static_cast<long>(e.source().begin.line), "",
                                 "not valid TOML: " + std::string(e.description())}});
    }
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = text.find('\n', start);
        lines_.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
}

void TomlReader::throw_if_problems() {
    if (!problems_.empty()) throw calc::InputError(std::move(problems_));
}

void TomlReader::problem(const toml::node& at, const std::string& key, std::string message) {
    problems_.push_back({file_, static_cast<long>(at.source().begin.line), key, std::move(message)});
}

void TomlReader::allow_keys(const toml::table& t, const std::string& prefix,
                            std::initializer_list<std::string_view> allowed) {
    for (const auto& [key, value] : t)
        if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
            std::string list;
            for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
            problem(value, prefix + std::string(key.str()), "unknown key (expected one of: " + list + ")");
        }
}

std::string TomlReader::text(const toml::table& t, std::string_view key, const std::string& where, bool required) {
    const toml::node* n = t.get(key);
    if (!n) {
        if (required) problem(t, where + std::string(key), "missing");
        return {};
    }
    if (const auto* s = n->as_string()) {
        if (const std::string bad = calc::control_character_in(s->get()); !bad.empty()) {
            problem(*n, where + std::string(key), "control character " + bad + " in the text; remove it");
            return {};
        }
        return s->get();
    }
    problem(*n, where + std::string(key), "must be a string in quotes");
    return {};
}

std::optional<calc::NumberText> TomlReader::number(const toml::node& value, const std::string& where) {
    std::string typed;
    if (const auto* s = value.as_string()) typed = s->get();
    else if (value.is_number()) typed = source_text(value);
    else {
        problem(value, where, "must be a number or a string such as \"40.49\"");
        return std::nullopt;
    }
    try {
        return calc::parse_number(typed);
    } catch (const calc::InvalidNumber& e) {
        problem(value, where, std::string(e.what()) + " (write plain decimals)");
    }
    return std::nullopt;
}

std::optional<calc::NumberText> TomlReader::number(const toml::table& t, std::string_view key, const std::string& where,
                                                   bool required) {
    const toml::node* n = t.get(key);
    if (!n) {
        if (required) problem(t, where + std::string(key), "missing");
        return std::nullopt;
    }
    return number(*n, where + std::string(key));
}

std::optional<long long> TomlReader::integer(const toml::table& t, std::string_view key, const std::string& where,
                                             bool required) {
    const toml::node* n = t.get(key);
    if (!n) {
        if (required) problem(t, where + std::string(key), "missing");
        return std::nullopt;
    }
    if (const auto* i = n->as_integer()) return i->get();
    problem(*n, where + std::string(key), "must be a whole number");
    return std::nullopt;
}

std::vector<std::pair<std::string, const toml::node*>> TomlReader::in_file_order(const toml::table& t) {
    std::vector<std::pair<std::string, const toml::node*>> entries;
    for (const auto& [key, value] : t) entries.push_back({std::string(key.str()), &value});
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
        const auto& x = a.second->source().begin;
        const auto& y = b.second->source().begin;
        return x.line != y.line ? x.line < y.line : x.column < y.column;
    });
    return entries;
}

// toml++ counts columns in code points; find the bytes of the value on its line.
std::string TomlReader::source_text(const toml::node& value) const {
    const auto& where = value.source();
    if (where.begin.line != where.end.line || where.begin.line == 0 || where.begin.line > lines_.size()) return {};
    const std::string_view line = lines_[where.begin.line - 1];
    auto byte_of = [&](std::size_t column) {
        std::size_t byte = 0;
        for (std::size_t cp = 1; cp < column && byte < line.size(); ++cp) {
            ++byte;
            while (byte < line.size() && (static_cast<unsigned char>(line[byte]) & 0xC0) == 0x80) ++byte;
        }
        return byte;
    };
    const std::size_t from = byte_of(where.begin.column);
    const std::size_t to = byte_of(where.end.column);
    return std::string(line.substr(from, to - from));
}

}  // namespace rates
