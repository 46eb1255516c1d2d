#include "views.hpp"

#include "core/db/store.hpp"
#include "core/domain/settings.hpp"
#include "core/export/bundle.hpp"
#include "core/report/period.hpp"
#include "core/upload/target.hpp"

#include "core/text/staff_text.hpp"

#include <imgui.h>

namespace indgang::admin::gui {

using text::st;
using text::st_fill;

// ST_ marks a string for the staff catalog (scripts/extract-pot.sh); st() translates it.
#define ST_(text) text
// Outbox states as core/upload stores them.
[[maybe_unused]] static const char* const kOutboxStates[] = {ST_("pending"), ST_("sending"), ST_("delivered"), ST_("failed")};

// Sends due bundles on a worker with its own connection (a connection belongs to one thread);
// the result comes back through the main-thread queue.
static void send_now(State& s, Instant now) {
    if (s.sending.exchange(true)) return;
    if (s.sender.joinable()) s.sender.join();
    const std::string db_path = s.db->path();
    const std::string config = get_setting(*s.db, settings_key::kUploadConfig, "");
    s.sender = std::thread([&s, db_path, config, now] {
        std::string message;
        bool error = false;
        try {
            if (config.empty()) throw std::runtime_error(st("No upload target yet: set one on the Settings tab."));
            const upload::UploadTarget target = upload::load_target(config);
            auto db = db::open_store(db_path);
            upload::OutboxOptions options;
            options.ignore_schedule = true;
            const auto run = upload::run_outbox(*db, target, now, options);
            message = st_fill("{delivered} delivered, {pending} still waiting", {{"delivered", std::to_string(run.delivered)},
                                                                                 {"pending", std::to_string(run.still_pending)}});
            for (const auto& a : run.attempts)
                if (a.outcome != upload::Outcome::Delivered) {
                    message += ": " + std::string(st(a.message.c_str()));
                    error = true;
                    break;
                }
        } catch (const std::exception& e) {
            message = e.what();
            error = true;
        }
        s.main_queue->post([&s, message, error, now] {
            s.sending = false;
            set_status(s, message, error);
            reload(s, now);
        });
    });
}

void draw_upload(State& s, Instant now) {
    section(st("Monthly extract for the municipality"));
    text_wrapped(st("The extract holds counts only: bookings by service and status, no-show rates, "
                    "walk-ins and feedback with small groups hidden. No nicknames, codes or times."));
    const std::string last_month = report::month_of(add_days(report::month_of(s.tz.today(now)).first, -1)).label;
    if (button(st_fill("Make the extract for {month}", {{"month", last_month}}) + "###export"))
        act(s, [&s, last_month, now] {
            const auto q = exporting::export_bundle(*s.db, s.site_id, last_month, now);
            set_status(s, q.reused ? std::string(st("That extract was already queued; nothing new."))
                                   : st_fill("The extract for {month} is queued for upload.", {{"month", last_month}}));
        });
    ImGui::SameLine();
    ImGui::BeginDisabled(s.sending);
    if (button(std::string(s.sending ? st("Sending…") : st("Send now")) + "###send")) send_now(s, now);
    ImGui::EndDisabled();

    section(st("Outbox"));
    if (s.outbox.empty()) text_disabled(st("Nothing queued yet."));
    if (!s.outbox.empty() &&
        ImGui::BeginTable("outbox", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        for (const char* h : {ST_("Period"), ST_("State"), ST_("Tries"), ST_("Last message"), ST_("Digest")}) column(st(h));
        ImGui::TableHeadersRow();
        for (const auto& b : s.outbox) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("%s", b.period.c_str());
            ImGui::TableNextColumn();
            const ImVec4 colour = b.state == "delivered" ? ImVec4(0.1f, 0.5f, 0.2f, 1)
                                  : b.state == "failed"  ? ImVec4(0.8f, 0.2f, 0.1f, 1)
                                                         : ImGui::GetStyleColorVec4(ImGuiCol_Text);
            text_coloured(colour, st(b.state.c_str()));
            ImGui::TableNextColumn();
            ImGui::Text("%d", b.attempts);
            ImGui::TableNextColumn();
            text_wrapped(st(b.last_message.c_str()));
            ImGui::TableNextColumn();
            ImGui::Text("%.12s…", b.sha256.c_str());
        }
        ImGui::EndTable();
    }
}

}  // namespace indgang::admin::gui
