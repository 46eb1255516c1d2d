#include "core/text/speech.hpp"

#include <espeak-ng/speak_lib.h>
#include <unicode/locid.h>
#include <unicode/rbnf.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <memory>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <stdexcept>

namespace indgang::text {

namespace {

std::mutex engine_mutex;  // espeak-ng keeps all its state in globals
int engine_rate = 0;      // sample rate once initialised; -1 = failed

int collect(short* wav, int count, espeak_EVENT* events) {
    if (wav && count > 0 && events && events->user_data) {
        auto* out = static_cast<std::vector<int16_t>*>(events->user_data);
        out->insert(out->end(), wav, wav + count);
    }
    return 0;  // 0 = go on
}

// Call with engine_mutex held.
int start_engine() {
    if (engine_rate == 0) {
        int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr,
                                     espeakINITIALIZE_DONT_EXIT);
        engine_rate = rate > 0 ? rate : -1;
        if (rate > 0) espeak_SetSynthCallback(collect);
    }
    if (engine_rate < 0) throw std::runtime_error("espeak-ng could not start (is espeak-ng-data installed?)");
    return engine_rate;
}

std::vector<std::string> voices_locked() {
    start_engine();
    std::vector<std::string> out;
    for (const espeak_VOICE** v = espeak_ListVoices(nullptr); v && *v; ++v) {
        // languages: repeated (priority byte, NUL-terminated name), ended by a 0 priority.
        for (const char* p = (*v)->languages; p && *p;) {
            const char* name = p + 1;
            out.emplace_back(name);
            p = name + std::strlen(name) + 1;
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace

std::vector<std::string> available_voices() {
    std::lock_guard lock(engine_mutex);
    return voices_locked();
}

bool has_voice(const std::string& voice) {
    auto v = available_voices();
    return !voice.empty() && std::binary_search(v.begin(), v.end(), voice);
}

Speech synthesize(const std::string& utf8, const std::string& voice, const SpeechOptions& opt) {
    std::lock_guard lock(engine_mutex);
    Speech out;
    out.sample_rate = start_engine();
    auto voices = voices_locked();
    if (voice.empty() || !std::binary_search(voices.begin(), voices.end(), voice))
        throw std::runtime_error("no espeak-ng voice for '" + voice + "'");
    espeak_VOICE wanted{};
    wanted.languages = voice.c_str();
    if (espeak_SetVoiceByProperties(&wanted) != EE_OK)
        throw std::runtime_error("espeak-ng could not load the voice '" + voice + "'");
    espeak_SetParameter(espeakRATE, opt.words_per_minute, 0);
    espeak_SetParameter(espeakVOLUME, std::clamp(opt.volume, 0, 200), 0);
    espeak_ERROR err = espeak_Synth(utf8.c_str(), utf8.size() + 1, 0, POS_CHARACTER, 0,
                                    espeakCHARS_UTF8, nullptr, &out.pcm);
    if (err != EE_OK) throw std::runtime_error("espeak-ng failed to speak (error " + std::to_string(err) + ")");
    espeak_Synchronize();
    return out;
}

void write_wav(const Speech& s, const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) throw std::runtime_error(path + ": cannot write (" + std::strerror(errno) + ")");
    auto u32 = [&](uint32_t v) { unsigned char b[4] = {uint8_t(v), uint8_t(v >> 8), uint8_t(v >> 16), uint8_t(v >> 24)}; std::fwrite(b, 1, 4, f); };
    auto u16 = [&](uint16_t v) { unsigned char b[2] = {uint8_t(v), uint8_t(v >> 8)}; std::fwrite(b, 1, 2, f); };
    const uint32_t data = static_cast<uint32_t>(s.pcm.size() * 2);
    std::fwrite("RIFF", 1, 4, f); u32(36 + data); std::fwrite("WAVE", 1, 4, f);
    std::fwrite("fmt ", 1, 4, f); u32(16); u16(1 /*PCM*/); u16(1 /*mono*/);
    u32(static_cast<uint32_t>(s.sample_rate)); u32(static_cast<uint32_t>(s.sample_rate) * 2); u16(2); u16(16);
    std::fwrite("data", 1, 4, f); u32(data);
    for (int16_t v : s.pcm) u16(static_cast<uint16_t>(v));  // little-endian whatever the host
    bool ok = !std::ferror(f);
    ok = (std::fclose(f) == 0) && ok;
    if (!ok) throw std::runtime_error(path + ": write failed (disk full?)");
}

double rms(const Speech& s) {
    if (s.pcm.empty()) return 0;
    double sum = 0;
    for (int16_t v : s.pcm) sum += static_cast<double>(v) * v;
    return std::sqrt(sum / static_cast<double>(s.pcm.size()));
}

// [SECTION] Spoken form ------------------------------------------------------------------------

namespace {

// How each language says a time and a range. {h}/{m}: hour and minutes in words; {a}/{b}: the
// two ends of a range. Minutes under ten get `zero` first ("ti nul fem", "ten oh five").
struct SpokenRules {
    const char* hm;
    const char* range;
    const char* zero;
    const char* dot_ordinal;   // "24. november" is an ordinal (Danish): its ICU rule set, or none
    std::vector<std::pair<std::string, std::string>> abbreviations;
    std::vector<std::pair<std::string, std::string>> tidy = {};   // after: words said twice, the script's own comma
};

const SpokenRules& rules_for(const std::string& lang) {
    static const std::map<std::string, SpokenRules> rules{
        {"da", {"{h} {m}", "{a} til {b}", "nul ", "%spellout-ordinal-common", {{"kl. ", "klokken "}}}},
        {"en", {"{h} {m}", "{a} to {b}", "oh ", nullptr, {}}},
        {"kl", {"{h} {m}", "{a} {b} tikillugu", "", nullptr, {{"nal. ", "nalunaaquttap "}}}},
        {"ar", {"{h} و{m} دقيقة", "من {a} إلى {b}", "", nullptr, {}, {{", ", "، "}}}},
        {"fa", {"{h} و {m} دقیقه", "از {a} تا {b}", "", nullptr, {}, {{", ", "، "}}}},
        {"ur", {"{h} بج کر {m} منٹ", "{a} سے {b} تک", "", nullptr, {}, {{"منٹ بجے", "منٹ"}, {", ", "، "}}}},
        {"so", {"{h} iyo {m} daqiiqo", "{a} ilaa {b}", "", nullptr, {}}},
        {"ti", {"{h} ሰዓትን {m} ደቒቕን", "ካብ {a} ክሳብ {b}", "", nullptr, {}}},
        {"tr", {"{h} {m}", "{a} ile {b} arası", "sıfır ", nullptr, {}}},
        {"pl", {"{h} {m}", "od {a} do {b}", "zero ", nullptr, {}}},
        {"ro", {"{h} și {m}", "de la {a} până la {b}", "", nullptr, {}}},
        {"uk", {"{h} {m}", "з {a} до {b}", "нуль ", nullptr, {}}},
    };
    static const SpokenRules fallback{"{h} {m}", "{a} – {b}", "", nullptr, {}};
    auto it = rules.find(lang);
    return it == rules.end() ? fallback : it->second;
}

std::string put(std::string tpl, const char* key, const std::string& value) {
    if (const size_t p = tpl.find(key); p != std::string::npos) tpl.replace(p, std::strlen(key), value);
    return tpl;
}

class Speller {
public:
    explicit Speller(const std::string& lang) {
        UErrorCode st = U_ZERO_ERROR;
        rbnf_ = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, icu::Locale(lang.c_str()), st);
        // A language ICU has no spellout for (Urdu, Somali, Tigrinya) would get English words
        // from the root fallback; it keeps its digits instead, which its own voice reads.
        if (U_FAILURE(st) || std::string(rbnf_->getLocale(ULOC_ACTUAL_LOCALE, st).getLanguage()) != lang)
            rbnf_.reset();
    }
    std::string operator()(long n, const char* ordinal = nullptr) const {
        if (!rbnf_) return std::to_string(n);
        icu::UnicodeString u;
        UErrorCode st = U_ZERO_ERROR;
        icu::FieldPosition pos;
        if (ordinal) rbnf_->format(static_cast<int64_t>(n), icu::UnicodeString(ordinal), u, pos, st);
        if (!ordinal || U_FAILURE(st)) {
            u.remove();
            rbnf_->format(static_cast<int64_t>(n), u);
        }
        u.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x00AD)), icu::UnicodeString());   // soft hyphens (da)
        std::string out;
        u.toUTF8String(out);
        return out;
    }

private:
    std::unique_ptr<icu::RuleBasedNumberFormat> rbnf_;
};

