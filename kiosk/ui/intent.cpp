#include "kiosk/ui/intent.h"

#include <iterator>

#include "kiosk/common/secure_wipe.h"

namespace carers::ui {

void wipe_intents(Intents& intents) noexcept {
    for (Intent& in : intents) {
        secure_wipe(in.text);
        for (std::string& part : in.parts) secure_wipe(part);
        for (engine::AnswerValue& v : in.values) {
            if (auto* s = std::get_if<std::string>(&v)) secure_wipe(*s);
            if (auto* c = std::get_if<engine::Coding>(&v)) secure_wipe(c->display);
        }
        in.values.clear();
    }
    intents.clear();
}

void append_intents(Intents& out, Intents& more) {
    out.insert(out.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    wipe_intents(more);
}

}  // namespace carers::ui
