// The evaluation as data for other programs (the CLI's JSON, the app's JavaScript API) and as
// plain text. The JSON schema is documented in the README ("Results JSON").
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "evaluate.hpp"

namespace shisaku {

nlohmann::json question_json(const Catalog& catalog, const Question& q, Lang lang);
nlohmann::json program_result_json(const Catalog& catalog, const ProgramResult& r, Lang lang);
nlohmann::json evaluation_json(const Catalog& catalog, const Evaluation& ev, Lang lang);
// The next question with its chapter and the programs it decides ({"chapter": {id, title},
// "decides": [{id, name}]}); null once the status of every program in scope is decided.
nlohmann::json next_question_json(const Catalog& catalog, const Evaluation& ev, Lang lang);
// Every question still to ask, in order, each with its chapter and the programs it decides.
nlohmann::json remaining_questions_json(const Catalog& catalog, const Evaluation& ev, Lang lang);
// The amounts chapter's questions, each with the programs whose amounts it refines ("refines").
nlohmann::json amount_questions_json(const Catalog& catalog, const Evaluation& ev, Lang lang);
// "3 of 4 met; unanswered: metro3" / "4条件中3件を満たす（未回答: metro3）"
std::string reasons_summary(const Catalog& catalog, const ProgramResult& r, Lang lang);
// The results as plain text, in result_sections order (set-aside programs only when asked).
std::string evaluation_text(const Catalog& catalog, const Evaluation& ev, Lang lang, bool include_set_aside = true);
// One row per program: status, name, estimate, ministry, contacts, sources (UTF-8, RFC 4180).
std::string evaluation_csv(const Catalog& catalog, const Evaluation& ev, Lang lang, bool include_set_aside = true);
// A self-contained printable page: the answers, then the programs by status with estimates,
// contacts, sources and caveats. All text is HTML-escaped.
std::string evaluation_html(const Catalog& catalog, const Evaluation& ev, const Answers& answers, Lang lang, bool include_set_aside = true);
// A citation as a person reads it: the document's title, the lines and the fiscal year
// (「地域力創造に関する施策説明会 資料（…）（行 981–984、令和8年度）」).
std::string citation_text(const Catalog& catalog, const SourceRef& s, Lang lang);
// "R8" → 「令和8年度」 / "FY2026".
std::string fiscal_year_text(const std::string& fiscal_year, Lang lang);
std::string html_escape(const std::string& s);

// The results in the order a person reads them: the programs in scope that may apply, in
// sections by kind of support (meta.json support_groups), eligible before those that need
// answers, each in the interview's order of families (the person's own first) or, by amount,
// exact totals first; then those in scope that do not apply; then those set aside (themes not
// chosen, or a gate answered no).
struct ResultSection {
  enum class Kind { Support, NotEligible, SetAside } kind = Kind::Support;
  int group = -1;              // the support group (Kind::Support)
  std::vector<int> programs;   // indices into Evaluation::programs
};
std::vector<ResultSection> result_sections(const Catalog& catalog, const Evaluation& ev, bool by_amount = false);
// 「財政措置・交付金・補助金」, 「選ばなかった分野・予定のない施策」 …
std::string section_title(const Catalog& catalog, const ResultSection& section, Lang lang);
// 「該当」「要確認」「対象外」 / "Eligible", "Needs answers", "Not eligible": one word per status.
const char* status_text(Status s, Lang lang);
// What a program gives, as a list or a card says it: 「2,400万円」, 「750万円＋（受入れ人数などを入れると算出）」,
// "" for no money or when it does not apply.
std::string amount_line(const Catalog& catalog, const ProgramResult& r, Lang lang);

}  // namespace shisaku
