// JSON → Node tree. Everything that can be decided before seeing data is decided here:
// operator lookup, argument shape, variable paths, and (in rule mode) which slot or constant
// a variable names.
#include <algorithm>
#include <cmath>
#include <string_view>

#include "json_text.hpp"
#include "logic/logic.hpp"

namespace shisaku::logic {
namespace {

enum class ArgStyle {
  StaticArray,  // must be written as an array: if, and, or, iterators, comparisons
  Spread,       // array, or one expression whose array value is the argument list
  Single,       // array, or one argument taken as is
};

struct OpInfo {
  std::string_view name;
  Op op;
  ArgStyle style;
  bool portable;  // known to json-logic-js and the mainstream engines
};

constexpr OpInfo kOps[] = {
    {"var", Op::Var, ArgStyle::Single, true},
    {"val", Op::Val, ArgStyle::Single, false},
    {"exists", Op::Exists, ArgStyle::Single, false},
    {"missing", Op::Missing, ArgStyle::Spread, true},
    {"missing_some", Op::MissingSome, ArgStyle::Spread, true},
    {"if", Op::If, ArgStyle::StaticArray, true},
    {"?:", Op::If, ArgStyle::StaticArray, true},
    {"==", Op::Eq, ArgStyle::StaticArray, true},
    {"!=", Op::Ne, ArgStyle::StaticArray, true},
    {"===", Op::StrictEq, ArgStyle::StaticArray, true},
    {"!==", Op::StrictNe, ArgStyle::StaticArray, true},
    {"<", Op::Lt, ArgStyle::StaticArray, true},
    {"<=", Op::Le, ArgStyle::StaticArray, true},
    {">", Op::Gt, ArgStyle::StaticArray, true},
    {">=", Op::Ge, ArgStyle::StaticArray, true},
    {"!", Op::Not, ArgStyle::Single, true},
    {"!!", Op::NotNot, ArgStyle::Single, true},
    {"and", Op::And, ArgStyle::StaticArray, true},
    {"or", Op::Or, ArgStyle::StaticArray, true},
    {"??", Op::Coalesce, ArgStyle::Spread, false},
    {"max", Op::Max, ArgStyle::Spread, true},
    {"min", Op::Min, ArgStyle::Spread, true},
    {"+", Op::Add, ArgStyle::Spread, true},
    {"-", Op::Sub, ArgStyle::Spread, true},
    {"*", Op::Mul, ArgStyle::Spread, true},
    {"/", Op::Div, ArgStyle::Spread, true},
    {"%", Op::Mod, ArgStyle::Spread, true},
    {"cat", Op::Cat, ArgStyle::Spread, true},
    {"substr", Op::Substr, ArgStyle::Spread, true},
    {"in", Op::In, ArgStyle::Spread, true},
    {"merge", Op::Merge, ArgStyle::Spread, true},
    {"map", Op::Map, ArgStyle::StaticArray, true},
    {"filter", Op::Filter, ArgStyle::StaticArray, true},
    {"reduce", Op::Reduce, ArgStyle::StaticArray, true},
    {"all", Op::All, ArgStyle::StaticArray, true},
    {"some", Op::Some, ArgStyle::StaticArray, true},
    {"none", Op::None, ArgStyle::StaticArray, true},
    {"throw", Op::Throw, ArgStyle::Single, false},
    {"try", Op::Try, ArgStyle::Single, false},
};

const OpInfo* find_op(std::string_view name) {
  for (const auto& info : kOps)
    if (info.name == name) return &info;
  return nullptr;
}

Value error_value(const char* type) { return Value(Object{{"type", Value(type)}}); }

std::string escape_pointer(const std::string& key) {
  std::string out;
  for (char ch : key) {
    if (ch == '~')
      out += "~0";
    else if (ch == '/')
      out += "~1";
    else
      out += ch;
  }
  return out;
}

bool is_operator_object(const nlohmann::json& j) { return j.is_object() && j.size() == 1; }

class Compiler {
 public:
  Compiler(const CompileOptions& options, std::vector<Diagnostic>& diagnostics,
           std::vector<int>& slots)
      : options_(options), diagnostics_(diagnostics), slots_(slots) {}

