// A JsonLogic value, plus the two values a partial answer set produces:
// Unknown (an unanswered question) and Range (an unanswered number with known bounds, or
// an amount whose inputs are partly unanswered). Heap kinds share immutable storage, so a
// copy costs one reference count. A tagged union rather than std::variant: copying and
// destroying a scalar then needs no dispatch through a table, which in WebAssembly is an
// indirect call on the evaluator's hottest path.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace shisaku::logic {

class Value;
using Array = std::vector<Value>;
// Sorted by key, unique keys (JSON objects as nlohmann/json keeps them).
using Object = std::vector<std::pair<std::string, Value>>;

enum class Tri : std::uint8_t { False, True, Unknown };

struct Unknown {
  bool operator==(const Unknown&) const { return true; }
};
struct Range {
  double lo;
  double hi;
  bool operator==(const Range& o) const { return lo == o.lo && hi == o.hi; }
};

class Value {
 public:
  enum class Kind : std::uint8_t { Null, Bool, Number, String, Array, Object, Unknown, Range };

  Value() = default;
  Value(std::nullptr_t) {}
  Value(bool b) : kind_(Kind::Bool) { s_.b = b; }
  Value(double n) : kind_(Kind::Number) { s_.n = n; }
  Value(int n) : Value(static_cast<double>(n)) {}
  Value(std::string s) : kind_(Kind::String), heap_(std::make_shared<const std::string>(std::move(s))) {}
  Value(const char* s) : Value(std::string(s)) {}
  Value(Array a);
  Value(Object o);
  Value(Unknown) : kind_(Kind::Unknown) {}
  // A range whose bounds coincide is that number.
  static Value range(double lo, double hi);
  static Value unknown() { return Value(Unknown{}); }

  Kind kind() const { return kind_; }
  bool is_null() const { return kind() == Kind::Null; }
  bool is_bool() const { return kind() == Kind::Bool; }
  bool is_number() const { return kind() == Kind::Number; }
  bool is_string() const { return kind() == Kind::String; }
  bool is_array() const { return kind() == Kind::Array; }
  bool is_object() const { return kind() == Kind::Object; }
  bool is_unknown() const { return kind() == Kind::Unknown; }
  bool is_range() const { return kind() == Kind::Range; }
  // Unknown or Range: the value depends on answers not given yet.
  bool is_partial() const { return is_unknown() || is_range(); }

  // Each only for its kind.
  bool as_bool() const { return s_.b; }
  double as_number() const { return s_.n; }
  const std::string& as_string() const { return *static_cast<const std::string*>(heap_.get()); }
  const logic::Array& as_array() const { return *static_cast<const logic::Array*>(heap_.get()); }
  const logic::Object& as_object() const { return *static_cast<const logic::Object*>(heap_.get()); }
  Range as_range() const { return s_.r; }
  // A number or a range as [lo, hi]; false for anything else.
  bool numeric_bounds(double& lo, double& hi) const;

  // Nesting: 0 for scalars, 1 + the deepest item for arrays and objects. Kept with the value,
  // so bounding it costs nothing (the evaluator refuses to build values deeper than
  // kMaxValueDepth: destroying and printing them recurse).
  std::uint32_t depth() const { return depth_; }

  // Object member, or nullptr.
  const Value* find(std::string_view key) const;

  // With an interner, texts are shared: equal texts from one interner compare by address.
  static Value from_json(const nlohmann::json& j, class Interner* interner = nullptr);
  // Unknown becomes null and a range its midpoint-free form {"min":…, "max":…}; callers that
  // care (the estimator) look at kind() first.
  nlohmann::json to_json() const;

  // JSON-like equality (structural), used by tests and by `in` on arrays. Always inlined: the
  // conditions' comparisons run it for every answer (WebAssembly builds otherwise call it).
  [[gnu::always_inline]] bool operator==(const Value& o) const {
    if (kind() != o.kind()) return false;
    switch (kind()) {
      case Kind::Bool:
        return as_bool() == o.as_bool();
      case Kind::Number:
        return as_number() == o.as_number();
      case Kind::String:
        if (heap_ == o.heap_) return true;
        if (interned_ && o.interned_) return false;  // one copy per text: other address, other text
        return as_string() == o.as_string();
      default:
        return equal_slow(o);
    }
  }
  bool operator!=(const Value& o) const { return !(*this == o); }

 private:
  bool equal_slow(const Value& o) const;
  friend class Interner;
  Kind kind_ = Kind::Null;
  bool interned_ = false;  // a text from an Interner: equal only to the same address
  std::uint32_t depth_ = 0;
  union Scalar {
    bool b;
    double n;
    Range r;
  } s_{};                             // Bool, Number, Range
  std::shared_ptr<const void> heap_;  // String (std::string), Array, Object
};

// One shared copy of each text. The catalog interns option values and the texts in its rules,
// so comparing an answer with a rule's literal is an address comparison.
class Interner {
 public:
  Value text(const std::string& s);

 private:
  std::unordered_map<std::string, std::shared_ptr<const std::string>> table_;
};

constexpr std::uint32_t kMaxValueDepth = 512;
// Steps of map, filter, reduce, all, some and none in one evaluation. Nothing else in JsonLogic
// repeats, so without this a rule of a few lines (iterators nested over long lists) could run
// for days; the real rules take a few dozen.
constexpr std::size_t kMaxIterations = 1'000'000;

// A variable name as a path, as json-logic-js reads it: "a.b.1" → ["a", "b", "1"]; "" and null
// → [] (the whole scope); a number is read as its text. Other kinds stay one (unresolvable) key.
std::vector<Value> var_path(const Value& name);

// Follows a path of keys (strings) and array indices (numbers, or strings of digits) from
// root; nullptr when a step does not exist.
const Value* lookup(const Value& root, const std::vector<Value>& path);

// JavaScript truthiness; Unknown stays Unknown, a range is decided when it excludes 0.
Tri truthy(const Value& v);

// JavaScript's Number → string (1 → "1", 0.5 → "0.5", 1e21 → "1e+21").
std::string number_to_string(double n);

}  // namespace shisaku::logic
