// What the visitor has answered so far, held by the kiosk in memory only. Nothing reaches the
// database until submit_feedback() takes the whole draft; the idle reset simply drops it.
#pragma once

#include "core/feedback/form.hpp"

#include <map>
#include <string>
#include <string_view>

namespace indgang::feedback {

struct Draft {
    std::map<std::string, std::string> answers;   // question key → "1".."5" | "declined" | choice
    std::string free_text;                        // raw; scrubbed when submitted

    void answer(std::string_view question, std::string_view value) {
        answers[std::string(question)] = std::string(value);
    }
    void decline(std::string_view question) { answer(question, kDeclined); }   // "Rather not say"
    void skip(std::string_view question) { answers.erase(std::string(question)); }
    const std::string* find(std::string_view question) const {
        auto it = answers.find(std::string(question));
        return it == answers.end() ? nullptr : &it->second;
    }
    bool empty() const { return answers.empty() && free_text.find_first_not_of(" \t\r\n") == std::string::npos; }
    void clear() { answers.clear(); free_text.clear(); }
};

// Empty when every answer fits the form; otherwise a plain-language reason naming the question.
std::string check_draft(const Form& form, const Draft& draft);

}  // namespace indgang::feedback