  Node compile(const nlohmann::json& j, const std::string& path) {
    // Compiling and evaluating recurse once per level: absurd nesting gets a diagnostic
    // instead of exhausting the stack.
    if (nesting_ >= kMaxRuleNesting)
      return fail(path, "nested deeper than " + std::to_string(kMaxRuleNesting) + " levels", "Invalid Arguments");
    ++nesting_;
    Node n = compile_node(j, path);
    --nesting_;
    return n;
  }

 private:
  Node compile_node(const nlohmann::json& j, const std::string& path) {
    if (j.is_array()) {
      Node n;
      n.op = Op::ArrayLiteral;
      bool all_literal = true;
      for (std::size_t i = 0; i < j.size(); ++i) {
        n.args.push_back(compile(j[i], path + "/" + std::to_string(i)));
        all_literal = all_literal && n.args.back().op == Op::Literal;
      }
      if (all_literal) return literal(Value::from_json(j, options_.interner));
      return n;
    }
    if (!is_operator_object(j)) return literal(Value::from_json(j, options_.interner));

    const std::string& name = j.begin().key();
    const nlohmann::json& arg = j.begin().value();
    const std::string here = path + "/" + escape_pointer(name);
    if (name == "preserve") return literal(Value::from_json(arg, options_.interner));
    // Classic JsonLogic's log returns its (first) argument; it prints nothing here: the app
    // writes nothing to the page or the console.
    if (name == "log") {
      if (!arg.is_array()) return compile(arg, here);
      return arg.empty() ? literal(Value()) : compile(arg[0], here + "/0");
    }
    const OpInfo* info = find_op(name);
    if (!info) return fail(here, "unknown operator \"" + name + "\"", "Unknown Operator");
    if (options_.portable_only && !info->portable)
      return fail(here, "operator \"" + name + "\" is not portable JsonLogic; rules may use only json-logic-js's operators",
                  "Unknown Operator");
    if (options_.resolver && (info->op == Op::Missing || info->op == Op::MissingSome))
      return fail(here, "\"" + name + "\" is not allowed in rules: it would turn an unanswered question into a definite value",
                  "Unknown Operator");

    Node n;
    n.op = info->op;
    if (n.op == Op::Var) return compile_var(arg, here);
    if (n.op == Op::Val || n.op == Op::Exists) return compile_val(n.op, arg, here);

    if (!arg.is_array()) {
      switch (info->style) {
        case ArgStyle::StaticArray:
          return fail(here, "\"" + name + "\" takes an array of arguments", "Invalid Arguments");
        case ArgStyle::Single:
          n.args.push_back(compile(arg, here));
          break;
        case ArgStyle::Spread:
          n.dynamic_args = is_operator_object(arg);
          n.args.push_back(compile(arg, here));
          break;
      }
    } else {
      for (std::size_t i = 0; i < arg.size(); ++i) {
        // Iterator bodies (and try's fallbacks) run in a nested scope.
        bool nested = (is_iterator(n.op) && i == 1) || (n.op == Op::Try && i > 0);
        if (nested) ++scope_depth_;
        n.args.push_back(compile(arg[i], here + "/" + std::to_string(i)));
        if (nested) --scope_depth_;
      }
    }
    if (auto problem = shape_problem(n, arg)) return fail(here, problem, "Invalid Arguments");
    return n;
  }

  static bool is_iterator(Op op) {
    return op == Op::Map || op == Op::Filter || op == Op::Reduce || op == Op::All ||
           op == Op::Some || op == Op::None;
  }

  // Argument problems visible before evaluation, as the newer JsonLogic spec reports them.
  static const char* shape_problem(const Node& n, const nlohmann::json& arg) {
    if (is_iterator(n.op)) {
      if (n.args.size() < 2) return "iterators take [array, logic]";
      const Node& source = n.args[0];
      if (source.op == Op::Literal && !source.literal.is_array())
        return "the first argument of an iterator must be an array";
      if ((n.op == Op::Map || n.op == Op::Filter) && arg[1].is_null())
        return "map and filter need logic to apply";
    }
    switch (n.op) {
      case Op::Eq:
      case Op::Ne:
      case Op::StrictEq:
      case Op::StrictNe:
      case Op::Lt:
      case Op::Le:
      case Op::Gt:
      case Op::Ge:
        if (n.args.size() < 2) return "comparisons take at least two arguments";
        break;
      default:
        break;
    }
    return nullptr;
  }

