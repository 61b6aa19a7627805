// Reading typed fields out of untrusted JSON without exceptions escaping: each getter returns the
// value or an Error naming the field (never its content).
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "kiosk/common/result.h"

namespace carers::sync {

// Parses `text`; refuses invalid JSON and invalid UTF-8 with the byte offset of the problem.
Result<nlohmann::json> parse_json(const std::string& text, const char* what);

Result<std::string> get_string(const nlohmann::json& obj, const char* key, const std::string& where);
Result<std::int64_t> get_int(const nlohmann::json& obj, const char* key, const std::string& where);
Result<bool> get_bool(const nlohmann::json& obj, const char* key, const std::string& where);
// An optional member: `fallback` when absent; an Error when present with the wrong type.
Result<std::int64_t> get_int_or(const nlohmann::json& obj, const char* key, std::int64_t fallback,
                                const std::string& where);
Result<std::string> get_string_or(const nlohmann::json& obj, const char* key,
                                  const std::string& fallback, const std::string& where);
Result<bool> get_bool_or(const nlohmann::json& obj, const char* key, bool fallback,
                         const std::string& where);

}  // namespace carers::sync
