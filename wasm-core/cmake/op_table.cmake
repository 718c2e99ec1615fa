# The op table of api.cpp, generated at configure time from the API contract
# (wasm-core/contract/ops.json: every op, the wasm module that serves it, its C++ function).
# Writes <dir>/llmfp/op_table.hpp: for each build (native "all", wasm "core", wasm "lab")
# the ops it serves, and the names of every op (so every build names the same ops in errors).
function(llmfp_generate_op_table contract dir)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${contract})
  file(READ ${contract} text)
  string(JSON count LENGTH ${text} ops)
  math(EXPR last "${count} - 1")
  set(all_names "")
  set(entries_all "")
  set(entries_core "")
  set(entries_lab "")
  foreach(i RANGE ${last})
    string(JSON name GET ${text} ops ${i} name)
    string(JSON module GET ${text} ops ${i} module)
    string(JSON fn GET ${text} ops ${i} function)
    if(NOT module MATCHES "^(all|core|lab)$")
      message(FATAL_ERROR "${contract}: op \"${name}\" has module \"${module}\" (all, core or lab)")
    endif()
    set(entry "    {\"${name}\", &ops::${fn}},\n")
    string(APPEND all_names "    \"${name}\",\n")
    string(APPEND entries_all "${entry}")
    if(module STREQUAL "all" OR module STREQUAL "core")
      string(APPEND entries_core "${entry}")
    endif()
    if(module STREQUAL "all" OR module STREQUAL "lab")
      string(APPEND entries_lab "${entry}")
    endif()
  endforeach()
  set(header "// Generated from wasm-core/contract/ops.json by wasm-core/cmake/op_table.cmake: do not edit.
#pragma once

#include \"llmfp/ops.hpp\"

namespace llmfp::contract {

using OpFn = json (*)(const Obj&);
struct OpEntry {
  const char* name;
  OpFn fn;
};

// The ops this build serves.
inline constexpr OpEntry kServedOps[] = {
#if defined(LLMFP_MODULE_CORE)
${entries_core}#elif defined(LLMFP_MODULE_LAB)
${entries_lab}#else
${entries_all}#endif
};

// Every op of the API, whichever build serves it.
inline constexpr const char* kAllOps[] = {
${all_names}};

}  // namespace llmfp::contract
")
  # Written only when it changes, so a reconfigure does not rebuild api.cpp.
  file(CONFIGURE OUTPUT ${dir}/llmfp/op_table.hpp CONTENT "${header}")
endfunction()
