// PageReader: what the kiosk reads aloud, and when. It links the screens to ReadAloud: "Listen"
// on a form page reads that page (question, hint, choices) in the person's language, on the home
// screen the journeys and help near you, on the start screen the choices; with "Read the screen
// aloud" on, each of those is read as it opens; leaving it, a wipe or a screen with nothing to
// read stops the voice. The speaking runs on the speaker's own thread.
#pragma once

#include <string>
#include <vector>

#include "kiosk/app/read_aloud.h"
#include "kiosk/i18n/catalog.h"
#include "kiosk/ui/intent.h"
#include "kiosk/ui/kiosk_model.h"

namespace carers::app {

// Whether espeak-ng can speak every one of these languages (its data loads and each language's
// X-Speech-Voice exists). Without, the kiosk offers no reading aloud rather than a mute button.
bool voices_installed(const std::vector<i18n::Catalog>& languages);

// The stable name of the page a model shows, for the voice: "home", "start", a form's page, a
// saved-forms screen with its stage or message, or empty (nothing to read there).
std::string spoken_page_key(const ui::KioskModel& model);

class PageReader {
public:
    explicit PageReader(ReadAloud& voice) : voice_(voice) {}

    // Call once a frame with the model that was drawn and the intents it returned (before they
    // are carried out and wiped).
    void after_frame(const ui::KioskModel& model, const i18n::Catalog& catalog, const ui::Intents& intents);
    // The session was wiped: silence at once.
    void stop() { voice_.stop(); }

    // What was last given to the voice (tests check it is the page, in its language).
    const std::string& last_text() const { return last_text_; }
    const std::string& last_voice() const { return last_voice_; }

private:
    std::string text_of(const ui::KioskModel& model, const i18n::Catalog& catalog) const;

    ReadAloud& voice_;
    std::string last_text_, last_voice_;
};

}  // namespace carers::app
