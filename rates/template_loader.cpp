#include "rates/template_loader.hpp"

#include "io/text_file.hpp"
#include "rates/toml_reader.hpp"

#include <set>

namespace rates {

namespace {

class Reader : public TomlReader {
public:
    using TomlReader::TomlReader;

    // A text of the LA's words; a {name} that is not a placeholder is a typo
    // that would be printed as it is on every page, so it is refused.
    std::string words(const toml::table& t, std::string_view key, const std::string& where, bool required) {
        std::string value = text(t, key, where, required);
        for (std::size_t open = value.find('{'); open != std::string::npos; open = value.find('{', open + 1)) {
            const std::size_t close = value.find('}', open);
            if (close == std::string::npos) break;
            const std::string name = value.substr(open, close - open + 1);
            const bool placeholder_like =
                name.size() > 2 && name.find_first_not_of("abcdefghijklmnopqrstuvwxyz_", 1) == name.size() - 1;
            if (placeholder_like && name != "{authority}" && name != "{year}" && name != "{previous_year}" && name != "{census}")
                if (const toml::node* n = t.get(key))
                    problem(*n, where + std::string(key),
                            "unknown placeholder " + name + " (known: {authority}, {year}, {previous_year}, {census})");
        }
        return value;
    }

    PaperTemplate read(const toml::table& doc) {
        PaperTemplate t;
        allow_keys(doc, "", {"paper", "before", "service", "after"});
        if (const toml::table* head = doc["paper"].as_table()) read_head(*head, t);
        else problem(doc, "paper", "missing [paper] table");
        t.before = sections(doc, "before");
        t.after = sections(doc, "after");
        std::set<std::string> ids;
        for (const toml::table* s : tables(doc, "service")) {
            allow_keys(*s, "service.", {"id", "text"});
            ServiceText text{this->words(*s, "id", "service.", true), this->words(*s, "text", "service.", true),
                                     static_cast<long>(s->source().begin.line)};
            if (!text.id.empty() && !ids.insert(text.id).second) problem(*s, "service." + text.id, "service given twice");
            t.services.push_back(std::move(text));
        }
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

    std::vector<const toml::table*> tables(const toml::table& doc, const char* key) {
        std::vector<const toml::table*> out;
        const toml::node* n = doc.get(key);
        if (!n) return out;
        const toml::array* list = n->as_array();
        if (!list) {
            problem(*n, key, std::string("write these as [[") + key + "]] tables");
            return out;
        }
        for (const toml::node& item : *list) {
            if (const toml::table* t = item.as_table()) out.push_back(t);
            else problem(item, key, std::string("write these as [[") + key + "]] tables");
        }
        return out;
    }

    std::vector<TextSection> sections(const toml::table& doc, const char* key) {
        std::vector<TextSection> out;
        const std::string where = std::string(key) + ".";
        for (const toml::table* s : tables(doc, key)) {
            allow_keys(*s, where, {"heading", "text"});
            out.push_back({words(*s, "heading", where, true), words(*s, "text", where, true)});
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

PaperTemplate load_template_file(const std::string& path) { return load_template(io::read_text_file(path), path); }

}  // namespace rates
