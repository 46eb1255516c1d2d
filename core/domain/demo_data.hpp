// The fictional "Værestedet Kilden" with a realistic week, for the demo and screenshots.
#pragma once

#include "core/db/sqlite.hpp"
#include "core/domain/model.hpp"

namespace indgang {

// Creates the demo site, services and sessions when the database has no site yet, plus a few
// bookings around `now` so the screens have something to show. Returns the site id.
// The tour's clock: the next Tuesday 10:05 in Copenhagen (today, if it is Tuesday before then),
// when the demo's jobcentre session runs — every screen has something to show then.
Instant demo_showcase_time(Instant now);

Id ensure_demo_data(db::Db& db, Instant now);

// The standard list of services (jobcentre, social centre, benefits office, substance-abuse
// outreach, SKP). Added when missing; returns nothing.
void ensure_standard_services(db::Db& db);

}  // namespace indgang
