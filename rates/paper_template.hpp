#pragma once
// The LA's own words for a Forum paper: title, dates, contact, the sections
// before and after the service tables, and each service's descriptive text.
// Plain data, read by rates/template_loader from a template (TOML); no figure
// ever comes from here.

#include <string>
#include <string_view>
#include <vector>

namespace rates {

/// A heading and its text. Text is paragraphs separated by blank lines; a
/// line starting "- " is a bullet. Placeholders {authority}, {year},
/// {previous_year} and {census} are filled from the inputs when written.
/// A table of the LA's words (the unions and whom they support, the
/// functions a contribution pays for): a row per entry, a cell per column.
/// Words only: the paper's figures come from the engine or the history file.
struct WordsTable {
    std::string heading;                          ///< may be empty
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;   ///< each as many cells as columns
};

/// A table the paper builds from its inputs, placed where a section asks for it.
enum class Generated {
    none,
    decisions,     ///< last year's decisions (the history file's, else last year's schedule)
    rate_history,  ///< each service's rates by year (history file, last year's and this year's schedules)
};

struct TextSection {
    std::string heading;
    std::string text;
    std::vector<WordsTable> tables;        ///< after the text
    Generated generated = Generated::none;  ///< after the tables (`figures = "decisions"`)
};

/// One service's descriptive text, keyed by the schedule's service id.
struct ServiceText {
    std::string id;
    std::string text;
    long line = 0;  ///< where it is in the template, for messages
    std::vector<WordsTable> tables;  ///< after the text
};

/// An appendix: parts of words and tables; with `service`, the engine's
/// figures for that service and its figures from the history file first.
struct Appendix {
    std::string heading;
    std::string service;  ///< a schedule's service id, or empty
    std::vector<TextSection> parts;
    long line = 0;
};

/// Everything a paper says that is not a figure. Empty fields are left out.
struct PaperTemplate {
    std::string source;        ///< file name, or "embedded: ..." for a shipped template
    std::string authority;     ///< the LA's full name: "London Borough of Havering"
    std::string title;
    std::string version;       ///< "Version 1"
    std::string date;          ///< "11 November 2024"
    std::string contact;       ///< who to ask, on the paper and every statement
    std::string closing_date;  ///< when responses close
    std::string services_heading;
    std::string statement;     ///< a paragraph on every school statement
    std::vector<TextSection> before;  ///< introduction, process... (before the services)
    std::vector<ServiceText> services;
    std::vector<TextSection> after;   ///< conclusion
    std::vector<Appendix> appendices;  ///< after the conclusion, before the schools' appendix

    /// The service's text, or null.
    const ServiceText* text_for(const std::string& id) const {
        for (const ServiceText& s : services)
            if (s.id == id) return &s;
        return nullptr;
    }
};

/// The placeholders' names, as written between braces.
inline constexpr std::string_view kPlaceholderNames[] = {"authority", "year", "previous_year", "census"};

/// What the placeholders stand for.
struct Placeholders {
    std::string authority;
    std::string year;
    std::string previous_year;
    std::string census;
};

/// `text` with every {authority}, {year}, {previous_year} and {census} replaced.
inline std::string fill(std::string text, const Placeholders& values) {
    const std::pair<const char*, const std::string*> keys[] = {
        {"{authority}", &values.authority}, {"{year}", &values.year}, {"{previous_year}", &values.previous_year},
        {"{census}", &values.census}};
    for (const auto& [key, value] : keys) {
        const std::string k(key);
        for (std::size_t at = text.find(k); at != std::string::npos; at = text.find(k, at + value->size()))
            text.replace(at, k.size(), *value);
    }
    return text;
}

}  // namespace rates