bool digit(char c) { return c >= '0' && c <= '9'; }

// A time "H.MM" / "HH:MM" at `i`: its length, 0 if none.
size_t time_at(const std::string& s, size_t i, int& h, int& m) {
    size_t j = i;
    while (j < s.size() && digit(s[j]) && j - i < 3) ++j;
    const size_t hd = j - i;
    if (hd < 1 || hd > 2 || j + 2 >= s.size()) return 0;
    if ((s[j] != ':' && s[j] != '.') || !digit(s[j + 1]) || !digit(s[j + 2])) return 0;
    if (j + 3 < s.size() && digit(s[j + 3])) return 0;
    h = std::stoi(s.substr(i, hd));
    m = std::stoi(s.substr(j + 1, 2));
    if (h > 23 || m > 59) return 0;
    return hd + 3;
}

// A dash between two times, with optional spaces: its length, 0 if none.
size_t dash_at(const std::string& s, size_t i) {
    size_t j = i;
    while (j < s.size() && s[j] == ' ') ++j;
    if (s.compare(j, 3, "\xE2\x80\x93") == 0) j += 3;       // en dash
    else if (j < s.size() && s[j] == '-') j += 1;
    else return 0;
    while (j < s.size() && s[j] == ' ') ++j;
    return j - i;
}

}  // namespace

