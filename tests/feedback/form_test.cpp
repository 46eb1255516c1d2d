#include "core/feedback/form.hpp"
#include "core/feedback/form_strings.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <stdexcept>

using namespace indgang::feedback;

namespace {
// A minimal valid form to vary in the failure cases.
std::string form_json(const std::string& question) {
    return R"({"format":1,"id":"t","version":2,"title":"T","thanks":"Thanks","decline_label":"Rather not say",
      "scale":[{"value":"1","label":"a"},{"value":"2","label":"b"},{"value":"3","label":"c"},
               {"value":"4","label":"d"},{"value":"5","label":"e"}],
      "questions":[)" + question + "]}";
}
}  // namespace

TEST_CASE("the default form asks the paper form's questions, all skippable") {
    const Form f = load_default_form();
    CHECK(f.id == "conversation");
    CHECK(f.version == 1);
    REQUIRE(f.questions.size() == 6);
    CHECK(f.questions[0].key == "service");
    CHECK(f.questions[0].kind == QuestionKind::Choice);
    std::vector<std::string> keys;
    for (const auto& c : f.questions[0].choices) keys.push_back(c.key);
    CHECK(keys == std::vector<std::string>{"jobcentre", "social", "benefits", "substance", "skp", "other"});
    for (const char* k : {"safe", "relevant", "place", "again"}) {
        REQUIRE(f.find(k));
        CHECK(f.find(k)->kind == QuestionKind::Scale);
        CHECK(f.answer_keys(*f.find(k)) == std::vector<std::string>{"1", "2", "3", "4", "5", "declined"});
    }
    CHECK(f.scale.front().label == "Very low degree");
    CHECK(f.scale.back().label == "Very high degree");
    CHECK(f.decline_label == "Rather not say");
    CHECK(f.answer_label(*f.find("safe"), "declined") == "Rather not say");
    CHECK(f.answer_label(*f.find("service"), "skp") == "Support and contact person");
}

TEST_CASE("the free-text question is shown only when free text is on") {
    const Form f = load_default_form();
    CHECK(f.visible_questions(false).size() == 5);
    const auto on = f.visible_questions(true);
    REQUIRE(on.size() == 6);
    CHECK(on.back()->kind == QuestionKind::Text);
    CHECK(f.answer_keys(*on.back()).empty());
}

TEST_CASE("every form string is marked for the catalogs") {
    const auto& marked = default_form_strings();
    for (const auto& id : form_msgids(load_default_form())) {
        INFO(id);
        CHECK(std::find(marked.begin(), marked.end(), id) != marked.end());
    }
}

TEST_CASE("a broken form is refused with a message naming the problem") {
    CHECK_NOTHROW(parse_form(form_json(R"({"key":"a","kind":"scale","text":"Q"})")));
    auto message = [](const std::string& json) {
        try {
            parse_form(json, "x.json");
        } catch (const std::runtime_error& e) {
            return std::string(e.what());
        }
        return std::string("accepted");
    };
    CHECK(message("{nope").find("x.json: not valid JSON") == 0);
    CHECK(message(form_json(R"({"key":"a","kind":"scale","text":"Q","optional":false})"))
              .find("must be optional") != std::string::npos);
    CHECK(message(form_json(R"({"key":"a","kind":"scale","text":"Q"},{"key":"a","kind":"scale","text":"R"})"))
              .find("duplicate key") != std::string::npos);
    CHECK(message(form_json(R"({"key":"a","kind":"choice","text":"Q","choices":[{"key":"x","label":"X"}]})"))
              .find("at least two choices") != std::string::npos);
    CHECK(message(form_json(R"({"key":"a","kind":"choice","text":"Q","choices":[{"key":"declined","label":"X"},{"key":"y","label":"Y"}]})"))
              .find("bad choice key") != std::string::npos);
    CHECK(message(form_json(R"({"key":"A B","kind":"scale","text":"Q"})")).find("lower-case") != std::string::npos);
    CHECK(message(form_json(R"({"key":"a","kind":"slider","text":"Q"})")).find("kind must be") != std::string::npos);
    std::string bad_scale = form_json(R"({"key":"a","kind":"scale","text":"Q"})");
    bad_scale.replace(bad_scale.find("\"value\":\"3\""), 11, "\"value\":\"9\"");
    CHECK(message(bad_scale).find("\"1\" to \"5\"") != std::string::npos);
    CHECK(message("[]").find("JSON object") != std::string::npos);
    CHECK_THROWS_WITH_AS(load_form("/nonexistent/form.json"), doctest::Contains("cannot open"), std::runtime_error);
}
