// Read-aloud playback. espeak-ng takes 100 ms or more per screen, so synthesis runs on a worker
// thread; the PCM comes back through a queue that the main thread drains between frames
// (SDL_PushEvent wakes the event loop), and SDL's queued audio plays it. Nothing here touches
// ImGui, and nothing blocks the frame.
//
// No audio device (headless CI, a kiosk without speakers) is logged once; the button keeps
// working and the kiosk carries on. For tests, INDGANG_SPEECH_LOG=FILE appends one line per
// request, result and stop (never set in production: the lines hold the screen's text).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace indgang::text { struct Language; }

namespace indgang::kiosk {

class ReadAloud {
public:
    ReadAloud();
    ~ReadAloud();   // stops playback and joins the worker
    ReadAloud(const ReadAloud&) = delete;
    ReadAloud& operator=(const ReadAloud&) = delete;

    // Reads `logical` (logical-order UTF-8) with espeak-ng `voice` at `volume` 0..100, replacing
    // whatever was being read. `language` is only for the log.
    void speak(const std::string& logical, const std::string& voice, const std::string& language, int volume);

    // One piece of a longer reading: a widget's words in a voice of its own (Welcome reads each
    // language's name in that language's voice).
    struct Part {
        std::string id;          // the widget being read ("lang_ar", "book"; "" for none)
        std::string text;        // logical order, already in spoken form
        std::string voice, language;
    };
    // Reads the parts one after another (each synthesised on its own, queued back to back),
    // replacing whatever was being read. The log gets one "speak" line (the first part's
    // language and voice, all the text) and one "audio" line for the whole reading, as a
    // single text would; a reading in several voices adds a "part <lang> voice=…: text" line
    // per part.
    void speak(const std::vector<Part>& parts, int volume);
    // The id of the part being heard at `ms` ("" between parts, before the first arrives and
    // after the last): the kiosk highlights that widget while it is read.
    std::string current_id(uint64_t ms) const;
    // Stops reading now (second tap, another screen, the idle reset).
    void stop();
    // Main thread, between frames: hands finished speech to the audio device and notices the
    // end of playback (`ms`: the kiosk's monotonic clock). True when active() changed.
    bool pump(uint64_t ms);
    // Synthesising or playing: the button shows "stop".
    bool active() const { return waiting_ || playing_; }

private:
    struct Job {
        uint64_t generation = 0;
        std::string text, voice, language;
        int volume = 100;
        size_t index = 0;                // its place in the reading
    };
    struct Done {
        uint64_t generation = 0;
        size_t index = 0;
        std::vector<int16_t> pcm;
        int rate = 0;
        int volume = 100;
        std::string error;
    };
    void work();
    bool open_device(int rate);
    void log(const std::string& line);

    std::thread worker_;
    std::mutex mu_;                     // guards job_, done_, quit_
    std::condition_variable cv_;
    std::deque<Job> job_;               // the parts of the newest reading, in order
    std::deque<Done> done_;
    bool quit_ = false;
    uint64_t generation_ = 0;           // main thread; results of older generations are dropped
    bool waiting_ = false;              // main thread: a request is being synthesised
    bool playing_ = false;              // main thread: audio is queued on the device
    uint32_t device_ = 0;               // SDL_AudioDeviceID, 0 = not open
    int device_rate_ = 0;
    bool device_failed_ = false;        // logged once; never retried in this run
    uint64_t silent_until_ms_ = 0;      // no device: the button behaves as if it were playing
    struct Heard {
        std::string id;
        uint64_t start_ms = 0, end_ms = 0;
    };
    std::vector<std::string> part_ids_;  // main thread: the current reading's parts
    uint64_t heard_samples_ = 0;         // main thread: the reading so far, for its "audio" line
    int64_t heard_sum_ = 0;
    int heard_rate_ = 0;
    bool heard_device_ = false;
    std::vector<Heard> heard_;           // main thread: when each arrived part is heard
    size_t parts_left_ = 0;              // parts not synthesised yet
    uint32_t wake_event_ = 0;           // SDL user event that wakes the loop
    std::string log_path_;
};

// Joins what a screen shows into one text to read: its title, text and button labels, without
// navigation and keyboard keys; a check-in code is spelled digit by digit.
struct ReadAloudPiece {
    std::string id;      // widget id ("" for plain text)
    std::string text;    // logical order
};
std::string read_aloud_text(const std::vector<ReadAloudPiece>& pieces);

// The same pieces as parts, one per widget, so the widget being read can be highlighted: each in
// the visitor's language and voice, in spoken form (times as words). A language name (Welcome's
// lang_xx) is read in that language's own voice; a language without a voice is left out.
std::vector<ReadAloud::Part> read_aloud_parts(const std::vector<ReadAloudPiece>& pieces,
                                              const text::Language& visitor,
                                              const std::vector<text::Language>& languages);

}  // namespace indgang::kiosk
