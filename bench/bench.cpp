// Benchmark of the rules core on the real rules/: load + validate, one evaluate + next
// question (median of many runs), eligibility of every program for complete answer sets, and
// peak memory. Prints figures; asserts nothing.
//
//   shisaku_bench [--runs N] [--rules DIR]
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include <sys/resource.h>

#include "evaluate.hpp"
#include "rules_lint.hpp"
#include "rules_dir.hpp"
#include "walk.hpp"

using namespace shisaku;
using Clock = std::chrono::steady_clock;

namespace {

double micros(Clock::duration d) { return std::chrono::duration<double, std::micro>(d).count(); }

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// A complete, valid answer set drawn at random.
Answers random_answers(const Catalog& c, std::mt19937& rng) {
  Answers a(c);
  for (const auto& q : c.questions) {
    nlohmann::json v;
    switch (q.type) {
      case QuestionType::Boolean:
        v = std::uniform_int_distribution<int>(0, 1)(rng) == 1;
        break;
      case QuestionType::Single:
        v = q.options[std::uniform_int_distribution<std::size_t>(0, q.options.size() - 1)(rng)].value;
        break;
      case QuestionType::Multi:
        v = nlohmann::json::array();
        for (const auto& o : q.options)
          if (std::uniform_int_distribution<int>(0, 1)(rng)) v.push_back(o.value);
        break;
      case QuestionType::Number: {
        double x = std::uniform_real_distribution<double>(q.min, std::min(q.max, q.min + 1000))(rng);
        v = q.integer ? std::floor(x) : x;
        break;
      }
    }
    a.set(q.slot, v);
  }
  return a;
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 2000;
  std::string rules = SHISAKU_BENCH_RULES_DIR;
  std::string personas = SHISAKU_BENCH_PERSONAS_DIR;
  std::string answer_sets;  // a JSON array of complete answer sets (scripts/benchmark shares one with json-logic-engine)
  for (int i = 1; i + 1 < argc; ++i) {
    std::string a = argv[i];
    if (a == "--runs") runs = std::max(1000, std::atoi(argv[++i]));
    if (a == "--rules") rules = argv[++i];
    if (a == "--personas") personas = argv[++i];
    if (a == "--answer-sets") answer_sets = argv[++i];
  }
  std::string error;
  auto files = cli::read_rules_dir(rules, error);
  if (!error.empty()) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 1;
  }
  LoadOptions opts;
  opts.seeds = cli::read_seeds(SHISAKU_BENCH_SEEDS_DIR);

  auto t0 = Clock::now();
  LoadResult full = load_and_lint(files, opts);
  double load_validate = micros(Clock::now() - t0);
  opts.seeds.clear();
  t0 = Clock::now();
  LoadResult plain = load_catalog(files, opts);
  double load_only = micros(Clock::now() - t0);
  if (!plain.catalog) {
    std::fprintf(stderr, "the rules do not load\n");
    return 1;
  }
  const Catalog& c = *plain.catalog;
  Evaluator evaluator(c);

  std::vector<double> empty_times, partial_times;
  Answers none(c);
  Answers some(c);
  some.set("applicant", "municipality");
  for (int i = 0; i < runs; ++i) {
    t0 = Clock::now();
    Evaluation ev = evaluator.evaluate(none);
    empty_times.push_back(micros(Clock::now() - t0));
    t0 = Clock::now();
    Evaluation ev2 = evaluator.evaluate(some);
    partial_times.push_back(micros(Clock::now() - t0));
  }

  // Eligibility only: every program's conditions for complete random answer sets.
  std::vector<std::vector<logic::Value>> sets;
  if (!answer_sets.empty()) {
    std::string text;
    auto j = cli::read_file(answer_sets, text) ? nlohmann::json::parse(text, nullptr, false) : nlohmann::json();
    for (const auto& set : j.is_array() ? j : nlohmann::json::array()) {
      std::string why;
      if (auto a = Answers::from_json(c, set, why)) sets.push_back(slot_values(c, *a));
    }
    if (sets.empty()) {
      std::fprintf(stderr, "no answer sets in %s\n", answer_sets.c_str());
      return 1;
    }
  } else {
    std::mt19937 rng(42);
    for (int i = 0; i < 200; ++i) sets.push_back(slot_values(c, random_answers(c, rng)));
  }
  std::size_t conditions = 0;
  for (const auto& p : c.programs) conditions += p.conditions.size();
  t0 = Clock::now();
  std::size_t eligible = 0;
  int rounds = 0;
  while (micros(Clock::now() - t0) < 500000 || rounds < 5) {
    for (const auto& slots : sets)
      for (const auto& p : c.programs) {
        bool ok = true;
        for (const auto& cond : p.conditions) ok = ok && cond.logic.evaluate_truth(slots) == logic::Tri::True;
        eligible += ok;
      }
    ++rounds;
  }
  double per_set = micros(Clock::now() - t0) / (rounds * static_cast<double>(sets.size()));