  Node literal(Value v) {
    Node n;
    n.op = Op::Literal;
    n.literal = std::move(v);
    return n;
  }

  Node fail(const std::string& path, std::string message, const char* type) {
    diagnostics_.push_back({path, std::move(message)});
    Node n;
    n.op = Op::Fail;
    n.literal = error_value(type);
    return n;
  }

  Node compile_var(const nlohmann::json& arg, const std::string& here) {
    Node n;
    n.op = Op::Var;
    const nlohmann::json* path_arg = &arg;
    if (arg.is_array()) {
      static const nlohmann::json empty = "";
      path_arg = arg.empty() ? &empty : &arg[0];
      if (arg.size() > 1) n.args.push_back(compile(arg[1], here + "/1"));  // default
    }
    if (is_operator_object(*path_arg)) {
      if (options_.resolver && scope_depth_ == 0)
        return fail(here, "a variable name computed at run time cannot be checked; write the name", "Invalid Arguments");
      n.args.insert(n.args.begin(), compile(*path_arg, here));
      // args[0] is the path expression, args[1] (if any) the default.
      return n;
    }
    n.static_path = true;
    if (!path_arg->is_string() && !path_arg->is_number() && !path_arg->is_null())
      return fail(here, "a variable name must be a string or a number", "Invalid Arguments");
    n.path = var_path(Value::from_json(*path_arg));
    if (options_.resolver && scope_depth_ == 0) return resolve(std::move(n), here);
    return n;
  }

  Node resolve(Node n, const std::string& here) {
    std::vector<std::string> names;
    for (const auto& key : n.path) names.push_back(key.as_string());
    if (names.empty()) return fail(here, "a rule cannot read the whole answer set", "Invalid Arguments");
    Resolution r = options_.resolver(names);
    switch (r.kind) {
      case Resolution::Kind::Error:
        return fail(here, r.error, "Invalid Arguments");
      case Resolution::Kind::Constant: {
        std::vector<Value> rest(n.path.begin() + static_cast<std::ptrdiff_t>(std::min(r.consumed, n.path.size())),
                                n.path.end());
        const Value* found = lookup(r.constant, rest);
        if (!found) return fail(here, "no such field: " + names.back(), "Invalid Arguments");
        return literal(*found);
      }
      case Resolution::Kind::Slot:
        n.op = Op::Slot;
        n.slot = r.slot;
        n.path.erase(n.path.begin(), n.path.begin() + static_cast<std::ptrdiff_t>(r.consumed));
        if (std::find(slots_.begin(), slots_.end(), r.slot) == slots_.end()) slots_.push_back(r.slot);
        return n;
    }
    return n;
  }

  Node compile_val(Op op, const nlohmann::json& arg, const std::string& here) {
    Node n;
    n.op = op;
    if (!arg.is_array()) {
      if (is_operator_object(arg)) {
        n.args.push_back(compile(arg, here));
        return n;
      }
      n.static_path = true;
      n.path.push_back(Value::from_json(arg));
      return n;
    }
    std::size_t i = 0;
    if (!arg.empty() && arg[0].is_array() && arg[0].size() == 1 && arg[0][0].is_number()) {
      // Capped before the cast: a double beyond int's range is undefined behaviour to convert.
      n.climb = static_cast<int>(std::min(std::fabs(arg[0][0].get<double>()), 1e6));
      i = 1;
    }
    n.static_path = true;
    for (; i < arg.size(); ++i) {
      if (arg[i].is_object() || arg[i].is_array()) n.static_path = false;
      n.args.push_back(compile(arg[i], here + "/" + std::to_string(i)));
    }
    if (n.static_path) {
      for (const auto& a : n.args) n.path.push_back(a.literal);
      n.args.clear();
    }
    return n;
  }

