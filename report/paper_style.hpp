#pragma once
// The paper's and statements' print style: A4, page numbers, repeated table
// headers, a page per service; black and white friendly.

#include <string_view>

namespace report {

std::string_view paper_css();

}  // namespace report
