#include "kiosk/app/kiosk_config.h"

#include <nlohmann/json.hpp>

namespace carers::app {

Result<KioskConfig> parse_kiosk_config(const std::string& text) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error&) {
        return make_error("The kiosk settings file (kiosk.json) is not valid JSON.");
    }
    if (!j.is_object()) return make_error("The kiosk settings file (kiosk.json) should hold a JSON object.");
    KioskConfig c;
    c.raw_json = text;
    for (const char* section : {"venue", "centre", "scheme"}) {
        if (!j.contains(section)) continue;
        const auto& s = j[section];
        if (!s.is_object()) return make_error(std::string("In kiosk.json, \"") + section + "\" should be an object.");
        for (auto it = s.begin(); it != s.end(); ++it) {
            if (!it.value().is_string()) continue;  // numbers and lists belong to other readers
            c.placeholders[std::string(section) + "." + it.key()] = it.value().get<std::string>();
        }
    }
    if (j.contains("kiosk")) {
        const auto& k = j["kiosk"];
        if (!k.is_object()) return make_error("In kiosk.json, \"kiosk\" should be an object.");
        struct Field {
            const char* name;
            double* target;
            double min, max;
        } fields[] = {{"inactivity_seconds", &c.behaviour.inactivity_seconds, 1, 3600},
                      {"warning_seconds", &c.behaviour.warning_seconds, 1, 600},
                      {"attract_seconds", &c.behaviour.attract_seconds, 1, 600},
                      {"screen_width_mm", &c.behaviour.screen_width_mm, 50, 3000}};
        for (const Field& f : fields) {
            if (!k.contains(f.name)) continue;
            const auto& v = k[f.name];
            if (!v.is_number() || v.get<double>() < f.min || v.get<double>() > f.max)
                return make_error(std::string("In kiosk.json, kiosk.") + f.name + " should be a number from " +
                                  std::to_string(static_cast<int>(f.min)) + " to " + std::to_string(static_cast<int>(f.max)) + ".");
            *f.target = v.get<double>();
        }
        for (const char* name : {"fullscreen", "touch"}) {
            if (!k.contains(name)) continue;
            if (!k[name].is_boolean())
                return make_error(std::string("In kiosk.json, kiosk.") + name + " should be true or false.");
            if (std::string(name) == "fullscreen") c.behaviour.fullscreen = k[name].get<bool>();
            else c.behaviour.touch = k[name].get<bool>();
        }
        if (k.contains("monitor")) {
            const auto& v = k["monitor"];
            if (!v.is_number_integer() || v.get<long>() < 0 || v.get<long>() > 15)
                return make_error("In kiosk.json, kiosk.monitor should be a whole number from 0 to 15.");
            c.behaviour.monitor = static_cast<int>(v.get<long>());
        }
    }
    if (auto it = c.placeholders.find("centre.sealing_public_key"); it != c.placeholders.end()) {
        c.sealing_public_key = it->second;
        c.placeholders.erase(it);
    }
    return c;
}

}  // namespace carers::app
