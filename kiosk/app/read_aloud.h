// ReadAloud: when the kiosk speaks. "Listen" reads the current page; with "read every page"
// switched on, each page is read as it opens; a new page or a wiped session stops the voice at
// once. The speaking itself is done by speech::Speaker on its own thread.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "kiosk/speech/speaker.h"

namespace carers::app {

class ReadAloud {
public:
    // `silent` runs everything but plays nothing (screenshot tours, tests).
    explicit ReadAloud(bool silent = false) : speaker_(std::make_unique<speech::Speaker>(std::string(), silent)) {}
    // Plays through `device` (empty: the default), which is opened at once off the UI thread;
    // `on_output_checked` is called from that thread when it is known whether it works.
    ReadAloud(std::string device, std::function<void()> on_output_checked)
        : speaker_(std::make_unique<speech::Speaker>(std::move(device), false, std::move(on_output_checked))) {}

    // Call once a frame with the page now shown (a stable key; empty off a form) and what it
    // would say. A change of page stops the voice, then reads the new page when `every_page`.
    void on_page(const std::string& page_key, bool every_page, const std::string& text, const std::string& voice) {
        if (page_key == page_key_) return;
        page_key_ = page_key;
        speaker_->stop();
        if (every_page && !page_key.empty() && !text.empty()) speaker_->say(text, voice);
    }
    // The "Listen" button: reads `text` now, from the start.
    void listen(const std::string& text, const std::string& voice) {
        if (!text.empty()) speaker_->say(text, voice);
    }
    // The session was wiped or the kiosk is going idle: silence, and forget the page.
    void stop() {
        speaker_->stop();
        page_key_.clear();
    }

    // The page last given to on_page (empty after stop()).
    const std::string& page() const { return page_key_; }
    bool available() const { return speaker_->available(); }
    // Whether a sound device has been found to work (false while it is still being tried).
    bool heard() const { return speaker_->output_checked() && speaker_->available(); }
    std::string problem() const { return speaker_->problem(); }
    speech::Speaker& speaker() { return *speaker_; }

private:
    std::unique_ptr<speech::Speaker> speaker_;
    std::string page_key_;
};

}  // namespace carers::app
