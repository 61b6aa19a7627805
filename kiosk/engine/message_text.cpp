#include "kiosk/engine/message_text.h"

namespace carers::engine {

std::string fill_message(std::string_view tmpl, const MessageArgs& args) {
    std::string out;
    out.reserve(tmpl.size() + 32);
    std::size_t i = 0;
    while (i < tmpl.size()) {
        const std::size_t open = tmpl.find("{{", i);
        if (open == std::string_view::npos) break;
        const std::size_t close = tmpl.find("}}", open + 2);
        if (close == std::string_view::npos) break;
        out.append(tmpl.substr(i, open - i));
        const std::string_view name = tmpl.substr(open + 2, close - open - 2);
        const std::pair<std::string, std::string>* found = nullptr;
        for (const auto& a : args)
            if (a.first == name) found = &a;
        if (found) out += found->second;
        else out.append(tmpl.substr(open, close + 2 - open));
        i = close + 2;
    }
    out.append(tmpl.substr(i));
    return out;
}

}  // namespace carers::engine
