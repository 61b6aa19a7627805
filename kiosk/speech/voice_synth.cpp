#include "kiosk/speech/voice_synth.h"

#include <mutex>
#include <string>

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

namespace carers::speech {

namespace {

std::mutex& espeak_lock() {
    static std::mutex m;
    return m;
}

// The sink of the synthesis in progress (espeak-ng's callback has no user pointer of ours that
// survives every path, and calls are serialised by espeak_lock anyway).
const std::function<bool(const std::int16_t*, int)>* current_sink = nullptr;

int on_samples(short* wav, int count, espeak_EVENT*) {
    if (!current_sink || !wav || count <= 0) return 0;
    return (*current_sink)(wav, count) ? 0 : 1;  // 1 asks espeak-ng to stop
}

}  // namespace

Result<VoiceSynth*> VoiceSynth::get() {
    static Result<VoiceSynth*> instance = []() -> Result<VoiceSynth*> {
        std::lock_guard<std::mutex> lock(espeak_lock());
        espeak_ng_InitializePath(nullptr);
        espeak_ng_ERROR_CONTEXT context = nullptr;
        espeak_ng_STATUS status = espeak_ng_Initialize(&context);
        if (status != ENS_OK) {
            espeak_ng_ClearErrorContext(&context);
            return make_error("The speech voices (espeak-ng-data) could not be loaded, so nothing can be read aloud.");
        }
        status = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 200, nullptr);
        if (status != ENS_OK) return make_error("The speech engine could not be started.");
        espeak_SetSynthCallback(on_samples);
        static VoiceSynth synth;
        synth.sample_rate_ = espeak_ng_GetSampleRate();
        return &synth;
    }();
    return instance;
}

bool VoiceSynth::has_voice(const std::string& voice) {
    std::lock_guard<std::mutex> lock(espeak_lock());
    return espeak_ng_SetVoiceByName(voice.c_str()) == ENS_OK;
}

Result<void> VoiceSynth::synthesize(std::string_view text, const std::string& voice,
                                    const std::function<bool(const std::int16_t*, int)>& sink) {
    std::lock_guard<std::mutex> lock(espeak_lock());
    if (espeak_ng_SetVoiceByName(voice.c_str()) != ENS_OK)
        return make_error("There is no speech voice for " + voice + ".");
    // Slightly slower than espeak-ng's default 175 words a minute: easier to follow.
    espeak_SetParameter(espeakRATE, 150, 0);
    const std::string copy(text);  // espeak-ng wants a terminated string
    // SSML lets one text change voice part-way (<voice name="pl">Polski</voice>).
    const unsigned flags = espeakCHARS_UTF8 | (text.rfind("<speak>", 0) == 0 ? espeakSSML : 0u);
    current_sink = &sink;
    espeak_ng_STATUS status =
        espeak_ng_Synthesize(copy.c_str(), copy.size() + 1, 0, POS_CHARACTER, 0, flags, nullptr, nullptr);
    current_sink = nullptr;
    if (status != ENS_OK && status != ENS_SPEECH_STOPPED) return make_error("Speech could not be made for this text.");
    return {};
}

}  // namespace carers::speech
