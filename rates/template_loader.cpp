#include "rates/template_loader.hpp"

#include "io/text_file.hpp"
#include "calc/text.hpp"
#include "rates/toml_bounds.hpp"
#include "rates/toml_reader.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace rates {

namespace {

std::string known_list() {
    std::string out;
    for (std::string_view name : kPlaceholderNames) out += (out.empty() ? "{" : ", {") + std::string(name) + "}";
    return out;
}

bool is_known(std::string_view name) {
    for (std::string_view known : kPlaceholderNames)
        if (name == known) return true;
    return false;
}

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// `words` as a placeholder name might have been meant: lower case, spaces
// trimmed, inner spaces and hyphens as underscores.
std::string as_meant(std::string_view words) {
    const std::size_t first = words.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    words = words.substr(first, words.find_last_not_of(" \t") - first + 1);
    std::string out;
    for (char c : words) {
        if (c == ' ' || c == '\t' || c == '-') c = '_';
        else c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (c != '_' || out.empty() || out.back() != '_') out += c;
    }
    return out;
}

// What is wrong with the brace at `open` in `text`, or empty when nothing is.
std::string placeholder_problem(const std::string& text, std::size_t open) {
    const std::size_t close = text.find('}', open + 1);
    const std::size_t next_open = text.find('{', open + 1);
    if (close == std::string::npos || (next_open != std::string::npos && next_open < close)) {
        // Unclosed: refused when a placeholder's name follows it ("{year, the ...").
        std::size_t end = open + 1;
        while (end < text.size() && (is_name_char(text[end]) || text[end] == '-')) ++end;
        const std::string meant = as_meant(std::string_view(text).substr(open + 1, end - open - 1));
        if (is_known(meant)) return "\"" + text.substr(open, end - open) + "\" has no closing brace: write {" + meant + "}";
        return {};
    }
    const std::string written = text.substr(open, close - open + 1);
    const std::string_view name = std::string_view(text).substr(open + 1, close - open - 1);
    if (is_known(name)) {
        if (open > 0 && text[open - 1] == '{' && close + 1 < text.size() && text[close + 1] == '}')
            return "{" + written + "} would be printed in braces: write " + written + " (one pair of braces)";
        return {};
    }
    if (const std::string meant = as_meant(name); is_known(meant))
        return written + " is not a placeholder as written: write {" + meant + "} (the placeholders, exactly as written: " +
               known_list() + ")";
    const bool name_like = !name.empty() && (std::isalpha(static_cast<unsigned char>(name.front())) || name.front() == '_') &&
                           std::all_of(name.begin(), name.end(), is_name_char);
    if (name_like) return "unknown placeholder " + written + " (known: " + known_list() + ")";
    return {};
}

class Reader : public TomlReader {
public:
    using TomlReader::TomlReader;

    // A text of the LA's words. A brace that looks meant as a placeholder but
    // is not exactly one ({Year}, { year }, {previous-year}, {last_year},
    // {{year}}, an unclosed {year) would be printed as written on every page,
    // so it is refused; braces around other words ({Like This}) are text.
    std::string words(const toml::table& t, std::string_view key, const std::string& where, bool required) {
        std::string value = text(t, key, where, required);
        for (std::size_t open = value.find('{'); open != std::string::npos; open = value.find('{', open + 1))
            if (const std::string why = placeholder_problem(value, open); !why.empty())
                if (const toml::node* n = t.get(key)) problem(*n, where + std::string(key), why);
        return value;
    }

    PaperTemplate read(const toml::table& doc) {
        PaperTemplate t;
        allow_keys(doc, "", {"paper", "before", "service", "after", "appendix"});
        if (const toml::table* head = doc["paper"].as_table()) read_head(*head, t);
        else problem(doc, "paper", "missing [paper] table");
        t.before = sections(doc, "before");
        t.after = sections(doc, "after");
        std::set<std::string> ids;
        for (const toml::table* s : tables(doc, "service")) {
            allow_keys(*s, "service.", {"id", "text", "table"});
            ServiceText text{this->words(*s, "id", "service.", true), this->words(*s, "text", "service.", true),
                                     static_cast<long>(s->source().begin.line), words_tables(*s, "service.")};
            if (!text.id.empty() && !ids.insert(text.id).second) problem(*s, "service." + text.id, "service given twice");
            t.services.push_back(std::move(text));
        }
        t.appendices = appendices(doc);
        return t;
    }

private:
    void read_head(const toml::table& head, PaperTemplate& t) {
        allow_keys(head, "paper.", {"authority", "title", "version", "date", "contact", "closing_date",
                                    "services_heading", "statement"});
        t.authority = words(head, "authority", "paper.", true);
        t.title = words(head, "title", "paper.", true);
        t.version = words(head, "version", "paper.", false);
        t.date = words(head, "date", "paper.", false);
        t.contact = words(head, "contact", "paper.", false);
        t.closing_date = words(head, "closing_date", "paper.", false);
        t.services_heading = words(head, "services_heading", "paper.", false);
        if (t.services_heading.empty()) t.services_heading = "Proposed services {year}";
        t.statement = words(head, "statement", "paper.", false);
    }

