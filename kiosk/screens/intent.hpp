// What a screen asks for. Screens never touch the database or the visitor's state: they return
// one of these and the app applies it.
#pragma once

#include "core/domain/model.hpp"

#include <string>

namespace indgang::kiosk {

enum class Act {
    None,
    Back, Home, StillHere,
    SetLanguage,                 // text = language code
    GoBook, GoCheckIn, GoWalkIn, GoFeedback,
    PagePrev, PageNext,          // lists longer than one screen
    PickService,                 // id = service id
    PickDay,                     // id = index into the day list
    PickSlot,                    // id = index into the slot list
    KeyText, KeyBackspace, KeySpace, KeyShift, KeyClear,   // on-screen keyboard and keypad
    NicknameDone, NicknameSkip,
    ConfirmBooking, Done,
    SubmitCode, TryAgain,
    TakeNumber,                  // id = service id
    PinSubmit,
    StaffMarkSeen, StaffMarkNoShow,   // id = booking id
    StaffWalkInSeen, StaffWalkInLeft, // id = ticket id
    StaffPause, StaffResume, StaffQuit, StaffClose,
    FeedbackAnswer,              // text = answer ("1".."5" or "declined")
    FeedbackSkip, FeedbackSubmit,
    ReadAloud,                   // the speaker button: read this screen, or stop
    Print,                       // a slip of this screen (kiosk/print)
    // Staff mode's daily work (issue 13) and the feedback comment (issue 11):
    StaffUndo,                   // id = booking id: the last status change back
    StaffWalkInUndo,             // id = ticket id: back to waiting
    StaffCallNext,               // id = ticket id: the first waiting is called (seen)
    StaffGoCancel,               // to "cancel today" (a caseworker called in sick)
    StaffCancelPick, StaffCancelConfirm,   // id = session id
    StaffWindow,                 // open the full staff window (indgang-admin) on top
    CommentDone, CommentSkip,    // the feedback form's "anything else?"
};

struct Intent {
    Act act = Act::None;
    Id id = 0;
    std::string text;
};

}  // namespace indgang::kiosk
