#pragma once
// What the window remembers between frames that is not part of the scenario:
// view settings, the schools table's filter and sort, fields being typed,
// dialogs, and the actions panels ask for during a frame.

#include "app/scenario.hpp"
#include "model/improvement.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gui {

struct UiState;

/// What panels ask the scenario to do. Panels only read the scenario (they
/// get it const); their actions are queued here and applied between frames
/// (apply_actions), so no panel ever holds a reference into a proposal that an
/// action replaces mid-frame.
using Action = std::function<void(app::Scenario&, UiState&)>;

/// Where each named widget was drawn last frame (screen pixels), for tests
/// that drive the real widgets; recorded only when a test turns it on.
struct WidgetRect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    float cx() const { return (x0 + x1) / 2; }
    float cy() const { return (y0 + y1) / 2; }
};

/// A rate typed into a field that the schedule cannot hold: kept as typed,
/// with the reason, until corrected or Esc.
struct RejectedRate {
    std::string text;
    std::string reason;
};

/// Columns of the schools table that may be hidden when space is short, in
/// the order they are dropped (School, the proposal and Change always show).
enum class OptionalColumn { urn, nor, phase, change_percent, baseline };
inline constexpr OptionalColumn kDropOrder[] = {OptionalColumn::urn, OptionalColumn::nor, OptionalColumn::phase,
                                                OptionalColumn::change_percent, OptionalColumn::baseline};

/// The Improvement tab: which framework, the day rate typed, and the costing cached for them.
struct ImprovementView {
    std::string framework_id = "havering-2025";
    std::string year = "2025-26";
    char day_rate_text[32] = "550";
    std::optional<calc::Decimal> day_rate;   ///< none: the framework's own
    std::string day_rate_problem;
    std::optional<model::Costing> costing;
    std::uint64_t revision = 0;
    std::string shown_framework;
    std::optional<calc::Decimal> shown_day_rate;
};

struct UiState {
    float scale = 1.5f;          ///< 1.0-2.5: text size for the projector
    bool high_contrast = false;
    bool style_dirty = false;    ///< scale or theme changed: the style is rebuilt between frames
    bool quit = false;
    bool present = false;        ///< View → Present: the selected school's or the totals' figures, large

    /// The backend's key indices (io.KeysDown) for keys ImGuiKey does not name; -1: none.
    struct Keys {
        int zoom_in = -1, zoom_out = -1, present = -1;
    } keys;

    std::vector<Action> actions;  ///< applied in order by apply_actions, between frames

    // Schools table: filter and sort, and the rows cached for them.
    std::string filter;
    bool show_academies = false;  ///< academies are never charged: hidden unless asked for
    app::SchoolColumn sort_column = app::SchoolColumn::name;
    bool sort_descending = false;
    std::vector<std::size_t> rows;
    std::uint64_t rows_revision = ~std::uint64_t{0};
    std::string rows_filter;
    bool rows_academies = false;
    std::optional<std::size_t> selected_school;
    /// Columns the user asked for (View → Columns) even when space is short.
    std::map<OptionalColumn, bool> column_wanted;

    // Rate fields holding rejected text, by field id ("maternity.AWPU").
    std::map<std::string, RejectedRate> rejected_rates;

    // A tab of the details window to bring forward once (scripted sessions).
    enum class Tab { none, totals, school, forecast, improvement };
    Tab show_tab = Tab::none;
    std::size_t forecast_ledger = 0;  ///< which ledger the Forecast tab shows
    ImprovementView improvement;

    // File dialogs: a path typed into a popup, and the last message shown.
    bool open_save = false;
    bool open_export = false;
    std::string save_path = "scenario.toml";
    std::string export_path = "deductions.csv";
    std::string status;
    /// A warning that stays on screen (e.g. autosave is off and why).
    std::string warning;

    // Recovery offered at start after an unclean exit (the offer itself is the scenario's).
    std::string recovery_note;  ///< when it was saved, shown in the dialog

    // Tests: when set, each named widget's rectangle is recorded here every frame.
    std::map<std::string, WidgetRect>* probe = nullptr;
};

/// Rows of the schools table for the current filter and sort, recomputed
/// only when the figures, filter or sort have changed.
const std::vector<std::size_t>& visible_rows(const app::Scenario& session, UiState& ui);

/// Queues an action for between frames.
void request(UiState& ui, Action action);

/// Applies every queued action in order. An action's calc::InputError (a bad
/// file path on save, say) becomes ui.status; nothing is dropped silently.
void apply_actions(app::Scenario& session, UiState& ui);

/// Records the last drawn item's rectangle under `name` when a test is probing.
void probe(UiState& ui, const std::string& name);

}  // namespace gui
