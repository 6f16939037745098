#pragma once
// Shared by the TOML loaders: parse with file:line errors, collect problems,
// and read numbers exactly as the user typed them.

#include "calc/diagnostic.hpp"
#include "calc/number_text.hpp"
#include "calc/schedule.hpp"

#include <toml++/toml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rates {

class TomlReader {
public:
    /// Checks `text` against kTomlBounds (toml_bounds.hpp), then parses it;
    /// throws calc::InputError (file:line) for a bound exceeded or a syntax error.
    /// A UTF-8 byte-order mark starting `text` is taken off first.
    TomlReader(std::string_view text, const std::string& file);

    /// The parsed document.
    const toml::table& document() const { return doc_; }
    /// The file name problems are reported against.
    const std::string& file() const { return file_; }
    /// Where `at` is written, as calc keeps it for a problem found later (with a census).
    calc::WrittenAt written_at(const toml::node& at, const std::string& key) const {
        return {file_, static_cast<long>(at.source().begin.line), key};
    }
    std::vector<calc::Diagnostic>& problems() { return problems_; }
    /// Throws calc::InputError if any problem was recorded.
    void throw_if_problems();

    void problem(const toml::node& at, const std::string& key, std::string message);
    /// Records every key of `t` not in `allowed` (typos are errors, not defaults).
    void allow_keys(const toml::table& t, const std::string& prefix, std::initializer_list<std::string_view> allowed);
    /// A string value; empty (and a problem if `required`) when missing, not a
    /// string, or holding a control character (calc::control_character_in).
    std::string text(const toml::table& t, std::string_view key, const std::string& where, bool required);
    /// A number written as a TOML number or string ("£1,234", "5.5%"), read
    /// from the characters in the file, never through binary floating point.
    std::optional<calc::NumberText> number(const toml::node& value, const std::string& where);
    /// The same for t[key]; empty (and a problem if `required`) when missing.
    std::optional<calc::NumberText> number(const toml::table& t, std::string_view key, const std::string& where,
                                           bool required);
    /// A whole number (TOML integer).
    std::optional<long long> integer(const toml::table& t, std::string_view key, const std::string& where, bool required);

    /// A table's entries in the order they are written in the file (toml++ sorts them).
    static std::vector<std::pair<std::string, const toml::node*>> in_file_order(const toml::table& t);

private:
    std::string source_text(const toml::node& value) const;

    std::string file_;
    std::vector<std::string_view> lines_;
    toml::table doc_;
    std::vector<calc::Diagnostic> problems_;
};

}  // namespace rates
