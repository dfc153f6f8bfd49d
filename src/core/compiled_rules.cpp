#include "compiled_rules.hpp"

#include <cstdint>
#include <cstring>
#include <type_traits>
#include <utility>

namespace shisaku {
namespace {

// ---- the format ------------------------------------------------------------------------------
// A part:   "SNRB" · format (1 byte) · lang (0 ja, 1 en) · part (0 core, 1 details) ·
//           fingerprint (string) · payload length (varint) · FNV-1a 64 of the payload (8 bytes) ·
//           payload.
// Payload:  the catalog's fields in one fixed order (visit() below), each only in the parts it
//           belongs to: structure and core texts in each core part (texts in its language),
//           detail fields in the details parts. Integers are LEB128 varints (signed ones
//           zigzagged), doubles 8 bytes little-endian, strings a length and their bytes.
constexpr char kMagic[4] = {'S', 'N', 'R', 'B'};
// Deeper expressions or values are refused (the compiler refuses rules nested over
// kMaxRuleNesting; real rules stay under 30 levels).
constexpr int kMaxDepth = logic::kMaxRuleNesting + 8;

std::uint64_t fnv1a64(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

int lang_index(Lang lang) { return lang == Lang::Ja ? 0 : 1; }
int part_index(BundlePart part) { return part == BundlePart::Core ? 0 : 1; }

// Which fields a part holds. A field is core or detail by the scope it is visited in.
struct Filter {
  Lang lang = Lang::Ja;
  BundlePart part = BundlePart::Core;
  bool in_details = false;  // the scope: inside a.details(…)
  bool active() const { return in_details == (part == BundlePart::Details); }
  // A vector visited in the core scope of a details part keeps the length the core gave it.
  bool sized_here() const { return active(); }
};

// ---- writing ---------------------------------------------------------------------------------
class Writer {
 public:
  explicit Writer(Filter f) : f_(f) {}
  static constexpr bool reading = false;
  const Filter& filter() const { return f_; }
  std::string& bytes() { return out_; }

  void uvar(std::uint64_t v) {
    do {
      unsigned char b = v & 0x7f;
      v >>= 7;
      if (v) b |= 0x80;
      out_.push_back(static_cast<char>(b));
    } while (v);
  }
  void svar(std::int64_t v) { uvar((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63)); }
  void dbl(double d) {
    char b[8];
    std::memcpy(b, &d, 8);
    out_.append(b, 8);
  }
  void str(const std::string& s) {
    uvar(s.size());
    out_ += s;
  }
  void str_view(std::string_view s) {
    uvar(s.size());
    out_.append(s.data(), s.size());
  }
  std::size_t length(std::size_t n) {
    uvar(n);
    return n;
  }
  // A vector's length where it has one (see Filter::sized_here).
  template <class T>
  std::size_t vector_length(const std::vector<T>& v) {
    return f_.sized_here() ? length(v.size()) : v.size();
  }
  template <class F>
  void details(F&& fn) {
    bool was = f_.in_details;
    f_.in_details = true;
    fn();
    f_.in_details = was;
  }
  logic::Interner* interner() { return nullptr; }
  void fail(const char*) {}
  bool failed() const { return false; }

 private:
  Filter f_;
  std::string out_;
};

// ---- reading ---------------------------------------------------------------------------------
class Reader {
 public:
  Reader(std::string_view bytes, Filter f, logic::Interner* interner) : in_(bytes), f_(f), interner_(interner) {}
  static constexpr bool reading = true;
  const Filter& filter() const { return f_; }

  std::uint64_t uvar() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= in_.size()) return fail("cut short"), 0;
      auto b = static_cast<unsigned char>(in_[pos_++]);
      v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    return fail("an integer is too long"), 0;
  }
  std::int64_t svar() {
    std::uint64_t u = uvar();
    return static_cast<std::int64_t>(u >> 1) ^ -static_cast<std::int64_t>(u & 1);
  }
  double dbl() {
    if (in_.size() - pos_ < 8) return fail("cut short"), 0.0;
    double d;
    std::memcpy(&d, in_.data() + pos_, 8);
    pos_ += 8;
    return d;
  }
  std::string str() {
    std::uint64_t n = uvar();
    if (n > in_.size() - pos_) return fail("a text runs past the end"), std::string();
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  // A length; every item takes at least one byte, so a length over what is left is corrupt.
  std::size_t length() {
    std::uint64_t n = uvar();
    if (n > in_.size() - pos_) return fail("a list is longer than the part"), 0;
    return static_cast<std::size_t>(n);
  }
  template <class T>
  std::size_t vector_length(std::vector<T>& v) {
    if (!f_.sized_here()) return v.size();
    std::size_t n = length();
    // The second core part (the other language) must describe the same structure.
    if (!v.empty() && n != v.size()) return fail("the parts disagree on a list's length"), v.size();
    v.resize(n);
    return n;
  }
  template <class F>
  void details(F&& fn) {
    bool was = f_.in_details;
    f_.in_details = true;
    fn();
    f_.in_details = was;
  }
  logic::Interner* interner() { return interner_; }
  void fail(const char* why) {
    if (!error_) {
      error_ = why;
      error_at_ = pos_;
    }
    pos_ = in_.size();  // everything after reads as cut short, and stops loops
  }
  bool failed() const { return error_ != nullptr; }
  const char* error() const { return error_; }
  std::size_t error_at() const { return error_at_; }
  bool at_end() const { return pos_ == in_.size(); }
  std::size_t remaining() const { return in_.size() - pos_; }
  unsigned char byte() {
    if (pos_ >= in_.size()) return fail("cut short"), 0;
    return static_cast<unsigned char>(in_[pos_++]);
  }
  int depth = 0;

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
  Filter f_;
  logic::Interner* interner_;
  const char* error_ = nullptr;
  std::size_t error_at_ = 0;
};

// ---- fields: one function per type serves writing and reading --------------------------------
template <class A> void field(A& a, std::string& s) {
  if (!a.filter().active()) return;
  if constexpr (A::reading) s = a.str(); else a.str(s);
}
template <class A> void field(A& a, double& d) {
  if (!a.filter().active()) return;
  if constexpr (A::reading) d = a.dbl(); else a.dbl(d);
}
template <class A> void field(A& a, int& i) {
  if (!a.filter().active()) return;
  if constexpr (A::reading) {
    std::int64_t v = a.svar();
    if (v < INT32_MIN || v > INT32_MAX) return a.fail("an index is out of range");
    i = static_cast<int>(v);
  } else {
    a.svar(i);
  }
}
template <class A> void field(A& a, bool& b) {
  if (!a.filter().active()) return;
  if constexpr (A::reading) b = a.uvar() != 0; else a.uvar(b ? 1 : 0);
}
// Enums stored as their index, refused past `last`.
template <class A, class E> void enum_field(A& a, E& e, E last) {
  static_assert(std::is_enum_v<E>);
  if (!a.filter().active()) return;
  if constexpr (A::reading) {
    std::uint64_t v = a.uvar();
    if (v > static_cast<std::uint64_t>(last)) return a.fail("an unknown kind");
    e = static_cast<E>(v);
  } else {
    a.uvar(static_cast<std::uint64_t>(e));
  }
}
// A text holds the part's language only; the other comes with that language's part.
template <class A> void field(A& a, Text& t) {
  if (!a.filter().active()) return;
  std::string& s = a.filter().lang == Lang::Ja ? t.ja : t.en;
  if constexpr (A::reading) s = a.str(); else a.str(s);
}
template <class A, class T> void field(A& a, std::vector<T>& v) {
  std::size_t n = a.vector_length(v);
  for (std::size_t i = 0; i < n && !a.failed(); ++i) field(a, v[i]);
}
template <class A, class T> void field(A& a, std::optional<T>& o) {
  bool has = o.has_value();
  field(a, has);
  if (!a.filter().active()) {
    if (o) field(a, *o);  // its detail fields, if it had any
    return;
  }
  if constexpr (A::reading) {
    if (!has) return o.reset();
    if (!o) o.emplace();
  }
  if (has) field(a, *o);
}
template <class A> void field(A& a, CodeList& list) {
  if (!a.filter().active()) return;  // code lists are core only
  if constexpr (A::reading) {
    std::size_t n = a.length();
    for (std::size_t i = 0; i < n && !a.failed(); ++i) field(a, list[a.str()]);
  } else {
    a.length(list.size());
    for (auto& [code, label] : list) {
      a.str(code);
      field(a, label);
    }
  }
}

// JsonLogic values: the literals in rules and the option values.
template <class A> void field(A& a, logic::Value& v) {
  using logic::Value;
  if (!a.filter().active()) return;
  if constexpr (A::reading) {
    if (++a.depth > kMaxDepth) return a.fail("nested too deeply");
    std::uint64_t kind = a.uvar();
    switch (static_cast<Value::Kind>(kind)) {
      case Value::Kind::Null: v = Value(); break;
      case Value::Kind::Bool: v = Value(a.uvar() != 0); break;
      case Value::Kind::Number: v = Value(a.dbl()); break;
      case Value::Kind::String: v = a.interner()->text(a.str()); break;
      case Value::Kind::Array: {
        logic::Array items(a.length());
        for (auto& e : items) field(a, e);
        v = Value(std::move(items));
        break;
      }
      case Value::Kind::Object: {
        logic::Object members(a.length());
        for (auto& [key, e] : members) {
          key = a.str();
          field(a, e);
        }
        v = Value(std::move(members));
        break;
      }
      default: a.fail("an unknown kind of value");  // rules hold no unknowns or ranges
    }
    --a.depth;
  } else {
    a.uvar(static_cast<std::uint64_t>(v.kind()));
    switch (v.kind()) {
      case Value::Kind::Bool: a.uvar(v.as_bool() ? 1 : 0); break;
      case Value::Kind::Number: a.dbl(v.as_number()); break;
      case Value::Kind::String: a.str(v.as_string()); break;
      case Value::Kind::Array:
        a.length(v.as_array().size());
        for (auto e : v.as_array()) field(a, e);
        break;
      case Value::Kind::Object:
        a.length(v.as_object().size());
        for (auto [key, e] : v.as_object()) {
          a.str(key);
          field(a, e);
        }
        break;
      default: break;
    }
  }
}

// The evaluator's tree as the compiler made it, each node as its operator, a byte saying which
// fields it has, and those fields; what the compiler derives from the tree (slots read, simple
// conditions) is derived again by Expr::from_tree, not stored.
constexpr unsigned kDynamicArgs = 1, kStaticPath = 2, kLiteral = 4, kArgs = 8, kPath = 16, kClimb = 32, kSlot = 64;
template <class A> void field(A& a, logic::Node& n) {
  unsigned has = 0;
  if constexpr (A::reading) {
    if (++a.depth > kMaxDepth) return a.fail("nested too deeply");
    enum_field(a, n.op, logic::Op::Try);
    has = a.byte();
    if (has > 127) return a.fail("an unknown kind of node");
  } else {
    has = (n.dynamic_args ? kDynamicArgs : 0u) | (n.static_path ? kStaticPath : 0u) | (!n.literal.is_null() ? kLiteral : 0u) |
          (!n.args.empty() ? kArgs : 0u) | (!n.path.empty() ? kPath : 0u) | (n.climb != 0 ? kClimb : 0u) | (n.slot != -1 ? kSlot : 0u);
    enum_field(a, n.op, logic::Op::Try);
    a.uvar(has);
  }
  n.dynamic_args = has & kDynamicArgs;
  n.static_path = has & kStaticPath;
  if (has & kLiteral) field(a, n.literal);
  if (has & kArgs) field(a, n.args);
  if (has & kPath) field(a, n.path);
  if (has & kClimb) field(a, n.climb);
  if (has & kSlot) field(a, n.slot);
  if constexpr (A::reading) --a.depth;
}
template <class A> void field(A& a, logic::Diagnostic& d) {
  field(a, d.path);
  field(a, d.message);
}
template <class A> void field(A& a, logic::Expr& e) {
  if (!a.filter().active()) return;
  if constexpr (A::reading) {
    logic::Node root;
    std::vector<logic::Diagnostic> diagnostics;
    field(a, root);
    field(a, diagnostics);
    e = logic::Expr::from_tree(std::move(root), std::move(diagnostics));
  } else {
    logic::Node root = e.root();
    std::vector<logic::Diagnostic> diagnostics = e.diagnostics();
    field(a, root);
    field(a, diagnostics);
  }
}

template <class A> void field(A& a, SourceRef& s) {
  field(a, s.file);
  field(a, s.first_line);
  field(a, s.last_line);
  field(a, s.fiscal_year);
  field(a, s.quote);
}
template <class A> void field(A& a, Option& o) {
  field(a, o.value);
  field(a, o.label);
  field(a, o.help);
  field(a, o.interned);
}
template <class A> void field(A& a, Question& q) {
  field(a, q.id);
  enum_field(a, q.type, QuestionType::Number);
  field(a, q.text);
  field(a, q.help);
  field(a, q.short_label);
  field(a, q.options);
  field(a, q.unit);
  field(a, q.min);
  field(a, q.max);
  field(a, q.has_min);
  field(a, q.has_max);
  field(a, q.step);
  field(a, q.integer);
  field(a, q.ask_if);
  field(a, q.slot);
  a.details([&] { field(a, q.file); });
}
template <class A> void field(A& a, Definition& d) {
  field(a, d.id);
  field(a, d.text);
  field(a, d.logic);
  field(a, d.slot);
  a.details([&] { field(a, d.file); });
}
template <class A> void field(A& a, FigureVersion& v) {
  field(a, v.value);
  field(a, v.fiscal_year);
  field(a, v.source);
}
template <class A> void field(A& a, Figure& f) {
  field(a, f.name);
  field(a, f.value);
  field(a, f.unit);
  field(a, f.label);
  field(a, f.fiscal_year);
  field(a, f.source);
  field(a, f.history);
}
template <class A> void field(A& a, Condition& c) {
  field(a, c.id);
  field(a, c.logic);
  a.details([&] {
    field(a, c.text);
    field(a, c.source);
  });
}
template <class A> void field(A& a, Measure& m) {
  field(a, m.id);
  field(a, m.kind);
  field(a, m.applies_if);
  field(a, m.amount);
  field(a, m.unit);
  field(a, m.meaning);
  field(a, m.recipients);
  field(a, m.figures_used);
  field(a, m.inputs);
  a.details([&] {
    field(a, m.label);
    field(a, m.per);
    field(a, m.note);
  });
}
template <class A> void field(A& a, Contact& c) {
  field(a, c.division);
  field(a, c.phone);
  field(a, c.url);
  field(a, c.email);
  field(a, c.source);
}
template <class A> void field(A& a, NextStep& s) {
  enum_field(a, s.kind, StepKind::Prepare);
  field(a, s.text);
  field(a, s.source);
}
template <class A> void field(A& a, Novelty& n) {
  field(a, n.fiscal_year);
  enum_field(a, n.kind, NoveltyKind::Unchanged);
  a.details([&] {
    field(a, n.text);
    field(a, n.source);
  });
}
template <class A> void field(A& a, Budget& b) {
  field(a, b.value);
  field(a, b.unit);
  field(a, b.label);
  field(a, b.fiscal_year);
  field(a, b.source);
}
template <class A> void field(A& a, Program& p) {
  field(a, p.id);
  field(a, p.name);
  field(a, p.ministry);
  field(a, p.applicants);
  field(a, p.themes);
  field(a, p.conditions);
  field(a, p.measures);
  field(a, p.total_of);
  field(a, p.novelty);
  // The figures' values are in the compiled amounts already: the detail screen shows them.
  a.details([&] {
    field(a, p.figures);
    field(a, p.file);
    field(a, p.summary);
    field(a, p.supports);
    field(a, p.contacts);
    field(a, p.sources);
    field(a, p.next_steps);
    field(a, p.budget);
    field(a, p.caveats);
    field(a, p.related);
  });
}
template <class A> void field(A& a, Listing& l) {
  field(a, l.id);
  field(a, l.name);
  field(a, l.ministry);
  field(a, l.themes);
  a.details([&] {
    field(a, l.file);
    field(a, l.note);
    field(a, l.source);
  });
}
template <class A> void field(A& a, BasicChapter& c) {
  field(a, c.id);
  field(a, c.title);
  field(a, c.questions);
}
template <class A> void field(A& a, Family& f) {
  field(a, f.id);
  field(a, f.title);
  field(a, f.gate);
  field(a, f.programs);
}
template <class A> void field(A& a, InterviewSpec& s) {
  field(a, s.basics);
  field(a, s.interests);
  field(a, s.purpose_chapter);
  field(a, s.families);
  field(a, s.amounts_title);
  field(a, s.family_of);
  field(a, s.chapter_of);
}
template <class A> void field(A& a, Meta::Seed& s) {
  field(a, s.file);
  field(a, s.title);
  field(a, s.fiscal_year);
}
template <class A> void field(A& a, Meta::SupportGroup& g) {
  field(a, g.id);
  field(a, g.label);
  field(a, g.kinds);
}
template <class A> void field(A& a, Meta& m) {
  field(a, m.rules_version);
  field(a, m.title);
  field(a, m.seeds);
  for (CodeList* list : {&m.ministries, &m.themes, &m.applicants, &m.measure_kinds, &m.amount_meanings, &m.units})
    field(a, *list);
  field(a, m.support_groups);
}
template <class A> void field(A& a, Catalog& c) {
  field(a, c.meta);
  field(a, c.questions);
  field(a, c.definitions);
  field(a, c.programs);
  field(a, c.listings);
  field(a, c.interview);
}

// ---- after reading: every index points where the evaluator will look ------------------------
bool slots_in_range(const logic::Node& n, int slots) {
  if (n.op == logic::Op::Slot && (n.slot < 0 || n.slot >= slots)) return false;
  for (const auto& arg : n.args)
    if (!slots_in_range(arg, slots)) return false;
  return true;
}

// The argument counts the evaluator relies on, as the compiler guarantees them.
bool arity_ok(const logic::Node& n) {
  using logic::Op;
  std::size_t need = n.dynamic_args ? 1 : 0;
  switch (n.op) {
    case Op::Eq: case Op::Ne: case Op::StrictEq: case Op::StrictNe:
    case Op::Lt: case Op::Le: case Op::Gt: case Op::Ge:
    case Op::In:
    case Op::Map: case Op::Filter: case Op::Reduce: case Op::All: case Op::Some: case Op::None:
      need = 2;
      break;
    case Op::Var: case Op::Val: case Op::Exists: case Op::Slot:
      if (!n.static_path) need = 1;
      break;
    default:
      break;
  }
  if (n.dynamic_args && need < 1) need = 1;
  if (n.args.size() < need) return false;
  for (const auto& arg : n.args)
    if (!arity_ok(arg)) return false;
  return true;
}

const char* check(const Catalog& c) {
  const int slots = static_cast<int>(c.slot_count());
  const int questions = static_cast<int>(c.questions.size());
  const int programs = static_cast<int>(c.programs.size());
  auto expr_ok = [&](const logic::Expr& e) { return slots_in_range(e.root(), slots) && arity_ok(e.root()); };
  auto slot_ok = [&](int s) { return s >= 0 && s < slots; };
  for (int i = 0; i < questions; ++i) {
    const Question& q = c.questions[static_cast<std::size_t>(i)];
    if (q.slot != i) return "a question is not at its slot";
    if (q.ask_if && !expr_ok(*q.ask_if)) return "a question's ask_if reads past the answers";
    for (const auto& o : q.options)
      if (!o.interned.is_string()) return "an option's value is not a text";
  }
  for (std::size_t i = 0; i < c.definitions.size(); ++i) {
    const Definition& d = c.definitions[i];
    if (d.slot != questions + static_cast<int>(i)) return "a definition is not at its slot";
    if (!expr_ok(d.logic)) return "a definition reads past the answers";
  }
  for (const Program& p : c.programs) {
    for (const Condition& k : p.conditions)
      if (!expr_ok(k.logic)) return "a condition reads past the answers";
    for (const Measure& m : p.measures) {
      if ((m.applies_if && !expr_ok(*m.applies_if)) || (m.amount && !expr_ok(*m.amount))) return "a measure reads past the answers";
      for (int s : m.inputs)
        if (!slot_ok(s)) return "a measure's input is not a question";
    }
  }
  const InterviewSpec& iv = c.interview;
  auto question_or_none = [&](int s) { return s >= -1 && s < questions; };
  for (const auto& b : iv.basics)
    for (int s : b.questions)
      if (s < 0 || s >= questions) return "a chapter asks a question that does not exist";
  if (!question_or_none(iv.interests)) return "the interests question does not exist";
  if (iv.purpose_chapter < -1 || iv.purpose_chapter >= static_cast<int>(iv.basics.size())) return "the purpose chapter does not exist";
  for (const auto& f : iv.families) {
    if (!question_or_none(f.gate)) return "a family's gate is not a question";
    for (int p : f.programs)
      if (p < 0 || p >= programs) return "a family lists a program that does not exist";
  }
  if (iv.family_of.size() != c.programs.size()) return "the interview does not place every program";
  for (int f : iv.family_of)
    if (f < -1 || f >= static_cast<int>(iv.families.size())) return "a program is in a family that does not exist";
  if (iv.chapter_of.size() != c.questions.size()) return "the interview does not file every question";
  for (int ch : iv.chapter_of)
    if (ch < -1 || ch >= iv.chapter_count()) return "a question is filed in a chapter that does not exist";
  return nullptr;
}

struct Header {
  Lang lang = Lang::Ja;
  BundlePart part = BundlePart::Core;
  std::string fingerprint;
  std::string_view payload;
  std::size_t size = 0;  // of the whole part, header included
};

// The part at the start of `bytes`; nullptr, or why not.
const char* read_header(std::string_view bytes, Header& h) {
  if (bytes.size() < 7 || std::memcmp(bytes.data(), kMagic, 4) != 0) return "not a compiled rules part (rebuild with scripts/build-web)";
  if (static_cast<std::uint8_t>(bytes[4]) != kCompiledRulesFormat) return "a compiled rules part of another format (rebuild the site: app and rules come from one build)";
  if (bytes[5] > 1 || bytes[6] > 1) return "an unknown language or part";
  h.lang = bytes[5] == 0 ? Lang::Ja : Lang::En;
  h.part = bytes[6] == 0 ? BundlePart::Core : BundlePart::Details;
  Reader r(bytes.substr(7), {}, nullptr);
  h.fingerprint = r.str();
  std::uint64_t length = r.uvar();
  std::uint64_t sum = 0;
  for (int i = 0; i < 8; ++i) sum |= static_cast<std::uint64_t>(r.byte()) << (8 * i);
  if (r.failed()) return "cut short";
  std::size_t start = bytes.size() - r.remaining();
  if (length > bytes.size() - start) return "cut short";
  h.payload = bytes.substr(start, length);
  h.size = start + length;
  if (fnv1a64(h.payload) != sum) return "altered: its checksum does not match";
  return nullptr;
}

}  // namespace

std::string compiled_file_name(Lang lang, BundlePart part) {
  return std::string(part == BundlePart::Core ? "rules." : "rules-details.") + (lang == Lang::Ja ? "ja" : "en") + ".bin";
}

std::string compile_rules_part(const Catalog& whole, Lang lang, BundlePart part) {
  Writer w({lang, part});
  field(w, const_cast<Catalog&>(whole));  // the writer only reads the fields it visits
  return wrap_compiled_part(w.bytes(), whole.fingerprint, lang, part);
}

std::string wrap_compiled_part(std::string_view payload, const std::string& fingerprint, Lang lang, BundlePart part) {
  Writer h({lang, part});
  h.bytes().append(kMagic, 4);
  h.bytes() += static_cast<char>(kCompiledRulesFormat);
  h.bytes() += static_cast<char>(lang_index(lang));
  h.bytes() += static_cast<char>(part_index(part));
  h.str(fingerprint);
  h.uvar(payload.size());
  std::uint64_t sum = fnv1a64(payload);
  for (int i = 0; i < 8; ++i) h.bytes() += static_cast<char>((sum >> (8 * i)) & 0xff);
  h.bytes().append(payload.data(), payload.size());
  return std::move(h.bytes());
}

bool CompiledRules::add(std::string_view bytes, const std::string& file, Problems& problems) {
  std::vector<Part> adding;
  std::string fingerprint = fingerprint_;
  std::size_t at = 0;
  while (at < bytes.size()) {
    Header h;
    if (const char* why = read_header(bytes.substr(at), h)) {
      problems.push_back({Severity::Error, file, "byte " + std::to_string(at), why});
      return false;
    }
    if (!fingerprint.empty() && h.fingerprint != fingerprint) {
      problems.push_back({Severity::Error, file, "byte " + std::to_string(at),
                          "this part belongs to other rules (" + h.fingerprint + ", expected " + fingerprint + ")"});
      return false;
    }
    fingerprint = h.fingerprint;
    adding.push_back({h.lang, h.part, file, std::string(h.payload)});
    at += h.size;
  }
  if (adding.empty()) {
    problems.push_back({Severity::Error, file, "", "empty: not a compiled rules part"});
    return false;
  }
  fingerprint_ = fingerprint;
  for (auto& p : adding)
    if (!has(p.lang, p.part)) parts_.push_back(std::move(p));
  return true;
}

bool CompiledRules::has(Lang lang, BundlePart part) const {
  for (const auto& p : parts_)
    if (p.lang == lang && p.part == part) return true;
  return false;
}

bool CompiledRules::complete() const {
  for (Lang lang : {Lang::Ja, Lang::En})
    for (BundlePart part : {BundlePart::Core, BundlePart::Details})
      if (!has(lang, part)) return false;
  return true;
}

LoadResult CompiledRules::load() const {
  LoadResult result;
  Catalog c;
  c.fingerprint = fingerprint_;
  // The structure comes with the first core part; the others add their texts and details.
  std::vector<const Part*> order;
  for (const auto& p : parts_)
    if (p.part == BundlePart::Core) order.push_back(&p);
  if (order.empty()) {
    result.problems.push_back({Severity::Error, parts_.empty() ? "rules" : parts_.front().file, "", "no core part of the rules yet"});
    return result;
  }
  for (const auto& p : parts_)
    if (p.part == BundlePart::Details) order.push_back(&p);
  for (const Part* p : order) {
    Reader r(p->payload, {p->lang, p->part}, c.interner.get());
    field(r, c);
    if (!r.failed() && !r.at_end()) r.fail("bytes left over after the rules");
    if (r.failed()) {
      result.problems.push_back({Severity::Error, p->file, "payload byte " + std::to_string(r.error_at()), r.error()});
      return result;
    }
  }
  if (const char* why = check(c)) {
    result.problems.push_back({Severity::Error, order.front()->file, "", why});
    return result;
  }
  result.catalog = std::move(c);
  return result;
}

}  // namespace shisaku
