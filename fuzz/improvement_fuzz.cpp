// libFuzzer: the framework loader (first byte odd) and the Ofsted inspections
// loader (first byte even) refuse or accept, never crash; what they accept is
// placed and priced for a year and projected.
#include "calc/decimal.hpp"
#include "calc/diagnostic.hpp"
#include "census/inspections_loader.hpp"
#include "model/improvement.hpp"
#include "rates/framework_loader.hpp"

#include <cstdint>
#include <string_view>

namespace {

const char* const kFramework = R"([framework]
id = "f"
name = "F"
placement = "cycle"
day_rate = "550"
day_rate_reason = "r"
[[stage]]
id = "1"
label = "1"
cycle_year = 1
[[stage]]
id = "2"
label = "2"
cycle_year = 2
[[stage]]
id = "3"
label = "3"
cycle_year = 3
[[stage]]
id = "4"
label = "4"
cycle_year = 4
[[stage]]
id = "5"
label = "5"
cycle_year = 5
[[stage.activity]]
name = "call"
days = "0.125"
staff = 1
per_year = 1
[[intervention]]
name = "PRM"
days = "0.5"
staff = 2
per_year = 6
)";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    try {
        if (data[0] & 1) {
            const model::Framework f = rates::load_framework(text, "fuzz.toml");
            model::InspectionRecord r;
            r.urn = "100000";
            r.last_inspection = model::Date{2020, 1, 1};
            r.kind = "graded";
            r.overall_effectiveness = "Requires improvement";
            const auto years = model::project_years(f, {{"100000", "x"}, {"100001", "never"}}, {{"100000", r}}, {}, 2025, 3,
                                                    calc::Decimal(0));
            if (f.placement == model::PlacementRule::cycle) model::simulate_interventions(f, years, calc::Decimal(1), std::nullopt, 3, 1);
        } else {
            const auto records = census::load_inspections(text, "fuzz.csv");
            const model::Framework f = rates::load_framework(kFramework, "fixed.toml");
            std::vector<model::SchoolRef> schools;
            for (const auto& [urn, record] : records) schools.push_back({urn, record.school_name});
            model::plan_year(f, schools, records, {}, 2030);
        }
    } catch (const calc::InputError&) {
    } catch (const calc::DecimalOverflow&) {
    }
    return 0;
}
