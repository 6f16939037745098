#include "model/rate_rules.hpp"

#include <stdexcept>

namespace model {

calc::Decimal uplift_exact(const calc::Decimal& rate, const calc::Decimal& percent) {
    return rate * (calc::Decimal(1) + percent);
}

calc::Decimal uplift(const calc::Decimal& rate, const calc::Decimal& percent, calc::RoundingMode mode) {
    return uplift_exact(rate, percent).round(2, mode);
}

calc::Decimal rate_for_target(const calc::Decimal& target, const calc::Decimal& base, calc::RoundingMode mode) {
    if (base.sign() <= 0) throw std::invalid_argument("the base (pupils or places) must be above zero");
    return calc::divide(target, base, 2, mode);
}

calc::Decimal multiple_of(const calc::Decimal& rate, const calc::Decimal& multiple, calc::RoundingMode mode) {
    return (rate * multiple).round(2, mode);
}

}  // namespace model
