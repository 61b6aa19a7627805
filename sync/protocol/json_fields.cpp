#include "sync/protocol/json_fields.h"

namespace carers::sync {

using nlohmann::json;

namespace {
struct TooDeep {};
// Our documents are at most a few levels deep; a hostile "[[[[..." must not cost memory per level.
constexpr int max_depth = 64;
}  // namespace

Result<json> parse_json(const std::string& text, const char* what) {
    try {
        return json::parse(text, [](int depth, json::parse_event_t, json&) {
            if (depth > max_depth) throw TooDeep{};
            return true;
        });
    } catch (const TooDeep&) {
        return make_error(std::string(what) + " is nested too deeply to be one of ours.");
    } catch (const json::parse_error& e) {
        // e.what() may quote the input; the byte offset is enough to find the fault.
        return make_error(std::string(what) + " is not valid JSON (or not valid UTF-8) near byte " +
                          std::to_string(e.byte) + ".");
    } catch (const std::exception&) {
        return make_error(std::string(what) + " is not valid JSON.");
    }
}

namespace {
Error missing(const char* key, const std::string& where, const char* type) {
    return make_error(where + ": \"" + key + "\" must be " + type + ".");
}
}  // namespace

Result<std::string> get_string(const json& obj, const char* key, const std::string& where) {
    auto it = obj.find(key);
    if (it == obj.end() || !it->is_string()) return missing(key, where, "a string");
    return it->get<std::string>();
}

Result<std::int64_t> get_int(const json& obj, const char* key, const std::string& where) {
    auto it = obj.find(key);
    if (it == obj.end() || !it->is_number_integer()) return missing(key, where, "a whole number");
    if (it->is_number_unsigned() &&
        it->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX))
        return missing(key, where, "a whole number that fits in 64 bits");
    return it->get<std::int64_t>();
}

Result<bool> get_bool(const json& obj, const char* key, const std::string& where) {
    auto it = obj.find(key);
    if (it == obj.end() || !it->is_boolean()) return missing(key, where, "true or false");
    return it->get<bool>();
}

Result<std::int64_t> get_int_or(const json& obj, const char* key, std::int64_t fallback,
                                const std::string& where) {
    if (!obj.contains(key)) return fallback;
    return get_int(obj, key, where);
}

Result<std::string> get_string_or(const json& obj, const char* key, const std::string& fallback,
                                  const std::string& where) {
    if (!obj.contains(key)) return fallback;
    return get_string(obj, key, where);
}

Result<bool> get_bool_or(const json& obj, const char* key, bool fallback, const std::string& where) {
    if (!obj.contains(key)) return fallback;
    return get_bool(obj, key, where);
}

}  // namespace carers::sync
