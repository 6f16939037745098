#include "calc/financial_year.hpp"

#include <array>

namespace calc {

namespace {

bool leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && leap(year) ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

bool digits(std::string_view s, int& out) {
    if (s.empty()) return false;
    out = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        out = out * 10 + (c - '0');
    }
    return true;
}

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

}  // namespace

bool is_calendar_day(int year, int month, int day) {
    return year >= 1900 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

std::optional<Day> parse_iso_day(std::string_view text) {
    Day d;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    if (!digits(text.substr(0, 4), d.year) || !digits(text.substr(5, 2), d.month) || !digits(text.substr(8, 2), d.day))
        return std::nullopt;
    if (!is_calendar_day(d.year, d.month, d.day)) return std::nullopt;
    return d;
}

std::string iso_text(const Day& d) {
    return std::to_string(d.year) + "-" + two_digits(d.month) + "-" + two_digits(d.day);
}

std::string long_text(const Day& d) {
    static constexpr std::array<const char*, 12> kMonths = {"January", "February", "March",     "April",   "May",      "June",
                                                            "July",    "August",   "September", "October", "November", "December"};
    return std::to_string(d.day) + " " + kMonths[static_cast<std::size_t>(d.month - 1)] + " " + std::to_string(d.year);
}

long day_number(const Day& d) {
    // Howard Hinnant's days_from_civil: exact for every Gregorian day.
    const long y = d.year - (d.month <= 2 ? 1 : 0);
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long mp = (d.month + 9) % 12;
    const long doy = (153 * mp + 2) / 5 + d.day - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

std::string FinancialYear::label() const { return std::to_string(start) + "-" + two_digits((start + 1) % 100); }

std::optional<FinancialYear> financial_year_from_label(std::string_view label) {
    int start = 0, end = 0;
    if (label.size() != 7 || label[4] != '-' || !digits(label.substr(0, 4), start) || !digits(label.substr(5, 2), end))
        return std::nullopt;
    if (start < 1900 || start > 9998 || (start + 1) % 100 != end) return std::nullopt;
    return FinancialYear{start};
}

}  // namespace calc
