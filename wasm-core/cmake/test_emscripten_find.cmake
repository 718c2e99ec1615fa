# Test of the wasm preset's choice of Emscripten (emscripten_find.cmake), run by ctest
# (tests/cpp/CMakeLists.txt): cmake -DWORK=<scratch folder> -P test_emscripten_find.cmake
#
# In WORK it lays out SDK-shaped and install-shaped folders (an Emscripten SDK is
# <emsdk>/upstream/emscripten/; when Debian's package is installed that folder is a link
# to it, as an SDK's own emscripten folder would be, else a folder holding only the
# toolchain file) and checks, environment by environment, which toolchain file is chosen:
# an SDK (EMSDK or EMSCRIPTEN) before the emcc on PATH, and Debian's folder only when
# nothing else is there. No network, no real SDK needed.
cmake_minimum_required(VERSION 3.21)
include("${CMAKE_CURRENT_LIST_DIR}/emscripten_find.cmake")
set(platform "cmake/Modules/Platform/Emscripten.cmake")
set(debian_real "${LLMFP_EMSCRIPTEN_FALLBACK}")

file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/emsdk/upstream" "${WORK}/empty" "${WORK}/bin")
# A fake Debian package (the fallback) and an SDK.
file(WRITE "${WORK}/debian/${platform}" "# fake Debian toolchain file\n")
if(EXISTS "${debian_real}/${platform}")
  file(CREATE_LINK "${debian_real}" "${WORK}/emsdk/upstream/emscripten" SYMBOLIC)
else()
  file(WRITE "${WORK}/emsdk/upstream/emscripten/${platform}" "# fake SDK toolchain file\n")
endif()
# Another install (a tarball) whose emcc is on PATH through a link, as Homebrew does.
file(WRITE "${WORK}/tarball/emcc" "#!/bin/sh\n")
file(CHMOD "${WORK}/tarball/emcc" PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE)
file(WRITE "${WORK}/tarball/${platform}" "# fake toolchain file\n")
file(CREATE_LINK "${WORK}/tarball/emcc" "${WORK}/bin/emcc" SYMBOLIC)

set(failures 0)
# expect(<description> <expected file> <expected source>) with the environment as set.
function(expect what file from)
  set(LLMFP_EMSCRIPTEN_FALLBACK "${fallback}")
  llmfp_find_emscripten(got_file got_from)
  if(NOT got_file STREQUAL file OR NOT got_from STREQUAL from)
    message(SEND_ERROR "${what}: chose '${got_file}' (${got_from}), expected '${file}' (${from})")
    math(EXPR n "${failures} + 1")
    set(failures ${n} PARENT_SCOPE)
  else()
    message(STATUS "${what}: ${from}")
  endif()
endfunction()

function(environment toolchain emsdk emscripten path)
  set(ENV{EMSCRIPTEN_TOOLCHAIN_FILE} "${toolchain}")
  set(ENV{EMSDK} "${emsdk}")
  set(ENV{EMSCRIPTEN} "${emscripten}")
  set(ENV{PATH} "${path}")
endfunction()

set(real_path "$ENV{PATH}")
set(fallback "${WORK}/debian")
set(sdk "${WORK}/emsdk/upstream/emscripten/${platform}")

environment("" "${WORK}/emsdk" "" "${WORK}/bin")
expect("activated SDK (EMSDK), another emcc on PATH" "${sdk}" "EMSDK")
environment("" "" "${WORK}/emsdk/upstream/emscripten" "${WORK}/bin")
expect("SDK named by EMSCRIPTEN, another emcc on PATH" "${sdk}" "EMSCRIPTEN")
environment("" "${WORK}/empty" "" "${WORK}/bin")
expect("EMSDK not an SDK: the emcc on PATH" "${WORK}/tarball/${platform}" "emcc on PATH")
environment("" "" "" "${WORK}/empty")
expect("nothing else: Debian" "${WORK}/debian/${platform}" "Debian fallback")
environment("${WORK}/tarball/${platform}" "${WORK}/emsdk" "" "${WORK}/bin")
expect("EMSCRIPTEN_TOOLCHAIN_FILE first" "${WORK}/tarball/${platform}" "EMSCRIPTEN_TOOLCHAIN_FILE")
# With this machine's own PATH (Debian's emcc on it, if installed), an SDK still comes first.
environment("" "${WORK}/emsdk" "" "${real_path}")
expect("activated SDK before this machine's emcc" "${sdk}" "EMSDK")
set(fallback "${WORK}/nowhere")
environment("" "" "" "${WORK}/empty")
expect("no Emscripten at all" "" "${WORK}/nowhere/${platform}")

if(failures GREATER 0)
  message(FATAL_ERROR "${failures} of the toolchain choices were wrong")
endif()
