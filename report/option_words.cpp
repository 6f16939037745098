#include "report/option_words.hpp"

namespace report {

namespace {

std::string quoted(const std::string& label) { return "\u201c" + label + "\u201d"; }

}  // namespace

std::string option_tag(const calc::Service& service, std::size_t option) {
    if (service.options.size() < 2) return "";
    if (service.proposed) return *service.proposed == option ? "proposed" : "";
    return option == service.selected ? "in the totals" : "";
}

std::string choice_sentence(const calc::Service& service) {
    if (service.options.size() < 2) return "";
    const std::string charged = quoted(service.options[service.selected].label);
    if (service.proposed) {
        std::string s = "The LA proposes " + quoted(service.options[*service.proposed].label) + "; the Forum may choose another option.";
        if (service.selected != *service.proposed) s += " The totals and statements include " + charged + ".";
        return s;
    }
    return "The Forum chooses between these " + std::to_string(service.options.size()) +
           " options; the LA proposes none of them. The totals and the school statements include " + charged +
           " (the summary also shows the total with each other option).";
}

std::string option_in_total(const calc::Service& service, std::size_t option) {
    return service.name + ": " + service.options[option].label;
}

std::string options_included(const calc::Schedule& schedule) {
    std::string out;
    for (const calc::Service& s : schedule.services)
        if (s.options.size() > 1) out += (out.empty() ? "" : "; ") + option_in_total(s, s.selected);
    return out;
}

}  // namespace report
