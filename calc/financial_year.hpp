#pragma once
// Calendar dates and the financial year (1 April to 31 March) a schedule is for.

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace calc {

/// A day of the Gregorian calendar; only valid days are made (parse_iso_day).
struct Day {
    int year = 0, month = 0, day = 0;
    friend auto operator<=>(const Day&, const Day&) = default;
};

/// True when year-month-day is a day of the calendar (30 February is not; 29
/// February only in a leap year). Years 1900 to 9999.
bool is_calendar_day(int year, int month, int day);

/// "2025-12-01" (four-digit year, two-digit month and day), a calendar day; else nothing.
std::optional<Day> parse_iso_day(std::string_view text);

/// "2025-12-01".
std::string iso_text(const Day& d);
/// "1 December 2025".
std::string long_text(const Day& d);

/// Days from 1 January 1970 (negative before): differences count days.
long day_number(const Day& d);

/// The financial year 1 April `start` to 31 March `start + 1`.
struct FinancialYear {
    int start = 0;

    Day first() const { return {start, 4, 1}; }
    Day last() const { return {start + 1, 3, 31}; }
    /// 365, or 366 when the year holds 29 February.
    long days() const { return day_number(last()) - day_number(first()) + 1; }
    bool contains(const Day& d) const { return first() <= d && d <= last(); }
    /// "2025-26".
    std::string label() const;
};

/// "2025-26" -> the financial year starting 1 April 2025; nothing for anything else.
std::optional<FinancialYear> financial_year_from_label(std::string_view label);

}  // namespace calc
