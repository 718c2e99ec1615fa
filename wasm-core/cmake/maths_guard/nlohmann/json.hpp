// Stand-in for <nlohmann/json.hpp>, first on the include path of the core maths only
// (llmfp_maths in wasm-core/CMakeLists.txt): core maths takes plain structs and reports
// errors with llmfp/status.hpp; JSON is read and written in the *_json.cpp edge files
// and in ops/. Including this file (directly or through another header) is an error.
#error \
    "core maths must not include nlohmann/json.hpp (wasm-core/src/stats, dea, uncertainty, pmath*.cpp take plain structs and report errors with llmfp/status.hpp; JSON belongs in the *_json.cpp edge files and ops/, see CONTRIBUTING.md)"
