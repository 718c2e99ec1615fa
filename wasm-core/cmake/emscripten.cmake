# Toolchain file of the wasm preset: finds Emscripten's own toolchain file and includes it.
# Order (emscripten_find.cmake): EMSCRIPTEN_TOOLCHAIN_FILE, an Emscripten SDK (EMSDK, or
# EMSCRIPTEN), the emcc on PATH, and Debian's emscripten package only as the fallback.
# CI uses Debian 12's Emscripten 3.1.6 (docs/TOOLCHAIN.md).
include("${CMAKE_CURRENT_LIST_DIR}/emscripten_find.cmake")
llmfp_find_emscripten(_llmfp_toolchain _llmfp_from)
if(NOT _llmfp_toolchain)
  message(FATAL_ERROR "Emscripten not found (looked at: ${_llmfp_from}). Install Debian's "
                      "emscripten package (scripts/setup.sh) or activate an Emscripten SDK "
                      "(source emsdk_env.sh), or set EMSCRIPTEN_TOOLCHAIN_FILE.")
endif()
if(NOT _llmfp_emscripten_reported)  # the toolchain file is read more than once
  set(_llmfp_emscripten_reported TRUE)
  message(STATUS "Emscripten from ${_llmfp_from}: ${_llmfp_toolchain}")
endif()
include("${_llmfp_toolchain}")
