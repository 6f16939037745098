#pragma once
// Small text helpers shared by the engine and the loaders.

#include <string>
#include <string_view>

namespace calc {

bool equals_ignoring_case(std::string_view a, std::string_view b);
std::string to_lower(std::string_view s);
std::string_view trim(std::string_view s);

/// The first character of `text` that has no place in a name, as "U+0000",
/// or empty: C0 controls except tab, line feed and carriage return (a
/// spreadsheet cell may hold line breaks; writers fold or quote them), DEL,
/// C1 controls, and the bidirectional overrides, embeddings and isolates
/// (U+202A..U+202E, U+2066..U+2069) that make text display in another order,
/// and U+FEFF (a byte-order mark: readers take one off a file's start only).
/// `text` is UTF-8 (checked elsewhere); stray bytes are skipped.
std::string control_character_in(std::string_view text);

}  // namespace calc
