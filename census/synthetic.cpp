#include "census/synthetic.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <string>

namespace census {

namespace {

using calc::Decimal;
using calc::Factor;

// Uniform in [0, 1) from mt19937_64, whose output the C++ standard fixes.
class Draw {
public:
    explicit Draw(std::uint64_t seed) : engine_(seed) {}
    double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
    long long between(long long low, long long high, double skew = 1.0) {
        return low + static_cast<long long>(std::floor(std::pow(uniform(), skew) * static_cast<double>(high - low + 1)));
    }

private:
    std::mt19937_64 engine_;
};

// count = NOR × share, with the share taken to thousandths so the count is an exact decimal.
Decimal count_of(long long nor, double share) {
    const long long thousandths = std::llround(std::clamp(share, 0.0, 1.0) * 1000.0);
    return Decimal::from_units(Decimal::Units(nor) * thousandths, 3);
}

struct Area {
    double deprivation;  // share of pupils with FSM, roughly
    double eal;
};

}  // namespace

calc::Census synthetic_census(const SynthOptions& options) {
    Draw draw(options.seed);
    const int las = std::max(1, options.las);
    std::vector<Area> areas;
    for (int i = 0; i < las; ++i) areas.push_back({0.06 + 0.30 * draw.uniform(), 0.02 + 0.40 * std::pow(draw.uniform(), 2.0)});

    calc::Census census;
    census.source = "synthetic:" + std::to_string(options.schools) + " schools, seed " + std::to_string(options.seed);
    census.schools.reserve(options.schools);
    for (std::size_t i = 0; i < options.schools; ++i) {
        calc::School s;
        const int la = static_cast<int>(draw.between(0, las - 1));
        const Area& area = areas[static_cast<std::size_t>(la)];
        const double kind = draw.uniform();
        double academy_share = 0.4;
        if (kind < 0.78) { s.phase = calc::Phase::primary; s.nor = static_cast<std::int32_t>(draw.between(40, 720, 1.3)); }
        else if (kind < 0.93) { s.phase = calc::Phase::secondary; s.nor = static_cast<std::int32_t>(draw.between(350, 2000, 1.2)); academy_share = 0.8; }
        else if (kind < 0.97) { s.phase = calc::Phase::special; s.nor = static_cast<std::int32_t>(draw.between(30, 300)); academy_share = 0.45; }
        else if (kind < 0.985) { s.phase = calc::Phase::all_through; s.nor = static_cast<std::int32_t>(draw.between(700, 2300)); academy_share = 0.6; }
        else if (kind < 0.993) { s.phase = calc::Phase::nursery; s.nor = static_cast<std::int32_t>(draw.between(40, 160)); academy_share = 0; }
        else { s.phase = calc::Phase::pru; s.nor = static_cast<std::int32_t>(draw.between(10, 120)); academy_share = 0.5; }
        s.governance = draw.uniform() < academy_share ? calc::Governance::academy : calc::Governance::maintained;
        s.urn = std::to_string(100000 + i);
        s.laestab = std::to_string((201 + la) * 10000 + 2000 + static_cast<long long>(i % 8000));
        s.name = "Synthetic " + std::string(calc::label_of(s.phase)) + " School " + std::to_string(i + 1);
        if (s.phase == calc::Phase::special)
            s.set_places(Decimal::from_units(Decimal::Units(s.nor) * 2 + draw.between(0, 1), 1));  // NOR or NOR + 0.5

        const double fsm = std::clamp(area.deprivation + (draw.uniform() - 0.5) * 0.2, 0.01, 0.75);
        const double eal = std::clamp(area.eal + (draw.uniform() - 0.5) * 0.1, 0.0, 0.9);
        auto set = [&](Factor f, double share) { s.census[calc::index_of(f)] = count_of(s.nor, share); };
        set(Factor::FSM, fsm);
        set(Factor::FSM6, fsm * 1.4);
        set(Factor::EAL3, eal * 0.6);
        set(Factor::IDACI_A, fsm * 0.10);
        set(Factor::IDACI_B, fsm * 0.35);
        set(Factor::IDACI_C, fsm * 0.40);
        set(Factor::IDACI_D, fsm * 0.55);
        set(Factor::IDACI_E, fsm * 0.70);
        set(Factor::IDACI_F, 0.08);
        set(Factor::LPA, 0.15 + fsm * 0.5);
        s.source_line = static_cast<std::uint32_t>(i + 2);
        census.schools.push_back(std::move(s));
    }
    return census;
}

}  // namespace census
