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
  // scopes[0] is the data; each iterator pushes its metadata ({"index": i}) and its item.
  std::vector<Value> scopes;
  const std::vector<Value>* slots = nullptr;
  std::optional<Value> error;

  bool failed() const { return error.has_value(); }
  Value fail(Value e) {
    if (!error) error = std::move(e);
    return Value();
  }
  Value fail(const char* type) { return fail(error_value(type)); }
};

Value eval(const Node& n, Ctx& c);

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

// Chained comparison a op b op c …, lazily: stops at the first pair that is false.
Value compare_chain(const Node& n, Ctx& c) {
  Value prev = eval(n.args[0], c);
  if (c.failed()) return Value();
  Tri all = Tri::True;
  for (std::size_t i = 1; i < n.args.size(); ++i) {
    Value cur = eval(n.args[i], c);
    if (c.failed()) return Value();
    Tri t = Tri::False;
    switch (n.op) {
      case Op::Eq:
        t = loose_equal(prev, cur, c);
        break;
      case Op::Ne:
        t = tri_not(loose_equal(prev, cur, c));
        break;
      case Op::StrictEq:
        t = strict_equal(prev, cur, c);
        break;
      case Op::StrictNe:
        t = tri_not(strict_equal(prev, cur, c));
        break;
      case Op::Lt:
        t = less(prev, cur, false, c);
        break;
      case Op::Le:
        t = less(prev, cur, true, c);
        break;
      case Op::Gt:
        t = less(cur, prev, false, c);
        break;
      case Op::Ge:
        t = less(cur, prev, true, c);
        break;
      default:
        break;
    }
    if (c.failed()) return Value();
    if (t == Tri::False) return Value(false);
    if (t == Tri::Unknown) all = Tri::Unknown;
    prev = std::move(cur);
  }
  return all == Tri::Unknown ? Value::unknown() : Value(true);
}

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
  const Value* found = lookup(c.scopes.back(), n.static_path ? n.path : computed);
  // The default stands in for a path that does not resolve; a present null stays null
  // (json-logic-js and json-logic-engine alike).
  if (found) return *found;
  if (n.args.size() > default_index) return eval(n.args[default_index], c);
  return Value();
}

Value slot(const Node& n, Ctx& c) {
  const Value& v = (*c.slots)[static_cast<std::size_t>(n.slot)];
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
  std::size_t depth = c.scopes.size();
  std::size_t up = static_cast<std::size_t>(n.climb);
  const Value& start = up < depth ? c.scopes[depth - 1 - up] : c.scopes.front();
  return lookup(start, n.static_path ? n.path : computed);
}

