#include "views.hpp"

#include "core/db/store.hpp"
#include "core/domain/settings.hpp"
#include "core/export/bundle.hpp"
#include "core/report/period.hpp"
#include "core/upload/target.hpp"
#include "core/text/staff_text.hpp"

#include <imgui.h>

#include "admin/json_output.hpp"

namespace indgang::admin::gui {

// Sends due bundles on a worker with its own connection (a connection belongs to one thread);
// the result comes back through the main-thread queue. When nothing could be sent, the message
// says what each bundle waits for instead of a bare "nothing due".
static void send_now(State& s, Instant now) {
    if (s.sending.exchange(true)) return;
    if (s.sender.joinable()) s.sender.join();
    const std::string db_path = s.db->path();
    const std::string config = get_setting(*s.db, settings_key::kUploadConfig, "");
    s.sender = std::thread([&s, db_path, config, now] {
        std::string message;
        bool error = false;
        try {
            if (config.empty()) throw std::runtime_error(text::st_fill("No upload target yet: set the upload config file on the Settings tab.", {}));
            const upload::UploadTarget target = upload::load_target(config);
            auto db = db::open_store(db_path);
            upload::OutboxOptions options;
            options.ignore_schedule = true;
            const auto run = upload::run_outbox(*db, target, now, options);
            message = text::st_fill("{delivered} delivered, {pending} still pending",
                          {{"delivered", std::to_string(run.delivered)}, {"pending", std::to_string(run.still_pending)}});
            for (const auto& a : run.attempts)
                if (a.outcome != upload::Outcome::Delivered && a.outcome != upload::Outcome::Unverified) {
                    message += ": " + a.message;
                    error = true;
                    break;
                }
            for (const auto& w : run.waiting) message += "\n" + w;
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

// The outbox states in the staff language (the state strings themselves are identifiers).
static const char* state_label(const std::string& state) {
    if (state == "pending") return text::st("pending");
    if (state == "sending") return text::st("sending");
    if (state == "interrupted") return text::st("interrupted");
    if (state == "confirming") return text::st("confirming");
    if (state == "failed") return text::st("failed");
    if (state == "stopped") return text::st("stopped");
    if (state == "delivered") return text::st("delivered");
    if (state == "delivered-unverified") return text::st("delivered, unverified");
    return state.c_str();
}

void draw_upload(State& s, Instant now) {
    section(text::st("Monthly extract for the municipality"));
    ImGui::TextWrapped("%s", text::st("The extract holds counts only: bookings by service and status, no-show rates, "
                                      "walk-ins and feedback with small groups hidden. No nicknames, codes or times."));
    if (!s.upload_problem.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.8f, 0.2f, 0.1f, 1));
        ImGui::TextWrapped("%s", s.upload_problem.c_str());
        ImGui::PopStyleColor();
    }
    const std::string last_month = report::month_of(add_days(report::month_of(s.tz.today(now)).first, -1)).label;
    if (ImGui::Button((text::st_fill("Make the extract for {period}", {{"period", last_month}}) + "###export").c_str()))
        act(s, [&s, last_month, now] {
            const auto q = exporting::export_bundle(*s.db, s.site_id, last_month, now);
            set_status(s, q.reused ? std::string(text::st("That extract was already queued; nothing new."))
                                   : text::st_fill("Extract {period} queued for upload.", {{"period", last_month}}));
        });
    ImGui::SameLine();
    ImGui::BeginDisabled(s.sending);
    if (ImGui::Button((std::string(s.sending ? text::st("Sending…") : text::st("Send now")) + "###send").c_str()))
        send_now(s, now);
    ImGui::EndDisabled();

    section(text::st("Outbox"));
    if (s.outbox.empty()) ImGui::TextDisabled("%s", text::st("Nothing queued yet."));
    const auto at = [](Instant t) { return local_time(t, "Europe/Copenhagen"); };
    if (!s.outbox.empty() &&
        ImGui::BeginTable("outbox", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit)) {
        // The explanation is what staff read: it gets the width, the other columns fit their text.
        for (const char* h : {text::st("Period"), text::st("State"), text::st("Tries")}) ImGui::TableSetupColumn(h);
        ImGui::TableSetupColumn(text::st("What it means / last message"), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(text::st("Digest"));
        ImGui::TableHeadersRow();
        for (const auto& b : s.outbox) {
            ImGui::PushID(b.id.c_str());
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("%s", b.period.c_str());
            ImGui::TableNextColumn();
            const bool bad = b.state == "failed" || b.state == "stopped" || b.state == "interrupted";
            const ImVec4 colour = b.state.rfind("delivered", 0) == 0 ? ImVec4(0.1f, 0.5f, 0.2f, 1)
                                  : bad                              ? ImVec4(0.8f, 0.2f, 0.1f, 1)
                                                                     : ImGui::GetStyleColorVec4(ImGuiCol_Text);
            ImGui::TextColored(colour, "%s", state_label(b.state));
            if (b.state == "stopped" && ImGui::SmallButton((std::string(text::st("Try again")) + "###resume").c_str())) {
                const std::string id = b.id;
                act(s, [&s, id, now] {
                    upload::resume_bundle(*s.db, id, now);
                    set_status(s, text::st_fill("bundle {id} will be tried at the next run", {{"id", id}}));
                });
            }
            ImGui::TableNextColumn();
            ImGui::Text("%d", b.attempts);
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", upload::explain(b, at).c_str());
            if (!b.last_message.empty()) ImGui::TextWrapped("%s", b.last_message.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%.12s…", (b.wire_sha256.empty() ? b.sha256 : b.wire_sha256).c_str());
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
}

}  // namespace indgang::admin::gui
