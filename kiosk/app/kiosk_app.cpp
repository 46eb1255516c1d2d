// [SECTION] Setup and database health
// [SECTION] Idle timer and polling
// [SECTION] Drawing: models for each screen
// [SECTION] Intents: navigation, booking, check-in, walk-in, staff, feedback
#include "app/kiosk_app.hpp"

#include "core/domain/retention.hpp"

#include "app/service_text.hpp"
#include "core/db/store.hpp"
#include "core/db/upgrade.hpp"
#include "core/domain/booking.hpp"
#include "core/domain/demo_data.hpp"
#include "core/domain/housekeeping.hpp"
#include "core/domain/settings.hpp"
#include "core/domain/staff_pin.hpp"
#include "core/domain/timetable.hpp"
#include "core/domain/walkin.hpp"
#include "core/feedback/submit.hpp"
#include "core/text/keyboard.hpp"
#include "core/text/speech.hpp"
#include "ui/widgets.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <set>

namespace indgang::kiosk {

namespace {

constexpr int kPollMs = 1000;          // PRAGMA data_version is cheap; admin edits show within ~1 s
constexpr Instant kHousekeepingSeconds = 3600;
constexpr int kRetryMs = 10000;        // a broken database is retried this often
constexpr size_t kMaxNickname = 20;    // code points; fits the receipt and the staff list

void log_line(const std::string& s) { std::fprintf(stderr, "indgang-kiosk: %s\n", s.c_str()); }

// Overwrites a string's bytes before it is released, so a visitor's input does not linger in
// freed memory.
void wipe(std::string& s) {
    if (!s.empty()) sodium_memzero(s.data(), s.size());
    s.clear();
    s.shrink_to_fit();
}

size_t code_points(const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

void pop_code_point(std::string& s) {
    while (!s.empty()) {
        const unsigned char c = static_cast<unsigned char>(s.back());
        s.pop_back();
        if ((c & 0xC0) != 0x80) break;
    }
}

}  // namespace

// [SECTION] Setup and database health ----------------------------------------------------------

KioskApp::KioskApp(KioskOptions opts) : opts_(std::move(opts)) {
    if (sodium_init() < 0) log_line("libsodium failed to initialise");
    text_ = std::make_unique<TextDraw>(opts_.i18n_dir);
    visitor_.language = opts_.language.empty() ? text_->shipped_default() : opts_.language;
    text_->set_language(visitor_.language);
    speech_ = std::make_unique<ReadAloud>();
    try {
        form_ = feedback::load_default_form();
    } catch (const std::exception& e) {
        form_error_ = e.what();
        log_line("feedback form unavailable: " + form_error_);
    }
}

KioskApp::~KioskApp() { reset_visitor(); }

void KioskApp::start(uint64_t ms, Instant now) {
    last_input_ms_ = ms;
    open_db(now);
    next_poll_ms_ = ms + kPollMs;
    next_retry_ms_ = ms + kRetryMs;
}

// The kiosk may be the only program running at a centre: it keeps the data honest itself, at
// start and hourly — nicknames past retention erased, unattended bookings marked missed.
void KioskApp::housekeeping(Instant now) {
    next_housekeeping_ = now + kHousekeepingSeconds;
    const HousekeepingResult r = run_housekeeping(*db_, now);
    if (!r.refused.empty()) log_line("housekeeping waits: " + r.refused);
    if (r.nicknames_erased > 0)
        log_line("erased " + std::to_string(r.nicknames_erased) + " nicknames past retention");
}

void KioskApp::open_db(Instant now) {
    try {
        // A missing file means a wrong path or a lost disk: never create an empty database
        // silently, unless asked to set up the demo.
        if (!opts_.demo && opts_.db_path != ":memory:" && !std::filesystem::exists(opts_.db_path))
            throw std::runtime_error("database file " + opts_.db_path + " does not exist");
        if (std::filesystem::exists(db::restore_marker(opts_.db_path)))
            throw std::runtime_error("a backup is being restored into " + opts_.db_path);
        db_ = db::open_store(opts_.db_path);
        if (opts_.demo) ensure_demo_data(*db_, now);
        housekeeping(now);
        data_version_ = db_->data_version();
        reload(now);
        print_ = std::make_unique<PrintFlow>(*db_, text_->i18n_dir());
        if (!failure_.empty()) log_line("database is usable again");
        failure_.clear();
        if (data_ && data_->paused && visitor_.screen != ScreenId::Staff) go(ScreenId::Paused, false);
        else if (visitor_.screen == ScreenId::OutOfOrder || visitor_.screen == ScreenId::Paused) reset_visitor();
    } catch (const db::StoreError& e) {
        // Older kiosk, newer database (a downgrade): the journal says which backup to restore.
        if (e.kind != db::StoreError::Kind::TooNew) fail(e.what(), now);
        else fail(std::string(e.what()) + ". " + db::downgrade_advice(opts_.db_path, db::default_backup_dir(opts_.db_path)), now);
    } catch (const std::exception& e) {
        fail(e.what(), now);
    }
}

void KioskApp::fail(const std::string& why, Instant now) {
    // One log line per outage, not one per retry.
    if (failure_ != why) log_line("out of order: " + why);
    if (failure_.empty()) failed_at_ = now;
    failure_ = why;
    db_.reset();
    data_.reset();
    reset_visitor();
    visitor_.screen = ScreenId::OutOfOrder;
}

void KioskApp::reload(Instant now) {
    data_ = load_live_data(*db_, now);
    loaded_minute_ = now / 60;
    volume_ = data_->volume;
    if (opts_.idle_seconds > 0) data_->idle_seconds = opts_.idle_seconds;
    ++generation_;
    if (!data_->paused && visitor_.screen == ScreenId::Paused) reset_visitor();
    if (data_->paused && !visitor_.staff && visitor_.screen != ScreenId::Paused &&
        visitor_.screen != ScreenId::StaffPin) {
        reset_visitor();
        visitor_.screen = ScreenId::Paused;
    }
    // A time the visitor is about to book may have gone while they typed their nickname.
    if (visitor_.screen == ScreenId::BookNickname || visitor_.screen == ScreenId::BookConfirm) {
        const auto times = free_times();
        const bool still_free = std::any_of(times.begin(), times.end(), [&](const Slot& s) {
            return s.session_id == visitor_.slot.session_id && s.start == visitor_.slot.start;
        });
        if (!still_free) {
            visitor_.notice = text_->tr("Sorry, that time was just taken. Please choose another time.");
            visitor_.screen = ScreenId::BookTime;
            while (!visitor_.back.empty() && visitor_.back.back() != ScreenId::BookDay) visitor_.back.pop_back();
        }
    }
}

ScreenId KioskApp::screen() const { return visitor_.screen; }

std::vector<std::string> KioskApp::offered_languages() const {
    std::vector<std::string> out;
    for (const auto& l : text_->languages())
        if (!data_ || data_->languages.empty() ||
            std::find(data_->languages.begin(), data_->languages.end(), l.code) != data_->languages.end())
            out.push_back(l.code);
    return out;
}

std::vector<std::string> KioskApp::dynamic_texts() const {
    std::vector<std::string> out;
    if (!data_) return out;
    out.push_back(data_->site.name);
    out.push_back(data_->site.address);
    for (const auto& s : data_->services) {
        out.push_back(s.name);
        out.push_back(s.description);
        out.push_back(s.walkin_prefix);
    }
    for (const auto& s : data_->today_sessions) out.push_back(s.caseworker);
    for (const auto& s : data_->free_slots) out.push_back(s.caseworker);
    return out;
}

void KioskApp::reset_visitor() {
    Visitor& v = visitor_;
    wipe(v.nickname);
    wipe(v.code);
    wipe(v.pin);
    if (v.receipt) {
        wipe(v.receipt->code);
        if (v.receipt->nickname) wipe(*v.receipt->nickname);
    }
    wipe(v.result.code);
    wipe(v.result.proof);
    wipe(v.result.appointment);
    for (auto& [q, a] : v.feedback.answers) wipe(a);
    wipe(v.feedback.free_text);
    const bool paused = data_ && data_->paused;
    // The next visitor must not hear the previous one's screen.
    if (speech_) speech_->stop();
    if (print_) print_->new_visitor();
    spoken_page_.clear();
    prompt_spoken_left_ = -1;
    v = Visitor{};
    v.language = opts_.language.empty() && data_ ? data_->default_language
                                                 : (opts_.language.empty() ? "da" : opts_.language);
    // Shaped-text cache entries may hold the nickname or code.
    text_->clear_cache();
    text_->set_language(v.language);
    v.screen = paused ? ScreenId::Paused : ScreenId::Welcome;
    prompt_ = false;
}

void KioskApp::reset_keep_language() {
    const std::string lang = visitor_.language;
    reset_visitor();
    visitor_.language = lang;
    text_->set_language(lang);
}

void KioskApp::go(ScreenId s, bool push) {
    if (push && s != visitor_.screen) visitor_.back.push_back(visitor_.screen);
    visitor_.screen = s;
    visitor_.page = 0;
}

// [SECTION] Idle timer and polling -------------------------------------------------------------

bool KioskApp::tick(uint64_t ms, Instant now) {
    // Finished speech goes to the audio device; the button's state may change.
    bool redraw = speech_->pump(ms);
    if (!db_) {
        if (ms >= next_retry_ms_) {
            next_retry_ms_ = ms + kRetryMs;
            open_db(now);
            return true;
        }
        return false;
    }
    if (ms >= next_poll_ms_) {
        next_poll_ms_ = ms + kPollMs;
        try {
            // `indgang-admin restore` raises this marker: let go of the database until it is done.
            if (std::filesystem::exists(db::restore_marker(opts_.db_path)))
                throw std::runtime_error("a backup is being restored into " + opts_.db_path);
            if (now >= next_housekeeping_) housekeeping(now);
            const int64_t v = db_->data_version();
            if (v != data_version_ || now / 60 != loaded_minute_) {
                data_version_ = v;
                reload(now);
                redraw = true;
            }
        } catch (const std::exception& e) {
            fail(e.what(), now);
            return true;
        }
    }
    if (closed_tick(ms, now)) redraw = true;
    if (visitor_.pin_locked_until && now >= visitor_.pin_locked_until) {
        visitor_.pin_locked_until = 0;   // the keypad opens again by itself
        visitor_.pin_message.clear();
        redraw = true;
    }
    // Idle: Welcome in the default language and the paused/out-of-order screens have nothing
    // to protect; everything else gets the prompt, then a reset.
    const ScreenId s = visitor_.screen;
    const bool resting = (s == ScreenId::Welcome && visitor_.back.empty() && data_ &&
                          visitor_.language == (opts_.language.empty() ? data_->default_language : opts_.language)) ||
                         s == ScreenId::Paused || s == ScreenId::OutOfOrder || s == ScreenId::Closed;
    if (!resting && data_) {
        const uint64_t idle_ms = static_cast<uint64_t>(data_->idle_seconds) * 1000;
        const uint64_t since = ms - std::min(ms, last_input_ms_);
        if (s == ScreenId::Welcome && since >= idle_ms) {
            reset_visitor();   // only a language was chosen: no prompt needed
            return true;
        }
        if (since >= idle_ms) {
            const uint64_t total = idle_ms + static_cast<uint64_t>(data_->countdown_seconds) * 1000;
            if (since >= total) {
                reset_visitor();
                return true;
            }
            const int left = static_cast<int>((total - since + 999) / 1000);
            if (!prompt_ || left != prompt_left_) redraw = true;
            prompt_ = true;
            prompt_left_ = left;
        }
    }
    return redraw;
}

int KioskApp::next_wakeup_ms(uint64_t ms) const {
    uint64_t next = db_ ? next_poll_ms_ : next_retry_ms_;
    if (prompt_ || visitor_.pin_locked_until) next = std::min<uint64_t>(next, ms + 250);
    if (speech_->active()) next = std::min<uint64_t>(next, ms + 100);   // notice the end of playback
    if (print_ && print_->printing()) next = std::min<uint64_t>(next, ms + 250);   // show "take your slip"
    if (data_ && !prompt_) {
        const uint64_t due = last_input_ms_ + static_cast<uint64_t>(data_->idle_seconds) * 1000;
        if (due > ms) next = std::min(next, due);
    }
    return next > ms ? static_cast<int>(std::min<uint64_t>(next - ms, 60000)) : 0;
}

// [SECTION] Drawing: models for each screen ----------------------------------------------------

const Service* KioskApp::service(Id id) const {
    if (!data_) return nullptr;
    for (const auto& s : data_->services)
        if (s.id == id) return &s;
    return nullptr;
}

std::vector<Date> KioskApp::free_days() const {
    std::vector<Date> days;
    if (!data_) return days;
    for (const auto& s : data_->free_slots)
        if (s.service_id == visitor_.service_id && (days.empty() || days.back() != s.date)) days.push_back(s.date);
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    return days;
}

std::vector<Slot> KioskApp::free_times() const {
    std::vector<Slot> out;
    if (!data_) return out;
    for (const auto& s : data_->free_slots)
        if (s.service_id == visitor_.service_id && s.date == visitor_.day) out.push_back(s);
    std::sort(out.begin(), out.end(), [](const Slot& a, const Slot& b) { return a.start < b.start; });
    return out;
}

void KioskApp::frame(Ui& ui, const FrameInput& in) {
    frame_ms_ = in.ms;
    if (in.input) {
        last_input_ms_ = in.ms;
    }
    if (in.staff_gesture && db_) {
        // Staff gesture from any screen: the visitor's state is dropped first.
        reset_visitor();
        go(ScreenId::StaffPin, false);
        visitor_.back = {data_ && data_->paused ? ScreenId::Paused : ScreenId::Welcome};
        last_input_ms_ = in.ms;
    }
    ui.m.rtl = text_->rtl();
    tap_guard_.frame(page_key(), in.ms, in.pointer_down);
    Intent intent = draw_screen(ui, in.now);
    if (!tap_guard_.accept()) intent = {};   // the tap was aimed at the previous page
    // The dimmed closed screen stays dark: its speaker button comes back with the first touch.
    if (!prompt_ && !(visitor_.screen == ScreenId::Closed && closed_dim_drawn_)) read_aloud_frame(ui);
    if (prompt_) {
        // The screen underneath stays visible but cannot be used until the visitor answers.
        intent = draw_idle_prompt(ui, prompt_left_);
        speak_idle_prompt(ui);
        if (!tap_guard_.accept()) intent = {};
        if (intent.act == Act::StillHere) {
            speech_->stop();
            prompt_spoken_left_ = -1;
            prompt_ = false;
            last_input_ms_ = in.ms;
        }
        return;
    }
    if (intent.act != Act::None) apply(intent, in.now);
}

Intent KioskApp::draw_screen(Ui& ui, Instant now) {
    const LiveData* d = data_ ? &*data_ : nullptr;
    const std::string& lang = visitor_.language;
    auto place = [&] { return d ? d->site.name + (d->site.address.empty() ? "" : ", " + d->site.address) : ""; };
    switch (visitor_.screen) {
    case ScreenId::OutOfOrder:
    case ScreenId::Welcome:
    case ScreenId::Home:
    case ScreenId::Paused:
    case ScreenId::StaffPin:
    case ScreenId::Staff:
    case ScreenId::FeedbackThanks:
        break;
    default:
        if (!d) return draw_out_of_order(ui, "");
    }
    switch (visitor_.screen) {
    case ScreenId::OutOfOrder: {
        std::string since;
        if (failed_at_) since = text_->time(failed_at_, "Europe/Copenhagen");
        return draw_out_of_order(ui, since);
    }
    case ScreenId::Paused: return draw_paused(ui);
    case ScreenId::Closed: return draw_closed_screen(ui, now);
    case ScreenId::Welcome: {
        WelcomeModel m;
        m.site_name = d ? d->site.name : "";
        m.current = lang;
        for (const auto& code : offered_languages())
            if (const auto* l = text_->find_language(code)) m.languages.push_back({l->code, l->native_name});
        return draw_welcome(ui, m);
    }
    case ScreenId::Home: {
        HomeModel m;
        m.walkin_open = false;
        if (d) {
            m.site_name = d->site.name;
            // TRANSLATORS: Home's "Here today": the date and the clock. Arabic script uses "،".
            m.date_line = text_->fmt("{day}, {time}", {{"day", text_->day(d->today)}, {"time", text_->time(now, d->tz.name())}});
            const int minute = d->tz.to_local(now).minute;
            for (const auto& s : d->today_sessions) {
                const Service* sv = service(s.service_id);
                TodayRow r;
                r.service = sv ? service_name(*text_, *sv) : "";
                r.icon = sv ? service_icon(sv->key) : Icon::Person;
                r.caseworker = s.caseworker;
                r.hours = text_->time(d->tz.to_utc(d->today, s.start_minute).value_or(now), d->tz.name()) + "–" +
                          text_->time(d->tz.to_utc(d->today, std::min(s.end_minute, 1439)).value_or(now), d->tz.name());
                r.here_now = minute >= s.start_minute && minute < s.end_minute;
                m.today.push_back(std::move(r));
                if (minute < s.end_minute) m.walkin_open = true;
            }
            if (!m.walkin_open)
                m.walkin_note = d->today_sessions.empty() ? text_->tr("nobody today")
                                                          : text_->tr("nobody any more today");
        }
        return draw_home(ui, m);
    }
    case ScreenId::BookService:
    case ScreenId::WalkInService: {
        const bool walk = visitor_.screen == ScreenId::WalkInService;
        ServiceListModel m;
        m.walk_in = walk;
        m.title = walk ? text_->tr("Who do you want to talk to?") : text_->tr("Who do you want to meet?");
        // For walk-ins: who is still to come or here now, and who has gone home already.
        std::set<Id> today, still_today;
        const int minute = d->tz.to_local(now).minute;
        for (const auto& s : d->today_sessions) {
            today.insert(s.service_id);
            if (minute < s.end_minute) still_today.insert(s.service_id);
        }
        for (const auto& s : d->services) {
            ServiceChoice c{s.id, service_name(*text_, s), service_description(*text_, s), service_icon(s.key), true, {}};
            if (walk) {
                if (!today.count(s.id)) continue;   // walk-in only where a caseworker comes today
                c.available = still_today.count(s.id) > 0;
                c.note = text_->tr("Not here any more today");
            } else {
                c.available = std::any_of(d->free_slots.begin(), d->free_slots.end(),
                                          [&](const Slot& sl) { return sl.service_id == s.id; });
                c.note = text_->tr("No free times in the next two weeks");
            }
            m.services.push_back(std::move(c));
        }
        m.empty_text = text_->tr("No caseworkers here today. Please ask the staff.");
        return draw_service_list(ui, m);
    }
    case ScreenId::BookDay: {
        BookDayModel m;
        m.page = visitor_.page;
        if (const Service* s = service(visitor_.service_id)) m.service = service_name(*text_, *s);
        for (const Date& day : free_days()) {
            int n = 0;
            for (const auto& sl : d->free_slots) n += sl.service_id == visitor_.service_id && sl.date == day;
            std::string label = text_->day(day);
            if (day == d->today) label = text_->fmt("Today, {day}", {{"day", label}});
            m.days.push_back({"day_" + format_date(day), label, text_->trn("{n} free time", "{n} free times", n)});
        }
        return draw_book_day(ui, m);
    }
    case ScreenId::BookTime: {
        BookTimeModel m;
        m.page = visitor_.page;
        if (const Service* s = service(visitor_.service_id)) m.service = service_name(*text_, *s);
        m.day = text_->day(visitor_.day);
        m.notice = visitor_.notice;
        for (const auto& sl : free_times()) {
            char id[32];
            std::snprintf(id, sizeof id, "time_%02d%02d", sl.start_minute / 60, sl.start_minute % 60);
            m.times.push_back({id, text_->time(sl.start, d->tz.name()), sl.caseworker});
        }
        return draw_book_time(ui, m);
    }
    case ScreenId::BookNickname: {
        NicknameModel m;
        m.nickname = visitor_.nickname;
        m.shift = visitor_.shift;
        const auto* l = text_->find_language(lang);
        try {
            m.layout = &text::keyboard_layout(l ? l->keyboard : "da");
        } catch (const std::exception&) {
            try { m.layout = &text::keyboard_layout("da"); } catch (const std::exception&) { m.layout = nullptr; }
        }
        return draw_book_nickname(ui, m);
    }
    case ScreenId::BookConfirm: {
        ConfirmModel m;
        if (const Service* s = service(visitor_.service_id)) {
            m.service = service_name(*text_, *s);
            m.icon = service_icon(s->key);
        }
        m.day = text_->day(visitor_.day);
        m.time = text_->time(visitor_.slot.start, d->tz.name());
        m.caseworker = visitor_.slot.caseworker;
        m.nickname = visitor_.nickname;
        m.place = place();
        m.error = visitor_.confirm_error;
        return draw_book_confirm(ui, m);
    }
    case ScreenId::Receipt: {
        ReceiptModel m;
        if (visitor_.receipt) {
            const Booking& b = *visitor_.receipt;
            m.code = b.code;
            if (const Service* s = service(b.service_id)) m.service = service_name(*text_, *s);
            m.day = text_->day(b.date);
            m.time = text_->time(b.start, d->tz.name());
            m.caseworker = b.caseworker;
            m.nickname = b.nickname.value_or("");
            m.place = place();
        }
        m.print = print_offer();
        return draw_receipt(ui, m);
    }
    case ScreenId::CheckIn: return draw_check_in(ui, {visitor_.code, 5});
    case ScreenId::CheckInResult: {
        if (!visitor_.result.ok || !print_ || !print_->enabled()) return draw_check_in_result(ui, visitor_.result);
        CheckInResultModel m = visitor_.result;
        m.print = print_offer();
        return draw_check_in_result(ui, m);
    }
    case ScreenId::WalkInTicket: {
        WalkInTicketModel m;
        if (visitor_.ticket) {
            const auto& t = *visitor_.ticket;
            m.label = t.label;
            if (const Service* s = service(t.service_id)) m.service = service_name(*text_, *s);
            m.ahead = t.ahead == 0 ? std::string(text_->tr("You are next."))
                                   : text_->trn("{n} person before you", "{n} people before you", t.ahead);
        }
        m.print = print_offer();
        return draw_walkin_ticket(ui, m);
    }
    case ScreenId::FeedbackQuestion: {
        FeedbackQuestionModel m;
        const auto qs = feedback_questions();
        if (qs.empty() || !form_) return draw_feedback_thanks(ui, text_->tr("Thank you."));
        const auto* q = qs[std::clamp(visitor_.feedback_index, 0, static_cast<int>(qs.size()) - 1)];
        m.title = text_->tr(form_->title.c_str());
        if (visitor_.feedback_index == 0) m.intro = text_->tr(form_->intro.c_str());
        m.index = visitor_.feedback_index;
        m.count = static_cast<int>(qs.size());
        m.question = text_->tr(q->text.c_str());
        m.decline_label = text_->tr(form_->decline_label.c_str());
        m.scale = q->kind == feedback::QuestionKind::Scale;
        if (m.scale) {
            static const Icon faces[] = {Icon::Face1, Icon::Face2, Icon::Face3, Icon::Face4, Icon::Face5};
            for (size_t i = 0; i < form_->scale.size(); ++i)
                m.options.push_back({form_->scale[i].value, text_->tr(form_->scale[i].label.c_str()),
                                     faces[std::min<size_t>(i, 4)]});
        } else {
            for (const auto& c : q->choices) m.options.push_back({c.key, text_->tr(c.label.c_str()), service_icon(c.key)});
        }
        if (const std::string* a = visitor_.feedback.find(q->key)) m.selected = *a;
        return draw_feedback_question(ui, m);
    }
    case ScreenId::FeedbackThanks: return draw_feedback_thanks(ui, visitor_.feedback_message);
    case ScreenId::StaffPin: {
        StaffPinModel m;
        m.digits = static_cast<int>(visitor_.pin.size());
        m.message = visitor_.pin_message;
        m.locked = visitor_.pin_locked_until > now;
        if (!m.locked && visitor_.pin_locked_until) m.message.clear();
        return draw_staff_pin(ui, m);
    }
    case ScreenId::Staff: {
        StaffModel m;
        m.paused = d && d->paused;
        m.message = visitor_.staff_message;
        if (d && db_) {
            m.date_line = text_->day(d->today) + ", " + text_->time(now, d->tz.name());
            try {
                for (const auto& b : bookings_on(*db_, d->site.id, d->today)) {
                    StaffRow r;
                    r.id = b.id;
                    r.time = text_->time(b.start, d->tz.name());
                    r.who = b.nickname.value_or(text_->tr("(no nickname)"));
                    if (const Service* s = service(b.service_id)) r.what = service_name(*text_, *s);
                    if (!b.caseworker.empty()) r.what += " / " + b.caseworker;
                    switch (b.status) {
                    case BookingStatus::Booked: r.status = text_->tr("booked"); break;
                    case BookingStatus::CheckedIn:
                        r.status = text_->fmt("arrived {time}", {{"time", text_->time(*b.checked_in_at, d->tz.name())}});
                        break;
                    case BookingStatus::Seen: r.status = text_->tr("seen"); break;
                    case BookingStatus::Missed: r.status = text_->tr("no-show"); break;
                    case BookingStatus::Cancelled: r.status = text_->tr("cancelled"); break;
                    case BookingStatus::CentreCancelled: r.status = text_->tr("cancelled by the centre"); break;
                    }
                    r.can_seen = b.status == BookingStatus::Booked || b.status == BookingStatus::CheckedIn ||
                                 b.status == BookingStatus::Missed;
                    // A no-show only once the time has ended plus grace (booking.hpp).
                    r.can_no_show = (b.status == BookingStatus::Booked || b.status == BookingStatus::CheckedIn) &&
                                    now >= b.end + d->rules.missed_grace_minutes * 60;
                    m.rows.push_back(std::move(r));
                }
                for (const auto& t : walkins_on(*db_, d->site.id, d->today)) {
                    StaffRow r;
                    r.id = t.id;
                    r.walk_in = true;
                    r.time = text_->time(t.created_at, d->tz.name());
                    r.who = t.label;
                    if (const Service* s = service(t.service_id)) r.what = service_name(*text_, *s);
                    r.status = t.status == WalkInStatus::Waiting ? text_->tr("waiting")
                               : t.status == WalkInStatus::Seen  ? text_->tr("seen")
                                                                 : text_->tr("left");
                    r.can_seen = r.can_no_show = t.status == WalkInStatus::Waiting;
                    m.rows.push_back(std::move(r));
                }
            } catch (const std::exception& e) {
                m.message = e.what();
            }
        }
        return draw_staff(ui, m);
    }
    }
    return {};
}

// [SECTION] Intents ----------------------------------------------------------------------------

void KioskApp::apply(const Intent& in, Instant now) {
    Visitor& v = visitor_;
    switch (in.act) {
    case Act::None: return;
    case Act::Print: apply_print(); return;
    case Act::Back:
        if (v.screen == ScreenId::BookTime) v.notice.clear();
        if (v.screen == ScreenId::CheckInResult) {
            wipe(v.code);
            v.screen = ScreenId::CheckIn;
            return;
        }
        if (v.screen == ScreenId::StaffPin) wipe(v.pin);
        if (v.screen == ScreenId::FeedbackQuestion && v.feedback_index > 0) {
            --v.feedback_index;
            return;
        }
        if (v.back.empty()) {
            v.screen = ScreenId::Welcome;
        } else {
            v.screen = v.back.back();
            v.back.pop_back();
        }
        v.page = 0;
        return;
    case Act::Home:
        reset_keep_language();
        go(ScreenId::Home);
        return;
    case Act::SetLanguage:
        v.language = in.text;
        text_->set_language(in.text);
        go(ScreenId::Home);
        return;
    case Act::GoBook:
        // "Book a new time" after a cancelled one: the old code goes, Back leads Home.
        if (v.screen == ScreenId::CheckInResult) {
            reset_keep_language();
            v.back = {ScreenId::Welcome};
            v.screen = ScreenId::Home;
        }
        go(ScreenId::BookService);
        return;
    case Act::GoCheckIn: wipe(v.code); go(ScreenId::CheckIn); return;
    case Act::GoWalkIn: go(ScreenId::WalkInService); return;
    case Act::GoFeedback:
    case Act::FeedbackAnswer:
    case Act::FeedbackSkip:
    case Act::FeedbackSubmit: apply_feedback(in, now); return;
    case Act::Done: reset_visitor(); return;
    case Act::PagePrev: v.page = std::max(0, v.page - 1); return;
    case Act::PageNext: ++v.page; return;
    case Act::StillHere: prompt_ = false; return;
    default: break;
    }
    switch (v.screen) {
    case ScreenId::BookService:
    case ScreenId::BookDay:
    case ScreenId::BookTime:
    case ScreenId::BookNickname:
    case ScreenId::BookConfirm:
    case ScreenId::WalkInService: apply_booking(in, now); return;
    case ScreenId::CheckIn:
    case ScreenId::CheckInResult: apply_check_in(in, now); return;
    case ScreenId::StaffPin:
    case ScreenId::Staff: apply_staff(in, now); return;
    default: return;
    }
}

void KioskApp::apply_booking(const Intent& in, Instant now) {
    Visitor& v = visitor_;
    switch (in.act) {
    case Act::PickService:
        v.service_id = in.id;
        go(ScreenId::BookDay);
        return;
    case Act::PickDay: {
        const auto days = free_days();
        if (in.id < 0 || in.id >= static_cast<Id>(days.size())) return;
        v.day = days[in.id];
        v.notice.clear();
        go(ScreenId::BookTime);
        return;
    }
    case Act::PickSlot: {
        const auto times = free_times();
        if (in.id < 0 || in.id >= static_cast<Id>(times.size())) return;
        v.slot = times[in.id];
        v.notice.clear();
        go(ScreenId::BookNickname);
        return;
    }
    case Act::KeyText:
        if (code_points(v.nickname) < kMaxNickname) v.nickname += in.text;
        v.shift = false;
        return;
    case Act::KeySpace:
        if (!v.nickname.empty() && v.nickname.back() != ' ' && code_points(v.nickname) < kMaxNickname)
            v.nickname += ' ';
        return;
    case Act::KeyBackspace: pop_code_point(v.nickname); return;
    case Act::KeyShift: v.shift = !v.shift; return;
    case Act::NicknameSkip: wipe(v.nickname); go(ScreenId::BookConfirm); return;
    case Act::NicknameDone: {
        try {
            auto clean = clean_nickname(v.nickname);
            v.nickname = clean.value_or("");
            v.confirm_error.clear();
        } catch (const DomainError& e) {
            v.confirm_error = e.code == ErrorCode::PersonalNumber
                                  ? text_->tr("A nickname is enough. We never need your CPR number or phone number.")
                                  : text_->tr("Please use letters and numbers only.");
        }
        go(ScreenId::BookConfirm);
        return;
    }
    case Act::ConfirmBooking: {
        try {
            Booking b = book(*db_, {v.slot.session_id, v.slot.date, v.slot.start_minute}, v.nickname, now);
            // Only now, with the booking committed, does the visitor see a receipt.
            reset_keep_language();
            v.receipt = std::move(b);
            v.back = {ScreenId::Welcome, ScreenId::Home};
            v.screen = ScreenId::Receipt;
            // Our own commit does not move data_version for this connection: reload now so the
            // time just booked is no longer offered. The receipt stands whatever happens here.
            try { reload(now); } catch (const std::exception& e) { log_line(std::string("reload: ") + e.what()); }
        } catch (const DomainError& e) {
            if (e.code == ErrorCode::PersonalNumber) {
                v.confirm_error = text_->tr("A nickname is enough. We never need your CPR number or phone number.");
                return;
            }
            if (e.code == ErrorCode::Invalid) {
                v.confirm_error = text_->tr("Please use letters and numbers only.");
                return;
            }
            v.notice = e.code == ErrorCode::SessionCancelled
                           ? text_->tr("Sorry, the caseworker cannot come then. Please choose another time.")
                           : text_->tr("Sorry, that time was just taken. Please choose another time.");
            try { reload(now); } catch (const std::exception& e2) { fail(e2.what(), now); return; }
            v.screen = ScreenId::BookTime;
            while (!v.back.empty() && v.back.back() != ScreenId::BookDay) v.back.pop_back();
        } catch (const db::Error& e) {
            log_line(std::string("booking failed: ") + e.what());
            v.confirm_error = text_->tr("It could not be saved. Please try again, or ask the staff.");
        }
        return;
    }
    case Act::TakeNumber: {
        try {
            WalkInTicket t = take_number(*db_, data_->site.id, in.id, now);
            reset_keep_language();
            v.ticket = std::move(t);
            v.back = {ScreenId::Welcome, ScreenId::Home};
            v.screen = ScreenId::WalkInTicket;
            try { reload(now); } catch (const std::exception& e) { log_line(std::string("reload: ") + e.what()); }
        } catch (const DomainError& e) {
            log_line(std::string("walk-in: ") + e.what());
            try { reload(now); } catch (const std::exception& e2) { fail(e2.what(), now); }
        } catch (const db::Error& e) {
            log_line(std::string("walk-in failed: ") + e.what());
        }
        return;
    }
    default: return;
    }
}

void KioskApp::apply_check_in(const Intent& in, Instant now) {
    Visitor& v = visitor_;
    switch (in.act) {
    case Act::KeyText:
        if (v.code.size() < 5 && in.text.size() == 1 && in.text[0] >= '0' && in.text[0] <= '9') v.code += in.text;
        return;
    case Act::KeyBackspace: if (!v.code.empty()) v.code.pop_back(); return;
    case Act::TryAgain: wipe(v.code); v.screen = ScreenId::CheckIn; return;
    case Act::SubmitCode: break;
    default: return;
    }
    const LiveData& d = *data_;
    CheckInResultModel r;
    r.code = v.code;
    r.place = d.site.name + (d.site.address.empty() ? "" : ", " + d.site.address);
    auto describe = [&](const Booking& b) {
        std::string what;
        if (const Service* s = service(b.service_id)) what = service_name(*text_, *s);
        // TRANSLATORS: "Jobcentre, with Mette" on the check-in proof. Arabic script uses "،".
        if (!b.caseworker.empty()) what = text_->fmt("{service}, with {name}", {{"service", what}, {"name", b.caseworker}});
        return text_->fmt("{what}, {day} at {time}", {{"what", what}, {"day", text_->day(b.date)},
                                                      {"time", text_->time(b.start, d.tz.name())}});
    };
    try {
        CheckInResult res = check_in(*db_, d.site.id, v.code, now);
        v.arrived = res.booking;
        r.ok = true;
        r.title = text_->tr("You are checked in");
        r.detail = res.ahead == 0 ? std::string(text_->tr("You are next."))
                                  : text_->trn("{n} person before you", "{n} people before you", res.ahead);
        r.appointment = describe(res.booking);
        const Instant at = res.booking.checked_in_at.value_or(now);
        r.proof = text_->fmt("Checked in {day} at {time}",
                             {{"day", text_->day(at, d.tz.name())}, {"time", text_->time(at, d.tz.name())}});
    } catch (const DomainError& e) {
        std::optional<Booking> b;
        try { b = find_live_booking(*db_, v.code); } catch (const std::exception&) {}
        if (b) r.appointment = describe(*b);
        switch (e.code) {
        case ErrorCode::UnknownCode:
        case ErrorCode::NotFound:
        case ErrorCode::Invalid:
            r.title = text_->tr("We do not know that code");
            r.detail = text_->tr("Please check the digits and try again, or ask the staff.");
            r.can_retry = true;
            break;
        case ErrorCode::TooEarly:
            r.title = text_->tr("You are early");
            r.detail = text_->fmt("You can check in from {time}. Please come back then.",
                                  {{"time", text_->time(e.when, d.tz.name())}});
            break;
        case ErrorCode::TooLate:
            r.title = text_->tr("It is too late to check in");
            r.detail = text_->tr("Your time has passed. Please ask the staff: they can help you get a new time.");
            break;
        case ErrorCode::BookingCancelled:
            r.title = text_->tr("This time was cancelled");
            r.detail = text_->tr("Please ask the staff, or book a new time.");
            break;
        case ErrorCode::SessionCancelled:
        case ErrorCode::CentreCancelled:
            // The centre called it off, not the visitor: say so, and offer a new time at once.
            r.title = text_->tr("The caseworker cannot come");
            r.detail = text_->tr("We are sorry: the caseworker is not coming that day. It is not your fault. "
                                 "You can book a new time now.");
            r.can_book = !data_->free_slots.empty();
            if (!r.can_book) r.detail = text_->tr("We are sorry: the caseworker is not coming that day. "
                                                  "It is not your fault. Please ask the staff for a new time.");
            break;
        case ErrorCode::AlreadyCheckedIn:
            r.ok = true;
            r.title = text_->tr("You are already checked in");
            r.detail = text_->tr("Have a seat. The caseworker will come.");
            r.proof = text_->fmt("Checked in {day} at {time}",
                                 {{"day", text_->day(e.when, d.tz.name())}, {"time", text_->time(e.when, d.tz.name())}});
            break;
        default:
            r.title = text_->tr("This code cannot be used now");
            r.detail = text_->tr("Please ask the staff.");
            r.can_retry = true;
            break;
        }
    } catch (const db::Error& e) {
        log_line(std::string("check-in failed: ") + e.what());
        r.title = text_->tr("Something went wrong");
        r.detail = text_->tr("Please try again, or ask the staff.");
        r.can_retry = true;
    }
    v.result = std::move(r);
    go(ScreenId::CheckInResult);
}

void KioskApp::apply_staff(const Intent& in, Instant now) {
    Visitor& v = visitor_;
    if (v.screen == ScreenId::StaffPin) {
        switch (in.act) {
        // While locked, digits are not taken: nothing half-typed waits for the lock to end.
        case Act::KeyText: if (v.pin.size() < 12 && v.pin_locked_until <= now) v.pin += in.text; return;
        case Act::KeyBackspace: if (!v.pin.empty()) v.pin.pop_back(); return;
        case Act::PinSubmit: break;
        default: return;
        }
        try {
            if (!has_staff_pin(*db_)) {
                v.pin_message = text_->tr("No staff PIN is set. Set one with indgang-admin.");
                wipe(v.pin);
                return;
            }
            const PinCheck c = check_staff_pin(*db_, v.pin, now);
            wipe(v.pin);
            if (c.ok) {
                v.staff = true;
                v.pin_message.clear();
                v.back.clear();
                v.screen = ScreenId::Staff;
                log_event(*db_, now, "staff", "staff mode opened on the kiosk");
            } else if (c.locked_until > now) {
                v.pin_locked_until = c.locked_until;
                v.pin_message = text_->trn("Too many wrong tries. Wait {n} second.", "Too many wrong tries. Wait {n} seconds.",
                                           static_cast<long>(c.locked_until - now));
            } else {
                v.pin_locked_until = 0;
                v.pin_message = text_->tr("Wrong PIN.");
            }
        } catch (const std::exception& e) {
            log_line(std::string("staff PIN: ") + e.what());
            v.pin_message = e.what();
        }
        return;
    }
    if (!v.staff) return;
    try {
        switch (in.act) {
        case Act::StaffMarkSeen: mark_seen(*db_, in.id, now); break;
        case Act::StaffMarkNoShow: mark_no_show(*db_, in.id, now); break;
        case Act::StaffWalkInSeen: set_walkin_status(*db_, in.id, WalkInStatus::Seen, now); break;
        case Act::StaffWalkInLeft: set_walkin_status(*db_, in.id, WalkInStatus::Left, now); break;
        case Act::StaffPause:
            set_setting_checked(*db_, settings_key::kPaused, "1");
            log_event(*db_, now, "kiosk", "paused by staff");
            break;
        case Act::StaffResume:
            set_setting_checked(*db_, settings_key::kPaused, "0");
            log_event(*db_, now, "kiosk", "resumed by staff");
            break;
        case Act::StaffQuit:
            log_event(*db_, now, "kiosk", "quit by staff");
            quit_ = true;
            return;
        case Act::StaffClose: reset_visitor(); return;
        default: return;
        }
        v.staff_message.clear();
        data_version_ = db_->data_version();
        reload(now);
    } catch (const DomainError& e) {
        v.staff_message = e.what();
    } catch (const db::Error& e) {
        log_line(std::string("staff action failed: ") + e.what());
        v.staff_message = e.what();
    }
}

// [SECTION] Read-aloud ---------------------------------------------------------------------------

std::string KioskApp::page_key() const {
    return std::string(screen_name(visitor_.screen)) + "/" + std::to_string(visitor_.feedback_index) + "/" +
           visitor_.language + (prompt_ ? "/prompt" : "");
}

bool KioskApp::read_aloud_offered() {
    switch (visitor_.screen) {
    case ScreenId::StaffPin:
    case ScreenId::Staff: return false;   // staff read for themselves
    default: break;
    }
    if (volume_ <= 0) return false;       // staff turned read-aloud off
    const auto* l = text_->find_language(visitor_.language);
    if (!l || l->voice.empty()) return false;   // Somali, Tigrinya: espeak-ng has no voice
    auto it = voice_installed_.find(l->voice);
    if (it == voice_installed_.end()) {
        bool ok = false;
        try { ok = text::has_voice(l->voice); } catch (const std::exception&) {}
        if (!ok) log_line("read-aloud: espeak-ng voice '" + l->voice + "' is not installed; button hidden");
        it = voice_installed_.emplace(l->voice, ok).first;
    }
    return it->second;
}

void KioskApp::read_aloud_frame(Ui& ui) {
    // Another page (screen, question or language) stops what was being read about the last one.
    const std::string page = page_key();
    if (page != spoken_page_) {
        speech_->stop();
        spoken_page_ = page;
    }
    if (!read_aloud_offered()) return;
    // Drawn last, so the registry already holds everything this screen shows, in reading order.
    if (draw_read_aloud_button(ui, speech_->active()).act != Act::ReadAloud || !tap_guard_.accept()) return;
    if (speech_->active()) {
        speech_->stop();
        return;
    }
    std::vector<ReadAloudPiece> pieces;
    for (const auto& e : ui.reg->entries()) pieces.push_back({e.id, e.label});
    const auto* l = text_->find_language(visitor_.language);
    // Times, ranges and numbers as words in the voice's language, never the display string's digits.
    speech_->speak(text::spoken_form(read_aloud_text(pieces), l->code), l->voice, l->code, volume_);
}

void KioskApp::speak_idle_prompt(Ui& ui) {
    // A visitor who cannot read must hear that the screen is about to start over: the prompt is
    // read when it appears, and the seconds again at 10 and 5 left. The registry holds only the
    // prompt now (it cleared the screen underneath).
    if (!read_aloud_offered()) return;
    const bool first = prompt_spoken_left_ < 0;
    if (!first && (prompt_left_ == prompt_spoken_left_ || (prompt_left_ != 10 && prompt_left_ != 5))) return;
    std::vector<ReadAloudPiece> pieces;
    for (const auto& e : ui.reg->entries())
        if (first || e.id.empty()) pieces.push_back({e.id, e.label});
    if (!first) pieces.erase(pieces.begin());   // the countdown line only, not the question again
    prompt_spoken_left_ = prompt_left_;
    const auto* l = text_->find_language(visitor_.language);
    speech_->speak(text::spoken_form(read_aloud_text(pieces), l->code), l->voice, l->code, volume_);
}

std::vector<const feedback::Question*> KioskApp::feedback_questions() const {
    std::vector<const feedback::Question*> out;
    if (!form_) return out;
    // Free-text questions need the keyboard and a scrubbing review; the kiosk asks only the
    // scale and choice questions (see docs/kiosk.md).
    for (const auto* q : form_->visible_questions(false))
        if (q->kind != feedback::QuestionKind::Text) out.push_back(q);
    return out;
}

void KioskApp::apply_feedback(const Intent& in, Instant now) {
    Visitor& v = visitor_;
    const auto qs = feedback_questions();
    if (in.act == Act::GoFeedback) {
        v.feedback.clear();
        v.feedback_index = 0;
        press_filter_.reset();
        if (qs.empty()) {
            v.feedback_message = text_->tr("Sorry, feedback is not available right now. Please ask the staff.");
            go(ScreenId::FeedbackThanks);
        } else {
            go(ScreenId::FeedbackQuestion);
        }
        return;
    }
    if (v.screen != ScreenId::FeedbackQuestion || qs.empty()) return;
    // A shaky double tap must not answer two questions at once.
    if (!press_filter_.accept(static_cast<int64_t>(frame_ms_))) return;
    const auto* q = qs[std::clamp(v.feedback_index, 0, static_cast<int>(qs.size()) - 1)];
    if (in.act == Act::FeedbackAnswer) v.feedback.answer(q->key, in.text);
    else if (in.act == Act::FeedbackSkip) v.feedback.skip(q->key);
    if (v.feedback_index + 1 < static_cast<int>(qs.size())) {
        ++v.feedback_index;   // Back steps through the questions (see apply)
        return;
    }
    // Last question: store the whole draft at once, or nothing.
    std::string message = text_->tr(form_->thanks.c_str());
    try {
        auto r = feedback::submit_feedback(*db_, data_->site.id, *form_, v.feedback, now, limiter_,
                                           static_cast<int64_t>(frame_ms_));
        if (!r.stored && r.admission != feedback::Admission::Empty)
            log_line(std::string("feedback not stored: ") + feedback::to_string(r.admission));
    } catch (const std::exception& e) {
        log_line(std::string("feedback could not be stored: ") + e.what());
        message = text_->tr("Sorry, your answers could not be saved. Please ask the staff.");
    }
    for (auto& [k, a] : v.feedback.answers) wipe(a);
    v.feedback.clear();
    v.feedback_message = message;
    v.back.clear();
    v.screen = ScreenId::FeedbackThanks;
}

}  // namespace indgang::kiosk
