#pragma once
// The figures sections 4.1-4.8 of Havering's 2025-26 consultation publish, by
// service id: every one must appear in that service's part of the paper and on
// its sheet of the workbook (as the paper prints them: £ and thousands commas).

#include <string>
#include <utility>
#include <vector>

namespace golden {

struct ServiceFigures {
    std::string id;
    std::vector<std::string> figures;
};

inline const std::vector<ServiceFigures>& havering_2025_26() {
    static const std::vector<ServiceFigures> all = {
        {"insurance", {"£21.00", "£363,000", "£362,880.00"}},                                            // 4.1
        {"fsm-eligibility", {"£9.50", "£30,352"}},                                                       // 4.2
        {"maternity", {"£40.49", "£707,198", "£707,198.34", "£36.96", "£645,543"}},                      // 4.3
        {"eal", {"£38.00", "£114,538", "£517", "£2,644", "£6,070"}},                                     // 4.4
        {"behaviour-support",                                                                            // 4.5
         {"£5.00", "£2.00", "£14.08", "£22.08", "£12.05", "£7.71", "£10.07", "£87,330", "£6,452", "£31,590", "£29,975",
          "£6,618", "£4,365", "£1,189", "£27,965", "£195,483", "£195,484"}},
        {"trade-union", {"£2.80", "£48,905", "£2.96", "£51,700"}},                                       // 4.6
        {"statutory-duties", {"£19.33", "£45.00", "£19.31", "£334,000", "£7,000", "£334,022.40", "£7,042.50",  // 4.7
                              "£341,064.90"}},
        {"school-improvement", {"£3.38", "£10.14", "£58,406", "£1,587", "£5.11", "£15.33"}},             // 4.8
    };
    return all;
}

// Section 2: the services requested and agreed for 2024-25, as the seed's table.
struct Decision {
    std::string service, requested, outcome;
};

inline const std::vector<Decision>& havering_decisions_2024_25() {
    static const std::vector<Decision> all = {
        {"Contingencies (including schools in financial difficulties and deficits of closing schools)", "No", "N/A"},
        {"Behaviour support services", "Yes", "Agreed"},
        {"Support to underperforming ethnic groups and bilingual learners (EAL)", "Yes", "Agreed"},
        {"Free school meals eligibility", "Yes", "Agreed"},
        {"Insurance", "Yes", "Agreed"},
        {"Museum and library services", "No", "N/A"},
        {"Licences/subscriptions", "No", "N/A"},
        {"Staff costs supply cover (maternity leave insurance)", "Yes", "Agreed"},
        {"Staff costs supply cover (trade union facility time)", "Yes", "Agreed"},
        {"Statutory and regulatory duties", "Yes", "Agreed"},
        {"Core school improvement activities", "Yes", "Agreed"},
    };
    return all;
}

// Section 4.6: the unions and the staff they support.
inline const std::vector<std::pair<std::string, std::string>>& havering_unions() {
    static const std::vector<std::pair<std::string, std::string>> all = {
        {"National Education Union (NEU)", "Teaching & Support"},
        {"National Association of Schoolmasters Union of Women Teachers (NASUWT)", "Teaching"},
        {"Community", "Teaching"},
        {"National Association of Head Teachers (NAHT)", "Teaching"},
        {"Association of School and College Leaders (ASCL)", "Teaching"},
        {"UNISON", "Support"},
        {"GMB", "Support"},
    };
    return all;
}

// The rates the seed gives by year (4.3, 4.6, 4.7, 4.8, Appendix A), as the
// paper's history table words them: service name, year, rates.
struct PastRate {
    std::string service, year, rates;
};

inline const std::vector<PastRate>& havering_rate_history() {
    static const std::vector<PastRate> all = {
        {"Maternity leave insurance", "2023-24", "£34.87 per pupil"},
        {"Maternity leave insurance", "2024-25", "£36.96 per pupil"},
        {"Maternity leave insurance", "2025-26", "£40.49 per pupil"},
        {"English as an Additional Language (EAL) service", "2020-21", "£38.00 per EAL3 pupil"},
        {"Trade union facility time", "2023-24", "£2.63 per pupil"},
        {"Trade union facility time", "2024-25", "£2.80 per pupil"},
        {"Statutory and regulatory duties", "2018-19", "Primary £19.89 per pupil; Special £44.00 per place"},
        {"Statutory and regulatory duties", "2019-20", "Primary £17.90 per pupil"},
        {"Statutory and regulatory duties", "2024-25", "Primary £19.31 per pupil; Special £45.00 per place"},
        {"Core school improvement activities", "2022-23", "Primary £5.11 per pupil"},
        {"Core school improvement activities", "2023-24", "Primary £5.11 per pupil"},
        {"Core school improvement activities", "2024-25", "Primary £5.11 per pupil; Special £15.33 per place"},
        {"Core school improvement activities", "2025-26", "Primary £3.38 per pupil; Special £10.14 per place"},
    };
    return all;
}

// Appendices A-D: each heading, and the figures the seed gives in it.
inline const std::vector<ServiceFigures>& havering_appendices() {
    static const std::vector<ServiceFigures> all = {
        {"Appendix A - English as an Additional Language service",
         {"£38.00 per EAL3 pupil", "£114,538", "average £2,937", "£639.28; after £38.00 de-delegated a school keeps £601.28 (94%)",
          "30.4% (22.8% nationally)", "105, of whom 41 had no English", "26, with over 100 course bookings",
          "22, with 43 bookings for networks and courses"}},
        {"Appendix B - Behaviour support service: the SEMH team",
         {"£195,483", "1 senior SSFP and 3 SSFPs", "about 200", "100 (90% more than the previous offer)", "102",
          "98% (2% placed out of borough)", "Senior School Support Family Practitioner"}},
        {"Appendix C - Trade union facility time", {"£48,905", "£51,700", "Meaningful consultation over academy conversion"}},
        {"Appendix D - Core school improvement activities: the quality assurance process",
         {"£58,406", "more than £10,000", "more than £100,000 or 50% of balances", "more than 8% of income",
          "A full QA (Ofsted readiness) visit"}},
    };
    return all;
}

}  // namespace golden
