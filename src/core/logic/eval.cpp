// Walks the compiled tree. Errors (NaN, invalid arguments, thrown values) travel in the
// context rather than as C++ exceptions, so the same code runs in WebAssembly builds without
// exception support. Partial values (Unknown, Range) follow Kleene logic and interval
// arithmetic; see docs/decisions/0001-jsonlogic-with-unknowns.md.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "logic/logic.hpp"

namespace shisaku::logic {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

Value error_value(const char* type) { return Value(Object{{"type", Value(type)}}); }

struct Ctx {
  // The data, then the scopes iterators push (their metadata {"index": i}, then their item).
  // Kept apart so an evaluation without iterators allocates nothing.
  const Value* root = nullptr;
  std::vector<Value> nested;
  const std::vector<Value>* slots = nullptr;

  const Value& top() const { return nested.empty() ? *root : nested.back(); }
  std::size_t depth() const { return nested.size() + 1; }
  // The scope `up` levels above the current one (the data when beyond the outermost).
  const Value& above(std::size_t up) const {
    if (up + 1 >= depth()) return *root;
    return nested[nested.size() - 1 - up];
  }
  std::optional<Value> error;
  std::size_t iterations = 0;  // against kMaxIterations

  std::optional<Value> first_error;  // kept while evaluation goes on past an error

  // When set, the evaluation also notes the unanswered slots its value still depends on: every
  // partial slot read is noted, and a node whose value turns out decided drops what its
  // operands noted (it no longer depends on them). A short-circuited operand is never read, so
  // it adds nothing. One pass, instead of re-evaluating each undecided subtree.
  std::vector<int>* missing = nullptr;
  void note_read(int slot, const Value& v) {
    if (missing && v.is_partial()) missing->push_back(slot);
  }

