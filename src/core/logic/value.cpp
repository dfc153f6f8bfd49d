#include "logic/value.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include <nlohmann/json.hpp>

namespace shisaku::logic {

Value::Value(Array a) : kind_(Kind::Array), depth_(1) {
  for (const auto& e : a) depth_ = std::max(depth_, e.depth_ + 1);
  heap_ = std::make_shared<const logic::Array>(std::move(a));
}

Value::Value(Object o) : kind_(Kind::Object), depth_(1) {
  for (const auto& kv : o) depth_ = std::max(depth_, kv.second.depth_ + 1);
  heap_ = std::make_shared<const logic::Object>(std::move(o));
}

Value Value::range(double lo, double hi) {
  if (lo == hi) return Value(lo);
  Value v;
  v.kind_ = Kind::Range;
  v.s_.r = Range{lo, hi};
  return v;
}

bool Value::numeric_bounds(double& lo, double& hi) const {
  if (is_number()) {
    lo = hi = as_number();
    return true;
  }
  if (is_range()) {
    lo = as_range().lo;
    hi = as_range().hi;
    return true;
  }
  return false;
}

const Value* Value::find(std::string_view key) const {
  if (!is_object()) return nullptr;
  const auto& o = as_object();
  auto it = std::lower_bound(o.begin(), o.end(), key,
                             [](const auto& kv, std::string_view k) { return kv.first < k; });
  if (it == o.end() || it->first != key) return nullptr;
  return &it->second;
}

Value Interner::text(const std::string& s) {
  auto& slot = table_[s];
  if (!slot) slot = std::make_shared<const std::string>(s);
  Value v;
  v.kind_ = Value::Kind::String;
  v.heap_ = slot;
  v.interned_ = true;
  return v;
}

Value Value::from_json(const nlohmann::json& j, Interner* interner) {
  switch (j.type()) {
    case nlohmann::json::value_t::boolean:
      return Value(j.get<bool>());
    case nlohmann::json::value_t::number_integer:
      return Value(static_cast<double>(j.get<std::int64_t>()));
    case nlohmann::json::value_t::number_unsigned:
      return Value(static_cast<double>(j.get<std::uint64_t>()));
    case nlohmann::json::value_t::number_float:
      return Value(j.get<double>());
    case nlohmann::json::value_t::string:
      return interner ? interner->text(j.get<std::string>()) : Value(j.get<std::string>());
    case nlohmann::json::value_t::array: {
      logic::Array a;
      a.reserve(j.size());
      for (const auto& e : j) a.push_back(from_json(e, interner));
      return Value(std::move(a));
    }
    case nlohmann::json::value_t::object: {
      logic::Object o;  // nlohmann's std::map iterates in key order: already sorted
      o.reserve(j.size());
      for (auto it = j.begin(); it != j.end(); ++it) o.emplace_back(it.key(), from_json(it.value(), interner));
      return Value(std::move(o));
    }
    default:
      return Value();
  }
}

nlohmann::json Value::to_json() const {
  switch (kind()) {
    case Kind::Null:
    case Kind::Unknown:
      return nullptr;
    case Kind::Bool:
      return as_bool();
    case Kind::Number: {
      double n = as_number();
      if (std::isfinite(n) && n == std::floor(n) && std::fabs(n) < 9.007199254740992e15)
        return static_cast<std::int64_t>(n);
      return n;
    }
    case Kind::String:
      return as_string();
    case Kind::Array: {
      nlohmann::json a = nlohmann::json::array();
      for (const auto& e : as_array()) a.push_back(e.to_json());
      return a;
    }
    case Kind::Object: {
      nlohmann::json o = nlohmann::json::object();
      for (const auto& [k, v] : as_object()) o[k] = v.to_json();
      return o;
    }
    case Kind::Range:
      return {{"min", Value(as_range().lo).to_json()}, {"max", Value(as_range().hi).to_json()}};
  }
  return nullptr;
}

bool Value::equal_slow(const Value& o) const {
  switch (kind()) {
    case Kind::Null:
    case Kind::Unknown:
      return true;
    case Kind::Array:
      return as_array() == o.as_array();
    case Kind::Object:
      return as_object() == o.as_object();
    case Kind::Range:
      return as_range() == o.as_range();
    default:
      return false;  // the inline operator== handles the others
  }
}

std::vector<Value> var_path(const Value& name) {
  if (name.is_null()) return {};
  if (!name.is_string() && !name.is_number()) return {name};
  const std::string text = name.is_string() ? name.as_string() : number_to_string(name.as_number());
  std::vector<Value> out;
  if (text.empty()) return out;
  std::size_t start = 0;
  while (true) {
    auto dot = text.find('.', start);
    out.emplace_back(text.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return out;
}

const Value* lookup(const Value& root, const std::vector<Value>& path) {
  const Value* cur = &root;
  for (const auto& key : path) {
    if (cur->is_object()) {
      std::string k = key.is_string() ? key.as_string() : key.is_number() ? number_to_string(key.as_number()) : std::string();
      if (!key.is_string() && !key.is_number()) return nullptr;
      cur = cur->find(k);
      if (!cur) return nullptr;
    } else if (cur->is_array()) {
      double idx = -1;
      if (key.is_number()) {
        idx = key.as_number();
      } else if (key.is_string() && !key.as_string().empty() &&
                 key.as_string().find_first_not_of("0123456789") == std::string::npos &&
                 key.as_string().size() < 10) {
        idx = std::strtod(key.as_string().c_str(), nullptr);
      }
      const auto& a = cur->as_array();
      if (idx < 0 || idx != std::floor(idx) || idx >= static_cast<double>(a.size())) return nullptr;
      cur = &a[static_cast<std::size_t>(idx)];
    } else {
      return nullptr;
    }
  }
  return cur;
}

Tri truthy(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Null:
      return Tri::False;
    case Value::Kind::Bool:
      return v.as_bool() ? Tri::True : Tri::False;
    case Value::Kind::Number:
      return (v.as_number() != 0 && !std::isnan(v.as_number())) ? Tri::True : Tri::False;
    case Value::Kind::String:
      return v.as_string().empty() ? Tri::False : Tri::True;
    case Value::Kind::Array:
      return v.as_array().empty() ? Tri::False : Tri::True;
    case Value::Kind::Object:
      return Tri::True;
    case Value::Kind::Unknown:
      return Tri::Unknown;
    case Value::Kind::Range: {
      auto r = v.as_range();
      return (r.lo > 0 || r.hi < 0) ? Tri::True : Tri::Unknown;
    }
  }
  return Tri::Unknown;
}

std::string number_to_string(double n) {
  if (std::isnan(n)) return "NaN";
  if (std::isinf(n)) return n > 0 ? "Infinity" : "-Infinity";
  if (n == 0) return "0";  // also -0, as JavaScript prints it
  std::string sign = n < 0 ? "-" : "";
  double a = std::fabs(n);
  // The shortest digits that read back as the same double, then JavaScript's Number#toString
  // layout (ECMA-262 Number::toString): fixed notation for 1e-7 < |n| < 1e21.
  char buf[64];
  for (int precision = 0; precision <= 16; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*e", precision, a);
    if (std::strtod(buf, nullptr) == a) break;
  }
  std::string str(buf);
  std::size_t e = str.find('e');
  std::string digits;
  for (std::size_t i = 0; i < e; ++i)
    if (str[i] != '.') digits += str[i];
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  int k = static_cast<int>(digits.size());
  int point = std::atoi(str.c_str() + e + 1) + 1;  // position of the decimal point
  if (k <= point && point <= 21) return sign + digits + std::string(static_cast<std::size_t>(point - k), '0');
  if (0 < point && point <= 21) return sign + digits.substr(0, static_cast<std::size_t>(point)) + "." + digits.substr(static_cast<std::size_t>(point));
  if (-6 < point && point <= 0) return sign + "0." + std::string(static_cast<std::size_t>(-point), '0') + digits;
  std::string exp = (point - 1 >= 0 ? "+" : "-") + std::to_string(std::abs(point - 1));
  return sign + digits.substr(0, 1) + (k > 1 ? "." + digits.substr(1) : "") + "e" + exp;
}

}  // namespace shisaku::logic
