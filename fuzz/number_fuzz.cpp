// libFuzzer: the number parser never crashes, and whatever it accepts it
// writes back to the same value.
#include "calc/number_text.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const calc::NumberText n = calc::parse_number(text);
        if (calc::parse_number(n.value.to_string()).value != n.value) std::abort();
        for (calc::RoundingMode mode : calc::kAllRoundingModes) {
            const calc::Decimal r = n.value.round(2, mode);
            // Rounding moves a value by less than a penny.
            const calc::Decimal gap = r > n.value ? r - n.value : n.value - r;
            if (gap >= calc::Decimal::from_units(1, 2)) std::abort();
        }
    } catch (const calc::InvalidNumber&) {
    } catch (const calc::DecimalOverflow&) {
    }
    return 0;
}
