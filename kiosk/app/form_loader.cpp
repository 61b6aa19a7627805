#include "kiosk/app/form_loader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace carers::app {

namespace {

// The order journeys appear on the home screen: the gentle one first.
int journey_rank(const std::string& id) {
    static const char* order[] = {"am-i-a-carer", "carers-self-review", "emergency-card"};
    for (int i = 0; i < 3; ++i)
        if (id == order[i]) return i;
    return 3;
}

}  // namespace

std::vector<LoadedForm> load_forms(const std::string& dir, const std::function<void(const std::string&)>& problem) {
    std::vector<LoadedForm> out;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        if (entry.path().extension() != ".json") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        // Read at most a little over the engine's limit: the parser then refuses it by size.
        std::string buf(engine::max_form_bytes + 1, '\0');
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        buf.resize(static_cast<std::size_t>(in.gcount()));
        auto q = engine::parse_questionnaire(buf);
        if (!q) {
            problem(entry.path().filename().string() + ": " + q.message());
            continue;
        }
        out.push_back({entry.path().stem().string(), q.value()});
    }
    if (ec) problem("Cannot read the forms folder " + dir + ".");
    std::sort(out.begin(), out.end(), [](const LoadedForm& a, const LoadedForm& b) {
        return std::make_pair(journey_rank(a.id), a.id) < std::make_pair(journey_rank(b.id), b.id);
    });
    return out;
}

}  // namespace carers::app
