// Removing what identifies a person from free text before it is stored: CPR numbers, phone
// numbers and e-mail addresses. Deliberately greedy — a lost date in a comment costs little, a
// stored CPR number costs a lot.
#pragma once

#include <string>
#include <string_view>

namespace indgang::feedback {

struct ScrubResult {
    std::string text;                  // the cleaned text, trimmed, cut to max_chars code points
    int cpr = 0;                       // how many of each were removed
    int phone = 0;
    int email = 0;
    int other_number = 0;              // any other run of 8+ digits (account numbers, dates)
    bool changed() const { return cpr + phone + email + other_number > 0; }
};

// Placeholders put where something was removed (Danish: the project lead reads them).
inline constexpr const char* kCprRemoved = "[CPR-nr. fjernet]";
inline constexpr const char* kPhoneRemoved = "[tlf.nr. fjernet]";
inline constexpr const char* kEmailRemoved = "[e-mail fjernet]";
inline constexpr const char* kNumberRemoved = "[tal fjernet]";

// Digits are any Unicode decimal digits (Arabic-Indic ٠١٢ and Persian ۰۱۲ too). A digit run may
// be split by spaces, '-', '.', '/' or '+'; a run holding 10 digits whose first six form a date
// (DDMMYY) is a CPR number, 8 digits (optionally after +45 / 0045) a phone number, any other run
// of 8 or more digits is removed as well. An e-mail is anything around an '@' whose right side
// contains a dot. Invalid UTF-8 is replaced by U+FFFD.
ScrubResult scrub_free_text(std::string_view text, int max_chars = 500);

}  // namespace indgang::feedback
