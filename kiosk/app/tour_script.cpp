// The built-in tour: every screen once, for a quick look on a machine without a display.
// Steps marked "?" may not apply to the demo week at the current time and are skipped then.
#include "app/script_runner.hpp"

namespace indgang::kiosk {

std::string tour_script() {
    return R"(# built-in tour
expect-screen welcome
shot welcome
tap-first lang_
expect-screen home
shot home
tap ###book
shot book-service
?tap-first service_
?shot book-day
?tap-first day_
?shot book-time
?tap-first time_
?shot book-nickname
?type Mads
?shot book-nickname-typed
?tap ###continue
?shot book-confirm
?tap ###confirm
?shot receipt
?capture code ###code
?tap ###done
?tap-first lang_
tap ###checkin
type 12
shot checkin
type 999
tap ###ok
shot checkin-unknown-code
tap ###retry
?type $code
?tap ###ok
?shot checkin-result
tap ###home
tap ###walkin
shot walkin-service
?tap-first walkin_
?shot walkin-ticket
?tap ###done
?tap-first lang_
tap ###book
advance-clock 91
expect-screen idle-prompt
shot idle-prompt
advance-clock 25
expect-screen welcome
tap-first lang_
tap ###feedback
shot feedback
tap ###home
staff-gesture
expect-screen staff-pin
shot staff-pin
)";
}

}  // namespace indgang::kiosk
