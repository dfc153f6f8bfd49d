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
std::string evaluation_text(const Catalog& catalog, const Evaluation& ev, Lang lang);
// One row per program: status, name, estimate, ministry, contacts, sources (UTF-8, RFC 4180).
std::string evaluation_csv(const Catalog& catalog, const Evaluation& ev, Lang lang);
// A self-contained printable page: the answers, then the programs by status with estimates,
// contacts, sources and caveats. All text is HTML-escaped.
std::string evaluation_html(const Catalog& catalog, const Evaluation& ev, const Answers& answers, Lang lang);
std::string html_escape(const std::string& s);

}  // namespace shisaku
