#include "core/report/period.hpp"

#include <charconv>
#include <cstdio>

namespace indgang::report {

namespace {

Period make(std::string label, std::chrono::year_month first, int count) {
    using namespace std::chrono;
    Period p;
    p.label = std::move(label);
    p.first = first / day(1);
    const year_month last_month = first + months(count - 1);
    p.last = year_month_day(last_month / last);
    for (int i = 0; i < count; ++i) {
        const year_month m = first + months(i);
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02u", static_cast<int>(m.year()),
                      static_cast<unsigned>(m.month()));
        p.months.emplace_back(buf);
    }
    return p;
}

bool number(std::string_view s, int& out) {
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

Period parse_period(std::string_view t) {
    using namespace std::chrono;
    const auto bad = [&] {
        return DomainError(ErrorCode::Invalid, "period \"" + std::string(t) +
                                                   "\" is not a month like 2026-11 or a quarter like 2026-Q4");
    };
    int y = 0, n = 0;
    if (t.size() != 7 || t[4] != '-' || !number(t.substr(0, 4), y) || y < 2000 || y > 2200) throw bad();
    if (t[5] == 'Q' || t[5] == 'q') {
        if (!number(t.substr(6, 1), n) || n < 1 || n > 4) throw bad();
        return make(std::to_string(y) + "-Q" + std::to_string(n),
                    year(y) / month(static_cast<unsigned>(3 * (n - 1) + 1)), 3);
    }
    if (!number(t.substr(5, 2), n) || n < 1 || n > 12) throw bad();
    return make(std::string(t), year(y) / month(static_cast<unsigned>(n)), 1);
}

Period month_of(Date d) {
    using namespace std::chrono;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()));
    return make(buf, d.year() / d.month(), 1);
}

}  // namespace indgang::report
