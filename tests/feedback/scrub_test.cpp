#include "core/feedback/scrub.hpp"

#include <doctest/doctest.h>

using namespace indgang::feedback;

TEST_CASE("CPR numbers are removed with and without the dash") {
    auto r = scrub_free_text("Mit cpr er 010190-1234, ring ikke.");
    CHECK(r.text == "Mit cpr er [CPR-nr. fjernet], ring ikke.");
    CHECK(r.cpr == 1);
    r = scrub_free_text("cpr 0101901234");
    CHECK(r.text == "cpr [CPR-nr. fjernet]");
    CHECK(r.cpr == 1);
    r = scrub_free_text("3112851234 og 150372 4321");
    CHECK(r.text == "[CPR-nr. fjernet] og [CPR-nr. fjernet]");
    CHECK(r.cpr == 2);
}

TEST_CASE("Danish phone numbers in every usual spelling are removed") {
    for (const char* phone : {"12345678", "12 34 56 78", "1234 5678", "+45 12345678", "+4512345678",
                              "+45 12 34 56 78", "0045 12 34 56 78", "12-34-56-78", "45 12 34 56 78"}) {
        INFO(phone);
        const auto r = scrub_free_text(std::string("ring på ") + phone + " i morgen");
        CHECK(r.text == "ring på [tlf.nr. fjernet] i morgen");
        CHECK(r.phone == 1);
        CHECK(r.cpr == 0);
    }
    CHECK(scrub_free_text("+46 70 123 45 67").phone == 1);   // a Swedish mobile, too
}

TEST_CASE("e-mail addresses are removed, the sentence around them kept") {
    auto r = scrub_free_text("Skriv til jens.hansen+x@post.example.dk.");
    CHECK(r.text == "Skriv til [e-mail fjernet].");
    CHECK(r.email == 1);
    r = scrub_free_text("a@b.dk og søren@københavn.dk");
    CHECK(r.text == "[e-mail fjernet] og [e-mail fjernet]");
    CHECK(r.email == 2);
    // An @ that is not an address stays.
    CHECK(scrub_free_text("vi mødes @ caféen").text == "vi mødes @ caféen");
    CHECK(scrub_free_text("hej@").email == 0);
}

TEST_CASE("digits in other scripts are digits too") {
    // Arabic-Indic digits: ١٢٣٤٥٦٧٨ (a phone number written on an Arabic keyboard)
    const auto r = scrub_free_text("رقمي \u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668");
    CHECK(r.phone == 1);
    CHECK(r.text == "رقمي [tlf.nr. fjernet]");
    // Persian digits: CPR ۰۱۰۱۹۰-۱۲۳۴
    CHECK(scrub_free_text("\u06f0\u06f1\u06f0\u06f1\u06f9\u06f0-\u06f1\u06f2\u06f3\u06f4").cpr == 1);
}

TEST_CASE("ordinary text and short numbers are left alone") {
    const char* fine = "Jeg ventede 20 minutter, kl. 10.30, og fik 2 breve fra 2026. Tak!";
    const auto r = scrub_free_text(fine);
    CHECK(r.text == fine);
    CHECK_FALSE(r.changed());
    // Long numbers that are neither: removed anyway (an account number, a date).
    const auto other = scrub_free_text("konto 1234 5678901234 og 24.11.2026");
    CHECK(other.other_number + other.phone == 2);
    CHECK(other.text.find("1234") == std::string::npos);
    CHECK(other.text.find("2026") == std::string::npos);
}

TEST_CASE("the cleaned text is trimmed, cut and free of control characters") {
    CHECK(scrub_free_text("  hej  \n").text == "hej");
    CHECK(scrub_free_text("abcdef", 3).text == "abc");
    CHECK(scrub_free_text("ææææ", 2).text == "ææ");      // code points, not bytes
    CHECK(scrub_free_text("a\x01" "b").text == "a b");
    CHECK(scrub_free_text("bad \xff utf8").text == "bad \xEF\xBF\xBD utf8");
}
