#include "report/census_csv.hpp"

#include "report/csv_field.hpp"

namespace report {

void write_census_csv(std::ostream& out, const calc::Census& census) {
    out << "URN,LAESTAB,School,Phase,Governance,NOR,Places";
    for (calc::Factor f : calc::kAllFactors)
        if (calc::is_census_factor(f)) out << ',' << calc::code_of(f);
    out << ",Exempt\n";
    for (const calc::School& s : census.schools) {
        out << csv_field(s.urn) << ',' << csv_field(s.laestab) << ',' << csv_field(s.name) << ',' << calc::name_of(s.phase)
            << ',' << calc::name_of(s.governance) << ',' << s.nor << ','
            << (!calc::has_count(s, calc::Factor::PLACE) ? calc::cell_text(s.no_count[calc::index_of(calc::Factor::PLACE)])
                : s.places().is_zero()                     ? ""
                                                         : s.places().to_string());
        for (calc::Factor f : calc::kAllFactors)
            if (calc::is_census_factor(f))
                out << ',' << (calc::has_count(s, f) ? s.census[calc::index_of(f)].to_string()
                                                     : std::string(calc::cell_text(s.no_count[calc::index_of(f)])));
        std::string exempt;
        for (const std::string& id : s.exempt) exempt += (exempt.empty() ? "" : ";") + id;
        out << ',' << csv_field(exempt) << '\n';
    }
}

}  // namespace report
