// JsonLogic, compiled once into a tree the evaluator walks.
//
// Two ways to use it:
//  - plain JsonLogic over a JSON data object (the conformance suites, `shisaku logic`);
//  - rule mode, where top-level variables are resolved at compile time to slots (the answers
//    and derived definitions of the catalog) or to constants (a program's figures). Slots may
//    hold Unknown or a Range, and every operator then answers with Kleene logic and interval
//    arithmetic instead of guessing (see docs/decisions/0001-jsonlogic-with-unknowns.md).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "logic/value.hpp"

namespace shisaku::logic {

enum class Op : std::uint8_t {
  Literal,
  ArrayLiteral,  // a JSON array whose items are evaluated
  Fail,          // an invalid construct found at compile time; raises when evaluated
  Var,
  Slot,  // rule mode: a variable resolved to a slot
  Val,
  Exists,
  Missing,
  MissingSome,
  If,
  Eq,
  Ne,
  StrictEq,
  StrictNe,
  Lt,
  Le,
  Gt,
  Ge,
  Not,
  NotNot,
  And,
  Or,
  Coalesce,
  Max,
  Min,
  Add,
  Sub,
  Mul,
  Div,
  Mod,
  Cat,
  Substr,
  In,
  Merge,
  Map,
  Filter,
  Reduce,
  All,
  Some,
  None,
  Throw,
  Try,
};

// Operator name as written in JSON (e.g. "==" for Op::Eq); empty for internal nodes.
const char* op_name(Op op);

struct Node {
  Op op = Op::Literal;
  // The arguments were given as one expression (not an array literal); its value, when an
  // array, is the argument list ("chaining": {"max": {"var": "list"}}).
  bool dynamic_args = false;
  Value literal;  // Literal; Fail: the error; Slot: unused
  std::vector<Node> args;
  // Var/Val/Slot with a path known at compile time.
  bool static_path = false;
  std::vector<Value> path;  // keys (strings) or indices (numbers)
  int climb = 0;            // val: scopes to climb ([[n], …])
  int slot = -1;
  bool reads_slots = false;  // rule mode: the subtree reads an answer or a definition
  // Rule mode: the node is an answer, an answer compared with a literal, or and/or/not of
  // such nodes — the shapes of most conditions, which truth() decides without building values.
  bool simple_condition = false;
};

struct Diagnostic {
  std::string path;  // JSON pointer into the rule, e.g. "/and/1/==/0"
  std::string message;
};

// Rule mode: how a top-level variable name resolves.
struct Resolution {
  enum class Kind { Slot, Constant, Error } kind = Kind::Error;
  int slot = -1;
  Value constant;
  std::size_t consumed = 1;  // path segments the resolution used
  std::string error;         // Kind::Error
};
using Resolver = std::function<Resolution(const std::vector<std::string>& path)>;

struct CompileOptions {
  // Rule mode: variables at the top scope go through the resolver; anything it refuses,
  // and any variable whose path is computed at run time, is a diagnostic.
  Resolver resolver;
  // Only the operators every mainstream JsonLogic engine knows (json-logic-js's set);
  // rules stay readable by other tools. Also refuses missing/missing_some, which would turn an
  // unanswered question into a definite value.
  bool portable_only = false;
  // Texts in the rule come from this interner (see Interner).
  Interner* interner = nullptr;
};

// The outcome of an evaluation: a value, or an error as JsonLogic's newer spec raises it
// ({"type": "NaN"}, {"type": "Invalid Arguments"}, or a thrown value).
struct Outcome {
  Value value;
  std::optional<Value> error;
  bool ok() const { return !error.has_value(); }
  // The error's "type" when it has one, else its JSON text.
  std::string error_text() const;
};

// Rules nested deeper are refused with a diagnostic (real rules stay under 30 levels).
constexpr int kMaxRuleNesting = 128;

class Expr {
 public:
  Expr() = default;
  static Expr compile(const nlohmann::json& rule, const CompileOptions& options = {});
  // A tree the compiler made and that was stored (compiled_rules.hpp): what the compiler
  // derives from the tree (slots read, simple conditions) is derived again.
  static Expr from_tree(Node root, std::vector<Diagnostic> diagnostics);

  // Problems found while compiling (unknown operator, invalid arguments, unresolved
  // variable …). A rule with diagnostics still evaluates: each faulty node raises an error.
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  // Slots read by the expression (rule mode), sorted and unique.
  const std::vector<int>& slots_used() const { return slots_used_; }
  // Structural identity: the same tree over the same slots and constants (figures included),
  // so the same result for the same answers. Lets an evaluation share the work of the rules
  // many programs and questions repeat (e.g. who may apply).
  bool same_shape(const Expr& other) const;
  std::size_t shape_hash() const;
  const Node& root() const { return root_; }

  // Plain JsonLogic.
  Outcome evaluate(const Value& data) const;
  // Rule mode over slot values.
  Outcome evaluate(const std::vector<Value>& slots) const;
  // Rule mode, only whether the value is truthy: true, false or unknown (what a condition
  // needs). An error gives Unknown and, when `error` is given, the error. With `missing`, also
  // the unanswered slots an unknown result still depends on (sorted; empty when decided), in
  // the same pass.
  Tri evaluate_truth(const std::vector<Value>& slots, std::optional<Value>* error = nullptr,
                     std::vector<int>* missing = nullptr) const;

  // Rule mode, the value and, in the same pass, the unanswered slots it still depends on
  // (sorted; empty when the value is definite). Follows the evaluation: a short-circuited
  // operand adds nothing.
  Outcome evaluate(const std::vector<Value>& slots, std::vector<int>& missing) const;
  // The missing slots alone.
  std::vector<int> missing_slots(const std::vector<Value>& slots) const;
  // The same for a condition, where only its truth matters (an and with one false operand
  // needs nothing more).
  std::vector<int> missing_slots_for_truth(const std::vector<Value>& slots) const;

 private:
  Node root_;
  std::vector<Diagnostic> diagnostics_;
  std::vector<int> slots_used_;
};

}  // namespace shisaku::logic