  bool failed() const { return error.has_value(); }
  // Sets the error aside so that evaluation can continue (to find what else is missing).
  void keep_first_error() {
    if (!first_error) first_error = std::move(error);
    error.reset();
  }
  Value fail(Value e) {
    if (!error) error = std::move(e);
    return Value();
  }
  Value fail(const char* type) { return fail(error_value(type)); }
};

Value eval(const Node& n, Ctx& c);
Tri truth(const Node& n, Ctx& c);

// ---- numbers ------------------------------------------------------------------------

// JavaScript's Number(string): a whitespace-trimmed decimal literal or 0x/0o/0b integer; "" → 0.
bool parse_js_number(const std::string& s, double& out) {
  auto b = s.find_first_not_of(" \t\n\r\f\v");
  if (b == std::string::npos) {
    out = 0;
    return true;
  }
  auto e = s.find_last_not_of(" \t\n\r\f\v");
  std::string t = s.substr(b, e - b + 1);
  // 0x1f, 0o17, 0b101: unsigned integers in base 16, 8, 2.
  if (t.size() > 2 && t[0] == '0') {
    int base = (t[1] == 'x' || t[1] == 'X') ? 16 : (t[1] == 'o' || t[1] == 'O') ? 8 : (t[1] == 'b' || t[1] == 'B') ? 2 : 0;
    if (base != 0) {
      double value = 0;
      for (std::size_t i = 2; i < t.size(); ++i) {
        int digit = std::isdigit(static_cast<unsigned char>(t[i])) ? t[i] - '0'
                    : std::isxdigit(static_cast<unsigned char>(t[i])) ? std::tolower(static_cast<unsigned char>(t[i])) - 'a' + 10
                                                                       : base;
        if (digit >= base) return false;
        value = value * base + digit;
      }
      out = value;
      return true;
    }
  }
  std::string body = t;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) body = body.substr(1);
  if (body == "Infinity") {
    out = t[0] == '-' ? -kInf : kInf;
    return true;
  }
  // digits [. digits] [e[+-]digits], at least one digit in the mantissa
  std::size_t i = 0, digits = 0;
  while (i < body.size() && std::isdigit(static_cast<unsigned char>(body[i]))) ++i, ++digits;
  if (i < body.size() && body[i] == '.') {
    ++i;
    while (i < body.size() && std::isdigit(static_cast<unsigned char>(body[i]))) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
    ++i;
    if (i < body.size() && (body[i] == '+' || body[i] == '-')) ++i;
    std::size_t exp_digits = 0;
    while (i < body.size() && std::isdigit(static_cast<unsigned char>(body[i]))) ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  if (i != body.size()) return false;
  out = std::strtod(t.c_str(), nullptr);
  return true;
}

// A number, or an interval for partial values. `unknown` when nothing is known.
struct Interval {
  double lo = 0, hi = 0;
  bool unknown = false;
  bool exact() const { return !unknown && lo == hi; }
  Value to_value() const { return unknown ? Value::unknown() : Value::range(lo, hi); }
};

// Coerces as JavaScript's Number() does for the types JsonLogic allows; arrays, objects and
// non-numeric strings raise NaN.
bool to_interval(const Value& v, Interval& out, Ctx& c) {
  switch (v.kind()) {
    case Value::Kind::Null:
      out = {0, 0};
      return true;
    case Value::Kind::Bool:
      out = {v.as_bool() ? 1.0 : 0.0, v.as_bool() ? 1.0 : 0.0};
      return true;
    case Value::Kind::Number:
      out = {v.as_number(), v.as_number()};
      return true;
    case Value::Kind::String: {
      double d;
      if (!parse_js_number(v.as_string(), d)) {
        c.fail("NaN");
        return false;
      }
      out = {d, d};
      return true;
    }
    case Value::Kind::Unknown:
      out = {0, 0, true};
      return true;
    case Value::Kind::Range:
      out = {v.as_range().lo, v.as_range().hi};
      return true;
    default:
      c.fail("NaN");
      return false;
  }
}

double safe_mul(double a, double b) { return (a == 0 || b == 0) ? 0 : a * b; }

Interval combine(const Interval& a, const Interval& b, Op op) {
  if (a.unknown || b.unknown) return {0, 0, true};
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  if (std::isnan(a.lo) || std::isnan(b.lo)) return {kNaN, kNaN};  // NaN stays NaN (not exact())
  switch (op) {
    case Op::Add:
      return {a.lo + b.lo, a.hi + b.hi};
    case Op::Sub:
      return {a.lo - b.hi, a.hi - b.lo};
    case Op::Mul: {
      // Exact factors multiply as IEEE numbers (0 × Infinity is NaN); a range's unbounded end
      // times 0 is 0, since the value behind it is finite.
      if (a.exact() && b.exact()) return {a.lo * b.lo, a.lo * b.lo};
      double p[] = {safe_mul(a.lo, b.lo), safe_mul(a.lo, b.hi), safe_mul(a.hi, b.lo), safe_mul(a.hi, b.hi)};
      return {*std::min_element(p, p + 4), *std::max_element(p, p + 4)};
    }
    case Op::Div: {
      double p[] = {a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi};
      return {*std::min_element(p, p + 4), *std::max_element(p, p + 4)};
    }
    case Op::Max:
      return {std::max(a.lo, b.lo), std::max(a.hi, b.hi)};
    case Op::Min:
      return {std::min(a.lo, b.lo), std::min(a.hi, b.hi)};
    default:
      return {0, 0, true};
  }
}

Value number_result(const Interval& r, Ctx& c) {
  if (r.unknown) return Value::unknown();
  if (std::isnan(r.lo) || std::isnan(r.hi)) return c.fail("NaN");
  // One rule for every result that is not a finite number: overflow (1.79e308 + 1.79e308)
  // raises NaN, as division by zero does. A range's open end (an unanswered number with no
  // maximum) stays open: only a definite result must be a number.
  if (r.lo == r.hi && !std::isfinite(r.lo)) return c.fail("NaN");
  return Value::range(r.lo, r.hi);
}

// ---- argument lists -------------------------------------------------------------------

// Evaluates the arguments of a spreading operator into `out`; false on error.
bool eval_args(const Node& n, Ctx& c, std::vector<Value>& out) {
  if (n.dynamic_args) {
    Value v = eval(n.args[0], c);
    if (c.failed()) return false;
    if (v.is_array())
      out = v.as_array();
    else
      out.push_back(std::move(v));
    return true;
  }
  out.reserve(n.args.size());
  for (const auto& a : n.args) {
    out.push_back(eval(a, c));
    if (c.failed()) return false;
  }
  return true;
}

// ---- comparisons ----------------------------------------------------------------------

Tri from_bool(bool b) { return b ? Tri::True : Tri::False; }
Tri tri_not(Tri t) { return t == Tri::Unknown ? Tri::Unknown : from_bool(t == Tri::False); }

bool numeric_coercible(const Value& v) {
  return v.is_null() || v.is_bool() || v.is_number() || v.is_string() || v.is_partial();
}

bool text_or_null(const Value& v) { return v.is_string() || v.is_null(); }

// a < b (or a <= b); strings compare as strings, anything else as numbers.
Tri less(const Value& a, const Value& b, bool or_equal, Ctx& c) {
  if (a.is_unknown() || b.is_unknown()) return Tri::Unknown;
  if (a.is_string() && b.is_string())
    return from_bool(or_equal ? a.as_string() <= b.as_string() : a.as_string() < b.as_string());
  // null against text compares as JavaScript does (null is 0, text that is no number makes it
  // false) without raising NaN: only a number against non-numeric text does.
  if (text_or_null(a) && text_or_null(b)) {
    double x = 0, y = 0;
    if ((a.is_string() && !parse_js_number(a.as_string(), x)) || (b.is_string() && !parse_js_number(b.as_string(), y)))
      return Tri::False;
    return from_bool(or_equal ? x <= y : x < y);
  }
  Interval x, y;
  if (!to_interval(a, x, c) || !to_interval(b, y, c)) return Tri::False;
  if (or_equal) {
    if (x.hi <= y.lo) return Tri::True;
    if (x.lo > y.hi) return Tri::False;
  } else {
    if (x.hi < y.lo) return Tri::True;
    if (x.lo >= y.hi) return Tri::False;
  }
  return Tri::Unknown;
}

// Equality when one side is partial: decided only when the values cannot meet.
Tri partial_equal(const Value& a, const Value& b, bool strict, Ctx& c) {
  if (a.is_unknown() || b.is_unknown()) return Tri::Unknown;
  const Value& r = a.is_range() ? a : b;
  const Value& other = a.is_range() ? b : a;
  if (strict && !other.is_number() && !other.is_range()) return Tri::False;
  if (!numeric_coercible(other)) return c.fail("NaN"), Tri::False;
  Interval x, y;
  if (!to_interval(r, x, c) || !to_interval(other, y, c)) return Tri::False;
  return (x.hi < y.lo || y.hi < x.lo) ? Tri::False : Tri::Unknown;
}

Tri loose_equal(const Value& a, const Value& b, Ctx& c) {
  if (a.is_partial() || b.is_partial()) return partial_equal(a, b, false, c);
  // null equals only null among text and null (JavaScript's null == "" is false).
  if (text_or_null(a) && text_or_null(b) && a.kind() != b.kind()) return Tri::False;
  if (a.kind() == b.kind()) {
    switch (a.kind()) {
      case Value::Kind::Array:
      case Value::Kind::Object:
        c.fail("NaN");
        return Tri::False;
      default:
        return from_bool(a == b);
    }
  }
  Interval x, y;
  if (!to_interval(a, x, c) || !to_interval(b, y, c)) return Tri::False;
  return from_bool(x.lo == y.lo);
}

Tri strict_equal(const Value& a, const Value& b, Ctx& c) {
  if (a.is_partial() || b.is_partial()) return partial_equal(a, b, true, c);
  return from_bool(a == b);
}

// A node's value without copying it when it is a literal or an answer: `tmp` holds the value
// only when it had to be computed. Comparisons and `in` read their operands this way, which
// keeps the common conditions ({"==": [{"var": q}, "x"]}) free of copies and allocations.
const Value& peek(const Node& n, Ctx& c, Value& tmp) {
  if (n.op == Op::Literal) return n.literal;
  if (n.op == Op::Slot && n.path.empty()) {
    const Value& v = (*c.slots)[static_cast<std::size_t>(n.slot)];
    c.note_read(n.slot, v);
    return v;
  }
  tmp = eval(n, c);
  return tmp;
}

Tri compare_pair(Op op, const Value& a, const Value& b, Ctx& c) {
  switch (op) {
    case Op::Eq:
      return loose_equal(a, b, c);
    case Op::Ne:
      return tri_not(loose_equal(a, b, c));
    case Op::StrictEq:
      return strict_equal(a, b, c);
    case Op::StrictNe:
      return tri_not(strict_equal(a, b, c));
    case Op::Lt:
      return less(a, b, false, c);
    case Op::Le:
      return less(a, b, true, c);
    case Op::Gt:
      return less(b, a, false, c);
    case Op::Ge:
      return less(b, a, true, c);
    default:
      return Tri::False;
  }
}

// Chained comparison a op b op c …, lazily: stops at the first pair that is false.
Tri compare_tri(const Node& n, Ctx& c) {
  Value tmp[2];
  const Value* prev = &peek(n.args[0], c, tmp[0]);
  if (c.failed()) return Tri::False;
  int spare = 1;  // the temporary `prev` does not use
  Tri all = Tri::True;
  for (std::size_t i = 1; i < n.args.size(); ++i) {
    const Value* cur = &peek(n.args[i], c, tmp[spare]);
    if (c.failed()) return Tri::False;
    Tri t = compare_pair(n.op, *prev, *cur, c);
    if (c.failed()) return Tri::False;
    if (t == Tri::False) return Tri::False;
    if (t == Tri::Unknown) all = Tri::Unknown;
    prev = cur;
    spare = 1 - spare;
  }
  return all;
}

Value tri_value(Tri t) { return t == Tri::Unknown ? Value::unknown() : Value(t == Tri::True); }

// ---- strings --------------------------------------------------------------------------

void append_text(std::string& out, const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Null:
      break;
    case Value::Kind::Bool:
      out += v.as_bool() ? "true" : "false";
      break;
    case Value::Kind::Number:
      out += number_to_string(v.as_number());
      break;
    case Value::Kind::String:
      out += v.as_string();
      break;
    case Value::Kind::Array: {
      bool first = true;
      for (const auto& e : v.as_array()) {
        if (!first) out += ',';
        first = false;
        append_text(out, e);
      }
      break;
    }
    default:
      out += "[object Object]";
  }
}

