#pragma once
// Writing money for people: £12,345.67, -£34,457 or (£10,202).

#include "calc/decimal.hpp"

#include <string>

namespace calc {

enum class Negative { minus_sign, parentheses };

/// "12,345" from "12345": thousands separators on a digit string.
std::string group_thousands(const std::string& whole_digits);

/// `amount` with a £ sign, thousands separators and exactly `places` decimals.
/// Formatting never rounds: `amount` must already have at most `places` places.
std::string format_pounds(const Decimal& amount, int places, Negative style = Negative::minus_sign);

/// Every digit of an exact amount, at least 2 places: "£114,538.08026448", "£2.80".
std::string format_pounds_exact(const Decimal& amount, Negative style = Negative::minus_sign);

/// A rate as schedules show it: at least 2 places, and every place it has as
/// written or derived (£40.49, £3.375, £9.440 for a rate rounded to 3 places).
inline std::string format_rate(const Decimal& rate) { return format_pounds(rate, rate.scale() > 2 ? rate.scale() : 2); }

/// A count with thousands separators and every decimal it has: "17,280", "156.5".
std::string format_count(const Decimal& count);

/// The same without the £ sign or separators, for CSV: "-34457.00".
std::string format_plain(const Decimal& amount, int places);
/// The same text appended to `out`, allocating nothing once `out` has grown
/// (the per-school CSVs write a million of these).
void append_plain(std::string& out, const Decimal& amount, int places);

}  // namespace calc