    std::vector<const toml::table*> tables(const toml::table& doc, const char* key, const std::string& where = "") {
        std::vector<const toml::table*> out;
        const toml::node* n = doc.get(key);
        if (!n) return out;
        const toml::array* list = n->as_array();
        if (!list) {
            problem(*n, where + key, "write these as [[" + where + key + "]] tables");
            return out;
        }
        for (const toml::node& item : *list) {
            if (const toml::table* t = item.as_table()) out.push_back(t);
            else problem(item, where + key, "write these as [[" + where + key + "]] tables");
        }
        return out;
    }

    // [[before]] and [[after]]: heading, text, tables, figures; [[appendix.part]] (prefix
    // "appendix."): the same without figures, and the heading may be left out.
    std::vector<TextSection> sections(const toml::table& doc, const char* key, const std::string& prefix = "") {
        std::vector<TextSection> out;
        const std::string where = prefix + key + ".";
        const bool part = !prefix.empty();
        for (const toml::table* s : tables(doc, key, prefix)) {
            if (part) allow_keys(*s, where, {"heading", "text", "table"});
            else allow_keys(*s, where, {"heading", "text", "table", "figures"});
            TextSection section{words(*s, "heading", where, !part), words(*s, "text", where, false),
                                words_tables(*s, where), generated(*s, where)};
            if (section.text.empty() && section.tables.empty() && section.generated == Generated::none)
                problem(*s, where + "text", "missing: give text, a [[" + where + "table]] or figures");
            out.push_back(std::move(section));
        }
        return out;
    }

    Generated generated(const toml::table& s, const std::string& where) {
        const std::string name = text(s, "figures", where, false);
        if (name.empty()) return Generated::none;
        if (name == "decisions") return Generated::decisions;
        if (name == "rate-history") return Generated::rate_history;
        problem(*s.get("figures"), where + "figures", "\"" + name + "\": decisions or rate-history");
        return Generated::none;
    }

    // [[<where>table]]: heading, columns = ["..."], rows = [["...", ...], ...].
    std::vector<WordsTable> words_tables(const toml::table& parent, const std::string& where) {
        std::vector<WordsTable> out;
        const std::string at = where + "table.";
        for (const toml::table* t : tables(parent, "table", where)) {
            allow_keys(*t, at, {"heading", "columns", "rows"});
            WordsTable table{words(*t, "heading", at, false), {}, {}};
            table.columns = cells(t->get("columns"), at + "columns");
            if (table.columns.empty()) problem(*t, at + "columns", "give the columns' headings, e.g. columns = [\"Union\", \"Staff supported\"]");
            const toml::node* rows = t->get("rows");
            const toml::array* list = rows ? rows->as_array() : nullptr;
            if (!list || list->empty()) problem(rows ? *rows : static_cast<const toml::node&>(*t), at + "rows", "give rows = [[\"...\", ...], ...]");
            for (std::size_t i = 0; list && i < list->size(); ++i) {
                std::vector<std::string> row = cells(&(*list)[i], at + "rows." + std::to_string(i + 1));
                if (!table.columns.empty() && row.size() != table.columns.size())
                    problem((*list)[i], at + "rows." + std::to_string(i + 1),
                            std::to_string(row.size()) + " cells for " + std::to_string(table.columns.size()) + " columns");
                table.rows.push_back(std::move(row));
            }
            out.push_back(std::move(table));
        }
        return out;
    }

    // An array of text cells.
    std::vector<std::string> cells(const toml::node* node, const std::string& at) {
        std::vector<std::string> out;
        const toml::array* list = node ? node->as_array() : nullptr;
        if (!list) {
            if (node) problem(*node, at, "give a list of text, e.g. [\"a\", \"b\"]");
            return out;
        }
        for (const toml::node& cell : *list) {
            const auto* text = cell.as_string();
            if (!text) problem(cell, at, "a cell is text in quotes");
            else if (const std::string bad = calc::control_character_in(text->get()); !bad.empty())
                problem(cell, at, "control character " + bad + " in the text; remove it");
            else  // a cell's placeholders are filled too, so a misspelt one is refused as in any text
                for (std::size_t open = text->get().find('{'); open != std::string::npos; open = text->get().find('{', open + 1))
                    if (const std::string why = placeholder_problem(text->get(), open); !why.empty()) problem(cell, at, why);
            out.push_back(text ? text->get() : std::string());
        }
        return out;
    }

    std::vector<Appendix> appendices(const toml::table& doc) {
        std::vector<Appendix> out;
        for (const toml::table* a : tables(doc, "appendix")) {
            allow_keys(*a, "appendix.", {"heading", "service", "part"});
            Appendix appendix{words(*a, "heading", "appendix.", true), words(*a, "service", "appendix.", false),
                              sections(*a, "part", "appendix."), static_cast<long>(a->source().begin.line)};
            out.push_back(std::move(appendix));
        }
        return out;
    }
};

}  // namespace

PaperTemplate load_template(std::string_view text, const std::string& file) {
    Reader reader(text, file);
    PaperTemplate t = reader.read(reader.document());
    reader.throw_if_problems();
    t.source = file;
    return t;
}

PaperTemplate load_template_file(const std::string& path) {
    return load_template(io::read_text_file(path, {kTomlBounds.max_bytes, false}), path);
}

}  // namespace rates