// `in`: substring of a text, or strict membership in an array.
Tri contains(const Value& needle, const Value& haystack) {
  if (needle.is_partial() || haystack.is_partial()) return Tri::Unknown;
  if (haystack.is_string()) {
    // JavaScript's String(needle): unlike cat, null is the text "null".
    std::string text = needle.is_null() ? "null" : "";
    append_text(text, needle);
    return from_bool(haystack.as_string().find(text) != std::string::npos);
  }
  if (haystack.is_array())
    for (const auto& e : haystack.as_array())
      if (e == needle) return Tri::True;
  return Tri::False;
}

// Byte offsets of each UTF-8 code point start, plus the end.
std::vector<std::size_t> code_point_offsets(const std::string& s) {
  std::vector<std::size_t> offs;
  for (std::size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) offs.push_back(i);
  offs.push_back(s.size());
  return offs;
}

Value substr(const std::vector<Value>& a, Ctx& c) {
  if (a.empty()) return Value("");
  for (const auto& v : a)
    if (v.is_partial()) return Value::unknown();
  std::string s;
  append_text(s, a[0]);
  auto offs = code_point_offsets(s);
  // Positions in code points, computed in doubles (JavaScript's ToIntegerOrInfinity: NaN is 0,
  // fractions are cut, ±Infinity and 1e300 stay far out) and only then clamped to the text.
  const double len = static_cast<double>(offs.size() - 1);
  auto integer = [](double d) { return std::isnan(d) ? 0.0 : std::trunc(d); };
  Interval start{0, 0}, count{0, 0};
  if (a.size() > 1 && !to_interval(a[1], start, c)) return Value();
  double from = integer(start.lo);
  from = from < 0 ? std::max(0.0, len + from) : std::min(from, len);
  double to = len;
  if (a.size() > 2) {
    if (!to_interval(a[2], count, c)) return Value();
    double k = integer(count.lo);
    to = k < 0 ? std::max(from, len + k) : std::min(len, from + k);
  }
  const std::size_t first = offs[static_cast<std::size_t>(from)], last = offs[static_cast<std::size_t>(to)];
  return Value(s.substr(first, last - first));
}

