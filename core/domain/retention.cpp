#include "core/domain/retention.hpp"

#include "core/domain/civil_time.hpp"
#include "core/domain/settings.hpp"
#include "core/domain/timetable.hpp"

#include <algorithm>

namespace indgang {

int purge_personal_data(db::Db& db, Instant now) {
    const int keep_days = static_cast<int>(setting_int(db, settings_key::kNicknameDays));
    int erased = 0;
    db::Transaction tx(db);
    for (const auto& site : list_sites(db)) {
        const Date cutoff = add_days(site_timezone(db, site.id).today(now), -keep_days);
        db.cached("UPDATE booking SET nickname = NULL WHERE nickname IS NOT NULL AND slot_date <= ? "
                  "AND session_id IN (SELECT id FROM session WHERE site_id = ?)")
            .bind(format_date(cutoff), site.id)
            .exec();
        erased += db.changes();
    }
    if (erased > 0)
        log_event(db, now, "purge", "erased " + std::to_string(erased) + " nicknames");
    tx.commit();
    return erased;
}

}  // namespace indgang
