#include "audio/read_aloud.hpp"

#include "core/text/catalog.hpp"
#include "core/text/speech.hpp"

#include <SDL.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace indgang::kiosk {

namespace {

void log_stderr(const std::string& s) { std::fprintf(stderr, "indgang-kiosk: %s\n", s.c_str()); }

bool ends_with_stop(const std::string& s) {
    // ASCII . ! ? : and the Arabic question mark (U+061F), Urdu full stop (U+06D4), Ethiopic
    // full stop (U+1362): espeak-ng already pauses there.
    if (s.empty()) return true;
    const char c = s.back();
    if (c == '.' || c == '!' || c == '?' || c == ':') return true;
    for (const char* end : {"\xD8\x9F", "\xDB\x94", "\xE1\x8D\xA2"})
        if (const size_t n = std::char_traits<char>::length(end); s.size() >= n && s.compare(s.size() - n, n, end) == 0)
            return true;
    return false;
}

// Bidi isolates and marks (U+200E/F, U+2066–2069) are for the eye only; the middle dot that
// separates "Jobcentre · Mette" reads better as a pause.
std::string for_the_ear(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
            (static_cast<unsigned char>(s[i + 2]) == 0x8E || static_cast<unsigned char>(s[i + 2]) == 0x8F)) {
            i += 3;
            continue;
        }
        if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x81 &&
            static_cast<unsigned char>(s[i + 2]) >= 0xA6 && static_cast<unsigned char>(s[i + 2]) <= 0xA9) {
            i += 3;
            continue;
        }
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xB7) {
            while (!out.empty() && out.back() == ' ') out.pop_back();
            out += ',';
            i += 2;
            while (i < s.size() && s[i] == ' ') ++i;
            out += ' ';
            continue;
        }
        out += s[i++];
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// A check-in code inside a sentence ("Code: 07905") is said digit by digit, as on the code box:
// as a number it would lose its leading zero and be "seven thousand nine hundred and five".
// Codes are 5 digits; 4-digit postcodes and 2-digit times are left to be read as numbers.
std::string spell_codes(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size();) {
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) { out += s[i++]; continue; }
        size_t j = i;
        while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
        const bool joined = (i > 0 && (s[i - 1] == ':' || s[i - 1] == '.' || s[i - 1] == ',')) ||
                            (j < s.size() && j + 1 < s.size() && (s[j] == ':' || s[j] == '.' || s[j] == ',') &&
                             std::isdigit(static_cast<unsigned char>(s[j + 1])));
        if (j - i == 5 && !joined) {
            for (size_t k = i; k < j; ++k) {
                if (k > i) out += ' ';
                out += s[k];
            }
        } else {
            out.append(s, i, j - i);
        }
        i = j;
    }
    return out;
}

}  // namespace

std::string read_aloud_text(const std::vector<ReadAloudPiece>& pieces) {
    std::string out;
    for (const auto& p : pieces) {
        // Navigation is the same on every screen, keys are single letters, and the speaker
        // button itself has no words.
        // Language names (Welcome) are each in their own script: one voice cannot read them all.
        if (p.id == "back" || p.id == "home" || p.id == "speak" || p.id.rfind("key_", 0) == 0 ||
            p.id.rfind("lang_", 0) == 0)
            continue;
        std::string t = for_the_ear(p.text);
        if (p.id != "code") t = spell_codes(t);   // the code box itself is spelled below
        if (t.empty()) continue;
        if (p.id == "code") {   // "6 5 8 7 4", not "sixty-five thousand …"
            std::string spaced;
            for (char c : t) {
                if (!spaced.empty()) spaced += ' ';
                spaced += c;
            }
            t = spaced;
        }
        if (!out.empty()) out += ' ';
        out += t;
        if (!ends_with_stop(t)) out += '.';
    }
    return out;
}

