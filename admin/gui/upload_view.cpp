// The Upload tab: the upload target as a form over its owner-only config file (validated by the
// same rules as the file, tested with one request that verifies the server as a delivery does),
// the monthly extract, and the outbox.
#include "staff_errors.hpp"
#include "views.hpp"

#include "admin/file_output.hpp"
#include "core/db/store.hpp"
#include "core/domain/settings.hpp"
#include "core/export/bundle.hpp"
#include "core/report/period.hpp"
#include "core/upload/target.hpp"
#include "core/upload/transport.hpp"
#include "core/text/staff_text.hpp"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

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

// [SECTION] The upload target form

// Where the target's config lives: the upload.config setting, else upload.json beside the database.
static std::string target_path(const State& s) {
    const std::string set = get_setting(*s.db, settings_key::kUploadConfig, "");
    if (!set.empty()) return set;
    return (std::filesystem::absolute(s.db->path()).parent_path() / "upload.json").string();
}

// The stored config as JSON; an empty object when there is none or it is not JSON. A file that
// is too open is still read here (the tab says it is refused), so saving the form keeps its
// other keys and makes it owner-only again.
static nlohmann::json stored_config(const std::string& path) {
    try {
        std::ifstream in(path, std::ios::binary);
        if (!in) return nlohmann::json::object();
        std::stringstream ss;
        ss << in.rdbuf();
        auto j = nlohmann::json::parse(ss.str());
        return j.is_object() ? j : nlohmann::json::object();
    } catch (const std::exception&) {
        return nlohmann::json::object();
    }
}

template <size_t N>
static void put(char (&dst)[N], const nlohmann::json& j, const char* key) {
    const std::string v = j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
    std::snprintf(dst, N, "%s", v.c_str());
}

static void load_upload_form(State& s) {
    UploadForm& f = s.upload_form;
    const auto j = stored_config(target_path(s));
    const std::string url = j.value("url", std::string());
    const std::string method = j.value("method", std::string());
    f.method = url.rfind("sftp://", 0) == 0 ? 2 : (method == "POST" || method == "post") ? 1 : 0;
    f.marker = j.value("confirm", std::string()) == "marker";
    put(f.url, j, "url");
    f.token_saved = !j.value("bearer_token", std::string()).empty();
    f.token[0] = 0;
    put(f.ca_file, j, "ca_file");
    put(f.pinned_public_key, j, "pinned_public_key");
    put(f.client_certificate, j, "client_certificate");
    put(f.client_key, j, "client_key");
    put(f.ssh_private_key, j, "ssh_private_key");
    put(f.known_hosts, j, "known_hosts");
    put(f.municipality_public_key, j, "municipality_public_key");
    f.loaded = true;
}

// Checks the form by the config file's own rules, then writes the file owner-only (0600 from the
// first byte) and points the upload.config setting at it. Keys the form does not show (signing
// key, timeouts, marker suffix) are kept as they were.
static void save_upload_form(State& s) {
    UploadForm& f = s.upload_form;
    const std::string path = target_path(s);
    nlohmann::json j = stored_config(path);
    auto field = [&j](const char* key, const char* value) {
        if (value[0]) j[key] = value;
        else j.erase(key);
    };
    field("url", f.url);
    j.erase("method");
    j.erase("confirm");
    if (f.method == 1) j["method"] = "POST";
    if (f.method != 1 && f.marker) j["confirm"] = "marker";
    if (f.token[0]) j["bearer_token"] = f.token;   // empty: the saved token stays
    if (f.method == 2) j.erase("bearer_token");
    for (const char* key : {"ca_file", "pinned_public_key", "client_certificate", "client_key"})
        if (f.method == 2) j.erase(key);
    for (const char* key : {"ssh_private_key", "known_hosts"})
        if (f.method != 2) j.erase(key);
    if (f.method != 2) {
        field("ca_file", f.ca_file);
        field("pinned_public_key", f.pinned_public_key);
        field("client_certificate", f.client_certificate);
        field("client_key", f.client_key);
    } else {
        field("ssh_private_key", f.ssh_private_key);
        field("known_hosts", f.known_hosts);
    }
    field("municipality_public_key", f.municipality_public_key);
    const std::string dir = std::filesystem::absolute(path).parent_path().string();
    try {
        upload::parse_target(j.dump(), text::st("the upload form"), dir);
    } catch (const upload::ConfigError& e) {
        throw StaffError(e.what());   // already in the staff language, and never a secret
    }
    const mode_t old = ::umask(077);
    try {
        write_file_replacing(path, j.dump(2) + "\n");
    } catch (...) {
        ::umask(old);
        throw StaffError(text::st_fill("Could not save {path}: is the disk full, or may this user not write there?",
                                       {{"path", path}}));
    }
    ::umask(old);
    ::chmod(path.c_str(), 0600);
    if (get_setting(*s.db, settings_key::kUploadConfig, "") != path)
        set_setting_checked(*s.db, settings_key::kUploadConfig, path);
    std::fill(std::begin(f.token), std::end(f.token), '\0');
    f.token_saved = j.contains("bearer_token");
    f.test_result.clear();
    set_status(s, text::st_fill("The upload target is saved in {path} (only this user can read it).", {{"path", path}}));
}

