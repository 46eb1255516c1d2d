// Closures posted by worker threads and run on the main thread, which alone touches ImGui and
// the window's state. Posting wakes the event wait with an SDL user event.
#pragma once

#include <SDL.h>

#include <functional>
#include <mutex>
#include <vector>

namespace indgang::admin::gui {

class RunQueue {
public:
    void post(std::function<void()> f) {
        {
            std::lock_guard lock(mutex_);
            queue_.push_back(std::move(f));
        }
        SDL_Event wake{};
        wake.type = SDL_USEREVENT;
        SDL_PushEvent(&wake);
    }
    void drain() {
        std::vector<std::function<void()>> now;
        {
            std::lock_guard lock(mutex_);
            now.swap(queue_);
        }
        for (auto& f : now) f();
    }

private:
    std::mutex mutex_;
    std::vector<std::function<void()>> queue_;
};

}  // namespace indgang::admin::gui
