#include "calc/school.hpp"

#include "calc/text.hpp"

#include <limits>

namespace calc {

namespace {
constexpr std::array<Phase, 6> kPhases = {Phase::primary, Phase::secondary, Phase::all_through,
                                          Phase::special, Phase::nursery,   Phase::pru};
}

std::string_view name_of(Phase p) {
    switch (p) {
        case Phase::primary: return "primary";
        case Phase::secondary: return "secondary";
        case Phase::all_through: return "all-through";
        case Phase::special: return "special";
        case Phase::nursery: return "nursery";
        case Phase::pru: return "pru";
    }
    return "?";
}

std::string_view label_of(Phase p) {
    switch (p) {
        case Phase::primary: return "Primary";
        case Phase::secondary: return "Secondary";
        case Phase::all_through: return "All-through";
        case Phase::special: return "Special";
        case Phase::nursery: return "Nursery";
        case Phase::pru: return "PRU";
    }
    return "?";
}

std::optional<Phase> phase_from_name(std::string_view name) {
    for (Phase p : kPhases)
        if (equals_ignoring_case(name_of(p), name)) return p;
    return std::nullopt;
}

std::string_view name_of(Governance g) { return g == Governance::maintained ? "maintained" : "academy"; }

std::optional<Governance> governance_from_name(std::string_view name) {
    if (equals_ignoring_case(name, "maintained")) return Governance::maintained;
    if (equals_ignoring_case(name, "academy")) return Governance::academy;
    return std::nullopt;
}

bool is_mainstream(Phase p) { return p == Phase::primary || p == Phase::secondary || p == Phase::all_through; }

std::string_view words_for(NoCount why) {
    switch (why) {
        case NoCount::given: return "given";
        case NoCount::blank: return "blank";
        case NoCount::not_applicable: return "\"z\" (not applicable)";
        case NoCount::not_available: return "\"x\" (not available)";
        case NoCount::suppressed: return "\"c\" (suppressed)";
        case NoCount::no_column: return "no such column in the census";
    }
    return "?";
}

NoCount no_count_marker(std::string_view cell) {
    if (cell.empty()) return NoCount::blank;
    if (cell.size() != 1) return NoCount::given;
    switch (cell[0]) {
        case 'z': case 'Z': return NoCount::not_applicable;
        case 'x': case 'X': return NoCount::not_available;
        case 'c': case 'C': return NoCount::suppressed;
        default: return NoCount::given;
    }
}

std::string_view cell_text(NoCount why) {
    switch (why) {
        case NoCount::not_applicable: return "z";
        case NoCount::not_available: return "x";
        case NoCount::suppressed: return "c";
        default: return "";
    }
}

PackedCount::PackedCount(const Decimal& value) {
    if (value.sign() < 0) throw DecimalOverflow("a count cannot be negative");
    Decimal d = value;
    if (d.units() > static_cast<Decimal::Units>(std::numeric_limits<std::uint64_t>::max())) d = d.normalized();
    if (d.units() > static_cast<Decimal::Units>(std::numeric_limits<std::uint64_t>::max())) throw DecimalOverflow("a count above 10^19 units");
    units_ = static_cast<std::uint64_t>(d.units());
    scale_ = static_cast<std::uint8_t>(d.scale());
}


}  // namespace calc
