// The feedback form as data: questions, the 1–5 scale with its faces, and the choice lists, read
// from a versioned JSON file (assets/forms/). Texts are English msgids; the kiosk translates them
// through the PO catalogs with tr(), the same way as every other string.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace indgang::feedback {

// The stored answer for "Rather not say". Skipping a question stores nothing at all.
inline constexpr const char* kDeclined = "declined";

enum class QuestionKind { Scale, Choice, Text };

struct ScaleStep {
    std::string value;                 // "1".."5", as stored
    std::string label;                 // msgid: "Very low degree" … "Very high degree"
    std::string face;                  // icon name of the face drawn above the words
};

struct Choice {
    std::string key;                   // stored; matches a service key where there is one
    std::string label;                 // msgid
    std::string icon;
};

struct Question {
    std::string key;                   // stable across form versions; reports group by it
    QuestionKind kind = QuestionKind::Scale;
    std::string text;                  // msgid
    std::vector<Choice> choices;       // Choice questions only
    bool needs_free_text = false;      // Text questions: shown only when free text is enabled
    int max_chars = 500;               // Text questions: longer input is cut (code points)
};

struct Form {
    std::string id;                    // "conversation"
    int version = 0;                   // bump whenever a question's meaning changes
    std::string title;                 // msgids from here on
    std::string intro;
    std::string thanks;
    std::string decline_label;         // "Rather not say"
    std::vector<ScaleStep> scale;      // exactly five steps, values "1".."5"
    std::vector<Question> questions;   // in the order the kiosk asks them

    const Question* find(std::string_view key) const;
    // The questions the kiosk shows: Text questions only when free text is switched on.
    std::vector<const Question*> visible_questions(bool free_text_enabled) const;
    // Every answer key a question accepts, in display order, "declined" last. Empty for Text.
    std::vector<std::string> answer_keys(const Question& q) const;
    // The msgid of an answer key ("3" → "Some degree", "jobcentre" → "Jobcentre").
    std::string answer_label(const Question& q, std::string_view answer) const;
};

// Parses and checks a form. Throws std::runtime_error naming `source` and the problem: bad JSON,
// a missing field, duplicate keys, a scale that is not 1–5, or a question marked as required
// (every question must be skippable — the visitor owes us nothing).
Form parse_form(std::string_view json, const std::string& source = "form");
Form load_form(const std::string& path);

// assets/forms/conversation.json in the data dir (core/install/data_dir.hpp).
std::string default_form_path();
Form load_default_form();

// Every translatable string of the form, sorted and unique: the i18n catalog check uses it.
std::vector<std::string> form_msgids(const Form& form);

}  // namespace indgang::feedback
