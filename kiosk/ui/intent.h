// Intent: what a person asked for on screen this frame. Views return intents; the app carries
// them out (answering, moving, saving, clearing). Views never change engine or store state.
#pragma once

#include <string>
#include <vector>

#include "kiosk/engine/answer_value.h"
#include "kiosk/engine/item_ref.h"

namespace carers::ui {

struct Intent {
    enum class Kind {
        OpenForm,        // form_id: start a journey from the home screen
        Answer,          // ref + values (empty values clears the answer)
        Next,
        Back,
        StartAgain,      // leave the result page: wipe the session, back to home
        FinishAndClear,  // "Finish and clear": wipe everything now, back to home
    };
    Kind kind;
    std::string form_id = {};
    engine::ItemRef ref = {};
    std::vector<engine::AnswerValue> values = {};
};

using Intents = std::vector<Intent>;

}  // namespace carers::ui
