#pragma once
// Ledgers and forecasts as Markdown, CSV or JSON.

#include "model/claims_simulation.hpp"
#include "model/projection.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace report {

/// Everything `dedeleg forecast` shows. `outlook` is empty when no claims
/// model was given (deterministic only).
struct ForecastReport {
    std::string service_name;
    model::Projection projection;
    model::Assumptions assumptions;
    std::optional<model::ClaimsModel> claims;
    std::vector<model::YearOutlook> outlook;
    model::SimulationOptions simulation;
};

/// The paper's table: Budget, Spend, Outturn, Rate, Applicable pupils, and
/// the balance carried forward, one column per year.
void write_ledger_markdown(std::ostream& out, const std::string& name, const std::vector<model::LedgerRow>& rows);
void write_ledger_csv(std::ostream& out, const std::vector<model::LedgerRow>& rows);

void write_forecast_markdown(std::ostream& out, const ForecastReport& r);
void write_forecast_csv(std::ostream& out, const ForecastReport& r);
void write_forecast_json(std::ostream& out, const ForecastReport& r);

}  // namespace report