  const CompileOptions& options_;
  std::vector<Diagnostic>& diagnostics_;
  std::vector<int>& slots_;
  int scope_depth_ = 0;  // iterator scopes around the node being compiled
  int nesting_ = 0;      // JSON levels around it
};

}  // namespace

const char* op_name(Op op) {
  for (const auto& info : kOps)
    if (info.op == op) return info.name.data();
  return "";
}

namespace {
bool mark_slot_reads(Node& n) {
  bool reads = n.op == Op::Slot;
  for (auto& a : n.args) reads = mark_slot_reads(a) || reads;
  n.reads_slots = reads;
  return reads;
}

bool is_answer(const Node& n) { return n.op == Op::Slot && n.path.empty(); }

bool mark_simple_conditions(Node& n) {
  bool children = true;
  for (auto& a : n.args) children = mark_simple_conditions(a) && children;
  switch (n.op) {
    case Op::Slot:
      n.simple_condition = n.path.empty();
      break;
    case Op::Eq:
    case Op::Ne:
    case Op::StrictEq:
    case Op::StrictNe:
      n.simple_condition = n.args.size() == 2 && is_answer(n.args[0]) && n.args[1].op == Op::Literal;
      break;
    case Op::In:
      n.simple_condition = !n.dynamic_args && n.args.size() == 2 && is_answer(n.args[0]) && n.args[1].op == Op::Literal &&
                           n.args[1].literal.is_array();
      break;
    case Op::And:
    case Op::Or:
      n.simple_condition = !n.args.empty() && children;
      break;
    case Op::Not:
    case Op::NotNot:
      n.simple_condition = n.args.size() == 1 && children;
      break;
    default:
      n.simple_condition = false;
  }
  return n.simple_condition;
}
}  // namespace

namespace {
void collect_slots(const Node& n, std::vector<int>& out) {
  if (n.op == Op::Slot) out.push_back(n.slot);
  for (const auto& a : n.args) collect_slots(a, out);
}
}  // namespace

Expr Expr::from_tree(Node root, std::vector<Diagnostic> diagnostics) {
  Expr e;
  e.root_ = std::move(root);
  e.diagnostics_ = std::move(diagnostics);
  mark_slot_reads(e.root_);
  mark_simple_conditions(e.root_);
  collect_slots(e.root_, e.slots_used_);
  std::sort(e.slots_used_.begin(), e.slots_used_.end());
  e.slots_used_.erase(std::unique(e.slots_used_.begin(), e.slots_used_.end()), e.slots_used_.end());
  return e;
}

Expr Expr::compile(const nlohmann::json& rule, const CompileOptions& options) {
  Expr e;
  Compiler c(options, e.diagnostics_, e.slots_used_);
  e.root_ = c.compile(rule, "");
  mark_slot_reads(e.root_);
  mark_simple_conditions(e.root_);
  std::sort(e.slots_used_.begin(), e.slots_used_.end());
  return e;
}

namespace {
bool same_node(const Node& a, const Node& b) {
  if (a.op != b.op || a.dynamic_args != b.dynamic_args || a.static_path != b.static_path || a.climb != b.climb ||
      a.slot != b.slot || a.args.size() != b.args.size() || !(a.literal == b.literal) || !(a.path == b.path))
    return false;
  if (a.literal.is_number() && std::signbit(a.literal.as_number()) != std::signbit(b.literal.as_number())) return false;  // -0, 0
  for (std::size_t i = 0; i < a.args.size(); ++i)
    if (!same_node(a.args[i], b.args[i])) return false;
  return true;
}

void mix(std::size_t& h, std::size_t v) { h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2); }

// Over what same_node compares, except literals' contents (equal trees hash equal; literals
// only by kind, which is enough to spread the rules' shapes).
std::size_t node_hash(const Node& n) {
  std::size_t h = static_cast<std::size_t>(n.op);
  mix(h, static_cast<std::size_t>(n.slot + 1));
  mix(h, static_cast<std::size_t>(n.literal.kind()));
  mix(h, n.args.size());
  for (const auto& a : n.args) mix(h, node_hash(a));
  return h;
}
}  // namespace

bool Expr::same_shape(const Expr& other) const { return diagnostics_.empty() && other.diagnostics_.empty() && same_node(root_, other.root_); }

std::size_t Expr::shape_hash() const { return node_hash(root_); }

std::string Outcome::error_text() const {
  if (!error) return {};
  if (const Value* type = error->find("type"); type && type->is_string()) return type->as_string();
  if (error->is_string()) return error->as_string();
  return json_text(error->to_json());
}

}  // namespace shisaku::logic
