#pragma once
// Poisson draws that are the same on every machine for a given seed.

#include <cstdint>
#include <random>

namespace model {

/// Draws Poisson counts by inversion from std::mt19937_64 (whose output the
/// C++ standard fixes), so a seed reproduces the same scenarios everywhere,
/// unlike std::poisson_distribution whose algorithm varies by library.
class PoissonSampler {
public:
    explicit PoissonSampler(std::uint64_t seed) : engine_(seed) {}
    /// One draw with mean `mean` (>= 0).
    long long draw(double mean);

private:
    double uniform();  // in [0, 1), 53 random bits
    std::mt19937_64 engine_;
};

}  // namespace model
