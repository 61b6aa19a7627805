#include "kiosk/ui/placeholders.h"

namespace carers::ui {

std::string fill_placeholders(const std::string& text, const Placeholders& values) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        auto open = text.find("{{", i);
        if (open == std::string::npos) break;
        auto close = text.find("}}", open + 2);
        if (close == std::string::npos) break;
        out.append(text, i, open - i);
        auto it = values.find(text.substr(open + 2, close - open - 2));
        if (it != values.end()) out += it->second;
        i = close + 2;
    }
    out.append(text, i, std::string::npos);
    return out;
}

}  // namespace carers::ui