std::string spoken_form(const std::string& utf8, const std::string& language) {
    const SpokenRules& r = rules_for(language);
    const Speller spell(language);
    std::string text = utf8;
    for (const auto& [abbr, word] : r.abbreviations)
        for (size_t p; (p = text.find(abbr)) != std::string::npos;) text.replace(p, abbr.size(), word);
    auto say_time = [&](int h, int m) {
        if (m == 0) return spell(h);
        return put(put(r.hm, "{h}", spell(h)), "{m}", (m < 10 ? std::string(r.zero) : "") + spell(m));
    };
    std::string out;
    for (size_t i = 0; i < text.size();) {
        const bool start = i == 0 || !digit(text[i - 1]);
        int h = 0, m = 0, h2 = 0, m2 = 0;
        if (start && digit(text[i])) {
            if (const size_t t = time_at(text, i, h, m)) {
                const size_t d = dash_at(text, i + t);
                const size_t t2 = d ? time_at(text, i + t + d, h2, m2) : 0;
                if (t2) {
                    out += put(put(r.range, "{a}", say_time(h, m)), "{b}", say_time(h2, m2));
                    i += t + d + t2;
                } else {
                    out += say_time(h, m);
                    i += t;
                }
                continue;
            }
            size_t j = i;
            while (j < text.size() && digit(text[j])) ++j;
            // Long digit runs (postcodes, phone numbers) are read in full by ICU too: "5000".
            const bool ordinal = r.dot_ordinal && j + 2 < text.size() && text[j] == '.' && text[j + 1] == ' ' &&
                                 text[j + 2] >= 'a' && text[j + 2] <= 'z';
            out += spell(std::stol(text.substr(i, std::min<size_t>(j - i, 12))), ordinal ? r.dot_ordinal : nullptr);
            i = ordinal ? j + 1 : j;   // the ordinal's dot is said by the word
            continue;
        }
        out += text[i++];
    }
    for (const auto& [twice, once] : r.tidy)
        for (size_t p; (p = out.find(twice)) != std::string::npos;) out.replace(p, twice.size(), once);
    return out;
}

}  // namespace indgang::text