// ---- variables ------------------------------------------------------------------------

Value var(const Node& n, Ctx& c) {
  std::vector<Value> computed;
  std::size_t default_index = 0;
  if (!n.static_path) {
    Value key = eval(n.args[0], c);
    if (c.failed()) return Value();
    default_index = 1;
    // A computed name that is neither text nor a number reads the whole scope.
    if (key.is_string() || key.is_number()) computed = var_path(key);
  }
  // A reference into the scopes only now: evaluating the name can push scopes (an iterator
  // inside it), which may move them.
  const Value* found = lookup(c.top(), n.static_path ? n.path : computed);
  // The default stands in for a path that does not resolve; a present null stays null
  // (json-logic-js and json-logic-engine alike).
  if (found) return *found;
  if (n.args.size() > default_index) return eval(n.args[default_index], c);
  return Value();
}

Value slot(const Node& n, Ctx& c) {
  const Value& v = (*c.slots)[static_cast<std::size_t>(n.slot)];
  c.note_read(n.slot, v);
  if (n.path.empty()) return v;
  if (v.is_partial()) return Value::unknown();
  const Value* found = lookup(v, n.path);
  if (found) return *found;
  if (!n.args.empty()) return eval(n.args[0], c);
  return Value();
}

// val / exists: the path, starting `climb` scopes up.
const Value* val_target(const Node& n, Ctx& c, bool& ok) {
  ok = true;
  std::vector<Value> computed;
  if (!n.static_path) {
    for (const auto& a : n.args) {
      Value k = eval(a, c);
      if (c.failed()) {
        ok = false;
        return nullptr;
      }
      if (k.is_array())
        computed.insert(computed.end(), k.as_array().begin(), k.as_array().end());
      else
        computed.push_back(std::move(k));
    }
  }
  // As in var: the scopes are read only after the path is computed.
  const Value& start = c.above(static_cast<std::size_t>(n.climb));
  return lookup(start, n.static_path ? n.path : computed);
}

// classic `missing`: keys whose value is absent, null or "".
Value missing(const std::vector<Value>& keys, Ctx& c) {
  Array out;
  for (const auto& k : keys) {
    std::vector<Value> path = var_path(k);
    const Value* v = lookup(c.top(), path);
    if (!v || v->is_null() || (v->is_string() && v->as_string().empty())) out.push_back(k);
  }
  return Value(std::move(out));
}

// ---- iterators ------------------------------------------------------------------------

Value iterate(const Node& n, Ctx& c) {
  Value source = eval(n.args[0], c);
  if (c.failed()) return Value();
  if (source.is_partial()) return Value::unknown();
  bool tolerant = n.op == Op::Map || n.op == Op::Filter || n.op == Op::Reduce;
  if (!source.is_array()) {
    if (tolerant && source.is_null()) {
      if (n.op == Op::Reduce) return n.args.size() > 2 ? eval(n.args[2], c) : Value();
      return Value(Array{});
    }
    return c.fail("Invalid Arguments");
  }
  const Array& items = source.as_array();
  const Node& body = n.args[1];
  Array out;
  Value acc;
  if (n.op == Op::Reduce) {
    if (n.args.size() > 2) {
      acc = eval(n.args[2], c);
      if (c.failed()) return Value();
    }
  }
  bool any_unknown = false;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (++c.iterations > kMaxIterations) return c.fail("Exceeded Allowed Iterations");
    c.nested.push_back(Value(Object{{"index", Value(static_cast<double>(i))}}));
    if (n.op == Op::Reduce)
      c.nested.push_back(Value(Object{{"accumulator", acc}, {"current", items[i]}}));
    else
      c.nested.push_back(items[i]);
    Value r = eval(body, c);
    c.nested.pop_back();
    c.nested.pop_back();
    if (c.failed()) return Value();
    switch (n.op) {
      case Op::Map:
        if (r.is_partial()) return Value::unknown();
        out.push_back(std::move(r));
        break;
      case Op::Filter: {
        Tri t = truthy(r);
        if (t == Tri::Unknown) return Value::unknown();
        if (t == Tri::True) out.push_back(items[i]);
        break;
      }
      case Op::Reduce:
        // The one place a value can grow without bound ({"reduce": [list, [{"var": "accumulator"}]]}).
        if (r.depth() > kMaxValueDepth) return c.fail("Exceeded Allowed Depth");
        acc = std::move(r);
        break;
      case Op::All: {
        Tri t = truthy(r);
        if (t == Tri::False) return Value(false);
        any_unknown = any_unknown || t == Tri::Unknown;
        break;
      }
      case Op::Some:
      case Op::None: {
        Tri t = truthy(r);
        if (t == Tri::True) return Value(n.op == Op::Some);
        any_unknown = any_unknown || t == Tri::Unknown;
        break;
      }
      default:
        break;
    }
  }
  switch (n.op) {
    case Op::Map:
    case Op::Filter:
      return Value(std::move(out));
    case Op::Reduce:
      return acc;
    case Op::All:
      if (items.empty()) return Value(false);
      return any_unknown ? Value::unknown() : Value(true);
    case Op::Some:
      return any_unknown ? Value::unknown() : Value(false);
    case Op::None:
      return any_unknown ? Value::unknown() : Value(true);
    default:
      return Value();
  }
}

