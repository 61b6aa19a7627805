// VoiceSynth: text to speech samples with espeak-ng, in the language's voice.
//
// espeak-ng keeps one global state per process, so there is one synthesiser and every call is
// serialised by a lock. It is used in espeak-ng's synchronous mode with a sample callback, so
// the same code feeds the loudspeaker (Speaker) and the tests (a buffer). Note: initialising
// espeak-ng sets the process's LC_CTYPE to C.UTF-8 (it needs a UTF-8 ctype).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "kiosk/common/result.h"

namespace carers::speech {

class VoiceSynth {
public:
    // The process's synthesiser, initialised on first use; an error when espeak-ng's data cannot
    // be loaded (e.g. espeak-ng-data is not installed).
    static Result<VoiceSynth*> get();

    int sample_rate() const { return sample_rate_; }  // Hz, mono 16-bit

    // Whether espeak-ng has a voice by this name ("en", "pl", "ar", "cmn").
    bool has_voice(const std::string& voice);

    // Speaks `text` (UTF-8) in `voice`, handing each block of samples to `sink` as it is made.
    // A text that starts with "<speak>" is SSML (its &, < and > escaped): a part in
    // <voice name="pl">...</voice> is read in that voice, then `voice` carries on.
    // `sink` returns false to stop early (then the result is still success). Refuses an unknown
    // voice. Blocks until done: call it off the UI thread.
    Result<void> synthesize(std::string_view text, const std::string& voice,
                            const std::function<bool(const std::int16_t*, int)>& sink);

private:
    VoiceSynth() = default;
    int sample_rate_ = 22050;
};

}  // namespace carers::speech
