# Checks that the core maths stays free of JSON (CONTRIBUTING.md: core maths takes plain
# structs; JSON is read and written in the *_json.cpp edge files and ops/). Run by ctest
# (tests/cpp/CMakeLists.txt) in two modes:
#
#   cmake -DMODE=scan -DSRC=<wasm-core> -P check_maths.cmake
#     Follows every #include "..." from the core maths sources (src/stats, src/dea,
#     src/uncertainty except *_json.*, src/pmath*.cpp) through the headers they reach and
#     fails, naming the chain, if any of them includes nlohmann/json or llmfp/json_in.hpp.
#   cmake -DMODE=guard -DSRC=<wasm-core> -DCXX=<compiler> -DDEPS=<build>/deps
#         -DWORK=<scratch folder> -P check_maths.cmake
#     Checks the build's own guard (cmake/maths_guard/, first on the include path of the
#     llmfp_maths library): a file including nlohmann/json.hpp, llmfp/json_in.hpp or a
#     header that includes them (api.hpp, dea_json.hpp) must fail to compile with the
#     guard's message, and core maths headers must compile under it.
cmake_minimum_required(VERSION 3.20)

set(forbidden_regex "^[ \t]*#[ \t]*include[ \t]*[<\"](nlohmann/|llmfp/json_in\\.hpp)")

function(scan)
  file(GLOB sources ${SRC}/src/stats/*.cpp ${SRC}/src/dea/*.cpp ${SRC}/src/dea/*.hpp
       ${SRC}/src/uncertainty/*.cpp ${SRC}/src/uncertainty/*.hpp ${SRC}/src/pmath*.cpp)
  list(FILTER sources EXCLUDE REGEX "_json[^/]*\\.(cpp|hpp)$")
  if(NOT sources)
    message(FATAL_ERROR "no core maths sources found under ${SRC}/src")
  endif()
  set(queue ${sources})
  set(seen ${sources})
  set(checked 0)
  while(queue)
    list(POP_FRONT queue file)
    math(EXPR checked "${checked} + 1")
    file(STRINGS ${file} includes REGEX "^[ \t]*#[ \t]*include")
    get_filename_component(dir ${file} DIRECTORY)
    foreach(line IN LISTS includes)
      if(line MATCHES "${forbidden_regex}")
        set(chain "${file}")
        set(at "${file}")
        while(DEFINED from_${at})
          set(at "${from_${at}}")
          string(PREPEND chain "${at}\n  includes ")
        endwhile()
        string(REPLACE "${SRC}/" "wasm-core/" chain "${chain}")
        message(FATAL_ERROR "core maths reaches JSON: ${chain}\n  with: ${line}\n"
                            "Core maths takes plain structs and reports errors with "
                            "llmfp/status.hpp; read and write JSON in the *_json.cpp edge "
                            "files and ops/ (CONTRIBUTING.md).")
      endif()
      if(line MATCHES "#[ \t]*include[ \t]*\"([^\"]+)\"")
        set(name "${CMAKE_MATCH_1}")
        set(target "")
        if(EXISTS "${dir}/${name}")
          get_filename_component(target "${dir}/${name}" ABSOLUTE)
        elseif(EXISTS "${SRC}/include/${name}")
          set(target "${SRC}/include/${name}")
        endif()
        if(target AND NOT target IN_LIST seen)
          list(APPEND seen ${target})
          list(APPEND queue ${target})
          set(from_${target} "${file}")
        endif()
      endif()
    endforeach()
  endwhile()
  message(STATUS "core maths: ${checked} files (sources and the headers they reach) without JSON")
endfunction()

function(compile name text expect_ok)
  set(tu ${WORK}/${name}.cpp)
  file(WRITE ${tu} "${text}")
  execute_process(
    COMMAND ${CXX} -std=c++17 -fsyntax-only -Wfatal-errors -I${SRC}/cmake/maths_guard -I${SRC}/include
            -isystem ${DEPS} ${tu}
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(expect_ok AND NOT rc EQUAL 0)
    message(FATAL_ERROR "${name}: the core maths headers do not compile under the guard:\n${out}")
  endif()
  if(NOT expect_ok)
    if(rc EQUAL 0)
      message(FATAL_ERROR "${name}: compiled under the maths guard, which should reject it")
    endif()
    if(NOT out MATCHES "core maths must not include")
      message(FATAL_ERROR "${name}: failed, but not with the guard's message:\n${out}")
    endif()
  endif()
endfunction()

function(guard)
  file(MAKE_DIRECTORY ${WORK})
  compile(json "#include <nlohmann/json.hpp>\n" FALSE)
  compile(json_in "#include \"llmfp/json_in.hpp\"\n" FALSE)
  compile(api "#include \"llmfp/api.hpp\"\n" FALSE)
  compile(dea_json "#include \"llmfp/dea_json.hpp\"\n" FALSE)
  # A control: headers of the core maths (the build compiles all of them under the guard;
  # these few, without Eigen, keep the test fast) are accepted.
  set(headers attribution pmath sensitivity stats stats_dist status uncertainty)
  set(text "")
  foreach(h IN LISTS headers)
    string(APPEND text "#include \"llmfp/${h}.hpp\"\n")
  endforeach()
  compile(maths_headers "${text}" TRUE)
  list(LENGTH headers count)
  message(STATUS "maths guard: rejects nlohmann/json, json_in.hpp, api.hpp and dea_json.hpp; "
                 "accepts the ${count} core maths headers")
endfunction()

if(MODE STREQUAL "scan")
  scan()
elseif(MODE STREQUAL "guard")
  guard()
else()
  message(FATAL_ERROR "check_maths.cmake: MODE must be scan or guard")
endif()
