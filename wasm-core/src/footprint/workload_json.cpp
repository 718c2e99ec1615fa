// JSON of workloads and sessions: see workload_json.hpp.
#include "workload_json.hpp"

#include <cmath>
#include <string>

namespace llmfp::footprint::workload {
double read_tokens(const Obj& o, const char* key, double lo, double hi, const char* what) {
  return check_tokens(o.number(key), o.at(key), key, lo, hi, what);
}

namespace {

double read_reasoning(const Obj& o) {
  if (!o.has("reasoning_tokens")) return -1;
  return read_tokens(o, "reasoning_tokens", 0, kMaxOutputTokens,
                     "hidden reasoning (thinking) tokens");
}

}  // namespace

namespace {

bool read_rule(const Obj& o) {
  return o.choice_or("rule", "measured", {"measured", "monotone"}) == "monotone";
}

}  // namespace

Query read_query(const Obj& w) {
  w.only({"input_tokens", "output_tokens", "reasoning_tokens", "rule"});
  Query q;
  q.input_tokens = read_tokens(w, "input_tokens", 1, kMaxInputTokens,
                               "the input (everything sent, with any document or history)");
  q.output_tokens = read_tokens(w, "output_tokens", 1, kMaxOutputTokens, "the answer");
  q.reasoning_tokens = read_reasoning(w);
  q.monotone = read_rule(w);
  if (q.reasoning_tokens >= 0 && q.output_tokens + q.reasoning_tokens > kMaxOutputTokens) {
    fail(code::kOutOfRange, w.at("reasoning_tokens"),
         "output_tokens + reasoning_tokens is more than 1,000,000 tokens");
  }
  return q;
}

namespace {

CachedShare read_cached(const Obj& s) {
  CachedShare c;
  if (!s.has("cached_share")) return c;
  if (s.raw()["cached_share"].is_number()) {
    c.value = c.low = c.high = s.number("cached_share", Range::unit());
    return c;
  }
  const Obj o = s.object("cached_share");
  o.only({"value", "low", "high"});
  c.value = o.number("value", Range::unit());
  c.low = o.number_or("low", c.value, Range::unit());
  c.high = o.number_or("high", c.value, Range::unit());
  if (c.low > c.value) {
    fail(code::kInvalidValue, o.at("low"), "cached_share low must not be above its value");
  }
  if (c.high < c.value) {
    fail(code::kInvalidValue, o.at("high"), "cached_share high must not be below its value");
  }
  return c;
}

}  // namespace

namespace {

Turn read_turn(const Obj& t, const char* what) {
  t.only({"input_tokens", "output_tokens", "reasoning_tokens"});
  Turn turn;
  turn.input_tokens = read_tokens(t, "input_tokens", 1, kMaxInputTokens, what);
  turn.output_tokens = read_tokens(t, "output_tokens", 1, kMaxOutputTokens, "the answer");
  turn.reasoning_tokens = read_reasoning(t);
  return turn;
}

}  // namespace

Session read_session(const Obj& s) {
  s.only({"system_tokens", "history", "cached_share", "turns", "generate", "rule"});
  Session out;
  if (s.has("system_tokens")) {
    out.system_tokens = read_tokens(s, "system_tokens", 0, kMaxInputTokens, "the system prompt");
  }
  out.history = s.boolean_or("history", true);
  out.monotone = read_rule(s);
  out.cached = read_cached(s);
  const bool has_turns = s.has("turns"), has_gen = s.has("generate");
  if (has_turns == has_gen) {
    fail(code::kInvalidValue, s.path(),
         "a session needs either \"turns\" (a list of turns) or \"generate\" (turns and tokens per "
         "turn), not both");
  }
  const auto too_many = [](const std::string& path, double n) {
    fail(code::kTooLarge, path,
         grouped(n) + " turns is more than the limit of " + grouped(kMaxTurns) +
             " turns per session; describe a longer session as several sessions");
  };
  if (has_turns) {
    const Arr turns = s.array("turns");
    if (turns.size() == 0)
      fail(code::kInvalidValue, turns.path(), "turns must list at least one turn");
    if (turns.size() > static_cast<std::size_t>(kMaxTurns)) {
      too_many(turns.path(), static_cast<double>(turns.size()));
    }
    for (std::size_t k = 0; k < turns.size(); ++k) {
      out.turns.push_back(read_turn(turns.object(k), "a turn's new input"));
    }
  } else {
    const Obj g = s.object("generate");
    g.only({"turns", "input_tokens", "output_tokens", "reasoning_tokens"});
    const double n = g.number("turns");
    if (n > kMaxTurns) too_many(g.at("turns"), n);
    const double turns = read_tokens(g, "turns", 1, kMaxTurns, "the number of turns");
    Turn turn;
    turn.input_tokens = read_tokens(g, "input_tokens", 1, kMaxInputTokens, "a turn's new input");
    turn.output_tokens = read_tokens(g, "output_tokens", 1, kMaxOutputTokens, "the answer");
    turn.reasoning_tokens = read_reasoning(g);
    out.turns.assign(static_cast<std::size_t>(turns), turn);
  }
  // The context of the last turn must fit.
  for (std::size_t k = 0; k < out.turns.size(); ++k) {
    const double ctx = turn_query(out, k, 0).input_tokens;
    if (ctx > kMaxInputTokens) {
      fail(code::kTooLarge, s.path(),
           "the context reaches " + grouped(ctx) + " tokens at turn " + std::to_string(k + 1) +
               ", more than " + grouped(kMaxInputTokens) +
               " tokens (the longest context windows); use fewer or shorter turns");
    }
  }
  return out;
}

}  // namespace llmfp::footprint::workload
