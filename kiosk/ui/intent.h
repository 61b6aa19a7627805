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
        // journeys
        OpenForm,        // form_id: start a journey from the home screen
        Answer,          // ref + values (empty values clears the answer)
        AnswerText,      // ref + text: what is typed in a box (the engine reads numbers from it)
        AnswerDate,      // ref + parts: day, month, year as typed
        ToggleOption,    // ref + values[0]: a tap on an answer option
        Next,
        Back,
        AddAnother,      // on an add-another page
        RemoveRepetition,  // ref: the group with its outer reps; number: which repetition
        ShowTaskList,
        OpenSection,     // ref.item: the section
        Change,          // ref: the question to change, from "Check your answers"
        Submit,          // "Send" on "Check your answers"
        StartAgain,      // leave the result page: wipe the session, back to home
        FinishAndClear,  // "Finish and clear": wipe everything now, back to the attract screen
        // saved forms
        SaveForLater,    // open "Save and come back later" from a form page or the task list
        ParkDraft,       // text: the memorable word chosen (zeroed after use)
        OpenContinueSaved,  // "Continue a saved form" on the home screen
        ResumeDraft,     // text: the resume code as typed; parts[0]: the memorable word
        CarryOnDraft,    // personal mode: reopen the form saved on this device
        DiscardDraft,    // personal mode: "Start again" (the saved form is deleted)
        // the way in
        Wake,            // a touch on the attract screen
        ChooseLanguage,  // text: language code
        SetTextSize,     // number: 100, 150 or 200 (per cent)
        SetHighContrast, // number: 1 on, 0 off
        SetReadAloud,    // number: 1 on, 0 off
        GoHome,          // from the start screen
        GoStart,         // back to language and display choices (a form in progress is kept)
        Listen,          // read the page aloud now
        MoreTime,        // "I need more time" on the inactivity warning
        // staff
        OpenStaffEntry,  // the hidden gesture was made
        SubmitPin,       // text: the PIN typed (zeroed by the app after checking)
        CloseStaff,      // back to the attract screen
        SyncNow,
        CheckConnection, // staff: can this kiosk reach and trust its Carers Centre?
        LeaveKioskMode,  // quit the app (staff only)
    };
    Kind kind;
    std::string form_id = {};
    engine::ItemRef ref = {};
    std::vector<engine::AnswerValue> values = {};
    std::string text = {};
    int number = 0;
    std::vector<std::string> parts = {};  // AnswerDate: day, month, year; ResumeDraft: the word
};

using Intents = std::vector<Intent>;

// Zeroes the strings in intents that may hold what a person typed (answers, a PIN), then empties
// the list. Every list of intents ends here, so no copy of a typed answer outlives its frame.
void wipe_intents(Intents& intents) noexcept;

// Moves the intents of `more` to the end of `out` and wipes what is left in `more` (a moved-from
// short string keeps its characters).
void append_intents(Intents& out, Intents& more);

}  // namespace carers::ui
