# Toolchain file of the wasm preset: finds Emscripten's own toolchain file and includes it.
# Order: the EMSCRIPTEN_TOOLCHAIN_FILE environment variable (an explicit path), an
# Emscripten SDK activated with emsdk_env.sh (EMSDK), the emcc found on PATH (its
# cmake/Modules/Platform/Emscripten.cmake beside it), and Debian's emscripten package as the
# fallback. CI uses Debian 12's Emscripten 3.1.6 (docs/TOOLCHAIN.md).
set(_llmfp_candidates)
if(DEFINED ENV{EMSCRIPTEN_TOOLCHAIN_FILE})
  list(APPEND _llmfp_candidates "$ENV{EMSCRIPTEN_TOOLCHAIN_FILE}")
endif()
if(DEFINED ENV{EMSDK})
  list(APPEND _llmfp_candidates
       "$ENV{EMSDK}/upstream/emscripten/cmake/Modules/Platform/Emscripten.cmake")
endif()
find_program(_llmfp_emcc emcc)
if(_llmfp_emcc)
  get_filename_component(_llmfp_emcc_real "${_llmfp_emcc}" REALPATH)
  get_filename_component(_llmfp_emcc_dir "${_llmfp_emcc_real}" DIRECTORY)
  list(APPEND _llmfp_candidates "${_llmfp_emcc_dir}/cmake/Modules/Platform/Emscripten.cmake")
endif()
list(APPEND _llmfp_candidates "/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake")

foreach(_llmfp_file IN LISTS _llmfp_candidates)
  if(EXISTS "${_llmfp_file}")
    include("${_llmfp_file}")
    return()
  endif()
endforeach()
message(FATAL_ERROR "Emscripten not found (looked at: ${_llmfp_candidates}). Install Debian's "
                    "emscripten package (scripts/setup.sh) or activate an Emscripten SDK "
                    "(source emsdk_env.sh), or set EMSCRIPTEN_TOOLCHAIN_FILE.")
