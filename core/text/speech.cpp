#include "core/text/speech.hpp"

#include <espeak-ng/speak_lib.h>

#include <algorithm>
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

}  // namespace indgang::text
