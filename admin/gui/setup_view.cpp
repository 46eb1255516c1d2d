// First run on an empty database: the centre, its address, opening hours and the first session,
// in one form, instead of an error. The standard services are added with the centre.
#include "staff_errors.hpp"
#include "views.hpp"

#include "core/db/sqlite.hpp"
#include "core/domain/demo_data.hpp"
#include "core/domain/timetable.hpp"
#include "core/text/staff_text.hpp"

#include <imgui.h>

namespace indgang::admin::gui {

using text::st;

void draw_setup(State& s, Instant now) {
    SetupForm& f = s.setup;
    // A new database has no services yet; the standard five are what a centre starts with.
    if (s.services.empty() && !s.pending) act(s, [&s] { ensure_standard_services(*s.db); });
    section(st("Set up the centre"));
    text_wrapped(st("There is no centre in this database yet. Write what visitors and the municipality should see; "
                    "everything can be changed later on the Timetable tab."));
    ImGui::SetNextItemWidth(320);
    input(st("Name of the centre") + std::string("###setup_name"), f.name, sizeof f.name);
    ImGui::SetNextItemWidth(420);
    input(st("Address") + std::string("###setup_address"), f.address, sizeof f.address);
    section(st("Opening hours"));
    draw_hours(f.hours, "setup_hours_");
    section(st("The first caseworker session"));
    text_wrapped(st("Who comes, when, and how long each time is. More sessions can be added afterwards."));
    draw_session_form(s, f.session, true);
    ImGui::Spacing();
    if (button(st("Create the centre") + std::string("###setup_create")))
        act(s, [&s, now] {
            SetupForm& f = s.setup;
            Site site;
            site.name = f.name;
            site.address = f.address;
            if (site.name.empty()) throw StaffError(st("The centre needs a name."));
            site.hours = hours_from(f.hours);
            // One transaction: a session the core refuses leaves no half-made centre behind.
            db::Transaction tx(*s.db);
            ensure_standard_services(*s.db);
            s.services = list_services(*s.db, false);
            const Id id = add_site(*s.db, site);
            s.site_id = id;
            s.tz = site_timezone(*s.db, id);
            std::vector<std::string> warnings;
            try {
                add_session(*s.db, session_from(s, f.session, now), now, &warnings, s.actor);
            } catch (...) {
                s.site_id = 0;   // rolled back: still no centre
                throw;
            }
            tx.commit();
            s.site_id = 0;   // reload() picks the new site and fills the forms
            s.day = {};
            set_status(s, st("The centre is set up. The kiosk shows it within seconds."));
        });
}

}  // namespace indgang::admin::gui