// ---- control --------------------------------------------------------------------------

// Possible results of an `if` whose conditions are partly unknown, merged into one value:
// equal values stay, numbers become their hull, anything else is Unknown.
// The possible results of an `if` whose conditions are partly unknown, merged as they come:
// equal values stay, numbers become their hull, anything else is Unknown.
class Possibilities {
 public:
  bool empty() const { return count_ == 0; }
  void add(Value v) {
    if (count_++ == 0) {
      first_ = std::move(v);
      numeric_ = first_.numeric_bounds(lo_, hi_);
      return;
    }
    same_ = same_ && v == first_;
    double a, b;
    if (numeric_ && v.numeric_bounds(a, b)) {
      lo_ = std::min(lo_, a);
      hi_ = std::max(hi_, b);
    } else {
      numeric_ = false;
    }
  }
  Value merged() const {
    if (count_ == 0) return Value();
    if (same_) return first_;
    return numeric_ ? Value::range(lo_, hi_) : Value::unknown();
  }

 private:
  std::size_t count_ = 0;
  Value first_;
  bool same_ = true, numeric_ = false;
  double lo_ = 0, hi_ = 0;
};

Value if_(const Node& n, Ctx& c) {
  Possibilities possible;
  std::size_t i = 0;
  for (; i + 1 < n.args.size(); i += 2) {
    Tri t = truth(n.args[i], c);
    if (c.failed()) return Value();
    if (t == Tri::False) continue;
    Value branch = eval(n.args[i + 1], c);
    if (c.failed()) return Value();
    if (t == Tri::True) {
      if (possible.empty()) return branch;
      possible.add(std::move(branch));
      return possible.merged();
    }
    possible.add(std::move(branch));
  }
  Value last;
  if (i < n.args.size()) {
    last = eval(n.args[i], c);
    if (c.failed()) return Value();
  }
  if (possible.empty()) return last;
  possible.add(std::move(last));
  return possible.merged();
}

Value and_or(const Node& n, Ctx& c) {
  bool is_and = n.op == Op::And;
  if (n.args.empty()) return Value(false);
  bool any_unknown = false;
  Value last;
  for (const auto& a : n.args) {
    last = eval(a, c);
    if (c.failed()) return Value();
    Tri t = truthy(last);
    if (t == Tri::Unknown) {
      any_unknown = true;
      continue;
    }
    if ((t == Tri::False) == is_and) return last;  // and: first falsy; or: first truthy
  }
  return any_unknown ? Value::unknown() : last;
}

Value try_(const Node& n, Ctx& c) {
  if (n.args.empty()) return Value();
  Value r = eval(n.args[0], c);
  for (std::size_t i = 1; i < n.args.size() && c.failed(); ++i) {
    Value err = *c.error;
    c.error.reset();
    c.nested.push_back(Value(Object{}));
    c.nested.push_back(err);
    r = eval(n.args[i], c);
    c.nested.pop_back();
    c.nested.pop_back();
  }
  return r;
}

Value throw_(const Node& n, Ctx& c) {
  Value v = n.args.empty() ? Value() : eval(n.args[0], c);
  if (c.failed()) return Value();
  if (v.is_object()) return c.fail(v);
  std::string type;
  append_text(type, v);
  return c.fail(Value(Object{{"type", Value(type)}}));
}

// ---- arithmetic -----------------------------------------------------------------------

// Calls fn(value) for each argument of a spreading operator; arguments written out in the rule
// are read without building a list. Stops (false) on an error or when fn returns false.
template <class F>
bool for_each_arg(const Node& n, Ctx& c, F&& fn) {
  if (n.dynamic_args) {
    Value v = eval(n.args[0], c);
    if (c.failed()) return false;
    if (!v.is_array()) return fn(v);
    for (const auto& e : v.as_array())
      if (!fn(e)) return false;
    return true;
  }
  for (const auto& a : n.args) {
    Value tmp;
    const Value& v = peek(a, c, tmp);
    if (c.failed() || !fn(v)) return false;
  }
  return true;
}

// Division of an interval, or why it cannot be done: NaN for an exact zero, Unknown when
// the divisor's range contains zero.
bool divide(Interval& acc, const Interval& d, bool& unknown, Ctx& c) {
  if (d.exact() && d.lo == 0) {
    c.fail("NaN");
    return false;
  }
  if (d.unknown || (d.lo <= 0 && d.hi >= 0))
    unknown = true;
  else
    acc = combine(acc, d, Op::Div);
  return true;
}

