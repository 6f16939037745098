#include "model/poisson.hpp"

#include <cmath>

namespace model {

double PoissonSampler::uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

long long PoissonSampler::draw(double mean) {
    // Inversion needs exp(-mean) to stay well inside double range: split a
    // large mean into parts (a sum of Poissons is Poisson).
    constexpr double kLargestPart = 500.0;
    long long total = 0;
    while (mean > kLargestPart) {
        total += draw(kLargestPart);
        mean -= kLargestPart;
    }
    if (mean <= 0) return total;
    double p = std::exp(-mean);
    double cumulative = p;
    const double u = uniform();
    long long k = 0;
    while (u > cumulative && p > 0) {
        ++k;
        p *= mean / static_cast<double>(k);
        cumulative += p;
    }
    return total + k;
}

}  // namespace model
