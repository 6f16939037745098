// Totals: per service and overall, against the baseline, with the reconciliation.
#include "calc/money_format.hpp"
#include "gui/panels.hpp"
#include "gui/widgets.hpp"

#include <imgui.h>

namespace gui {

void draw_totals_panel(const app::Scenario& session) {
    const calc::Schedule& proposal = session.proposal();
    // One scrolling area for the table and the reconciliation, so at 200% every service can be reached.
    ImGui::BeginChild("totals-scroll");
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    const float money = ImGui::CalcTextSize("(£0,000,000)").x;
    const float pad = ImGui::GetStyle().CellPadding.x * 2;
    const float range_width = ImGui::CalcTextSize("Schools").x + 3 * ImGui::CalcTextSize("£00,000").x + 4 * pad;
    // The service's name, its total and the change always show; the spread of charges when there is room.
    const bool ranges = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize("Maternity leave insur").x - 2 * (money + pad) >= range_width;
    if (!ImGui::BeginTable("totals", ranges ? 7 : 3, flags)) {
        ImGui::EndChild();
        return;
    }
    ImGui::TableSetupColumn("Service", ImGuiTableColumnFlags_WidthStretch);
    for (const char* h : {"Total", "Change"}) ImGui::TableSetupColumn(h, ImGuiTableColumnFlags_WidthFixed, money);
    if (ranges) {
        ImGui::TableSetupColumn("Schools", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("Schools").x);
        for (const char* h : {"Lowest", "Median", "Highest"})
            ImGui::TableSetupColumn(h, ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("£00,000").x);
    }
    ImGui::TableHeadersRow();
    calc::Money all{calc::Decimal(0).with_scale(2)};
    calc::Money all_before{calc::Decimal(0).with_scale(2)};
    for (std::size_t s = 0; s < proposal.services.size(); ++s) {
        const app::ServiceSummary& sum = session.summary(s);
        all += sum.pennies;
        all_before += sum.baseline_pennies;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", proposal.services[s].name.c_str());
        ImGui::TableNextColumn();
        money_cell(sum.pennies.value);
        ImGui::TableNextColumn();
        money_cell((sum.pennies - sum.baseline_pennies).value);
        if (!ranges) continue;
        ImGui::TableNextColumn();
        ImGui::Text("%zu", sum.schools_charged);
        for (const calc::Decimal* v : {sum.range ? &sum.range->lowest : nullptr, sum.range ? &sum.range->median : nullptr,
                                       sum.range ? &sum.range->highest : nullptr}) {
            ImGui::TableNextColumn();
            if (v) money_cell(*v);
            else ImGui::TextDisabled("-");
        }
    }
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted("All services");
    ImGui::TableNextColumn();
    money_cell(all.value);
    ImGui::TableNextColumn();
    money_cell((all - all_before).value);
    ImGui::EndTable();

    const calc::Calculation& r = session.proposal_result();
    ImGui::TextWrapped("Reconciliation: schools are charged %s in all (each %s)", pennies_text(r.sum_of_rounded.value).c_str(),
                       calc::rounded_words(proposal.rounding).c_str());
    ImGui::TextWrapped("Exact total %s; difference %s", calc::format_pounds_exact(r.exact_total.value).c_str(),
                calc::format_pounds_exact(r.rounding_difference().value).c_str());
    ImGui::EndChild();
}

}  // namespace gui
