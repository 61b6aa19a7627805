// Speaker: reads text aloud through the loudspeaker, on a thread of its own.
//
// say() replaces whatever is being read and returns at once; stop() silences it (the page changed,
// the session was wiped). Samples from espeak-ng go to the sound card through pcaudiolib (the
// library espeak-ng itself plays through: PulseAudio, else ALSA). The sound device is opened on the
// speaker's thread as soon as it starts, so the kiosk knows within moments of start-up, without
// blocking its window, whether anything can be heard; on a machine with no working sound device
// the speaker reports itself unavailable and every call is a quiet no-op.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace carers::speech {

class Speaker {
public:
    // Starts the thread, which first opens the sound device. `device` picks one (an ALSA name such
    // as "hw:1" or "null"; empty: PulseAudio, else ALSA's default). With `silent`, nothing is
    // played (tests, screenshots) and no device is opened, but everything else runs.
    // `on_output_checked` is called once, on the speaker's thread, when the device has been tried
    // (the kiosk wakes its event loop with it).
    explicit Speaker(std::string device = {}, bool silent = false, std::function<void()> on_output_checked = {});
    ~Speaker();
    Speaker(const Speaker&) = delete;
    Speaker& operator=(const Speaker&) = delete;

    // Reads `text` in `voice` (an espeak-ng voice name), stopping anything being read.
    void say(std::string text, std::string voice);
    void stop();

    // Whether speech can be heard: the voices loaded and a sound device opened. True until found
    // otherwise (see output_checked()).
    bool available() const { return available_; }
    // Whether the sound device has been tried yet (at once when `silent`).
    bool output_checked() const { return output_checked_; }
    // Whether something is being read now.
    bool speaking() const { return speaking_; }
    // Why speech is unavailable, for the staff screen; empty when it works.
    std::string problem() const;
    // Pieces of speech finished or stopped since start (for tests).
    int finished_count() const { return finished_; }

private:
    void run();

    std::string device_;
    bool silent_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::string text_, voice_;
    bool pending_ = false;
    bool quit_ = false;
    std::atomic<unsigned> generation_{0};  // bumped by say() and stop(): older speech stops
    std::atomic<bool> available_{true};
    std::atomic<bool> output_checked_{false};
    std::function<void()> on_output_checked_;
    std::atomic<bool> speaking_{false};
    std::atomic<int> finished_{0};
    std::string problem_;
    std::thread thread_;
};

}  // namespace carers::speech