// Argument values of an arithmetic operator, kept without allocating for the usual few.
class ArgValues {
 public:
  void push(const Value& v) {
    if (count_ < kInline)
      inline_[count_] = v;
    else
      overflow_.push_back(v);
    ++count_;
  }
  std::size_t size() const { return count_; }
  const Value& operator[](std::size_t i) const { return i < kInline ? inline_[i] : overflow_[i - kInline]; }

 private:
  static constexpr std::size_t kInline = 8;
  Value inline_[kInline];
  std::vector<Value> overflow_;
  std::size_t count_ = 0;
};

Value arithmetic(const Node& n, Ctx& c) {
  const Op op = n.op;
  // Every argument is evaluated first (its error wins), then checked and combined.
  ArgValues a;
  if (!for_each_arg(n, c, [&](const Value& v) {
        a.push(v);
        return true;
      }))
    return Value();
  // max/min take numbers only, as json-logic-engine and DataLogic: no coercion.
  if (op == Op::Max || op == Op::Min)
    for (std::size_t i = 0; i < a.size(); ++i)
      if (!a[i].is_number() && !a[i].is_partial()) return c.fail("Invalid Arguments");
  Interval acc;
  bool unknown = false;  // a divisor's range contains zero
  bool inexact = false;  // modulo over a partial value
  for (std::size_t i = 0; i < a.size(); ++i) {
    Interval x;
    if (!to_interval(a[i], x, c)) return Value();
    if (i == 0) {
      acc = x;
      inexact = !x.exact();
      continue;
    }
    switch (op) {
      case Op::Div:
        if (!divide(acc, x, unknown, c)) return Value();
        break;
      case Op::Mod:
        inexact = inexact || !x.exact();
        if (!inexact) {
          if (x.lo == 0) return c.fail("NaN");
          acc.lo = acc.hi = std::fmod(acc.lo, x.lo);
        }
        break;
      default:
        acc = combine(acc, x, op);
    }
  }
  const std::size_t count = a.size();
  switch (op) {
    case Op::Add:
      return count == 0 ? Value(0.0) : number_result(acc, c);
    case Op::Mul:
      return count == 0 ? Value(1.0) : number_result(acc, c);
    case Op::Sub:
      if (count == 0) return c.fail("Invalid Arguments");
      return number_result(count == 1 ? combine({0, 0}, acc, Op::Sub) : acc, c);
    case Op::Div: {
      if (count == 0) return c.fail("Invalid Arguments");
      if (count == 1) {  // {"/": x} is 1/x
        Interval one{1, 1};
        if (!divide(one, acc, unknown, c)) return Value();
        acc = one;
      }
      return unknown ? Value::unknown() : number_result(acc, c);
    }
    case Op::Mod:
      if (count < 2) return c.fail("Invalid Arguments");
      return inexact ? Value::unknown() : number_result(acc, c);
    case Op::Max:
    case Op::Min:
      if (count == 0) return c.fail("Invalid Arguments");
      return number_result(acc, c);
    default:
      return Value();
  }
}

// ---- dispatch -------------------------------------------------------------------------

Value eval_node(const Node& n, Ctx& c) {
  switch (n.op) {
    case Op::Literal:
      return n.literal;
    case Op::Fail:
      return c.fail(n.literal);
    case Op::ArrayLiteral: {
      Array out;
      out.reserve(n.args.size());
      for (const auto& a : n.args) {
        out.push_back(eval(a, c));
        if (c.failed()) return Value();
      }
      return Value(std::move(out));
    }
    case Op::Var:
      return var(n, c);
    case Op::Slot:
      return slot(n, c);
    case Op::Val: {
      bool ok;
      const Value* v = val_target(n, c, ok);
      return (ok && v) ? *v : Value();
    }
    case Op::Exists: {
      bool ok;
      const Value* v = val_target(n, c, ok);
      return ok ? Value(v != nullptr) : Value();
    }
    case Op::Missing: {
      std::vector<Value> a;
      if (!eval_args(n, c, a)) return Value();
      if (!a.empty() && a[0].is_array()) return missing(a[0].as_array(), c);
      return missing(a, c);
    }
    case Op::MissingSome: {
      std::vector<Value> a;
      if (!eval_args(n, c, a)) return Value();
      if (a.size() < 2 || !a[1].is_array()) return c.fail("Invalid Arguments");
      Interval need;
      if (!to_interval(a[0], need, c)) return Value();
      Value m = missing(a[1].as_array(), c);
      double present = static_cast<double>(a[1].as_array().size() - m.as_array().size());
      return present >= need.lo ? Value(Array{}) : m;
    }
    case Op::If:
      return if_(n, c);
    case Op::Eq:
    case Op::Ne:
    case Op::StrictEq:
    case Op::StrictNe:
    case Op::Lt:
    case Op::Le:
    case Op::Gt:
    case Op::Ge:
    {
      Tri t = compare_tri(n, c);
      return c.failed() ? Value() : tri_value(t);
    }
    case Op::Not:
    case Op::NotNot: {
      Value v = n.args.empty() ? Value() : eval(n.args[0], c);
      if (c.failed()) return Value();
      Tri t = truthy(v);
      if (t == Tri::Unknown) return Value::unknown();
      return Value((t == Tri::True) == (n.op == Op::NotNot));
    }
    case Op::And:
    case Op::Or:
      return and_or(n, c);
    case Op::Coalesce: {
      std::vector<Value> a;
      if (!eval_args(n, c, a)) return Value();
      for (auto& v : a) {
        if (v.is_unknown()) return Value::unknown();
        if (!v.is_null()) return v;
      }
      return Value();
    }
    case Op::Add:
    case Op::Sub:
    case Op::Mul:
    case Op::Div:
    case Op::Mod:
    case Op::Max:
    case Op::Min:
      return arithmetic(n, c);
    case Op::Cat: {
      std::vector<Value> a;
      if (!eval_args(n, c, a)) return Value();
      std::string out;
      for (const auto& v : a) {
        if (v.is_partial()) return Value::unknown();
        append_text(out, v);
      }
      return Value(std::move(out));
    }
    case Op::Substr: {
      std::vector<Value> a;
      if (!eval_args(n, c, a)) return Value();
      return substr(a, c);
    }
    case Op::In: {
      std::vector<Value> a;
      if (!eval_args(n, c, a)) return Value();
      if (a.size() < 2) return Value(false);
      return tri_value(contains(a[0], a[1]));
    }
    case Op::Merge: {
      std::vector<Value> a;
      if (!eval_args(n, c, a)) return Value();
      Array out;
      for (const auto& v : a) {
        if (v.is_partial()) return Value::unknown();
        if (v.is_array())
          out.insert(out.end(), v.as_array().begin(), v.as_array().end());
        else
          out.push_back(v);
      }
      return Value(std::move(out));
    }
    case Op::Map:
    case Op::Filter:
    case Op::Reduce:
    case Op::All:
    case Op::Some:
    case Op::None:
      return iterate(n, c);
    case Op::Throw:
      return throw_(n, c);
    case Op::Try:
      return try_(n, c);
  }
  return Value();
}

