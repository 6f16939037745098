#pragma once
// One CSV field, quoted only when RFC 4180 needs it.

#include <string>
#include <string_view>

namespace report {

std::string csv_field(std::string_view text);

}  // namespace report
