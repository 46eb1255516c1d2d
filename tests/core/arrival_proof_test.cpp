// The check-in proof's verification code: it confirms one arrival at one minute and nothing else.
#include "world.hpp"

#include "core/domain/arrival_proof.hpp"

using namespace world;

TEST_CASE("arrival proof: the code verifies the minute of check-in, and only that") {
    World w;
    const Id s = w.weekly(w.jobcentre, 2, hm(10, 0), hm(12, 0));
    const Date tue = ymd(2026, 5, 5);
    const Booking a = book(*w.db, {s, tue, hm(10, 20)}, "Bo", may(4, 9, 0));
    const Booking b = book(*w.db, {s, tue, hm(10, 40)}, "", may(4, 9, 0));
    const Instant arrived = may(5, 10, 12, 34);
    check_in(*w.db, w.site, a.code, arrived);
    check_in(*w.db, w.site, b.code, may(5, 10, 12, 50));   // same minute, another visitor

    const std::string code = arrival_code(*w.db, w.site, a.id, arrived);
    CAPTURE(code);
    REQUIRE(code.size() == 7);
    CHECK(code[3] == '-');
    // Same inputs, same code (the site key is made once and kept); seconds do not matter.
    CHECK(arrival_code(*w.db, w.site, a.id, may(5, 10, 12, 0)) == code);
    // Another visitor in the same minute gets another code.
    CHECK(arrival_code(*w.db, w.site, b.id, may(5, 10, 12, 50)) != code);

    const auto hit = verify_arrival(*w.db, w.site, code, tue, hm(10, 12));
    REQUIRE(hit.has_value());
    CHECK(hit->checked_in_at == may(5, 10, 12));
    // Read over the phone: lower case, no dash, spaces.
    std::string spoken;
    for (char c : code)
        if (c != '-') spoken += static_cast<char>(std::tolower(static_cast<unsigned char>(c))), spoken += ' ';
    CHECK(verify_arrival(*w.db, w.site, spoken, tue, hm(10, 12)).has_value());

    // The wrong minute, the wrong day, a changed character, junk: no.
    CHECK_FALSE(verify_arrival(*w.db, w.site, code, tue, hm(10, 13)).has_value());
    CHECK_FALSE(verify_arrival(*w.db, w.site, code, ymd(2026, 5, 12), hm(10, 12)).has_value());
    std::string changed = code;
    changed[0] = changed[0] == '2' ? '3' : '2';
    CHECK_FALSE(verify_arrival(*w.db, w.site, changed, tue, hm(10, 12)).has_value());
    CHECK_FALSE(verify_arrival(*w.db, w.site, "hello", tue, hm(10, 12)).has_value());
    CHECK(normalise_arrival_code("O0O-1IL") == "");      // look-alikes are not in the alphabet
}

TEST_CASE("arrival proof: a code from one site means nothing at another, and a fresh key differs") {
    World w;
    Site other;
    other.name = "Andethuset";
    const Id site2 = add_site(*w.db, other);
    const Id s = w.weekly(w.jobcentre, 2, hm(10, 0), hm(12, 0));
    const Date tue = ymd(2026, 5, 5);
    const Booking a = book(*w.db, {s, tue, hm(10, 20)}, "", may(4, 9, 0));
    check_in(*w.db, w.site, a.code, may(5, 10, 15));
    const std::string code = arrival_code(*w.db, w.site, a.id, may(5, 10, 15));
    CHECK(arrival_code(*w.db, site2, a.id, may(5, 10, 15)) != code);
    CHECK_FALSE(verify_arrival(*w.db, site2, code, tue, hm(10, 15)).has_value());

    // The key is random per database: the same booking id and minute elsewhere gives another code.
    World w2;
    const Id s2 = w2.weekly(w2.jobcentre, 2, hm(10, 0), hm(12, 0));
    const Booking a2 = book(*w2.db, {s2, tue, hm(10, 20)}, "", may(4, 9, 0));
    REQUIRE(a2.id == a.id);
    CHECK(arrival_code(*w2.db, w2.site, a2.id, may(5, 10, 15)) != code);
}
