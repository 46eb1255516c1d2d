// On-screen keyboard layouts. Rows hold at most 12 keys so keys stay finger-sized on a 21.5"
// screen. Latin layouts start from QWERTY (what visitors' phones show) and put the language's
// own letters where its national keyboard has them, or on an extra row when that keyboard
// reaches them through AltGr (Polish, Romanian), which a touch screen cannot offer.
#include "core/text/keyboard.hpp"

#include <stdexcept>

namespace indgang::text {

namespace {

using Rows = std::vector<std::vector<std::string>>;

const std::vector<KeyboardLayout>& all_layouts() {
    static const std::vector<KeyboardLayout> layouts = {
        // Plain Latin: English, and Tigrinya speakers (Ethiopic entry would need an input method).
        {"latin", false, Rows{
            {"q", "w", "e", "r", "t", "y", "u", "i", "o", "p"},
            {"a", "s", "d", "f", "g", "h", "j", "k", "l"},
            {"z", "x", "c", "v", "b", "n", "m", "-", "'"}}},
        // Danish national layout: å after p, æ ø after l.
        {"da", false, Rows{
            {"q", "w", "e", "r", "t", "y", "u", "i", "o", "p", "å"},
            {"a", "s", "d", "f", "g", "h", "j", "k", "l", "æ", "ø"},
            {"z", "x", "c", "v", "b", "n", "m", "-", "'"}}},
        // Greenland types on the Danish layout; modern Kalaallisut needs no other letter, but
        // names from before the 1973 spelling reform may use ĸ (kra).
        {"latin-kl", false, Rows{
            {"q", "w", "e", "r", "t", "y", "u", "i", "o", "p", "å"},
            {"a", "s", "d", "f", "g", "h", "j", "k", "l", "æ", "ø"},
            {"z", "x", "c", "v", "b", "n", "m", "ĸ", "-", "'"}}},
        // Somali Latin uses every letter but p, v, z as its own; the apostrophe is the glottal
        // stop (hamza) and is a letter, so it sits on the main rows.
        {"latin-so", false, Rows{
            {"q", "w", "e", "r", "t", "y", "u", "i", "o", "p"},
            {"a", "s", "d", "f", "g", "h", "j", "k", "l", "'"},
            {"z", "x", "c", "v", "b", "n", "m", "-"}}},
        // Turkish Q layout: ı and i are different letters, both on the keyboard, and Shift
        // turns them into I and İ (the kiosk upper-cases in the keyboard's language).
        {"latin-tr", false, Rows{
            {"q", "w", "e", "r", "t", "y", "u", "ı", "o", "p", "ğ", "ü"},
            {"a", "s", "d", "f", "g", "h", "j", "k", "l", "ş", "i"},
            {"z", "x", "c", "v", "b", "n", "m", "ö", "ç", "-"}}},
        {"latin-pl", false, Rows{
            {"ą", "ć", "ę", "ł", "ń", "ó", "ś", "ź", "ż"},
            {"q", "w", "e", "r", "t", "y", "u", "i", "o", "p"},
            {"a", "s", "d", "f", "g", "h", "j", "k", "l"},
            {"z", "x", "c", "v", "b", "n", "m", "-", "'"}}},
        // Romanian with comma-below ș ț (U+0219, U+021B), not the cedilla look-alikes.
        {"latin-ro", false, Rows{
            {"ă", "â", "î", "ș", "ț"},
            {"q", "w", "e", "r", "t", "y", "u", "i", "o", "p"},
            {"a", "s", "d", "f", "g", "h", "j", "k", "l"},
            {"z", "x", "c", "v", "b", "n", "m", "-", "'"}}},
        // Arabic PC layout (also on Arabic phone keyboards), key for key from the Q/A/Z
        // positions, left to right as on the keys themselves: ض on Q (top left), د on ], ط on ',
        // ظ on /. The kiosk does not mirror keyboards. ذ (the ` key, above the rows) and the
        // Shift letters أ إ آ get a short fourth row; لا types the two letters lam + alef.
        {"ar", true, Rows{
            {"ض", "ص", "ث", "ق", "ف", "غ", "ع", "ه", "خ", "ح", "ج", "د"},
            {"ش", "س", "ي", "ب", "ل", "ا", "ت", "ن", "م", "ك", "ط"},
            {"ئ", "ء", "ؤ", "ر", "لا", "ى", "ة", "و", "ز", "ظ"},
            {"ذ", "أ", "إ", "آ"}}},
        // Persian standard layout (ISIRI 9147), key for key, left to right: ض on Q, چ on ],
        // گ on ', ظ on Z; Persian yeh ی and keheh ک; ژ and آ (Shift on a PC) end row 3.
        {"fa", true, Rows{
            {"ض", "ص", "ث", "ق", "ف", "غ", "ع", "ه", "خ", "ح", "ج", "چ"},
            {"ش", "س", "ی", "ب", "ل", "ا", "ت", "ن", "م", "ک", "گ"},
            {"ظ", "ط", "ز", "ر", "ذ", "د", "پ", "و", "ژ", "آ"},
            {"ئ", "ء", "ة"}}},
        // Urdu in alphabetical order: the phonetic PC layouts put letters where a Latin key
        // sounds alike, which helps nobody who does not already type Urdu on a PC.
        {"ur", true, Rows{
            {"ا", "آ", "ب", "پ", "ت", "ٹ", "ث", "ج", "چ", "ح", "خ"},
            {"د", "ڈ", "ذ", "ر", "ڑ", "ز", "ژ", "س", "ش", "ص", "ض"},
            {"ط", "ظ", "ع", "غ", "ف", "ق", "ک", "گ", "ل", "م", "ن"},
            {"ں", "و", "ہ", "ھ", "ء", "ی", "ے", "ئ", "ۓ"}}},
        // Ukrainian ЙЦУКЕН with ґ, and the apostrophe, which Ukrainian spelling uses (м'ята).
        {"uk", false, Rows{
            {"й", "ц", "у", "к", "е", "н", "г", "ш", "щ", "з", "х", "ї"},
            {"ф", "і", "в", "а", "п", "р", "о", "л", "д", "ж", "є"},
            {"ґ", "я", "ч", "с", "м", "и", "т", "ь", "б", "ю", "'"}}},
    };
    return layouts;
}

}  // namespace

const KeyboardLayout& keyboard_layout(const std::string& name) {
    for (const auto& l : all_layouts())
        if (l.name == name) return l;
    throw std::out_of_range("no keyboard layout named '" + name + "'");
}

std::vector<std::string> keyboard_names() {
    std::vector<std::string> out;
    for (const auto& l : all_layouts()) out.push_back(l.name);
    return out;
}

}  // namespace indgang::text
