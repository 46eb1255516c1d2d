#include "core/feedback/form.hpp"

#include "core/install/data_dir.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

namespace indgang::feedback {

using nlohmann::json;

const Question* Form::find(std::string_view key) const {
    for (const auto& q : questions)
        if (q.key == key) return &q;
    return nullptr;
}

std::vector<const Question*> Form::visible_questions(bool free_text_enabled) const {
    std::vector<const Question*> out;
    for (const auto& q : questions)
        if (q.kind != QuestionKind::Text || free_text_enabled) out.push_back(&q);
    return out;
}

std::vector<std::string> Form::answer_keys(const Question& q) const {
    std::vector<std::string> keys;
    if (q.kind == QuestionKind::Scale)
        for (const auto& s : scale) keys.push_back(s.value);
    else if (q.kind == QuestionKind::Choice)
        for (const auto& c : q.choices) keys.push_back(c.key);
    else
        return keys;
    keys.push_back(kDeclined);
    return keys;
}

std::string Form::answer_label(const Question& q, std::string_view answer) const {
    if (answer == kDeclined) return decline_label;
    if (q.kind == QuestionKind::Scale)
        for (const auto& s : scale)
            if (s.value == answer) return s.label;
    for (const auto& c : q.choices)
        if (c.key == answer) return c.label;
    return std::string(answer);
}

namespace {

[[noreturn]] void fail(const std::string& source, const std::string& what) {
    throw std::runtime_error(source + ": " + what);
}

std::string need_string(const json& j, const char* field, const std::string& source,
                        const std::string& where) {
    if (!j.contains(field) || !j[field].is_string() || j[field].get<std::string>().empty())
        fail(source, where + ": \"" + field + "\" must be a non-empty string");
    return j[field].get<std::string>();
}

std::string opt_string(const json& j, const char* field) {
    return j.contains(field) && j[field].is_string() ? j[field].get<std::string>() : std::string();
}

// Keys are stored in the database and name CSV columns: keep them plain.
bool plain_key(const std::string& k) {
    if (k.empty() || k.size() > 32) return false;
    return std::all_of(k.begin(), k.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

}  // namespace

Form parse_form(std::string_view text, const std::string& source) {
    json j;
    try {
        j = json::parse(text);
    } catch (const json::parse_error& e) {
        fail(source, std::string("not valid JSON: ") + e.what());
    }
    if (!j.is_object()) fail(source, "the form must be a JSON object");
    if (j.value("format", 0) != 1) fail(source, "unknown \"format\" (this build reads format 1)");

    Form f;
    f.id = need_string(j, "id", source, "form");
    if (!plain_key(f.id)) fail(source, "form id must be lower-case letters, digits or _");
    if (!j.contains("version") || !j["version"].is_number_integer() || j["version"].get<int>() < 1)
        fail(source, "\"version\" must be a positive integer");
    f.version = j["version"].get<int>();
    f.title = need_string(j, "title", source, "form");
    f.intro = opt_string(j, "intro");
    f.thanks = need_string(j, "thanks", source, "form");
    f.decline_label = need_string(j, "decline_label", source, "form");

    if (!j.contains("scale") || !j["scale"].is_array() || j["scale"].size() != 5)
        fail(source, "\"scale\" must list exactly five steps");
    for (size_t i = 0; i < 5; ++i) {
        const auto& s = j["scale"][i];
        ScaleStep step{need_string(s, "value", source, "scale step"),
                       need_string(s, "label", source, "scale step"), opt_string(s, "face")};
        if (step.value != std::to_string(i + 1))
            fail(source, "scale values must be \"1\" to \"5\" in order");
        f.scale.push_back(std::move(step));
    }

    if (!j.contains("questions") || !j["questions"].is_array() || j["questions"].empty())
        fail(source, "\"questions\" must be a non-empty list");
    std::set<std::string> seen;
    for (const auto& qj : j["questions"]) {
        Question q;
        q.key = need_string(qj, "key", source, "question");
        const std::string where = "question \"" + q.key + "\"";
        if (!plain_key(q.key)) fail(source, where + ": key must be lower-case letters, digits or _");
        if (!seen.insert(q.key).second) fail(source, where + ": duplicate key");
        // The paper form let people leave anything blank; so does this one, always.
        if (!qj.value("optional", true)) fail(source, where + ": every question must be optional");
        q.text = need_string(qj, "text", source, where);
        const std::string kind = need_string(qj, "kind", source, where);
        if (kind == "scale") {
            q.kind = QuestionKind::Scale;
        } else if (kind == "choice") {
            q.kind = QuestionKind::Choice;
            if (!qj.contains("choices") || !qj["choices"].is_array() || qj["choices"].size() < 2)
                fail(source, where + ": a choice question needs at least two choices");
            std::set<std::string> keys;
            for (const auto& cj : qj["choices"]) {
                Choice c{need_string(cj, "key", source, where), need_string(cj, "label", source, where),
                         opt_string(cj, "icon")};
                if (!plain_key(c.key) || c.key == kDeclined)
                    fail(source, where + ": bad choice key \"" + c.key + "\"");
                if (!keys.insert(c.key).second) fail(source, where + ": duplicate choice " + c.key);
                q.choices.push_back(std::move(c));
            }
        } else if (kind == "text") {
            q.kind = QuestionKind::Text;
            // Free text can carry names and numbers: it only ever appears behind the switch.
            q.needs_free_text = true;
            q.max_chars = qj.value("max_chars", 500);
            if (q.max_chars < 1 || q.max_chars > 2000) fail(source, where + ": max_chars 1–2000");
        } else {
            fail(source, where + ": kind must be scale, choice or text");
        }
        f.questions.push_back(std::move(q));
    }
    if (std::count_if(f.questions.begin(), f.questions.end(),
                      [](const Question& q) { return q.kind == QuestionKind::Text; }) > 1)
        fail(source, "at most one text question");
    return f;
}

Form load_form(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot open the feedback form");
    std::ostringstream ss;
    ss << in.rdbuf();
    return parse_form(ss.str(), path);
}

std::string default_form_path() { return install::assets_dir() + "/forms/conversation.json"; }

Form load_default_form() { return load_form(default_form_path()); }

std::vector<std::string> form_msgids(const Form& f) {
    std::set<std::string> ids{f.title, f.thanks, f.decline_label};
    if (!f.intro.empty()) ids.insert(f.intro);
    for (const auto& s : f.scale) ids.insert(s.label);
    for (const auto& q : f.questions) {
        ids.insert(q.text);
        for (const auto& c : q.choices) ids.insert(c.label);
    }
    return {ids.begin(), ids.end()};
}

}  // namespace indgang::feedback
