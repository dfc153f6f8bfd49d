#include "walk.hpp"

#include <algorithm>

namespace shisaku {

Walk walk_interview(const Catalog& c, const Evaluator& evaluator, const nlohmann::json& answers) {
  const InterviewSpec& iv = c.interview;
  Walk w;
  w.eligible_after.assign(c.programs.size(), -1);
  Answers a(c);
  const std::size_t limit = c.questions.size();
  Evaluation ev = evaluator.evaluate(a);
  auto note_eligible = [&](const Evaluation& e) {
    for (std::size_t i = 0; i < e.programs.size(); ++i)
      if (w.eligible_after[i] < 0 && e.programs[i].status == Status::Eligible) w.eligible_after[i] = static_cast<int>(w.steps.size());
  };
  note_eligible(ev);
  while (ev.next_question && w.steps.size() < limit) {
    WalkStep step;
    step.slot = *ev.next_question;
    step.chapter = ev.remaining_chapter.front();
    step.basic = step.chapter < static_cast<int>(iv.basics.size()) && !iv.is_gate(step.slot);
    step.serves = ev.next_decides;
    if (!step.basic && step.serves.empty()) ++w.off_topic;
    const Question& q = c.questions[static_cast<std::size_t>(step.slot)];
    auto it = answers.find(q.id);
    step.answered = it != answers.end() && !a.set(step.slot, *it);
    if (!step.answered) a.skip(step.slot);
    w.steps.push_back(std::move(step));
    ev = evaluator.evaluate(a);
    note_eligible(ev);
  }
  // Leaving a program and coming back: the program a question is asked for (the first it
  // serves) changes from A to another and later back to A. The basic chapters and the gates
  // (the purpose chapter) are about no single program.
  std::vector<char> left(c.programs.size(), false);
  int current = -1;
  for (const WalkStep& s : w.steps) {
    if (s.basic || iv.is_gate(s.slot) || s.serves.empty()) continue;
    const int p = s.serves.front();
    if (p == current) continue;
    if (left[static_cast<std::size_t>(p)]) {
      ++w.returns;
      w.returned_to.push_back(p);
    }
    if (current >= 0) left[static_cast<std::size_t>(current)] = true;
    current = p;
  }
  w.final = std::move(ev);
  return w;
}

}  // namespace shisaku
