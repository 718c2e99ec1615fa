// The trend op's statistics (trend.hpp): calendar days, the authors' monthly summary and
// the Theil-Sen slope with Sen's interval, against values worked out by hand.
#include <cmath>

#include <catch2/catch.hpp>

#include "llmfp/api.hpp"
#include "llmfp/trend.hpp"

using llmfp::trend::format_date;
using llmfp::trend::parse_date;

TEST_CASE("trend dates: days since 1970-01-01, real calendar dates only", "[trend]") {
  CHECK(parse_date("1970-01-01") == 0);
  CHECK(parse_date("2000-03-01") == 11017);  // 30 years of 365 days + 7 leap days + Jan + Feb
  CHECK(*parse_date("2026-08-22") - *parse_date("2025-09-10") == 346);
  CHECK(parse_date("2024-02-29").has_value());
  CHECK_FALSE(parse_date("2026-02-29").has_value());
  CHECK_FALSE(parse_date("1900-02-29").has_value());
  CHECK(parse_date("2000-02-29").has_value());
  CHECK_FALSE(parse_date("2026-13-01").has_value());
  CHECK_FALSE(parse_date("2026-1-01").has_value());
  CHECK_FALSE(parse_date("2026-01-0x").has_value());
  CHECK_FALSE(parse_date("").has_value());
  for (const char* d : {"1999-12-31", "2025-10-26", "2026-03-01", "2024-02-29", "1960-07-04"})
    CHECK(format_date(*parse_date(d)) == d);
}

TEST_CASE("trend monthly summary: the authors' four statistics", "[trend]") {
  // means 1, 2, 3: average 2, sample SD 1; SDs 1, 2, 3: average 2, mean square 14/3.
  const auto s = llmfp::trend::summarize({1, 2, 3}, {1, 2, 3});
  CHECK(s.days == 3);
  CHECK(s.average == Approx(2));
  REQUIRE(s.day_to_day_sd);
  CHECK(*s.day_to_day_sd == Approx(1));
  CHECK(s.intra_day_sd == Approx(2));
  REQUIRE(s.pooled_sd);
  CHECK(*s.pooled_sd == Approx(std::sqrt(14.0 / 3 + 1)));
  // One day: no variance between days (the authors' NaN).
  const auto one = llmfp::trend::summarize({5}, {0.5});
  CHECK(one.average == 5);
  CHECK(one.intra_day_sd == 0.5);
  CHECK_FALSE(one.day_to_day_sd);
  CHECK_FALSE(one.pooled_sd);
}

TEST_CASE("Theil-Sen: median pairwise slope and Sen's 95 % interval, worked by hand", "[trend]") {
  // x = 1..5, y = 1 2 4 3 5: the ten pairwise slopes sorted are -1, 0.5, 0.5, 2/3, 1, 1, 1,
  // 1.5, 2, 2 -> median 1; intercept median(y) - 1 * median(x) = 3 - 3 = 0.
  // Var(S) = 5 * 4 * 15 / 18 = 16.67, z * sigma = 8.00: upper index round(9.0) = 9 (slope
  // 2), lower index round(1.0) - 1 = 0 (slope -1).
  const auto t = llmfp::trend::theil_sen({1, 2, 3, 4, 5}, {1, 2, 4, 3, 5});
  REQUIRE(t);
  CHECK(t->slope == Approx(1));
  CHECK(t->intercept == Approx(0).margin(1e-12));
  CHECK(t->low == Approx(-1));
  CHECK(t->high == Approx(2));
  CHECK(t->n == 5);

  // An exact line with one outlier: the slope ignores it; the interval holds the slope.
  std::vector<double> x, y;
  for (int i = 0; i < 30; ++i) {
    x.push_back(i);
    y.push_back(3 - 0.25 * i);
  }
  y[7] = 100;
  const auto l = llmfp::trend::theil_sen(x, y);
  REQUIRE(l);
  CHECK(l->slope == Approx(-0.25));
  CHECK(l->intercept == Approx(3));
  CHECK(l->low <= -0.25);
  CHECK(l->high >= -0.25);

  // Constant y (a frozen series): slope 0 and a zero-width interval.
  const auto flat = llmfp::trend::theil_sen({0, 1, 2, 3}, {2, 2, 2, 2});
  REQUIRE(flat);
  CHECK(flat->slope == 0);
  CHECK(flat->low == 0);
  CHECK(flat->high == 0);

  CHECK_FALSE(llmfp::trend::theil_sen({4}, {1}));
  CHECK_FALSE(llmfp::trend::theil_sen({}, {}));
}

TEST_CASE("op trend: bad requests are envelopes naming the field", "[trend]") {
  auto err = [](const char* text) {
    const auto r = nlohmann::json::parse(llmfp::handle(text));
    REQUIRE(r["ok"] == false);
    return r["error"];
  };
  CHECK(err(R"({"op":"trend"})")["code"] == "missing_field");
  CHECK(err(R"({"op":"trend","dataset":[]})")["path"] == "/dataset");
  CHECK(err(R"({"op":"trend","dataset":{"kind":"daily","part":"index"}})")["path"] ==
        "/dataset/part");
  const char* day =
      R"({"op":"trend","from":"2026-02-30","dataset":{"kind":"daily","part":"model","model":"m",)"
      R"("configs":[{"host":"Azure","hardware":"DGX A100","size_class":"Large","p_gpu_kw":3.2,)"
      R"("p_nongpu_kw":3.3,"u_gpu_min":0.125,"u_gpu_max":0.15,"u_nongpu":0.0625,"pue":1.12,)"
      R"("wue_site_l_per_kwh":0.3,"wue_source_l_per_kwh":4.35,"cif_kg_per_kwh":0.34}],)"
      R"("prompts":[{"prompt":"short","output_tokens":300,"date":["2026-01-01","2026-01-02"],)"
      R"("method":["v6","v6"],"config":[0,0],"ttft_s":[[1,1,1,1,1],[1,1,1,1,1]],)"
      R"("tps":[[50,50,50,50,50],[50,50,50,50,50]]}]}})";
  CHECK(err(day)["path"] == "/from");
  std::string unordered = day;
  unordered.replace(unordered.find("\"from\":\"2026-02-30\","), 20, "");
  unordered.replace(unordered.find("\"2026-01-01\",\"2026-01-02\""), 25,
                    "\"2026-01-02\",\"2026-01-01\"");
  const auto e = err(unordered.c_str());
  CHECK(e["path"] == "/dataset/prompts/0/date/1");
  CHECK(e["message"].get<std::string>().find("dates must increase") != std::string::npos);
}
