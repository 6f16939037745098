#include "gui/ui_state.hpp"

namespace gui {

const std::vector<std::size_t>& visible_rows(const app::Scenario& session, UiState& ui) {
    if (ui.rows_revision != session.revision() || ui.rows_filter != ui.filter) {
        ui.rows = session.school_rows(ui.filter, ui.sort_column, ui.sort_descending);
        ui.rows_revision = session.revision();
        ui.rows_filter = ui.filter;
    }
    return ui.rows;
}

}  // namespace gui