// classic `missing`: keys whose value is absent, null or "".
Value missing(const std::vector<Value>& keys, Ctx& c) {
  Array out;
  for (const auto& k : keys) {
    std::vector<Value> path = var_path(k);
    const Value* v = lookup(c.scopes.back(), path);
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
    c.scopes.push_back(Value(Object{{"index", Value(static_cast<double>(i))}}));
    if (n.op == Op::Reduce)
      c.scopes.push_back(Value(Object{{"accumulator", acc}, {"current", items[i]}}));
    else
      c.scopes.push_back(items[i]);
    Value r = eval(body, c);
    c.scopes.pop_back();
    c.scopes.pop_back();
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
struct Possibilities {
  std::vector<Value> values;
  Value merged() const {
    if (values.empty()) return Value();
    bool all_equal = std::all_of(values.begin(), values.end(), [&](const Value& v) { return v == values[0]; });
    if (all_equal) return values[0];
    double lo = kInf, hi = -kInf;
    for (const auto& v : values) {
      double a, b;
      if (!v.numeric_bounds(a, b)) return Value::unknown();
      lo = std::min(lo, a);
      hi = std::max(hi, b);
    }
    return Value::range(lo, hi);
  }
};

Value if_(const Node& n, Ctx& c) {
  Possibilities possible;
  std::size_t i = 0;
  for (; i + 1 < n.args.size(); i += 2) {
    Value cond = eval(n.args[i], c);
    if (c.failed()) return Value();
    Tri t = truthy(cond);
    if (t == Tri::False) continue;
    Value branch = eval(n.args[i + 1], c);
    if (c.failed()) return Value();
    if (t == Tri::True) {
      if (possible.values.empty()) return branch;
      possible.values.push_back(std::move(branch));
      return possible.merged();
    }
    possible.values.push_back(std::move(branch));
  }
  Value last;
  if (i < n.args.size()) {
    last = eval(n.args[i], c);
    if (c.failed()) return Value();
  }
  if (possible.values.empty()) return last;
  possible.values.push_back(std::move(last));
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
    c.scopes.push_back(Value(Object{}));
    c.scopes.push_back(err);
    r = eval(n.args[i], c);
    c.scopes.pop_back();
    c.scopes.pop_back();
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

Value arithmetic(const Node& n, Ctx& c) {
  std::vector<Value> a;
  if (!eval_args(n, c, a)) return Value();
  if (n.op == Op::Max || n.op == Op::Min) {
    // Numbers only, at least one (as json-logic-engine and DataLogic): no coercion, no silent
    // null or -Infinity.
    if (a.empty()) return c.fail("Invalid Arguments");
    for (const auto& v : a)
      if (!v.is_number() && !v.is_partial()) return c.fail("Invalid Arguments");
  }
  std::vector<Interval> xs(a.size());
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!to_interval(a[i], xs[i], c)) return Value();

  switch (n.op) {
    case Op::Add:
    case Op::Mul: {
      Interval r = n.op == Op::Add ? Interval{0, 0} : Interval{1, 1};
      for (const auto& x : xs) r = combine(r, x, n.op);
      return number_result(r, c);
    }
    case Op::Sub:
      if (xs.empty()) return c.fail("Invalid Arguments");
      if (xs.size() == 1) return number_result(combine({0, 0}, xs[0], Op::Sub), c);
      {
        Interval r = xs[0];
        for (std::size_t i = 1; i < xs.size(); ++i) r = combine(r, xs[i], Op::Sub);
        return number_result(r, c);
      }
    case Op::Div: {
      if (xs.empty()) return c.fail("Invalid Arguments");
      Interval r = xs.size() == 1 ? Interval{1, 1} : xs[0];
      for (std::size_t i = xs.size() == 1 ? 0 : 1; i < xs.size(); ++i) {
        const Interval& d = xs[i];
        if (d.exact() && d.lo == 0) return c.fail("NaN");
        if (d.unknown || (d.lo <= 0 && d.hi >= 0)) return Value::unknown();
        r = combine(r, d, Op::Div);
      }
      return number_result(r, c);
    }
    case Op::Mod: {
      if (xs.size() < 2) return c.fail("Invalid Arguments");
      for (const auto& x : xs)
        if (!x.exact()) return Value::unknown();
      double r = xs[0].lo;
      for (std::size_t i = 1; i < xs.size(); ++i) {
        if (xs[i].lo == 0) return c.fail("NaN");
        r = std::fmod(r, xs[i].lo);
      }
      return number_result({r, r}, c);
    }
    case Op::Max:
    case Op::Min: {
      Interval r = xs[0];
      for (std::size_t i = 1; i < xs.size(); ++i) r = combine(r, xs[i], n.op);
      return number_result(r, c);
    }
    default:
      return Value();
  }
}

// ---- dispatch -------------------------------------------------------------------------

Value eval(const Node& n, Ctx& c) {
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
      return compare_chain(n, c);
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
      if (a[0].is_partial() || a[1].is_partial()) return Value::unknown();
      if (a[1].is_string()) {
        // JavaScript's String(needle): unlike cat, null is the text "null".
        std::string needle = a[0].is_null() ? "null" : "";
        append_text(needle, a[0]);
        return Value(a[1].as_string().find(needle) != std::string::npos);
      }
      if (a[1].is_array()) {
        for (const auto& e : a[1].as_array())
          if (e == a[0]) return Value(true);
      }
      return Value(false);
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

// ---- what an undecided value still depends on -----------------------------------------

void collect_missing(const Node& n, Ctx& c, std::vector<int>& out) {
  Value v = eval(n, c);
  if (c.failed()) {
    c.error.reset();
    return;
  }
  if (!v.is_partial()) return;
  switch (n.op) {
    case Op::Slot:
      if ((*c.slots)[static_cast<std::size_t>(n.slot)].is_partial()) out.push_back(n.slot);
      return;
    case Op::If: {
      std::size_t i = 0;
      for (; i + 1 < n.args.size(); i += 2) {
        Value cond = eval(n.args[i], c);
        Tri t = truthy(cond);
        if (t == Tri::False) continue;
        if (t == Tri::Unknown) collect_missing(n.args[i], c, out);
        collect_missing(n.args[i + 1], c, out);
        if (t == Tri::True) return;
      }
      if (i < n.args.size()) collect_missing(n.args[i], c, out);
      return;
    }
    case Op::Map:
    case Op::Filter:
    case Op::All:
    case Op::Some:
    case Op::None:
      collect_missing(n.args[0], c, out);
      return;
    case Op::Reduce:
      collect_missing(n.args[0], c, out);
      if (n.args.size() > 2) collect_missing(n.args[2], c, out);
      return;
    default:
      // and/or: a decisive operand would have decided the value, so every partial operand
      // counts; the same holds for comparisons and arithmetic.
      for (const auto& a : n.args) collect_missing(a, c, out);
  }
}

}  // namespace

Outcome Expr::evaluate(const Value& data) const {
  Ctx c;
  c.scopes.push_back(data);
  Outcome o;
  o.value = eval(root_, c);
  o.error = std::move(c.error);
  return o;
}

Outcome Expr::evaluate(const std::vector<Value>& slots) const {
  Ctx c;
  c.scopes.push_back(Value());
  c.slots = &slots;
  Outcome o;
  o.value = eval(root_, c);
  o.error = std::move(c.error);
  return o;
}

std::vector<int> Expr::missing_slots(const std::vector<Value>& slots) const {
  Ctx c;
  c.scopes.push_back(Value());
  c.slots = &slots;
  std::vector<int> out;
  collect_missing(root_, c, out);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace shisaku::logic
