// `shisaku catalog`: every program with its conditions in words, amounts, contacts and
// sources, for proof-reading and for the no-JavaScript fallback page.
#pragma once

#include <string>

#include "catalog.hpp"

namespace shisaku::cli {

std::string catalog_json(const Catalog& c, Lang lang);
std::string catalog_csv(const Catalog& c, Lang lang);
std::string catalog_markdown(const Catalog& c, Lang lang);
// A whole page (lang, title, headings, a link back to the app at index.html), styled by
// programs.css beside it: the web build's programs.html.
std::string catalog_html(const Catalog& c, Lang lang);

}  // namespace shisaku::cli