  // The interview as the personas of tests/personas/ meet it (walk.hpp).
  struct PersonaFigures {
    std::string name;
    std::size_t asked;
    int off_topic, returns, keys, keys_early;
  };
  std::vector<PersonaFigures> walked;
  std::error_code ec;
  std::vector<std::filesystem::path> persona_files;
  for (const auto& entry : std::filesystem::directory_iterator(personas, ec))
    if (entry.path().extension() == ".json") persona_files.push_back(entry.path());
  std::sort(persona_files.begin(), persona_files.end());
  for (const auto& path : persona_files) {
    std::string text;
    if (!cli::read_file(path.string(), text)) continue;
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.contains("answers")) continue;
    Walk w = walk_interview(c, evaluator, j["answers"]);
    PersonaFigures f{path.stem().string(), w.steps.size(), w.off_topic, w.returns, 0, 0};
    for (const auto& key : j.value("key_programs", nlohmann::json::array()))
      for (std::size_t i = 0; i < c.programs.size(); ++i)
        if (c.programs[i].id == key.get<std::string>()) {
          ++f.keys;
          f.keys_early += w.final.programs[i].status == Status::Eligible && w.eligible_after[i] >= 0 && w.eligible_after[i] <= 12;
        }
    walked.push_back(f);
  }
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("rules: %zu programs, %zu questions, %zu conditions (fingerprint %s)\n", c.programs.size(), c.questions.size(), conditions,
              c.fingerprint.c_str());
  std::printf("| measure | value |\n|---|---|\n");
  std::printf("| load + validate + lint + citation check (%zu files) | %.1f ms |\n", files.size(), load_validate / 1000);
  std::printf("| load only | %.1f ms |\n", load_only / 1000);
  std::printf("| evaluate + next question, no answers (median of %d) | %.1f µs |\n", runs, median(empty_times));
  std::printf("| evaluate + next question, applicant answered (median of %d) | %.1f µs |\n", runs, median(partial_times));
  std::printf("| eligibility of every program, one complete answer set (mean over %zu sets) | %.2f µs |\n", sets.size(), per_set);
  std::fprintf(stderr, "eligible in total: %zu\n", eligible / static_cast<std::size_t>(rounds));  // per pass over the sets
  std::printf("| peak memory (max RSS) | %.1f MB |\n", ru.ru_maxrss / 1024.0);
  if (!walked.empty()) {
    std::vector<double> asked;
    int off_topic = 0, returns = 0, keys = 0, keys_early = 0;
    for (const auto& f : walked) {
      asked.push_back(static_cast<double>(f.asked));
      off_topic += f.off_topic;
      returns += f.returns;
      keys += f.keys;
      keys_early += f.keys_early;
    }
    std::printf("| interview: questions shown until every program in scope is decided (%zu personas): median; max | %.0f; %.0f of %zu |\n",
                walked.size(), median(asked), *std::max_element(asked.begin(), asked.end()), c.questions.size());
    std::printf("| interview: questions outside the chosen themes (basic chapters aside); returns to a program left | %d; %d |\n", off_topic, returns);
    std::printf("| interview: key programs eligible within the first 12 questions | %d of %d |\n", keys_early, keys);
    std::printf("\n| persona | questions | off topic | returns | key programs within 12 |\n|---|---|---|---|---|\n");
    for (const auto& f : walked) std::printf("| %s | %zu | %d | %d | %d of %d |\n", f.name.c_str(), f.asked, f.off_topic, f.returns, f.keys_early, f.keys);
  }
  return 0;
}
