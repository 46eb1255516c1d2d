#include "views.hpp"

#include <imgui.h>

namespace indgang::admin::gui {

void draw_reports(State& s, Instant now) {
    (void)s;
    (void)now;
    section("Reports");
    ImGui::TextWrapped("Feedback and no-show reports: run 'indgang-admin report' for now.");
}

}  // namespace indgang::admin::gui
