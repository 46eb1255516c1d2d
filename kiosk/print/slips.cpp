#include "print/slips.hpp"

#include "core/domain/civil_time.hpp"
#include "core/text/datetime.hpp"
#include "core/text/placeholders.hpp"

namespace indgang::kiosk {

namespace {

// The pieces every slip shares; `rtl` follows the visitor's language, Danish lines are LTR.
class SlipWriter {
public:
    explicit SlipWriter(const text::Translator& t) : t_(t), rtl_(t.language().rtl), lang_(t.language().code) {}

    const char* tr(const char* msgid) const { return t_.tr(msgid); }
    std::string fmt(const char* msgid, const std::map<std::string, std::string>& v) const {
        return text::fill(t_.tr(msgid), v, rtl_);
    }
    SlipWriter& line(std::string text, SlipLine::Size size = SlipLine::Size::Body, bool bold = false,
                     bool center = false) {
        slip_.lines.push_back({SlipLine::Kind::Text, size, std::move(text), bold, center, false, rtl_});
        return *this;
    }
    SlipWriter& code(std::string text) {
        slip_.lines.push_back({SlipLine::Kind::Text, SlipLine::Size::Huge, std::move(text), true, true, true, false});
        return *this;
    }
    SlipWriter& rule() { return mark(SlipLine::Kind::Rule); }
    SlipWriter& gap() { return mark(SlipLine::Kind::Gap); }
    // The day and time in the visitor's language, then (unless the visitor reads Danish) the
    // same in Danish: the jobcentre's staff read the Danish line.
    // `always_danish`: the proof of arrival repeats it even for Danish readers, with the year.
    SlipWriter& when(Instant at, const std::string& tz, bool bold_line = true, bool always_danish = false) {
        const std::string own = text::format_day(at, lang_, tz) + "  " + text::format_time(at, lang_, tz);
        line(own, SlipLine::Size::Title, bold_line);
        if (lang_ != "da" || always_danish) {
            const int year = static_cast<int>(TimeZone(tz).to_local(at).date.year());
            const std::string da = text::format_day(at, "da", tz) + " " + std::to_string(year) + " kl. " +
                                   text::format_time(at, "da", tz);
            slip_.lines.push_back({SlipLine::Kind::Text, SlipLine::Size::Small, "(" + da + ")", false, false, false, false});
        }
        return *this;
    }
    Slip done() { return std::move(slip_); }

private:
    SlipWriter& mark(SlipLine::Kind k) {
        SlipLine l;
        l.kind = k;
        slip_.lines.push_back(std::move(l));
        return *this;
    }

    const text::Translator& t_;
    bool rtl_;
    std::string lang_;
    Slip slip_;
};

}  // namespace

Slip booking_slip(const text::Translator& t, const BookingSlipFacts& f) {
    SlipWriter w(t);
    w.line(w.tr("Your time is booked"), SlipLine::Size::Title, true).rule();
    w.line(w.tr("Your check-in code"), SlipLine::Size::Body, false, true).code(f.code).gap();
    w.when(f.start, f.tz).gap();
    w.line(f.service, SlipLine::Size::Body, true);
    if (!f.caseworker.empty()) w.line(w.fmt("with {name}", {{"name", f.caseworker}}));
    w.line(f.place, SlipLine::Size::Small).rule();
    w.line(w.tr("Bring this slip. Type the code on the screen when you arrive."), SlipLine::Size::Small);
    return w.done();
}

Slip walkin_slip(const text::Translator& t, const WalkInSlipFacts& f) {
    SlipWriter w(t);
    w.line(w.tr("Your number"), SlipLine::Size::Title, true, true).code(f.label).gap();
    w.line(f.service, SlipLine::Size::Body, true, true);
    w.line(f.ahead == 0 ? std::string(w.tr("You are next."))
                        : text::fill(t.trn("{n} person before you", "{n} people before you", f.ahead),
                                     {{"n", std::to_string(f.ahead)}}, t.language().rtl),
           SlipLine::Size::Body, false, true);
    w.rule().when(f.issued, f.tz, false);
    w.line(f.place, SlipLine::Size::Small);
    return w.done();
}

Slip arrival_slip(const text::Translator& t, const ArrivalSlipFacts& f) {
    SlipWriter w(t);
    w.line(w.tr("Proof of arrival"), SlipLine::Size::Title, true).rule();
    w.line(w.tr("You checked in"), SlipLine::Size::Body);
    w.when(f.checked_in_at, f.tz, true, true).gap();
    w.line(f.service, SlipLine::Size::Body, true);
    w.line(f.place, SlipLine::Size::Small).rule();
    w.line(w.tr("Verification code"), SlipLine::Size::Small, false, true);
    w.line(f.verification, SlipLine::Size::Title, true, true);
    // Danish for whoever checks it, whatever the visitor's language.
    Slip slip = w.done();
    slip.lines.push_back({SlipLine::Kind::Text, SlipLine::Size::Small, "Personalet kan bekræfte fremmødet med koden.",
                          false, true, false, false});
    return slip;
}

}  // namespace indgang::kiosk
