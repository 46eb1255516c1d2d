// [SECTION] Setup and database health
// [SECTION] Idle timer and polling
// [SECTION] Drawing and intents: which flow has the screen
// [SECTION] Read-aloud
// The flows themselves (their models and rules) are one file each: app/flow_<flow>.cpp.
#include "app/kiosk_app.hpp"
#include "app/kiosk_log.hpp"
#include "app/scrub.hpp"

#include "core/db/store.hpp"
#include "core/db/upgrade.hpp"
#include "core/domain/demo_data.hpp"
#include "core/domain/housekeeping.hpp"
#include "core/text/speech.hpp"
#include "ui/widgets.hpp"

#include <sodium.h>

#include <algorithm>
#include <utility>
#include <filesystem>

namespace indgang::kiosk {

namespace {

constexpr int kPollMs = 1000;          // PRAGMA data_version is cheap; admin edits show within ~1 s
constexpr Instant kHousekeepingSeconds = 3600;
constexpr int kRetryMs = 10000;        // a broken database is retried this often

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
    audio_.set_setting(data_->audio_mode);
    if (opts_.idle_seconds > 0) data_->idle_seconds = opts_.idle_seconds;
    ++generation_;
    if (!data_->paused && visitor_.screen == ScreenId::Paused) reset_visitor();
    if (data_->paused && !visitor_.staff.unlocked && visitor_.screen != ScreenId::Paused &&
        visitor_.screen != ScreenId::StaffPin) {
        reset_visitor();
        visitor_.screen = ScreenId::Paused;
    }
    booking_recheck();
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
    const bool paused = data_ && data_->paused;
    // The next visitor must not hear the previous one's screen.
    if (speech_) speech_->stop();
    if (print_) print_->new_visitor();
    spoken_page_.clear();
    prompt_spoken_left_ = -1;
    audio_.reset();   // audio mode, its volume and the hidden screen end with the visitor
    scrub(visitor_);
    Visitor& v = visitor_;
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
    const AudioMode audio = audio_;   // a new task, the same visitor: audio mode stays as it is
    reset_visitor();
    audio_ = audio;
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
    if (speech_->current_id(ms) != reading_id_) redraw = true;   // the highlight moves to the next widget
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
    if (staff_tick(ms, now)) redraw = true;
    // Idle: Welcome in the default language and the paused/out-of-order screens have nothing
    // to protect; everything else gets the prompt, then a reset.
    const ScreenId s = visitor_.screen;
    const bool resting = (s == ScreenId::Welcome && visitor_.back.empty() && data_ &&
                          visitor_.language == (opts_.language.empty() ? data_->default_language : opts_.language)) ||
                         s == ScreenId::Paused || s == ScreenId::OutOfOrder || s == ScreenId::Closed ||
                         s == ScreenId::StaffWindow;   // the staff window has the screen meanwhile
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
    if (prompt_ || visitor_.staff.pin_locked_until) next = std::min<uint64_t>(next, ms + 250);
    // The staff window's exit and the printer's answer in staff mode are noticed within 250 ms.
    if ((staff_window_ && staff_window_->running()) || visitor_.screen == ScreenId::Staff)
        next = std::min<uint64_t>(next, ms + 250);
    if (speech_->active()) next = std::min<uint64_t>(next, ms + 100);   // notice the end of playback
    if (print_ && print_->printing()) next = std::min<uint64_t>(next, ms + 250);   // show "take your slip"
    if (data_ && !prompt_) {
        const uint64_t due = last_input_ms_ + static_cast<uint64_t>(data_->idle_seconds) * 1000;
        if (due > ms) next = std::min(next, due);
    }
    return next > ms ? static_cast<int>(std::min<uint64_t>(next - ms, 60000)) : 0;
}

// [SECTION] Drawing and intents: which flow has the screen ----------------------------------

const Service* KioskApp::service(Id id) const {
    if (!data_) return nullptr;
    for (const auto& s : data_->services)
        if (s.id == id) return &s;
    return nullptr;
}

std::string KioskApp::place_line() const {
    if (!data_) return "";
    return data_->site.name + (data_->site.address.empty() ? "" : ", " + data_->site.address);
}

void KioskApp::frame(Ui& ui, const FrameInput& in) {
    frame_ms_ = in.ms;
    if (in.input) {
        last_input_ms_ = in.ms;
    }
    if (in.staff_gesture && db_ && visitor_.screen != ScreenId::StaffWindow) {
        // Staff gesture from any screen: the visitor's state is dropped first.
        reset_visitor();
        go(ScreenId::StaffPin, false);
        visitor_.back = {data_ && data_->paused ? ScreenId::Paused : ScreenId::Welcome};
        last_input_ms_ = in.ms;
    }
    ui.m.rtl = text_->rtl();
    if (!in.keys.empty()) last_input_ms_ = in.ms;   // a key is a visitor too (audio mode)
    ui.activate = std::exchange(audio_activate_, {});
    const bool by_key = !ui.activate.empty();
    tap_guard_.frame(page_key(), in.ms, in.pointer_down);
    Intent intent = draw_screen(ui, in.now);
    if (!tap_guard_.accept() && !by_key) intent = {};   // the tap was aimed at the previous page
    // The dimmed closed screen stays dark: its speaker button comes back with the first touch.
    if (!prompt_ && !(visitor_.screen == ScreenId::Closed && closed_dim_drawn_)) read_aloud_frame(ui);
    if (prompt_) {
        // The screen underneath stays visible but cannot be used until the visitor answers.
        intent = draw_idle_prompt(ui, prompt_left_);
        speak_idle_prompt(ui);
        audio_mode_frame(ui, in);
        if (!tap_guard_.accept() && !by_key) intent = {};
        if (intent.act == Act::StillHere) {
            speech_->stop();
            prompt_spoken_left_ = -1;
            prompt_ = false;
            last_input_ms_ = in.ms;
        }
        return;
    }
    audio_mode_frame(ui, in);
    if (intent.act != Act::None) apply(intent, in.now);
}

Intent KioskApp::draw_screen(Ui& ui, Instant now) {
    switch (visitor_.screen) {
    case ScreenId::OutOfOrder: {
        std::string since;
        if (failed_at_) since = text_->time(failed_at_, "Europe/Copenhagen");
        return draw_out_of_order(ui, since);
    }
    case ScreenId::Welcome: return draw_welcome_screen(ui);
    case ScreenId::Home: return draw_home_screen(ui, now);
    case ScreenId::Paused: return draw_paused(ui);
    case ScreenId::StaffPin:
    case ScreenId::Staff:
    case ScreenId::StaffCancel:
    case ScreenId::StaffWindow: return draw_staff_flow(ui, now);
    case ScreenId::FeedbackThanks: return draw_feedback(ui);
    default: break;
    }
    // The rest show live data: without it, the kiosk is out of order.
    if (!data_) return draw_out_of_order(ui, "");
    switch (visitor_.screen) {
    case ScreenId::Closed: return draw_closed_screen(ui, now);
    case ScreenId::BookService:
    case ScreenId::BookDay:
    case ScreenId::BookTime:
    case ScreenId::BookNickname:
    case ScreenId::BookConfirm:
    case ScreenId::Receipt: return draw_booking(ui, now);
    case ScreenId::CheckIn:
    case ScreenId::CheckInResult: return draw_check_in_flow(ui);
    case ScreenId::WalkInService:
    case ScreenId::WalkInTicket: return draw_walkin(ui, now);
    case ScreenId::FeedbackQuestion:
    case ScreenId::FeedbackComment: return draw_feedback(ui);
    default: return {};
    }
}

void KioskApp::apply(const Intent& in, Instant now) {
    Visitor& v = visitor_;
    switch (in.act) {
    case Act::None: return;
    case Act::Print: apply_print(); return;
    case Act::Back:
        if (v.screen == ScreenId::BookTime) v.booking.notice.clear();
        if (v.screen == ScreenId::CheckInResult) {
            scrub(v.check_in);
            v.screen = ScreenId::CheckIn;
            return;
        }
        if (v.screen == ScreenId::StaffPin) scrub(v.staff.pin);
        if (v.screen == ScreenId::StaffCancel) {   // staff mode's list again; the pick is dropped
            v.staff.cancel_pick = 0;
            v.staff.cancelled = false;
            v.staff.to_tell.clear();
        }
        if ((v.screen == ScreenId::FeedbackQuestion || v.screen == ScreenId::FeedbackComment) && v.feedback.index > 0) {
            --v.feedback.index;
            v.screen = feedback_screen_at(v.feedback.index);
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
    case Act::GoCheckIn: scrub(v.check_in); go(ScreenId::CheckIn); return;
    case Act::GoWalkIn: go(ScreenId::WalkInService); return;
    case Act::GoFeedback:
    case Act::FeedbackAnswer:
    case Act::FeedbackSkip:
    case Act::FeedbackSubmit:
    case Act::CommentDone:
    case Act::CommentSkip: apply_feedback(in, now); return;
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
    case ScreenId::BookConfirm: apply_booking(in, now); return;
    case ScreenId::WalkInService: apply_walkin(in, now); return;
    case ScreenId::CheckIn:
    case ScreenId::CheckInResult: apply_check_in(in, now); return;
    case ScreenId::FeedbackComment: apply_feedback(in, now); return;
    case ScreenId::StaffPin:
    case ScreenId::Staff:
    case ScreenId::StaffCancel:
    case ScreenId::StaffWindow: apply_staff(in, now); return;
    default: return;
    }
}

// [SECTION] Read-aloud ---------------------------------------------------------------------------

std::string KioskApp::page_key() const {
    return std::string(screen_name(visitor_.screen)) + "/" + std::to_string(visitor_.feedback.index) + "/" +
           visitor_.language + (prompt_ ? "/prompt" : "");
}

bool KioskApp::read_aloud_offered() {
    switch (visitor_.screen) {
    case ScreenId::StaffPin:
    case ScreenId::Staff:
    case ScreenId::StaffCancel:
    case ScreenId::StaffWindow: return false;   // staff read for themselves
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
    const bool tapped = draw_read_aloud_button(ui, speech_->active()).act == Act::ReadAloud && tap_guard_.accept();
    reading_id_ = speech_->current_id(frame_ms_);
    if (focus_ring(ui, reading_id_)) ui.reg->set_reading(reading_id_);   // highlighted while it is read
    if (!tapped) return;
    if (speech_->active()) {
        speech_->stop();
        return;
    }
    std::vector<ReadAloudPiece> pieces;
    for (const auto& e : ui.reg->entries()) pieces.push_back({e.id, e.label});
    const auto* l = text_->find_language(visitor_.language);
    // One part per widget, times as words in the voice's language; Welcome's language names each
    // in their own voice (audio/read_aloud.cpp).
    speech_->speak(read_aloud_parts(pieces, *l, text_->languages()), volume_);
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

}  // namespace indgang::kiosk
