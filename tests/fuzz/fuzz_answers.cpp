// Fuzzes answer sets and share codes against the project's rules (the test fixture when
// rules/ does not load). The low four bits of the first byte (mod 3) pick what the rest is:
//   0: an answers file (JSON, as `shisaku evaluate --answers` reads it);
//   1: a share code, as text (as `shisaku decode` reads it);
//   2: the entries of a share code, framed here with the current version, fingerprint and
//      checksum, so mutations reach the decoder instead of stopping at the checksum.
// When the high four bits are all set, accepted answers are also evaluated and reported: with
// ~150 programs under ASan that takes ~0.2 s, so only for those inputs (1 in 16).
// Invariants: nothing crashes; accepted answers round-trip unchanged through JSON and through
// share codes.
#include <cstddef>
#include <cstdint>

#include "answers.hpp"
#include "evaluate.hpp"
#include "fuzz_support.hpp"
#include "json_text.hpp"
#include "report.hpp"

using namespace shisaku;

namespace {

void evaluate(const Catalog& c, const Answers& a) {
  Evaluation ev = Evaluator(c).evaluate(a);
  (void)json_text(evaluation_json(c, ev, Lang::Ja));
  (void)evaluation_text(c, ev, Lang::En);
}

void check_round_trips(const Catalog& c, const Answers& a) {
  for (std::size_t s = 0; s < c.questions.size(); ++s) (void)a.describe(static_cast<int>(s), Lang::Ja);

  std::string error;
  auto from_json = Answers::from_json(c, a.to_json(), error);
  if (!from_json) fuzz::fail("accepted answers are refused from their own JSON: " + error);
  if (from_json->to_json() != a.to_json()) fuzz::fail("answers change through JSON");

  ShareError why;
  std::string detail;
  auto from_code = Answers::from_share_string(c, a.to_share_string(), why, detail);
  if (!from_code) fuzz::fail("accepted answers are refused from their own share code: " + detail);
  if (from_code->to_json() != a.to_json()) fuzz::fail("answers change through a share code");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Catalog& c = fuzz::fuzz_catalog();
  if (size == 0) return 0;
  const std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::optional<Answers> accepted;
  ShareError why;
  std::string detail;
  switch ((data[0] & 0x0F) % 3) {
    case 0: {
      Problems problems;
      std::string error;
      if (auto j = parse_json(rest, "answers.json", problems)) accepted = Answers::from_json(c, *j, error);
      break;
    }
    case 1:
      accepted = Answers::from_share_string(c, rest, why, detail);
      break;
    case 2:
      accepted = Answers::from_share_string(c, frame_share_code(c, {rest.begin(), rest.end()}), why, detail);
      break;
  }
  if (!accepted) return 0;
  check_round_trips(c, *accepted);
  if ((data[0] & 0xF0) == 0xF0) evaluate(c, *accepted);
  return 0;
}
