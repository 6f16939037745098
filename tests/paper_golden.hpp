#pragma once
// The figures sections 4.1-4.8 of Havering's 2025-26 consultation publish, by
// service id: every one must appear in that service's part of the paper and on
// its sheet of the workbook (as the paper prints them: £ and thousands commas).

#include <string>
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

}  // namespace golden
