#pragma once
// Reading numbers as finance files write them.

#include "calc/decimal.hpp"

#include <stdexcept>
#include <string_view>

namespace calc {

/// A number that could not be read; what() says why, without file or line.
struct InvalidNumber : std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};

/// A number read from text, with the decorations it carried.
struct NumberText {
    Decimal value;          ///< exact; a percentage is already divided by 100
    bool percent = false;   ///< written with a trailing %
    bool currency = false;  ///< written with a £ sign
    bool grouped = false;   ///< written with thousands separators ("1,234")
};

/// Reads the forms finance files contain: `40.49`, `-34457`, `1,234.50`,
/// `£707,198`, `-£34,457`, `(10,202)` (negative), `12.5%` (= 0.125).
/// Leading and trailing spaces are ignored. Anything else throws InvalidNumber.
NumberText parse_number(std::string_view text);

}  // namespace calc
