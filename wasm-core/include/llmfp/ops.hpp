// Operations of the JSON API. Each takes the validated request object and returns the
// "result" object, or throws InputError (see json_in.hpp). One file per operation under
// wasm-core/src/ops/, each owning its request schema (documented in docs/api.md).
#pragma once

#include "llmfp/json_in.hpp"

namespace llmfp::ops {

json version(const Obj& request);              // engine + API version, build info
json validate_dataset(const Obj& request);     // check a footprint dataset, list every issue
json estimate(const Obj& request);             // per-query energy, water, carbon
json scale(const Obj& request);                // a day / a year of queries, equivalences
json dea(const Obj& request);                  // DEA on an explicit input/output matrix
json rank(const Obj& request);                 // eco-efficiency ranking of models (DEA)
json uncertainty(const Obj& request);          // joint Monte Carlo over uncertain assumptions
json sensitivity(const Obj& request);          // Sobol indices and tornado
json stats(const Obj& request);                // ANOVA, Tukey HSD, Welch t-test
json attribute(const Obj& request);            // hardware attribution across hosts
json import_measurements(const Obj& request);  // op "import": user CSV/JSON -> dataset
json export_measurements(const Obj& request);  // op "export": dataset -> import CSV
json trend(const Obj& request);                // daily series, monthly summaries, change

}  // namespace llmfp::ops
