#include "model/rate_rules.hpp"

#include "calc/money_format.hpp"

#include <stdexcept>

namespace model {

calc::Decimal uplift_exact(const calc::Decimal& rate, const calc::Decimal& percent) {
    return rate * (calc::Decimal(1) + percent);
}

calc::Decimal uplift(const calc::Decimal& rate, const calc::Decimal& percent, calc::RoundingMode mode, int places) {
    // Rounded from the exact product even where it has more places than a Decimal holds.
    return calc::multiply_rounded(rate, calc::Decimal(1) + percent, places, mode);
}

calc::Decimal rate_for_target(const calc::Decimal& target, const calc::Decimal& base, calc::RoundingMode mode,
                              int places) {
    if (base.sign() <= 0) throw std::invalid_argument("the base (pupils or places) must be above zero");
    return calc::divide(target, base, places, mode);
}

calc::Decimal multiple_of(const calc::Decimal& rate, const calc::Decimal& multiple, calc::RoundingMode mode,
                          int places) {
    return (rate * multiple).round(places, mode);
}

namespace {

calc::Decimal multiplied(const calc::RateDerivation& d, const calc::RateOption& option) {
    if (!d.of) return d.from;
    const calc::Rate* rate = option.rate_for(*d.of);
    if (!rate) throw std::invalid_argument("no " + std::string(calc::code_of(*d.of)) + " rate to multiply");
    return rate->value;
}

std::string rounded_words(calc::RoundingMode m, int places) {
    return "rounded " + std::string(calc::name_of(m)) + (places == 2 ? "" : " to " + std::to_string(places) + " places");
}

}  // namespace

std::string quotient_text(const calc::Decimal& a, const calc::Decimal& b, int places) {
    const calc::Decimal q = calc::divide(a, b, places, calc::RoundingMode::down);
    return calc::format_pounds(q, places) + (q * b == a ? "" : "…");
}

calc::Decimal derive_rate(const calc::RateDerivation& d, const calc::RateOption& option) {
    switch (d.rule) {
        case calc::RateDerivation::Rule::uplift: return uplift(d.from, d.by, d.round, d.places);
        case calc::RateDerivation::Rule::target: return rate_for_target(d.target, d.base, d.round, d.places);
        case calc::RateDerivation::Rule::multiple: return multiple_of(multiplied(d, option), d.by, d.round, d.places);
    }
    return {};
}

std::string describe(const calc::RateDerivation& d, const calc::RateOption& option) {
    const calc::Decimal result = derive_rate(d, option);
    switch (d.rule) {
        case calc::RateDerivation::Rule::uplift:
            return calc::format_rate(d.from) + " × (1 + " + (d.by * calc::Decimal(100)).normalized().to_string() + "%) = " +
                   calc::format_pounds_exact(uplift_exact(d.from, d.by)) + " → " + calc::format_pounds(result, d.places) + " (" +
                   rounded_words(d.round, d.places) + ")";
        case calc::RateDerivation::Rule::target:
            return calc::format_pounds_exact(d.target) + " ÷ " + calc::format_count(d.base) + " = " +
                   quotient_text(d.target, d.base, d.places + 2) + " → " + calc::format_pounds(result, d.places) + " (" + rounded_words(d.round, d.places) + ")";
        case calc::RateDerivation::Rule::multiple: {
            const calc::Decimal base = multiplied(d, option);
            return d.by.normalized().to_string() + " × " + calc::format_rate(base) +
                   (d.of ? " (the " + std::string(calc::code_of(*d.of)) + " rate)" : "") + " = " + calc::format_pounds(result, d.places);
        }
    }
    return {};
}

}  // namespace model
