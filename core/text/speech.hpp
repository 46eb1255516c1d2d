// Read-aloud through libespeak-ng: text in, 16-bit mono PCM out. Playback (SDL audio, the
// staff-set volume) is the kiosk's job; this file never touches an audio device.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace indgang::text {

struct Speech {
    std::vector<int16_t> pcm;  // mono, signed 16-bit
    int sample_rate = 0;       // Hz (espeak-ng: 22050)
    double seconds() const { return sample_rate ? static_cast<double>(pcm.size()) / sample_rate : 0; }
};

struct SpeechOptions {
    int words_per_minute = 145;  // espeak-ng's default is 175: slower is easier to follow
    int volume = 100;            // espeak-ng amplitude 0..200; staff volume is applied at playback
};

// espeak-ng voice names installed (espeak-ng-data), e.g. "da", "ar", "kl", "ur".
std::vector<std::string> available_voices();
bool has_voice(const std::string& voice);

// Speaks LOGICAL-order UTF-8 text (never the shaped/reordered display string) with `voice`
// (Language::voice). Blocking; serialised internally since espeak-ng is one global engine.
// Throws std::runtime_error when espeak-ng cannot start or the voice is not installed.
Speech synthesize(const std::string& utf8, const std::string& voice, const SpeechOptions& opt = {});

// The display text rewritten for the ear in `language` (an ICU locale, "da", "ar", …): times
// ("10.20", "10:20") become words ("ti tyve"), a time range's dash becomes the language's own
// "from … to …", other numbers are spelled with ICU's spellout rules, and abbreviations the
// voice would spell ("kl.") are written out. espeak-ng read "10.00" as "ti punktum nul nul" and
// Farsi/Urdu voices read ":" aloud; words in the language leave it nothing to misread.
std::string spoken_form(const std::string& utf8, const std::string& language);

// Writes a 16-bit mono PCM WAV file; throws std::runtime_error on an I/O error.
void write_wav(const Speech& s, const std::string& path);

// Root mean square of the samples, 0..32767, for "is it silent?".
double rms(const Speech& s);

}  // namespace indgang::text