std::vector<ReadAloud::Part> read_aloud_parts(const std::vector<ReadAloudPiece>& pieces,
                                              const text::Language& visitor,
                                              const std::vector<text::Language>& languages) {
    std::vector<ReadAloud::Part> out;
    for (const auto& p : pieces) {
        if (p.id.rfind("lang_", 0) == 0) {
            // Welcome: each name in its own voice, so a visitor who cannot read hears their
            // language spoken as they know it.
            const std::string code = p.id.substr(5);
            for (const auto& l : languages)
                if (l.code == code && !l.voice.empty()) out.push_back({p.id, for_the_ear(l.native_name), l.voice, l.code});
            continue;
        }
        const std::string t = read_aloud_text({p});
        if (t.empty()) continue;
        out.push_back({p.id, text::spoken_form(t, visitor.code), visitor.voice, visitor.code});
    }
    return out;
}

ReadAloud::ReadAloud() {
    if (const char* p = std::getenv("INDGANG_SPEECH_LOG")) log_path_ = p;
    wake_event_ = SDL_RegisterEvents(1);
    worker_ = std::thread([this] { work(); });
}

ReadAloud::~ReadAloud() {
    {
        std::lock_guard<std::mutex> lock(mu_);
        quit_ = true;
        job_.clear();
    }
    cv_.notify_all();
    if (worker_.joinable()) worker_.join();
    if (device_) SDL_CloseAudioDevice(device_);
}

void ReadAloud::log(const std::string& line) {
    if (log_path_.empty()) return;
    std::ofstream(log_path_, std::ios::app) << line << '\n';
}

void ReadAloud::speak(const std::string& logical, const std::string& voice, const std::string& language, int volume) {
    speak(std::vector<Part>{{"", logical, voice, language}}, volume);
}

void ReadAloud::speak(const std::vector<Part>& parts, int volume) {
    stop();
    ++generation_;
    part_ids_.clear();
    heard_.clear();
    const int vol = std::clamp(volume, 0, 100);
    {
        std::lock_guard<std::mutex> lock(mu_);
        job_.clear();
        for (const auto& p : parts) {
            if (p.text.empty()) continue;
            job_.push_back({generation_, p.text, p.voice, p.language, vol, part_ids_.size()});
            part_ids_.push_back(p.id);
        }
    }
    std::string all;
    bool voices = false;
    const Part* first = nullptr;
    for (const auto& p : parts) {
        if (p.text.empty()) continue;
        if (!first) first = &p;
        voices = voices || p.voice != first->voice;
        all += (all.empty() ? "" : " ") + p.text;
    }
    if (first) log("speak " + first->language + " voice=" + first->voice + " volume=" + std::to_string(vol) + ": " + all);
    if (voices)
        for (const auto& p : parts)
            if (!p.text.empty()) log("part " + p.language + " voice=" + p.voice + ": " + p.text);
    heard_samples_ = 0;
    heard_sum_ = 0;
    heard_rate_ = 0;
    heard_device_ = false;
    parts_left_ = part_ids_.size();
    if (parts_left_ == 0) return;
    cv_.notify_one();
    waiting_ = true;
}

std::string ReadAloud::current_id(uint64_t ms) const {
    if (!active()) return {};
    for (const auto& h : heard_)
        if (ms >= h.start_ms && ms < h.end_ms) return h.id;
    return {};
}

void ReadAloud::stop() {
    if (!active()) return;
    ++generation_;   // a result still on its way is dropped
    {
        std::lock_guard<std::mutex> lock(mu_);
        job_.clear();
    }
    if (device_) {
        SDL_PauseAudioDevice(device_, 1);
        SDL_ClearQueuedAudio(device_);
    }
    waiting_ = playing_ = false;
    parts_left_ = 0;
    heard_.clear();
    log("stop");
}

void ReadAloud::work() {
    for (;;) {
        Job job;
        {
            std::unique_lock<std::mutex> lock(mu_);
            cv_.wait(lock, [&] { return quit_ || !job_.empty(); });
            if (quit_) return;
            job = std::move(job_.front());
            job_.pop_front();
        }
        Done d;
        d.generation = job.generation;
        d.index = job.index;
        d.volume = job.volume;
        try {
            text::Speech s = text::synthesize(job.text, job.voice);
            // The staff volume, applied to the samples: SDL's queue has no volume of its own.
            for (auto& v : s.pcm) v = static_cast<int16_t>(static_cast<int32_t>(v) * job.volume / 100);
            d.pcm = std::move(s.pcm);
            d.rate = s.sample_rate;
        } catch (const std::exception& e) {
            d.error = e.what();
        }
        {
            std::lock_guard<std::mutex> lock(mu_);
            if (quit_) return;
            done_.push_back(std::move(d));
        }
        if (wake_event_ != static_cast<uint32_t>(-1)) {
            SDL_Event ev{};
            ev.type = wake_event_;
            SDL_PushEvent(&ev);   // thread-safe; fails harmlessly before SDL is up
        }
    }
}