// One request on a worker, with the saved config: the window never blocks on the network.
static void test_target(State& s) {
    if (s.testing.exchange(true)) return;
    if (s.tester.joinable()) s.tester.join();
    const std::string path = target_path(s);
    s.tester = std::thread([&s, path] {
        std::string message;
        bool ok = false;
        try {
            const upload::UploadTarget target = upload::load_target(path);
            const upload::AttemptResult r = upload::test_connection(target);
            ok = r.outcome == upload::Outcome::Delivered;
            message = r.message;
        } catch (const std::exception& e) {
            message = text::st_fill("The upload config is refused, so nothing can be sent until it is fixed: {why}",
                                    {{"why", e.what()}});
        }
        s.main_queue->post([&s, message, ok] {
            s.testing = false;
            s.upload_form.test_ok = ok;
            s.upload_form.test_result = (ok ? std::string(text::st("Connection works: ")) : std::string(text::st("No connection: "))) + message;
        });
    });
}

static void draw_target_form(State& s) {
    UploadForm& f = s.upload_form;
    if (!f.loaded) load_upload_form(s);
    section(text::st("Where the extract goes"));
    ImGui::SetNextItemWidth(300);
    choice(std::string(text::st("Kind of target")) + "###up_method", &f.method,
           {text::st("HTTPS file drop (PUT)"), text::st("HTTPS API (POST)"), text::st("SFTP")});
    ImGui::SetNextItemWidth(560);
    input(std::string(text::st("Address (url)")) + "###up_url", f.url, sizeof f.url,
          f.method == 2 ? "sftp://indgang@sftp.kommune.dk/indgang/" : "https://filer.kommune.dk/indgang/");
    if (f.method != 1) checkbox(std::string(text::st("Write-only drop: write a marker file after the extract")) + "###up_marker", &f.marker);
    if (f.method != 2) {
        ImGui::SetNextItemWidth(360);
        input(std::string(text::st("Access token")) + "###up_token", f.token, sizeof f.token,
              f.token_saved ? text::st("saved; leave empty to keep it") : nullptr, ImGuiInputTextFlags_Password);
        ImGui::SetNextItemWidth(360);
        input(std::string(text::st("Trust only this CA file (optional)")) + "###up_ca", f.ca_file, sizeof f.ca_file);
        ImGui::SetNextItemWidth(360);
        input(std::string(text::st("Pinned public key (optional)")) + "###up_pin", f.pinned_public_key,
              sizeof f.pinned_public_key, "sha256//…");
        ImGui::SetNextItemWidth(360);
        input(std::string(text::st("Client certificate file (optional)")) + "###up_cert", f.client_certificate,
              sizeof f.client_certificate);
        ImGui::SetNextItemWidth(360);
        input(std::string(text::st("Client key file (owner-only)")) + "###up_key", f.client_key, sizeof f.client_key);
    } else {
        ImGui::SetNextItemWidth(360);
        input(std::string(text::st("SSH private key file (owner-only)")) + "###up_ssh_key", f.ssh_private_key,
              sizeof f.ssh_private_key);
        ImGui::SetNextItemWidth(360);
        input(std::string(text::st("known_hosts file with the server's key (owner-only)")) + "###up_known_hosts",
              f.known_hosts, sizeof f.known_hosts);
    }
    ImGui::SetNextItemWidth(360);
    input(std::string(text::st("The municipality's public key, to seal the extract (optional)")) + "###up_muni",
          f.municipality_public_key, sizeof f.municipality_public_key);
    text_disabled(text::st("The server's certificate or host key is always checked; that cannot be switched off."));
    if (button(std::string(text::st("Save the target")) + "###up_save")) act(s, [&s] { save_upload_form(s); });
    ImGui::SameLine();
    ImGui::BeginDisabled(s.testing);
    if (button(std::string(s.testing ? text::st("Testing…") : text::st("Test the connection")) + "###up_test"))
        test_target(s);
    ImGui::EndDisabled();
    if (!f.test_result.empty())
        text_coloured(f.test_ok ? ImVec4(0.05f, 0.45f, 0.15f, 1) : ImVec4(0.8f, 0.2f, 0.1f, 1), f.test_result);
}

