#pragma once
// How Forum papers set rates: an uplift, a target ÷ base, a multiple, break-even.
// Each returns a rate to `places` decimal places (2, the penny, unless the
// caller asks for 3 or 4) with the mode the caller names.

#include "calc/decimal.hpp"
#include "calc/rounding.hpp"
#include "calc/schedule.hpp"

#include <string>

namespace model {

/// rate × (1 + percent), exact: the working before rounding (£2.954).
calc::Decimal uplift_exact(const calc::Decimal& rate, const calc::Decimal& percent);

/// rate × (1 + percent), to the penny. £2.80 + 5.5% rounded up = £2.96.
calc::Decimal uplift(const calc::Decimal& rate, const calc::Decimal& percent, calc::RoundingMode mode, int places = 2);

/// target ÷ base, to the penny. (£5.11 × 17,280 − £30,000) ÷ 17,280 rounded up = £3.38.
calc::Decimal rate_for_target(const calc::Decimal& target, const calc::Decimal& base, calc::RoundingMode mode,
                              int places = 2);

/// rate × multiple, to the penny. Special-school place rate = 3 × £3.38 = £10.14.
calc::Decimal multiple_of(const calc::Decimal& rate, const calc::Decimal& multiple, calc::RoundingMode mode,
                          int places = 2);

/// a ÷ b in pounds to 4 places for people to check, with "…" when not exact: "£3.3738…".
/// `places` (default 4) digits after the point: two more than the rate is rounded to shows the rounding.
std::string quotient_text(const calc::Decimal& a, const calc::Decimal& b, int places = 4);

/// The rate a recorded derivation gives, to the penny with its rounding mode.
/// `option` supplies the rate a `multiple ... of` refers to. Throws
/// std::invalid_argument if that rate is missing or the base is not above zero.
calc::Decimal derive_rate(const calc::RateDerivation& d, const calc::RateOption& option);

/// The working, for a paper: "£2.80 × (1 + 5.5%) = £2.954 → £2.96 (rounded up)".
std::string describe(const calc::RateDerivation& d, const calc::RateOption& option);

}  // namespace model
