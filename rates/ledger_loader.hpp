#pragma once
// Loading a service ledger (TOML): years of budget and spend, forecast
// assumptions, and the claims model behind the spend.

#include "model/claims_simulation.hpp"
#include "model/ledger.hpp"
#include "model/projection.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace rates {

struct LedgerFile {
    model::Ledger ledger;
    model::Assumptions assumptions;          ///< the file's [assumptions]; years left at the default
    std::optional<model::ClaimsModel> claims;  ///< the file's [claims], if any
    std::string file;                          ///< where it was read from
    long service_line = 0;                     ///< the line of `service = ...`, for errors about it
};

/// Reads a ledger file (see README "Ledger format"). Throws calc::InputError
/// listing every problem as file:line: key: message.
LedgerFile load_ledger(std::string_view text, const std::string& file);
LedgerFile load_ledger_file(const std::string& path);

/// "flat", "trend" or a percentage ("1.5%") into the assumptions; false if not one of those.
bool parse_roll_rule(std::string_view text, model::Assumptions& a);
/// "hold", "pay", "breakeven" or a percentage; false if not one of those.
bool parse_rate_rule(std::string_view text, model::Assumptions& a);

}  // namespace rates
