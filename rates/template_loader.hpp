#pragma once
// Loading a paper template (TOML): the LA's own words for `dedeleg paper`.

#include "rates/paper_template.hpp"

#include <string>
#include <string_view>

namespace rates {

/// Reads a template (see README "Paper template format"). Throws
/// calc::InputError listing every problem as file:line: key: message;
/// unknown keys are refused.
rates::PaperTemplate load_template(std::string_view text, const std::string& file);
rates::PaperTemplate load_template_file(const std::string& path);

}  // namespace rates