bool ReadAloud::open_device(int rate) {
    if (device_ && device_rate_ == rate) return true;
    if (device_failed_) return false;
    if (device_) {
        SDL_CloseAudioDevice(device_);
        device_ = 0;
    }
    if (!SDL_WasInit(SDL_INIT_AUDIO) && SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        device_failed_ = true;
        log_stderr(std::string("read-aloud: no audio (") + SDL_GetError() + "); the kiosk carries on without sound");
        return false;
    }
    SDL_AudioSpec want{}, have{};
    want.freq = rate;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 2048;
    // allowed_changes 0: SDL converts to whatever the device wants.
    device_ = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);
    if (!device_) {
        device_failed_ = true;
        log_stderr(std::string("read-aloud: no audio device (") + SDL_GetError() +
                   "); the kiosk carries on without sound");
        return false;
    }
    device_rate_ = rate;
    return true;
}

bool ReadAloud::pump(uint64_t ms) {
    const bool before = active();
    std::deque<Done> done;
    {
        std::lock_guard<std::mutex> lock(mu_);
        done.swap(done_);
    }
    for (auto& d : done) {
        if (d.generation != generation_) continue;   // stopped meanwhile
        if (parts_left_ > 0) --parts_left_;
        waiting_ = parts_left_ > 0;
        if (!d.error.empty()) {
            log_stderr("read-aloud: " + d.error);
            log("error: " + d.error);
            continue;
        }
        for (int16_t v : d.pcm) heard_sum_ += std::abs(static_cast<int32_t>(v));
        heard_samples_ += d.pcm.size();
        heard_rate_ = d.rate;
        const bool device = open_device(d.rate);
        heard_device_ = device;
        const uint64_t len_ms = d.pcm.size() * 1000 / static_cast<uint64_t>(std::max(d.rate, 1));
        if (parts_left_ == 0) {   // the whole reading is in: one line for it
            const long mean = heard_samples_ ? static_cast<long>(heard_sum_ / static_cast<int64_t>(heard_samples_)) : 0;
            log("audio " + std::to_string(heard_samples_ * 1000 / static_cast<uint64_t>(std::max(heard_rate_, 1))) +
                " ms mean=" + std::to_string(mean) + (heard_device_ ? " device" : " no-device"));
        }
        // Parts play back to back: this one starts when the last queued one ends (or now).
        const uint64_t start = std::max(ms, heard_.empty() ? ms : heard_.back().end_ms);
        heard_.push_back({d.index < part_ids_.size() ? part_ids_[d.index] : std::string(), start, start + len_ms});
        if (!device) {
            // Without speakers the button still goes to "stop" for as long as the speech
            // lasts, so it behaves the same everywhere (and scripted tests see it).
            silent_until_ms_ = start + len_ms;
            playing_ = true;
            continue;
        }
        if (heard_.size() == 1) SDL_ClearQueuedAudio(device_);
        if (SDL_QueueAudio(device_, d.pcm.data(), static_cast<Uint32>(d.pcm.size() * sizeof(int16_t))) != 0) {
            log_stderr(std::string("read-aloud: ") + SDL_GetError());
            continue;
        }
        SDL_PauseAudioDevice(device_, 0);
        playing_ = true;
    }
    if (playing_ && !device_ && ms >= silent_until_ms_ && !waiting_) playing_ = false;
    if (playing_ && device_ && SDL_GetQueuedAudioSize(device_) == 0 && !waiting_) {
        playing_ = false;
        SDL_PauseAudioDevice(device_, 1);
    }
    return before != active();
}

}  // namespace indgang::kiosk
