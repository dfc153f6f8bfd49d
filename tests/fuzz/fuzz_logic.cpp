// Fuzzes the JsonLogic compiler and evaluator. The input is what `shisaku logic` reads, one
// {"rule": R, "data": D} (any other JSON is a rule without data). Each rule runs twice:
//  - plain JsonLogic over the data;
//  - rule mode, every top-level variable a slot holding one of the partial values an answer
//    set produces (Unknown, ranges, bounded and not) or a plain value, with missing_slots.
// Invariant: nothing crashes, hangs or throws; errors travel as values.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>

#include "catalog.hpp"
#include "json_text.hpp"
#include "logic/logic.hpp"

using namespace shisaku;

namespace {

const std::vector<logic::Value>& slot_values() {
  static const std::vector<logic::Value> slots = {
      logic::Value::unknown(),
      logic::Value::range(0, 10),
      logic::Value::range(-5, std::numeric_limits<double>::infinity()),
      logic::Value(3),
      logic::Value(0),
      logic::Value("municipality"),
      logic::Value(true),
      logic::Value(logic::Array{logic::Value("a"), logic::Value("b")}),
  };
  return slots;
}

logic::Resolution resolve(const std::vector<std::string>& path) {
  logic::Resolution r;
  r.kind = logic::Resolution::Kind::Slot;
  r.slot = static_cast<int>(std::hash<std::string>{}(path[0]) % slot_values().size());
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Problems problems;
  auto input = parse_json(std::string(reinterpret_cast<const char*>(data), size), "input", problems);
  if (!input) return 0;
  const bool framed = input->is_object() && input->contains("rule");
  const nlohmann::json& rule = framed ? (*input)["rule"] : *input;
  const nlohmann::json no_data;
  const nlohmann::json& json_data = framed && input->contains("data") ? (*input)["data"] : no_data;

  logic::Outcome plain = logic::Expr::compile(rule).evaluate(logic::Value::from_json(json_data));
  (void)json_text(plain.value.to_json());
  (void)plain.error_text();

  for (bool portable : {false, true}) {
    logic::CompileOptions options;
    options.resolver = resolve;
    options.portable_only = portable;
    logic::Expr e = logic::Expr::compile(rule, options);
    logic::Outcome o = e.evaluate(slot_values());
    (void)json_text(o.value.to_json());
    (void)o.error_text();
    (void)e.missing_slots(slot_values());
  }
  return 0;
}
