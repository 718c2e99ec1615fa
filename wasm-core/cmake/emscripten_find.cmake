# Which Emscripten the wasm preset builds with (used by emscripten.cmake, tested by
# test_emscripten_find.cmake). llmfp_find_emscripten(<file-var> <from-var>) sets <file-var>
# to the first of these that exists and <from-var> to where it came from:
#   1. $EMSCRIPTEN_TOOLCHAIN_FILE                  an explicit toolchain file
#   2. $EMSDK/upstream/emscripten/...              an Emscripten SDK (source emsdk_env.sh)
#   3. $EMSCRIPTEN/...                             an Emscripten folder (older SDKs set it)
#   4. the emcc on PATH, resolved, .../            any other install (Homebrew, a tarball)
#   5. LLMFP_EMSCRIPTEN_FALLBACK/...               Debian's package, /usr/share/emscripten
# where ... is cmake/Modules/Platform/Emscripten.cmake. <file-var> is empty when none exists.
# Pinned versions (README.md "Building by hand"): Debian 12's Emscripten 3.1.6 in CI; with an SDK,
# the same version (`emsdk install 3.1.6`).
set(LLMFP_EMSCRIPTEN_FALLBACK "/usr/share/emscripten")

function(llmfp_find_emscripten file_var from_var)
  set(platform "cmake/Modules/Platform/Emscripten.cmake")
  set(candidates "")
  set(sources "")
  if(NOT "$ENV{EMSCRIPTEN_TOOLCHAIN_FILE}" STREQUAL "")
    list(APPEND candidates "$ENV{EMSCRIPTEN_TOOLCHAIN_FILE}")
    list(APPEND sources "EMSCRIPTEN_TOOLCHAIN_FILE")
  endif()
  if(NOT "$ENV{EMSDK}" STREQUAL "")
    list(APPEND candidates "$ENV{EMSDK}/upstream/emscripten/${platform}")
    list(APPEND sources "EMSDK")
  endif()
  if(NOT "$ENV{EMSCRIPTEN}" STREQUAL "")
    list(APPEND candidates "$ENV{EMSCRIPTEN}/${platform}")
    list(APPEND sources "EMSCRIPTEN")
  endif()
  find_program(emcc emcc NO_CACHE)
  if(emcc)
    get_filename_component(emcc_real "${emcc}" REALPATH)
    get_filename_component(emcc_dir "${emcc_real}" DIRECTORY)
    list(APPEND candidates "${emcc_dir}/${platform}")
    list(APPEND sources "emcc on PATH")
  endif()
  list(APPEND candidates "${LLMFP_EMSCRIPTEN_FALLBACK}/${platform}")
  list(APPEND sources "Debian fallback")
  set(${file_var} "" PARENT_SCOPE)
  set(${from_var} "${candidates}" PARENT_SCOPE)  # what was looked at, when none exists
  foreach(file source IN ZIP_LISTS candidates sources)
    if(EXISTS "${file}")
      set(${file_var} "${file}" PARENT_SCOPE)
      set(${from_var} "${source}" PARENT_SCOPE)
      return()
    endif()
  endforeach()
endfunction()