// ---- truth: what conditions need -----------------------------------------------------

// Decides a simple condition (see Node::simple_condition) straight from the answers, for the
// common kinds of value; false when it needs the general path (a range, mixed kinds …). With
// `missing`, an unknown result also notes the unanswered slots it depends on (as Ctx::missing).
bool simple_truth(const Node& n, const std::vector<Value>& slots, Tri& out, std::vector<int>* missing = nullptr) {
  switch (n.op) {
    case Op::Slot:
      out = truthy(slots[static_cast<std::size_t>(n.slot)]);
      if (missing && out == Tri::Unknown) missing->push_back(n.slot);
      return true;
    case Op::Eq:
    case Op::Ne:
    case Op::StrictEq:
    case Op::StrictNe: {
      const Value& a = slots[static_cast<std::size_t>(n.args[0].slot)];
      const Value& b = n.args[1].literal;
      if (a.is_unknown()) {
        out = Tri::Unknown;
        if (missing) missing->push_back(n.args[0].slot);
        return true;
      }
      if (a.kind() != b.kind() || !(a.is_bool() || a.is_string() || a.is_number())) return false;
      bool equal = a == b;
      out = from_bool((n.op == Op::Eq || n.op == Op::StrictEq) ? equal : !equal);
      return true;
    }
    case Op::In: {
      const Value& a = slots[static_cast<std::size_t>(n.args[0].slot)];
      if (!(a.is_unknown() || a.is_bool() || a.is_string() || a.is_number())) return false;
      out = contains(a, n.args[1].literal);
      if (missing && out == Tri::Unknown) missing->push_back(n.args[0].slot);
      return true;
    }
    case Op::Not:
    case Op::NotNot: {
      Tri t;
      if (!simple_truth(n.args[0], slots, t, missing)) return false;
      out = n.op == Op::Not ? tri_not(t) : t;
      return true;
    }
    case Op::And:
    case Op::Or: {
      bool is_and = n.op == Op::And, any_unknown = false;
      const std::size_t mark = missing ? missing->size() : 0;
      for (const auto& a : n.args) {
        Tri t;
        if (!simple_truth(a, slots, t, missing)) return false;
        if (t == Tri::Unknown) {
          any_unknown = true;
        } else if ((t == Tri::False) == is_and) {
          if (missing) missing->resize(mark);  // decided: nothing it read is missing
          out = t;
          return true;
        }
      }
      out = any_unknown ? Tri::Unknown : (is_and ? Tri::True : Tri::False);
      return true;
    }
    default:
      return false;
  }
}

// The truthiness of a node. Same answer as truthy(eval(n)), without building the values
// that and/or/not/comparisons would return: conditions only need true, false or unknown.
Tri truth_node(const Node& n, Ctx& c) {
  switch (n.op) {
    case Op::Literal:
      return truthy(n.literal);
    case Op::Slot:
      if (n.path.empty()) {
        const Value& v = (*c.slots)[static_cast<std::size_t>(n.slot)];
        c.note_read(n.slot, v);
        return truthy(v);
      }
      break;
    case Op::Eq:
    case Op::Ne:
    case Op::StrictEq:
    case Op::StrictNe:
    case Op::Lt:
    case Op::Le:
    case Op::Gt:
    case Op::Ge:
      return compare_tri(n, c);
    case Op::In:
      if (!n.dynamic_args && n.args.size() >= 2) {
        Value a, b;
        const Value& needle = peek(n.args[0], c, a);
        if (c.failed()) return Tri::False;
        const Value& haystack = peek(n.args[1], c, b);
        if (c.failed()) return Tri::False;
        return contains(needle, haystack);
      }
      break;
    case Op::Not:
    case Op::NotNot: {
      Tri t = n.args.empty() ? Tri::False : truth(n.args[0], c);
      return n.op == Op::Not ? tri_not(t) : t;
    }
    case Op::And:
    case Op::Or: {
      if (n.args.empty()) return Tri::False;
      bool is_and = n.op == Op::And, any_unknown = false;
      for (const auto& a : n.args) {
        Tri t = truth(a, c);
        if (c.failed()) return Tri::False;
        if (t == Tri::Unknown)
          any_unknown = true;
        else if ((t == Tri::False) == is_and)
          return t;
      }
      return any_unknown ? Tri::Unknown : (is_and ? Tri::True : Tri::False);
    }
    default:
      break;
  }
  Value v = eval(n, c);
  return c.failed() ? Tri::False : truthy(v);
}

