// libFuzzer: the census loader refuses or accepts, never crashes; what it
// accepts calculates, and the per-school pennies stay within half a penny a
// school of the exact total.
#include "calc/deduction.hpp"
#include "census/census_loader.hpp"
#include "rates/schedule_loader.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

const calc::Schedule& schedule() {
    static const calc::Schedule s = rates::load_schedule(R"([schedule]
authority = "Fuzz"
year = "2025-26"
[[service]]
id = "all"
name = "Every factor"
kind = "education-function"
phases = ["primary", "secondary", "all-through", "special"]
rates = { AWPU = "40.49", FSM = "9.5", FSM6 = "2", EAL3 = "38", IDACI_A = "10.07", IDACI_F = "1.0001", LPA = "5", PLACE = "10.14", LUMP = "1000" }
)",
                                                         "fuzz.toml");
    return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const calc::Census census = census::load_census(text, "fuzz.csv");
        const calc::Calculation result = calc::calculate(census, schedule());
        const calc::Decimal gap = result.sum_of_rounded.value - result.exact_total.value;
        const calc::Decimal limit = calc::Decimal::from_units(5, 3) * calc::Decimal(static_cast<long long>(census.schools.size()));
        if (gap > limit || -gap > limit) std::abort();
    } catch (const calc::InputError&) {
    } catch (const calc::DecimalOverflow&) {
    }
    return 0;
}
