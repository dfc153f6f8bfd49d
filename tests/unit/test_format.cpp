#include <catch2/catch.hpp>

#include <limits>

#include "format.hpp"

using namespace shisaku;

TEST_CASE("yen amounts the Japanese way and the English way", "[format]") {
  CHECK(format_yen(55000000, Lang::Ja) == "5,500万円");
  CHECK(format_yen(120000000, Lang::Ja) == "1億2,000万円");
  CHECK(format_yen(15000000, Lang::Ja) == "1,500万円");
  CHECK(format_yen(15005000, Lang::Ja) == "1,500万5,000円");
  CHECK(format_yen(5000, Lang::Ja) == "5,000円");
  CHECK(format_yen(0, Lang::Ja) == "0円");
  CHECK(format_yen(300000000000.0, Lang::Ja) == "3,000億円");
  CHECK(format_yen(55000000, Lang::En) == "¥55,000,000");
  CHECK(format_yen(std::numeric_limits<double>::infinity(), Lang::Ja) == "上限なし");
}

TEST_CASE("rates as fractions where the seeds write them so", "[format]") {
  CHECK(format_ratio(0.5) == "1/2");
  CHECK(format_ratio(2.0 / 3) == "2/3");
  CHECK(format_ratio(0.75) == "3/4");
  CHECK(format_ratio(0.7) == "0.7");
  CHECK(format_ratio(0.8) == "0.8");
}

TEST_CASE("estimates read as a number, a range or an open range", "[format]") {
  Estimate e;
  e.unit = "yen";
  e.kind = Estimate::Kind::Range;
  e.min = 0;
  e.max = 15000000;
  CHECK(format_estimate(e, Lang::Ja) == "0円〜1,500万円");
  CHECK(format_estimate(e, Lang::En) == "¥0–¥15,000,000");
  e.max = std::numeric_limits<double>::infinity();
  e.min = 15000000;
  CHECK(format_estimate(e, Lang::Ja) == "1,500万円以上");
  e.kind = Estimate::Kind::Exact;
  CHECK(format_estimate(e, Lang::Ja) == "1,500万円");
}
