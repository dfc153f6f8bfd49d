// Numbers as people read them: 5,500万円 and 1億2,000万円 in Japanese, ¥55,000,000 in English.
#pragma once

#include <string>

#include "evaluate.hpp"
#include "text.hpp"

namespace shisaku {

std::string group_thousands(long long n);
// An aside in brackets the language's way: 「（…）」 in Japanese, " (…)" in English.
std::string paren(const std::string& inner, Lang lang);
// 「7項目の合計」 / "total of 7 items".
std::string parts_total(int parts, Lang lang);
std::string format_yen(double yen, Lang lang);
// 0.5 → "1/2", 0.75 → "3/4", 0.7 → "0.7".
std::string format_ratio(double r);
std::string format_amount(double value, std::string_view unit, Lang lang);
// "1,570万円", "0円〜1,500万円", "1,500万円以上", "要確認" …
std::string format_estimate(const Estimate& e, Lang lang);
// A program's total on a card: "2,400万円", "750万円＋" while a part waits for answers, "" when
// nothing is known yet or it gives no money.
std::string format_total(const Total& t, Lang lang);
// What a partial total waits for: 「受入れ人数を入れると算出」 ("" when nothing).
std::string needs_text(const Catalog& catalog, const ProgramResult& r, Lang lang);
// The badge of a program's newest change: 「R8新規」「R8拡充」「R8延長」 / "New in FY2026"; "" when unchanged.
std::string novelty_badge(const Program& p, Lang lang);
// The newest fiscal year among the seeds ("R8"), and whether a program is new, expanded or
// extended in it (the 「令和8年度の新規・拡充」 view).
std::string newest_fiscal_year(const Catalog& catalog);
bool is_new_or_expanded(const Program& p, const std::string& fiscal_year);

}  // namespace shisaku