// [SECTION] The extract and the outbox

void draw_upload(State& s, Instant now) {
    draw_target_form(s);
    section(text::st("Monthly extract for the municipality"));
    text_wrapped(text::st("The extract holds counts only: bookings by service and status, no-show rates, "
                          "walk-ins and feedback with small groups hidden. No nicknames, codes or times."));
    if (!s.upload_problem.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.8f, 0.2f, 0.1f, 1));
        text_wrapped(s.upload_problem);
        ImGui::PopStyleColor();
    }
    const std::string last_month = report::month_of(add_days(report::month_of(s.tz.today(now)).first, -1)).label;
    if (button(text::st_fill("Make the extract for {period}", {{"period", last_month}}) + "###export"))
        act(s, [&s, last_month, now] {
            const auto q = exporting::export_bundle(*s.db, s.site_id, last_month, now);
            set_status(s, q.reused ? std::string(text::st("That extract was already queued; nothing new."))
                                   : text::st_fill("Extract {period} queued for upload.", {{"period", last_month}}));
        });
    ImGui::SameLine();
    ImGui::BeginDisabled(s.sending);
    if (button(std::string(s.sending ? text::st("Sending…") : text::st("Send now")) + "###send"))
        send_now(s, now);
    ImGui::EndDisabled();

    section(text::st("Outbox"));
    if (s.outbox.empty()) text_disabled(text::st("Nothing queued yet."));
    const auto at = [](Instant t) { return local_time(t, "Europe/Copenhagen"); };
    if (!s.outbox.empty() &&
        ImGui::BeginTable("outbox", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit)) {
        // The explanation is what staff read: it gets the width, the other columns fit their text.
        for (const char* h : {text::st("Period"), text::st("State"), text::st("Tries")}) column(h);
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
            text_coloured(colour, state_label(b.state));
            if (b.state == "stopped" && button(std::string(text::st("Try again")) + "###resume_" + b.id, true)) {
                const std::string id = b.id;
                act(s, [&s, id, now] {
                    upload::resume_bundle(*s.db, id, now);
                    set_status(s, text::st_fill("bundle {id} will be tried at the next run", {{"id", id}}));
                });
            }
            ImGui::TableNextColumn();
            ImGui::Text("%d", b.attempts);
            ImGui::TableNextColumn();
            text_wrapped(upload::explain(b, at));
            if (!b.last_message.empty()) text_wrapped(b.last_message);
            ImGui::TableNextColumn();
            ImGui::Text("%.12s…", (b.wire_sha256.empty() ? b.sha256 : b.wire_sha256).c_str());
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
}

}  // namespace indgang::admin::gui
