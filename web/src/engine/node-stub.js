// The Emscripten glue also runs under Node (tests), where it requires 'fs' and 'path';
// in the browser those branches never run. This empty module stands in for them.
export default {};
