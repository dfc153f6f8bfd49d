// Fuzzes the reader of the compiled rules (the app's only way in for rules). The checksum
// would stop almost every mutation at the header, so most inputs get a valid one:
//   input = one mode byte, then bytes.
//   mode 0–3: the bytes are the payload of a part (ja/en × core/details) behind a valid header
//             (details over a valid core, so their reading is reached too);
//   mode 4+:  the bytes are given as they are (headers, concatenated parts).
// Invariants: nothing crashes; a catalog that reads back evaluates and reports.
#include <cstddef>
#include <cstdint>

#include "compiled_rules.hpp"
#include "evaluate.hpp"
#include "fuzz_support.hpp"
#include "json_text.hpp"
#include "report.hpp"

using namespace shisaku;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Catalog& whole = fuzz::fuzz_catalog();
  static const std::string core_ja = compile_rules_part(whole, Lang::Ja, BundlePart::Core);
  if (size == 0) return 0;
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  const Lang lang = data[0] & 1 ? Lang::En : Lang::Ja;
  const BundlePart part = data[0] & 2 ? BundlePart::Details : BundlePart::Core;

  CompiledRules rules;
  Problems problems;
  if (data[0] < 4) {
    if (part == BundlePart::Details && !rules.add(core_ja, "rules.ja.bin", problems)) fuzz::fail("a valid core part is refused");
    if (!rules.add(wrap_compiled_part(bytes, whole.fingerprint, lang, part), "fuzzed", problems)) fuzz::fail("a valid header is refused");
  } else if (!rules.add(bytes, "fuzzed", problems)) {
    for (const auto& p : problems) (void)p.to_string();
    return 0;
  }
  LoadResult r = rules.load();
  for (const auto& p : r.problems) (void)p.to_string();
  if (!r.catalog) return 0;
  const Catalog& c = *r.catalog;
  Evaluation ev = Evaluator(c).evaluate(Answers(c));
  (void)json_text(evaluation_json(c, ev, Lang::En));
  (void)evaluation_text(c, ev, Lang::Ja);
  return 0;
}