// ---- what an undecided value still depends on -----------------------------------------

// eval / truth with the missing slots noted (see Ctx::missing): a decided result, or an
// error, leaves nothing noted below it.
Value eval(const Node& n, Ctx& c) {
  if (!c.missing || !n.reads_slots) return eval_node(n, c);
  const std::size_t mark = c.missing->size();
  Value v = eval_node(n, c);
  if (c.failed() || !v.is_partial()) c.missing->resize(mark);
  return v;
}

Tri truth(const Node& n, Ctx& c) {
  if (!c.missing || !n.reads_slots) return truth_node(n, c);
  const std::size_t mark = c.missing->size();
  Tri t = truth_node(n, c);
  if (c.failed() || t != Tri::Unknown) c.missing->resize(mark);
  return t;
}

// A condition's truth with its missing slots noted (c.missing is `out`). Unlike truth(), an
// and/or goes on past an operand that raises an error (kept as the first error, the operand
// counted unknown), so that the other operands still say what they miss.
Tri truth_missing(const Node& n, Ctx& c, std::vector<int>& out) {
  switch (n.op) {
    case Op::Not:
    case Op::NotNot: {
      Tri t = n.args.empty() ? Tri::False : truth_missing(n.args[0], c, out);
      return n.op == Op::Not ? tri_not(t) : t;
    }
    case Op::And:
    case Op::Or: {
      bool is_and = n.op == Op::And;
      std::size_t mark = out.size();
      bool any_unknown = false;
      for (const auto& a : n.args) {
        Tri t = truth_missing(a, c, out);
        if (c.failed()) {
          c.keep_first_error();
          t = Tri::Unknown;
        }
        if (t == Tri::Unknown) {
          any_unknown = true;
        } else if ((t == Tri::False) == is_and) {
          out.resize(mark);  // decided: nothing it read is missing
          return t;
        }
      }
      if (!any_unknown) out.resize(mark);
      return any_unknown ? Tri::Unknown : (is_and ? Tri::True : Tri::False);
    }
    default: {
      Tri t = truth(n, c);  // notes its own missing slots (c.missing is `out`)
      if (c.failed()) {
        c.keep_first_error();
        t = Tri::Unknown;
      }
      return t;
    }
  }
}

}  // namespace

Outcome Expr::evaluate(const Value& data) const {
  Ctx c;
  c.root = &data;
  Outcome o;
  o.value = eval(root_, c);
  o.error = std::move(c.error);
  return o;
}

namespace {
const Value kNoData;

void sort_unique(std::vector<int>& v) {
  if (v.size() < 2) return;
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}
}  // namespace

Outcome Expr::evaluate(const std::vector<Value>& slots) const {
  Ctx c;
  c.root = &kNoData;
  c.slots = &slots;
  Outcome o;
  o.value = eval(root_, c);
  o.error = std::move(c.error);
  return o;
}

Tri Expr::evaluate_truth(const std::vector<Value>& slots, std::optional<Value>* error, std::vector<int>* missing) const {
  if (missing) missing->clear();
  Tri simple;
  if (root_.simple_condition) {
    if (simple_truth(root_, slots, simple, missing)) {
      if (missing) sort_unique(*missing);
      return simple;
    }
    if (missing) missing->clear();
  }
  Ctx c;
  c.root = &kNoData;
  c.slots = &slots;
  Tri t;
  if (missing) {
    c.missing = missing;
    t = truth_missing(root_, c, *missing);
    if (c.failed()) c.keep_first_error();
    if (t != Tri::Unknown) missing->clear();
    sort_unique(*missing);
  } else {
    t = truth(root_, c);
    if (c.failed()) c.keep_first_error();
  }
  if (c.first_error) {
    if (error) *error = std::move(c.first_error);
    return Tri::Unknown;
  }
  return t;
}

Outcome Expr::evaluate(const std::vector<Value>& slots, std::vector<int>& missing) const {
  Ctx c;
  c.root = &kNoData;
  c.slots = &slots;
  missing.clear();
  c.missing = &missing;
  Outcome o;
  o.value = eval(root_, c);
  o.error = std::move(c.error);
  sort_unique(missing);
  return o;
}

std::vector<int> Expr::missing_slots(const std::vector<Value>& slots) const {
  std::vector<int> out;
  evaluate(slots, out);
  return out;
}

std::vector<int> Expr::missing_slots_for_truth(const std::vector<Value>& slots) const {
  std::vector<int> out;
  evaluate_truth(slots, nullptr, &out);
  return out;
}

}  // namespace shisaku::logic
