// Speaker: reads text aloud through the loudspeaker, on a thread of its own.
//
// say() replaces whatever is being read and returns at once; stop() silences it (the page changed,
// the session was wiped). Samples from espeak-ng go to the sound card through pcaudiolib (the
// library espeak-ng itself plays through: PulseAudio, else ALSA). On a machine with no sound
// device the speaker reports itself unavailable and every call is a quiet no-op.
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace carers::speech {

class Speaker {
public:
    // Starts the thread. `device` picks a sound device (empty: the default). With `silent`,
    // nothing is played (tests, screenshots) but everything else runs.
    explicit Speaker(std::string device = {}, bool silent = false);
    ~Speaker();
    Speaker(const Speaker&) = delete;
    Speaker& operator=(const Speaker&) = delete;

    // Reads `text` in `voice` (an espeak-ng voice name), stopping anything being read.
    void say(std::string text, std::string voice);
    void stop();

    // Whether speech can be heard: the voices loaded and a sound device opened. Known after the
    // first say() (opening the device is tried then, off the UI thread); true until then.
    bool available() const { return available_; }
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
    std::atomic<bool> speaking_{false};
    std::atomic<int> finished_{0};
    std::string problem_;
    std::thread thread_;
};

}  // namespace carers::speech
