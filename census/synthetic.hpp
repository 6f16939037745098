#pragma once
// A synthetic census of any size, the same for the same seed: for
// benchmarks, scale tests and trying the GUI with England-sized data.

#include "calc/school.hpp"

#include <cstdint>

namespace census {

struct SynthOptions {
    std::size_t schools = 20000;
    int las = 153;            ///< local authorities the schools are spread over
    std::uint64_t seed = 1;
};

/// Schools with plausible spreads: about 78% primary, 15% secondary, 4%
/// special (with places), a few all-through, nursery and PRU; academies
/// in realistic shares; each LA with its own deprivation and EAL level
/// driving FSM, FSM6, EAL3, IDACI bands and LPA. Counts are exact
/// decimals (NOR × a proportion in thousandths), never above NOR.
calc::Census synthetic_census(const SynthOptions& options);

}  // namespace census
