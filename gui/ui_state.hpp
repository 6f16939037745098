#pragma once
// What the window remembers between frames that is not part of the scenario:
// view settings, the schools table's filter and sort, dialogs.

#include "app/scenario.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gui {

struct UiState {
    float scale = 1.5f;          ///< 1.0-2.5: text size for the projector
    bool high_contrast = false;
    bool quit = false;

    // Schools table: filter and sort, and the rows cached for them.
    std::string filter;
    app::SchoolColumn sort_column = app::SchoolColumn::name;
    bool sort_descending = false;
    std::vector<std::size_t> rows;
    std::uint64_t rows_revision = ~std::uint64_t{0};
    std::string rows_filter;
    std::optional<std::size_t> selected_school;

    // A tab of the details window to bring forward once (scripted sessions).
    enum class Tab { none, totals, school, forecast };
    Tab show_tab = Tab::none;

    // File dialogs: a path typed into a popup, and the last message shown.
    bool open_save = false;
    bool open_export = false;
    std::string save_path = "scenario.toml";
    std::string export_path = "deductions.csv";
    std::string status;

    // Recovery offered at start after an unclean exit.
    std::optional<calc::Schedule> recovery;
};

/// Rows of the schools table for the current filter and sort, recomputed
/// only when the figures, filter or sort have changed.
const std::vector<std::size_t>& visible_rows(const app::Scenario& session, UiState& ui);

}  // namespace gui
