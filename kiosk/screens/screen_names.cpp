// Screen names as scripts and logs spell them.
#include "screens/screens.hpp"

namespace indgang::kiosk {

const char* screen_name(ScreenId s) {
    switch (s) {
    case ScreenId::Welcome: return "welcome";
    case ScreenId::Home: return "home";
    case ScreenId::BookService: return "book-service";
    case ScreenId::BookDay: return "book-day";
    case ScreenId::BookTime: return "book-time";
    case ScreenId::BookNickname: return "book-nickname";
    case ScreenId::BookConfirm: return "book-confirm";
    case ScreenId::Receipt: return "receipt";
    case ScreenId::CheckIn: return "checkin";
    case ScreenId::CheckInResult: return "checkin-result";
    case ScreenId::WalkInService: return "walkin-service";
    case ScreenId::WalkInTicket: return "walkin-ticket";
    case ScreenId::FeedbackQuestion: return "feedback-question";
    case ScreenId::FeedbackThanks: return "feedback-thanks";
    case ScreenId::OutOfOrder: return "out-of-order";
    case ScreenId::Paused: return "paused";
    case ScreenId::StaffPin: return "staff-pin";
    case ScreenId::Staff: return "staff";
    case ScreenId::Closed: return "closed";
    case ScreenId::StaffCancel: return "staff-cancel";
    case ScreenId::StaffWindow: return "staff-window";
    case ScreenId::FeedbackComment: return "feedback-comment";
    }
    return "?";
}

}  // namespace indgang::kiosk
