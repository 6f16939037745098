#pragma once
// The words Ofsted's inspections file writes in each column the improvement
// model reads, exactly as its official statistics give them (data/ofsted/:
// every distinct value of the England file as at 31 August 2025), and where
// it leaves a column blank. Anything else is refused, naming the value and
// the words allowed: a grade written "2" or "Outstandingg" must not be taken
// for "never graded" and priced as a school never inspected.

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace census {

/// A column's allowed words, as Ofsted spells them.
using OfstedWords = std::span<const std::string_view>;

/// last_inspection_kind: graded, ungraded (blank: never inspected).
OfstedWords inspection_kinds();
/// outcome of a graded inspection: its overall effectiveness.
OfstedWords graded_outcomes();
/// outcome of an ungraded inspection ("School remains Good", "Standards maintained", ...).
OfstedWords ungraded_outcomes();
/// outcome of a school never inspected.
OfstedWords never_inspected_outcomes();
/// graded_overall_effectiveness: the four grades and "Not judged" (from September 2024).
OfstedWords overall_effectiveness_words();
/// quality_of_education, behaviour_and_attitudes, personal_development: the
/// four grades, or N/A (judged only from September 2019).
OfstedWords key_judgement_words();
/// leadership_and_management: the four grades (judged under every framework).
OfstedWords leadership_words();
/// category_of_concern: SM (special measures), SWK (serious weaknesses); blank for none.
OfstedWords concern_words();

/// `text` as Ofsted spells it when it is one of `words` (any case), else nothing.
std::optional<std::string> ofsted_spelling(std::string_view text, OfstedWords words);

/// "Good, Outstanding or Not judged": the words, for a message.
std::string words_list(OfstedWords words);

}  // namespace census
