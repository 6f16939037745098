#include "census/ofsted_words.hpp"

#include "calc/text.hpp"

#include <array>

namespace census {

namespace {

using namespace std::string_view_literals;

constexpr std::array kKinds = {"graded"sv, "ungraded"sv};
constexpr std::array kGraded = {"Outstanding"sv, "Good"sv, "Requires improvement"sv, "Inadequate"sv, "Not judged"sv};
constexpr std::array kUngraded = {
    "School remains Outstanding"sv,
    "School remains Outstanding (Concerns) - S5 Next"sv,
    "School remains Good"sv,
    "School remains Good (Improving) - S5 Next"sv,
    "School remains Good (Concerns) - S5 Next"sv,
    "Standards maintained"sv,
    "Improved significantly"sv,
    "Some aspects not as strong"sv,
    "No outcome recorded"sv,
    "No outcome recorded (ungraded inspection converted to graded; graded result not yet in file)"sv,
};
constexpr std::array kNever = {"Not yet inspected"sv};
constexpr std::array kKeyJudgement = {"Outstanding"sv, "Good"sv, "Requires improvement"sv, "Inadequate"sv, "N/A"sv};
constexpr std::array kLeadership = {"Outstanding"sv, "Good"sv, "Requires improvement"sv, "Inadequate"sv};
constexpr std::array kConcern = {"SM"sv, "SWK"sv};

}  // namespace

OfstedWords inspection_kinds() { return kKinds; }
OfstedWords graded_outcomes() { return kGraded; }
OfstedWords ungraded_outcomes() { return kUngraded; }
OfstedWords never_inspected_outcomes() { return kNever; }
OfstedWords overall_effectiveness_words() { return kGraded; }
OfstedWords key_judgement_words() { return kKeyJudgement; }
OfstedWords leadership_words() { return kLeadership; }
OfstedWords concern_words() { return kConcern; }

std::optional<std::string> ofsted_spelling(std::string_view text, OfstedWords words) {
    for (std::string_view w : words)
        if (calc::equals_ignoring_case(text, w)) return std::string(w);
    return std::nullopt;
}

std::string words_list(OfstedWords words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) out += i + 1 == words.size() ? " or " : ", ";
        out += "\"" + std::string(words[i]) + "\"";
    }
    return out;
}

}  // namespace census
