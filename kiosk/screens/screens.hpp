// Every visitor and staff screen: a model struct in, an intent out. One .cpp per screen.
// Models hold display-ready text (already translated and formatted by the app).
#pragma once

#include "screens/intent.hpp"
#include "ui/icons.hpp"
#include "ui/ui_context.hpp"

#include <string>
#include <vector>

namespace indgang::text { struct KeyboardLayout; }

namespace indgang::kiosk {

enum class ScreenId {
    Welcome, Home,
    BookService, BookDay, BookTime, BookNickname, BookConfirm, Receipt,
    CheckIn, CheckInResult,
    WalkInService, WalkInTicket,
    FeedbackQuestion, FeedbackThanks,
    OutOfOrder, Paused, StaffPin, Staff,
    Closed,                              // outside the site's opening hours
    StaffCancel, StaffWindow,            // staff mode: cancel today; the staff window is open
    FeedbackComment,                     // the form's "anything else?" on the keyboard
};
const char* screen_name(ScreenId s);   // "home", "book-time", … (used by scripts)

struct LanguageChoice {
    std::string code;
    std::string native_name;
};
struct WelcomeModel {
    std::string site_name;
    std::vector<LanguageChoice> languages;
    std::string current;
};
Intent draw_welcome(Ui& ui, const WelcomeModel& m);

struct TodayRow {
    std::string service;
    std::string caseworker;
    std::string hours;           // "10:00–12:00"
    Icon icon = Icon::Person;
    bool here_now = false;
};
struct HomeModel {
    std::string site_name;
    std::string date_line;       // "Tuesday 24 November, 10:42"
    std::vector<TodayRow> today;
    bool feedback_enabled = true;
    bool walkin_open = true;     // a caseworker is still to come or here now today
    std::string walkin_note;     // otherwise why not: "Nobody today" / "Nobody any more today"
};
Intent draw_home(Ui& ui, const HomeModel& m);

struct ServiceChoice {
    Id id = 0;
    std::string name;
    std::string description;
    Icon icon = Icon::Person;
    bool available = true;
    std::string note;            // why it is unavailable
};
struct ServiceListModel {
    std::string title;
    std::vector<ServiceChoice> services;
    std::string empty_text;      // when the list is empty
    bool walk_in = false;        // ids and wording for the walk-in flow
};
Intent draw_service_list(Ui& ui, const ServiceListModel& m);

struct DayChoice {
    std::string id;              // "day_2026-11-24": stable for scripts in every language
    std::string label;           // "Tuesday 24 November"
    std::string sublabel;        // "3 free times"
};
struct BookDayModel {
    std::string service;
    std::vector<DayChoice> days;
    int page = 0;
};
Intent draw_book_day(Ui& ui, const BookDayModel& m);

struct TimeChoice {
    std::string id;              // "time_1040"
    std::string time;            // "10:20"
    std::string caseworker;
};
struct BookTimeModel {
    std::string service;
    std::string day;
    std::vector<TimeChoice> times;
    std::string notice;          // "that time was just taken"
    int page = 0;
};
Intent draw_book_time(Ui& ui, const BookTimeModel& m);

struct NicknameModel {
    std::string nickname;        // logical order
    const text::KeyboardLayout* layout = nullptr;
    bool shift = false;
};
Intent draw_book_nickname(Ui& ui, const NicknameModel& m);

struct ConfirmModel {
    std::string service, day, time, caseworker, nickname, place;
    Icon icon = Icon::Person;
    std::string error;           // a problem saving, shown above the button
};
Intent draw_book_confirm(Ui& ui, const ConfirmModel& m);

// What a slip-bearing screen shows about printing (screens/print_button.cpp).
struct PrintOffer {
    bool can_print = false;      // a printer is set (printer.device)
    bool busy = false;           // a slip is on its way: the button waits
    std::string status;          // "Please take your slip from the printer." / "The printer is empty…"
};
void print_band(Ui& ui, Rect& area, const PrintOffer& p, Intent& out);

struct ReceiptModel {
    std::string code, service, day, time, caseworker, place, nickname;
    PrintOffer print;
};
Intent draw_receipt(Ui& ui, const ReceiptModel& m);

struct CheckInModel {
    std::string code;            // digits typed so far
    int length = 5;
};
Intent draw_check_in(Ui& ui, const CheckInModel& m);

struct CheckInResultModel {
    bool ok = false;
    std::string title;           // "You are checked in"
    std::string detail;          // "2 people before you" / why not
    std::string proof;           // "Checked in Tuesday 24 November 2026 at 10:42"
    std::string appointment;     // "Jobcentre with Mette at 11:00"
    std::string place;           // "Værestedet Kilden, Kildevej 12, 5000 Odense C" (with the proof)
    std::string code;
    bool can_retry = false;
    bool can_book = false;       // the centre cancelled the time: offer a new one
    PrintOffer print;            // the proof of arrival (ok only)
};
Intent draw_check_in_result(Ui& ui, const CheckInResultModel& m);

struct WalkInTicketModel {
    std::string label, service, ahead, day;
    PrintOffer print;
};
Intent draw_walkin_ticket(Ui& ui, const WalkInTicketModel& m);

struct FeedbackOption {
    std::string value;           // stored answer: "1".."5" or a choice key
    std::string label;           // translated
    Icon icon = Icon::None;
};
struct FeedbackQuestionModel {
    std::string title;           // the form's title
    std::string intro;           // shown above the first question only
    std::string question;
    int index = 0, count = 0;
    bool scale = true;           // five faces in a row; otherwise a list of choices
    std::vector<FeedbackOption> options;
    std::string decline_label;   // "Rather not say"
    std::string selected;        // answer chosen on an earlier visit to this question
};
Intent draw_feedback_question(Ui& ui, const FeedbackQuestionModel& m);
Intent draw_feedback_thanks(Ui& ui, const std::string& message);

Intent draw_out_of_order(Ui& ui, const std::string& since);
Intent draw_paused(Ui& ui);

struct ClosedModel {
    std::string site_name;
    std::string reopens;         // "Open again tomorrow at 09:00"; "" when no opening is ahead
    bool dimmed = false;         // nobody touched it for a while: dark, quiet
};
Intent draw_closed(Ui& ui, const ClosedModel& m);

struct StaffPinModel {
    int digits = 0;
    std::string message;         // wrong PIN, locked until …
    bool locked = false;
};
Intent draw_staff_pin(Ui& ui, const StaffPinModel& m);

struct StaffRow {
    Id id = 0;
    bool walk_in = false;
    std::string time, who, what, status;
    bool can_seen = false, can_no_show = false, can_undo = false;
};
struct StaffModel {
    std::string date_line;
    std::vector<StaffRow> rows;
    bool paused = false;
    std::string message;
    std::string printer;         // "Printer: ready" / "Printer: out of paper" / …
    bool printer_ok = true;      // otherwise the line is drawn as a warning
    Id call_next_id = 0;         // the first waiting walk-in (0: nobody waits)
    std::string call_next;       // "Call the next: A-03"
    int page = 0;
};
Intent draw_staff(Ui& ui, const StaffModel& m);

struct StaffSessionRow {
    Id id = 0;
    std::string time, what;      // "10.00–12.00", "Jobcentre / Mette"
    bool cancelled = false;      // already cancelled today
};
struct StaffCancelModel {
    std::vector<StaffSessionRow> sessions;
    Id confirm_id = 0;           // picked: ask before cancelling
    std::string confirm;         // "Cancel Mette today, 10.00–12.00? 3 visitors are booked."
    bool done = false;           // cancelled: show whom to tell
    std::vector<std::string> tell;   // "10.20  Ali  code 48213"
    std::string message;
};
Intent draw_staff_cancel(Ui& ui, const StaffCancelModel& m);

// The staff window (indgang-admin) runs on top; the kiosk waits and touches nothing.
Intent draw_staff_window_open(Ui& ui);

struct CommentModel {
    std::string title;           // the form's title
    std::string question;        // "Anything else you want to tell us?"
    std::string text;            // logical order
    const text::KeyboardLayout* layout = nullptr;
    bool shift = false;
    int index = 0, count = 0;
};
Intent draw_feedback_comment(Ui& ui, const CommentModel& m);

// The read-aloud button, drawn by the app over every visitor screen (when the language has a
// voice). `playing`: reading now, a tap stops.
Rect read_aloud_rect(const Ui& ui);
Intent draw_read_aloud_button(Ui& ui, bool playing);

// The idle prompt drawn over any screen.
Intent draw_idle_prompt(Ui& ui, int seconds_left);

}  // namespace indgang::kiosk
