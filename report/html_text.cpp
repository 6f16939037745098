#include "report/html_text.hpp"

#include <vector>

namespace report {

std::string html_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string html_paragraphs(std::string_view text) {
    std::vector<std::string_view> lines;
    for (std::size_t start = 0; start <= text.size();) {
        const std::size_t end = text.find('\n', start);
        lines.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    std::string out, paragraph;
    bool in_list = false;
    const auto close_paragraph = [&] {
        if (!paragraph.empty()) out += "<p>" + paragraph + "</p>\n";
        paragraph.clear();
    };
    const auto close_list = [&] {
        if (in_list) out += "</ul>\n";
        in_list = false;
    };
    for (std::string_view line : lines) {
        if (line.substr(0, 4) == "### ") {  // a subheading inside a section's text
            close_paragraph();
            close_list();
            out += "<h4>" + html_text(line.substr(4)) + "</h4>\n";
        } else if (line.substr(0, 2) == "- ") {
            close_paragraph();
            if (!in_list) out += "<ul>\n";
            in_list = true;
            out += "<li>" + html_text(line.substr(2)) + "</li>\n";
        } else if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
            close_paragraph();
            close_list();
        } else {
            close_list();
            paragraph += (paragraph.empty() ? "" : " ") + html_text(line);
        }
    }
    close_paragraph();
    close_list();
    return out;
}

}  // namespace report
