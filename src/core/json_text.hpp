// JSON as text, without exceptions: the WebAssembly build has none (a throw aborts), so the
// core never calls a nlohmann function that can throw on what a user supplies.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace shisaku {

// dump() that cannot throw: bytes that are not UTF-8 (a file name, a string built from one)
// become U+FFFD instead of raising type_error 316.
inline std::string json_text(const nlohmann::json& j, int indent = -1) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace shisaku
