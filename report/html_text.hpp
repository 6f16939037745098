#pragma once
// Text made safe for HTML, and the template's paragraphs as HTML.

#include <string>
#include <string_view>

namespace report {

/// `&`, `<`, `>`, `"` and `'` as entities: any text from a file or a user.
std::string html_text(std::string_view text);

/// A template's text as HTML: paragraphs split at blank lines, lines starting
/// "- " as a bulleted list, a line starting "### " as a subheading; every
/// character escaped.
std::string html_paragraphs(std::string_view text);

}  // namespace report
