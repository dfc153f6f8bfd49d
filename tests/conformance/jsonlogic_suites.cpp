// Runs the JSON Logic community's conformance suites (../shared/jsonlogic/suites) through our
// evaluator and prints the pass count per file (the README's conformance table).
// Fails unless compatible.json passes fully and every case listed in index.json passes.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "logic/logic.hpp"
#include "rules_dir.hpp"

using namespace shisaku;
using nlohmann::json;

namespace {

bool same(const json& expected, const logic::Outcome& o, bool decimal) {
  if (!o.ok()) return false;
  json got = o.value.to_json();
  if (decimal && expected.is_number() && got.is_number()) return std::fabs(got.get<double>() - expected.get<double>()) < 1e-9;
  return got == expected;
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = argc > 1 ? argv[1] : SHISAKU_TEST_SHARED_DIR "/jsonlogic/suites";
  bool markdown = argc > 2 && std::string(argv[2]) == "--markdown";
  std::string text;
  if (!cli::read_file(dir + "/index.json", text)) {
    std::cerr << "cannot read " << dir << "/index.json\n";
    return 1;
  }
  json index = json::parse(text);
  int total = 0, passed = 0, compatible_total = 0, compatible_passed = 0;
  if (markdown) std::cout << "| suite | passed |\n|---|---|\n";
  for (const auto& name : index) {
    std::string file = name.get<std::string>();
    if (!cli::read_file(dir + "/" + file, text)) {
      std::cerr << "cannot read " << file << "\n";
      return 1;
    }
    int n = 0, ok = 0;
    for (const auto& c : json::parse(text)) {
      if (!c.is_object()) continue;  // section comments
      ++n;
      logic::Outcome o = logic::Expr::compile(c["rule"]).evaluate(logic::Value::from_json(c.value("data", json())));
      bool pass = c.contains("error") ? (!o.ok() && o.error->to_json() == c["error"]) : same(c["result"], o, c.value("decimal", false));
      ok += pass;
      if (!pass) std::cerr << "FAIL " << file << ": " << c.dump() << "\n";
    }
    if (markdown)
      std::cout << "| " << file << " | " << ok << "/" << n << " |\n";
    else
      std::printf("%-32s %4d/%-4d\n", file.c_str(), ok, n);
    total += n;
    passed += ok;
    if (file == "compatible.json") {
      compatible_total = n;
      compatible_passed = ok;
    }
  }
  if (markdown)
    std::cout << "| **all** | **" << passed << "/" << total << "** |\n";
  else
    std::printf("%-32s %4d/%-4d\n", "TOTAL", passed, total);
  bool ok = compatible_total == 278 && compatible_passed == 278 && total == 1138 && passed == total;
  return ok ? 0 : 1;
}
