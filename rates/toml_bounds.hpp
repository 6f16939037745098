#pragma once
// Limits checked on TOML text before toml++ sees it: toml++ recurses once per
// dotted-key part and per nesting level, so a small hostile file (one dotted
// key of 32,000 parts in 64 KB) would exhaust the stack. Every TOML loader
// (schedules, ledgers, the GUI's recovery file) goes through TomlReader,
// which calls check_toml_bounds first.

#include <cstddef>
#include <string>
#include <string_view>

namespace rates {

/// The documented limits (README, "Hostile input"). Far above anything a
/// schedule, ledger or recovery file needs; far below what exhausts toml++.
struct TomlBounds {
    std::size_t max_bytes = 1 << 20;   ///< whole file: 1 MiB
    std::size_t max_key_parts = 16;    ///< parts of one dotted key (a.b.c is 3), in a key or a [table] header
    std::size_t max_key_bytes = 256;   ///< bytes of one key part (bare or quoted)
    std::size_t max_nesting = 32;      ///< arrays and inline tables inside one another
};

inline constexpr TomlBounds kTomlBounds{};

/// Scans `text` (without parsing it) and throws calc::InputError with
/// "file:line: what is over which limit" at the first bound exceeded.
/// Strings and comments are skipped, so text inside them never counts.
/// Text that is not valid TOML is left for toml++ to report.
void check_toml_bounds(std::string_view text, const std::string& file, const TomlBounds& bounds = kTomlBounds);

}  // namespace rates
