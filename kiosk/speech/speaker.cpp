#include "kiosk/speech/speaker.h"

#include <pcaudiolib/audio.h>

#include "kiosk/speech/voice_synth.h"

namespace carers::speech {

Speaker::Speaker(std::string device, bool silent, std::function<void()> on_output_checked)
    : device_(std::move(device)), silent_(silent), on_output_checked_(std::move(on_output_checked)) {
    thread_ = std::thread([this] { run(); });
}

Speaker::~Speaker() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        quit_ = true;
        ++generation_;
    }
    wake_.notify_all();
    thread_.join();
}

void Speaker::say(std::string text, std::string voice) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        text_ = std::move(text);
        voice_ = std::move(voice);
        pending_ = true;
        ++generation_;
    }
    wake_.notify_all();
}

void Speaker::stop() {
    std::lock_guard<std::mutex> lock(mutex_);
    pending_ = false;
    text_.clear();
    ++generation_;
}

std::string Speaker::problem() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return problem_;
}

void Speaker::run() {
    audio_object* audio = nullptr;
    bool audio_open = false;
    // espeak-ng's rate for its voices; opening the device now (not at the first Listen) tells the
    // kiosk whether to offer reading aloud at all.
    const int audio_rate = 22050;
    if (!silent_) {
        audio = create_audio_device_object(device_.empty() ? nullptr : device_.c_str(), "carers-kiosk", "Read aloud");
        if (audio && audio_object_open(audio, AUDIO_OBJECT_FORMAT_S16LE, static_cast<std::uint32_t>(audio_rate), 1) == 0) {
            audio_open = true;
        } else {
            // No sound device (a server, a kiosk without speakers): say so once, quietly.
            std::lock_guard<std::mutex> lock(mutex_);
            problem_ = "No sound device could be opened, so nothing can be read aloud.";
            available_ = false;
        }
    }
    output_checked_ = true;
    if (on_output_checked_) on_output_checked_();
    for (;;) {
        std::string text, voice;
        unsigned generation = 0;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            wake_.wait(lock, [&] { return quit_ || pending_; });
            if (quit_) break;
            text.swap(text_);
            voice = voice_;
            pending_ = false;
            generation = generation_;
        }
        auto synth = VoiceSynth::get();
        if (!synth) {
            std::lock_guard<std::mutex> lock(mutex_);
            problem_ = synth.message();
            available_ = false;
            continue;
        }
        if (!silent_ && !audio_open) continue;  // nowhere to play it (problem_ says why)
        if (audio_open && synth.value()->sample_rate() != audio_rate) {
            std::lock_guard<std::mutex> lock(mutex_);
            problem_ = "espeak-ng speaks at a rate the sound device was not opened for.";
            available_ = false;
            continue;
        }
        speaking_ = true;
        bool stopped = false;
        auto result = synth.value()->synthesize(text, voice, [&](const std::int16_t* samples, int count) {
            if (generation_ != generation) {
                stopped = true;
                return false;
            }
            if (audio_open)
                audio_object_write(audio, reinterpret_cast<const char*>(samples), static_cast<std::size_t>(count) * 2);
            return true;
        });
        if (audio_open) {
            if (stopped || generation_ != generation) audio_object_flush(audio);
            else audio_object_drain(audio);
        }
        if (!result) {
            std::lock_guard<std::mutex> lock(mutex_);
            problem_ = result.message();
        }
        speaking_ = false;
        ++finished_;
    }
    if (audio) {
        if (audio_open) audio_object_close(audio);
        audio_object_destroy(audio);
    }
}

}  // namespace carers::speech
