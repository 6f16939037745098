#pragma once
// What an LA keeps on record beside its schedules, for the Forum paper: the
// decisions taken on each de-delegable service, the rates of earlier years,
// figures from its services' own records and national funding formula values.
// Plain data, read by rates/history_loader from a history file (TOML).

#include "calc/factor.hpp"
#include "calc/money.hpp"

#include <string>
#include <utility>
#include <vector>

namespace rates {

/// A year's decision on one service an LA may de-delegate or fund centrally.
struct Decision {
    enum class Outcome { agreed, not_agreed, not_applicable };
    std::string year;     ///< "2024-25"
    std::string service;  ///< as the LA lists it: "Staff costs supply cover (maternity leave insurance)"
    std::string id;       ///< the schedules' service id, when there is one
    bool requested = false;
    Outcome outcome = Outcome::not_applicable;
    long line = 0;
};

/// A service's rates in a year before the schedules given (those years' rates
/// come from the schedules themselves).
struct PastRates {
    std::string service;  ///< a schedule's service id
    std::string year;
    std::vector<std::pair<calc::Factor, calc::Rate>> rates;  ///< as written
    std::string note;     ///< "introduced", "reduced" ...
    long line = 0;
};

/// A figure from a service's own records (families supported, schools
/// visited ...), shown as written under that service's appendix.
struct ServiceFigure {
    std::string service;  ///< a schedule's service id
    std::string label;
    std::string value;
    long line = 0;
};

/// A national funding formula value: what the formula gives a school per
/// unit of a factor, beside which a service's rate is shown as a share.
struct FormulaValue {
    calc::Factor factor = calc::Factor::AWPU;
    calc::Rate rate;
    std::string year;
    long line = 0;
};

struct History {
    std::string source;     ///< file name, or "embedded: ..." for a shipped one
    std::string authority;
    long authority_line = 0;
    std::vector<Decision> decisions;
    std::vector<PastRates> rates;
    std::vector<ServiceFigure> figures;
    std::vector<FormulaValue> formula;

    bool empty() const { return decisions.empty() && rates.empty() && figures.empty() && formula.empty(); }
};

/// "Agreed", "Not agreed", "N/A".
std::string_view words_for(Decision::Outcome outcome);

}  // namespace rates
