// The variants people type, and that a keyboard in another script or a paste from a phone adds:
// each must come out with its placeholder and no digit or address left.
#include "core/feedback/scrub.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace indgang::feedback;

namespace {

struct Variant {
    const char* text;
    const char* expect;   // the placeholder that must replace it
};

// U+00AD soft hyphen, U+200B zero-width space, U+2060 word joiner, U+FEFF BOM, U+200E LRM.
#define SHY "\xC2\xAD"
#define ZWSP "\xE2\x80\x8B"
#define WJ "\xE2\x81\xA0"
#define BOM "\xEF\xBB\xBF"
#define LRM "\xE2\x80\x8E"

const Variant kVariants[] = {
    // CPR numbers
    {"010190-1234", kCprRemoved},
    {"0101901234", kCprRemoved},
    {"010190 1234", kCprRemoved},
    {"01 01 90 12 34", kCprRemoved},
    {"01-01-90-1234", kCprRemoved},
    {"010190 - 1234", kCprRemoved},
    {"010190\xE2\x80\x93" "1234", kCprRemoved},          // en dash
    {"010190\xE2\x80\x91" "1234", kCprRemoved},          // non-breaking hyphen
    {"010190\xE2\x88\x92" "1234", kCprRemoved},          // minus sign
    {"010190\xEF\xBC\x8D" "1234", kCprRemoved},          // fullwidth hyphen-minus
    {"\xEF\xBC\x90\xEF\xBC\x91\xEF\xBC\x90\xEF\xBC\x91\xEF\xBC\x99\xEF\xBC\x90-\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93\xEF\xBC\x94",
     kCprRemoved},                                         // fullwidth digits
    {"0101" SHY "90-1234", kCprRemoved},
    {"01019" ZWSP "01234", kCprRemoved},
    {"010" WJ "190" BOM "1234", kCprRemoved},
    {"010190" LRM "-1234", kCprRemoved},
    {"010190\xC2\xA0" "1234", kCprRemoved},              // no-break space
    {"010190\xE2\x80\xAF" "1234", kCprRemoved},          // narrow no-break space
    {"3112851234", kCprRemoved},
    // Phone numbers
    {"12345678", kPhoneRemoved},
    {"12 34 56 78", kPhoneRemoved},
    {"1234 5678", kPhoneRemoved},
    {"12-34-56-78", kPhoneRemoved},
    {"12.34.56.78", kPhoneRemoved},
    {"12 - 34 - 56 - 78", kPhoneRemoved},
    {"+45 12 34 56 78", kPhoneRemoved},
    {"+4512345678", kPhoneRemoved},
    {"0045 12345678", kPhoneRemoved},
    {"(+45) 12 34 56 78", kPhoneRemoved},
    {"\xEF\xBC\x8B" "45 12 34 56 78", kPhoneRemoved},    // fullwidth plus
    {"\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93\xEF\xBC\x94\xEF\xBC\x95\xEF\xBC\x96\xEF\xBC\x97\xEF\xBC\x98",
     kPhoneRemoved},                                       // fullwidth digits
    {"12\xE3\x80\x80" "34\xE3\x80\x80" "56\xE3\x80\x80" "78", kPhoneRemoved},   // ideographic space
    {"12" SHY "34" SHY "56" SHY "78", kPhoneRemoved},
    {"1234" ZWSP "5678", kPhoneRemoved},
    {"12\xE2\x80\x94" "34\xE2\x80\x94" "56\xE2\x80\x94" "78", kPhoneRemoved},   // em dashes
    {"\xD9\xA1\xD9\xA2\xD9\xA3\xD9\xA4 \xD9\xA5\xD9\xA6\xD9\xA7\xD9\xA8", kPhoneRemoved},  // Arabic-Indic
    {"12/34/56/78", kPhoneRemoved},
    // E-mail addresses
    {"jens@post.dk", kEmailRemoved},
    {"jens @ post.dk", kEmailRemoved},
    {"jens@ post.dk", kEmailRemoved},
    {"jens\xEF\xBC\xA0post.dk", kEmailRemoved},           // fullwidth @
    {"jens\xEF\xB9\xAB" "post.dk", kEmailRemoved},        // small commercial at
    {"jens at post.dk", kEmailRemoved},
    {"jens (at) post.dk", kEmailRemoved},
    {"jens(at)post.dk", kEmailRemoved},
    {"jens [at] post [dot] dk", kEmailRemoved},
    {"jens snabel-a post punktum dk", kEmailRemoved},
    {"jens snabel-a post.dk", kEmailRemoved},
    {"jens (snabel-a) post (punktum) dk", kEmailRemoved},
    {"Jens AT post DOT dk", kEmailRemoved},
    {"jens.hansen@post\xEF\xBC\x8E" "dk", kEmailRemoved}, // fullwidth full stop
    {"je" SHY "ns@po" ZWSP "st.dk", kEmailRemoved},
    {"jens at post prik dk", kEmailRemoved},
};

bool any_digit(const std::string& s) {
    for (unsigned char c : s)
        if (c >= '0' && c <= '9') return true;
    return false;
}

}  // namespace

TEST_CASE("at least forty spellings of CPR numbers, phone numbers and addresses are all removed") {
    CHECK(std::size(kVariants) >= 40);
    int n = 0;
    for (const auto& v : kVariants) {
        const std::string in = std::string("Skriv: ") + v.text + " tak";
        INFO(in);
        const ScrubResult r = scrub_free_text(in);
        CHECK(r.text == std::string("Skriv: ") + v.expect + " tak");
        CHECK_FALSE(any_digit(r.text));
        CHECK(r.text.find("post") == std::string::npos);
        CHECK(r.text.find("jens") == std::string::npos);
        n += r.text == std::string("Skriv: ") + v.expect + " tak";
    }
    MESSAGE(n << " of " << std::size(kVariants) << " variants scrubbed exactly");
}

TEST_CASE("ordinary Danish with 'at', 'punktum' and full stops is left alone") {
    for (const char* fine : {"Jeg prøvede at ringe. Det gik ikke.", "Det er svært at komme her kl. 10.30.",
                             "Husk at skrive punktum", "vi mødes @ caféen", "at", "Hun sagde at hun kom. Tak",
                             "Jeg var glad (at) det var rart.", "20 minutter - 3 gange"}) {
        INFO(fine);
        const ScrubResult r = scrub_free_text(fine);
        CHECK(r.text == fine);
        CHECK_FALSE(r.changed());
    }
}
